/**
 * Unit tests run twice, under TZ=UTC and TZ=Asia/Yerevan (scripts/run-tests.ts). Passing twice is
 * not enough: the results must be the same. This digest of everything the engine and the readable
 * dates give at 50 fixed times is compared with one committed file, so a formatter that reads the
 * machine's zone (a `getHours` for a `getUTCHours`) gives a different digest in one of the two runs
 * and fails it. When the data or the engine changes on purpose, rewrite the file under one zone
 * (`TZ=UTC npx vitest run -u src/timeline/tz-digest.test.ts`), check it passes under the other, and
 * read the diff: it shows which times changed.
 *
 * It digests the real data under data/ on purpose, unlike the other engine tests (which run on
 * synthetic-fixture.ts): the committed file is a record of what readers of the real map see at these
 * times, and its diff after a data edit is the review of that edit, time by time.
 */
import { describe, expect, it } from 'vitest';
import { eventDate } from '../text/event-date';
import { readableAt } from '../text/readable-time';
import { formatIsoLocal, formatReadable, localDayStart } from '../time/iso';
import { TIMELINE_END, TIMELINE_START } from '../time/span';
import { realEngine } from './engine-fixture';
import { sceneAt, seriesValueAt } from './scene';
import { positionOf, snap, timeAt } from './track';

const engine = realEngine();
const MINUTE = 60_000;

/** 40 times spread over the timeline, to the minute, and 10 event starts spread over the story. */
const TIMES = [
  ...Array.from(
    { length: 40 },
    (_, i) => Math.round((TIMELINE_START + ((TIMELINE_END - TIMELINE_START) * i) / 39) / MINUTE) * MINUTE,
  ),
  ...Array.from(
    { length: 10 },
    (_, i) => engine.eventTimes[Math.floor(((engine.eventTimes.length - 1) * i) / 9)] ?? TIMELINE_START,
  ),
];

function digestAt(t: number) {
  const s = sceneAt(engine, t);
  const position = positionOf(engine.track, t);
  return {
    iso: formatIsoLocal(t),
    readable: formatReadable(t, 'minute'),
    readableAt: readableAt(engine, t),
    dayStart: formatIsoLocal(localDayStart(t)),
    snapped: (['day', 'hour', 'minute'] as const).map((r) => formatIsoLocal(snap(t, r))),
    position: Number(position.toFixed(9)),
    slider: formatIsoLocal(timeAt(engine.track, position)),
    chapter: s.chapter.id,
    current: s.current?.id ?? null,
    active: s.active.map((e) => e.id),
    routes: s.routes.map((r) => `${r.id}:${r.status}`),
    hidden: s.hiddenPlaces,
    placeMarks: Object.fromEntries(Object.entries(s.placeMarks).map(([id, m]) => [id, `${m.state}:${m.status}`])),
    areas: s.areas,
    arrows: s.arrows,
    movers: s.movers.map((m) => `${m.id} ${m.coordinates.map((c) => c.toFixed(7)).join(',')}`),
    counters: s.counters.map((c) => ({ id: c.id, label: c.label, value: c.value ?? null, display: c.display })),
    series: Object.fromEntries([...engine.data.series].map(([id, x]) => [id, Number(seriesValueAt(x, t).toFixed(6))])),
  };
}

describe('the same results in every time zone', () => {
  it('runs in the zone it was asked for', () => {
    const zone = process.env.TZ;
    if (zone) expect(Intl.DateTimeFormat().resolvedOptions().timeZone).toBe(zone);
    if (zone === 'Asia/Yerevan') expect(new Date(TIMELINE_START).getTimezoneOffset()).toBe(-240);
    if (zone === 'UTC') expect(new Date(TIMELINE_START).getTimezoneOffset()).toBe(0);
  });

  it('gives the committed digest of scenes, counters and readable dates at 50 times', async () => {
    expect(TIMES).toHaveLength(50);
    // One JSON line per time and per event: a difference shows as the lines of the times it changed.
    const lines = [
      ...TIMES.map((t) => JSON.stringify(digestAt(t))),
      ...engine.data.events.map((e) => JSON.stringify({ event: e.id, date: eventDate(e) })),
    ];
    await expect(`${lines.join('\n')}\n`).toMatchFileSnapshot('./__snapshots__/tz-digest.jsonl');
  });
});
