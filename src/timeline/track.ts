/**
 * The slider's non-linear track: position 0..1 ↔ time. Each chapter gets a segment proportional to
 * its weight, with a fixed gap between chapters, and time runs linearly inside a segment. Times are
 * snapped to the chapter's resolution, so a scrubbed time is never shown finer than it means.
 */
import { DAY_MS, LOCAL_OFFSET_MINUTES } from '../time/iso';
import type { Chapter, Resolution } from './chapters';

/** Share of the track each break between chapters takes. */
export const GAP = 0.016;

export interface Segment {
  chapter: Chapter;
  from: number;
  to: number;
}

export function buildTrack(chapters: readonly Chapter[]): Segment[] {
  const usable = 1 - GAP * (chapters.length - 1);
  const total = chapters.reduce((n, c) => n + c.weight, 0);
  let at = 0;
  return chapters.map((chapter, i) => {
    const from = at;
    const to = i === chapters.length - 1 ? 1 : from + (usable * chapter.weight) / total;
    at = to + GAP;
    return { chapter, from, to };
  });
}

const clamp01 = (x: number) => (Number.isFinite(x) ? Math.min(1, Math.max(0, x)) : 0);

/** Where on the track a time lies. Times outside the timeline clamp to its ends. */
export function positionOf(track: readonly Segment[], t: number): number {
  const first = track[0];
  const last = track[track.length - 1];
  if (!first || !last || !Number.isFinite(t)) return 0;
  if (t <= first.chapter.start) return first.from;
  for (const s of track) {
    const { start, end } = s.chapter;
    if (t < end || s === last) {
      const f = end > start ? (Math.min(t, end) - start) / (end - start) : 0;
      return s.from + clamp01(f) * (s.to - s.from);
    }
  }
  return last.to;
}

const STEP_MS: Record<Resolution, number> = { day: DAY_MS, hour: 3_600_000, minute: 60_000 };
const OFFSET_MS = LOCAL_OFFSET_MINUTES * 60_000;

/** Rounds a time to whole local days, hours or minutes. */
export function snap(t: number, resolution: Resolution): number {
  const step = STEP_MS[resolution];
  return Math.round((t + OFFSET_MS) / step) * step - OFFSET_MS;
}

/** The time at a track position, snapped to its chapter's resolution; a gap snaps to the nearer chapter. */
export function timeAt(track: readonly Segment[], position: number): number {
  return exactTimeAt(track, position, true);
}

/** The time at a track position without snapping: playback moves through it smoothly. */
export function exactTimeAt(track: readonly Segment[], position: number, snapped = false): number {
  const p = clamp01(position);
  let best: Segment | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const s of track) {
    const d = p < s.from ? s.from - p : p > s.to ? p - s.to : 0;
    if (d < bestDistance) {
      best = s;
      bestDistance = d;
    }
  }
  if (!best) return 0;
  const { start, end, resolution } = best.chapter;
  const f = best.to > best.from ? clamp01((p - best.from) / (best.to - best.from)) : 0;
  const t = start + f * (end - start);
  return Math.min(end, Math.max(start, snapped ? snap(t, resolution) : t));
}

/** The segment a position lies in, or the nearest. */
export function segmentAt(track: readonly Segment[], position: number): Segment | undefined {
  return (
    track.find((s) => position >= s.from && position <= s.to) ??
    track.find((s) => position < s.from) ??
    track[track.length - 1]
  );
}
