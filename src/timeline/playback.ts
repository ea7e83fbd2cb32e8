/**
 * Playback as pure functions of the track: playing moves at a constant pace along the slider, so
 * the day of the offensive plays as slowly as its share of the slider, not in a blink.
 */
import { exactTimeAt, positionOf, type Segment, segmentAt } from './track';

/** Seconds to play the whole story at 1×. */
export const STORY_SECONDS = 150;
export const SPEEDS = [0.5, 1, 2, 4] as const;
/** With reduced motion, playback cuts from one event to the next this often. */
export const REDUCED_MOTION_STEP_MS = 4000;

export interface Advance {
  t: number;
  /** True when playback reached the end and does not loop. */
  ended: boolean;
}

/** Where playback is after `dtMs` of wall time at `speed`, from time t. */
export function advance(track: readonly Segment[], t: number, dtMs: number, speed: number, loop: boolean): Advance {
  const step = Number.isFinite(dtMs) && dtMs > 0 ? (dtMs / 1000 / STORY_SECONDS) * speed : 0;
  let position = positionOf(track, t) + step;
  // A break between chapters takes no time: playback jumps across it.
  const segment = segmentAt(track, position);
  if (segment && position < segment.from) position = segment.from;
  if (position >= 1) {
    if (loop) return { t: exactTimeAt(track, 0), ended: false };
    return { t: exactTimeAt(track, 1), ended: true };
  }
  return { t: exactTimeAt(track, position), ended: false };
}
