/**
 * Mirrors the store in the address bar, both ways. A mode change adds a history entry (Back returns
 * to the previous mode); other changes replace the current entry, at most every 250 ms so that
 * playback does not hit the browser's limit on history updates.
 */
import type { AppStore, Store } from './store';
import { URL_KEYS } from './url-params';
import { parseUrlState, serializeUrlState, type UrlState } from './url-state';

const WRITE_INTERVAL_MS = 250;

export function pickUrlState(s: Store): UrlState {
  const out = {} as Record<string, unknown>;
  for (const k of URL_KEYS) out[k] = s[k];
  return out as unknown as UrlState;
}

/** Reads the current URL into the store, then keeps the two in step. Returns an unsubscribe. */
export function startUrlSync(store: AppStore, win: Window = window): () => void {
  // While the URL is being read into the store, the store's changes are not written back.
  let reading = false;
  const read = () => {
    reading = true;
    try {
      const { state, notices } = parseUrlState(win.location.search);
      store.getState().applyUrlState(state, notices);
    } finally {
      reading = false;
    }
  };
  read();

  let timer: ReturnType<typeof setTimeout> | undefined;
  const write = (push: boolean) => {
    timer = undefined;
    const query = serializeUrlState(pickUrlState(store.getState()));
    if (win.location.search === query) return;
    const url = `${win.location.pathname}${query}${win.location.hash}`;
    if (push) win.history.pushState(null, '', url);
    else win.history.replaceState(null, '', url);
  };
  write(false);

  const unsubscribe = store.subscribe((next, prev) => {
    if (reading) return;
    if (next.mode !== prev.mode) {
      if (timer !== undefined) clearTimeout(timer);
      write(true);
    } else if (URL_KEYS.some((k) => next[k] !== prev[k])) {
      timer ??= setTimeout(() => write(false), WRITE_INTERVAL_MS);
    }
  });
  const onPop = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    read();
    // The entry Back landed on may hold a hand-edited or malformed query: show it normalised.
    write(false);
  };
  win.addEventListener('popstate', onPop);
  return () => {
    unsubscribe();
    if (timer !== undefined) clearTimeout(timer);
    win.removeEventListener('popstate', onPop);
  };
}
