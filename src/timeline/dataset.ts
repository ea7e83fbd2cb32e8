/**
 * The dataset as the timeline engine uses it: the files under data/ (checked at build time by
 * src/data/check-data.ts) with every time parsed to epoch milliseconds once, and events sorted.
 * Pure: `prepareDataset` takes the parsed JSON that scripts/build-data.ts bundles.
 */
import type { FeatureCollection, LineString, Point, Position } from 'geojson';
import { parseIsoTime } from '../time/iso';
import type {
  Category,
  ClaimantKind,
  ClaimStatus,
  EventPrecision,
  PlaceState,
  ResponseStance,
  RouteStatus,
  Side,
} from '../vocabulary/vocabulary';
import { type MarkStatus, markStatus } from './attribution';

export type { Category, ClaimStatus, PlaceState, RouteStatus, Side };
export type Citation =
  | { article: string; paragraph: number }
  | { ref: string; url?: string; row?: string }
  | { url: string; says: string };
export type Names = Partial<Record<'en' | 'hy' | 'az' | 'ru', string>> & { en: string };
/** An event's or a point's precision, from the vocabulary: the data check admits no other. */
export type TimePrecision = EventPrecision;

/** Who makes claims (data/claimants.json); figures and claims name one by id. */
export interface Claimant {
  id: string;
  name: string;
  short: string;
  kind: ClaimantKind;
  side: Side;
  note?: string;
  aliases: string[];
}

export interface Figure {
  quantity: string;
  value?: number;
  max?: number;
  text?: string;
  unit: string;
  qualifier?: string;
  /** The claimant's name, for display; `claimantId` is its id in data/claimants.json. */
  claimant: string;
  claimantId: string;
  side: Side;
  citations: Citation[];
  note?: string;
  /** A figure computed from numbers its citations state, with the arithmetic shown. */
  derived?: { formula: string; note: string };
}

export interface Claim {
  id: string;
  statement: string;
  claimant: string;
  claimantId: string;
  side: Side;
  status: ClaimStatus;
  citations: Citation[];
  note?: string;
  response?: {
    statement: string;
    claimant: string;
    claimantId: string;
    side: Side;
    stance: ResponseStance;
    citations: Citation[];
  };
}

export interface Movement {
  route?: string;
  path?: string[];
  from: string;
  to: string;
  start: number;
  end: number;
  /** How many travelled, where a source says; otherwise the map says "unknown number". */
  people?: number;
  citations?: Citation[];
  depicts: string[];
  /** The status of the claims it depicts (timeline/attribution.ts). */
  mark: MarkStatus;
  basis: string;
}

export interface Effect {
  place: string;
  state: PlaceState;
  /** When the effect ends; without it, when the event ends (or one day after a point event). */
  until?: number;
  depicts: string[];
  mark: MarkStatus;
}

export interface TimelineEvent {
  id: string;
  title: string;
  category: Category;
  /** A lead event is the one shown as "current" when several start at the same moment. */
  lead?: boolean;
  start: number;
  end?: number;
  precision: TimePrecision;
  endPrecision?: TimePrecision;
  places: string[];
  summary: string;
  figures: Figure[];
  claims: Claim[];
  movements: Movement[];
  effects: Effect[];
  note?: string;
  citations: Citation[];
}

export interface StatusInterval {
  from: number;
  to: number;
  status: RouteStatus;
  basis: 'reported' | 'inferred';
  note: string;
  citations: Citation[];
  disputed?: { by: string; claim: string; citations: Citation[] };
}

export interface Route {
  id: string;
  names: Names;
  note?: string;
  sources: Citation[];
  coordinates: Position[];
  waypoints: string[];
  status: StatusInterval[];
  geometryBasis: string;
  /** The road's length between two of its places as the sources give it, where the drawn line is schematic. */
  roadLength?: {
    from: string;
    to: string;
    km: number;
    derived?: { formula: string; note: string };
    citations: Citation[];
  };
}

export interface Mention {
  article: string;
  paragraph: number;
  says: string;
}

export interface Place {
  id: string;
  names: Names;
  unsourcedNames: string[];
  namesInSources: { name: string; article: string; paragraph: number; note?: string }[];
  kind: string;
  rank: number;
  coordinates: Position;
  visibleFrom?: number;
  confidence: string;
  note?: string;
  sources: Citation[];
  mentions: Mention[];
}

/** What the inspector shows of an area or an attack arrow. */
export interface AreaInfo {
  id: string;
  names: Names;
  kind: string;
  approximate: boolean;
  note: string;
  valid: Interval;
  sources: Citation[];
  /** Encirclements and attack arrows: the claims they depict, and the status that follows. */
  depicts?: string[];
  mark?: MarkStatus;
}

export interface Interval {
  from: number | null;
  to: number | null;
}

export interface SeriesPoint {
  t: number;
  value: number;
  precision: TimePrecision;
  qualifier?: string;
  /** Who gave this point, where it is not the series' claimant (a claimant id). */
  claimant?: string;
  note?: string;
  citations: Citation[];
}

export interface Series {
  id: string;
  title: string;
  unit: string;
  kind: 'cumulative' | 'per-day';
  /** The claimant's name, for display; `claimantId` is its id. */
  claimant: string;
  claimantId: string;
  side: Side;
  points: SeriesPoint[];
}

export interface Article {
  id: string;
  outlet: string | null;
  via?: string;
  date: string | null;
  headline: string;
  url: string | null;
}

export interface Dataset {
  places: Map<string, Place>;
  routes: Map<string, Route>;
  /** Areas and attack arrows with the interval they are shown in; geometry stays in the map's sources. */
  areas: Map<string, Interval>;
  arrows: Map<string, Interval>;
  areaInfo: Map<string, AreaInfo>;
  events: TimelineEvent[];
  series: Map<string, Series>;
  articles: Map<string, Article>;
  claimants: Map<string, Claimant>;
  /** Every claim by its id, with the event it belongs to. */
  claims: Map<string, Claim & { eventId: string }>;
}

/** What scripts/build-data.ts writes to public/generated/dataset.json. */
export interface RawDataset {
  places: FeatureCollection;
  routes: FeatureCollection;
  areas: FeatureCollection;
  arrows: FeatureCollection;
  events: { events: Record<string, unknown>[] };
  series: { series: Record<string, unknown>[] };
  claimants: { claimants: Claimant[] };
  catalogue: { documents: { articles: Article[] }[] };
}

/** Parses a time the build already checked; a bad one here is a bug in the build, so it throws. */
export function timeOf(text: unknown): number {
  const parsed = typeof text === 'string' ? parseIsoTime(text) : null;
  if (!parsed) throw new Error(`dataset: bad time ${String(text)}`);
  return parsed.t;
}

const optionalTime = (v: unknown) => (v === undefined || v === null ? undefined : timeOf(v));

function interval(valid: unknown): Interval {
  const v = (valid ?? {}) as { from?: string | null; to?: string | null };
  return { from: v.from ? timeOf(v.from) : null, to: v.to ? timeOf(v.to) : null };
}

type Raw = Record<string, unknown>;

/** A claimant's name and side in place of its id; an unknown id (which the build refuses) shows as itself. */
function attributed<T extends Raw>(r: T, claimants: ReadonlyMap<string, Claimant>) {
  const id = String(r.claimant);
  const c = claimants.get(id);
  return { ...r, claimant: c?.name ?? id, claimantId: id, side: c?.side ?? 'other' };
}

function prepareClaim(c: Raw, claimants: ReadonlyMap<string, Claimant>): Claim {
  const claim = attributed(c, claimants) as unknown as Claim;
  const response = c.response as Raw | undefined;
  return response ? { ...claim, response: attributed(response, claimants) as unknown as Claim['response'] } : claim;
}

function prepareEvent(e: Raw, claimants: ReadonlyMap<string, Claimant>): TimelineEvent {
  return {
    ...(e as unknown as TimelineEvent),
    start: timeOf(e.start),
    end: optionalTime(e.end),
    figures: ((e.figures ?? []) as Raw[]).map((f) => attributed(f, claimants) as unknown as Figure),
    claims: ((e.claims ?? []) as Raw[]).map((c) => prepareClaim(c, claimants)),
    movements: [],
    effects: [],
  };
}

/** Journeys and effects with their times parsed and the status of the claims they depict. */
function prepareMarks(
  e: Raw,
  event: TimelineEvent,
  claims: ReadonlyMap<string, Claim>,
  claimants: ReadonlyMap<string, Claimant>,
): void {
  const mark = (depicts: unknown) => markStatus((depicts ?? []) as string[], claims, claimants);
  event.movements = ((e.movements ?? []) as Raw[]).map((m) => ({
    ...(m as unknown as Movement),
    depicts: (m.depicts ?? []) as string[],
    start: timeOf(m.start),
    end: timeOf(m.end),
    mark: mark(m.depicts),
  }));
  event.effects = ((e.effects ?? []) as Raw[]).map((f) => ({
    place: f.place as string,
    state: f.state as PlaceState,
    until: optionalTime(f.until),
    depicts: (f.depicts ?? []) as string[],
    mark: mark(f.depicts),
  }));
}

// Among events starting at the same moment, the one shown as "current" is the last: a lead event,
// else the most precise, and of those the one the map is most about.
const PRECISION_RANK: Record<TimePrecision, number> = { window: 0, month: 1, day: 2, hour: 3, minute: 4 };
const CATEGORY_RANK: Record<Category, number> = {
  diplomacy: 0,
  humanitarian: 1,
  aftermath: 2,
  talks: 3,
  blockade: 4,
  exodus: 5,
  offensive: 6,
};

function byStartThenWeight(a: TimelineEvent, b: TimelineEvent): number {
  return (
    a.start - b.start ||
    Number(a.lead ?? false) - Number(b.lead ?? false) ||
    (PRECISION_RANK[a.precision] ?? 0) - (PRECISION_RANK[b.precision] ?? 0) ||
    CATEGORY_RANK[a.category] - CATEGORY_RANK[b.category] ||
    a.id.localeCompare(b.id)
  );
}

export function prepareDataset(raw: RawDataset): Dataset {
  const claimants = new Map(raw.claimants.claimants.map((c) => [c.id, c] as const));
  const places = new Map<string, Place>();
  for (const f of raw.places.features) {
    const p = f.properties as Omit<Place, 'coordinates' | 'visibleFrom'> & { visibleFrom?: string };
    places.set(p.id, {
      ...p,
      unsourcedNames: p.unsourcedNames ?? [],
      namesInSources: p.namesInSources ?? [],
      mentions: p.mentions ?? [],
      coordinates: (f.geometry as Point).coordinates,
      visibleFrom: optionalTime(p.visibleFrom),
    });
  }
  const routes = new Map<string, Route>();
  for (const f of raw.routes.features) {
    const p = f.properties as Omit<Route, 'coordinates' | 'status'> & { status: Record<string, unknown>[] };
    routes.set(p.id, {
      id: p.id,
      names: p.names,
      note: p.note,
      sources: p.sources,
      waypoints: p.waypoints,
      geometryBasis: p.geometryBasis,
      ...(p.roadLength ? { roadLength: p.roadLength } : {}),
      coordinates: (f.geometry as LineString).coordinates,
      status: p.status.map((s) => ({ ...(s as unknown as StatusInterval), from: timeOf(s.from), to: timeOf(s.to) })),
    });
  }
  const intervals = (fc: FeatureCollection) =>
    new Map(fc.features.map((f) => [String(f.properties?.id), interval(f.properties?.valid)] as const));
  const series = new Map<string, Series>();
  for (const s of raw.series.series) {
    const points = (s.points as Record<string, unknown>[]).map((p) => ({
      ...(p as unknown as SeriesPoint),
      t: timeOf(p.t),
    }));
    series.set(String(s.id), { ...(attributed(s, claimants) as unknown as Series), points });
  }
  const articles = new Map<string, Article>();
  for (const d of raw.catalogue.documents) for (const a of d.articles) articles.set(a.id, a);
  const rawEvents = raw.events.events;
  const prepared = rawEvents.map((e) => prepareEvent(e, claimants));
  const claims = new Map<string, Claim & { eventId: string }>();
  for (const e of prepared) for (const c of e.claims) claims.set(c.id, { ...c, eventId: e.id });
  for (const [i, e] of prepared.entries()) prepareMarks(rawEvents[i] ?? {}, e, claims, claimants);
  const events = prepared.sort(byStartThenWeight);
  const areaInfo = new Map<string, AreaInfo>();
  for (const f of [...raw.areas.features, ...raw.arrows.features]) {
    const p = f.properties as Omit<AreaInfo, 'valid'> & { valid?: unknown };
    const mark = p.depicts ? markStatus(p.depicts, claims, claimants) : undefined;
    areaInfo.set(p.id, { ...p, valid: interval(p.valid), ...(mark ? { mark } : {}) });
  }
  return {
    places,
    routes,
    areas: intervals(raw.areas),
    arrows: intervals(raw.arrows),
    areaInfo,
    events,
    series,
    articles,
    claimants,
    claims,
  };
}
