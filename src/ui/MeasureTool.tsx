/**
 * The measure tool: click points on the map, or choose two places from the lists (the way without a
 * mouse), for the straight-line distance of each leg and in all, and the distance by road where both
 * ends lie on the Lachin corridor or the Yevlakh road. Results are text in a polite live region.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { type LonLat, measuredRoads, measureStraight } from '../analysis/measure';
import { bindKey } from '../keys/use-keymap';
import { appStore, useApp } from '../state/store';
import type { Names } from '../timeline/dataset';
import type { Naming } from '../vocabulary/vocabulary';

const km = (n: number) => `${n.toLocaleString('en', { minimumFractionDigits: 1, maximumFractionDigits: 1 })} km`;
const nameIn = (names: Names, lang: Naming) => names[lang] ?? names.en;
/** Empties the measurement; the lists follow, as the points are no longer theirs. */
const clear = () => appStore.getState().setMeasurePoints([]);

/**
 * The measurement is store state (`measuring`, `measurePoints`): the map draws it and turns clicks
 * into points (map/follow-measure.ts); this panel reads it out and offers the lists.
 */
export function MeasureTool() {
  const engine = useApp((s) => s.engine);
  const lang = useApp((s) => s.names);
  const on = useApp((s) => s.measuring);
  const points = useApp((s) => s.measurePoints);
  const [chosen, setChosen] = useState<[string, string]>(['', '']);
  // The points this panel set from the lists: any other change (a click on the map) unsets the lists.
  const fromLists = useRef<LonLat[] | null>(null);

  const places = useMemo(
    () =>
      [...(engine?.data.places.values() ?? [])]
        .map((p) => ({
          id: p.id,
          name: nameIn(p.names, lang),
          at: [p.coordinates[0] ?? 0, p.coordinates[1] ?? 0] as LonLat,
        }))
        .sort((a, b) => a.name.localeCompare(b.name)),
    [engine, lang],
  );
  const roads = useMemo(() => (engine ? measuredRoads(engine.data.routes.values(), points) : []), [engine, points]);
  const straight = measureStraight(points);

  useEffect(() => {
    if (points !== fromLists.current) setChosen(['', '']);
  }, [points]);

  useEffect(() => {
    if (!on) return;
    // Escape clears the points, except where src/keys/keymap.ts leaves it to a dialog or a field.
    return bindKey('measure.clear', clear);
  }, [on]);

  // Leaving explore mode closes the tool, so map clicks select again.
  useEffect(() => () => appStore.getState().setMeasuring(false), []);

  const choose = (end: 0 | 1, id: string) => {
    const next: [string, string] = end === 0 ? [id, chosen[1]] : [chosen[0], id];
    setChosen(next);
    const at = next.flatMap((pid) => {
      const place = places.find((p) => p.id === pid);
      return place ? [place.at] : [];
    });
    fromLists.current = at;
    appStore.getState().setMeasurePoints(at);
  };
  const named = chosen.every(Boolean)
    ? ` from ${places.find((p) => p.id === chosen[0])?.name} to ${places.find((p) => p.id === chosen[1])?.name}`
    : '';

  return (
    <section className="panel measure-tool" aria-label="Measure distances">
      <h2>Measure</h2>
      <button
        type="button"
        aria-pressed={on}
        onClick={() => {
          setChosen(['', '']);
          appStore.getState().setMeasuring(!on);
        }}
      >
        Measure
      </button>
      {on && (
        <>
          <p className="caveat">Click the map to add points (Escape clears), or choose two places:</p>
          {(['From', 'To'] as const).map((label, end) => (
            <label key={label} className="layer-row">
              <span>{label}</span>
              <select
                aria-label={`Measure ${label.toLowerCase()}`}
                value={chosen[end]}
                onChange={(e) => choose(end === 0 ? 0 : 1, e.currentTarget.value)}
              >
                <option value="">choose a place</option>
                {places.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.name}
                  </option>
                ))}
              </select>
            </label>
          ))}
          <button type="button" onClick={clear} disabled={points.length === 0}>
            Clear
          </button>
        </>
      )}
      <div className="measure-result" aria-live="polite" data-testid="measure-result">
        {on && points.length === 1 && <p>One point: add another to measure.</p>}
        {on && points.length > 1 && (
          <>
            <p data-testid="measure-straight">
              Straight line{named}: <strong>{km(straight.total)}</strong>
              {straight.legs.length > 1 && ` (legs: ${straight.legs.map(km).join(', ')})`}
            </p>
            {roads.map((r) => (
              <p key={r.id} data-testid="measure-along">
                Along the {nameIn(engine?.data.routes.get(r.id)?.names ?? { en: r.id }, lang)} as drawn:{' '}
                <strong>{km(r.length)}</strong>
                {Math.max(...r.offRoute) >= 0.1 && `, from points up to ${km(Math.max(...r.offRoute))} off the road`}.
                The drawn road is straight segments between waypoints; a real road through the same places is longer.
              </p>
            ))}
          </>
        )}
      </div>
    </section>
  );
}
