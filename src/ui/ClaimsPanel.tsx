/**
 * Claims checked against the map: for each, the question, the source's figure with who gave it and
 * where, the figure computed from the map's data with how, and a flag: ✓ within the stated tolerance,
 * or ⚠ by how much it differs beyond it. Text only.
 */
import { useMemo } from 'react';
import { fmt } from '../analysis/claim-check';
import { type ClaimCheck, type ComputedFigure, checkClaims, type DayRow, type StatedFigure } from '../analysis/claims';
import { useApp } from '../state/store';
import { formatReadable } from '../time/iso';
import { POPULATION_BEFORE } from '../timeline/scene';
import { CitationList } from './Citations';
import './ClaimsPanel.css';

const digits = (unit: string) => (unit === 'people' ? 0 : 1);
const amount = (f: { value: number; max?: number; unit: string }) =>
  `${fmt(f.value, digits(f.unit))}${f.max === undefined ? '' : `–${fmt(f.max, digits(f.unit))}`} ${f.unit}`;
const said = (s: StatedFigure) => `${s.qualifier ? `${s.qualifier} ` : ''}${amount(s)}`;
const signed = (n: number, unit: string) => `${n < 0 ? '−' : '+'}${fmt(Math.abs(n), digits(unit))} ${unit}`;
const percent = (n: number) =>
  `${n < 0 ? '−' : '+'}${(Math.abs(n) * 100).toLocaleString('en', { minimumFractionDigits: 1, maximumFractionDigits: 1 })}%`;
const dayName = (t: number) => formatReadable(t).replace(/ \d{4}$/, '');

function flagText(c: { difference: number; withinTolerance: boolean }, stated: StatedFigure, tolerance: string) {
  if (c.withinTolerance && c.difference === 0) return '✓ Agrees with the figure as the source words it.';
  const by = `${signed(c.difference, stated.unit)} (${percent(c.difference / stated.value)})`;
  return c.withinTolerance
    ? `✓ Differs by ${by}, within the stated tolerance of ${tolerance}.`
    : `⚠ Differs by ${by}, beyond the stated tolerance of ${tolerance}.`;
}

/** "about 100 km — DPA; 100 km — RFE/RL": sources giving the same figure share it. */
function whoSaid(figures: StatedFigure[]): string {
  const groups = new Map<string, string[]>();
  for (const f of figures) groups.set(said(f), [...(groups.get(said(f)) ?? []), f.claimant]);
  return [...groups].map(([figure, who]) => `${figure} — ${who.join('; ')}`).join('; ');
}

function Sources({ citations }: { citations: StatedFigure['citations'] }) {
  return (
    <details className="claim-sources">
      <summary>sources</summary>
      <CitationList citations={citations} />
    </details>
  );
}

// A computed figure and its method; a range leaves the citing to the figures it spans, listed after it.
function Method({ figure, cite }: { figure: ComputedFigure; cite: boolean }) {
  return (
    <li>
      <strong>{amount(figure)}</strong> {figure.label}: {figure.method}
      {cite && figure.inputs.length > 0 && <Sources citations={figure.inputs} />}
    </li>
  );
}

function Days({ days, tolerance }: { days: DayRow[]; tolerance: string }) {
  return (
    <>
      <table className="claim-days">
        <caption>Crossed into Armenia by 23:59 (UTC+4), Armenian series</caption>
        <thead>
          <tr>
            <th scope="col">Day</th>
            <th scope="col">Crossed</th>
            <th scope="col">of {fmt(POPULATION_BEFORE)}</th>
          </tr>
        </thead>
        <tbody>
          {days.map((d) => (
            <tr key={d.day} data-day={d.day}>
              <th scope="row">{dayName(d.t)}</th>
              <td>{fmt(d.crossed)}</td>
              <td>{fmt(d.share * 100, 1)}%</td>
            </tr>
          ))}
        </tbody>
      </table>
      <ul className="claim-list">
        {days.flatMap((d) =>
          d.stated.map((s) => (
            <li key={`${d.day}:${s.stated.claimant}`} data-day-claim={d.day} data-within={String(s.withinTolerance)}>
              {dayName(d.t)}: <strong>{said(s.stated)}</strong> — {s.stated.claimant}
              {s.reading && ` (${s.reading})`}. {`Series: ${fmt(d.crossed)}`}
              {s.reachedAt !== null && `, reaching ${fmt(s.crossed.value)} on ${formatReadable(s.reachedAt, 'minute')}`}
              . <span className="claim-flag">{flagText(s, { ...s.stated, ...s.crossed }, tolerance)}</span>
              <Sources citations={s.stated.citations} />
            </li>
          )),
        )}
      </ul>
    </>
  );
}

function Check({ check: c }: { check: ClaimCheck }) {
  const tolerance =
    c.tolerance.kind === 'relative'
      ? `${fmt(c.tolerance.value * 100)}%`
      : `${fmt(c.tolerance.value, 1)} ${c.stated.unit}`;
  const parts = c.also.map((f) => `${amount(f)} ${f.label}`).join('; ');
  return (
    <article className="claim-check" data-claim={c.id} data-within={String(c.withinTolerance)}>
      <h3>{c.question}</h3>
      <p data-testid="claim-stated">
        Stated: <strong>{whoSaid([c.stated, ...c.alsoStated])}</strong>
      </p>
      <p data-testid="claim-computed">
        Computed: <strong>{amount(c.computed)}</strong> {c.computed.label}
        {parts && ` (${parts})`}
      </p>
      <p className="claim-flag" data-testid="claim-flag">
        {flagText(c, c.stated, tolerance)}
      </p>
      <p className="claim-note">{c.note}</p>
      {c.days.length > 0 && <Days days={c.days} tolerance={tolerance} />}
      <details className="claim-how">
        <summary>How it was computed, and sources</summary>
        <ul className="claim-list">
          <Method figure={c.computed} cite={c.computed.max === undefined} />
          {c.also.map((f) => (
            <Method key={f.label} figure={f} cite />
          ))}
        </ul>
        <p>
          Tolerance {tolerance}: {c.tolerance.why}
        </p>
        <ul className="claim-list">
          {[c.stated, ...c.alsoStated].map((s) => (
            <li key={s.claimant}>
              {said(s)} — {s.claimant}
              <CitationList citations={s.citations} />
            </li>
          ))}
        </ul>
      </details>
    </article>
  );
}

export function ClaimsPanel() {
  const engine = useApp((s) => s.engine);
  const checks = useMemo(() => (engine ? checkClaims(engine) : []), [engine]);
  if (checks.length === 0) return null;
  return (
    <section className="panel claims-panel" aria-label="Claims checked against the map" data-testid="claims-panel">
      <h2>Claims checked against the map</h2>
      {checks.map((c) => (
        <Check key={c.id} check={c} />
      ))}
    </section>
  );
}
