import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseIsoTime } from '../time/iso';
import { TIMELINE_END, TIMELINE_START } from '../time/span';
import { syntheticEngine } from './synthetic-fixture';
import { GAP, positionOf, segmentAt, snap, timeAt } from './track';

/** The chapters of the made-up dataset: its offensive lasts a day (20–21 August), as the real one does. */
const { track, chapters } = syntheticEngine();
const at = (iso: string) => parseIsoTime(iso)?.t ?? Number.NaN;

describe('the chapter track', () => {
  it('gives the day of the offensive as much room as a month of blockade, and more', () => {
    const offensive = track.find((s) => s.chapter.id === 'offensive');
    const blockade = track.find((s) => s.chapter.id === 'blockade');
    if (!offensive || !blockade) throw new Error('chapters missing');
    const perHourOffensive =
      (offensive.to - offensive.from) / ((offensive.chapter.end - offensive.chapter.start) / 3.6e6);
    const perHourBlockade = (blockade.to - blockade.from) / ((blockade.chapter.end - blockade.chapter.start) / 3.6e6);
    expect(perHourOffensive / perHourBlockade).toBeGreaterThan(100);
    expect(offensive.to - offensive.from).toBeGreaterThan(0.15);
  });

  it('leaves a visible break between chapters and covers 0 to 1', () => {
    expect(track[0]?.from).toBe(0);
    expect(track[track.length - 1]?.to).toBe(1);
    for (let i = 1; i < track.length; i++) expect((track[i]?.from ?? 0) - (track[i - 1]?.to ?? 0)).toBeCloseTo(GAP, 10);
  });

  it('maps the ends of the timeline to the ends of the track', () => {
    expect(positionOf(track, TIMELINE_START)).toBe(0);
    expect(positionOf(track, TIMELINE_END)).toBe(1);
    expect(timeAt(track, 0)).toBe(TIMELINE_START);
    expect(timeAt(track, 1)).toBe(TIMELINE_END);
    expect(positionOf(track, Number.NaN)).toBe(0);
    expect(timeAt(track, Number.NaN)).toBe(TIMELINE_START);
  });

  it('snaps a position in a break to the nearer chapter boundary', () => {
    const first = track[0];
    const second = track[1];
    if (!first || !second) throw new Error('track too short');
    expect(timeAt(track, first.to + GAP * 0.2)).toBe(first.chapter.end);
    expect(timeAt(track, second.from - GAP * 0.2)).toBe(second.chapter.start);
  });

  it('snaps times to the chapter resolution: days in the blockade, minutes in the offensive', () => {
    const blockade = track[0];
    if (!blockade) throw new Error('no blockade');
    const t = timeAt(track, (blockade.from + blockade.to) / 2);
    expect(snap(t, 'day')).toBe(t);
    const offensive = segmentAt(track, 0.4)?.chapter;
    expect(offensive?.id).toBe('offensive');
    expect(timeAt(track, 0.4) % 60_000).toBe(0);
  });

  it('round-trips snapped times, and is monotone', () => {
    expect(timeAt(track, positionOf(track, at('2023-08-20T17:45')))).toBe(at('2023-08-20T17:45'));
    expect(timeAt(track, positionOf(track, at('2023-03-15')))).toBe(at('2023-03-15'));
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), (a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        return timeAt(track, lo) <= timeAt(track, hi);
      }),
      { numRuns: 1000, seed: 3 },
    );
  });

  it('has one segment per chapter, in order', () => {
    expect(track.map((s) => s.chapter.id)).toEqual(chapters.map((c) => c.id));
  });
});
