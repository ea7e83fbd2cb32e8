/**
 * The engine on the REAL dataset under data/. Every other engine test runs on the made-up dataset of
 * synthetic-fixture.ts, so that correcting a date or a count in data/ breaks no test of how the
 * engine behaves. These tests pin the data on purpose, for one of two reasons: the app restates the
 * fact elsewhere (the counters' notes in scene.ts give the blockade's dates and AP's first count; the
 * exodus dots in look/exodus-dots.ts name their road and border and fall back to the border's share
 * of it), or a correction of the data must not come undone (marks and journeys once drawn on no
 * source, statuses reviewed claim by claim). When data/ changes one of these facts on purpose,
 * change the test with it, and the text that restates it.
 */
import { describe, expect, it } from 'vitest';
import { DOTS_BORDER_PLACE, DOTS_ROUTE } from '../look/exodus-dots';
import { parseIsoTime } from '../time/iso';
import { routeFractions } from './dots';
import { realEngine } from './engine-fixture';
import { type Scene, sceneAt } from './scene';

const at = (iso: string) => {
  const p = parseIsoTime(iso);
  if (!p) throw new Error(iso);
  return p.t;
};
const engine = realEngine();
const scene = (iso: string) => sceneAt(engine, at(iso));
const counter = (s: Scene, id: string) => s.counters.find((c) => c.id === id);

describe('the real dataset, as the map shows it', () => {
  it('counts 100,514 people crossed into Armenia on 2 October 2023, the first count being AP’s', () => {
    expect(counter(scene('2023-10-02T12:00'), 'crossed-into-armenia')?.value).toBe(100514);
    expect(counter(scene('2023-10-02T12:00'), 'not-counted-in-armenia')?.value).toBe(120000 - 100514);
    // The counter's note before the first report: "about 30 people in the afternoon of 24 September, reported by AP".
    expect(engine.data.series.get('crossed-into-armenia')?.points[0]).toMatchObject({
      t: at('2023-09-24T15:00'),
      value: 30,
      claimant: 'ap',
    });
    expect(counter(scene('2023-09-24T16:00'), 'crossed-into-armenia')?.note).toMatch(/: 30, reported by AP\.$/);
  });

  it('counts the days under blockade from 12 December 2022, 10:30, to 24 September 2023, as its note says', () => {
    const blockade = engine.data.events.find((e) => e.id === 'lachin-blockade');
    expect(blockade).toMatchObject({ start: at('2022-12-12T10:30'), end: at('2023-09-24') });
    expect(counter(scene('2022-12-20T12:00'), 'days-under-blockade')?.value).toBe(8);
    expect(counter(scene('2023-09-19T13:00'), 'days-under-blockade')?.value).toBe(281);
    expect(counter(scene('2023-10-10'), 'days-under-blockade')?.value).toBe(285);
  });

  it('draws each mark with the status its claims were reviewed to, worded with whose claim it is', () => {
    const kut = scene('2023-10-02T12:00').placeMarks.kut;
    expect(kut).toMatchObject({ state: 'under-fire', status: 'disputed' });
    expect(kut?.statusText).toBe("claimed by Armenia's defence ministry; denied by Azerbaijan");
    expect(scene('2023-09-19T15:00').placeMarks.shusha).toMatchObject({
      status: 'claimed',
      statusText: "claimed by Azerbaijan's prosecutors",
    });
    expect(scene('2023-09-19T15:00').placeMarks.stepanakert?.status).toBe('disputed');
    expect(scene('2023-09-25T20:00').placeMarks['fuel-depot']?.status).toBe('confirmed');
  });

  it('draws nothing where no source does: Martakert and Askeran not under fire, no evacuation journey', () => {
    // Martakert and Askeran were drawn under fire on no source; Martakert is only reported encircled.
    expect(scene('2023-09-19T15:00').placeMarks.martakert).toBeUndefined();
    expect(scene('2023-09-19T15:00').placeMarks.askeran).toBeUndefined();
    // The evacuations of 19 September were drawn as a journey of 3,000 people no source gives.
    expect(scene('2023-09-19T18:00').movers.filter((m) => m.eventId === 'evacuations-19-sep')).toEqual([]);
  });

  it('has the exodus dots’ road and border, the border about two thirds along (their fallback, 0.64)', () => {
    const road = engine.data.routes.get(DOTS_ROUTE);
    const f = routeFractions((road?.coordinates ?? []).map(([lon = 0, lat = 0]) => [lon, lat] as [number, number]));
    const border = road?.waypoints.indexOf(DOTS_BORDER_PLACE) ?? -1;
    expect(border).toBe(6);
    expect(road?.coordinates[border]).toEqual(engine.data.places.get(DOTS_BORDER_PLACE)?.coordinates);
    expect(f[border]).toBeCloseTo(0.6438, 3);
  });
});
