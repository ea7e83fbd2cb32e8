/**
 * The schema of every file under data/ and the checks across them: geometry (validate-geojson),
 * properties per record, ids unique, every citation and reference resolving, times inside the
 * timeline and in order, cumulative series never falling. Pure: callers read the files. Each
 * problem names the file, the record and the field.
 */
import type { Feature } from 'geojson';
import { CLIP_BBOX } from '../geo/region';
import { checkFeatureCollection } from '../geo/validate-geojson';
import {
  CATEGORIES,
  CLAIM_STATUSES,
  CLAIMANT_KIND_SIDES,
  CLAIMANT_KINDS,
  type ClaimantKind,
  PLACE_STATES,
  PRECISIONS,
  RESPONSE_STANCES,
  ROUTE_STATUSES,
  SIDES,
} from '../vocabulary/vocabulary';
import type { Evidence } from './evidence';
import { checkNumbers } from './number-checks';
import { Check, type DataContext, type DataProblem, isObj, type Obj } from './rules';
import { checkNames, checkWording } from './wording';

export { type DataContext, type DataProblem, formatProblem } from './rules';

const PLACE_KINDS = ['capital', 'city', 'town', 'village', 'checkpoint', 'airport', 'base', 'site'];
const LABEL_KINDS = ['river', 'country', 'subregion', 'sea', 'lake', 'region'];
const AREA_KINDS = ['region', 'control', 'zone', 'encirclement'];

type RecordRule = (c: Check, p: Obj) => void;

function placeRule(c: Check, p: Obj): void {
  c.names(p.names, p.unsourcedNames);
  c.oneOf(p.kind, 'kind', PLACE_KINDS);
  c.oneOf(p.rank, 'rank', [1, 2, 3]);
  c.text(p.confidence, 'confidence', 300);
  c.optionalText(p.note, 'note');
  if (p.visibleFrom !== undefined) c.time(p.visibleFrom, 'visibleFrom');
  c.citations(p.sources, 'sources');
  for (const [i, m] of c.list(p.mentions, 'mentions').entries()) c.mention(m, `mentions[${i}]`);
  if (p.nameNotes !== undefined) {
    const notes: Obj = isObj(p.nameNotes) ? p.nameNotes : {};
    if (!isObj(p.nameNotes)) c.fail('nameNotes', 'must be an object of notes by language');
    const names: Obj = isObj(p.names) ? p.names : {};
    for (const [lang, note] of Object.entries(notes)) {
      if (!(lang in names)) c.fail(`nameNotes.${lang}`, `notes a name this record does not have`);
      c.text(note, `nameNotes.${lang}`, 200);
    }
  }
  if (p.namesInSources !== undefined) {
    for (const [i, n] of c.list(p.namesInSources, 'namesInSources').entries()) {
      if (!isObj(n)) continue;
      c.text(n.name, `namesInSources[${i}].name`, 200);
      c.citation({ article: n.article, paragraph: n.paragraph }, `namesInSources[${i}]`);
    }
  }
}

function statusRule(c: Check, p: Obj): void {
  let previousEnd = Number.NEGATIVE_INFINITY;
  for (const [i, s] of c.list(p.status, 'status', { nonEmpty: true }).entries()) {
    const f = `status[${i}]`;
    if (!isObj(s)) {
      c.fail(f, 'must be an object');
      continue;
    }
    const from = c.time(s.from, `${f}.from`);
    const to = c.time(s.to, `${f}.to`);
    if (from !== null && to !== null && from >= to) c.fail(f, 'must end after it starts');
    if (from !== null && from < previousEnd) c.fail(`${f}.from`, 'overlaps the interval before it');
    previousEnd = to ?? previousEnd;
    c.oneOf(s.status, `${f}.status`, ROUTE_STATUSES);
    c.oneOf(s.basis, `${f}.basis`, ['reported', 'inferred']);
    c.text(s.note, `${f}.note`);
    c.citations(s.citations, `${f}.citations`);
    if (s.disputed !== undefined) {
      const d = isObj(s.disputed) ? s.disputed : {};
      c.claimant(d.by, `${f}.disputed.by`);
      c.text(d.claim, `${f}.disputed.claim`);
      c.citations(d.citations, `${f}.disputed.citations`);
    }
  }
}

function routeRule(c: Check, p: Obj): void {
  c.names(p.names, p.unsourcedNames);
  c.oneOf(p.kind, 'kind', ['road']);
  for (const [i, w] of c.list(p.waypoints, 'waypoints', { nonEmpty: true }).entries()) c.placeRef(w, `waypoints[${i}]`);
  c.text(p.geometryBasis, 'geometryBasis');
  c.optionalText(p.note, 'note');
  c.citations(p.sources, 'sources');
  statusRule(c, p);
  if (p.roadLength !== undefined) {
    const r: Obj = isObj(p.roadLength) ? p.roadLength : {};
    c.placeRef(r.from, 'roadLength.from');
    c.placeRef(r.to, 'roadLength.to');
    if (typeof r.km !== 'number' || !(r.km > 0)) c.fail('roadLength.km', 'must be a number of kilometres > 0');
    const d: Obj = isObj(r.derived) ? r.derived : {};
    if (r.derived !== undefined) {
      c.text(d.formula, 'roadLength.derived.formula', 100);
      c.text(d.note, 'roadLength.derived.note', 300);
    }
    c.citations(r.citations, 'roadLength.citations');
  }
}

function validRule(c: Check, valid: unknown): void {
  const v = isObj(valid) ? valid : {};
  const from = v.from === null ? null : c.time(v.from, 'valid.from');
  const to = v.to === null ? null : c.time(v.to, 'valid.to');
  if (from !== null && to !== null && from >= to) c.fail('valid', 'must end after it starts');
  c.text(v.basis, 'valid.basis', 300);
}

function areaRule(c: Check, p: Obj): void {
  c.names(p.names, p.unsourcedNames);
  c.oneOf(p.kind, 'kind', AREA_KINDS);
  c.oneOf(p.approximate, 'approximate', [true, false]);
  c.text(p.note, 'note');
  c.citations(p.sources, 'sources');
  if (p.valid !== undefined) validRule(c, p.valid);
  // An encirclement is an event's mark on the map: it carries the status of the claim behind it.
  if (p.kind === 'encirclement' || p.depicts !== undefined) c.depicts(p.depicts, 'depicts');
}

function arrowRule(c: Check, p: Obj): void {
  c.names(p.names, p.unsourcedNames);
  c.oneOf(p.kind, 'kind', ['attack-direction']);
  if (p.approximate !== true) c.fail('approximate', 'schematic arrows must be marked approximate: true');
  c.text(p.note, 'note');
  validRule(c, p.valid);
  c.citations(p.sources, 'sources');
  c.depicts(p.depicts, 'depicts');
}

const basemapRule =
  (kinds: string[], approximate: boolean): RecordRule =>
  (c, p) => {
    c.names(p.names, p.unsourcedNames);
    c.oneOf(p.kind, 'kind', kinds);
    if (approximate && p.approximate !== true)
      c.fail('approximate', 'hand-drawn geometry must be marked approximate: true');
    c.text(p.note, 'note');
  };

/** GeoJSON files: their geometry types and the rule for each feature's properties. */
const GEOJSON_SCHEMAS: Record<string, { geometry: string[]; rule: RecordRule }> = {
  'places.geojson': { geometry: ['Point'], rule: placeRule },
  'routes.geojson': { geometry: ['LineString'], rule: routeRule },
  'areas.geojson': { geometry: ['Polygon', 'MultiPolygon'], rule: areaRule },
  'offensive-arrows.geojson': { geometry: ['LineString'], rule: arrowRule },
  'basemap/rivers.geojson': { geometry: ['LineString'], rule: basemapRule(['river'], true) },
  'basemap/labels.geojson': { geometry: ['Point'], rule: basemapRule(LABEL_KINDS, false) },
};

function checkGeoJsonFile(file: string, value: unknown, ctx: DataContext): DataProblem[] {
  const schema = GEOJSON_SCHEMAS[file];
  if (!schema) return [];
  const out: DataProblem[] = checkFeatureCollection(value, { bbox: CLIP_BBOX, requireRfcWinding: true }).map((g) => ({
    file,
    record: recordOf(value, g.path),
    field: g.path.replace(/^features\[\d+\]\.?/, '') || '-',
    message: g.message,
  }));
  const features = isObj(value) && Array.isArray(value.features) ? (value.features as Feature[]) : [];
  const ids = new Set<string>();
  features.forEach((f, i) => {
    const props: Obj = isObj(f?.properties) ? f.properties : {};
    const c = new Check(file, typeof props.id === 'string' ? props.id : `features[${i}]`, ctx, out);
    if (f?.type !== 'Feature') c.fail('type', 'must be "Feature"');
    if (!f?.geometry || !schema.geometry.includes(f.geometry.type))
      c.fail('geometry', `must be a ${schema.geometry.join(' or ')}`);
    if (c.id(props.id)) {
      if (ids.has(props.id)) c.fail('id', 'is used by another record in this file');
      ids.add(props.id);
      if (f.id !== undefined && f.id !== props.id) c.fail('id', `differs from the feature id “${String(f.id)}”`);
    }
    schema.rule(c, props);
  });
  return out;
}

function recordOf(value: unknown, path: string): string {
  const m = /^features\[(\d+)\]/.exec(path);
  if (!m || !isObj(value) || !Array.isArray(value.features)) return '-';
  const f = value.features[Number(m[1])] as Feature | undefined;
  const id = f?.properties?.id;
  return typeof id === 'string' ? id : `features[${m[1]}]`;
}

function figureRule(c: Check, f: unknown, field: string): void {
  if (!isObj(f)) {
    c.fail(field, 'must be an object');
    return;
  }
  c.text(f.quantity, `${field}.quantity`, 100);
  if (f.value === undefined) c.text(f.text, `${field}.text`, 100);
  else if (typeof f.value !== 'number' || !Number.isFinite(f.value) || f.value < 0)
    c.fail(`${field}.value`, 'must be a finite number ≥ 0');
  if (f.max !== undefined && (typeof f.max !== 'number' || typeof f.value !== 'number' || f.max < f.value)) {
    c.fail(`${field}.max`, 'must be a number ≥ value');
  }
  c.text(f.unit, `${field}.unit`, 100);
  c.optionalText(f.qualifier, `${field}.qualifier`, 40);
  c.claimant(f.claimant, `${field}.claimant`);
  noSide(c, f, field);
  c.citations(f.citations, `${field}.citations`);
  c.optionalText(f.note, `${field}.note`, 400);
  if (f.derived !== undefined) {
    const d: Obj = isObj(f.derived) ? f.derived : {};
    c.text(d.formula, `${field}.derived.formula`, 100);
    c.text(d.note, `${field}.derived.note`, 300);
  }
}

/** A side is the claimant's, read from data/claimants.json: a record that writes its own could disagree. */
function noSide(c: Check, v: Obj, field: string): void {
  if (v.side !== undefined) c.fail(`${field}.side`, 'is read from data/claimants.json; remove it here');
}

/** Distinct writers among a claim's citations: wire services, outlets, or the fact sheet's sources. */
function originsOf(citations: unknown, ctx: DataContext): Set<string> {
  const out = new Set<string>();
  for (const x of Array.isArray(citations) ? citations : []) {
    if (!isObj(x)) continue;
    if (typeof x.article === 'string') out.add(ctx.origins?.get(x.article) ?? x.article);
    else if (typeof x.url === 'string') out.add(x.url.replace(/^https?:\/\/(www\.)?([^/]+).*$/, '$2'));
  }
  return out;
}

function claimRule(c: Check, v: unknown, field: string): void {
  if (!isObj(v)) {
    c.fail(field, 'must be an object');
    return;
  }
  c.id(v.id, `${field}.id`);
  c.text(v.statement, `${field}.statement`, 600);
  c.claimant(v.claimant, `${field}.claimant`);
  noSide(c, v, field);
  c.oneOf(v.status, `${field}.status`, CLAIM_STATUSES);
  c.citations(v.citations, `${field}.citations`);
  c.optionalText(v.note, `${field}.note`, 400);
  if (v.response !== undefined) {
    const r = isObj(v.response) ? v.response : {};
    c.text(r.statement, `${field}.response.statement`, 600);
    c.claimant(r.claimant, `${field}.response.claimant`);
    noSide(c, r, `${field}.response`);
    c.oneOf(r.stance, `${field}.response.stance`, RESPONSE_STANCES);
    c.citations(r.citations, `${field}.response.citations`);
    // A claim the other side answers is never shown as plain fact.
    if (v.status !== 'disputed') c.fail(`${field}.status`, 'a claim with an answer in response must be disputed');
  } else if (v.status === 'disputed') {
    c.fail(`${field}.response`, 'a disputed claim must carry the answer that disputes it');
  }
  if (v.status === 'confirmed' && originsOf(v.citations, c.ctx).size < 2) {
    c.fail(`${field}.status`, 'confirmed needs citations from at least two independent sources');
  }
}

/** Who or what travelled, on a route of routes.geojson or a straight path between places. */
function movementRule(c: Check, m: unknown, f: string): void {
  const mv = isObj(m) ? m : {};
  if (mv.route !== undefined) c.routeRef(mv.route, `${f}.route`);
  else {
    const path = c.list(mv.path, `${f}.path`);
    if (path.length < 2) c.fail(`${f}.path`, 'a movement needs a route or a path of at least two places');
    for (const [i, p] of path.entries()) c.placeRef(p, `${f}.path[${i}]`);
  }
  c.placeRef(mv.from, `${f}.from`);
  c.placeRef(mv.to, `${f}.to`);
  const start = c.time(mv.start, `${f}.start`);
  const end = c.time(mv.end, `${f}.end`);
  if (start !== null && end !== null && end <= start) c.fail(`${f}.end`, 'must be after start');
  if (mv.people !== undefined && (typeof mv.people !== 'number' || !Number.isInteger(mv.people) || mv.people < 1)) {
    c.fail(`${f}.people`, 'must be a whole number ≥ 1');
  }
  // A count of travellers is a number on the map: it needs the paragraph that states it.
  if (mv.people !== undefined) c.citations(mv.citations, `${f}.citations`);
  else if (mv.citations !== undefined) c.citations(mv.citations, `${f}.citations`);
  c.depicts(mv.depicts, `${f}.depicts`);
  c.text(mv.basis, `${f}.basis`, 300);
}

function eventRule(c: Check, e: Obj): void {
  c.text(e.title, 'title', 200);
  c.oneOf(e.category, 'category', CATEGORIES);
  if (e.lead !== undefined) c.oneOf(e.lead, 'lead', [true]);
  const start = c.time(e.start, 'start');
  const end = e.end === undefined ? null : c.time(e.end, 'end');
  if (start !== null && end !== null && end < start) c.fail('end', 'is before start');
  c.oneOf(e.precision, 'precision', PRECISIONS);
  if (e.precision === 'window' && e.end === undefined) c.fail('end', 'a window needs its latest time as end');
  if (e.endPrecision !== undefined) c.oneOf(e.endPrecision, 'endPrecision', PRECISIONS);
  for (const [i, p] of c.list(e.places, 'places').entries()) c.placeRef(p, `places[${i}]`);
  c.text(e.summary, 'summary', 1200);
  if (e.figures !== undefined)
    for (const [i, f] of c.list(e.figures, 'figures').entries()) figureRule(c, f, `figures[${i}]`);
  if (e.claims !== undefined)
    for (const [i, v] of c.list(e.claims, 'claims').entries()) claimRule(c, v, `claims[${i}]`);
  if (e.movements !== undefined) {
    for (const [i, m] of c.list(e.movements, 'movements').entries()) movementRule(c, m, `movements[${i}]`);
  }
  if (e.effects !== undefined) {
    for (const [i, m] of c.list(e.effects, 'effects').entries()) {
      const f = `effects[${i}]`;
      const ef = isObj(m) ? m : {};
      c.placeRef(ef.place, `${f}.place`);
      c.oneOf(ef.state, `${f}.state`, PLACE_STATES);
      if (ef.until !== undefined) c.time(ef.until, `${f}.until`);
      c.depicts(ef.depicts, `${f}.depicts`);
    }
  }
  c.optionalText(e.note, 'note');
  c.citations(e.citations, 'citations');
}

function seriesRule(c: Check, s: Obj): void {
  c.text(s.title, 'title', 200);
  c.text(s.unit, 'unit', 100);
  c.oneOf(s.kind, 'kind', ['cumulative', 'per-day']);
  c.claimant(s.claimant, 'claimant');
  noSide(c, s, 'series');
  c.optionalText(s.note, 'note');
  let previous: { t: number; value: number } | null = null;
  for (const [i, p] of c.list(s.points, 'points', { nonEmpty: true }).entries()) {
    const f = `points[${i}]`;
    if (!isObj(p)) {
      c.fail(f, 'must be an object');
      continue;
    }
    const t = c.time(p.t, `${f}.t`);
    c.oneOf(p.precision, `${f}.precision`, PRECISIONS);
    const value = typeof p.value === 'number' && Number.isFinite(p.value) && p.value >= 0 ? p.value : null;
    if (value === null) c.fail(`${f}.value`, 'must be a finite number ≥ 0');
    c.optionalText(p.qualifier, `${f}.qualifier`, 40);
    c.optionalText(p.note, `${f}.note`, 400);
    if (p.claimant !== undefined) c.claimant(p.claimant, `${f}.claimant`);
    c.citations(p.citations, `${f}.citations`);
    if (t !== null && previous && t <= previous.t) c.fail(`${f}.t`, 'points must be in time order');
    if (t !== null && value !== null && previous && s.kind === 'cumulative' && value < previous.value) {
      c.fail(`${f}.value`, `a cumulative series cannot fall (${previous.value} → ${value})`);
    }
    if (t !== null && value !== null) previous = { t, value };
  }
}

function offMapRule(c: Check, p: Obj): void {
  c.names(p.names, p.unsourcedNames);
  c.oneOf(p.kind, 'kind', PLACE_KINDS);
  for (const [i, m] of c.list(p.mentions, 'mentions', { nonEmpty: true }).entries()) c.mention(m, `mentions[${i}]`);
}

/** Who makes claims: a side from the vocabulary that fits the kind of claimant. */
function claimantRule(c: Check, p: Obj): void {
  c.text(p.name, 'name', 200);
  c.text(p.short, 'short', 60);
  c.oneOf(p.kind, 'kind', CLAIMANT_KINDS);
  c.oneOf(p.side, 'side', SIDES);
  const allowed = CLAIMANT_KIND_SIDES[p.kind as ClaimantKind] as readonly string[] | undefined;
  if (
    allowed &&
    typeof p.side === 'string' &&
    (SIDES as readonly string[]).includes(p.side) &&
    !allowed.includes(p.side)
  ) {
    c.fail('side', `a claimant of kind ${String(p.kind)} speaks for ${allowed.join(' or ')}, not ${p.side}`);
  }
  c.optionalText(p.note, 'note', 400);
  for (const [i, a] of c.list(p.aliases, 'aliases').entries()) c.text(a, `aliases[${i}]`, 80);
}

/** JSON files: the key holding their records, and the rule for each record. */
const JSON_SCHEMAS: Record<string, { key: string; rule: RecordRule }> = {
  'claimants.json': { key: 'claimants', rule: claimantRule },
  'events.json': { key: 'events', rule: eventRule },
  'series.json': { key: 'series', rule: seriesRule },
  'places-offmap.json': { key: 'places', rule: offMapRule },
};

function checkJsonFile(file: string, value: unknown, ctx: DataContext): DataProblem[] {
  const schema = JSON_SCHEMAS[file];
  if (!schema) return [];
  const out: DataProblem[] = [];
  const records = isObj(value) ? value[schema.key] : undefined;
  if (!Array.isArray(records)) return [{ file, record: '-', field: schema.key, message: 'must be a list of records' }];
  const ids = new Set<string>();
  records.forEach((r: unknown, i) => {
    const rec: Obj = isObj(r) ? r : {};
    const c = new Check(file, typeof rec.id === 'string' ? rec.id : `${schema.key}[${i}]`, ctx, out);
    if (c.id(rec.id)) {
      if (ids.has(rec.id)) c.fail('id', 'is used by another record in this file');
      ids.add(rec.id);
    }
    schema.rule(c, rec);
  });
  return out;
}

export const CHECKED_FILES = [...Object.keys(GEOJSON_SCHEMAS), ...Object.keys(JSON_SCHEMAS)].sort();

/** All problems with one data file; `file` is its path relative to data/. */
export function checkDataFile(file: string, value: unknown, ctx: DataContext): DataProblem[] {
  if (file in GEOJSON_SCHEMAS) return checkGeoJsonFile(file, value, ctx);
  if (file in JSON_SCHEMAS) return checkJsonFile(file, value, ctx);
  return [{ file, record: '-', field: '-', message: 'no schema for this file: add one in src/data/check-data.ts' }];
}

const idsOf = (value: unknown, key: 'features' | 'places'): string[] => {
  const list = isObj(value) && Array.isArray(value[key]) ? (value[key] as unknown[]) : [];
  return list.flatMap((r) => {
    const id = isObj(r) ? (key === 'features' && isObj(r.properties) ? r.properties.id : r.id) : undefined;
    return typeof id === 'string' ? [id] : [];
  });
};

/** Who wrote an article: a single wire service it came through, else its outlet, else its document. */
export function articleOrigin(a: Obj, documentId: string): string {
  if (typeof a.via === 'string' && !a.via.includes(',')) return a.via;
  return typeof a.outlet === 'string' ? a.outlet : documentId;
}

/** The context for cross-checks, from the catalogue and the files that others refer to. */
export function buildContext(
  files: ReadonlyMap<string, unknown>,
  catalogue: unknown,
  evidence?: Evidence,
): DataContext {
  const articles = new Map<string, number>();
  const origins = new Map<string, string>();
  const documents = isObj(catalogue) && Array.isArray(catalogue.documents) ? catalogue.documents : [];
  for (const d of documents) {
    for (const a of isObj(d) && Array.isArray(d.articles) ? d.articles : []) {
      if (isObj(a) && typeof a.id === 'string' && typeof a.paragraphs === 'number') {
        articles.set(a.id, a.paragraphs);
        origins.set(a.id, articleOrigin(a, String(isObj(d) ? d.id : '')));
      }
    }
  }
  const claimants = new Map<string, { side: string; kind: string }>();
  const claimantsFile = files.get('claimants.json');
  for (const r of isObj(claimantsFile) && Array.isArray(claimantsFile.claimants) ? claimantsFile.claimants : []) {
    if (isObj(r) && typeof r.id === 'string') claimants.set(r.id, { side: String(r.side), kind: String(r.kind) });
  }
  const claims = new Map<string, { status: string; event: string }>();
  const eventsFile = files.get('events.json');
  for (const e of isObj(eventsFile) && Array.isArray(eventsFile.events) ? eventsFile.events : []) {
    for (const cl of isObj(e) && Array.isArray(e.claims) ? e.claims : []) {
      if (isObj(cl) && typeof cl.id === 'string') claims.set(cl.id, { status: String(cl.status), event: String(e.id) });
    }
  }
  const placeIds = new Set([
    ...idsOf(files.get('places.geojson'), 'features'),
    ...idsOf(files.get('places-offmap.json'), 'places'),
  ]);
  const routeIds = new Set(idsOf(files.get('routes.geojson'), 'features'));
  return { articles, placeIds, routeIds, claimants, claims, origins, evidence };
}

/** Claim ids are shared by the whole dataset: marks on the map name them across events. */
function claimIdsUnique(files: ReadonlyMap<string, unknown>): DataProblem[] {
  const seen = new Map<string, string>();
  const out: DataProblem[] = [];
  const eventsFile = files.get('events.json');
  for (const e of isObj(eventsFile) && Array.isArray(eventsFile.events) ? eventsFile.events : []) {
    if (!isObj(e)) continue;
    for (const [i, cl] of (Array.isArray(e.claims) ? e.claims : []).entries()) {
      const id = isObj(cl) ? cl.id : undefined;
      if (typeof id !== 'string') continue;
      const other = seen.get(id);
      if (other !== undefined)
        out.push({
          file: 'events.json',
          record: String(e.id),
          field: `claims[${i}].id`,
          message: `“${id}” is also a claim of ${other}`,
        });
      seen.set(id, String(e.id));
    }
  }
  return out;
}

/**
 * Every problem in the dataset: each file against its schema, with references checked across files,
 * and, given the evidence index, every number against what its citations state.
 */
export function checkDataset(
  files: ReadonlyMap<string, unknown>,
  catalogue: unknown,
  evidence?: Evidence,
): DataProblem[] {
  const ctx = buildContext(files, catalogue, evidence);
  const problems = [...files].flatMap(([file, value]) => checkDataFile(file, value, ctx));
  problems.push(...claimIdsUnique(files), ...checkWording(files), ...checkNames(files));
  if (evidence) problems.push(...checkNumbers(files, ctx, evidence));
  for (const file of CHECKED_FILES) {
    if (!files.has(file))
      problems.push({ file, record: '-', field: '-', message: 'missing: the dataset needs this file' });
  }
  return problems;
}

/** Every article id cited anywhere in a value (any object with an `article` string). */
export function citedArticles(value: unknown, into = new Set<string>()): Set<string> {
  if (Array.isArray(value)) for (const v of value) citedArticles(v, into);
  else if (isObj(value)) {
    if (typeof value.article === 'string') into.add(value.article);
    for (const v of Object.values(value)) citedArticles(v, into);
  }
  return into;
}
