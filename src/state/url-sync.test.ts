import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_LAYERS } from './layers';
import { createAppStore } from './store';
import { startUrlSync } from './url-sync';

/** Just enough of `window` for the sync: location, history and popstate. */
function fakeWindow(initial: string) {
  const entries = [initial];
  let index = 0;
  const listeners = new Set<() => void>();
  const location = {
    pathname: '/',
    hash: '',
    get search() {
      const url = entries[index] ?? '';
      return url.includes('?') ? url.slice(url.indexOf('?')) : '';
    },
  };
  const history = {
    pushState: vi.fn((_: unknown, __: string, url: string) => {
      entries.splice(index + 1, entries.length, url);
      index++;
    }),
    replaceState: vi.fn((_: unknown, __: string, url: string) => {
      entries[index] = url;
    }),
  };
  const win = {
    location,
    history,
    addEventListener: (_: string, f: () => void) => listeners.add(f),
    removeEventListener: (_: string, f: () => void) => listeners.delete(f),
  };
  const back = () => {
    index--;
    for (const f of listeners) f();
  };
  return { win: win as unknown as Window, history, entries, back, location };
}

describe('startUrlSync', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('reads the URL into the store and writes the normalised URL back', () => {
    const { win, location } = fakeWindow('/?names=hy&bogus=1');
    const store = createAppStore();
    startUrlSync(store, win);
    expect(store.getState().names).toBe('hy');
    expect(store.getState().notices.map((n) => n.code)).toEqual(['unknown-param']);
    expect(location.search).toBe(
      `?mode=explore&t=2022-12-12&view=46.5,40.05,7&layers=${DEFAULT_LAYERS.join(',')}&names=hy`,
    );
  });

  it('replaces the entry for time, view, layers and names, at most every 250 ms', () => {
    const { win, history, location } = fakeWindow('/');
    const store = createAppStore();
    startUrlSync(store, win);
    history.replaceState.mockClear();
    store.getState().setNames('ru');
    store.getState().setLayerVisible('places', false);
    expect(history.replaceState).not.toHaveBeenCalled();
    vi.advanceTimersByTime(250);
    expect(history.replaceState).toHaveBeenCalledTimes(1);
    expect(history.pushState).not.toHaveBeenCalled();
    expect(location.search).toContain('names=ru');
    expect(location.search).toContain(`layers=${DEFAULT_LAYERS.filter((l) => l !== 'places').join(',')}`);
  });

  it('adds a history entry for a mode change, and Back restores the previous state', () => {
    const { win, history, back } = fakeWindow('/?mode=explore&names=az');
    const store = createAppStore();
    startUrlSync(store, win);
    store.getState().setMode('present');
    expect(history.pushState).toHaveBeenCalledTimes(1);
    back();
    expect(store.getState().mode).toBe('explore');
    expect(store.getState().names).toBe('az');
    // Reading the URL on Back must not add another entry.
    expect(history.pushState).toHaveBeenCalledTimes(1);
  });

  it('stops following the store when unsubscribed', () => {
    const { win, history } = fakeWindow('/');
    const store = createAppStore();
    const stop = startUrlSync(store, win);
    stop();
    history.pushState.mockClear();
    store.getState().setMode('embed');
    expect(history.pushState).not.toHaveBeenCalled();
  });
});
