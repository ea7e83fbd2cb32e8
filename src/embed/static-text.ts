/**
 * Text as MapLibre lays it out (symbol/shaping.ts, symbol/tagged_string.ts of MapLibre 6.17): glyph
 * advances of the label fonts without kerning, letter spacing after every glyph, and lines broken
 * at spaces and hyphens for `text-max-width`, choosing the least ragged breaks. Lengths are in
 * MapLibre's layout units, 24 to the em (ONE_EM).
 */
import { ADVANCES, RANGES } from './static-font-metrics';

export const ONE_EM = 24;
/** `text-line-height` (1.2 em, the default), in layout units. */
export const LINE_HEIGHT = 1.2 * ONE_EM;
/** A character no label font has: about the advance of a lower-case letter. */
const MISSING_EM = 0.6;

export type Face = 'regular' | 'bold' | 'italic';

const slotOf = new Map<number, number>();
for (const [a, b] of RANGES) for (let cp = a; cp <= b; cp++) slotOf.set(cp, slotOf.size);

const tables = new Map<Face, Uint16Array>();
function table(face: Face): Uint16Array {
  let t = tables.get(face);
  if (!t) {
    const s = ADVANCES[face];
    t = new Uint16Array(s.length / 2);
    for (let i = 0; i < t.length; i++) t[i] = Number.parseInt(s.slice(2 * i, 2 * i + 2), 36);
    tables.set(face, t);
  }
  return t;
}

/** The advance of a character in ems. */
export function advanceEm(codePoint: number, face: Face): number {
  const slot = slotOf.get(codePoint);
  const w = slot === undefined ? 0 : (table(face)[slot] ?? 0);
  return w > 0 ? w / 1000 : MISSING_EM;
}

/** The face a style's font stack names, as MapLibre's glyph manager reads it from the name. */
export function faceOf(stack: unknown): Face {
  const name = Array.isArray(stack) ? String(stack[0] ?? '') : String(stack ?? '');
  if (/italic/i.test(name)) return 'italic';
  if (/bold/i.test(name)) return 'bold';
  return 'regular';
}

const isSpace = (ch: string) => /^\s$/u.test(ch);
const BREAKABLE = new Set([0x0a, 0x0d, 0x20, 0x26, 0x29, 0x2b, 0x2d, 0x2f, 0xad, 0xb7, 0x200b, 0x2010, 0x2013, 0x2027]);

export interface ShapedLine {
  text: string;
  /** Width in layout units, without the spacing after the last glyph. */
  width: number;
}

export interface Shaped {
  lines: ShapedLine[];
  /** The widest line. */
  width: number;
}

interface Break {
  index: number;
  x: number;
  prior: Break | null;
  badness: number;
}

function badness(lineWidth: number, target: number, penalty: number, last: boolean): number {
  const ragged = (lineWidth - target) ** 2;
  if (last) return lineWidth < target ? ragged / 2 : ragged * 2;
  return ragged + Math.abs(penalty) * penalty;
}

function evaluateBreak(
  index: number,
  x: number,
  target: number,
  prior: Break[],
  penalty: number,
  last: boolean,
): Break {
  let best: Break | null = null;
  let bestBadness = badness(x, target, penalty, last);
  for (const p of prior) {
    const b = badness(x - p.x, target, penalty, last) + p.badness;
    if (b <= bestBadness) {
      best = p;
      bestBadness = b;
    }
  }
  return { index, x, prior: best, badness: bestBadness };
}

function lineBreaks(chars: string[], face: Face, spacing: number, maxWidth: number): number[] {
  const adv = (ch: string) => advanceEm(ch.codePointAt(0) ?? 0, face) * ONE_EM + spacing;
  const total = chars.reduce((s, ch) => s + adv(ch), 0);
  if (total > 0 && total <= maxWidth && !chars.some((c) => c === '\n' || c === '\r')) return [chars.length];
  const target = total / Math.max(1, Math.ceil(total / maxWidth));
  const breaks: Break[] = [];
  let x = 0;
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i] as string;
    if (i > 0) {
      const prev = (chars[i - 1] as string).codePointAt(0) ?? 0;
      const cp = ch.codePointAt(0) ?? 0;
      if (BREAKABLE.has(prev) || (cp === 0x28 && chars[i + 1] !== undefined)) {
        let penalty = prev === 0x0a || prev === 0x0d ? -10000 : 0;
        if (prev === 0x28) penalty += 50;
        if (cp === 0x29) penalty += 50;
        breaks.push(evaluateBreak(i, x, target, breaks, penalty, false));
      }
    }
    if (!isSpace(ch)) x += adv(ch);
  }
  const out: number[] = [];
  for (let b: Break | null = evaluateBreak(chars.length, x, target, breaks, 0, true); b; b = b.prior)
    out.unshift(b.index);
  return out;
}

/** Shapes a label: its lines and their widths in layout units. */
export function shapeText(text: string, face: Face, letterSpacingEm: number, maxWidthEm: number): Shaped {
  const spacing = letterSpacingEm * ONE_EM;
  const chars = Array.from(text);
  const cuts = Number.isFinite(maxWidthEm) ? lineBreaks(chars, face, spacing, maxWidthEm * ONE_EM) : [chars.length];
  const lines: ShapedLine[] = [];
  let start = 0;
  for (const cut of [...cuts, chars.length]) {
    if (cut <= start && cut !== chars.length) continue;
    const part = chars.slice(start, cut).join('').trim();
    start = cut;
    if (!part) continue;
    const glyphs = Array.from(part);
    const width = glyphs.reduce((s, ch) => s + advanceEm(ch.codePointAt(0) ?? 0, face) * ONE_EM + spacing, 0) - spacing;
    lines.push({ text: part, width });
  }
  return { lines, width: lines.reduce((m, l) => Math.max(m, l.width), 0) };
}
