import { describe, expect, it } from 'vitest';
import { parseIsoTime } from '../time/iso';
import { inRange, NO_FILTER, outletSlug, outletsOf, passesFilter } from './filter';
import { syntheticEngine } from './synthetic-fixture';

/** The made-up dataset: Outlet One cites the Golf shooting, only Outlet Two the ruling. */
const { data } = syntheticEngine();
const at = (iso: string) => parseIsoTime(iso)?.t ?? Number.NaN;
const event = (id: string) => {
  const e = data.events.find((x) => x.id === id);
  if (!e) throw new Error(id);
  return e;
};

describe('event filters', () => {
  it('slugs outlet names, grouping unnamed outlets', () => {
    expect(outletSlug({ outlet: 'ABC News' })).toBe('abc-news');
    expect(outletSlug({ outlet: "Barron's" })).toBe('barron-s');
    expect(outletSlug({ outlet: null })).toBe('unnamed');
    expect(outletsOf(data)).toEqual(
      new Map([
        ['outlet-one', 'Outlet One'],
        ['outlet-two', 'Outlet Two'],
        ['unnamed', 'Outlet not named'],
      ]),
    );
  });

  it('passes everything without a filter', () => {
    expect(data.events.every((e) => passesFilter(e, NO_FILTER, data))).toBe(true);
  });

  it('filters by category, by the side that made a claim or answered one, and by outlet', () => {
    expect(passesFilter(event('golf-fire'), { ...NO_FILTER, categories: ['exodus'] }, data)).toBe(false);
    expect(passesFilter(event('golf-fire'), { ...NO_FILTER, categories: ['aftermath'] }, data)).toBe(true);
    // Government B only answers the claim, and that counts.
    expect(passesFilter(event('golf-fire'), { ...NO_FILTER, sides: ['azerbaijani'] }, data)).toBe(true);
    expect(passesFilter(event('golf-fire'), { ...NO_FILTER, sides: ['russian'] }, data)).toBe(false);
    // A side that only gave a figure counts too.
    expect(passesFilter(event('fuel-depot-explosion'), { ...NO_FILTER, sides: ['media'] }, data)).toBe(true);
    expect(passesFilter(event('golf-fire'), { ...NO_FILTER, outlets: ['outlet-one'] }, data)).toBe(true);
    expect(passesFilter(event('ruling-kilo'), { ...NO_FILTER, outlets: ['outlet-one'] }, data)).toBe(false);
    expect(passesFilter(event('talks-rumour'), { ...NO_FILTER, outlets: ['unnamed'] }, data)).toBe(true);
  });

  it('selects events by instant, cumulative range and window', () => {
    // The blockade runs from December 2022 to September 2023; the ruling is a point event on 10 February.
    const blockade = event('lachin-blockade');
    const t = at('2023-06-01');
    expect(inRange(blockade, t, { range: 'instant', from: null })).toBe(true);
    expect(inRange(event('ruling-kilo'), t, { range: 'instant', from: null })).toBe(false);
    expect(inRange(event('ruling-kilo'), t, { range: 'cumulative', from: null })).toBe(true);
    expect(inRange(event('ruling-kilo'), t, { range: 'window', from: at('2023-03-01') })).toBe(false);
    expect(inRange(event('ruling-kilo'), t, { range: 'window', from: at('2023-02-01') })).toBe(true);
  });
});
