/**
 * Geometry helpers for imported GeoJSON, written to run before the recursive checks of
 * src/geo/validate-geojson.ts: those assume arrays where the type says arrays and bounded depth,
 * which a hostile file does not give.
 */
import type { Geometry, Position } from 'geojson';
import { type BBox, inBBox } from '../geo/region';
import { ringSignedArea } from '../geo/validate-geojson';

/** True when `value` nests objects or arrays more than `limit` levels deep (iterative: no stack to overflow). */
export function depthExceeds(value: unknown, limit: number): boolean {
  const stack: [unknown, number][] = [[value, 0]];
  for (let item = stack.pop(); item; item = stack.pop()) {
    const [v, depth] = item;
    if (typeof v !== 'object' || v === null) continue;
    if (depth >= limit) return true;
    for (const child of Object.values(v)) stack.push([child, depth + 1]);
  }
  return false;
}

/** Array levels above the positions for each geometry type: a Point's coordinates are the position. */
const LEVELS: Record<string, number> = {
  Point: 0,
  MultiPoint: 1,
  LineString: 1,
  MultiLineString: 2,
  Polygon: 2,
  MultiPolygon: 3,
};

function nestsArrays(value: unknown, levels: number): boolean {
  if (!Array.isArray(value)) return false;
  return levels === 0 || value.every((v) => nestsArrays(v, levels - 1));
}

/** Why a geometry's shape is wrong (relative JSON path and rule), or null when its arrays nest as its type says. */
export function shapeProblem(g: unknown, path = 'geometry'): { path: string; rule: string } | null {
  if (typeof g !== 'object' || g === null || Array.isArray(g)) return { path, rule: 'a geometry must be an object' };
  const { type, coordinates, geometries } = g as { type?: unknown; coordinates?: unknown; geometries?: unknown };
  if (type === 'GeometryCollection') {
    if (!Array.isArray(geometries)) return { path: `${path}.geometries`, rule: 'must be an array of geometries' };
    for (let i = 0; i < geometries.length; i++) {
      const p = shapeProblem(geometries[i], `${path}.geometries[${i}]`);
      if (p) return p;
    }
    return null;
  }
  const levels = typeof type === 'string' ? LEVELS[type] : undefined;
  if (levels === undefined) {
    return { path: `${path}.type`, rule: `${JSON.stringify(type)} is not a GeoJSON geometry type` };
  }
  if (!nestsArrays(coordinates, levels)) {
    const what = ['a position', 'an array of positions', 'an array of arrays of positions'][levels] ?? 'polygons';
    return { path: `${path}.coordinates`, rule: `a ${type}'s coordinates must be ${what}` };
  }
  return null;
}

function positionsOf(g: Geometry): Position[] {
  switch (g.type) {
    case 'Point':
      return [g.coordinates];
    case 'MultiPoint':
    case 'LineString':
      return g.coordinates;
    case 'MultiLineString':
    case 'Polygon':
      return g.coordinates.flat();
    case 'MultiPolygon':
      return g.coordinates.flat(2);
    case 'GeometryCollection':
      return g.geometries.flatMap(positionsOf);
  }
}

/** How many positions a geometry has, for the vertex limit. */
export function countPositions(g: Geometry): number {
  switch (g.type) {
    case 'Point':
      return 1;
    case 'MultiPoint':
    case 'LineString':
      return g.coordinates.length;
    case 'MultiLineString':
    case 'Polygon':
      return g.coordinates.reduce((n, part) => n + part.length, 0);
    case 'MultiPolygon':
      return g.coordinates.reduce((n, poly) => n + poly.reduce((m, ring) => m + ring.length, 0), 0);
    case 'GeometryCollection':
      return g.geometries.reduce((n, sub) => n + countPositions(sub), 0);
  }
}

/** True when any position of the geometry lies inside the box. */
export function touchesBBox(g: Geometry, bbox: BBox): boolean {
  return positionsOf(g).some((p) => inBBox(p, bbox));
}

/** Rings in RFC 7946 order (exterior counter-clockwise, holes clockwise), and how many had to turn. */
function rewindPolygon(rings: Position[][]): { rings: Position[][]; turned: number } {
  let turned = 0;
  const out = rings.map((ring, i) => {
    const wantCcw = i === 0;
    if (ringSignedArea(ring) > 0 === wantCcw) return ring;
    turned++;
    return [...ring].reverse();
  });
  return { rings: out, turned };
}

/**
 * A copy of the geometry with only its GeoJSON members (foreign members dropped) and its rings
 * rewound; `turned` counts the rings reversed.
 */
export function cleanGeometry(g: Geometry): { geometry: Geometry; turned: number } {
  switch (g.type) {
    case 'Point':
      return { geometry: { type: 'Point', coordinates: g.coordinates }, turned: 0 };
    case 'MultiPoint':
      return { geometry: { type: 'MultiPoint', coordinates: g.coordinates }, turned: 0 };
    case 'LineString':
      return { geometry: { type: 'LineString', coordinates: g.coordinates }, turned: 0 };
    case 'MultiLineString':
      return { geometry: { type: 'MultiLineString', coordinates: g.coordinates }, turned: 0 };
    case 'Polygon': {
      const { rings, turned } = rewindPolygon(g.coordinates);
      return { geometry: { type: 'Polygon', coordinates: rings }, turned };
    }
    case 'MultiPolygon': {
      let turned = 0;
      const coordinates = g.coordinates.map((poly) => {
        const r = rewindPolygon(poly);
        turned += r.turned;
        return r.rings;
      });
      return { geometry: { type: 'MultiPolygon', coordinates }, turned };
    }
    case 'GeometryCollection': {
      let turned = 0;
      const geometries = g.geometries.map((sub) => {
        const r = cleanGeometry(sub);
        turned += r.turned;
        return r.geometry;
      });
      return { geometry: { type: 'GeometryCollection', geometries }, turned };
    }
  }
}
