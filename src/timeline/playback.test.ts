import { describe, expect, it } from 'vitest';
import { TIMELINE_END, TIMELINE_START } from '../time/span';
import { realEngine } from './engine-fixture';
import { advance, STORY_SECONDS } from './playback';
import { positionOf } from './track';

const { track, chapters } = realEngine();

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
});
