import { describe, expect, it } from 'vitest';
import { parseIsoTime } from '../time/iso';
import { realEngine } from './engine-fixture';
import { inRange, NO_FILTER, outletSlug, outletsOf, passesFilter } from './filter';

const { data } = realEngine();
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
    expect([...outletsOf(data).keys()]).toEqual(expect.arrayContaining(['dw', 'jamnews', 'un-news', 'unnamed']));
  });

  it('passes everything without a filter', () => {
    expect(data.events.every((e) => passesFilter(e, NO_FILTER, data))).toBe(true);
  });

  it('filters by category, by the side that made a claim, and by outlet', () => {
    expect(passesFilter(event('kut-shooting'), { ...NO_FILTER, categories: ['exodus'] }, data)).toBe(false);
    expect(passesFilter(event('kut-shooting'), { ...NO_FILTER, categories: ['aftermath'] }, data)).toBe(true);
    expect(passesFilter(event('kut-shooting'), { ...NO_FILTER, sides: ['azerbaijani'] }, data)).toBe(true);
    expect(passesFilter(event('kut-shooting'), { ...NO_FILTER, sides: ['russian'] }, data)).toBe(false);
    expect(passesFilter(event('last-bus'), { ...NO_FILTER, outlets: ['dw'] }, data)).toBe(true);
    expect(passesFilter(event('icj-order'), { ...NO_FILTER, outlets: ['dw'] }, data)).toBe(false);
  });

  it('selects events by instant, cumulative range and window', () => {
    const blockade = event('lachin-blockade');
    const t = at('2023-06-01');
    expect(inRange(blockade, t, { range: 'instant', from: null })).toBe(true);
    expect(inRange(event('icj-order'), t, { range: 'instant', from: null })).toBe(false);
    expect(inRange(event('icj-order'), t, { range: 'cumulative', from: null })).toBe(true);
    expect(inRange(event('icj-order'), t, { range: 'window', from: at('2023-03-01') })).toBe(false);
    expect(inRange(event('icj-order'), t, { range: 'window', from: at('2023-02-01') })).toBe(true);
  });
});
