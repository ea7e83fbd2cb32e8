/**
 * Positions along a polyline by fraction of its length. Written for degenerate input (no points,
 * one point, repeated points, zero length, NaN): turf's along/lineSliceAlong throw on some of these
 * (design/reliability.md P5), and a throw mid-playback would stop the animation.
 */
import type { Position } from 'geojson';

const RAD = Math.PI / 180;

/** Great-circle distance in km (haversine); good to well under a metre at this scale. */
export function distanceKm(a: Position, b: Position): number {
  const [lon1 = 0, lat1 = 0] = a;
  const [lon2 = 0, lat2 = 0] = b;
  const dLat = (lat2 - lat1) * RAD;
  const dLon = (lon2 - lon1) * RAD;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * RAD) * Math.cos(lat2 * RAD) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371.0088 * Math.asin(Math.min(1, Math.sqrt(h)));
}

export interface MeasuredLine {
  points: Position[];
  /** Cumulative length in km at each point; the last entry is the total. */
  cumulative: number[];
  length: number;
}

export function measure(points: readonly Position[]): MeasuredLine {
  const clean = points.filter((p) => Number.isFinite(p[0]) && Number.isFinite(p[1]));
  const cumulative: number[] = [];
  let total = 0;
  clean.forEach((p, i) => {
    const prev = clean[i - 1];
    if (prev) total += distanceKm(prev, p);
    cumulative.push(total);
  });
  return { points: clean, cumulative, length: total };
}

/** The point at a fraction (0..1, clamped; NaN → 0) of the line's length. Never throws. */
export function pointAlong(line: MeasuredLine, fraction: number): Position {
  const { points, cumulative, length } = line;
  const first = points[0];
  if (!first) return [Number.NaN, Number.NaN];
  const f = Number.isFinite(fraction) ? Math.min(1, Math.max(0, fraction)) : 0;
  if (length === 0) return first;
  const target = f * length;
  for (let i = 1; i < points.length; i++) {
    const c0 = cumulative[i - 1] ?? 0;
    const c1 = cumulative[i] ?? 0;
    if (target <= c1 || i === points.length - 1) {
      const a = points[i - 1] as Position;
      const b = points[i] as Position;
      const k = c1 > c0 ? Math.min(1, (target - c0) / (c1 - c0)) : 0;
      return [(a[0] ?? 0) + ((b[0] ?? 0) - (a[0] ?? 0)) * k, (a[1] ?? 0) + ((b[1] ?? 0) - (a[1] ?? 0)) * k];
    }
  }
  return first;
}

/** Fraction of the line's length at the vertex nearest to a point (for "from place to place" legs). */
export function fractionAtVertex(line: MeasuredLine, p: Position): number {
  if (line.length === 0) return 0;
  let best = 0;
  let bestD = Number.POSITIVE_INFINITY;
  line.points.forEach((q, i) => {
    const d = distanceKm(p, q);
    if (d < bestD) {
      bestD = d;
      best = i;
    }
  });
  return (line.cumulative[best] ?? 0) / line.length;
}
