import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseIsoTime } from '../time/iso';
import { TIMELINE_END, TIMELINE_START } from '../time/span';
import { realEngine } from './engine-fixture';
import { distanceKm } from './route-geometry';
import { nextEventTime, previousEventTime, type Scene, sceneAt, seriesValueAt } from './scene';

const at = (iso: string) => {
  const p = parseIsoTime(iso);
  if (!p) throw new Error(iso);
  return p.t;
};
const engine = realEngine();
const scene = (iso: string) => sceneAt(engine, at(iso));
const counter = (s: Scene, id: string) => s.counters.find((c) => c.id === id);
const status = (s: Scene, id: string) => s.routes.find((r) => r.id === id)?.status;

describe('sceneAt, pinned to the data', () => {
  it('counts 100,514 people crossed into Armenia on 2 October 2023', () => {
    expect(counter(scene('2023-10-02T12:00'), 'crossed-into-armenia')?.value).toBe(100514);
    expect(counter(scene('2023-10-02T12:00'), 'not-counted-in-armenia')?.value).toBe(120000 - 100514);
  });

  it('interpolates between two reported figures', () => {
    // 6,650 at 17:00 on 25 September, 13,550 at 08:00 on 26 September: 15 hours apart.
    const mid = counter(scene('2023-09-26T00:30'), 'crossed-into-armenia')?.value;
    expect(mid).toBe(Math.round(6650 + (13550 - 6650) / 2));
  });

  it('shows no exodus counter before the first arrivals', () => {
    expect(counter(scene('2023-09-20'), 'crossed-into-armenia')).toBeUndefined();
  });

  it('keeps the corridor open before 12 December 2022, then restricted, blocked, and one-way', () => {
    expect(status(scene('2022-12-05'), 'lachin-corridor')).toBe('open');
    expect(status(scene('2022-12-12T10:00'), 'lachin-corridor')).toBe('open');
    expect(status(scene('2022-12-12T11:00'), 'lachin-corridor')).toBe('restricted');
    expect(status(scene('2023-07-01'), 'lachin-corridor')).toBe('blocked');
    expect(status(scene('2023-09-26'), 'lachin-corridor')).toBe('one-way');
  });

  it('counts the days under blockade', () => {
    expect(counter(scene('2022-12-20T12:00'), 'days-under-blockade')?.value).toBe(8);
    expect(counter(scene('2023-09-19T13:00'), 'days-under-blockade')?.value).toBe(281);
    // Frozen once the road opened on 24 September.
    expect(counter(scene('2023-10-10'), 'days-under-blockade')?.value).toBe(285);
  });

  it('shows the Hakari bridge checkpoint from 23 April 2023', () => {
    expect(scene('2023-04-22').hiddenPlaces).toContain('hakari-bridge');
    expect(scene('2023-04-23T12:00').hiddenPlaces).not.toContain('hakari-bridge');
  });

  it('marks places under fire, sheltering, exploding and emptied at their times', () => {
    expect(scene('2023-09-19T15:00').placeMarks.stepanakert?.state).toBe('under-fire');
    expect(scene('2023-09-20T15:00').placeMarks.airport?.state).toBe('shelter');
    expect(scene('2023-09-25T20:00').placeMarks['fuel-depot']?.state).toBe('explosion');
    expect(scene('2023-10-05').placeMarks.stepanakert?.state).toBe('emptied');
    expect(scene('2023-09-10').placeMarks.stepanakert).toBeUndefined();
  });

  it('gives each mark the status of the claims it depicts, worded with whose claim it is', () => {
    const kut = scene('2023-10-02T12:00').placeMarks.kut;
    expect(kut).toMatchObject({ state: 'under-fire', status: 'disputed' });
    expect(kut?.statusText).toBe("claimed by Armenia's defence ministry; denied by Azerbaijan");
    expect(scene('2023-09-19T15:00').placeMarks.shusha).toMatchObject({
      status: 'claimed',
      statusText: "claimed by Azerbaijan's prosecutors",
    });
    expect(scene('2023-09-19T15:00').placeMarks.stepanakert?.status).toBe('disputed');
    expect(scene('2023-09-25T20:00').placeMarks['fuel-depot']?.status).toBe('confirmed');
    // Martakert and Askeran were drawn under fire on no source; Martakert is only reported encircled.
    expect(scene('2023-09-19T15:00').placeMarks.martakert).toBeUndefined();
    expect(scene('2023-09-19T15:00').placeMarks.askeran).toBeUndefined();
  });

  it('says "unknown number" for a journey no source counts, and the count where one does', () => {
    const airport = scene('2023-09-20T12:00').movers.find((m) => m.eventId === 'airport-refuge');
    expect(airport).toMatchObject({ label: 'unknown number', people: undefined, status: 'confirmed' });
    const delegation = scene('2023-09-21T08:00').movers.find((m) => m.eventId === 'delegation-trip');
    expect(delegation).toMatchObject({ label: '2 people', people: 2 });
    expect(scene('2023-09-19T18:00').movers.filter((m) => m.eventId === 'evacuations-19-sep')).toEqual([]);
  });

  it('draws the attack arrows during the offensive only, and Martakert encircled after it', () => {
    expect(scene('2023-09-19T15:00').arrows.length).toBeGreaterThan(0);
    expect(scene('2023-09-21').arrows).toEqual([]);
    expect(scene('2023-09-22').areas).toContain('martakert-encirclement');
    expect(scene('2023-09-18').areas).not.toContain('martakert-encirclement');
    expect(scene('2023-09-18').areas).toContain('held-before-offensive');
    expect(scene('2023-09-22').areas).not.toContain('held-before-offensive');
  });

  it('moves the delegation along the road to Yevlakh on the morning of 21 September', () => {
    const out = scene('2023-09-21T08:00').movers.find((m) => m.eventId === 'delegation-trip');
    expect(out).toBeDefined();
    const stepanakert = engine.data.places.get('stepanakert')?.coordinates ?? [0, 0];
    const yevlakh = engine.data.places.get('yevlakh')?.coordinates ?? [0, 0];
    const c = out?.coordinates ?? [0, 0];
    expect(distanceKm(c, stepanakert)).toBeGreaterThan(5);
    expect(distanceKm(c, yevlakh)).toBeGreaterThan(5);
    expect(scene('2023-09-21T11:00').movers.find((m) => m.eventId === 'delegation-trip')).toBeUndefined();
  });

  it('gives the casualty figures side by side with who gave them', () => {
    const killed = counter(scene('2023-09-21'), 'killed-offensive');
    expect(killed?.lines.map((l) => l.claimant)).toEqual(
      expect.arrayContaining([expect.stringContaining('Stepanyan'), expect.stringContaining('Azerbaijan')]),
    );
    expect(counter(scene('2023-09-18'), 'killed-offensive')).toBeUndefined();
  });

  it('names the current event and every event under way', () => {
    const s = scene('2023-09-21T10:00');
    expect(s.current?.id).toBeDefined();
    expect(s.active.map((e) => e.id)).toContain('yevlakh-talks');
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
    const t = at('2023-09-21T10:00');
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
