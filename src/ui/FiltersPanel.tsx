/**
 * Time range and filters for the analyst: the instant, everything up to now, or a window with its
 * start and end typed as exact dates; events by category, by the side that made a claim, and by the
 * outlet of a cited source. All of it is kept in the URL.
 */
import { useState } from 'react';
import { appStore, useApp } from '../state/store';
import { formatIsoLocal, parseIsoTime } from '../time/iso';
import { TIMELINE_END, TIMELINE_START } from '../time/span';
import { outletsOf } from '../timeline/filter';
import { CATEGORIES, type Range, SIDES } from '../vocabulary/vocabulary';

const SIDE_LABELS: Record<string, string> = {
  armenian: 'Armenia',
  'karabakh-armenian': 'Karabakh Armenian authorities',
  azerbaijani: 'Azerbaijan',
  russian: 'Russia',
  international: 'International bodies',
  media: 'Media',
  analyst: 'Analysts and former officials',
  other: 'Others',
};

function toggle(list: readonly string[], value: string, on: boolean): string[] {
  return on ? [...new Set([...list, value])] : list.filter((v) => v !== value);
}

/** A date typed as ISO 8601 (local time, UTC+4), checked as the reader types. */
function DateField({ label, value, onValid }: { label: string; value: number; onValid: (t: number) => void }) {
  const [text, setText] = useState<string | null>(null);
  const shown = text ?? formatIsoLocal(value);
  const parsed = parseIsoTime(shown);
  const error = !parsed
    ? 'Use 2023-09-19 or 2023-09-19T13:45 (UTC+4).'
    : parsed.t < TIMELINE_START || parsed.t > TIMELINE_END
      ? 'Outside the timeline (2022-12-01 to 2023-10-15).'
      : null;
  return (
    <label className="date-field">
      <span>{label}</span>
      <input
        type="text"
        inputMode="numeric"
        value={shown}
        aria-invalid={error ? 'true' : undefined}
        onChange={(e) => setText(e.currentTarget.value)}
        onBlur={() => {
          if (!error && parsed) onValid(parsed.t);
          setText(null);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && !error && parsed) {
            onValid(parsed.t);
            setText(null);
          }
        }}
      />
      {text !== null && error && <small className="field-error">{error}</small>}
    </label>
  );
}

function Checks({
  legend,
  options,
  selected,
  onChange,
}: {
  legend: string;
  options: [string, string][];
  selected: readonly string[];
  onChange: (v: string[]) => void;
}) {
  return (
    <fieldset className="checks">
      <legend>
        {legend} <span className="count">{selected.length === 0 ? '(all)' : `(${selected.length})`}</span>
      </legend>
      {options.map(([value, label]) => (
        <label key={value}>
          <input
            type="checkbox"
            checked={selected.includes(value)}
            onChange={(e) => onChange(toggle(selected, value, e.currentTarget.checked))}
          />{' '}
          {label}
        </label>
      ))}
    </fieldset>
  );
}

export function FiltersPanel() {
  const engine = useApp((s) => s.engine);
  const range = useApp((s) => s.range);
  const from = useApp((s) => s.from);
  const t = useApp((s) => s.t);
  const categories = useApp((s) => s.categories);
  const sides = useApp((s) => s.sides);
  const outlets = useApp((s) => s.outlets);
  const s = appStore.getState();
  const setRange = (r: Range) => s.setRange(r);
  return (
    <details
      className="panel filters"
      open={range !== 'instant' || categories.length + sides.length + outlets.length > 0}
    >
      <summary>Time range and filters</summary>
      <fieldset className="range">
        <legend>Show events</legend>
        {(
          [
            ['instant', 'at this moment'],
            ['cumulative', 'everything up to this moment'],
            ['window', 'in a window'],
          ] as const
        ).map(([value, label]) => (
          <label key={value}>
            <input type="radio" name="range" value={value} checked={range === value} onChange={() => setRange(value)} />{' '}
            {label}
          </label>
        ))}
      </fieldset>
      {range === 'window' && (
        <div className="window-dates">
          <DateField label="From" value={from ?? TIMELINE_START} onValid={(v) => s.setRange('window', v)} />
          <DateField label="To" value={t} onValid={(v) => s.setTime(v)} />
        </div>
      )}
      <Checks
        legend="Categories"
        options={CATEGORIES.map((c) => [c, c])}
        selected={categories}
        onChange={(v) => s.setFilters({ categories: v })}
      />
      <Checks
        legend="Claims and figures by"
        options={SIDES.map((c) => [c, SIDE_LABELS[c] ?? c])}
        selected={sides}
        onChange={(v) => s.setFilters({ sides: v })}
      />
      {engine && (
        <Checks
          legend="Cited outlet"
          options={[...outletsOf(engine.data)].sort((a, b) => a[1].localeCompare(b[1]))}
          selected={outlets}
          onChange={(v) => s.setFilters({ outlets: v })}
        />
      )}
      {categories.length + sides.length + outlets.length > 0 && (
        <button type="button" className="link" onClick={() => s.setFilters({ categories: [], sides: [], outlets: [] })}>
          Clear the filters
        </button>
      )}
    </details>
  );
}
