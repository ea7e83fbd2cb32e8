/**
 * The scene at a time: what the map and the panels show. `sceneAt` is a pure function of the engine
 * (built once from the dataset) and t; the map and the counters only render what it returns.
 */
import type { Position } from 'geojson';
import { DAY_MS } from '../time/iso';
import { TIMELINE_END, TIMELINE_START } from '../time/span';
import type { ClaimStatus } from '../vocabulary/vocabulary';
import { strongerStatus } from './attribution';
import { buildChapters, type Chapter, chapterAt } from './chapters';
import type {
  Citation,
  Dataset,
  Figure,
  Interval,
  PlaceState,
  RouteStatus,
  Series,
  StatusInterval,
  TimelineEvent,
} from './dataset';
import { SERIES_LEAD_IN_MS } from './dots';
import { type EventFilter, INSTANT, inRange, NO_FILTER, passesFilter, type TimeRange } from './filter';
import { fractionAtVertex, type MeasuredLine, measure, pointAlong } from './route-geometry';
import { buildTrack, type Segment } from './track';

/** A point event marks its places for this long. */
const POINT_EFFECT_MS = DAY_MS;
/** Population before the exodus, the figure every cited outlet uses (ABC News, DW via the Armenian government, AFP). */
export const POPULATION_BEFORE = 120_000;

export interface Engine {
  data: Dataset;
  chapters: Chapter[];
  track: Segment[];
  /** Distinct event start times, ascending: the stops of "previous / next event". */
  eventTimes: number[];
  lines: Map<string, MeasuredLine>;
}

export function createEngine(data: Dataset): Engine {
  const chapters = buildChapters(data);
  const lines = new Map([...data.routes].map(([id, r]) => [id, measure(r.coordinates)] as const));
  const eventTimes = [...new Set(data.events.map((e) => e.start))].sort((a, b) => a - b);
  return { data, chapters, track: buildTrack(chapters), eventTimes, lines };
}

export interface CounterLine {
  text: string;
  claimant: string;
  citations: Citation[];
}

export interface Counter {
  id: string;
  label: string;
  /** The number shown, when there is one number; several disagreeing figures are `lines` instead. */
  value?: number;
  display: string;
  lines: CounterLine[];
  note: string;
  citations: Citation[];
}

export interface Mover {
  id: string;
  eventId: string;
  coordinates: Position;
  people?: number;
  /** What the map writes beside it: the count a source gives, or "unknown number". */
  label: string;
  status: ClaimStatus;
  /** "claimed by …", "confirmed by several sources", for the label and the inspector. */
  statusText: string;
  basis: string;
}

/** A place marked by an event: what happens there, and on whose word. */
export interface PlaceMark {
  state: PlaceState;
  status: ClaimStatus;
  /** The status in short, for the map's label ("claimed by Armenia's defence ministry; denied by Azerbaijan"). */
  statusText: string;
  /** The events whose effects mark it now, the one that decided its status first. */
  eventIds: string[];
}

export interface Scene {
  t: number;
  chapter: Chapter;
  /** The most recent event that has started, and every event under way at t. */
  current: TimelineEvent | null;
  active: TimelineEvent[];
  routes: { id: string; status: RouteStatus; interval: StatusInterval }[];
  hiddenPlaces: string[];
  placeMarks: Record<string, PlaceMark>;
  areas: string[];
  arrows: string[];
  movers: Mover[];
  counters: Counter[];
}

const visibleAt = (i: Interval, t: number) => (i.from === null || t >= i.from) && (i.to === null || t < i.to);
const endOf = (e: TimelineEvent) => e.end ?? e.start + POINT_EFFECT_MS;

/** The value of a series at t: linear between reported points, rising from zero before the first. */
export function seriesValueAt(series: Series | undefined, t: number): number {
  const points = series?.points ?? [];
  const first = points[0];
  if (!first || !Number.isFinite(t)) return 0;
  if (t <= first.t - SERIES_LEAD_IN_MS) return 0;
  if (t < first.t) return (first.value * (t - (first.t - SERIES_LEAD_IN_MS))) / SERIES_LEAD_IN_MS;
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1];
    const b = points[i];
    if (a && b && t < b.t) return a.value + ((b.value - a.value) * (t - a.t)) / (b.t - a.t);
  }
  return points[points.length - 1]?.value ?? 0;
}

/** The last reported point at or before t, for "as of" and its citation. */
export function lastPointAt(series: Series | undefined, t: number) {
  let last: Series['points'][number] | undefined;
  for (const p of series?.points ?? []) if (p.t <= t) last = p;
  return last;
}

const STATE_RANK: Record<PlaceState, number> = { explosion: 5, 'under-fire': 4, encircled: 3, shelter: 2, emptied: 1 };

function placeMarks(events: readonly TimelineEvent[], t: number, range: TimeRange): Record<string, PlaceMark> {
  const marks: Record<string, PlaceMark> = {};
  for (const e of events) {
    if (e.start > t) break;
    if (range.range !== 'instant' && !inRange(e, t, range)) continue;
    for (const f of e.effects) {
      // At an instant only what is under way shows; over a range, everything that happened in it.
      if (range.range === 'instant' && t >= (f.until ?? endOf(e))) continue;
      const now = marks[f.place];
      const mark = { state: f.state, status: f.mark.status, statusText: f.mark.short, eventIds: [e.id] };
      if (!now || STATE_RANK[f.state] > STATE_RANK[now.state]) marks[f.place] = mark;
      else if (f.state === now.state) {
        // The same thing reported by two events: the better-established report decides how it is drawn.
        const stronger = strongerStatus(now.status, f.mark.status) === now.status ? now : mark;
        marks[f.place] = {
          ...stronger,
          eventIds: [...stronger.eventIds, ...(stronger === now ? [e.id] : now.eventIds)],
        };
      }
    }
  }
  return marks;
}

/** "2 people", "about 5,000 people", or "unknown number" where no source gives a count. */
export function peopleLabel(people: number | undefined): string {
  if (people === undefined) return 'unknown number';
  return people === 1 ? '1 person' : `${people.toLocaleString('en')} people`;
}

function movers(engine: Engine, events: readonly TimelineEvent[], t: number): Mover[] {
  const out: Mover[] = [];
  for (const e of events) {
    e.movements.forEach((m, i) => {
      if (t < m.start || t > m.end) return;
      const progress = m.end > m.start ? (t - m.start) / (m.end - m.start) : 1;
      const at = (id: string) => engine.data.places.get(id)?.coordinates;
      let coordinates: Position | null = null;
      const line = m.route
        ? engine.lines.get(m.route)
        : measure(
            (m.path ?? []).flatMap((id) => {
              const p = at(id);
              return p ? [p] : [];
            }),
          );
      const from = at(m.from);
      const to = at(m.to);
      if (line && from && to) {
        const f0 = fractionAtVertex(line, from);
        const f1 = fractionAtVertex(line, to);
        coordinates = pointAlong(line, f0 + (f1 - f0) * progress);
      }
      if (coordinates) {
        out.push({
          id: `${e.id}:${i}`,
          eventId: e.id,
          coordinates,
          people: m.people,
          label: peopleLabel(m.people),
          status: m.mark.status,
          statusText: m.mark.short,
          basis: m.basis,
        });
      }
    });
  }
  return out;
}

const fmt = (n: number) => Math.round(n).toLocaleString('en');

function figureLine(f: Figure): CounterLine {
  const amount =
    f.text ??
    `${f.qualifier ? `${f.qualifier} ` : ''}${fmt(f.value ?? 0)}${f.max !== undefined ? `–${fmt(f.max)}` : ''}`;
  return { text: `${amount} ${f.unit}`, claimant: f.claimant, citations: f.citations };
}

function figuresCounter(
  engine: Engine,
  t: number,
  eventId: string,
  quantity: RegExp,
  id: string,
  label: string,
): Counter | null {
  const event = engine.data.events.find((e) => e.id === eventId);
  if (!event || t < event.start) return null;
  const lines = event.figures.filter((f) => quantity.test(f.quantity)).map(figureLine);
  return {
    id,
    label,
    display: lines.map((l) => l.text).join(' · '),
    lines,
    note: 'Each figure with who gave it; the sources disagree and none is preferred.',
    citations: event.citations.slice(0, 3),
  };
}

function counters(engine: Engine, t: number): Counter[] {
  const { events, series } = engine.data;
  const out: Counter[] = [];
  const blockade = events.find((e) => e.id === 'lachin-blockade');
  if (blockade) {
    const days = Math.max(0, Math.floor((Math.min(t, endOf(blockade)) - blockade.start) / DAY_MS));
    out.push({
      id: 'days-under-blockade',
      label: t < (blockade.end ?? t) ? 'Days under blockade' : 'Days the blockade lasted',
      value: days,
      display: t < blockade.start ? 'not yet' : fmt(days),
      lines: [],
      note: 'From 12 December 2022, 10:30, until the corridor opened towards Armenia on 24 September 2023.',
      citations: blockade.citations.slice(0, 4),
    });
  }
  const crossedSeries = series.get('crossed-into-armenia');
  const firstPoint = crossedSeries?.points[0];
  if (crossedSeries && firstPoint && t >= firstPoint.t - SERIES_LEAD_IN_MS) {
    const crossed = seriesValueAt(crossedSeries, t);
    const last = lastPointAt(crossedSeries, t);
    // A point given by someone other than the series' claimant (AP's first group) says so.
    const by = last?.claimant ? engine.data.claimants.get(last.claimant)?.short : undefined;
    out.push({
      id: 'crossed-into-armenia',
      label: 'Crossed into Armenia',
      value: Math.round(crossed),
      display: fmt(crossed),
      lines: [],
      note: last
        ? `Armenian government figures, interpolated between reports; the last one before this time: ${fmt(last.value)}${by ? `, reported by ${by}` : ''}.`
        : 'Armenian government figures, interpolated; before the first report (about 30 people in the afternoon of 24 September, reported by AP) the count rises from zero.',
      citations: (last ?? firstPoint).citations,
    });
    const notCounted = Math.max(0, POPULATION_BEFORE - crossed);
    out.push({
      id: 'not-counted-in-armenia',
      label: 'Not yet counted in Armenia',
      value: Math.round(notCounted),
      display: fmt(notCounted),
      lines: [],
      note: `The estimated ${fmt(POPULATION_BEFORE)} before the exodus, less the arrivals Armenia counted: arithmetic on two figures, not a count of people who stayed. The UN mission was told that 50 to 1,000 remained on 1 October.`,
      citations: [
        { article: 's004-a02', paragraph: 10 },
        { article: 's004-a07', paragraph: 7 },
        { article: 's004-a04', paragraph: 8 },
      ],
    });
  }
  const killed = figuresCounter(engine, t, 'offensive', /^killed-/, 'killed-offensive', 'Killed in the offensive');
  if (killed) out.push(killed);
  const depot = figuresCounter(
    engine,
    t,
    'fuel-depot-explosion',
    /^killed-fuel-depot$/,
    'killed-fuel-depot',
    'Killed at the fuel depot',
  );
  if (depot) out.push(depot);
  return out;
}

/** The status interval at t; before the first interval its status holds, and after the last, the last. */
export function statusAt(intervals: readonly StatusInterval[], t: number): StatusInterval | undefined {
  const first = intervals[0];
  if (first && t < first.from) return first;
  return intervals.find((s) => t >= s.from && t < s.to) ?? intervals[intervals.length - 1];
}

export interface SceneOptions {
  filter?: EventFilter;
  range?: TimeRange;
}

/** Times outside the timeline show its ends; a time that is not a number shows its start. */
export function clampToTimeline(t: number): number {
  if (Number.isNaN(t)) return TIMELINE_START;
  return Math.min(TIMELINE_END, Math.max(TIMELINE_START, t));
}

/**
 * The scene at t, clamped to the timeline; the filter and the range choose which events count (all,
 * at the instant, by default).
 */
export function sceneAt(engine: Engine, time: number, options: SceneOptions = {}): Scene {
  const t = clampToTimeline(time);
  const { data } = engine;
  const filter = options.filter ?? NO_FILTER;
  const range = options.range ?? INSTANT;
  const events = filter === NO_FILTER ? data.events : data.events.filter((e) => passesFilter(e, filter, data));
  let current: TimelineEvent | null = null;
  const active: TimelineEvent[] = [];
  for (const e of events) {
    if (e.start > t) break;
    current = e;
    if (inRange(e, t, range)) active.push(e);
  }
  const routes = [...data.routes.values()].flatMap((r) => {
    const interval = statusAt(r.status, t);
    return interval ? [{ id: r.id, status: interval.status, interval }] : [];
  });
  return {
    t,
    chapter: chapterAt(engine.chapters, t),
    current,
    active,
    routes,
    hiddenPlaces: [...data.places.values()]
      .filter((p) => p.visibleFrom !== undefined && t < p.visibleFrom)
      .map((p) => p.id),
    placeMarks: placeMarks(events, t, range),
    areas: [...data.areas].filter(([, i]) => visibleAt(i, t)).map(([id]) => id),
    arrows: [...data.arrows].filter(([, i]) => visibleAt(i, t)).map(([id]) => id),
    movers: movers(engine, events, t),
    counters: counters(engine, t),
  };
}

/** The next event start after t, or null at the end. */
export function nextEventTime(engine: Engine, t: number): number | null {
  return engine.eventTimes.find((x) => x > t + 500) ?? null;
}

/** The previous event start before t, or null at the beginning. */
export function previousEventTime(engine: Engine, t: number): number | null {
  let prev: number | null = null;
  for (const x of engine.eventTimes) if (x < t - 500) prev = x;
  return prev;
}
