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

/** A stretch of the slider, as positions from 0 to 1: the whole story, or one chapter an embed loops. */
export interface Span {
  from: number;
  to: number;
}

export const WHOLE_STORY: Span = { from: 0, to: 1 };

/** The slider's stretch for a time span (a chapter's start and end). */
export function spanOf(track: readonly Segment[], start: number, end: number): Span {
  return { from: positionOf(track, start), to: positionOf(track, end) };
}

/** Where playback is after `dtMs` of wall time at `speed`, from time t, playing within `span`. */
export function advance(
  track: readonly Segment[],
  t: number,
  dtMs: number,
  speed: number,
  loop: boolean,
  span: Span = WHOLE_STORY,
): Advance {
  const step = Number.isFinite(dtMs) && dtMs > 0 ? (dtMs / 1000 / STORY_SECONDS) * speed : 0;
  const here = positionOf(track, t);
  // Outside the span (a link's time before a looped chapter), playback starts at the span.
  let position = here < span.from || here > span.to ? span.from : here + step;
  // A break between chapters takes no time: playback jumps across it.
  const segment = segmentAt(track, position);
  if (segment && position < segment.from) position = segment.from;
  if (position >= span.to) {
    if (loop) return { t: exactTimeAt(track, span.from), ended: false };
    return { t: exactTimeAt(track, span.to), ended: true };
  }
  return { t: exactTimeAt(track, position), ended: false };
}

/** Slow at both ends, so a step between two events starts and lands gently. */
export function easeInOut(x: number): number {
  const p = Math.min(1, Math.max(0, x));
  return p < 0.5 ? 4 * p * p * p : 1 - (-2 * p + 2) ** 3 / 2;
}

/**
 * The time a fraction `progress` of the way through an animated step from `from` to `to`, moving
 * along the slider (so a step across a break does not crawl through the months in between).
 */
export function between(track: readonly Segment[], from: number, to: number, progress: number): number {
  if (progress >= 1) return to;
  if (progress <= 0) return from;
  const a = positionOf(track, from);
  const b = positionOf(track, to);
  return exactTimeAt(track, a + (b - a) * easeInOut(progress));
}
