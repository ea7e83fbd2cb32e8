/**
 * The vocabulary of a checked claim: the figure a source states, the figure computed from the map's
 * data, the tolerance and why, and how the two compare. Pure.
 */
import type { Citation, Figure, TimelineEvent } from '../timeline/dataset';
import type { Engine } from '../timeline/scene';

export interface StatedFigure {
  value: number;
  max?: number;
  unit: string;
  qualifier?: string;
  claimant: string;
  citations: Citation[];
}

export interface ComputedFigure {
  label: string;
  value: number;
  /** With `max`, a range: the check compares the stated figure with everything from value to max. */
  max?: number;
  unit: string;
  /** One sentence: how it was computed, and from what data. */
  method: string;
  inputs: Citation[];
}

export interface Tolerance {
  kind: 'relative' | 'absolute';
  value: number;
  why: string;
}

export interface Comparison {
  /** How far the computed figure lies from the stated one, in its unit; 0 where they overlap. */
  difference: number;
  withinTolerance: boolean;
}

/** A count a source gives for a day, read as the number who had crossed by then. */
export interface DayStatement extends Comparison {
  stated: StatedFigure;
  crossed: { value: number; max?: number };
  /** How the figure was read as a count of people who had crossed, where it needed reading. */
  reading?: string;
  /** When the series first reaches the stated count; null if it never does. */
  reachedAt: number | null;
}

export interface DayRow {
  /** The local date, `2023-09-24`. */
  day: string;
  /** 23:59 local time that day, when `crossed` is read. */
  t: number;
  crossed: number;
  /** Of POPULATION_BEFORE, 0–1. */
  share: number;
  stated: DayStatement[];
}

export interface ClaimCheck extends Comparison {
  id: string;
  question: string;
  /** The figure the flag is for; `alsoStated` are other sources giving the same quantity. */
  stated: StatedFigure;
  alsoStated: StatedFigure[];
  computed: ComputedFigure;
  /** Further computed figures shown beside the compared one. */
  also: ComputedFigure[];
  tolerance: Tolerance;
  note: string;
  /** Only for the share that had left: one row per day. */
  days: DayRow[];
}

/** The one allowance, for a round figure: "about a hundred" still rounds to 100 at 85 or 115. */
export const ROUND_FIGURE = 0.15;
const FLOOR = new Set(['more than', 'over', 'at least']);
const CEILING = new Set(['up to', 'almost', 'less than', 'under']);

/** Compares as the source means it: "more than 60" is a floor, "up to 40,000" a ceiling, "50 to 1,000" a range. */
export function compare(
  stated: { value: number; max?: number; qualifier?: string },
  computed: { value: number; max?: number },
  tolerance: Tolerance,
): Comparison {
  const q = stated.qualifier ?? '';
  const lo = CEILING.has(q) ? Number.NEGATIVE_INFINITY : stated.value;
  const hi = FLOOR.has(q) ? Number.POSITIVE_INFINITY : (stated.max ?? stated.value);
  const cLo = computed.value;
  const cHi = computed.max ?? computed.value;
  const [difference, bound] = cHi < lo ? [cHi - lo, lo] : cLo > hi ? [cLo - hi, hi] : [0, stated.value];
  const allowed = tolerance.kind === 'relative' ? tolerance.value * Math.abs(bound) : tolerance.value;
  return { difference, withinTolerance: Math.abs(difference) <= allowed };
}

/** Numbers as the panel and the notes write them: `100,514`, `4.7`. */
export const fmt = (n: number, digits = 0) => n.toLocaleString('en', { maximumFractionDigits: digits });
/** Milliseconds as minutes, for rates per minute. */
export const minutes = (ms: number) => ms / 60_000;

/** Every figure of a quantity with the event it belongs to, so a figure can be placed in time. */
export function figuresOf(engine: Engine, quantity: string): { figure: Figure; event: TimelineEvent }[] {
  return engine.data.events.flatMap((event) =>
    event.figures.filter((f) => f.quantity === quantity).map((figure) => ({ figure, event })),
  );
}

/** A figure as the panel states it; null for a figure in words only ("a few hundred"). */
export function statedOf(f: Figure): StatedFigure | null {
  if (f.value === undefined) return null;
  const { value, max, unit, qualifier, claimant, citations } = f;
  return { value, max, unit, qualifier, claimant, citations };
}

/** Every numeric figure a source gives for a quantity, in the dataset's order. */
export function stated(engine: Engine, quantity: string): StatedFigure[] {
  return figuresOf(engine, quantity).flatMap(({ figure }) => statedOf(figure) ?? []);
}
