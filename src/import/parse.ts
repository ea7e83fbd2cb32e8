/**
 * Turns a GeoJSON text or a CSV's rows into an ImportedLayer, or into the list of everything wrong
 * with it (design/reliability.md P4). All or nothing: a file with one bad feature is not imported.
 * Pure, so it runs in the import worker and in unit tests alike.
 */
import type { Feature, Geometry } from 'geojson';
import { CLIP_BBOX, inBBox } from '../geo/region';
import { checkFeatureCollection } from '../geo/validate-geojson';
import { DATE_RULE, findDateField, parseEventDate } from './dates';
import { cleanGeometry, countPositions, depthExceeds, shapeProblem, touchesBBox } from './geometry';
import { fileFailure, Problems } from './problems';
import { copyProps, isAllowedKey, quote, truncate, visible } from './sanitize';
import {
  type ImportErrorCode,
  type ImportedFeature,
  type ImportedLayer,
  type ImportMeta,
  LIMITS,
  type ParseResult,
  type Props,
} from './types';

const fmt = (n: number) => n.toLocaleString('en-US');

/** A fresh id and time for an import. */
export function newMeta(): ImportMeta {
  return { id: crypto.randomUUID(), importedAt: Date.now() };
}

/** Which parser a file name calls for, or null for a type the app does not read. */
export function fileKind(fileName: string): 'geojson' | 'csv' | null {
  const ext = /\.([^.]+)$/.exec(fileName.toLowerCase())?.[1];
  if (ext === 'geojson' || ext === 'json') return 'geojson';
  if (ext === 'csv') return 'csv';
  return null;
}

/** The checks made before a file is read at all: its type and its size. */
export function checkFile(fileName: string, bytes: number): ParseResult | null {
  if (!fileKind(fileName)) {
    return fileFailure(fileName, 'unsupported-type', 'only .geojson, .json and .csv files can be imported');
  }
  if (bytes > LIMITS.fileBytes) {
    const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
    return fileFailure(fileName, 'too-large', `the file is ${mb(bytes)}; the limit is ${mb(LIMITS.fileBytes)}`);
  }
  return null;
}

function layerOf(
  kind: ImportedLayer['kind'],
  fileName: string,
  meta: ImportMeta,
  features: ImportedFeature[],
  dateField: string | null,
  columns: string[],
  rewoundRings: number,
): ImportedLayer {
  const outsideRegion = features.filter((f) =>
    f.coordinates ? !inBBox(f.coordinates, CLIP_BBOX) : f.geometry ? !touchesBBox(f.geometry, CLIP_BBOX) : false,
  ).length;
  return {
    id: meta.id,
    name: truncate(fileName.replace(/\.[^.]*$/, ''), 200),
    fileName: truncate(fileName, 300),
    kind,
    features,
    dateField,
    columns,
    importedAt: meta.importedAt,
    stats: { dated: features.filter((f) => f.t !== null).length, outsideRegion, rewoundRings },
  };
}

// ——— GeoJSON ———

/** Codes for the rules of src/geo/validate-geojson.ts, keyed by the start of its messages. */
const RULE_CODES: [string, ImportErrorCode][] = [
  ['a position must be', 'bad-coordinate'],
  ['coordinates must be finite', 'bad-coordinate'],
  ['a ring needs at least', 'ring-too-short'],
  ['a ring must end where it starts', 'ring-not-closed'],
  ['a line needs at least', 'line-too-short'],
];

function codeOf(message: string): ImportErrorCode {
  if (message.includes('is outside longitude')) return 'out-of-range';
  return RULE_CODES.find(([start]) => message.startsWith(start))?.[1] ?? 'invalid-geojson';
}

/** The FeatureCollection's features, or null after recording why the value is not one. */
function featuresOf(value: unknown, problems: Problems): unknown[] | null {
  const obj = typeof value === 'object' && value !== null && !Array.isArray(value) ? value : null;
  const type = (obj as { type?: unknown } | null)?.type;
  if (type !== 'FeatureCollection') {
    const found = Array.isArray(value)
      ? 'an array'
      : obj
        ? `an object of type ${quote(type ?? null)}`
        : `a ${value === null ? 'null' : typeof value}`;
    problems.inFile('not-feature-collection', `expected a GeoJSON FeatureCollection, found ${found}`);
    return null;
  }
  const features = (obj as { features?: unknown }).features;
  if (!Array.isArray(features)) {
    problems.inFile('not-feature-collection', 'a FeatureCollection needs a "features" array');
    return null;
  }
  if (features.length === 0) problems.inFile('empty', 'the FeatureCollection has no features');
  else if (features.length > LIMITS.features) {
    problems.inFile(
      'too-many-features',
      `${fmt(features.length)} features; the limit is ${fmt(LIMITS.features)} features or rows`,
    );
  }
  for (const [key, member] of Object.entries(obj as object)) {
    if (key !== 'features' && depthExceeds(member, LIMITS.depth)) {
      problems.inFile('too-deep', `the member "${visible(key)}" nests more than ${LIMITS.depth} levels deep`);
    }
  }
  return problems.count === 0 ? features : null;
}

/** Records features nested too deep or shaped wrong; true when all are sound enough to check further. */
function checkShapes(features: unknown[], problems: Problems): boolean {
  features.forEach((f, i) => {
    if (depthExceeds(f, LIMITS.depth - 2)) {
      problems.atFeature('too-deep', i, '', `nests more than ${LIMITS.depth} levels deep`);
      return;
    }
    const geometry = (f as { geometry?: unknown } | null)?.geometry;
    if (geometry === null) {
      problems.atFeature(
        'no-geometry',
        i,
        'geometry',
        'the feature has no geometry, so it cannot be placed on the map',
      );
      return;
    }
    if (geometry === undefined) return; // geojson-validation names the missing member.
    const shape = shapeProblem(geometry);
    if (shape) problems.atFeature('invalid-geojson', i, shape.path, shape.rule);
  });
  return problems.count === 0;
}

/** Runs the dataset's checks (geojson-validation, finite in-range positions) and records what they find. */
function checkGeoJson(value: unknown, problems: Problems): void {
  const own = new Set<number>();
  const validator: string[] = [];
  for (const p of checkFeatureCollection(value)) {
    if (p.message.startsWith('geojson-validation: ')) {
      validator.push(p.message.slice('geojson-validation: '.length));
      continue;
    }
    const m = /^features\[(\d+)\]\.?(.*)$/.exec(p.path);
    if (!m) problems.inFile(codeOf(p.message), p.message);
    else {
      own.add(Number(m[1]));
      problems.atFeature(codeOf(p.message), Number(m[1]), m[2] ?? '', p.message);
    }
  }
  // geojson-validation repeats some of the findings above: keep its own only for other features.
  for (const message of validator) {
    const m = /^at (\d+): (.*)$/.exec(message);
    if (!m) problems.inFile('invalid-geojson', message);
    else if (!own.has(Number(m[1]))) problems.atFeature('invalid-geojson', Number(m[1]), '', m[2] ?? '');
  }
}

function dateOf(raw: unknown, where: (rule: string) => void): number | null {
  if (raw === undefined || raw === null || raw === '') return null;
  const t = typeof raw === 'string' ? parseEventDate(raw) : null;
  if (t === null) where(`${quote(raw)} is not a date; ${DATE_RULE}`);
  return t;
}

/** Parses a GeoJSON FeatureCollection from its text. */
export function parseGeoJsonText(text: string, fileName: string, meta: ImportMeta = newMeta()): ParseResult {
  let value: unknown;
  try {
    value = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (e) {
    return fileFailure(
      fileName,
      'json-syntax',
      `not valid JSON: ${visible(String(e instanceof Error ? e.message : e), 200)}`,
    );
  }
  const problems = new Problems(fileName);
  const raw = featuresOf(value, problems);
  if (!raw || !checkShapes(raw, problems)) return problems.failed();
  const vertices = raw.reduce<number>((n, f) => {
    const g = (f as Feature | null)?.geometry;
    return g ? n + countPositions(g) : n;
  }, 0);
  if (vertices > LIMITS.vertices) {
    problems.inFile('too-many-vertices', `${fmt(vertices)} positions; the limit is ${fmt(LIMITS.vertices)}`);
    return problems.failed();
  }
  checkGeoJson(value, problems);
  if (problems.count > 0) return problems.failed();

  const features = raw as Feature<Geometry>[];
  const columns = new Set<string>();
  for (const f of features) for (const key of Object.keys(f.properties ?? {})) if (isAllowedKey(key)) columns.add(key);
  const dateField = findDateField(columns);
  let rewound = 0;
  const out = features.map((f, i): ImportedFeature => {
    const props: Props = copyProps(f.properties);
    const t = dateField
      ? dateOf(f.properties?.[dateField], (rule) =>
          problems.atFeature('bad-date', i, `properties.${dateField}`, rule, dateField),
        )
      : null;
    const { geometry, turned } = cleanGeometry(f.geometry);
    rewound += turned;
    if (geometry.type === 'Point') {
      const [lon = 0, lat = 0] = geometry.coordinates;
      return { coordinates: [lon, lat], geometry: null, t, props };
    }
    return { coordinates: null, geometry, t, props };
  });
  return (
    problems.failure() ?? {
      ok: true,
      layer: layerOf('geojson', fileName, meta, out, dateField, [...columns], rewound),
    }
  );
}

// ——— CSV ———

const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const LAT_NAMES = ['latitude', 'lat'];
const LON_NAMES = ['longitude', 'lon', 'lng', 'long'];

function findColumn(names: readonly string[], wanted: readonly string[]): number {
  for (const w of wanted) {
    const i = names.findIndex((n) => n.toLowerCase() === w);
    if (i >= 0) return i;
  }
  return -1;
}

/** The header's column names, or null after recording duplicates and missing coordinate columns. */
function readHeader(header: readonly string[], problems: Problems): string[] | null {
  const names = header.map((h, i) => (i === 0 ? h.replace(/^\ufeff/, '') : h).trim() || `column_${i + 1}`);
  const seen = new Map<string, number>();
  names.forEach((n, i) => {
    const first = seen.get(n);
    if (first === undefined) seen.set(n, i);
    else {
      problems.atRow(
        'duplicate-column',
        1,
        n,
        `the name is used by columns ${first + 1} and ${i + 1}; each needs its own`,
      );
    }
  });
  if (findColumn(names, LAT_NAMES) < 0 || findColumn(names, LON_NAMES) < 0) {
    const found = names.slice(0, 12).map(quote).join(', ');
    problems.atRow(
      'no-lat-lon-columns',
      1,
      null,
      `no latitude and longitude columns (the header has ${found}); name them "latitude" and "longitude", or "lat" and "lon"`,
    );
  }
  return problems.count === 0 ? names : null;
}

function coordinate(text: string, limit: number, row: number, column: string, problems: Problems): number | null {
  const trimmed = text.trim();
  if (!NUMBER.test(trimmed)) {
    problems.atRow(
      'bad-coordinate',
      row,
      column,
      `${quote(text)} is not a number; write decimal degrees such as 39.8153`,
    );
    return null;
  }
  const n = Number(trimmed);
  if (Math.abs(n) > limit) {
    problems.atRow('out-of-range', row, column, `${trimmed} is outside −${limit}…${limit} degrees`);
    return null;
  }
  return n;
}

/**
 * Parses a CSV's data rows under its header row. `rows[0]` is the spreadsheet's row 2; blank rows
 * are skipped but still counted, so row numbers match what a spreadsheet shows.
 */
export function parseCsvRows(
  rows: readonly (readonly string[])[],
  header: readonly string[],
  fileName: string,
  meta: ImportMeta = newMeta(),
): ParseResult {
  const problems = new Problems(fileName);
  const names = readHeader(header, problems);
  if (!names) return problems.failed();
  if (rows.length > LIMITS.features) {
    problems.inFile(
      'too-many-features',
      `${fmt(rows.length)} rows; the limit is ${fmt(LIMITS.features)} features or rows`,
    );
    return problems.failed();
  }
  const latCol = findColumn(names, LAT_NAMES);
  const lonCol = findColumn(names, LON_NAMES);
  const dateField = findDateField(names);
  const dateCol = dateField === null ? -1 : names.indexOf(dateField);
  const keep = names.map(isAllowedKey);
  const features: ImportedFeature[] = [];
  rows.forEach((cells, i) => {
    const row = i + 2;
    if (cells.every((c) => c.trim() === '')) return;
    if (cells.length !== names.length) {
      problems.atRow('row-length', row, null, `${cells.length} cells, but the header has ${names.length} columns`);
      return;
    }
    const lat = coordinate(cells[latCol] ?? '', 90, row, names[latCol] ?? '', problems);
    const lon = coordinate(cells[lonCol] ?? '', 180, row, names[lonCol] ?? '', problems);
    const t = dateCol < 0 ? null : dateOf(cells[dateCol], (rule) => problems.atRow('bad-date', row, dateField, rule));
    if (lat === null || lon === null || problems.count > 0) return;
    const props: Props = Object.create(null);
    names.forEach((n, j) => {
      if (keep[j]) props[n] = truncate(cells[j] ?? '');
    });
    features.push({ coordinates: [lon, lat], geometry: null, t, props });
  });
  if (problems.count === 0 && features.length === 0) problems.inFile('empty', 'the file has a header but no data rows');
  return (
    problems.failure() ?? {
      ok: true,
      layer: layerOf('csv', fileName, meta, features, dateField, names.filter(isAllowedKey), 0),
    }
  );
}
