import { distance } from '@turf/turf';
import { describe, expect, it } from 'vitest';
import { parseIsoTime } from '../time/iso';
import {
  BORDER_TO_GORIS_MS,
  crossingTimes,
  DRIVE_TO_BORDER_MS,
  LANE_ROWS,
  laneOffsets,
  MAX_DOTS,
  mulberry32,
  progressAt,
  routeFractions,
  SERIES_LEAD_IN_MS,
  type SeriesPoint,
  tripFor,
} from './dots';
import { SYNTHETIC_PLACES, syntheticData } from './synthetic-fixture';

const HOUR = 3_600_000;
const at = (iso: string) => parseIsoTime(iso)?.t ?? Number.NaN;

/** The arrivals series of the made-up dataset (synthetic-fixture.ts): eight points, 40 to 60,100 people. */
const data = syntheticData();
const crossed = data.series.get('crossed-into-armenia');
const SERIES: SeriesPoint[] = (crossed?.points ?? []).map((p) => ({ t: p.t, value: p.value }));
/** The series up to its 12 September figure, 60,000 people: the full-scale dot count. */
const CUTOFF = at('2023-09-12T12:00');
const TO_CUTOFF = SERIES.filter((p) => p.t <= CUTOFF);
const PEOPLE = TO_CUTOFF[TO_CUTOFF.length - 1]?.value ?? 0;

/** Dots whose crossing time is at most `t` (crossing times are sorted). */
function crossedBy(times: Float64Array, t: number): number {
  let lo = 0;
  let hi = times.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((times[mid] ?? 0) <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function expectSortedAndFinite(times: Float64Array): void {
  let previous = Number.NEGATIVE_INFINITY;
  let bad = 0;
  for (const t of times) {
    if (!Number.isFinite(t) || t < previous) bad++;
    previous = t;
  }
  expect(bad).toBe(0);
}

describe('crossingTimes on an arrivals series', () => {
  it('reads the series as the fixture gives it', () => {
    expect(SERIES.length).toBe(8);
    expect(SERIES.every((p) => Number.isFinite(p.t))).toBe(true);
    expect(PEOPLE).toBe(60000);
  });

  it('gives one dot per person at full scale', () => {
    expect(crossingTimes(TO_CUTOFF, PEOPLE).length).toBe(60000);
    expect(crossingTimes(SERIES, PEOPLE).length).toBe(60000);
  });

  it.each([1, 10, 100])('is finite and non-decreasing with %i people per dot', (perDot) => {
    const times = crossingTimes(SERIES, PEOPLE, perDot);
    expect(times.length).toBe(Math.floor(PEOPLE / perDot));
    expectSortedAndFinite(times);
    expect(times[0]).toBeGreaterThanOrEqual((SERIES[0]?.t ?? 0) - SERIES_LEAD_IN_MS);
    expect(times[times.length - 1]).toBeLessThanOrEqual(CUTOFF);
  });

  it.each([1, 10, 100])('reproduces the series at each of its points with %i people per dot', (perDot) => {
    const times = crossingTimes(TO_CUTOFF, PEOPLE, perDot);
    for (const p of TO_CUTOFF) {
      const people = crossedBy(times, p.t) * perDot;
      expect(Math.abs(people - p.value), `at ${p.t}`).toBeLessThanOrEqual(perDot);
    }
  });

  it('puts the dots of a busy day on that day', () => {
    const times = crossingTimes(SERIES, PEOPLE);
    // 10,000 by 08:00 on 5 September, 30,000 by 08:00 on 6 September.
    const day = crossedBy(times, at('2023-09-06T08:00')) - crossedBy(times, at('2023-09-05T08:00'));
    expect(day).toBe(30000 - 10000);
  });
});

describe('crossingTimes interpolation', () => {
  it('inverts a straight segment', () => {
    const t0 = at('2023-09-25T00:00');
    const times = crossingTimes(
      [
        { t: t0, value: 0 },
        { t: t0 + 10 * HOUR, value: 100 },
      ],
      100,
    );
    expect(times.length).toBe(100);
    expect(times[0]).toBeCloseTo(t0 + 0.05 * HOUR, 3);
    expect(times[49]).toBeCloseTo(t0 + 4.95 * HOUR, 3);
    expect(times[99]).toBeCloseTo(t0 + 9.95 * HOUR, 3);
  });

  it('ramps up from zero over the lead-in before the first point', () => {
    const t0 = at('2023-09-24T15:00');
    const times = crossingTimes([{ t: t0, value: 30 }], 30);
    expect(times[0]).toBeCloseTo(t0 - SERIES_LEAD_IN_MS + (SERIES_LEAD_IN_MS * 0.5) / 30, 3);
    expect(times[29]).toBeCloseTo(t0 - SERIES_LEAD_IN_MS + (SERIES_LEAD_IN_MS * 29.5) / 30, 3);
  });

  it('takes coarse dots at the middle of their group of people', () => {
    const times = crossingTimes(
      [
        { t: 0, value: 0 },
        { t: 1000, value: 1000 },
      ],
      1000,
      100,
    );
    expect(Array.from(times)).toEqual([50, 150, 250, 350, 450, 550, 650, 750, 850, 950]);
  });

  it('is deterministic', () => {
    expect(crossingTimes(SERIES, PEOPLE, 10)).toEqual(crossingTimes(SERIES, PEOPLE, 10));
  });
});

describe('crossingTimes on degenerate input', () => {
  const two: SeriesPoint[] = [
    { t: 0, value: 0 },
    { t: 100, value: 10 },
  ];

  it('gives no dots for no points', () => {
    expect(crossingTimes([], 100).length).toBe(0);
    expect(crossingTimes([{ t: Number.NaN, value: 5 }], 5).length).toBe(0);
  });

  it.each([0, -5, Number.NaN, Number.POSITIVE_INFINITY])('gives no dots for a count of %d', (count) => {
    expect(crossingTimes(two, count).length).toBe(0);
  });

  it.each([0, -1, Number.NaN])('gives no dots for %d people per dot', (perDot) => {
    expect(crossingTimes(two, 10, perDot).length).toBe(0);
  });

  it('caps the number of dots', () => {
    expect(crossingTimes(two, 1e12).length).toBe(MAX_DOTS);
  });

  it('clamps dots beyond the last value to the last point', () => {
    const times = crossingTimes(two, 15);
    expect(times.length).toBe(15);
    expect(Array.from(times.slice(10))).toEqual([100, 100, 100, 100, 100]);
    expectSortedAndFinite(times);
  });

  it('copes with repeated points, jumps, plateaus, falls and disorder', () => {
    const messy: SeriesPoint[] = [
      { t: 50, value: 5 },
      { t: 50, value: 5 },
      { t: 0, value: 0 },
      { t: 60, value: 8 },
      { t: 60, value: 12 },
      { t: 70, value: 3 },
      { t: 80, value: 12 },
      { t: Number.POSITIVE_INFINITY, value: 20 },
      { t: 90, value: 20 },
    ];
    const times = crossingTimes(messy, 25);
    expect(times.length).toBe(25);
    expectSortedAndFinite(times);
    expect(crossedBy(times, 60)).toBe(12);
    expect(times[24]).toBe(90);
  });
});

describe('tripFor and progressAt', () => {
  const crossing = at('2023-09-27T12:00');
  const trip = tripFor(crossing);
  const border = 0.64;

  it('leaves a day before the border and reaches Goris two hours after it', () => {
    expect(DRIVE_TO_BORDER_MS).toBe(24 * HOUR);
    expect(BORDER_TO_GORIS_MS).toBe(2 * HOUR);
    expect(trip).toEqual({ departMs: crossing - 24 * HOUR, borderMs: crossing, arriveMs: crossing + 2 * HOUR });
  });

  it('is linear within each leg and clamped outside them', () => {
    expect(progressAt(trip.departMs - HOUR, trip, border)).toBe(0);
    expect(progressAt(trip.departMs, trip, border)).toBe(0);
    expect(progressAt(trip.departMs + 12 * HOUR, trip, border)).toBeCloseTo(0.32, 12);
    expect(progressAt(trip.borderMs, trip, border)).toBeCloseTo(border, 12);
    expect(progressAt(trip.borderMs + HOUR, trip, border)).toBeCloseTo(0.82, 12);
    expect(progressAt(trip.arriveMs, trip, border)).toBe(1);
    expect(progressAt(trip.arriveMs + 100 * HOUR, trip, border)).toBe(1);
  });

  it('never gives NaN or leaves 0..1', () => {
    expect(progressAt(Number.NaN, trip, border)).toBe(0);
    expect(progressAt(Number.NEGATIVE_INFINITY, trip, border)).toBe(0);
    expect(progressAt(Number.POSITIVE_INFINITY, trip, border)).toBe(1);
    expect(progressAt(crossing - HOUR, trip, Number.NaN)).toBe(0);
    expect(progressAt(crossing - HOUR, trip, 7)).toBeLessThanOrEqual(1);
    expect(progressAt(crossing, tripFor(Number.NaN), border)).toBe(0);
  });

  it('holds 0 ≤ progress ≤ 1 and never moves backwards for 1,000 random times', () => {
    const random = mulberry32(2023);
    const span = trip.arriveMs - trip.departMs;
    const times = Array.from({ length: 1000 }, () => trip.departMs - HOUR + random() * (span + 2 * HOUR));
    for (const t of times) {
      const p = progressAt(t, trip, border);
      expect(p).toBeGreaterThanOrEqual(0);
      expect(p).toBeLessThanOrEqual(1);
    }
    const sorted = [...times].sort((a, b) => a - b);
    const progress = sorted.map((t) => progressAt(t, trip, random()));
    const fixed = sorted.map((t) => progressAt(t, trip, border));
    expect(progress.every((p) => p >= 0 && p <= 1)).toBe(true);
    expect(fixed.every((p, i) => i === 0 || p >= (fixed[i - 1] ?? 0))).toBe(true);
  });
});

describe('laneOffsets', () => {
  it('spreads dots evenly over the four rows, the same way for the same seed', () => {
    const lanes = laneOffsets(10_000);
    expect(lanes.length).toBe(10_000);
    expect(laneOffsets(10_000)).toEqual(lanes);
    expect(laneOffsets(10_000, 2)).not.toEqual(lanes);
    for (const row of LANE_ROWS) {
      const share = lanes.filter((l) => l === row).length / lanes.length;
      expect(share).toBeGreaterThan(0.23);
      expect(share).toBeLessThan(0.27);
    }
  });

  it('gives nothing for a count that is not a count', () => {
    expect(laneOffsets(-3).length).toBe(0);
    expect(laneOffsets(Number.NaN).length).toBe(0);
    expect(laneOffsets(2.7).length).toBe(2);
  });
});

describe('routeFractions', () => {
  const road = data.routes.get('road-main');
  const coordinates = (road?.coordinates ?? []).map(([lon = 0, lat = 0]) => [lon, lat] as [number, number]);

  it('rises from 0 at the road’s start to 1 at its end, the border post at its share of the length', () => {
    const f = routeFractions(coordinates);
    expect(f.length).toBe(4);
    expect(f[0]).toBe(0);
    expect(f[3]).toBe(1);
    expect(f.every((x, i) => i === 0 || x > (f[i - 1] ?? 0))).toBe(true);
    // The border post is the third vertex: its share by turf's great-circle distances, 0.5805.
    expect(coordinates[2]).toEqual(SYNTHETIC_PLACES['post-charlie']);
    const legs = coordinates.slice(1).map((v, i) => distance(coordinates[i] ?? v, v));
    expect(f[2]).toBeCloseTo(((legs[0] ?? 0) + (legs[1] ?? 0)) / legs.reduce((x, y) => x + y, 0), 9);
    expect(f[2]).toBeCloseTo(0.5805, 3);
  });

  it('gives zeros for a route of no length', () => {
    expect(routeFractions([])).toEqual([]);
    expect(routeFractions([[46, 39]])).toEqual([0]);
    expect(
      routeFractions([
        [46, 39],
        [46, 39],
      ]),
    ).toEqual([0, 0]);
  });
});
