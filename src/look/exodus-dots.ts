/**
 * How the exodus dots look and what they stand for, written once for the map's WebGL layer
 * (map/exodus-dots.ts, exodus-dots-layer.ts) and the still picture's density bands
 * (embed/static-dots.ts): the road they move on, how many people they count, their size, rows,
 * colour and opacity (docs/architecture.md#one-look-two-renderers). Pure, no DOM.
 */
import type { Dataset } from '../timeline/dataset';
import { crossingTimes, LANE_ROWS, routeFractions } from '../timeline/dots';
import { seriesValueAt } from '../timeline/scene';
import { PALETTE } from './palette';

/** The custom layer's id; it is added at run time, under the journeys. */
export const DOTS_LAYER_ID = 'exodus-dots';
export const DOTS_ROUTE = 'lachin-corridor';
export const DOTS_SERIES = 'crossed-into-armenia';
/** The place on the road where a dot crosses into Armenia. */
export const DOTS_BORDER_PLACE = 'hakari-bridge';
/** Where the border lies along the road if the road does not name it (its share of the road's length). */
const FALLBACK_BORDER_FRACTION = 0.64;

/** Dot diameter and row spacing in CSS pixels: small enough that four rows read as one road. */
export const DOT_PX = 2.5;
export const ROW_PX = 2;
export const DOT_ROWS = LANE_ROWS.length;
/** Translucent, so that density shows where dots pile up. */
export const DOT_ALPHA = 0.6;
export const DOT_COLOR = PALETTE.dots;

const HOUR_MS = 3_600_000;

/** The people the dots stand for: the arrivals counted by half a day after the last bus (100,514). */
export function dotPeople(data: Pick<Dataset, 'series' | 'events'>): number {
  const series = data.series.get(DOTS_SERIES);
  const lastBus = data.events.find((e) => e.id === 'last-bus');
  return Math.round(seriesValueAt(series, (lastBus?.start ?? 0) + 12 * HOUR_MS));
}

const cache = new WeakMap<object, Map<number, Float64Array>>();

/** Every dot's border-crossing time, a dot per `scale` people; cached per dataset and scale. */
export function dotCrossings(data: Pick<Dataset, 'series' | 'events'>, scale: number): Float64Array {
  let byScale = cache.get(data);
  if (!byScale) {
    byScale = new Map();
    cache.set(data, byScale);
  }
  let c = byScale.get(scale);
  if (!c) {
    const series = data.series.get(DOTS_SERIES);
    c = series ? crossingTimes(series.points, dotPeople(data), scale) : new Float64Array(0);
    byScale.set(scale, c);
  }
  return c;
}

export interface DotRoute {
  coordinates: [number, number][];
  /** Share of each vertex along the road's length. */
  fractions: number[];
  /** Share of the road's length at the border. */
  borderFraction: number;
}

/** The road the dots move on, or null if the dataset lacks it. */
export function dotRoute(data: Pick<Dataset, 'routes'>): DotRoute | null {
  const route = data.routes.get(DOTS_ROUTE);
  if (!route || route.coordinates.length < 2) return null;
  const coordinates = route.coordinates.map((c) => [c[0] ?? 0, c[1] ?? 0] as [number, number]);
  const fractions = routeFractions(coordinates);
  const borderFraction = fractions[route.waypoints.indexOf(DOTS_BORDER_PLACE)] ?? FALLBACK_BORDER_FRACTION;
  return { coordinates, fractions, borderFraction };
}

/** A hex colour as straight (not premultiplied) RGBA, as the shader takes it. */
export function rgba(hex: string, alpha: number): [number, number, number, number] {
  const n = Number.parseInt(hex.slice(1), 16);
  return [((n >> 16) & 255) / 255, ((n >> 8) & 255) / 255, (n & 255) / 255, alpha];
}
