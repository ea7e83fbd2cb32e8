import { describe, expect, it } from 'vitest';
import { parseIsoTime } from '../time/iso';
import { realEngine } from '../timeline/engine-fixture';
import { POPULATION_BEFORE, seriesValueAt } from '../timeline/scene';
import { syntheticData } from '../timeline/synthetic-fixture';
import { compare } from './claim-check';
import { type ClaimCheck, checkClaims } from './claims';
import { asCrossed, timeSeriesReaches } from './exodus-share';

const at = (iso: string) => parseIsoTime(iso)?.t ?? Number.NaN;
const check = (id: string): ClaimCheck => {
  const c = checkClaims(realEngine()).find((x) => x.id === id);
  if (!c) throw new Error(`no check ${id}`);
  return c;
};
const crossed = () => {
  const s = realEngine().data.series.get('crossed-into-armenia');
  if (!s) throw new Error('no series');
  return s;
};
const about = { kind: 'relative', value: 0.15, why: 'test' } as const;

describe('compare', () => {
  it('reads a plain figure with a relative tolerance either way', () => {
    expect(compare({ value: 100 }, { value: 90 }, about)).toEqual({ difference: -10, withinTolerance: true });
    expect(compare({ value: 100 }, { value: 116 }, about)).toEqual({ difference: 16, withinTolerance: false });
  });

  it('reads "more than" as a floor and "up to" as a ceiling', () => {
    expect(compare({ value: 60, qualifier: 'more than' }, { value: 500 }, about).withinTolerance).toBe(true);
    expect(compare({ value: 60, qualifier: 'more than' }, { value: 50 }, about)).toEqual({
      difference: -10,
      withinTolerance: false,
    });
    expect(compare({ value: 40, qualifier: 'up to' }, { value: 1 }, about).difference).toBe(0);
  });

  it('compares ranges by their nearest ends, and an absolute tolerance as given', () => {
    expect(compare({ value: 16 }, { value: 4, max: 20 }, about).difference).toBe(0);
    expect(compare({ value: 50, max: 60 }, { value: 70 }, about).difference).toBe(10);
    expect(compare({ value: 50 }, { value: 53 }, { kind: 'absolute', value: 2, why: 'test' }).withinTolerance).toBe(
      false,
    );
  });
});

// The claims panel checks what the real sources state against the real data: these pin the data on purpose.
describe('checkClaims on the real data', () => {
  it('gives the four checks, each with its stated figure read from events.json', () => {
    const checks = checkClaims(realEngine());
    expect(checks.map((c) => c.id)).toEqual(['yevlakh-distance', 'queue-length', 'crossing-rate', 'exodus-share']);
    for (const c of checks) {
      expect(c.stated.citations.length).toBeGreaterThan(0);
      expect(c.computed.method).toMatch(/\.$/);
      expect(c.tolerance.why.length).toBeGreaterThan(20);
    }
  });

  it('Yevlakh: about 100 km stated (an unnamed outlet, RFE/RL); 95 km straight (research/facts.md), 98 km by the drawn road', () => {
    const c = check('yevlakh-distance');
    expect(c.stated).toMatchObject({
      value: 100,
      unit: 'km',
      qualifier: 'about',
      claimant: 'Unnamed outlet (document s000)',
    });
    expect(c.alsoStated.map((s) => s.claimant)).toEqual(['RFE/RL']);
    expect(c.also[0]?.value).toBeCloseTo(95.36, 1);
    expect(c.also[1]?.value).toBeCloseTo(97.89, 1);
    expect(c.computed).toMatchObject({ value: c.also[0]?.value, max: c.also[1]?.value });
    expect(c.difference).toBeCloseTo(-2.11, 1);
    expect(c.withinTolerance).toBe(true);
  });

  it('queue: more than 60 km stated (a journalist, JAMnews); 61 km by reported road distances, 36 km drawn', () => {
    const c = check('queue-length');
    expect(c.stated).toMatchObject({ value: 60, qualifier: 'more than', unit: 'km' });
    expect(c.computed).toMatchObject({ label: 'by road, from reported distances', value: 61 });
    expect(c.computed.method).toContain('39 + 22');
    expect(c.withinTolerance).toBe(true);
    expect(c.also[0]).toMatchObject({ label: 'along the drawn corridor' });
    expect(c.also[0]?.value).toBeCloseTo(36.11, 1);
    expect(c.note).toMatch(/schematic|straight segments/);
  });

  it('crossing rate: about 16 a minute lies between the overall average (4.7) and the peak (20.2)', () => {
    const c = check('crossing-rate');
    expect(c.stated).toMatchObject({ value: 16, qualifier: 'about', unit: 'people per minute' });
    const minutes = (at('2023-10-09T12:00') - at('2023-09-24T15:00')) / 60_000;
    expect(c.also[0]?.value).toBeCloseTo((100_625 - 30) / minutes, 6);
    expect(c.also[0]?.value).toBeCloseTo(4.7, 1);
    // 26 September 08:00 → 20:00: 13,550 → 28,120 in 720 minutes.
    expect(c.also[1]?.value).toBeCloseTo((28_120 - 13_550) / 720, 6);
    expect(c.also[1]?.method).toContain('26 September 2023, 08:00');
    expect(c.difference).toBe(0);
    expect(c.withinTolerance).toBe(true);
  });

  it('share: one row a day from 24 September to 2 October, read at 23:59 local time', () => {
    const c = check('exodus-share');
    expect(c.days.map((d) => d.day)).toEqual([
      '2023-09-24',
      '2023-09-25',
      '2023-09-26',
      '2023-09-27',
      '2023-09-28',
      '2023-09-29',
      '2023-09-30',
      '2023-10-01',
      '2023-10-02',
    ]);
    for (const d of c.days) {
      expect(d.t).toBe(at(`${d.day}T23:59`));
      expect(d.crossed).toBe(seriesValueAt(crossed(), d.t));
      expect(d.share).toBe(d.crossed / POPULATION_BEFORE);
    }
    const shares = c.days.map((d) => d.share);
    expect(shares).toEqual([...shares].sort((a, b) => a - b));
  });

  it('share: the series gives 100,514 on 2 October, 83.8% of 120,000; the count falls short, flagged', () => {
    expect(seriesValueAt(crossed(), at('2023-10-02T12:00'))).toBe(100_514);
    const c = check('exodus-share');
    const last = c.days.at(-1);
    expect(last?.crossed).toBeCloseTo(100_514 + (111 * (11 * 60 + 59)) / (7 * 24 * 60), 6);
    expect((last?.share ?? 0) * 100).toBeCloseTo(83.8, 1);
    expect(c.stated).toMatchObject({ value: 120_000, qualifier: 'about' });
    expect(c.computed.value).toBe(last?.crossed);
    expect(c.difference).toBeCloseTo((last?.crossed ?? 0) - 120_000, 6);
    expect(c.withinTolerance).toBe(false);
    expect(c.note).toContain('a few hundred');
    expect(c.note).toContain('Tofig Zulfugarov');
  });

  it('share: each source count sits on its day and is compared with the series', () => {
    const rows = check('exodus-share').days.flatMap((d) => d.stated.map((s) => ({ day: d.day, ...s })));
    const row = (claimant: string, day?: string) =>
      rows.find((r) => r.stated.claimant === claimant && (day === undefined || r.day === day));
    // JAMnews: about 40,000 in the first three days, i.e. by the end of 26 September: the series has ~32,900.
    const jam = row('JAMnews');
    expect(jam).toMatchObject({ day: '2023-09-26', withinTolerance: false });
    expect(jam?.difference).toBeCloseTo(seriesValueAt(crossed(), at('2023-09-26T23:59')) - 40_000, 6);
    expect(jam?.reachedAt).toBe(timeSeriesReaches(crossed(), 40_000));
    // The UN mission was told 50 to 1,000 remained on 1 October: 119,000–119,950 left, against ~100,500.
    expect(row('The UN mission to the Karabakh region of 1 October 2023')).toMatchObject({
      day: '2023-10-01',
      crossed: { value: 119_000, max: 119_950 },
      withinTolerance: false,
    });
    expect(row("Armenia's government", '2023-10-02')).toMatchObject({ withinTolerance: true });
    expect(row('ABC News', '2023-10-02')).toMatchObject({ difference: 0 });
    expect(row("Armenia's government", '2023-09-30')).toMatchObject({ withinTolerance: true });
  });
});

describe('timeSeriesReaches', () => {
  // The made-up series of timeline/synthetic-fixture.ts: 30,000 at 08:00 on 6 September, 50,000 at
  // noon on 8 September, its first point about 40 at 16:00 on 3 September.
  const series = syntheticData().series.get('crossed-into-armenia');
  if (!series) throw new Error('no series');

  it('inverts the interpolation, and is null past the last report', () => {
    const t = timeSeriesReaches(series, 40_000);
    expect(t).not.toBeNull();
    expect(seriesValueAt(series, t ?? 0)).toBeCloseTo(40_000, 6);
    expect(t).toBe(at('2023-09-07T10:00'));
    expect(timeSeriesReaches(series, 40)).toBe(at('2023-09-03T16:00'));
    expect(timeSeriesReaches(series, POPULATION_BEFORE)).toBeNull();
  });
});

describe('asCrossed', () => {
  const figure = { unit: 'people', claimant: 'test', citations: [] };

  it('takes a count of people who crossed as it is', () => {
    expect(asCrossed('arrivals', { ...figure, value: 100_000, qualifier: 'about' })).toEqual({
      crossed: { value: 100_000, max: undefined },
      qualifier: 'about',
    });
  });

  it('reads those said to remain as the rest of the population, a floor becoming a ceiling', () => {
    const read = asCrossed('remaining', { ...figure, value: 500, qualifier: 'more than' });
    expect(read).toMatchObject({ crossed: { value: POPULATION_BEFORE - 500 }, qualifier: 'up to' });
    expect(read.reading).toContain('less the 500 said to remain');
    expect(asCrossed('remaining', { ...figure, value: 50, max: 1000 }).crossed).toEqual({
      value: POPULATION_BEFORE - 1000,
      max: POPULATION_BEFORE - 50,
    });
  });
});
