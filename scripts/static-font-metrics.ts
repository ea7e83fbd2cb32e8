/**
 * Writes src/embed/static-font-metrics.ts: the advance width of every character the map's labels
 * may use, read from the same Fontsource files the map draws its labels with (src/map/fonts.ts), so
 * the static picture (src/embed/) breaks lines and detects label collisions as MapLibre does, without
 * a DOM. MapLibre lays glyphs out by their advances alone (no kerning), which is what is stored.
 *
 * Run after a Fontsource upgrade: `npm run font-metrics`.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import { ROOT } from './data-files';

const require = createRequire(import.meta.url);

/** Code points stored: Latin with Azerbaijani, Cyrillic, Armenian and the punctuation labels use. */
const RANGES: [number, number][] = [
  [0x20, 0x7e],
  [0xa0, 0xff],
  [0x100, 0x17f],
  [0x18f, 0x18f],
  [0x259, 0x259],
  [0x2bb, 0x2bc],
  [0x400, 0x45f],
  [0x531, 0x556],
  [0x559, 0x58a],
  [0x2010, 0x2027],
  [0x2039, 0x203a],
  [0x20ac, 0x20ac],
  [0x2116, 0x2116],
  [0x2212, 0x2212],
];

interface Font {
  unitsPerEm: number;
  glyphOf: (codePoint: number) => number;
  advance: (glyph: number) => number;
}

/** The sfnt tables of a WOFF 1.0 file, inflated. */
function woffTables(file: string): Map<string, Buffer> {
  const data = readFileSync(file);
  if (data.toString('latin1', 0, 4) !== 'wOFF') throw new Error(`${file}: not a WOFF file`);
  const count = data.readUInt16BE(12);
  const tables = new Map<string, Buffer>();
  for (let i = 0; i < count; i++) {
    const at = 44 + i * 20;
    const tag = data.toString('latin1', at, at + 4);
    const offset = data.readUInt32BE(at + 4);
    const compLength = data.readUInt32BE(at + 8);
    const origLength = data.readUInt32BE(at + 12);
    const raw = data.subarray(offset, offset + compLength);
    tables.set(tag, compLength < origLength ? inflateSync(raw) : Buffer.from(raw));
  }
  return tables;
}

/** A cmap subtable of format 4 or 12 as a lookup. */
function cmapLookup(cmap: Buffer): (codePoint: number) => number {
  const n = cmap.readUInt16BE(2);
  const subtables: { format: number; at: number }[] = [];
  for (let i = 0; i < n; i++) {
    const platform = cmap.readUInt16BE(4 + i * 8);
    const encoding = cmap.readUInt16BE(6 + i * 8);
    const at = cmap.readUInt32BE(8 + i * 8);
    if (platform === 3 || platform === 0) subtables.push({ format: cmap.readUInt16BE(at), at });
    void encoding;
  }
  const t12 = subtables.find((s) => s.format === 12);
  if (t12) {
    const groups = cmap.readUInt32BE(t12.at + 12);
    return (cp) => {
      for (let g = 0; g < groups; g++) {
        const at = t12.at + 16 + g * 12;
        const start = cmap.readUInt32BE(at);
        const end = cmap.readUInt32BE(at + 4);
        if (cp >= start && cp <= end) return cmap.readUInt32BE(at + 8) + cp - start;
      }
      return 0;
    };
  }
  const t4 = subtables.find((s) => s.format === 4);
  if (!t4) throw new Error('cmap: no format 4 or 12 subtable');
  const segX2 = cmap.readUInt16BE(t4.at + 6);
  const ends = t4.at + 14;
  const starts = ends + segX2 + 2;
  const deltas = starts + segX2;
  const rangeOffsets = deltas + segX2;
  return (cp) => {
    for (let s = 0; s < segX2; s += 2) {
      const end = cmap.readUInt16BE(ends + s);
      if (cp > end) continue;
      const start = cmap.readUInt16BE(starts + s);
      if (cp < start) return 0;
      const delta = cmap.readInt16BE(deltas + s);
      const ro = cmap.readUInt16BE(rangeOffsets + s);
      if (ro === 0) return (cp + delta) & 0xffff;
      const glyph = cmap.readUInt16BE(rangeOffsets + s + ro + (cp - start) * 2);
      return glyph === 0 ? 0 : (glyph + delta) & 0xffff;
    }
    return 0;
  };
}

function loadFont(file: string): Font {
  const tables = woffTables(file);
  const get = (tag: string) => {
    const t = tables.get(tag);
    if (!t) throw new Error(`${file}: no ${tag} table`);
    return t;
  };
  const hmtx = get('hmtx');
  const metrics = get('hhea').readUInt16BE(34);
  return {
    unitsPerEm: get('head').readUInt16BE(18),
    glyphOf: cmapLookup(get('cmap')),
    advance: (glyph) => hmtx.readUInt16BE(4 * Math.min(glyph, metrics - 1)),
  };
}

const file = (pkg: string, name: string) => join(require.resolve(`${pkg}/package.json`), '..', 'files', name);
const noto = (subset: string, weight: string) => file('@fontsource/noto-sans', `noto-sans-${subset}-${weight}.woff`);
const armenian = (weight: string) =>
  file('@fontsource/noto-sans-armenian', `noto-sans-armenian-armenian-${weight}-normal.woff`);

/** Each label font as MapLibre's style declares it: the subsets in the order their ranges are tried. */
const FACES: Record<string, string[]> = {
  regular: [
    noto('latin', '400-normal'),
    noto('latin-ext', '400-normal'),
    noto('cyrillic', '400-normal'),
    armenian('400'),
  ],
  bold: [noto('latin', '600-normal'), noto('latin-ext', '600-normal'), noto('cyrillic', '600-normal'), armenian('600')],
  // Armenian has no italic in Noto: the map's italic stack draws it upright.
  italic: [
    noto('latin', '400-italic'),
    noto('latin-ext', '400-italic'),
    noto('cyrillic', '400-italic'),
    armenian('400'),
  ],
};

const codePoints = RANGES.flatMap(([a, b]) => Array.from({ length: b - a + 1 }, (_, i) => a + i));
const out: Record<string, string> = {};
for (const [face, files] of Object.entries(FACES)) {
  const fonts = files.map(loadFont);
  out[face] = codePoints
    .map((cp) => {
      for (const font of fonts) {
        const glyph = font.glyphOf(cp);
        if (glyph) return Math.round((font.advance(glyph) * 1000) / font.unitsPerEm);
      }
      return 0;
    })
    .map((w) => w.toString(36).padStart(2, '0'))
    .join('');
}

const target = join(ROOT, 'src/embed/static-font-metrics.ts');
writeFileSync(
  target,
  `/**
 * Advance widths of the label fonts (Noto Sans 400, 600 and 400 italic; Noto Sans Armenian 400 and
 * 600), in thousandths of an em, two base-36 digits per character of RANGES in order; 00 where no
 * font has the character. Generated by scripts/static-font-metrics.ts from the Fontsource files the
 * map draws with: do not edit.
 */
export const RANGES: readonly (readonly [number, number])[] = ${JSON.stringify(RANGES)};

export const ADVANCES: Readonly<Record<'regular' | 'bold' | 'italic', string>> = ${JSON.stringify(out, null, 2)};
`,
);
console.log(`font metrics: ${codePoints.length} characters × ${Object.keys(out).length} faces → ${target}`);
