import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createAppStore } from '../state/store';
import { DEFAULT_STATE, type UrlState } from '../state/url-state';
import { localize } from '../text/localize';
import { TIMELINE_START } from '../time/span';
import { realEngine } from '../timeline/engine-fixture';
import { nextEventTime, previousEventTime, sceneAt } from '../timeline/scene';
import { type BridgeWindow, FALLBACK_FLUSH_MS, startEmbedBridge, TIME_REPORT_INTERVAL_MS } from './bridge';
import type { EmbedMessage } from './messages';

const HOST = 'https://news.example';
const OFFENSIVE = Date.parse('2023-09-19T13:00:00+04:00');
const engine = realEngine();

type Listener = (e: { source: unknown; origin: string; data: unknown }) => void;

/** Just enough of `window` for the bridge: a parent, message listeners and animation frames. */
function fakeWindow(options: { framed?: boolean; ancestorOrigins?: string[] } = {}) {
  const posted: { message: EmbedMessage; targetOrigin: string }[] = [];
  const parent = {
    postMessage: vi.fn((message: unknown, targetOrigin: string) => {
      posted.push({ message: message as EmbedMessage, targetOrigin });
    }),
  };
  const listeners = new Set<Listener>();
  let frames = new Map<number, (now: number) => void>();
  let nextFrame = 1;
  const win = {
    parent: parent as BridgeWindow['parent'],
    location: options.ancestorOrigins ? { ancestorOrigins: options.ancestorOrigins } : {},
    addEventListener: vi.fn((_: string, l: Listener) => listeners.add(l)),
    removeEventListener: vi.fn((_: string, l: Listener) => listeners.delete(l)),
    requestAnimationFrame: (cb: (now: number) => void) => {
      frames.set(nextFrame, cb);
      return nextFrame++;
    },
    cancelAnimationFrame: (h: number) => frames.delete(h),
  };
  if (options.framed === false) win.parent = win as unknown as BridgeWindow['parent'];
  /** Runs the animation frames requested so far. */
  const frame = () => {
    const due = frames;
    frames = new Map();
    for (const cb of due.values()) cb(performance.now());
  };
  const send = (data: unknown, from: { source?: unknown; origin?: string } = {}) => {
    for (const l of [...listeners]) l({ source: from.source ?? parent, origin: from.origin ?? HOST, data });
  };
  return { win: win as BridgeWindow, parent, posted, listeners, frame, send, pendingFrames: () => frames.size };
}

function embedStore(overrides: Partial<UrlState> = {}, withEngine = true) {
  const store = createAppStore({ ...DEFAULT_STATE, mode: 'embed', api: HOST, t: OFFENSIVE, ...overrides });
  if (withEngine) store.getState().setEngine(engine);
  return store;
}

/** Counts the store updates that change the time, as the map would see them. */
function countTimeUpdates(store: ReturnType<typeof embedStore>) {
  let n = 0;
  store.subscribe((s, prev) => {
    if (s.t !== prev.t) n++;
  });
  return () => n;
}

const types = (posted: { message: EmbedMessage }[]) => posted.map((p) => p.message.type);

describe('startEmbedBridge: when it runs at all', () => {
  it.each([
    ['explore mode', { mode: 'explore' as const }, {}],
    ['present mode', { mode: 'present' as const }, {}],
    ['an embed without api', { api: null }, {}],
    ['a top-level page', {}, { framed: false }],
    ['a parent on another origin than api', {}, { ancestorOrigins: ['https://elsewhere.example'] }],
  ])('neither listens nor posts for %s', (_, state, options) => {
    const { win, posted, listeners, send, frame } = fakeWindow(options);
    const store = embedStore(state);
    const stop = startEmbedBridge(store, win);
    expect(listeners.size).toBe(0);
    send({ nkmap: 1, command: 'setTime', time: TIMELINE_START });
    frame();
    expect(store.getState().t).toBe(OFFENSIVE);
    expect(posted).toEqual([]);
    stop();
  });

  it('runs when the browser reports the parent at the api origin, or masks it', () => {
    for (const ancestorOrigins of [[HOST], ['null'], []]) {
      const { win, listeners, posted } = fakeWindow({ ancestorOrigins });
      const stop = startEmbedBridge(embedStore(), win);
      expect(listeners.size).toBe(1);
      expect(types(posted)).toEqual(['ready']);
      stop();
    }
  });
});

describe('startEmbedBridge: messages to the host', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('says ready once the engine is loaded, to the exact api origin', () => {
    const { win, posted } = fakeWindow();
    const store = embedStore({}, false);
    startEmbedBridge(store, win);
    store.getState().setTime(OFFENSIVE + 60_000);
    expect(posted).toEqual([]);
    store.getState().setEngine(engine);
    expect(posted).toHaveLength(1);
    const current = sceneAt(engine, OFFENSIVE + 60_000).current;
    expect(posted[0]).toEqual({
      targetOrigin: HOST,
      message: {
        nkmap: 1,
        type: 'ready',
        time: '2023-09-19T13:01',
        t: OFFENSIVE + 60_000,
        playing: false,
        event: current ? { id: current.id, title: current.title } : null,
      },
    });
    expect(posted[0]?.message.event).not.toBeNull();
  });

  it('gives the event title in the embed’s naming convention', () => {
    const { win, posted } = fakeWindow();
    startEmbedBridge(embedStore({ names: 'az' }), win);
    const current = sceneAt(engine, OFFENSIVE).current;
    expect(current).not.toBeNull();
    expect(posted[0]?.message.event?.title).toBe(localize(current?.title ?? '', engine.data, 'az'));
  });

  it('reports time changes at most four times a second, and always the final value', () => {
    const { win, posted } = fakeWindow();
    const store = embedStore();
    startEmbedBridge(store, win);
    posted.length = 0;
    store.getState().play();
    // Playback: a new time every 16 ms for two seconds.
    for (let i = 1; i <= 125; i++) {
      store.getState().setTime(OFFENSIVE + i * 60_000);
      vi.advanceTimersByTime(16);
    }
    store.getState().pause();
    vi.advanceTimersByTime(1000);
    const reports = posted.map((p) => p.message);
    expect(reports.every((m) => m.type === 'time')).toBe(true);
    // 2 s of changes at ≤ 4 a second, plus the leading report and the final one.
    expect(reports.length).toBeGreaterThanOrEqual(4);
    expect(reports.length).toBeLessThanOrEqual(2 * (1000 / TIME_REPORT_INTERVAL_MS) + 2);
    const last = reports[reports.length - 1];
    expect(last).toMatchObject({ playing: false, t: store.getState().t });
    expect(posted.every((p) => p.targetOrigin === HOST)).toBe(true);
  });

  it('posts nothing when nothing changed', () => {
    const { win, posted } = fakeWindow();
    const store = embedStore();
    startEmbedBridge(store, win);
    store.getState().setNames('hy');
    store.getState().setTime(OFFENSIVE);
    vi.advanceTimersByTime(1000);
    expect(types(posted)).toEqual(['ready']);
  });
});

describe('startEmbedBridge: commands from the host', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('applies setTime at the next animation frame', () => {
    const { win, send, frame } = fakeWindow();
    const store = embedStore();
    startEmbedBridge(store, win);
    send({ nkmap: 1, command: 'setTime', time: '2023-09-20T13:00+04:00' });
    expect(store.getState().t).toBe(OFFENSIVE);
    frame();
    expect(store.getState().t).toBe(Date.parse('2023-09-20T09:00:00Z'));
    send({ nkmap: 1, command: 'setTime', time: TIMELINE_START });
    frame();
    expect(store.getState().t).toBe(TIMELINE_START);
  });

  it('coalesces a flood of 1,000 setTime messages into one store update per frame, keeping the last', () => {
    const { win, send, frame, posted } = fakeWindow();
    const store = embedStore();
    startEmbedBridge(store, win);
    const updates = countTimeUpdates(store);
    posted.length = 0;
    // 1,000 messages in one second, 60 frames.
    for (let i = 1; i <= 1000; i++) {
      send({ nkmap: 1, command: 'setTime', time: OFFENSIVE + i * 1000 });
      if (i % 17 === 0) frame();
      vi.advanceTimersByTime(1);
    }
    frame();
    vi.advanceTimersByTime(1000);
    expect(store.getState().t).toBe(OFFENSIVE + 1_000_000);
    expect(updates()).toBeLessThanOrEqual(60);
    expect(posted.length).toBeLessThanOrEqual(6);
    expect(posted[posted.length - 1]?.message).toMatchObject({ type: 'time', t: OFFENSIVE + 1_000_000 });
  });

  it('steps to the next and previous event as the slider does, each step counting within a frame', () => {
    const { win, send, frame } = fakeWindow();
    const store = embedStore();
    startEmbedBridge(store, win);
    const next = nextEventTime(engine, OFFENSIVE);
    expect(next).not.toBeNull();
    send({ nkmap: 1, command: 'step', direction: 1 });
    frame();
    expect(store.getState().t).toBe(next);
    send({ nkmap: 1, command: 'step', direction: -1 });
    frame();
    expect(store.getState().t).toBe(previousEventTime(engine, next ?? 0));
    // Two steps before a frame go two events.
    const from = store.getState().t;
    send({ nkmap: 1, command: 'step', direction: 1 });
    send({ nkmap: 1, command: 'step', direction: 1 });
    frame();
    expect(store.getState().t).toBe(nextEventTime(engine, nextEventTime(engine, from) ?? 0));
  });

  it('does not step before the engine has loaded', () => {
    const { win, send, frame } = fakeWindow();
    const store = embedStore({}, false);
    startEmbedBridge(store, win);
    send({ nkmap: 1, command: 'step', direction: 1 });
    frame();
    expect(store.getState().t).toBe(OFFENSIVE);
  });

  it('plays and pauses; a time sent with a pause is kept, not snapped', () => {
    const { win, send, frame } = fakeWindow();
    const store = embedStore({ t: Date.parse('2023-01-15T13:37:00+04:00') });
    startEmbedBridge(store, win);
    send({ nkmap: 1, command: 'play' });
    frame();
    expect(store.getState().playing).toBe(true);
    send({ nkmap: 1, command: 'setTime', time: '2023-01-20T13:37' });
    send({ nkmap: 1, command: 'pause' });
    frame();
    expect(store.getState().playing).toBe(false);
    expect(store.getState().t).toBe(Date.parse('2023-01-20T09:37:00Z'));
  });

  it('answers getState once per frame however often it is asked', () => {
    const { win, send, frame, posted } = fakeWindow();
    const store = embedStore();
    startEmbedBridge(store, win);
    posted.length = 0;
    for (let i = 0; i < 100; i++) send({ nkmap: 1, command: 'getState' });
    expect(posted).toEqual([]);
    frame();
    expect(types(posted)).toEqual(['state']);
    expect(posted[0]).toMatchObject({ targetOrigin: HOST, message: { nkmap: 1, t: OFFENSIVE, playing: false } });
  });

  it('answers getState with the time just set in the same frame', () => {
    const { win, send, frame, posted } = fakeWindow();
    startEmbedBridge(embedStore(), win);
    send({ nkmap: 1, command: 'setTime', time: TIMELINE_START });
    send({ nkmap: 1, command: 'getState' });
    frame();
    expect(posted.find((p) => p.message.type === 'state')?.message).toMatchObject({
      t: TIMELINE_START,
      time: '2022-12-01',
    });
  });

  it('flushes on a timer when no animation frame comes', () => {
    const { win, send, pendingFrames } = fakeWindow();
    const store = embedStore();
    startEmbedBridge(store, win);
    send({ nkmap: 1, command: 'setTime', time: TIMELINE_START });
    expect(pendingFrames()).toBe(1);
    vi.advanceTimersByTime(FALLBACK_FLUSH_MS);
    expect(store.getState().t).toBe(TIMELINE_START);
    expect(pendingFrames()).toBe(0);
  });

  it('ignores messages from another window or another origin, without reading their data', () => {
    const { win, send, frame, posted, listeners } = fakeWindow();
    const store = embedStore();
    startEmbedBridge(store, win);
    posted.length = 0;
    let reads = 0;
    const event = (source: unknown, origin: string) => ({
      source,
      origin,
      get data() {
        reads++;
        return { nkmap: 1, command: 'setTime', time: TIMELINE_START };
      },
    });
    const sibling = { postMessage: () => {} };
    const cases = [
      event(sibling, HOST),
      event(null, HOST),
      event(win, HOST),
      event(win.parent, 'https://evil.example'),
      event(win.parent, 'http://news.example'),
      event(win.parent, 'https://news.example:443'),
      event(win.parent, 'https://news.example.evil'),
      event(win.parent, `${HOST}/`),
      event(win.parent, 'HTTPS://NEWS.EXAMPLE'),
      event(win.parent, 'null'),
      event(win.parent, ''),
    ];
    for (const e of cases) for (const l of listeners) l(e);
    frame();
    vi.advanceTimersByTime(1000);
    expect(reads).toBe(0);
    expect(store.getState().t).toBe(OFFENSIVE);
    expect(posted).toEqual([]);
    send({ nkmap: 1, command: 'getState' });
    frame();
    expect(types(posted)).toEqual(['state']);
  });

  it('ignores 100 hostile messages from the parent: no change, nothing posted, nothing thrown', () => {
    const { win, send, frame, posted } = fakeWindow();
    const store = embedStore();
    startEmbedBridge(store, win);
    posted.length = 0;
    const updates = countTimeUpdates(store);
    const before = store.getState();
    const hostile: unknown[] = [
      null,
      undefined,
      'play',
      42,
      [],
      { nkmap: 1, command: 'setTime', time: 'x'.repeat(1 << 20) },
      { nkmap: 1, command: 'launch' },
      { nkmap: 2, command: 'play' },
      { command: 'play' },
      { nkmap: 1, command: 'play', extra: true },
      JSON.parse('{"nkmap":1,"command":"play","__proto__":{"x":1}}'),
      new Map([['nkmap', 1]]),
      new Date(),
      new Uint8Array(1 << 20),
    ];
    for (let i = 0; hostile.length < 100; i++)
      hostile.push({ nkmap: 1, command: 'setTime', time: i % 2 ? TIMELINE_START - i : `2023-13-${i}` });
    expect(() => {
      for (const h of hostile) send(h);
    }).not.toThrow();
    frame();
    vi.advanceTimersByTime(1000);
    expect(updates()).toBe(0);
    expect(store.getState()).toBe(before);
    expect(posted).toEqual([]);
  });

  it('stops listening, posting and flushing when stopped', () => {
    const { win, send, frame, posted, listeners } = fakeWindow();
    const store = embedStore();
    const stop = startEmbedBridge(store, win);
    send({ nkmap: 1, command: 'setTime', time: TIMELINE_START });
    stop();
    expect(listeners.size).toBe(0);
    posted.length = 0;
    frame();
    vi.advanceTimersByTime(1000);
    expect(store.getState().t).toBe(OFFENSIVE);
    store.getState().setTime(TIMELINE_START);
    vi.advanceTimersByTime(1000);
    expect(posted).toEqual([]);
  });

  it('stops obeying when the store leaves embed mode or its api changes', () => {
    const { win, send, frame } = fakeWindow();
    const store = embedStore();
    startEmbedBridge(store, win);
    store.getState().setMode('explore');
    send({ nkmap: 1, command: 'setTime', time: TIMELINE_START });
    frame();
    expect(store.getState().t).toBe(OFFENSIVE);
    store.getState().applyUrlState({ ...DEFAULT_STATE, mode: 'embed', t: OFFENSIVE, api: 'https://other.example' }, []);
    send({ nkmap: 1, command: 'setTime', time: TIMELINE_START });
    frame();
    expect(store.getState().t).toBe(OFFENSIVE);
  });
});
