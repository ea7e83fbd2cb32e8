/**
 * Geometry of the static picture in screen pixels: projection of GeoJSON through the camera,
 * clipping to the box (with a margin, so strokes and joins at the edge look as on the map), dropping
 * vertices closer than half a pixel, and compact SVG path data with one decimal.
 */
import type { Geometry, Position } from 'geojson';
import { project, type StaticCamera } from './static-camera';

export type Pt = [number, number];

export interface Rect {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** Vertices closer than this (CSS pixels) to the previous kept one are dropped. */
export const SIMPLIFY_PX = 0.5;

export const expand = (r: Rect, m: number): Rect => ({ x0: r.x0 - m, y0: r.y0 - m, x1: r.x1 + m, y1: r.y1 + m });

export function projectRing(camera: StaticCamera, coords: readonly Position[]): Pt[] {
  return coords.map((c) => project(camera, c[0] ?? 0, c[1] ?? 0));
}

/** Polygons (outer ring then holes) and lines of a geometry, in screen pixels. */
export function projectGeometry(camera: StaticCamera, g: Geometry): { polygons: Pt[][][]; lines: Pt[][] } {
  const ring = (c: Position[]) => projectRing(camera, c);
  switch (g.type) {
    case 'Polygon':
      return { polygons: [g.coordinates.map(ring)], lines: [] };
    case 'MultiPolygon':
      return { polygons: g.coordinates.map((p) => p.map(ring)), lines: [] };
    case 'LineString':
      return { polygons: [], lines: [ring(g.coordinates)] };
    case 'MultiLineString':
      return { polygons: [], lines: g.coordinates.map(ring) };
    default:
      return { polygons: [], lines: [] };
  }
}

/** Drops vertices closer than `tolerance` to the last kept one; the last vertex is always kept. */
export function simplify(points: readonly Pt[], tolerance = SIMPLIFY_PX): Pt[] {
  const first = points[0];
  if (!first) return [];
  const out: Pt[] = [first];
  let last = first;
  for (let i = 1; i < points.length - 1; i++) {
    const p = points[i] as Pt;
    if (Math.hypot(p[0] - last[0], p[1] - last[1]) >= tolerance) {
      out.push(p);
      last = p;
    }
  }
  const end = points[points.length - 1];
  if (points.length > 1 && end) out.push(end);
  return out;
}

type Edge = { inside: (p: Pt) => boolean; cut: (a: Pt, b: Pt) => Pt };

function edges(r: Rect): Edge[] {
  const atX =
    (x: number) =>
    (a: Pt, b: Pt): Pt => [x, a[1] + ((b[1] - a[1]) * (x - a[0])) / (b[0] - a[0])];
  const atY =
    (y: number) =>
    (a: Pt, b: Pt): Pt => [a[0] + ((b[0] - a[0]) * (y - a[1])) / (b[1] - a[1]), y];
  return [
    { inside: (p) => p[0] >= r.x0, cut: atX(r.x0) },
    { inside: (p) => p[0] <= r.x1, cut: atX(r.x1) },
    { inside: (p) => p[1] >= r.y0, cut: atY(r.y0) },
    { inside: (p) => p[1] <= r.y1, cut: atY(r.y1) },
  ];
}

/**
 * Sutherland–Hodgman: a ring clipped to a rectangle. A concave ring may gain edges along the
 * rectangle's border; with the margin they lie outside the box and are never seen.
 */
export function clipRing(ring: readonly Pt[], r: Rect): Pt[] {
  let out: Pt[] = [...ring];
  for (const e of edges(r)) {
    const input = out;
    out = [];
    for (let i = 0; i < input.length; i++) {
      const cur = input[i] as Pt;
      const prev = input[(i + input.length - 1) % input.length] as Pt;
      if (e.inside(cur)) {
        if (!e.inside(prev)) out.push(e.cut(prev, cur));
        out.push(cur);
      } else if (e.inside(prev)) {
        out.push(e.cut(prev, cur));
      }
    }
    if (out.length === 0) break;
  }
  return out;
}

/** Liang–Barsky on each segment: the parts of a polyline inside a rectangle. */
export function clipLine(line: readonly Pt[], r: Rect): Pt[][] {
  const pieces: Pt[][] = [];
  let current: Pt[] = [];
  for (let i = 1; i < line.length; i++) {
    const a = line[i - 1] as Pt;
    const b = line[i] as Pt;
    const dx = b[0] - a[0];
    const dy = b[1] - a[1];
    let t0 = 0;
    let t1 = 1;
    let visible = true;
    for (const [p, q] of [
      [-dx, a[0] - r.x0],
      [dx, r.x1 - a[0]],
      [-dy, a[1] - r.y0],
      [dy, r.y1 - a[1]],
    ] as [number, number][]) {
      if (p === 0) {
        if (q < 0) visible = false;
      } else {
        const t = q / p;
        if (p < 0) t0 = Math.max(t0, t);
        else t1 = Math.min(t1, t);
      }
    }
    if (!visible || t0 > t1) {
      if (current.length > 1) pieces.push(current);
      current = [];
      continue;
    }
    const start: Pt = [a[0] + t0 * dx, a[1] + t0 * dy];
    const end: Pt = [a[0] + t1 * dx, a[1] + t1 * dy];
    if (current.length === 0 || t0 > 0) {
      if (current.length > 1) pieces.push(current);
      current = [start];
    }
    current.push(end);
    if (t1 < 1) {
      pieces.push(current);
      current = [];
    }
  }
  if (current.length > 1) pieces.push(current);
  return pieces;
}

/** SVG path data: absolute first point, then relative steps, in tenths of a pixel. */
export function pathData(parts: readonly (readonly Pt[])[], closed: boolean): string {
  let d = '';
  // A number needs a separator only after another number, and not before a minus sign.
  const num = (tenths: number) => {
    const s = String(tenths / 10);
    d += !s.startsWith('-') && /[\d.]$/.test(d) ? ` ${s}` : s;
  };
  const push = (x: number, y: number) => {
    num(x);
    num(y);
  };
  for (const part of parts) {
    let px = 0;
    let py = 0;
    let n = 0;
    let cmd = '';
    for (const [x, y] of part) {
      const tx = Math.round(x * 10);
      const ty = Math.round(y * 10);
      if (n > 0 && tx === px && ty === py) continue;
      if (n === 0) {
        d += 'M';
        push(tx, ty);
      } else {
        if (cmd !== 'l') {
          d += 'l';
          cmd = 'l';
        }
        push(tx - px, ty - py);
      }
      px = tx;
      py = ty;
      n++;
    }
    if (closed && n > 0) d += 'z';
  }
  return d;
}

/** Polygons in screen pixels → clipped, simplified path data ('' when nothing is in the box). */
export function polygonPath(polygons: readonly Pt[][][], box: Rect): string {
  const rings: Pt[][] = [];
  for (const polygon of polygons) {
    for (const ring of polygon) {
      const clipped = simplify(clipRing(ring, box));
      if (clipped.length >= 3) rings.push(clipped);
    }
  }
  return pathData(rings, true);
}

/** Lines in screen pixels → clipped, simplified path data. */
export function linePath(lines: readonly Pt[][], box: Rect): string {
  return pathData(
    lines.flatMap((l) => clipLine(l, box).map((p) => simplify(p))).filter((p) => p.length >= 2),
    false,
  );
}

/** Length of a polyline in pixels. */
export function lineLength(line: readonly Pt[]): number {
  let total = 0;
  for (let i = 1; i < line.length; i++) {
    const a = line[i - 1] as Pt;
    const b = line[i] as Pt;
    total += Math.hypot(b[0] - a[0], b[1] - a[1]);
  }
  return total;
}

/** The point at a distance along a polyline, with the direction of its segment (radians). */
export function pointAt(line: readonly Pt[], distance: number): { p: Pt; angle: number } {
  let left = distance;
  for (let i = 1; i < line.length; i++) {
    const a = line[i - 1] as Pt;
    const b = line[i] as Pt;
    const d = Math.hypot(b[0] - a[0], b[1] - a[1]);
    if (left <= d || i === line.length - 1) {
      const t = d > 0 ? Math.min(1, Math.max(0, left / d)) : 0;
      return { p: [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t], angle: Math.atan2(b[1] - a[1], b[0] - a[0]) };
    }
    left -= d;
  }
  const only = line[0] ?? [0, 0];
  return { p: [only[0], only[1]], angle: 0 };
}
