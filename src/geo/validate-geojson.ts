/**
 * Structural checks for GeoJSON, on top of geojson-validation.
 *
 * geojson-validation follows the 2008 spec and passes non-finite numbers, out-of-range coordinates
 * and clockwise exterior rings (measured: docs/reliability.md#validators-measured), so those are checked here too.
 */

import type { Feature, FeatureCollection, Geometry, Position } from 'geojson';
import GJV from 'geojson-validation';
import { type BBox, inBBox } from './region';

export interface GeoProblem {
  /** Where, as a JSON path: `features[3].geometry.coordinates[0][5]`. */
  path: string;
  message: string;
}

export interface GeoCheckOptions {
  /** Every position must lie inside this box. */
  bbox?: BBox;
  /** Exterior rings must run counter-clockwise and holes clockwise (RFC 7946 §3.1.6). */
  requireRfcWinding?: boolean;
}

/** Twice the signed area of a ring (shoelace); positive means counter-clockwise. */
export function ringSignedArea(ring: readonly Position[]): number {
  let sum = 0;
  for (let i = 0; i + 1 < ring.length; i++) {
    const [x1, y1] = ring[i] as [number, number];
    const [x2, y2] = ring[i + 1] as [number, number];
    sum += x1 * y2 - x2 * y1;
  }
  return sum;
}

function checkPosition(p: unknown, path: string, opts: GeoCheckOptions, out: GeoProblem[]): void {
  if (!Array.isArray(p) || p.length < 2 || p.length > 3) {
    out.push({ path, message: 'a position must be [longitude, latitude] or [lon, lat, elevation]' });
    return;
  }
  if (!p.every((v) => typeof v === 'number' && Number.isFinite(v))) {
    out.push({ path, message: 'coordinates must be finite numbers' });
    return;
  }
  const [lon, lat] = p as [number, number];
  if (lon < -180 || lon > 180 || lat < -90 || lat > 90) {
    out.push({ path, message: `[${lon}, ${lat}] is outside longitude ±180 / latitude ±90` });
  } else if (opts.bbox && !inBBox(p, opts.bbox)) {
    out.push({ path, message: `[${lon}, ${lat}] lies outside the map's region ${opts.bbox.join(',')}` });
  }
}

function checkRing(ring: Position[], path: string, isHole: boolean, opts: GeoCheckOptions, out: GeoProblem[]) {
  checkPositions(ring, path, opts, out);
  if (ring.length < 4) {
    out.push({ path, message: `a ring needs at least 4 positions, it has ${ring.length}` });
    return;
  }
  const first = ring[0];
  const last = ring[ring.length - 1];
  if (first?.[0] !== last?.[0] || first?.[1] !== last?.[1]) {
    out.push({ path, message: 'a ring must end where it starts' });
    return;
  }
  if (opts.requireRfcWinding && isHole === ringSignedArea(ring) > 0) {
    out.push({
      path,
      message: isHole
        ? 'a hole must run clockwise (RFC 7946)'
        : 'an exterior ring must run counter-clockwise (RFC 7946)',
    });
  }
}

function checkPositions(list: Position[], path: string, opts: GeoCheckOptions, out: GeoProblem[]): void {
  list.forEach((p, i) => {
    checkPosition(p, `${path}[${i}]`, opts, out);
  });
}

function checkPolygon(rings: Position[][], path: string, opts: GeoCheckOptions, out: GeoProblem[]): void {
  rings.forEach((r, i) => {
    checkRing(r, `${path}[${i}]`, i > 0, opts, out);
  });
}

function checkGeometry(g: Geometry, path: string, opts: GeoCheckOptions, out: GeoProblem[]): void {
  const c = `${path}.coordinates`;
  switch (g.type) {
    case 'Point':
      checkPosition(g.coordinates, c, opts, out);
      break;
    case 'MultiPoint':
      checkPositions(g.coordinates, c, opts, out);
      break;
    case 'LineString':
      checkPositions(g.coordinates, c, opts, out);
      if (g.coordinates.length < 2) out.push({ path: c, message: 'a line needs at least 2 positions' });
      break;
    case 'MultiLineString':
      g.coordinates.forEach((line, i) => {
        checkPositions(line, `${c}[${i}]`, opts, out);
      });
      break;
    case 'Polygon':
      checkPolygon(g.coordinates, c, opts, out);
      break;
    case 'MultiPolygon':
      g.coordinates.forEach((poly, i) => {
        checkPolygon(poly, `${c}[${i}]`, opts, out);
      });
      break;
    case 'GeometryCollection':
      g.geometries.forEach((sub, i) => {
        checkGeometry(sub, `${path}.geometries[${i}]`, opts, out);
      });
      break;
  }
}

/** All problems with a FeatureCollection, or an empty list when it is sound. */
export function checkFeatureCollection(value: unknown, opts: GeoCheckOptions = {}): GeoProblem[] {
  const out: GeoProblem[] = [];
  if (typeof value !== 'object' || value === null || (value as { type?: unknown }).type !== 'FeatureCollection') {
    return [{ path: '', message: 'expected a GeoJSON FeatureCollection' }];
  }
  for (const m of GJV.valid(value, true).slice(0, 20)) out.push({ path: '', message: `geojson-validation: ${m}` });
  const features = (value as FeatureCollection).features;
  if (!Array.isArray(features)) return [...out, { path: 'features', message: 'features must be an array' }];
  features.forEach((f: Feature, i) => {
    if (f?.geometry) checkGeometry(f.geometry, `features[${i}].geometry`, opts, out);
  });
  return out;
}
