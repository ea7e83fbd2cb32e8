/**
 * Turns a GeoJSON text or a CSV's rows into an ImportedLayer, or into the list of everything wrong
 * with it (docs/reliability.md#hostile-files). All or nothing: a file with one bad feature is not imported.
 * Pure, so it runs in the import worker and in unit tests alike.
 */
import type { Feature, Geometry } from 'geojson';
import { CLIP_BBOX, inBBox } from '../geo/region';
import { checkFeatureCollection } from '../geo/validate-geojson';
import { DATE_RULE, findDateField, findEndField, parseEventDate } from './dates';
import { cleanGeometry, countPositions, looksSwapped, partProblems, shapeProblem, touchesBBox } from './geometry';
import { formatPath, type JsonPath, scanJson } from './json-scan';
import { fileFailure, Problems } from './problems';
import { copyProps, isAllowedKey, MAX_NAME_CHARS, quote, truncate, visible } from './sanitize';
import {
  type ImportErrorCode,
  type ImportedFeature,
  type ImportedLayer,
  type ImportFailure,
  type ImportMeta,
  LIMITS,
  MAX_REPORTED_ERRORS,
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

const MB = 1024 * 1024;

/** A size in MB to one decimal, or in bytes too when that would not tell it from `other`. */
function sizeText(bytes: number, other: number): string {
  const mb = (n: number) => `${(n / MB).toFixed(1)} MB`;
  return mb(bytes) === mb(other) ? `${fmt(bytes)} bytes (${mb(bytes)})` : mb(bytes);
}

/** The checks made before a file is read at all: its type and its size. */
export function checkFile(fileName: string, bytes: number): ImportFailure | null {
  if (!fileKind(fileName)) {
    return fileFailure(fileName, 'unsupported-type', 'only .geojson, .json and .csv files can be imported');
  }
  if (bytes > LIMITS.fileBytes) {
    return fileFailure(
      fileName,
      'too-large',
      `the file is ${sizeText(bytes, LIMITS.fileBytes)}; the limit is ${sizeText(LIMITS.fileBytes, bytes)}`,
    );
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
  let outsideRegion = 0;
  let swapped = 0;
  for (const f of features) {
    const outside = f.coordinates
      ? !inBBox(f.coordinates, CLIP_BBOX)
      : f.geometry
        ? !touchesBBox(f.geometry, CLIP_BBOX)
        : false;
    if (!outside) continue;
    outsideRegion++;
    if (looksSwapped(f, CLIP_BBOX)) swapped++;
  }
  return {
    id: meta.id,
    name: truncate(fileName.replace(/\.[^.]*$/, ''), 200),
    fileName: truncate(fileName, 300),
    kind,
    features,
    dateField,
    columns,
    importedAt: meta.importedAt,
    stats: { dated: features.filter((f) => f.t !== null).length, outsideRegion, rewoundRings, swapped },
  };
}

/** Records that the file has more distinct property names than the limit; true when it has. */
function tooManyColumns(count: number, problems: Problems, row?: number): boolean {
  if (count <= LIMITS.columns) return false;
  const rule = `${fmt(count)} distinct property names; the limit is ${fmt(LIMITS.columns)}`;
  if (row === undefined) problems.inFile('too-many-columns', rule);
  else problems.atRow('too-many-columns', row, null, rule.replace('property names', 'column names'));
  return true;
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

const GEOMETRY_TYPES = new Set([
  'Point',
  'MultiPoint',
  'LineString',
  'MultiLineString',
  'Polygon',
  'MultiPolygon',
  'GeometryCollection',
]);

/** A path inside the file, as messages quote it. */
const pathText = (path: JsonPath) => formatPath(path, (name) => quote(name));

/** Records a problem at a path found by the text scan: at its feature when it is inside one. */
function atPath(problems: Problems, code: ImportErrorCode, path: JsonPath, inFeature: string, inFile: string): void {
  const [first, index] = path;
  if (first === 'features' && typeof index === 'number') {
    problems.atFeature(code, index, pathText(path.slice(2)), inFeature);
  } else problems.inFile(code, inFile);
}

/** Records what the text scan found: nesting beyond the limit, or names given twice in one object. */
function checkScan(text: string, problems: Problems): void {
  const scan = scanJson(text, LIMITS.depth, MAX_REPORTED_ERRORS);
  if (scan.tooDeep) {
    const path = scan.tooDeep;
    const levels = `nests more than ${LIMITS.depth} levels deep`;
    const member = typeof path[0] === 'string' ? `the member ${quote(path[0])} ${levels}` : `the file ${levels}`;
    // Only the feature's own member is named: the full path is as deep as the problem.
    atPath(problems, 'too-deep', path.slice(0, 3), levels, member);
    return;
  }
  for (const { path, key } of scan.duplicates) {
    const rule = `the name ${quote(key)} is given twice in one object; JSON does not say which one counts, so programs can read the file differently (RFC 8259 §4)`;
    const where = path.length === 0 ? 'the top-level object' : pathText(path);
    const fileRule = `the name ${quote(key)} is given twice in ${where}; JSON does not say which one counts, so programs can read the file differently (RFC 8259 §4)`;
    atPath(problems, 'duplicate-key', path, rule, fileRule);
  }
  problems.count += scan.duplicateCount - scan.duplicates.length;
}

/**
 * The file's features, or null after recording why the value is not GeoJSON. A lone Feature or
 * geometry is a GeoJSON text too (RFC 7946 §2): it is read as a collection of one.
 */
function featuresOf(value: unknown, problems: Problems): unknown[] | null {
  const obj = typeof value === 'object' && value !== null && !Array.isArray(value) ? value : null;
  const type = (obj as { type?: unknown } | null)?.type;
  if (type === 'Feature') return [obj];
  if (typeof type === 'string' && GEOMETRY_TYPES.has(type))
    return [{ type: 'Feature', properties: null, geometry: obj }];
  if (type !== 'FeatureCollection') {
    const topo = type === 'Topology' ? ' (TopoJSON: convert it to GeoJSON first)' : '';
    const found = Array.isArray(value)
      ? 'an array'
      : obj
        ? type === undefined
          ? 'an object without "type"'
          : `an object of type ${quote(type)}${topo}`
        : value === null
          ? 'null'
          : `a ${typeof value}`;
    problems.inFile(
      'not-feature-collection',
      `expected GeoJSON (a FeatureCollection, a Feature or a geometry), found ${found}`,
    );
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
  return problems.count === 0 ? features : null;
}

/** Records features shaped wrong; true when all are sound enough to check further. */
function checkShapes(features: unknown[], problems: Problems): boolean {
  features.forEach((f, i) => {
    if (typeof f !== 'object' || f === null || Array.isArray(f)) {
      const found = Array.isArray(f) ? 'an array' : f === null ? 'null' : `a ${typeof f}`;
      problems.atFeature('invalid-geojson', i, '', `a feature must be a JSON object, found ${found}`);
      return;
    }
    const { geometry, properties } = f as { geometry?: unknown; properties?: unknown };
    if (
      properties !== undefined &&
      properties !== null &&
      (typeof properties !== 'object' || Array.isArray(properties))
    ) {
      const found = Array.isArray(properties) ? 'an array' : `a ${typeof properties}`;
      problems.atFeature(
        'invalid-geojson',
        i,
        'properties',
        `properties must be an object or null (RFC 7946 §3.2), found ${found}`,
      );
      return;
    }
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
    if (shape) {
      problems.atFeature('invalid-geojson', i, shape.path, shape.rule);
      return;
    }
    for (const p of partProblems(geometry as Geometry)) problems.atFeature(p.code, i, p.path, p.rule);
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
  // geojson-validation repeats some of the findings above: keep its own only for other features,
  // and its messages that name no feature (about positions, which the checks above cover) only
  // when those found nothing.
  const foundOwn = problems.count > 0;
  for (const message of validator) {
    const m = /^at (\d+): (.*)$/.exec(message);
    if (!m) {
      if (!foundOwn) problems.inFile('invalid-geojson', message);
    } else if (!own.has(Number(m[1]))) problems.atFeature('invalid-geojson', Number(m[1]), '', m[2] ?? '');
  }
}

/** A date value, or null for none; `where` records why a value is not a date. */
function dateOf(raw: unknown, where: (rule: string) => void): number | null {
  if (raw === undefined || raw === null || (typeof raw === 'string' && raw.trim() === '')) return null;
  const t = typeof raw === 'string' ? parseEventDate(raw) : null;
  if (t === null) where(`${quote(raw)} is not a date; ${DATE_RULE}`);
  return t;
}

/** The rule broken when an end comes before its start. */
const endRule = (end: unknown, endField: string, start: unknown, startField: string) =>
  `${quote(end)} (${visible(endField)}) is before ${quote(start)} (${visible(startField)}); an event cannot end before it starts`;

/** Parses a GeoJSON text: a FeatureCollection, a Feature or a geometry. */
export function parseGeoJsonText(text: string, fileName: string, meta: ImportMeta = newMeta()): ParseResult {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (!/\S/.test(body)) return fileFailure(fileName, 'empty', 'the file is empty');
  const problems = new Problems(fileName);
  // Before JSON.parse: nesting that would cost it seconds and gigabytes, and names it would hide.
  checkScan(body, problems);
  if (problems.list[0]?.code === 'too-deep') return problems.failed();
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch (e) {
    return fileFailure(
      fileName,
      'json-syntax',
      `not valid JSON: ${visible(String(e instanceof Error ? e.message : e), 200)}`,
    );
  }
  if (problems.count > 0) return problems.failed();
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
  // A collection is checked whole (its bbox too); a lone Feature or geometry as the collection it is read as.
  checkGeoJson(
    (value as { features?: unknown }).features === raw ? value : { type: 'FeatureCollection', features: raw },
    problems,
  );
  if (problems.count > 0) return problems.failed();

  const features = raw as Feature<Geometry>[];
  const props = features.map((f) => copyProps(f.properties));
  const columns = new Set<string>();
  for (const p of props) for (const key of Object.keys(p)) columns.add(key);
  if (tooManyColumns(columns.size, problems)) return problems.failed();
  const dateField = findDateField(columns);
  const endField = dateField === null ? null : findEndField(columns);
  let rewound = 0;
  const out = features.map((f, i): ImportedFeature => {
    const t = dateField
      ? dateOf(f.properties?.[dateField], (rule) =>
          problems.atFeature('bad-date', i, pathText(['properties', dateField]), rule, dateField),
        )
      : null;
    if (endField && dateField) {
      const rawEnd = f.properties?.[endField];
      const end = dateOf(rawEnd, (rule) =>
        problems.atFeature('bad-date', i, pathText(['properties', endField]), rule, endField),
      );
      if (t !== null && end !== null && end < t) {
        const rule = endRule(rawEnd, endField, f.properties?.[dateField], dateField);
        problems.atFeature('end-before-start', i, pathText(['properties', endField]), rule, endField);
      }
    }
    const { geometry, turned } = cleanGeometry(f.geometry);
    rewound += turned;
    const p = props[i] ?? copyProps(null);
    if (geometry.type === 'Point') {
      const [lon = 0, lat = 0] = geometry.coordinates;
      return { coordinates: [lon, lat], geometry: null, t, props: p };
    }
    return { coordinates: null, geometry, t, props: p };
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
  if (tooManyColumns(header.length, problems, 1)) return null;
  // Names are cut like GeoJSON property names; two cut alike are duplicates.
  const names = header.map(
    (h, i) => truncate((i === 0 ? h.replace(/^\ufeff/, '') : h).trim(), MAX_NAME_CHARS) || `column_${i + 1}`,
  );
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
  if (trimmed === '') {
    problems.atRow('bad-coordinate', row, column, 'the cell is empty; every row needs a latitude and a longitude');
    return null;
  }
  const n = NUMBER.test(trimmed) ? Number(trimmed) : Number.NaN;
  if (!Number.isFinite(n)) {
    const why = NUMBER.test(trimmed) ? 'is too large to be a number' : 'is not a number';
    problems.atRow('bad-coordinate', row, column, `${quote(text)} ${why}; write decimal degrees such as 39.8153`);
    return null;
  }
  if (Math.abs(n) > limit) {
    problems.atRow('out-of-range', row, column, `${visible(trimmed)} is outside −${limit}…${limit} degrees`);
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
  const endField = dateField === null ? null : findEndField(names);
  const endCol = endField === null ? -1 : names.indexOf(endField);
  const keep = names.map(isAllowedKey);
  const features: ImportedFeature[] = [];
  rows.forEach((cells, i) => {
    const row = i + 2;
    if (cells.every((c) => c.trim() === '')) return;
    if (cells.length !== names.length) {
      const n = cells.length;
      problems.atRow(
        'row-length',
        row,
        null,
        `${fmt(n)} cell${n === 1 ? '' : 's'}, but the header has ${fmt(names.length)} columns`,
      );
      return;
    }
    const lat = coordinate(cells[latCol] ?? '', 90, row, names[latCol] ?? '', problems);
    const lon = coordinate(cells[lonCol] ?? '', 180, row, names[lonCol] ?? '', problems);
    const t = dateCol < 0 ? null : dateOf(cells[dateCol], (rule) => problems.atRow('bad-date', row, dateField, rule));
    if (endCol >= 0 && endField !== null && dateField !== null) {
      const end = dateOf(cells[endCol], (rule) => problems.atRow('bad-date', row, endField, rule));
      if (t !== null && end !== null && end < t) {
        problems.atRow('end-before-start', row, endField, endRule(cells[endCol], endField, cells[dateCol], dateField));
      }
    }
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
