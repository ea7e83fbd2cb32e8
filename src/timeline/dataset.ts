/**
 * The dataset as the timeline engine uses it: the files under data/ (checked at build time by
 * src/data/check-data.ts) with every time parsed to epoch milliseconds once, and events sorted.
 * Pure: `prepareDataset` takes the parsed JSON that scripts/build-data.ts bundles.
 */
import type { FeatureCollection, LineString, Point, Position } from 'geojson';
import { type Precision, parseIsoTime } from '../time/iso';

export type Citation = { article: string; paragraph: number } | { ref: string; url?: string };
export type Side = 'armenian' | 'karabakh-armenian' | 'azerbaijani' | 'russian' | 'international' | 'media' | 'other';
export type Names = Partial<Record<'en' | 'hy' | 'az' | 'ru', string>> & { en: string };
export type RouteStatus = 'open' | 'restricted' | 'blocked' | 'one-way';
export type PlaceState = 'under-fire' | 'encircled' | 'shelter' | 'explosion' | 'emptied';
export type Category = 'blockade' | 'offensive' | 'talks' | 'humanitarian' | 'exodus' | 'diplomacy' | 'aftermath';
export type TimePrecision = Precision | 'hour' | 'month' | 'window';

export interface Figure {
  quantity: string;
  value?: number;
  max?: number;
  text?: string;
  unit: string;
  qualifier?: string;
  claimant: string;
  side: Side;
  citations: Citation[];
  note?: string;
}

export interface Claim {
  statement: string;
  claimant: string;
  side: Side;
  status: 'reported' | 'disputed' | 'denied' | 'unconfirmed';
  citations: Citation[];
  response?: { statement: string; claimant: string; side: Side; citations: Citation[] };
}

export interface Movement {
  route?: string;
  path?: string[];
  from: string;
  to: string;
  start: number;
  end: number;
  people?: number;
  basis: string;
}

export interface Effect {
  place: string;
  state: PlaceState;
  /** When the effect ends; without it, when the event ends (or one day after a point event). */
  until?: number;
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
  citations: Citation[];
}

export interface Series {
  id: string;
  title: string;
  unit: string;
  kind: 'cumulative' | 'per-day';
  claimant: string;
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
}

/** What scripts/build-data.ts writes to public/generated/dataset.json. */
export interface RawDataset {
  places: FeatureCollection;
  routes: FeatureCollection;
  areas: FeatureCollection;
  arrows: FeatureCollection;
  events: { events: Record<string, unknown>[] };
  series: { series: Record<string, unknown>[] };
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

function prepareEvent(e: Record<string, unknown>): TimelineEvent {
  const movements = ((e.movements ?? []) as Record<string, unknown>[]).map((m) => ({
    ...(m as unknown as Movement),
    start: timeOf(m.start),
    end: timeOf(m.end),
  }));
  const effects = ((e.effects ?? []) as Record<string, unknown>[]).map((f) => ({
    place: f.place as string,
    state: f.state as PlaceState,
    until: optionalTime(f.until),
  }));
  return {
    ...(e as unknown as TimelineEvent),
    start: timeOf(e.start),
    end: optionalTime(e.end),
    figures: (e.figures ?? []) as Figure[],
    claims: (e.claims ?? []) as Claim[],
    movements,
    effects,
  };
}

// Among events starting at the same moment, the one shown as "current" is the last: a lead event,
// else the most precise, and of those the one the map is most about.
const PRECISION_RANK: Record<string, number> = { window: 0, month: 1, day: 2, hour: 3, minute: 4 };
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
    series.set(String(s.id), { ...(s as unknown as Series), points });
  }
  const articles = new Map<string, Article>();
  for (const d of raw.catalogue.documents) for (const a of d.articles) articles.set(a.id, a);
  const events = raw.events.events.map(prepareEvent).sort(byStartThenWeight);
  const areaInfo = new Map<string, AreaInfo>();
  for (const f of [...raw.areas.features, ...raw.arrows.features]) {
    const p = f.properties as Omit<AreaInfo, 'valid'> & { valid?: unknown };
    areaInfo.set(p.id, { ...p, valid: interval(p.valid) });
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
  };
}
