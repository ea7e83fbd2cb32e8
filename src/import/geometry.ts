/**
 * Geometry helpers for imported GeoJSON, written to run before the recursive checks of
 * src/geo/validate-geojson.ts: those assume arrays where the type says arrays and bounded depth,
 * which a hostile file does not give (depth is bounded by the text scan of json-scan.ts).
 */
import type { Geometry, Position } from 'geojson';
import { type BBox, inBBox } from '../geo/region';
import { ringSignedArea } from '../geo/validate-geojson';
import type { ImportErrorCode, ImportedFeature } from './types';

/** Array levels above the positions for each geometry type: a Point's coordinates are the position. */
const LEVELS: Record<string, number> = {
  Point: 0,
  MultiPoint: 1,
  LineString: 1,
  MultiLineString: 2,
  Polygon: 2,
  MultiPolygon: 3,
};

/** True when `value` is arrays nested `levels` deep above positions, a position being an array of non-arrays. */
function nestsArrays(value: unknown, levels: number): boolean {
  if (!Array.isArray(value)) return false;
  if (levels === 0) return value.every((v) => !Array.isArray(v));
  return value.every((v) => nestsArrays(v, levels - 1));
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
  if (type === undefined) return { path, rule: 'the geometry has no "type"' };
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

/**
 * True when the feature lies outside the box but every position would lie inside it with its
 * longitude and latitude swapped: most likely written latitude first, which RFC 7946 §3.1.1 forbids.
 */
export function looksSwapped(f: ImportedFeature, bbox: BBox): boolean {
  const positions = f.coordinates ? [f.coordinates] : f.geometry ? positionsOf(f.geometry) : [];
  return (
    positions.length > 0 &&
    positions.every((p) => !inBBox(p, bbox)) &&
    positions.every(([lon = 0, lat = 0]) => inBBox([lat, lon], bbox))
  );
}

/** A position's values all equal another's: RFC 7946 §3.1.6 wants a ring's ends identical. */
const samePosition = (a: Position | undefined, b: Position | undefined) =>
  !!a && !!b && a.length === b.length && a.every((v, i) => v === b[i]);

/** Problems with parts of a geometry whose arrays nest as its type says: what geojson-validation misses or words vaguely. */
export interface PartProblem {
  code: ImportErrorCode;
  path: string;
  rule: string;
}

function ringProblems(ring: Position[], path: string, out: PartProblem[]): void {
  if (ring.length < 4) {
    out.push({ code: 'ring-too-short', path, rule: `a ring needs at least 4 positions, it has ${ring.length}` });
  } else if (!samePosition(ring[0], ring[ring.length - 1])) {
    out.push({
      code: 'ring-not-closed',
      path,
      rule: 'a ring must end where it starts, in every value (RFC 7946 §3.1.6)',
    });
  }
}

function polygonProblems(rings: Position[][], path: string, out: PartProblem[]): void {
  if (rings.length === 0) {
    out.push({ code: 'ring-too-short', path, rule: 'a polygon needs an exterior ring, it has none' });
  }
  rings.forEach((ring, i) => {
    ringProblems(ring, `${path}[${i}]`, out);
  });
}

/**
 * Empty geometries (RFC 7946 §3.1 lets a reader treat them as null), lines of a multi-line with
 * fewer than 2 positions, and rings too short or not closed in every value. `g` must have passed
 * shapeProblem. `path` is the geometry's path inside its feature.
 */
export function partProblems(g: Geometry, path = 'geometry'): PartProblem[] {
  const out: PartProblem[] = [];
  if (countPositions(g) === 0) {
    out.push({ code: 'no-geometry', path, rule: `the ${g.type} is empty, so it cannot be placed on the map` });
    return out;
  }
  const c = `${path}.coordinates`;
  switch (g.type) {
    case 'MultiLineString':
      g.coordinates.forEach((line, i) => {
        if (line.length < 2) {
          out.push({
            code: 'line-too-short',
            path: `${c}[${i}]`,
            rule: `a line needs at least 2 positions, it has ${line.length}`,
          });
        }
      });
      break;
    case 'Polygon':
      polygonProblems(g.coordinates, c, out);
      break;
    case 'MultiPolygon':
      g.coordinates.forEach((poly, i) => {
        polygonProblems(poly, `${c}[${i}]`, out);
      });
      break;
    case 'GeometryCollection':
      g.geometries.forEach((sub, i) => {
        out.push(...partProblems(sub, `${path}.geometries[${i}]`));
      });
      break;
    default:
      break;
  }
  return out;
}

/** Rings in RFC 7946 order (exterior counter-clockwise, holes clockwise), and how many had to turn. */
function rewindPolygon(rings: Position[][]): { rings: Position[][]; turned: number } {
  let turned = 0;
  const out = rings.map((ring, i) => {
    const wantCcw = i === 0;
    const area = ringSignedArea(ring);
    // A ring without area has no direction to correct.
    if (area === 0 || area > 0 === wantCcw) return ring;
    turned++;
    return [...ring].reverse();
  });
  return { rings: out, turned };
}

/**
 * A copy of the geometry with only its GeoJSON members (foreign members dropped), its rings
 * rewound and nested GeometryCollections flattened into one (RFC 7946 §3.1.8 says to avoid them;
 * the parts are the same); `turned` counts the rings reversed.
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
      const geometries = g.geometries.flatMap((sub) => {
        const r = cleanGeometry(sub);
        turned += r.turned;
        return r.geometry.type === 'GeometryCollection' ? r.geometry.geometries : [r.geometry];
      });
      return { geometry: { type: 'GeometryCollection', geometries }, turned };
    }
  }
}
