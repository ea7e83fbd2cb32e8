/**
 * The current event: title, date at its precision, summary, and its claims with who made them.
 * A polite live region announces each new event to screen readers as the slider moves.
 */
import { useScene } from '../state/scene-cache';
import { useApp } from '../state/store';
import { eventDate } from '../text/event-date';
import { localize } from '../text/localize';
import { claimWording } from '../timeline/attribution';
import { CitationList } from './Citations';
import { MapMarks } from './MapMarks';

export function EventCard({ large = false }: { large?: boolean }) {
  const scene = useScene();
  const data = useApp((s) => s.engine?.data);
  const naming = useApp((s) => s.names);
  const e = scene?.current;
  const text = (t: string) => localize(t, data, naming);
  return (
    <>
      <p className="visually-hidden" aria-live="polite" data-testid="event-announcer">
        {e ? `${eventDate(e)}: ${text(e.title)}` : ''}
      </p>
      {e && (
        <article className={large ? 'event-card large' : 'event-card'} data-testid="event-card" data-event={e.id}>
          <p className="event-meta">
            <span className={`category cat-${e.category}`}>{e.category}</span> {eventDate(e)}
          </p>
          <h2>{text(e.title)}</h2>
          <p className="event-summary">{text(e.summary)}</p>
          <MapMarks large={large} />
          {!large && data && e.claims.length > 0 && (
            <ul className="claims">
              {e.claims.map((c) => (
                <li key={c.id} className={`claim status-${c.status}`}>
                  <span className="claim-status">{c.status}</span> {text(c.statement)}{' '}
                  <span className="claimant">— {claimWording(c, data.claimants)}</span>
                  {c.response && (
                    <span className="response">
                      {' '}
                      Response: {c.response.statement} <span className="claimant">— {c.response.claimant}</span>
                    </span>
                  )}
                </li>
              ))}
            </ul>
          )}
          {!large && (
            <details className="event-sources">
              <summary>Sources ({e.citations.length})</summary>
              <CitationList citations={e.citations} />
            </details>
          )}
        </article>
      )}
    </>
  );
}
