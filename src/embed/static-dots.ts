/**
 * The exodus dots of the static picture, as a density rather than 100,514 circles: the same dots
 * as the map's WebGL layer (timeline/dots.ts: crossing times from the Armenian government's
 * arrival figures, a day's drive to the Hakari bridge, two hours on to Goris), counted in stretches
 * of about 3 px of the Lachin corridor. Each stretch is a band as wide as the layer's four rows of
 * 2.5 px dots, as opaque as that many translucent (60 %) dots would make it. Where the dots are
 * sparse the band is faint where the map shows single dots, so the picture keeps the same amount
 * of ink in the same places, though not the same specks.
 */
import type { Position } from 'geojson';
import { DOT_ALPHA, DOT_PX, DOT_ROWS, dotCrossings, dotRoute, ROW_PX } from '../look/exodus-dots';
import type { Dataset } from '../timeline/dataset';
import { progressAt, tripFor } from '../timeline/dots';
import type { Pt } from './static-geometry';

/** The band: four rows, centre to centre 3 × 2 px, plus a dot. */
export const BAND_PX = (DOT_ROWS - 1) * ROW_PX + DOT_PX;

export interface DotStretch {
  /** The stretch of road, in lon/lat. */
  from: Position;
  to: Position;
  /** Dots on it at t. */
  count: number;
}

/**
 * The road in stretches of `bins` equal shares of its length, with the number of dots on each at
 * t; stretches without dots are left out.
 */
export function dotStretches(data: Dataset, t: number, bins: number, scale = 1): DotStretch[] {
  const route = dotRoute(data);
  if (!route || bins < 1) return [];
  const { coordinates: coords, fractions, borderFraction: border } = route;
  const counts = new Float64Array(bins);
  let any = false;
  for (const crossing of dotCrossings(data, scale)) {
    const trip = tripFor(crossing);
    if (!(t >= trip.departMs && t <= trip.arriveMs)) continue;
    const f = progressAt(t, trip, border);
    const bin = Math.min(bins - 1, Math.floor(f * bins));
    counts[bin] = (counts[bin] ?? 0) + 1;
    any = true;
  }
  if (!any) return [];
  const at = (f: number): Position => {
    for (let i = 1; i < coords.length; i++) {
      const f0 = fractions[i - 1] ?? 0;
      const f1 = fractions[i] ?? 1;
      if (f <= f1 || i === coords.length - 1) {
        const a = coords[i - 1] as [number, number];
        const b = coords[i] as [number, number];
        const k = f1 > f0 ? Math.min(1, Math.max(0, (f - f0) / (f1 - f0))) : 0;
        return [a[0] + (b[0] - a[0]) * k, a[1] + (b[1] - a[1]) * k];
      }
    }
    return coords[0] as Position;
  };
  return [...counts].flatMap((n, i) => (n > 0 ? [{ from: at(i / bins), to: at((i + 1) / bins), count: n }] : []));
}

/**
 * Opacity of a stretch `lengthPx` long holding `n` dots: each row holds a quarter of them, and a
 * point of a row is covered by about n/4 · 2.5 / length dots, each letting 40 % through.
 */
export function bandAlpha(n: number, lengthPx: number): number {
  if (!(n > 0) || !(lengthPx > 0)) return 0;
  const cover = ((n / DOT_ROWS) * DOT_PX) / lengthPx;
  return 1 - (1 - DOT_ALPHA) ** cover;
}

/** Screen pieces of equal opacity (to a twentieth), merged so a dense column is one stroke. */
export function mergeStretches(pieces: { a: Pt; b: Pt; alpha: number }[]): { points: Pt[]; alpha: number }[] {
  const out: { points: Pt[]; alpha: number }[] = [];
  for (const p of pieces) {
    const alpha = Math.round(p.alpha * 20) / 20;
    if (alpha <= 0) continue;
    const last = out[out.length - 1];
    const end = last?.points[last.points.length - 1];
    if (last && end && last.alpha === alpha && Math.hypot(end[0] - p.a[0], end[1] - p.a[1]) < 0.01)
      last.points.push(p.b);
    else out.push({ points: [p.a, p.b], alpha });
  }
  return out;
}
