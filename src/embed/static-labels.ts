/**
 * Labels of the static picture, placed as MapLibre 6 places them (symbol/placement.ts,
 * symbol/get_anchors.ts): layers from the top of the stack down, within a layer by sort key, each
 * label at the first of its anchors whose box (text plus 2 px of padding) is free, a label that
 * fits nowhere left out, boxes beyond 100 px outside the box not placed at all. Line labels sit
 * where MapLibre's per-tile anchors put them: every `symbol-spacing` along the line within each
 * tile, with its angle and room checks.
 */
import type { Pt } from './static-geometry';
import { lineLength, pointAt } from './static-geometry';
import { el, type SvgNode, textEl } from './static-svg';
import { advanceEm, type Face, LINE_HEIGHT, ONE_EM, type Shaped, shapeText } from './static-text';

/** From a line box's top to the first baseline, in layout units (MapLibre's glyph offsets). */
const BASELINE = 0.5 * LINE_HEIGHT + 10;
/** Vertical offset from a line's centre to the baseline of a label drawn along it. */
const LINE_BASELINE_EM = 10 / ONE_EM;
/** MapLibre's assumed baseline offset for top and bottom anchors (variable_text_anchor.ts). */
const BASELINE_OFFSET = 7;
/** The collision grid reaches this far beyond the box (CollisionIndex viewportPadding). */
const GRID_PADDING = 100;
const EXTENT = 8192;
const TILE = 512;

export interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export class CollisionIndex {
  private readonly boxes: Box[] = [];

  constructor(
    private readonly width: number,
    private readonly height: number,
  ) {}

  private inGrid(b: Box): boolean {
    const p = GRID_PADDING;
    return b.x1 >= -p && b.x0 < this.width + p && b.y1 >= -p && b.y0 < this.height + p;
  }

  /** Whether boxes can be placed: at least one within the grid, none over a placed one. */
  free(boxes: readonly Box[], allowOverlap = false): boolean {
    if (!boxes.some((b) => this.inGrid(b))) return false;
    if (allowOverlap) return true;
    return !boxes.some((b) => this.boxes.some((o) => b.x0 <= o.x1 && b.x1 >= o.x0 && b.y0 <= o.y1 && b.y1 >= o.y0));
  }

  insert(boxes: readonly Box[]): void {
    this.boxes.push(...boxes);
  }
}

export interface TextPaint {
  face: Face;
  size: number;
  letterSpacing: number;
  color: string;
  haloColor: string | null;
  haloWidth: number;
  opacity: number;
}

export type Anchor =
  | 'center'
  | 'left'
  | 'right'
  | 'top'
  | 'bottom'
  | 'top-left'
  | 'top-right'
  | 'bottom-left'
  | 'bottom-right';

function alignment(a: Anchor): [number, number] {
  const h = a.endsWith('left') ? 0 : a.endsWith('right') ? 1 : 0.5;
  const v = a.startsWith('top') ? 0 : a.startsWith('bottom') ? 1 : 0.5;
  return [h, v];
}

const justification = (a: Anchor): 'left' | 'right' | 'center' =>
  a.endsWith('left') ? 'left' : a.endsWith('right') ? 'right' : 'center';

/** MapLibre's evaluateVariableOffset for a radial offset (layout units). */
function radialOffset(a: Anchor, r: number): [number, number] {
  const hyp = r / Math.SQRT2;
  let x = 0;
  let y = 0;
  if (a === 'top-left' || a === 'top-right') y = hyp - BASELINE_OFFSET;
  else if (a === 'bottom-left' || a === 'bottom-right') y = -hyp + BASELINE_OFFSET;
  else if (a === 'bottom') y = -r + BASELINE_OFFSET;
  else if (a === 'top') y = r - BASELINE_OFFSET;
  if (a === 'top-right' || a === 'bottom-right') x = -hyp;
  else if (a === 'top-left' || a === 'bottom-left') x = hyp;
  else if (a === 'left') x = r;
  else if (a === 'right') x = -r;
  return [x, y];
}

export interface PointLabel {
  at: Pt;
  text: string;
  paint: TextPaint;
  maxWidth: number;
  /** One anchor, or the variable anchors to try in order. */
  anchors: Anchor[];
  variable: boolean;
  /** text-offset in ems, used when there is no radial offset. */
  offset: [number, number];
  /** text-radial-offset in ems. */
  radial: number;
  justify: 'auto' | 'left' | 'right' | 'center';
  padding: number;
  allowOverlap: boolean;
  ignorePlacement: boolean;
}

const r1 = (n: number) => Math.round(n * 10) / 10;

function paintAttrs(p: TextPaint): Record<string, string | number | undefined> {
  return {
    'font-size': r1(p.size),
    'font-weight': p.face === 'bold' ? 600 : undefined,
    'font-style': p.face === 'italic' ? 'italic' : undefined,
    'letter-spacing': p.letterSpacing ? r1(p.letterSpacing * p.size) : undefined,
    fill: p.color,
    stroke: p.haloColor && p.haloWidth > 0 ? p.haloColor : undefined,
    'stroke-width': p.haloColor && p.haloWidth > 0 ? r1(2 * p.haloWidth) : undefined,
    opacity: p.opacity < 1 ? p.opacity : undefined,
  };
}

/** The text of a shaped label as SVG, its box's top left corner at (left, top) in pixels. */
function textNode(shaped: Shaped, paint: TextPaint, left: number, top: number, justify: 'left' | 'right' | 'center') {
  const fs = paint.size / ONE_EM;
  const width = shaped.width * fs;
  // SVG adds letter spacing after the last glyph too; MapLibre does not count it.
  const trailing = paint.letterSpacing * paint.size;
  const x = justify === 'left' ? left : justify === 'right' ? left + width + trailing : left + width / 2 + trailing / 2;
  const anchor = justify === 'left' ? undefined : justify === 'right' ? 'end' : 'middle';
  const attrs = { ...paintAttrs(paint), 'text-anchor': anchor };
  const baseline = (i: number) => r1(top + (BASELINE + i * LINE_HEIGHT) * fs);
  const [only] = shaped.lines;
  if (shaped.lines.length === 1 && only) return textEl('text', { x: r1(x), y: baseline(0), ...attrs }, only.text);
  return el(
    'text',
    attrs,
    shaped.lines.map((l, i) => textEl('tspan', { x: r1(x), y: baseline(i) }, l.text)),
  );
}

/** Places a point label; returns its SVG, or null where MapLibre would leave it out. */
export function placePointLabel(label: PointLabel, index: CollisionIndex): SvgNode | null {
  const { paint } = label;
  const fs = paint.size / ONE_EM;
  const shaped = shapeText(label.text, paint.face, paint.letterSpacing, label.maxWidth);
  if (shaped.lines.length === 0) return null;
  const w = shaped.width * fs;
  const h = shaped.lines.length * LINE_HEIGHT * fs;
  const pad = label.padding;
  for (const a of label.anchors) {
    let left: number;
    let top: number;
    if (label.variable) {
      // Shaped about the centre, then shifted by the anchor (placement.ts calculateVariableLayoutShift).
      const [ha, va] = alignment(a);
      const [ox, oy] = radialOffset(a, label.radial * ONE_EM);
      left = label.at[0] - w / 2 - (ha - 0.5) * (w + 2 * pad) + ox * fs;
      top = label.at[1] - h / 2 - (va - 0.5) * (h + 2 * pad) + oy * fs;
    } else {
      const [ha, va] = alignment(a);
      const [ox, oy] = label.radial
        ? radialOffset(a, label.radial * ONE_EM)
        : [label.offset[0] * ONE_EM, label.offset[1] * ONE_EM];
      left = label.at[0] + ox * fs - ha * w;
      top = label.at[1] + oy * fs - va * h;
    }
    const box: Box = { x0: left - pad, y0: top - pad, x1: left + w + pad, y1: top + h + pad };
    if (!index.free([box], label.allowOverlap)) continue;
    if (!label.ignorePlacement) index.insert([box]);
    const justify = label.justify === 'auto' ? justification(a) : label.justify;
    return textNode(shaped, paint, left, top, justify);
  }
  return null;
}

export interface LineAnchor {
  /** The line (tile-clipped, screen pixels) the label follows, and where along it the anchor is. */
  line: Pt[];
  distance: number;
  /** The tile (x, y at the whole zoom) the anchor is in: MapLibre places tile by tile, top to bottom. */
  tile: [number, number];
}

/** MapLibre's checkMaxAngle on a screen-space line. */
function checkMaxAngle(line: Pt[], segment: number, at: Pt, labelLength: number, window: number, maxAngle: number) {
  if (labelLength === 0) return true;
  let p = at;
  let index = segment + 1;
  let distance = 0;
  const dist = (a: Pt, b: Pt) => Math.hypot(b[0] - a[0], b[1] - a[1]);
  const angleTo = (a: Pt, b: Pt) => Math.atan2(a[1] - b[1], a[0] - b[0]);
  while (distance > -labelLength / 2) {
    index--;
    if (index < 0) return false;
    distance -= dist(line[index] as Pt, p);
    p = line[index] as Pt;
  }
  distance += dist(line[index] as Pt, line[index + 1] as Pt);
  index++;
  const corners: { distance: number; delta: number }[] = [];
  let sum = 0;
  while (distance < labelLength / 2) {
    const prev = line[index - 1] as Pt;
    const cur = line[index] as Pt;
    const next = line[index + 1];
    if (!next) return false;
    let delta = angleTo(prev, cur) - angleTo(cur, next);
    delta = Math.abs(((delta + 3 * Math.PI) % (Math.PI * 2)) - Math.PI);
    corners.push({ distance, delta });
    sum += delta;
    while (corners[0] && distance - corners[0].distance > window) sum -= corners.shift()?.delta ?? 0;
    if (sum > maxAngle) return false;
    index++;
    distance += dist(cur, next);
  }
  return true;
}

/** Liang–Barsky on the tile square, as MapLibre's clipLine splits a line at tile edges. */
function clipToTile(line: Pt[], size: number): Pt[][] {
  const out: Pt[][] = [];
  let cur: Pt[] = [];
  for (let i = 1; i < line.length; i++) {
    let [x0, y0] = line[i - 1] as Pt;
    let [x1, y1] = line[i] as Pt;
    let t0 = 0;
    let t1 = 1;
    const dx = x1 - x0;
    const dy = y1 - y0;
    let ok = true;
    for (const [p, q] of [
      [-dx, x0],
      [dx, size - x0],
      [-dy, y0],
      [dy, size - y0],
    ] as [number, number][]) {
      if (p === 0) ok &&= q >= 0;
      else if (p < 0) t0 = Math.max(t0, q / p);
      else t1 = Math.min(t1, q / p);
    }
    if (!ok || t0 > t1) {
      if (cur.length > 1) out.push(cur);
      cur = [];
      continue;
    }
    [x0, y0, x1, y1] = [x0 + t0 * dx, y0 + t0 * dy, x0 + t1 * dx, y0 + t1 * dy];
    if (cur.length === 0 || t0 > 0) {
      if (cur.length > 1) out.push(cur);
      cur = [[x0, y0]];
    }
    cur.push([x1, y1]);
    if (t1 < 1) {
      out.push(cur);
      cur = [];
    }
  }
  if (cur.length > 1) out.push(cur);
  return out;
}

export interface LineAnchorOptions {
  /** `symbol-spacing` in pixels. */
  spacing: number;
  /** The label's length in layout units, and its text size at the highest zoom (MapLibre's textMaxSize). */
  shapedLength: number;
  maxSize: number;
  maxAngleDeg: number;
  /** Labels of the same text closer than half the spacing within a tile are dropped (anchorIsTooClose). */
  text: string;
  centre?: boolean;
}

/**
 * Anchors of a line label: the line in world pixels at the map's zoom `zoom`, cut into the tiles of
 * zoom ⌊zoom⌋ that MapLibre lays symbols out in, anchors every `spacing` within each tile.
 * `toScreen` maps world pixels at `zoom` to the box.
 */
export function lineAnchors(
  world: Pt[],
  zoom: number,
  toScreen: (p: Pt) => Pt,
  visible: Box,
  o: LineAnchorOptions,
): LineAnchor[] {
  const z = Math.floor(zoom);
  const k = 2 ** (zoom - z);
  const ratio = EXTENT / TILE;
  const spacing0 = ratio * o.spacing;
  const boxScale = (ratio * o.maxSize) / ONE_EM;
  const labelLength = o.shapedLength * boxScale;
  const window = (3 / 5) * ONE_EM * boxScale;
  const maxAngle = (o.maxAngleDeg * Math.PI) / 180;
  const xs = world.map((p) => p[0] / k);
  const ys = world.map((p) => p[1] / k);
  const tiles = new Set<string>();
  for (let i = 0; i < world.length; i++)
    tiles.add(`${Math.floor((xs[i] ?? 0) / TILE)},${Math.floor((ys[i] ?? 0) / TILE)}`);
  // Segments can cross tiles that hold none of their vertices.
  for (let i = 1; i < world.length; i++) {
    const steps = Math.ceil(Math.hypot((xs[i] ?? 0) - (xs[i - 1] ?? 0), (ys[i] ?? 0) - (ys[i - 1] ?? 0)) / (TILE / 4));
    for (let s = 1; s < steps; s++) {
      const t = s / steps;
      const x = (xs[i - 1] ?? 0) + ((xs[i] ?? 0) - (xs[i - 1] ?? 0)) * t;
      const y = (ys[i - 1] ?? 0) + ((ys[i] ?? 0) - (ys[i - 1] ?? 0)) * t;
      tiles.add(`${Math.floor(x / TILE)},${Math.floor(y / TILE)}`);
    }
  }
  const out: LineAnchor[] = [];
  const sorted = [...tiles].map((key) => key.split(',').map(Number) as [number, number]);
  sorted.sort((a, b) => a[1] - b[1] || a[0] - b[0]);
  for (const [tx, ty] of sorted) {
    // Tiles wholly outside the box (with the grid's padding) place nothing visible.
    const corner = toScreen([tx * TILE * k, ty * TILE * k]);
    const far = toScreen([(tx + 1) * TILE * k, (ty + 1) * TILE * k]);
    if (far[0] < visible.x0 || corner[0] > visible.x1 || far[1] < visible.y0 || corner[1] > visible.y1) continue;
    const local: Pt[] = world.map((_, i) => [((xs[i] ?? 0) - tx * TILE) * ratio, ((ys[i] ?? 0) - ty * TILE) * ratio]);
    const toPx = (p: Pt): Pt => toScreen([(tx * TILE + p[0] / ratio) * k, (ty * TILE + p[1] / ratio) * k]);
    const seen: Pt[] = [];
    const pieces = o.centre ? [local] : clipToTile(local, EXTENT);
    for (const piece of pieces) {
      for (const a of anchorsOf(piece, spacing0, labelLength, window, maxAngle, boxScale, !!o.centre)) {
        if (a.p[0] < 0 || a.p[0] >= EXTENT || a.p[1] < 0 || a.p[1] >= EXTENT) continue;
        if (!o.centre && seen.some((s) => Math.hypot(s[0] - a.p[0], s[1] - a.p[1]) < spacing0 / 2)) continue;
        seen.push(a.p);
        const line = piece.map(toPx);
        out.push({ line, distance: (a.distance / ratio) * k, tile: [tx, ty] });
      }
    }
  }
  return out;
}

function anchorsOf(
  line: Pt[],
  spacing0: number,
  labelLength: number,
  window: number,
  maxAngle: number,
  boxScale: number,
  centre: boolean,
): { p: Pt; distance: number }[] {
  const total = lineLength(line);
  const check = (d: number) => {
    const { p } = pointAt(line, d);
    let seg = 0;
    for (let acc = 0; seg < line.length - 2; seg++) {
      const a = line[seg] as Pt;
      const b = line[seg + 1] as Pt;
      acc += Math.hypot(b[0] - a[0], b[1] - a[1]);
      if (acc >= d) break;
    }
    return checkMaxAngle(line, seg, p, labelLength, window, maxAngle) ? [{ p, distance: d }] : [];
  };
  if (centre) return check(total / 2);
  const continued = line[0]?.some((v) => v === 0 || v === EXTENT) ?? false;
  let spacing = spacing0;
  if (spacing - labelLength < spacing / 4) spacing = labelLength + spacing / 4;
  const offset = continued ? (spacing / 2) % spacing : (labelLength / 2 + ONE_EM * 2 * boxScale) % spacing;
  const resample = (start: number, middle: boolean) => {
    const found: { p: Pt; distance: number }[] = [];
    for (let marked = start; marked < total; marked += spacing) {
      if (marked - labelLength / 2 >= 0 && marked + labelLength / 2 <= total) found.push(...check(marked));
      if (middle) break;
    }
    return found;
  };
  const anchors = resample(offset, false);
  return anchors.length || continued ? anchors : resample(total / 2, true);
}

/**
 * Places a label along a line at an anchor (collision circles approximated by squares every half
 * em); returns its SVG: a path in <defs> and the text on it, upright unless `keepUpright` is off.
 */
export function placeLineLabel(
  anchor: LineAnchor,
  text: string,
  paint: TextPaint,
  opts: { offsetEm: number; keepUpright: boolean; allowOverlap: boolean; ignorePlacement: boolean; id: string },
  index: CollisionIndex,
): SvgNode[] {
  const chars = Array.from(text);
  const length =
    (chars.reduce((s, c) => s + advanceEm(c.codePointAt(0) ?? 0, paint.face) * ONE_EM, 0) +
      paint.letterSpacing * ONE_EM * (chars.length - 1)) *
    (paint.size / ONE_EM);
  const total = lineLength(anchor.line);
  if (anchor.distance - length / 2 < 0 || anchor.distance + length / 2 > total) return [];
  const start = pointAt(anchor.line, anchor.distance - length / 2).p;
  const end = pointAt(anchor.line, anchor.distance + length / 2).p;
  const flip = opts.keepUpright && end[0] < start[0];
  const line = flip ? [...anchor.line].reverse() : anchor.line;
  const distance = flip ? total - anchor.distance : anchor.distance;
  const boxes: Box[] = [];
  const half = paint.size / 2;
  for (let d = -length / 2; d <= length / 2 + 0.01; d += half) {
    const { p, angle } = pointAt(line, distance + d);
    const nx = -Math.sin(angle) * opts.offsetEm * paint.size;
    const ny = Math.cos(angle) * opts.offsetEm * paint.size;
    boxes.push({ x0: p[0] + nx - half, y0: p[1] + ny - half, x1: p[0] + nx + half, y1: p[1] + ny + half });
  }
  if (!index.free(boxes, opts.allowOverlap)) return [];
  if (!opts.ignorePlacement) index.insert(boxes);
  if (opts.keepUpright) {
    // A label steeper than 45° on screen is drawn with vertical glyphs, which Latin, Cyrillic and
    // Armenian text has none of: MapLibre hides it, after it has taken its room (projection.ts
    // requiresOrientationChange).
    const scale = paint.size / ONE_EM;
    const first = (advanceEm(chars[0]?.codePointAt(0) ?? 0, paint.face) * ONE_EM * scale) / 2;
    const last = (advanceEm(chars[chars.length - 1]?.codePointAt(0) ?? 0, paint.face) * ONE_EM * scale) / 2;
    const a = pointAt(line, distance - length / 2 + first).p;
    const b = pointAt(line, distance + length / 2 - last).p;
    if (Math.abs(b[1] - a[1]) > Math.abs(b[0] - a[0])) return [];
  }
  const d = `M${line.map((p) => `${r1(p[0])} ${r1(p[1])}`).join('L')}`;
  const dy = `${Math.round((LINE_BASELINE_EM + opts.offsetEm) * 100) / 100}em`;
  return [
    el('defs', {}, [el('path', { id: opts.id, d })]),
    el('text', { ...paintAttrs(paint), 'text-anchor': 'middle' }, [
      el('textPath', { href: `#${opts.id}`, startOffset: r1(distance) }, [textEl('tspan', { dy }, text)]),
    ]),
  ];
}

/** A glyph standing on a line, turned along it (one-way arrows). */
export function glyphOnLine(anchor: LineAnchor, glyph: string, paint: TextPaint): SvgNode {
  const { p, angle } = pointAt(anchor.line, anchor.distance);
  const deg = r1((angle * 180) / Math.PI);
  return textEl(
    'text',
    {
      ...paintAttrs(paint),
      'text-anchor': 'middle',
      transform: `translate(${r1(p[0])} ${r1(p[1])}) rotate(${deg})`,
      dy: `${r1(LINE_BASELINE_EM * 100) / 100}em`,
    },
    glyph,
  );
}
