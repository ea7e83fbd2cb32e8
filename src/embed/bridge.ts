/**
 * The embed's postMessage bridge (docs/reliability.md#embed-messages). In embed mode with `api=<origin>` in the
 * link, and only inside a frame, the embed obeys messages from its parent window at exactly that
 * origin and reports its time to it; otherwise it neither listens nor posts.
 *
 * - A message counts only when `source` is the parent window and `origin` equals `api` exactly; its
 *   data is not even read otherwise. The rest is `parseCommand`'s job (messages.ts).
 * - Floods are coalesced: commands accumulate into one pending change that is applied at the next
 *   animation frame (a 100 ms timer stands in when frames are throttled), so a thousand messages a
 *   second cost at most one store update per frame; `getState` is answered at most once per frame.
 * - Time reports go out at most four times a second, and the final value always goes out.
 * - Everything is posted to `api` as the exact target origin, never "*".
 */

import { sceneOf } from '../state/scene-cache';
import type { AppStore, Store } from '../state/store';
import { localize } from '../text/localize';
import { nextEventTime, previousEventTime } from '../timeline/scene';
import { type Command, type EmbedMessageType, embedMessage, embedState, parseCommand } from './messages';

/** At most this often, a time report while the time keeps changing. */
export const TIME_REPORT_INTERVAL_MS = 250;
/** Pending commands are applied by this timer when no animation frame comes (a throttled frame). */
export const FALLBACK_FLUSH_MS = 100;

type MessageLike = Pick<MessageEvent, 'source' | 'origin' | 'data'>;

/** The part of `window` the bridge uses, so tests can hand it a fake. */
export interface BridgeWindow {
  readonly parent: { postMessage(message: unknown, targetOrigin: string): void };
  readonly location?: { readonly ancestorOrigins?: { readonly length: number; readonly [index: number]: string } };
  addEventListener(type: 'message', listener: (event: MessageLike) => void): void;
  removeEventListener(type: 'message', listener: (event: MessageLike) => void): void;
  requestAnimationFrame(callback: (now: number) => void): number;
  cancelAnimationFrame(handle: number): void;
}

/** The parent's origin as the browser reports it, when it does (Chromium, WebKit) and does not mask it. */
function parentOrigin(win: BridgeWindow): string | null {
  const ancestors = win.location?.ancestorOrigins;
  const first = ancestors && ancestors.length > 0 ? ancestors[0] : undefined;
  return first && first !== 'null' ? first : null;
}

function currentEvent(s: Store): { id: string; title: string } | null {
  const e = sceneOf(s)?.current;
  return e ? { id: e.id, title: localize(e.title, s.engine?.data, s.names) } : null;
}

/** Starts the bridge when the store is an embed with an `api` origin inside a frame; returns a stop function. */
export function startEmbedBridge(store: AppStore, win: BridgeWindow = window): () => void {
  const { mode, api } = store.getState();
  // A top-level page has no host to obey; a parent on another origin than `api` would never be
  // obeyed, and posting to it would only log errors (the browser drops a mismatched targetOrigin).
  const framed = (win.parent as unknown) !== win;
  const known = parentOrigin(win);
  if (mode !== 'embed' || api === null || !framed || (known !== null && known !== api)) return () => {};
  const host = win.parent;

  const post = (type: EmbedMessageType) => {
    const s = store.getState();
    host.postMessage(embedMessage(type, embedState(s.t, s.playing, currentEvent(s))), api);
    return s;
  };

  // Time reports: leading edge when quiet, then at most every TIME_REPORT_INTERVAL_MS, always the last value.
  let ready = false;
  let lastReport = Number.NEGATIVE_INFINITY;
  let reported: { t: number; playing: boolean } | null = null;
  let reportTimer: ReturnType<typeof setTimeout> | undefined;
  const report = (type: 'ready' | 'time') => {
    reportTimer = undefined;
    const s = store.getState();
    if (type === 'time' && reported && reported.t === s.t && reported.playing === s.playing) return;
    post(type);
    reported = { t: s.t, playing: s.playing };
    lastReport = Date.now();
  };
  const scheduleReport = () => {
    if (reportTimer !== undefined) return;
    const wait = lastReport + TIME_REPORT_INTERVAL_MS - Date.now();
    if (wait <= 0) report('time');
    else reportTimer = setTimeout(() => report('time'), wait);
  };
  const becomeReady = () => {
    ready = true;
    report('ready');
  };

  // Commands waiting for the next frame: the playing state first, then the time, then a state answer.
  let pendingT: number | null = null;
  let pendingPlaying: boolean | null = null;
  let answerState = false;
  let frame = 0;
  let fallback: ReturnType<typeof setTimeout> | undefined;
  const flush = () => {
    if (frame) win.cancelAnimationFrame(frame);
    if (fallback !== undefined) clearTimeout(fallback);
    frame = 0;
    fallback = undefined;
    const playing = pendingPlaying;
    const t = pendingT;
    const answer = answerState;
    pendingPlaying = null;
    pendingT = null;
    answerState = false;
    const s = store.getState();
    // Playing first: pausing snaps the time, which must not override a time the host asked for.
    if (playing !== null && playing !== s.playing) {
      if (playing) s.play();
      else s.pause();
    }
    if (t !== null && t !== store.getState().t) store.getState().setTime(t);
    if (answer) post('state');
  };
  const schedule = () => {
    if (frame || fallback !== undefined) return;
    frame = win.requestAnimationFrame(flush);
    fallback = setTimeout(flush, FALLBACK_FLUSH_MS);
  };

  const apply = (c: Command) => {
    switch (c.command) {
      case 'setTime':
        pendingT = c.t;
        break;
      case 'step': {
        const { engine, t } = store.getState();
        if (!engine) return;
        const from = pendingT ?? t;
        pendingT = (c.direction > 0 ? nextEventTime(engine, from) : previousEventTime(engine, from)) ?? from;
        break;
      }
      case 'play':
        pendingPlaying = true;
        break;
      case 'pause':
        pendingPlaying = false;
        break;
      case 'getState':
        answerState = true;
        break;
    }
    schedule();
  };

  const onMessage = (e: MessageLike) => {
    // Who sent it is checked before the data is read (reading it deserialises it).
    if (e.source !== host || e.origin !== api) return;
    const s = store.getState();
    if (s.mode !== 'embed' || s.api !== api) return;
    const command = parseCommand(e.data);
    if (command) apply(command);
  };

  const unsubscribe = store.subscribe((s, prev) => {
    if (!ready) {
      if (s.engine) becomeReady();
      return;
    }
    if (s.t !== prev.t || s.playing !== prev.playing) scheduleReport();
  });
  win.addEventListener('message', onMessage);
  if (store.getState().engine) becomeReady();

  return () => {
    unsubscribe();
    win.removeEventListener('message', onMessage);
    if (frame) win.cancelAnimationFrame(frame);
    if (fallback !== undefined) clearTimeout(fallback);
    if (reportTimer !== undefined) clearTimeout(reportTimer);
    frame = 0;
    fallback = undefined;
    reportTimer = undefined;
  };
}
