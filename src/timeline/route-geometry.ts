/**
 * Positions along a polyline by fraction of its length. Written for degenerate input (no points,
 * one point, repeated points, zero length, NaN, coordinates off the globe): turf's
 * along/lineSliceAlong throw on some of these (docs/reliability.md#degenerate-roads), and a throw mid-playback
 * would stop the animation. Lengths are great-circle (haversine); within a segment a point moves
 * along the straight line the map draws between two vertices, in Web Mercator, exactly as the
 * exodus dots' shader places them (map/exodus-dots-layer.ts), so a mover sits on its drawn road.
 */
import type { Position } from 'geojson';
import { latOf, MERCATOR_MAX_LAT, mercatorY } from '../geo/mercator';

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
  /** The cleaned points: finite, on the globe, without consecutive repeats; `[lon, lat]` only. */
  points: Position[];
  /** Cumulative length in km at each point; the last entry is the total. */
  cumulative: number[];
  length: number;
}

const onGlobe = (p: Position): boolean => {
  const [lon, lat] = p;
  return (
    lon !== undefined &&
    lat !== undefined &&
    Number.isFinite(lon) &&
    Number.isFinite(lat) &&
    Math.abs(lon) <= 180 &&
    Math.abs(lat) <= 90
  );
};

/**
 * Cleans a polyline (drops positions that are not finite longitude/latitude on the globe, and a
 * point that repeats the one before) and measures it.
 */
export function measure(points: readonly Position[]): MeasuredLine {
  const clean: Position[] = [];
  for (const p of points) {
    if (!onGlobe(p)) continue;
    const q: Position = [p[0] as number, p[1] as number];
    const prev = clean[clean.length - 1];
    if (prev && prev[0] === q[0] && prev[1] === q[1]) continue;
    clean.push(q);
  }
  const cumulative: number[] = [];
  let total = 0;
  clean.forEach((p, i) => {
    const prev = clean[i - 1];
    if (prev) total += distanceKm(prev, p);
    cumulative.push(total);
  });
  return { points: clean, cumulative, length: total };
}

/** The point a share `k` (0..1) of the way along the straight segment the map draws from a to b. */
export function alongSegment(a: Position, b: Position, k: number): Position {
  const [lon0 = 0, lat0 = 0] = a;
  const [lon1 = 0, lat1 = 0] = b;
  if (!(k > 0)) return [lon0, lat0];
  if (k >= 1) return [lon1, lat1];
  const lon = lon0 + (lon1 - lon0) * k;
  // Beyond the Mercator square's edge a segment is interpolated in plain longitude/latitude.
  if (Math.abs(lat0) >= MERCATOR_MAX_LAT || Math.abs(lat1) >= MERCATOR_MAX_LAT) return [lon, lat0 + (lat1 - lat0) * k];
  const y0 = mercatorY(lat0);
  return [lon, latOf(y0 + (mercatorY(lat1) - y0) * k)];
}

/**
 * The point at a fraction (0..1, clamped; NaN → 0) of the line's length, or null for a line with no
 * point. Never throws; any point it gives is finite.
 */
export function pointAlong(line: MeasuredLine, fraction: number): Position | null {
  const { points, cumulative, length } = line;
  const first = points[0];
  if (!first) return null;
  const f = Number.isFinite(fraction) ? Math.min(1, Math.max(0, fraction)) : 0;
  if (!(length > 0) || points.length === 1) return [first[0] ?? 0, first[1] ?? 0];
  const target = f * length;
  for (let i = 1; i < points.length; i++) {
    const c0 = cumulative[i - 1] ?? 0;
    const c1 = cumulative[i] ?? 0;
    if (target <= c1 || i === points.length - 1) {
      const k = c1 > c0 ? Math.min(1, Math.max(0, (target - c0) / (c1 - c0))) : 0;
      return alongSegment(points[i - 1] as Position, points[i] as Position, k);
    }
  }
  return [first[0] ?? 0, first[1] ?? 0];
}

/** Fraction of the line's length at the vertex nearest to a point (for "from place to place" legs). */
export function fractionAtVertex(line: MeasuredLine, p: Position): number {
  if (!(line.length > 0) || !onGlobe(p)) return 0;
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
