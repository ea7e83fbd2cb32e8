/**
 * Distances for the measure tool and the claims panel: straight lines (great circle) and lengths
 * along a drawn road between two points snapped to it. Pure, and never throws on degenerate input:
 * turf throws on some degenerate lines (docs/reliability.md#degenerate-roads), so coordinates are cleaned first.
 */
import { distance, length, lineSlice, lineString, nearestPointOnLine } from '@turf/turf';
import type { Position } from 'geojson';

export type LonLat = [number, number];

export interface StraightMeasure {
  /** Kilometres from the first point to the last through every point. */
  total: number;
  /** Kilometres of each leg, in order. */
  legs: number[];
}

export interface RouteMeasure {
  /** Kilometres along the route between the two snapped points. */
  length: number;
  /** The part of the route between them, from the point nearest `a` to the point nearest `b`. */
  path: LonLat[];
  /** Where `a` and `b` meet the route. */
  snapped: [LonLat, LonLat];
  /** Kilometres from `a` and from `b` to the route. */
  offRoute: [number, number];
}

const isLonLat = (p: readonly number[]): boolean => p.length >= 2 && Number.isFinite(p[0]) && Number.isFinite(p[1]);

const lonLat = (p: readonly number[]): LonLat => [p[0] ?? 0, p[1] ?? 0];

/** Finite points with consecutive repeats removed: the only input turf's line functions take safely. */
function clean(points: readonly Position[]): LonLat[] {
  const out: LonLat[] = [];
  for (const p of points) {
    if (!isLonLat(p)) continue;
    const last = out[out.length - 1];
    if (!last || last[0] !== p[0] || last[1] !== p[1]) out.push(lonLat(p));
  }
  return out;
}

/** "As the crow flies" through the clicked points: what a reader measuring on a flat map means. */
export function measureStraight(points: readonly Position[]): StraightMeasure {
  const finite = points.filter(isLonLat).map(lonLat);
  const legs: number[] = [];
  for (let i = 1; i < finite.length; i++) {
    const a = finite[i - 1];
    const b = finite[i];
    if (a && b) legs.push(distance(a, b));
  }
  return { total: legs.reduce((sum, leg) => sum + leg, 0), legs };
}

/**
 * The length of the road between two points, each snapped to its nearest point on the road: what a
 * traveller between them would drive, as far as the drawn road goes. Null when the route has fewer
 * than two distinct points or a point is not finite; a == b gives 0, and b before a works as well.
 */
export function measureAlongRoute(route: readonly Position[], a: Position, b: Position): RouteMeasure | null {
  const coords = clean(route);
  if (coords.length < 2 || !isLonLat(a) || !isLonLat(b)) return null;
  const line = lineString(coords);
  const na = nearestPointOnLine(line, lonLat(a));
  const nb = nearestPointOnLine(line, lonLat(b));
  const snapped: [LonLat, LonLat] = [lonLat(na.geometry.coordinates), lonLat(nb.geometry.coordinates)];
  const offRoute: [number, number] = [na.properties.pointDistance, nb.properties.pointDistance];
  if (na.properties.totalDistance === nb.properties.totalDistance) {
    return { length: 0, path: [snapped[0]], snapped, offRoute };
  }
  const forward = na.properties.totalDistance < nb.properties.totalDistance;
  const slice = forward ? lineSlice(na, nb, line) : lineSlice(nb, na, line);
  const path = slice.geometry.coordinates.map(lonLat);
  return { length: length(slice), path: forward ? path : path.reverse(), snapped, offRoute };
}

/** A road the tool can measure along, as the dataset gives it. */
export interface NamedRoute {
  id: string;
  coordinates: Position[];
}

/**
 * The roads both ends lie within `maxKm` of, each with the distance along it: the tool offers a road
 * distance only where the reader plainly measured along that road.
 */
export function alongRoutesNear(
  routes: Iterable<NamedRoute>,
  a: Position,
  b: Position,
  maxKm: number,
): (RouteMeasure & { id: string })[] {
  const out: (RouteMeasure & { id: string })[] = [];
  for (const r of routes) {
    const m = measureAlongRoute(r.coordinates, a, b);
    if (m && m.offRoute[0] <= maxKm && m.offRoute[1] <= maxKm) out.push({ ...m, id: r.id });
  }
  return out;
}

/** The roads are drawn as straight segments between waypoints: the real road can run a few km off the line. */
export const NEAR_ROAD_KM = 5;

/**
 * The roads measured for a measurement: along each road both its first and last points lie near.
 * The measure tool reads them out and the map draws them, from this one function.
 */
export function measuredRoads(
  routes: Iterable<NamedRoute>,
  points: readonly LonLat[],
): (RouteMeasure & { id: string })[] {
  const first = points[0];
  const last = points[points.length - 1];
  return first && last && points.length > 1 ? alongRoutesNear(routes, first, last, NEAR_ROAD_KM) : [];
}
