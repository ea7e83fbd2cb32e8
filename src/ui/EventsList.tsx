/**
 * The events around the current time, in step with the slider: the current one highlighted, the
 * previous and next ones a click away. Over a cumulative range or a window, every event in it.
 */
import { sceneOf, useSceneInputs } from '../state/scene-cache';
import { useApp } from '../state/store';
import { eventDate } from '../text/event-date';
import { localize } from '../text/localize';
import { inRange, passesFilter } from '../timeline/filter';
import { jumpToEvent } from './Inspector';

const AROUND = 3;

export function EventsList() {
  const inputs = useSceneInputs();
  const { engine, range, from, categories, sides, outlets, t } = inputs;
  const scene = sceneOf(inputs);
  const naming = useApp((s) => s.names);
  if (!engine) return null;
  const filter = { categories, sides, outlets };
  const events = engine.data.events.filter((e) => passesFilter(e, filter, engine.data));
  let shown = events;
  if (range === 'instant') {
    const i = events.findIndex((e) => e.start > t);
    const next = i === -1 ? events.length : i;
    shown = events.slice(Math.max(0, next - AROUND), next + AROUND);
  } else shown = events.filter((e) => inRange(e, t, { range, from }));
  const current = scene?.current?.id;
  return (
    <section className="panel events-list" aria-label="Events">
      <h2 className="events-title">
        Events{' '}
        <span className="count">
          {range === 'instant'
            ? 'around this time'
            : `${shown.length} in ${range === 'window' ? 'the window' : 'all up to now'}`}
        </span>
      </h2>
      <ol>
        {shown.map((e) => (
          <li key={e.id} aria-current={e.id === current ? 'true' : undefined} className={e.start > t ? 'future' : ''}>
            <button type="button" className="event-item" onClick={() => jumpToEvent(e)} data-event={e.id}>
              <span className={`dot cat-${e.category}`} aria-hidden="true" />
              <span className="event-item-date">{eventDate(e)}</span>
              <span className="event-item-title">{localize(e.title, engine.data, naming)}</span>
            </button>
          </li>
        ))}
      </ol>
      {shown.length === 0 && <p className="empty">No event matches the filters here.</p>}
    </section>
  );
}
