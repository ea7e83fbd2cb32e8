/**
 * How many of the about 120,000 had left by the end of each day of the exodus, from the Armenian
 * arrival series, beside the counts the sources give for a day. Pure.
 */
import { DAY_MS, formatIsoLocal, formatReadable, localDayStart } from '../time/iso';
import type { Series, TimelineEvent } from '../timeline/dataset';
import { type Engine, lastPointAt, POPULATION_BEFORE, seriesValueAt } from '../timeline/scene';
import {
  type ClaimCheck,
  type ComputedFigure,
  compare,
  type DayRow,
  type DayStatement,
  figuresOf,
  fmt,
  ROUND_FIGURE,
  type StatedFigure,
  stated,
  statedOf,
  type Tolerance,
} from './claim-check';

/** When the series first reaches a value, interpolating as seriesValueAt does; null if it never does. */
export function timeSeriesReaches(series: Series, value: number): number | null {
  let prev: Series['points'][number] | undefined;
  for (const p of series.points) {
    if (p.value >= value) {
      if (!prev || p.value === prev.value) return p.t;
      return prev.t + ((value - prev.value) / (p.value - prev.value)) * (p.t - prev.t);
    }
    prev = p;
  }
  return null;
}

const dayEnd = (dayStart: number) => dayStart + DAY_MS - 60_000;
const percent = (share: number) => `${fmt(share * 100, 1)}%`;
const COUNTS = ['crossed-into-armenia', 'arrivals', 'crossed-first-three-days', 'remaining'];
// "More than 50 remain" means fewer than 119,950 left: a floor on those remaining is a ceiling on those gone.
const INVERSE: Record<string, string> = {
  'more than': 'up to',
  'at least': 'up to',
  'up to': 'more than',
  almost: 'more than',
};

/** A figure as the number who had crossed, to compare with the series: those said to remain are the rest. */
export function asCrossed(
  quantity: string,
  s: StatedFigure,
): Pick<DayStatement, 'crossed' | 'reading'> & { qualifier?: string } {
  if (quantity !== 'remaining') return { crossed: { value: s.value, max: s.max }, qualifier: s.qualifier };
  const said = s.max === undefined ? fmt(s.value) : `${fmt(s.value)}–${fmt(s.max)}`;
  return {
    crossed: {
      value: POPULATION_BEFORE - (s.max ?? s.value),
      max: s.max === undefined ? undefined : POPULATION_BEFORE - s.value,
    },
    qualifier: s.qualifier ? (INVERSE[s.qualifier] ?? s.qualifier) : undefined,
    reading: `${fmt(POPULATION_BEFORE)} less the ${said} said to remain`,
  };
}

/** The share check: one row a day, and whether the count reaches the population sources say had left. */
export function exodusShare(engine: Engine): ClaimCheck | null {
  const population = stated(engine, 'population-before');
  const [first, ...others] = population.filter((s) => s.value === POPULATION_BEFORE);
  const series = engine.data.series.get('crossed-into-armenia');
  const exodus = engine.data.events.find((e) => e.id === 'exodus');
  const p0 = series?.points[0];
  if (!first || !series || !exodus || !p0) return null;
  const firstDay = localDayStart(p0.t);
  const lastDay = localDayStart(exodus.end ?? exodus.start);
  const tolerance: Tolerance = {
    kind: 'relative',
    value: ROUND_FIGURE,
    why: 'Counts with "about" are round figures, allowed 15% either way; "more than" is a floor; a number said to remain stands for the rest having left.',
  };
  const dayOf = (quantity: string, event: TimelineEvent) =>
    quantity === 'crossed-first-three-days' ? firstDay + 2 * DAY_MS : localDayStart(event.end ?? event.start);
  const days: DayRow[] = [];
  for (let d = firstDay; d <= lastDay; d += DAY_MS) {
    const t = dayEnd(d);
    const crossed = seriesValueAt(series, t);
    const statements = COUNTS.flatMap((quantity) =>
      figuresOf(engine, quantity).flatMap(({ figure, event }) => {
        const s = statedOf(figure);
        if (!s || dayOf(quantity, event) !== d) return [];
        const { qualifier, ...read } = asCrossed(quantity, s);
        const reading =
          quantity === 'crossed-first-three-days'
            ? `the first three days read as ${formatReadable(firstDay)} to ${formatReadable(d)}`
            : read.reading;
        const reachedAt = timeSeriesReaches(series, read.crossed.value);
        return [
          {
            stated: s,
            ...read,
            reading,
            reachedAt,
            ...compare({ ...read.crossed, qualifier }, { value: crossed }, tolerance),
          },
        ];
      }),
    );
    days.push({ day: formatIsoLocal(d), t, crossed, share: crossed / POPULATION_BEFORE, stated: statements });
  }
  const last = days[days.length - 1];
  if (!last) return null;
  const before = lastPointAt(series, last.t);
  const after = series.points.find((p) => p.t > last.t);
  const computed: ComputedFigure = {
    label: `crossed by the end of ${formatReadable(lastDay)}`,
    value: last.crossed,
    unit: first.unit,
    method: `The ${series.id} series read at 23:59 local time, interpolated linearly between reports (seriesValueAt): ${percent(last.share)} of ${fmt(POPULATION_BEFORE)}.`,
    inputs: [...(before?.citations ?? []), ...(after?.citations ?? [])],
  };
  const remainingWords = figuresOf(engine, 'remaining')
    .filter(({ figure, event }) => figure.text && dayOf('remaining', event) === lastDay)
    .map(({ figure }) => `"${figure.text}" remained, according to ${figure.claimant}`);
  const otherEstimates = population
    .filter((s) => s.value !== POPULATION_BEFORE)
    .map((s) => {
      const reached = timeSeriesReaches(series, s.value);
      const when = reached === null ? 'never reaches that' : `passes that on ${formatReadable(reached)}`;
      return `according to ${s.claimant}, the population was ${s.qualifier ? `${s.qualifier} ` : ''}${fmt(s.value)} (the count ${when})`;
    });
  const gap = POPULATION_BEFORE - last.crossed;
  return {
    id: 'exodus-share',
    question:
      'What share of the about 120,000 people had crossed into Armenia by the end of each day, and does the count reach the whole population by the time sources say almost everyone had gone?',
    stated: first,
    alsoStated: others,
    computed,
    also: [],
    tolerance,
    ...compare(first, computed, tolerance),
    note: [
      `By the border count ${percent(last.share)} had crossed by the end of ${formatReadable(lastDay)}, about ${fmt(Math.round(gap / 100) * 100)} short of ${fmt(POPULATION_BEFORE)}`,
      remainingWords.length > 0 ? `, while that day sources said only ${remainingWords.join('; ')}.` : '.',
      ' The data do not say whether the population figure, the count or both are off.',
      otherEstimates.length > 0 ? ` Other estimates: ${otherEstimates.join('; ')}.` : '',
    ].join(''),
    days,
  };
}
