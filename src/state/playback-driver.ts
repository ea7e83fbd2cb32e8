/**
 * Drives playback from the store: a requestAnimationFrame loop while playing moves time along the
 * track; with `prefers-reduced-motion` it cuts from one event to the next instead of animating.
 * Pausing snaps time to the chapter's resolution so the link stays readable.
 */

import { TIMELINE_START } from '../time/span';
import { chapterAt } from '../timeline/chapters';
import { advance, REDUCED_MOTION_STEP_MS, type Span, spanOf, WHOLE_STORY } from '../timeline/playback';
import { nextEventTime } from '../timeline/scene';
import { snap } from '../timeline/track';
import { type AppStore, appStore, type Store } from './store';

/** What playback plays: an embed with a `chapter` loops that chapter; everything else, the whole story. */
export function playbackSpan(s: Store): Span {
  if (s.mode !== 'embed' || !s.chapter || !s.engine) return WHOLE_STORY;
  const chapter = s.engine.chapters.find((c) => c.id === s.chapter);
  return chapter ? spanOf(s.engine.track, chapter.start, chapter.end) : WHOLE_STORY;
}

/** The time span of an embed's looped chapter, or null. */
export function loopedChapter(s: Store): { start: number; end: number } | null {
  if (s.mode !== 'embed' || !s.chapter || !s.engine) return null;
  return s.engine.chapters.find((c) => c.id === s.chapter) ?? null;
}

/** The system's preference, or the reader's own switch. */
export function prefersReducedMotion(win: Window = window): boolean {
  return (win.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false) || appStore.getState().reduceMotion;
}

export function startPlayback(store: AppStore, win: Window = window): () => void {
  let frame = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let last = 0;

  const stop = () => {
    if (frame) win.cancelAnimationFrame(frame);
    if (timer !== undefined) clearTimeout(timer);
    frame = 0;
    timer = undefined;
  };

  const tick = (now: number) => {
    const s = store.getState();
    if (!s.playing || !s.engine) return stop();
    const dt = last ? now - last : 0;
    last = now;
    const { t, ended } = advance(s.engine.track, s.t, dt, s.speed, s.loop, playbackSpan(s));
    s.setTime(t);
    if (ended) s.pause();
    else frame = win.requestAnimationFrame(tick);
  };

  const step = () => {
    const s = store.getState();
    if (!s.playing || !s.engine) return stop();
    const chapter = loopedChapter(s);
    const start = chapter?.start ?? TIMELINE_START;
    let next = s.t < start ? start : nextEventTime(s.engine, s.t);
    if (chapter && next !== null && next >= chapter.end) next = null;
    if (next === null) {
      if (s.loop) s.setTime(start);
      else return s.pause();
    } else s.setTime(next);
    timer = setTimeout(step, REDUCED_MOTION_STEP_MS / s.speed);
  };

  const start = () => {
    stop();
    last = 0;
    if (prefersReducedMotion(win)) timer = setTimeout(step, 0);
    else frame = win.requestAnimationFrame(tick);
  };

  const unsubscribe = store.subscribe((s, prev) => {
    if (s.playing && (!prev.playing || (s.engine && !prev.engine) || s.reduceMotion !== prev.reduceMotion)) start();
    if (!s.playing && prev.playing) {
      stop();
      if (s.engine) s.setTime(snap(s.t, chapterAt(s.engine.chapters, s.t).resolution));
    }
  });
  return () => {
    unsubscribe();
    stop();
  };
}
