/**
 * Animated steps between events, for a presentation: time glides along the slider from the event on
 * screen to the next (the map, the dots and the counters follow it), and the camera frames the new
 * event. With reduced motion both cut. Any other change of time (the slider, playback) takes over.
 */
import { eventFocus } from '../timeline/focus';
import { between } from '../timeline/playback';
import { nextEventTime, previousEventTime, sceneAt } from '../timeline/scene';
import { prefersReducedMotion } from './playback-driver';
import { type AppStore, appStore } from './store';

/** Long enough to see the story move, short enough not to keep a class waiting. */
export const STEP_MS = 1400;

interface Animation {
  frame: number;
  target: number;
  /** The last time the animation set, to notice when something else moves time. */
  set: number;
}

let current: Animation | null = null;

function stop(store: AppStore, win: Window): void {
  if (!current) return;
  win.cancelAnimationFrame(current.frame);
  current = null;
  store.getState().setAnimating(false);
}

/** Moves time to `target`, animated unless the reader prefers reduced motion. */
export function animateTimeTo(target: number, store: AppStore = appStore, win: Window = window): void {
  stop(store, win);
  const s = store.getState();
  if (!s.engine || prefersReducedMotion(win) || s.t === target) {
    s.setTime(target);
    return;
  }
  const { track } = s.engine;
  const from = s.t;
  const started = win.performance.now();
  const anim: Animation = { frame: 0, target, set: from };
  current = anim;
  s.setAnimating(true);
  const tick = (now: number) => {
    if (current !== anim) return;
    const state = store.getState();
    if (state.t !== anim.set || state.playing) return stop(store, win);
    const progress = (now - started) / STEP_MS;
    anim.set = between(track, from, target, progress);
    state.setTime(anim.set);
    // setTime clamps; read back what the store holds.
    anim.set = store.getState().t;
    if (progress >= 1) stop(store, win);
    else anim.frame = win.requestAnimationFrame(tick);
  };
  anim.frame = win.requestAnimationFrame(tick);
}

/**
 * The next or previous event, from where the presentation is going (so pressing → twice during an
 * animation goes two events on), with the camera framing it.
 */
export function stepToEvent(direction: 1 | -1, store: AppStore = appStore, win: Window = window): void {
  const s = store.getState();
  if (!s.engine) return;
  const from = current?.target ?? s.t;
  const target = direction > 0 ? nextEventTime(s.engine, from) : previousEventTime(s.engine, from);
  if (target === null) return;
  animateTimeTo(target, store, win);
  const event = sceneAt(s.engine, target).current;
  const box = event ? eventFocus(s.engine.data, event) : null;
  if (box) s.focusOn(box);
}

/** Cancels a running step (leaving time where it is). */
export function cancelStep(store: AppStore = appStore, win: Window = window): void {
  stop(store, win);
}
