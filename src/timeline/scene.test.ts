import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseIsoTime } from '../time/iso';
import { TIMELINE_END, TIMELINE_START } from '../time/span';
import { distanceKm } from './route-geometry';
import { nextEventTime, previousEventTime, type Scene, sceneAt, seriesValueAt } from './scene';
import { SYNTHETIC_PLACES, syntheticEngine } from './synthetic-fixture';

const at = (iso: string) => {
  const p = parseIsoTime(iso);
  if (!p) throw new Error(iso);
  return p.t;
};
/** The made-up dataset of synthetic-fixture.ts: every time and value below is the fixture's. */
const engine = syntheticEngine();
const scene = (iso: string) => sceneAt(engine, at(iso));
const counter = (s: Scene, id: string) => s.counters.find((c) => c.id === id);
const status = (s: Scene, id: string) => s.routes.find((r) => r.id === id)?.status;

describe('sceneAt, on the synthetic dataset', () => {
  it('counts the people crossed at a reported point as reported, and the rest of the population as not counted', () => {
    // The fixture's series reports 60,000 at noon on 12 September.
    expect(counter(scene('2023-09-12T12:00'), 'crossed-into-armenia')?.value).toBe(60000);
    expect(counter(scene('2023-09-12T12:00'), 'not-counted-in-armenia')?.value).toBe(120000 - 60000);
  });

  it('interpolates between two reported figures', () => {
    // 4,000 at 18:00 on 4 September, 10,000 at 08:00 on 5 September: 14 hours apart.
    const mid = counter(scene('2023-09-05T01:00'), 'crossed-into-armenia')?.value;
    expect(mid).toBe(Math.round(4000 + (10000 - 4000) / 2));
  });

  it('shows no exodus counter before the first arrivals, then rises from zero to the first report', () => {
    // The first report, about 40 at 16:00 on 3 September; the count rises over the 12 hours before it.
    expect(counter(scene('2023-09-01'), 'crossed-into-armenia')).toBeUndefined();
    expect(counter(scene('2023-09-03T03:59'), 'crossed-into-armenia')).toBeUndefined();
    expect(counter(scene('2023-09-03T10:00'), 'crossed-into-armenia')?.value).toBe(20);
    expect(counter(scene('2023-09-03T16:00'), 'crossed-into-armenia')?.value).toBe(40);
  });

  it('credits a reported point to whoever gave it, where that is not the series’ claimant', () => {
    expect(counter(scene('2023-09-03T20:00'), 'crossed-into-armenia')?.note).toMatch(/: 40, reported by Outlet D\.$/);
    expect(counter(scene('2023-09-04T20:00'), 'crossed-into-armenia')?.note).toMatch(/: 4,000\.$/);
  });

  it('keeps the road open before its first change, then restricted, blocked, and one-way', () => {
    expect(status(scene('2022-12-05'), 'road-main')).toBe('open');
    expect(status(scene('2022-12-20T07:00'), 'road-main')).toBe('open');
    expect(status(scene('2022-12-20T09:00'), 'road-main')).toBe('restricted');
    expect(status(scene('2023-07-01'), 'road-main')).toBe('blocked');
    expect(status(scene('2023-09-04'), 'road-main')).toBe('one-way');
  });

  it('counts the days under blockade', () => {
    // The blockade runs from 08:00 on 20 December 2022 to 3 September 2023.
    expect(counter(scene('2022-12-28T12:00'), 'days-under-blockade')?.value).toBe(8);
    expect(counter(scene('2023-08-20T17:00'), 'days-under-blockade')).toMatchObject({
      value: 243,
      label: 'Days under blockade',
    });
    // Frozen once the road opened on 3 September: 256 days and 16 hours.
    expect(counter(scene('2023-10-10'), 'days-under-blockade')).toMatchObject({
      value: 256,
      label: 'Days the blockade lasted',
    });
    expect(counter(scene('2022-12-10'), 'days-under-blockade')).toMatchObject({ value: 0, display: 'not yet' });
  });

  it('shows the Charlie post checkpoint from 5 April 2023', () => {
    expect(scene('2023-04-04').hiddenPlaces).toContain('post-charlie');
    expect(scene('2023-04-05T12:00').hiddenPlaces).not.toContain('post-charlie');
  });

  it('marks places under fire, sheltering, encircled, exploding and emptied at their times', () => {
    expect(scene('2023-08-20T17:00').placeMarks['place-alpha']?.state).toBe('under-fire');
    expect(scene('2023-08-20T17:00').placeMarks['site-foxtrot']?.state).toBe('shelter');
    expect(scene('2023-08-25').placeMarks['place-golf']?.state).toBe('encircled');
    expect(scene('2023-09-05T20:00').placeMarks['site-foxtrot']?.state).toBe('explosion');
    expect(scene('2023-09-16').placeMarks['place-alpha']?.state).toBe('emptied');
    expect(scene('2023-08-10').placeMarks['place-alpha']).toBeUndefined();
  });

  it('ends an effect at its own end where it has one, and shows the gravest state where several mark a place', () => {
    // Golf is under fire until 22:00 on the first day of the offensive, then only encircled from 22 August.
    expect(scene('2023-08-20T21:00').placeMarks['place-golf']?.state).toBe('under-fire');
    expect(scene('2023-08-20T23:00').placeMarks['place-golf']).toBeUndefined();
    expect(scene('2023-08-22T08:00').placeMarks['place-golf']?.state).toBe('encircled');
    // Alpha, emptied since 14 September, is under fire on 30 September.
    expect(scene('2023-09-30T12:00').placeMarks['place-alpha']).toMatchObject({
      state: 'under-fire',
      eventIds: ['alpha-sniper'],
    });
  });

  it('gives each mark the status of the claims it depicts, worded with whose claim it is', () => {
    const golf = scene('2023-09-25T12:00').placeMarks['place-golf'];
    expect(golf).toMatchObject({ state: 'under-fire', status: 'disputed' });
    expect(golf?.statusText).toBe('claimed by Ministry A; denied by B');
    expect(scene('2023-08-20T17:00').placeMarks['place-golf']).toMatchObject({
      status: 'claimed',
      statusText: 'claimed by Ministry A',
    });
    // A confirmed claim and a disputed one: the mark is disputed.
    expect(scene('2023-08-20T17:00').placeMarks['place-alpha']?.status).toBe('disputed');
    expect(scene('2023-09-05T20:00').placeMarks['site-foxtrot']?.status).toBe('confirmed');
    expect(scene('2023-09-30T12:00').placeMarks['place-alpha']).toMatchObject({
      status: 'unconfirmed',
      statusText: 'unconfirmed report (Outlet D)',
    });
    // An event that names a place but gives it no effect does not mark it.
    expect(scene('2023-09-03T12:00').placeMarks['place-delta']).toBeUndefined();
  });

  it('draws a place two events mark the same way with the better-established report, listing both', () => {
    // Emptied, confirmed (14 September), and emptied, claimed by B (20 September).
    expect(scene('2023-09-16').placeMarks['place-alpha']).toMatchObject({
      status: 'confirmed',
      eventIds: ['city-empty'],
    });
    expect(scene('2023-09-25').placeMarks['place-alpha']).toMatchObject({
      state: 'emptied',
      status: 'confirmed',
      eventIds: ['city-empty', 'empty-report'],
    });
  });

  it('says "unknown number" for a journey no source counts, and the count where one does', () => {
    const refuge = scene('2023-08-20T17:00').movers.find((m) => m.eventId === 'refuge-foxtrot');
    expect(refuge).toMatchObject({ label: 'unknown number', people: undefined, status: 'confirmed' });
    const envoys = scene('2023-08-22T08:00').movers.find((m) => m.eventId === 'envoy-trip');
    expect(envoys).toMatchObject({ label: '2 people', people: 2 });
    expect(scene('2023-09-13T10:00').movers.find((m) => m.eventId === 'un-mission')).toMatchObject({
      label: '9 people',
      people: 9,
    });
    // An event with no journey has no mover while it lasts.
    expect(scene('2023-09-05').movers.filter((m) => m.eventId === 'exodus')).toEqual([]);
  });

  it('draws the attack arrow during the offensive only, the encirclement after it, and the held area before its end', () => {
    expect(scene('2023-08-20T17:00').arrows).toEqual(['arrow-north']);
    expect(scene('2023-08-22').arrows).toEqual([]);
    expect(scene('2023-08-23').areas).toContain('ring-golf');
    expect(scene('2023-08-19').areas).not.toContain('ring-golf');
    expect(scene('2023-09-04').areas).not.toContain('ring-golf');
    expect(scene('2023-08-19').areas).toContain('area-held');
    expect(scene('2023-08-23').areas).not.toContain('area-held');
  });

  it('moves the envoys along the line from Alpha to Echo on the morning of 22 August', () => {
    const out = scene('2023-08-22T08:00').movers.find((m) => m.eventId === 'envoy-trip');
    expect(out).toBeDefined();
    const alpha = SYNTHETIC_PLACES['place-alpha'];
    const echo = SYNTHETIC_PLACES['place-echo'];
    const c = out?.coordinates ?? [0, 0];
    expect(distanceKm(c, [...alpha])).toBeGreaterThan(5);
    expect(distanceKm(c, [...echo])).toBeGreaterThan(5);
    expect(scene('2023-08-22T11:00').movers.find((m) => m.eventId === 'envoy-trip')).toBeUndefined();
  });

  it('gives the casualty figures side by side with who gave them', () => {
    const killed = counter(scene('2023-08-21'), 'killed-offensive');
    expect(killed?.lines).toEqual([
      expect.objectContaining({ text: 'at least 50 people', claimant: 'Ministry A' }),
      expect.objectContaining({ text: '12–20 soldiers', claimant: 'Government B' }),
    ]);
    expect(counter(scene('2023-08-19'), 'killed-offensive')).toBeUndefined();
    expect(counter(scene('2023-09-06'), 'killed-fuel-depot')?.display).toBe('70 people · dozens of people');
    expect(counter(scene('2023-09-05T18:00'), 'killed-fuel-depot')).toBeUndefined();
  });

  it('names the current event and every event under way', () => {
    const s = scene('2023-08-22T10:00');
    expect(s.current?.id).toBeDefined();
    expect(s.active.map((e) => e.id)).toContain('talks-lima');
    // Of the events starting at one moment, the lead one is current.
    expect(scene('2023-09-03T12:00').current?.id).toBe('corridor-opens');
  });
});

describe('chapters', () => {
  it('run from the start to the end of the timeline without holes, in order', () => {
    const { chapters } = engine;
    expect(chapters.map((c) => c.id)).toEqual(['blockade', 'offensive', 'talks', 'exodus', 'aftermath']);
    expect(chapters[0]?.start).toBe(TIMELINE_START);
    expect(chapters[chapters.length - 1]?.end).toBe(TIMELINE_END);
    for (let i = 1; i < chapters.length; i++) expect(chapters[i]?.start).toBe(chapters[i - 1]?.end);
  });

  it('keep the scene continuous across every boundary', () => {
    for (const c of engine.chapters.slice(1)) {
      const before = sceneAt(engine, c.start - 1);
      const after = sceneAt(engine, c.start);
      for (const k of after.counters) {
        const b = before.counters.find((x) => x.id === k.id);
        if (b?.value !== undefined && k.value !== undefined)
          expect(Math.abs(k.value - b.value), `${c.id} ${k.id}`).toBeLessThanOrEqual(1);
      }
      for (const m of after.movers) {
        const b = before.movers.find((x) => x.id === m.id);
        if (b) expect(distanceKm(b.coordinates, m.coordinates), `${c.id} ${m.id}`).toBeLessThan(0.1);
      }
      expect(before.chapter.id).not.toBe(after.chapter.id);
    }
  });
});

describe('stepping between events', () => {
  it('goes to the next and previous event start', () => {
    const t = at('2023-08-22T10:00');
    const next = nextEventTime(engine, t);
    const prev = previousEventTime(engine, t);
    expect(next).toBeGreaterThan(t);
    expect(prev).toBeLessThan(t);
    expect(engine.eventTimes.includes(next ?? -1)).toBe(true);
    expect(nextEventTime(engine, TIMELINE_END)).toBeNull();
    expect(previousEventTime(engine, TIMELINE_START)).toBeNull();
  });
});

describe('properties', () => {
  const times = fc.integer({ min: TIMELINE_START, max: TIMELINE_END });

  it('the scene is a pure function of time', () => {
    fc.assert(
      fc.property(times, (t) => {
        expect(sceneAt(engine, t)).toEqual(sceneAt(engine, t));
      }),
      { numRuns: 300, seed: 7 },
    );
  });

  it('the crossed-into-Armenia count never decreases', () => {
    const series = engine.data.series.get('crossed-into-armenia');
    fc.assert(
      fc.property(times, times, (a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        return seriesValueAt(series, lo) <= seriesValueAt(series, hi);
      }),
      { numRuns: 1000, seed: 11 },
    );
  });
});
