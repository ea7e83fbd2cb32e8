/**
 * Which events an analyst has asked to see: by category, by the side that made a claim or gave a
 * figure, by the outlet of a cited article, and by time range (the instant, everything up to t, or a
 * window). Pure; the scene, the events list, the table and the slider's ticks all use it.
 */
import type { Article, Dataset, TimelineEvent } from './dataset';

export interface EventFilter {
  categories: readonly string[];
  sides: readonly string[];
  outlets: readonly string[];
}

export interface TimeRange {
  range: 'instant' | 'cumulative' | 'window';
  from: number | null;
}

export const NO_FILTER: EventFilter = { categories: [], sides: [], outlets: [] };
export const INSTANT: TimeRange = { range: 'instant', from: null };

/** Articles whose document does not name its outlet are grouped as "unnamed". */
export function outletSlug(article: Pick<Article, 'outlet'>): string {
  const name = article.outlet ?? 'unnamed';
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/** Every outlet of the catalogue, by slug, with its display name. */
export function outletsOf(data: Pick<Dataset, 'articles'>): Map<string, string> {
  const out = new Map<string, string>();
  for (const a of data.articles.values()) out.set(outletSlug(a), a.outlet ?? 'Outlet not named');
  return out;
}

function sidesOf(e: TimelineEvent): Set<string> {
  return new Set([
    ...e.figures.map((f) => f.side),
    ...e.claims.flatMap((c) => [c.side, ...(c.response ? [c.response.side] : [])]),
  ]);
}

export function passesFilter(e: TimelineEvent, f: EventFilter, data: Pick<Dataset, 'articles'>): boolean {
  if (f.categories.length > 0 && !f.categories.includes(e.category)) return false;
  if (f.sides.length > 0) {
    const sides = sidesOf(e);
    if (!f.sides.some((s) => sides.has(s))) return false;
  }
  if (f.outlets.length > 0) {
    const cited = new Set(
      e.citations.flatMap((c) => {
        if (!('article' in c)) return [];
        const a = data.articles.get(c.article);
        return a ? [outletSlug(a)] : [];
      }),
    );
    if (!f.outlets.some((o) => cited.has(o))) return false;
  }
  return true;
}

const DAY_MS = 86_400_000;
const endOf = (e: TimelineEvent) => e.end ?? e.start + DAY_MS;

/** Whether an event belongs to the time range at t: under way now, started by t, or overlapping the window. */
export function inRange(e: TimelineEvent, t: number, r: TimeRange): boolean {
  if (r.range === 'cumulative') return e.start <= t;
  if (r.range === 'window') return e.start <= t && endOf(e) >= (r.from ?? t);
  return e.start <= t && t <= endOf(e);
}
