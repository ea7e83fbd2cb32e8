/**
 * Checks for the files under data/: geometry (validate-geojson) plus a property schema per file.
 * Pure: callers read the files. Every problem names the file, the record and the field, so one line
 * is enough to find and fix it.
 */
import type { Feature } from 'geojson';
import { CLIP_BBOX } from '../geo/region';
import { checkFeatureCollection } from '../geo/validate-geojson';

export interface DataProblem {
  file: string;
  record: string;
  field: string;
  message: string;
}

export const formatProblem = (p: DataProblem) => `${p.file}: ${p.record}: ${p.field}: ${p.message}`;

const LANGS = ['en', 'hy', 'az', 'ru'] as const;
const PLACE_KINDS = ['capital', 'city', 'town', 'village', 'checkpoint', 'airport', 'base', 'site'];
const BASEMAP_KINDS = ['river', 'region', 'country', 'subregion', 'sea', 'lake'];

type Props = Record<string, unknown>;
type Rule = (props: Props, at: (field: string, message: string) => void) => void;

const isText = (v: unknown): v is string => typeof v === 'string' && v.trim() !== '' && v.length <= 500;

const requireText =
  (field: string): Rule =>
  (p, at) => {
    if (!isText(p[field])) at(field, 'must be a non-empty string of at most 500 characters');
  };

const namesRule: Rule = (p, at) => {
  const names = p.names as Props | undefined;
  if (typeof names !== 'object' || names === null) return at('names', 'must be an object of names by language');
  if (!isText(names.en)) at('names.en', 'an English name is required');
  for (const [lang, name] of Object.entries(names)) {
    if (!(LANGS as readonly string[]).includes(lang))
      at(`names.${lang}`, `language must be one of ${LANGS.join(', ')}`);
    else if (!isText(name)) at(`names.${lang}`, 'must be a non-empty string');
  }
  const unsourced = p.unsourcedNames;
  if (unsourced !== undefined) {
    if (!Array.isArray(unsourced)) at('unsourcedNames', 'must be a list of languages');
    else
      for (const l of unsourced)
        if (typeof l !== 'string' || !(l in names)) at('unsourcedNames', `“${String(l)}” names no name of this record`);
  }
};

const oneOf =
  (field: string, allowed: readonly unknown[]): Rule =>
  (p, at) => {
    if (!allowed.includes(p[field])) at(field, `must be one of ${allowed.join(', ')}`);
  };

const sourcesRule: Rule = (p, at) => {
  const sources = p.sources;
  if (!Array.isArray(sources) || sources.length === 0) return at('sources', 'at least one source is required');
  sources.forEach((s: Props, i) => {
    if (typeof s !== 'object' || s === null || !isText(s.ref))
      at(`sources[${i}].ref`, 'must name where the value comes from');
    if (s?.url !== undefined && (typeof s.url !== 'string' || !/^https?:\/\//.test(s.url)))
      at(`sources[${i}].url`, 'must be an http(s) URL');
  });
};

const approximateRule: Rule = (p, at) => {
  if (p.approximate !== true) at('approximate', 'hand-drawn geometry must be marked approximate: true');
};

/** The schema of each file under data/, by path relative to data/. */
const SCHEMAS: Record<string, { geometry: string[]; rules: Rule[] }> = {
  'places.geojson': {
    geometry: ['Point'],
    rules: [
      requireText('id'),
      namesRule,
      oneOf('kind', PLACE_KINDS),
      oneOf('rank', [1, 2, 3]),
      requireText('confidence'),
      sourcesRule,
    ],
  },
  'basemap/rivers.geojson': {
    geometry: ['LineString'],
    rules: [requireText('id'), namesRule, oneOf('kind', ['river']), approximateRule, requireText('note')],
  },
  'basemap/region.geojson': {
    geometry: ['Polygon'],
    rules: [requireText('id'), namesRule, oneOf('kind', ['region']), approximateRule, requireText('note')],
  },
  'basemap/labels.geojson': {
    geometry: ['Point'],
    rules: [requireText('id'), namesRule, oneOf('kind', BASEMAP_KINDS), requireText('note')],
  },
};

export const CHECKED_FILES = Object.keys(SCHEMAS);

/** All problems with one data file's parsed content; `file` is its path relative to data/. */
export function checkDataFile(file: string, value: unknown): DataProblem[] {
  const schema = SCHEMAS[file];
  if (!schema)
    return [{ file, record: '-', field: '-', message: 'no schema for this file: add one in src/data/check-data.ts' }];
  const problems: DataProblem[] = checkFeatureCollection(value, { bbox: CLIP_BBOX, requireRfcWinding: true }).map(
    (g) => ({
      file,
      record: recordOf(value, g.path),
      field: g.path.replace(/^features\[\d+\]\.?/, '') || '-',
      message: g.message,
    }),
  );
  const features = (value as { features?: Feature[] }).features;
  if (!Array.isArray(features)) return problems;
  const ids = new Set<string>();
  features.forEach((f, i) => {
    const props = (f?.properties ?? {}) as Props;
    const record = isText(props.id) ? props.id : `features[${i}]`;
    const at = (field: string, message: string) => problems.push({ file, record, field, message });
    if (f?.type !== 'Feature') at('type', 'must be "Feature"');
    if (!f?.geometry || !schema.geometry.includes(f.geometry.type))
      at('geometry', `must be a ${schema.geometry.join(' or ')}`);
    for (const rule of schema.rules) rule(props, at);
    if (isText(props.id)) {
      if (ids.has(props.id)) at('id', 'is used by another record in this file');
      ids.add(props.id);
    }
  });
  return problems;
}

function recordOf(value: unknown, path: string): string {
  const m = /^features\[(\d+)\]/.exec(path);
  if (!m) return '-';
  const f = (value as { features: Feature[] }).features[Number(m[1])];
  const id = (f?.properties as Props | null)?.id;
  return isText(id) ? id : `features[${m[1]}]`;
}
