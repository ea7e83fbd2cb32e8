import { describe, expect, it } from 'vitest';
import { TIMELINE_END, TIMELINE_START } from '../time/span';
import { advance, between, easeInOut, STORY_SECONDS, spanOf } from './playback';
import { syntheticEngine } from './synthetic-fixture';
import { positionOf } from './track';

/** The chapters of the made-up dataset: playback depends on the track, not on what the data says. */
const { track, chapters } = syntheticEngine();

describe('advance', () => {
  it('moves along the track at a constant pace', () => {
    const { t } = advance(track, TIMELINE_START, 1000, 1, false);
    expect(positionOf(track, t)).toBeCloseTo(1 / STORY_SECONDS, 6);
    const twice = advance(track, TIMELINE_START, 1000, 2, false);
    expect(positionOf(track, twice.t)).toBeCloseTo(2 / STORY_SECONDS, 6);
  });

  it('crosses a chapter break without losing time', () => {
    const end = chapters[0]?.end ?? 0;
    const { t } = advance(track, end - 1, 200, 1, false);
    expect(t).toBeGreaterThanOrEqual(end);
  });

  it('stops at the end, or loops to the start', () => {
    expect(advance(track, TIMELINE_END - 1, 5000, 4, false)).toEqual({ t: TIMELINE_END, ended: true });
    expect(advance(track, TIMELINE_END - 1, 5000, 4, true)).toEqual({ t: TIMELINE_START, ended: false });
  });

  it('ignores nonsense time steps', () => {
    expect(advance(track, TIMELINE_START, Number.NaN, 1, false).t).toBe(TIMELINE_START);
    expect(advance(track, TIMELINE_START, -50, 1, false).t).toBe(TIMELINE_START);
  });

  it('plays one chapter in a loop within its span, starting at the chapter from outside it', () => {
    const talks = chapters.find((c) => c.id === 'talks');
    if (!talks) throw new Error('no talks chapter');
    const span = spanOf(track, talks.start, talks.end);
    expect(advance(track, TIMELINE_START, 100, 1, true, span).t).toBe(talks.start);
    const nearEnd = advance(track, talks.end - 60_000, 2000, 4, true, span);
    expect(nearEnd).toEqual({ t: talks.start, ended: false });
    let t = talks.start;
    for (let i = 0; i < 2000; i++) {
      t = advance(track, t, 50, 4, true, span).t;
      expect(t).toBeGreaterThanOrEqual(talks.start);
      expect(t).toBeLessThan(talks.end);
    }
    expect(advance(track, talks.end - 60_000, 2000, 4, false, span).ended).toBe(true);
  });
});

describe('between', () => {
  const from = chapters[0]?.start ?? TIMELINE_START;
  const to = chapters[2]?.start ?? TIMELINE_END;

  it('starts and lands exactly on the two times', () => {
    expect(between(track, from, to, 0)).toBe(from);
    expect(between(track, from, to, 1)).toBe(to);
    expect(between(track, from, to, 1.5)).toBe(to);
  });

  it('moves monotonically, forwards and backwards', () => {
    let last = from;
    let back = to;
    for (let i = 1; i <= 100; i++) {
      const t = between(track, from, to, i / 100);
      expect(t).toBeGreaterThanOrEqual(last);
      last = t;
      const b = between(track, to, from, i / 100);
      expect(b).toBeLessThanOrEqual(back);
      back = b;
    }
  });

  it('eases in and out', () => {
    expect(easeInOut(0)).toBe(0);
    expect(easeInOut(1)).toBe(1);
    expect(easeInOut(0.5)).toBeCloseTo(0.5);
    expect(easeInOut(0.1)).toBeLessThan(0.1);
    expect(easeInOut(0.9)).toBeGreaterThan(0.9);
  });
});
