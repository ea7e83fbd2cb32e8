/**
 * The time the panels show. While playing (or animating a step), the map moves every frame but the text panels (readout,
 * event card, counters) update at most eight times a second: re-rendering them every frame costs
 * the main thread as much as drawing the dots, and nobody reads faster than that.
 */
import { useSyncExternalStore } from 'react';
import { appStore } from './store';

const PLAYING_INTERVAL_MS = 125;

let shown = appStore.getState().t;
let lastEmit = 0;
let timer: ReturnType<typeof setTimeout> | undefined;
const listeners = new Set<() => void>();

function emit(t: number): void {
  shown = t;
  lastEmit = performance.now();
  for (const l of listeners) l();
}

appStore.subscribe((s, prev) => {
  if (s.t === prev.t && s.playing === prev.playing && s.animating === prev.animating) return;
  if (timer !== undefined) clearTimeout(timer);
  timer = undefined;
  if (!s.playing && !s.animating) {
    emit(s.t);
    return;
  }
  const wait = PLAYING_INTERVAL_MS - (performance.now() - lastEmit);
  if (wait <= 0) emit(s.t);
  else timer = setTimeout(() => emit(appStore.getState().t), wait);
});

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** React: the time for text panels. */
export function useDisplayTime(): number {
  return useSyncExternalStore(subscribe, () => shown);
}
