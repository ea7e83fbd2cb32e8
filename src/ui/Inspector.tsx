/**
 * The inspector: everything the dataset knows about the selected place, road, area or event, with
 * every citation. Competing figures sit side by side with who gave them; disputed claims say so.
 * Everything from the data is rendered as text.
 */
import { appStore, useApp } from '../state/store';
import { eventDate } from '../text/event-date';
import { localize } from '../text/localize';
import { formatReadable } from '../time/iso';
import { claimWording } from '../timeline/attribution';
import type { Claim, Claimant, Dataset, Figure, Names, TimelineEvent } from '../timeline/dataset';
import { NAMINGS, type Naming, PLACE_STATE_WORDS } from '../vocabulary/vocabulary';
import { CitationList } from './Citations';
import { NAMING_LABELS } from './NamingSwitch';

/** A name in the chosen convention, falling back to English. */
export function nameIn(names: Names, naming: Naming): string {
  return names[naming] ?? names.en;
}

function NamesTable({ names, unsourced = [] }: { names: Names; unsourced?: readonly string[] }) {
  return (
    <dl className="names">
      {NAMINGS.map((n) => (
        <div key={n}>
          <dt>{NAMING_LABELS[n]}</dt>
          <dd lang={n === 'en' ? 'en' : n}>
            {names[n] ?? '—'}
            {unsourced.includes(n) && <span className="unsourced"> (form not found in a cited source)</span>}
          </dd>
        </div>
      ))}
    </dl>
  );
}

/** `killed-fuel-depot` → "Killed fuel depot". */
const sentence = (id: string) => {
  const words = id.replaceAll('-', ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
};

const amount = (f: Figure) =>
  f.text ??
  `${f.qualifier ? `${f.qualifier} ` : ''}${(f.value ?? 0).toLocaleString('en')}${f.max !== undefined ? `–${f.max.toLocaleString('en')}` : ''}`;

/** Figures grouped by what they count, so disagreeing sources stand side by side. */
function Figures({ figures }: { figures: readonly Figure[] }) {
  const groups = new Map<string, Figure[]>();
  for (const f of figures) groups.set(f.quantity, [...(groups.get(f.quantity) ?? []), f]);
  return (
    <section className="inspector-section">
      <h3>Figures</h3>
      {[...groups].map(([quantity, list]) => (
        <div key={quantity} className="figure-group" data-quantity={quantity}>
          <p className="figure-quantity">
            {sentence(quantity)}
            {list.length > 1 && new Set(list.map((f) => `${f.value}${f.text ?? ''}`)).size > 1 && (
              <span className="disagree"> · sources disagree</span>
            )}
          </p>
          <ul className="figure-list">
            {list.map((f) => (
              <li key={`${f.claimant}:${amount(f)}`}>
                <strong>
                  {amount(f)} {f.unit}
                </strong>{' '}
                <span className={`side side-${f.side}`}>{f.claimant}</span>
                {f.note && <span className="figure-note"> — {f.note}</span>}
                {f.derived && (
                  <span className="figure-note">
                    {' '}
                    — derived: {f.derived.formula} ({f.derived.note})
                  </span>
                )}
                <CitationList citations={f.citations} />
              </li>
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}

function Claims({ claims, claimants }: { claims: readonly Claim[]; claimants: ReadonlyMap<string, Claimant> }) {
  return (
    <section className="inspector-section">
      <h3>Claims</h3>
      {claims.map((c) => (
        <div key={c.id} className={`claim-pair status-${c.status}`} data-claim={c.id}>
          <div className="claim-side">
            <p>
              <span className="claim-status">{c.status}</span> {c.statement}
            </p>
            <p className="claim-wording">{claimWording(c, claimants)}</p>
            <p className={`side side-${c.side}`}>{c.claimant}</p>
            {c.note && <p className="note">{c.note}</p>}
            <CitationList citations={c.citations} />
          </div>
          {c.response && (
            <div className="claim-side response">
              <p>{c.response.statement}</p>
              <p className={`side side-${c.response.side}`}>{c.response.claimant}</p>
              <CitationList citations={c.response.citations} />
            </div>
          )}
        </div>
      ))}
    </section>
  );
}

/** The claims a mark depicts, each with whose it is. */
function Depicted({ ids, data }: { ids: readonly string[]; data: Dataset }) {
  return (
    <ul className="depicted">
      {ids.map((id) => {
        const c = data.claims.get(id);
        return c ? (
          <li key={id}>
            {c.statement} <span className="claim-wording">({claimWording(c, data.claimants)})</span>
          </li>
        ) : null;
      })}
    </ul>
  );
}

/** What the event draws on the map, each mark with the status of the claims it depicts. */
function Marks({ e, data, naming }: { e: TimelineEvent; data: Dataset; naming: Naming }) {
  const place = (id: string) => nameIn(data.places.get(id)?.names ?? { en: id }, naming);
  if (e.effects.length + e.movements.length === 0) return null;
  return (
    <section className="inspector-section" data-testid="inspector-marks">
      <h3>On the map</h3>
      <ul className="marks">
        {e.effects.map((f) => (
          <li key={`${f.place}:${f.state}`} className={`mark status-${f.mark.status}`} data-status={f.mark.status}>
            <strong>
              {place(f.place)}: {PLACE_STATE_WORDS[f.state]}
            </strong>{' '}
            · {f.mark.short}
            <Depicted ids={f.mark.claimIds} data={data} />
          </li>
        ))}
        {e.movements.map((m) => (
          <li
            key={`${m.from}-${m.to}-${m.start}`}
            className={`mark status-${m.mark.status}`}
            data-status={m.mark.status}
          >
            <strong>
              {place(m.from)} → {place(m.to)}: {m.people === undefined ? 'unknown number' : `${m.people} people`}
            </strong>{' '}
            · {m.mark.short}
            <Depicted ids={m.mark.claimIds} data={data} />
            <p className="note">{m.basis}</p>
            {m.citations && <CitationList citations={m.citations} />}
          </li>
        ))}
      </ul>
    </section>
  );
}

function PlaceLink({ id, data, naming }: { id: string; data: Dataset; naming: Naming }) {
  const place = data.places.get(id);
  if (!place) return <span>{id}</span>;
  return (
    <button type="button" className="link" onClick={() => appStore.getState().select(`place:${id}`)}>
      {nameIn(place.names, naming)}
    </button>
  );
}

function EventDetails({ e, data, naming }: { e: TimelineEvent; data: Dataset; naming: Naming }) {
  return (
    <>
      <p className="event-meta">
        <span className={`category cat-${e.category}`}>{e.category}</span> {eventDate(e)}
        {e.end !== undefined && e.precision !== 'window' && (
          <> to {formatReadable(e.end, e.endPrecision === 'minute' || e.endPrecision === 'hour' ? 'minute' : 'day')}</>
        )}
      </p>
      <h2 className="inspector-title">{localize(e.title, data, naming)}</h2>
      <p>{localize(e.summary, data, naming)}</p>
      {e.places.length > 0 && (
        <p className="places-line">
          Places:{' '}
          {e.places.map((id, i) => (
            <span key={id}>
              {i > 0 && ', '}
              <PlaceLink id={id} data={data} naming={naming} />
            </span>
          ))}
        </p>
      )}
      {e.note && <p className="note">{e.note}</p>}
      <Marks e={e} data={data} naming={naming} />
      {e.figures.length > 0 && <Figures figures={e.figures} />}
      {e.claims.length > 0 && <Claims claims={e.claims} claimants={data.claimants} />}
      <section className="inspector-section">
        <h3>Sources</h3>
        <CitationList citations={e.citations} />
      </section>
    </>
  );
}

function SelectionDetails({ selection, data, naming }: { selection: string; data: Dataset; naming: Naming }) {
  const [kind, id = ''] = selection.split(':');
  if (kind === 'event') {
    const e = data.events.find((x) => x.id === id);
    if (e) return <EventDetails e={e} data={data} naming={naming} />;
  }
  if (kind === 'place') {
    const p = data.places.get(id);
    if (p) {
      const here = data.events.filter((e) => e.places.includes(id));
      return (
        <>
          <p className="event-meta">{p.kind}</p>
          <h2 className="inspector-title">{nameIn(p.names, naming)}</h2>
          <NamesTable names={p.names} unsourced={p.unsourcedNames} />
          {p.namesInSources.length > 0 && (
            <section className="inspector-section">
              <h3>Names the sources use</h3>
              <ul>
                {p.namesInSources.map((n) => (
                  <li key={`${n.name}:${n.article}:${n.paragraph}`}>
                    “{n.name}”{n.note ? ` (${n.note})` : ''}
                    <CitationList citations={[{ article: n.article, paragraph: n.paragraph }]} />
                  </li>
                ))}
              </ul>
            </section>
          )}
          <p className="note">
            Position: {p.coordinates[1]?.toFixed(4)}° N, {p.coordinates[0]?.toFixed(4)}° E · {p.confidence}
            {p.note ? ` · ${p.note}` : ''}
          </p>
          {p.mentions.length > 0 && (
            <section className="inspector-section">
              <h3>What the sources say happened here</h3>
              <ul>
                {p.mentions.map((m) => (
                  <li key={`${m.article}:${m.paragraph}`}>
                    {localize(m.says, data, naming)}
                    <CitationList citations={[{ article: m.article, paragraph: m.paragraph }]} />
                  </li>
                ))}
              </ul>
            </section>
          )}
          {here.length > 0 && (
            <section className="inspector-section">
              <h3>Events here</h3>
              <ul>
                {here.map((e) => (
                  <li key={e.id}>
                    <button type="button" className="link" onClick={() => jumpToEvent(e)}>
                      {eventDate(e)}: {localize(e.title, data, naming)}
                    </button>
                  </li>
                ))}
              </ul>
            </section>
          )}
          <section className="inspector-section">
            <h3>Where the position comes from</h3>
            <CitationList citations={p.sources} />
          </section>
        </>
      );
    }
  }
  if (kind === 'route') {
    const r = data.routes.get(id);
    if (r) {
      return (
        <>
          <p className="event-meta">road</p>
          <h2 className="inspector-title">{nameIn(r.names, naming)}</h2>
          <p className="note">{r.geometryBasis}</p>
          {r.note && <p className="note">{r.note}</p>}
          <section className="inspector-section">
            <h3>Status over time</h3>
            <ul className="status-list">
              {r.status.map((s) => (
                <li key={s.from} className={`status-${s.status}`}>
                  <strong>{s.status}</strong> from {formatReadable(s.from)} to {formatReadable(s.to)} ({s.basis}):{' '}
                  {s.note}
                  {s.disputed && (
                    <span className="disputed">
                      {' '}
                      Disputed by {s.disputed.by}: {s.disputed.claim}
                    </span>
                  )}
                  <CitationList citations={s.citations} />
                </li>
              ))}
            </ul>
          </section>
        </>
      );
    }
  }
  if (kind === 'area') {
    const a = data.areaInfo.get(id);
    if (a) {
      return (
        <>
          <p className="event-meta">
            {a.kind}
            {a.approximate ? ' · approximate' : ''}
          </p>
          <h2 className="inspector-title">{nameIn(a.names, naming)}</h2>
          {a.mark && (
            <p className={`mark status-${a.mark.status}`} data-testid="area-status" data-status={a.mark.status}>
              <strong>{a.mark.short}.</strong> {a.mark.wording}
            </p>
          )}
          <p className="note">{a.note}</p>
          <section className="inspector-section">
            <h3>Sources</h3>
            <CitationList citations={a.sources} />
          </section>
        </>
      );
    }
  }
  return <p>Nothing in the dataset is called “{selection}”.</p>;
}

/** Selects an event, moves time to it and the map to its first place. */
export function jumpToEvent(e: TimelineEvent): void {
  const s = appStore.getState();
  s.pause();
  s.setTime(e.start);
  s.select(`event:${e.id}`);
  const place = e.places.map((id) => s.engine?.data.places.get(id)).find(Boolean);
  const [lon, lat] = place?.coordinates ?? [];
  if (lon !== undefined && lat !== undefined) s.setView({ lon, lat, zoom: Math.max(s.view.zoom, 8.5) });
}

export function Inspector() {
  const selection = useApp((s) => s.selection);
  const engine = useApp((s) => s.engine);
  const naming = useApp((s) => s.names);
  if (!selection || !engine) return null;
  return (
    <section className="inspector" aria-label="Inspector" data-testid="inspector">
      <button
        type="button"
        className="inspector-close"
        onClick={() => appStore.getState().select(null)}
        aria-label="Close the inspector"
      >
        ×
      </button>
      <SelectionDetails selection={selection} data={engine.data} naming={naming} />
    </section>
  );
}
