/**
 * The embed's postMessage API, end to end: a host page on another origin (a tiny server started by
 * this file) frames the built app with the snippet's exact sandbox and drives it; hostile messages,
 * floods, a third origin and an embed without `api` change nothing and raise no error.
 */
import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, type Frame, type Page, test } from '@playwright/test';
import type { EmbedMessage } from '../src/embed/messages';
import { embedSnippet } from '../src/embed/snippet';
import { expectClean, type Watch, watch } from './harness';

const EMBED_QUERY = 't=2023-09-19T06:00%2B04:00&view=46.75,39.85,9&layers=places,routes&names=en';
const START = Date.parse('2023-09-19T06:00:00+04:00');
const OFFENSIVE = Date.parse('2023-09-19T13:00:00+04:00');
const TIMELINE_START = Date.parse('2022-12-01T00:00:00+04:00');
/** As in src/embed/bridge.ts (not imported: it pulls in the app's store). */
const FALLBACK_FLUSH_MS = 100;
const TIME_REPORT_INTERVAL_MS = 250;

/** The host page's script: records what the embed says and posts what the test asks, to the exact origin. */
const HOST_JS = `
window.received = [];
window.foreign = [];
const embed = () => document.querySelector('iframe');
const appOrigin = () => new URL(embed().src).origin;
window.addEventListener('message', (e) => {
  if (e.source === embed().contentWindow && e.origin === appOrigin()) window.received.push(e.data);
  else window.foreign.push({ origin: e.origin });
});
window.send = (message) => embed().contentWindow.postMessage(message, appOrigin());
`;

/**
 * Serves, on its own origin: /host?src=<embed url>[&rogue=<url>…] (the snippet's iframe, then one
 * plain iframe per rogue url), /host.js and /rogue (an empty page the test scripts from outside).
 */
function hostServer(): Server {
  return createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://host.invalid');
    if (url.pathname === '/host.js') {
      res.writeHead(200, { 'Content-Type': 'text/javascript; charset=utf-8' });
      res.end(HOST_JS);
    } else if (url.pathname === '/host') {
      const src = url.searchParams.get('src') ?? '';
      const rogues = url.searchParams.getAll('rogue');
      const frames = [src, ...rogues].map((u) => new URL(u).origin);
      res.writeHead(200, {
        'Content-Type': 'text/html; charset=utf-8',
        'Content-Security-Policy': `default-src 'none'; script-src 'self'; frame-src ${[...new Set(frames)].join(' ')}; base-uri 'none'; form-action 'none'`,
      });
      const rogueFrames = rogues.map((u, i) => embedSnippet({ url: u, width: 100, height: 100, title: `rogue ${i}` }));
      res.end(
        `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Newsroom host</title><script src="/host.js"></script></head><body><h1>A story</h1>${embedSnippet({ url: src, width: 900, height: 560, title: 'Map of the offensive' })}${rogueFrames.join('')}</body></html>`,
      );
    } else if (url.pathname === '/rogue') {
      res.writeHead(200, {
        'Content-Type': 'text/html; charset=utf-8',
        'Content-Security-Policy': "default-src 'none'",
      });
      res.end(
        '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>rogue</title></head><body></body></html>',
      );
    } else {
      res.writeHead(404, { 'Content-Type': 'text/plain' });
      res.end('not found');
    }
  });
}

async function listen(server: Server): Promise<number> {
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return (server.address() as AddressInfo).port;
}

let hostServerA: Server;
let hostServerB: Server;
/** The newsroom's origin: `localhost`, another host name than the app's 127.0.0.1. */
let HOST = '';
/** A third origin, neither the app nor the host. */
let THIRD = '';
let APP = '';

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  APP = new URL(test.info().project.use.baseURL ?? '').origin;
  hostServerA = hostServer();
  hostServerB = hostServer();
  HOST = `http://localhost:${await listen(hostServerA)}`;
  THIRD = `http://127.0.0.1:${await listen(hostServerB)}`;
  expect(new Set([APP, HOST, THIRD]).size).toBe(3);
});

test.afterAll(async () => {
  hostServerA.closeAllConnections();
  hostServerB.closeAllConnections();
  await Promise.all([new Promise((r) => hostServerA.close(r)), new Promise((r) => hostServerB.close(r))]);
});

const embedUrl = (api: string | null) =>
  `${APP}/?mode=embed&${EMBED_QUERY}${api ? `&api=${encodeURIComponent(api)}` : ''}`;
const hostPage = (origin: string, src: string, rogues: string[] = []) =>
  `${origin}/host?src=${encodeURIComponent(src)}${rogues.map((r) => `&rogue=${encodeURIComponent(r)}`).join('')}`;

interface HostWindow {
  received: EmbedMessage[];
  foreign: { origin: string }[];
  send(message: unknown): void;
}
interface EmbedWindow {
  __appStore?: { getState(): { t: number; playing: boolean; engine: { eventTimes: number[] } | null } };
  __updates?: number;
  __frames?: number;
  __since?: number;
}

const received = (page: Page) => page.evaluate(() => (window as unknown as HostWindow).received);
const send = (page: Page, message: unknown) => page.evaluate((m) => (window as unknown as HostWindow).send(m), message);
const storeTime = (frame: Frame) =>
  frame.evaluate(() => (window as unknown as EmbedWindow).__appStore?.getState().t ?? Number.NaN);
const lastOf = async (page: Page, type: string) => (await received(page)).filter((m) => m.type === type).at(-1);

/** The embed's frame, once attached and its map has settled (what harness's waitForIdle does for a page). */
async function embedFrame(page: Page): Promise<Frame> {
  const isEmbed = (f: Frame) => f.url().startsWith(`${APP}/`) && f.url().includes('mode=embed');
  const deadline = Date.now() + 30_000;
  while (!page.frames().some(isEmbed) && Date.now() < deadline) await page.waitForTimeout(100);
  const frame = page.frames().find(isEmbed);
  if (!frame) {
    const iframes = await page.evaluate(() => [...document.querySelectorAll('iframe')].map((f) => f.outerHTML));
    throw new Error(
      `no embed frame after 30 s; frames: ${page
        .frames()
        .map((f) => f.url())
        .join(' ')}; iframes: ${iframes.join(' ')}`,
    );
  }
  await expect
    .poll(() => frame.evaluate(() => Number(document.documentElement.dataset.mapIdle ?? 0)), { timeout: 30_000 })
    .toBeGreaterThan(0);
  return frame;
}

/** The harness's watch, plus Chromium's warning for a postMessage whose target origin is not the recipient's. */
interface HostWatch extends Watch {
  postMessageWarnings: string[];
}

/** Everything the harness checks, with the host's and the third origin's own pages allowed. */
function expectCleanAcrossOrigins(w: HostWatch): void {
  const local = new Set([APP, HOST, THIRD]);
  const { postMessageWarnings, ...rest } = w;
  expectClean({ ...rest, foreignRequests: rest.foreignRequests.filter((u) => !local.has(new URL(u).origin)) });
  expect(postMessageWarnings, 'messages posted to a window on another origin').toEqual([]);
}

async function openHost(page: Page, url: string): Promise<{ w: HostWatch; frame: Frame }> {
  const w: HostWatch = { ...(await watch(page, APP)), postMessageWarnings: [] };
  page.on('console', (m) => {
    if (m.text().includes('postMessage')) w.postMessageWarnings.push(m.text());
  });
  await page.goto(url);
  const frame = await embedFrame(page);
  return { w, frame };
}

test('a host page on another origin drives the embed: ready, setTime, step, play, pause, getState', async ({
  page,
}) => {
  const { w, frame } = await openHost(page, hostPage(HOST, embedUrl(HOST)));
  const readout = page.frameLocator('iframe').first().getByTestId('time-readout');

  // The embed runs inside the snippet's exact sandbox.
  const sandbox = await page.locator('iframe').first().getAttribute('sandbox');
  expect(sandbox).toBe('allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox');

  await expect.poll(async () => (await received(page)).map((m) => m.type)).toContain('ready');
  const ready = await lastOf(page, 'ready');
  expect(ready).toMatchObject({ nkmap: 1, time: '2023-09-19T06:00', t: START, playing: false });
  await expect(readout).toContainText('19 September 2023');

  // setTime with ISO text: the embed's store, its readout and the host's time message agree.
  await send(page, { nkmap: 1, command: 'setTime', time: '2023-09-19T13:00+04:00' });
  await expect.poll(() => storeTime(frame)).toBe(OFFENSIVE);
  await expect.poll(async () => (await lastOf(page, 'time'))?.t).toBe(OFFENSIVE);
  const atOffensive = await lastOf(page, 'time');
  expect(atOffensive).toMatchObject({ nkmap: 1, time: '2023-09-19T13:00', playing: false });
  // The offensive began that morning, known to the day: the readout says no more than that.
  expect(atOffensive?.event).toEqual({ id: 'offensive', title: expect.any(String) });
  await expect(readout).toHaveText('19 September 2023');

  // setTime with epoch milliseconds.
  await send(page, { nkmap: 1, command: 'setTime', time: OFFENSIVE + 3_600_000 });
  await expect.poll(async () => (await lastOf(page, 'time'))?.t).toBe(OFFENSIVE + 3_600_000);
  await expect(readout).toContainText('14:00');

  // step 1 / -1: the next and the previous event start, as the slider's buttons go.
  const eventTimes = await frame.evaluate(
    () => (window as unknown as EmbedWindow).__appStore?.getState().engine?.eventTimes ?? [],
  );
  const here = OFFENSIVE + 3_600_000;
  const next = eventTimes.find((x) => x > here + 500);
  const previous = eventTimes.filter((x) => x < (next ?? 0) - 500).at(-1);
  expect(next).toBeDefined();
  await send(page, { nkmap: 1, command: 'step', direction: 1 });
  await expect.poll(() => storeTime(frame)).toBe(next);
  await expect.poll(async () => (await lastOf(page, 'time'))?.t).toBe(next);
  expect((await lastOf(page, 'time'))?.event).not.toBeNull();
  await expect(readout).toHaveText('20 September 2023');
  await send(page, { nkmap: 1, command: 'step', direction: -1 });
  await expect.poll(() => storeTime(frame)).toBe(previous);
  await expect.poll(async () => (await lastOf(page, 'time'))?.t).toBe(previous);
  await expect(readout).toContainText('19 September 2023, 13:45');

  // play: time moves and is reported at most about four times a second; pause: the final value.
  const before = (await received(page)).length;
  const playStart = Date.now();
  await send(page, { nkmap: 1, command: 'play' });
  await expect.poll(async () => (await lastOf(page, 'time'))?.playing).toBe(true);
  await page.waitForTimeout(2000);
  await send(page, { nkmap: 1, command: 'pause' });
  await expect.poll(async () => (await lastOf(page, 'time'))?.playing).toBe(false);
  const playMs = Date.now() - playStart;
  await page.waitForTimeout(500);
  const during = (await received(page)).slice(before);
  const playingReports = during.filter((m) => m.type === 'time' && m.playing);
  expect(playingReports.length).toBeGreaterThanOrEqual(3);
  expect(playingReports.length).toBeLessThanOrEqual(Math.ceil(playMs / TIME_REPORT_INTERVAL_MS) + 2);
  const ts = playingReports.map((m) => m.t);
  expect(ts.every((t, i) => i === 0 || t >= (ts[i - 1] ?? 0))).toBe(true);
  expect(ts.at(-1)).toBeGreaterThan(previous ?? 0);
  const paused = await storeTime(frame);
  expect((await lastOf(page, 'time'))?.t).toBe(paused);

  // getState answers with the state as it is.
  await send(page, { nkmap: 1, command: 'getState' });
  await expect.poll(async () => (await lastOf(page, 'state'))?.t).toBe(paused);
  expect(await lastOf(page, 'state')).toMatchObject({ nkmap: 1, type: 'state', playing: false });

  // Everything came from the embed's own window at the app's origin.
  expect(await page.evaluate(() => (window as unknown as HostWindow).foreign)).toEqual([]);
  expectCleanAcrossOrigins(w);
});

test('hostile messages and floods from the host change nothing; a valid flood costs one update per frame', async ({
  page,
}) => {
  const { w, frame } = await openHost(page, hostPage(HOST, embedUrl(HOST)));
  const readout = page.frameLocator('iframe').first().getByTestId('time-readout');
  await expect.poll(async () => (await received(page)).map((m) => m.type)).toContain('ready');
  const text = await readout.textContent();
  await page.evaluate(() => {
    (window as unknown as HostWindow).received.length = 0;
  });

  // 100 hostile messages, built in the host page (structured clone carries Maps, Dates, typed arrays).
  const sent = await page.evaluate(() => {
    const host = window as unknown as HostWindow;
    const mb = 'x'.repeat(1 << 20);
    const deep: Record<string, unknown> = {};
    let cur = deep;
    for (let i = 0; i < 1000; i++) {
      const next = {};
      cur.a = next;
      cur = next;
    }
    const hostile: unknown[] = [
      null,
      undefined,
      0,
      Number.NaN,
      Number.POSITIVE_INFINITY,
      'play',
      '{"nkmap":1,"command":"play"}',
      true,
      [],
      ['setTime', 0],
      {},
      { nkmap: 1 },
      { command: 'play' },
      { nkmap: 2, command: 'play' },
      { nkmap: '1', command: 'play' },
      { nkmap: 1, command: 'PLAY' },
      { nkmap: 1, command: 'launch' },
      { nkmap: 1, command: 'navigate', url: 'https://evil.example' },
      { nkmap: 1, command: 'play', extra: 1 },
      { nkmap: 1, command: 'setTime' },
      { nkmap: 1, command: 'setTime', time: mb },
      { nkmap: 1, command: 'setTime', time: '2023-02-30' },
      { nkmap: 1, command: 'setTime', time: '2021-01-01' },
      { nkmap: 1, command: 'setTime', time: Number.NaN },
      { nkmap: 1, command: 'setTime', time: Number.POSITIVE_INFINITY },
      { nkmap: 1, command: 'setTime', time: -1 },
      { nkmap: 1, command: 'setTime', time: new Date(1695114000000) },
      { nkmap: 1, command: 'setTime', time: [1695114000000] },
      { nkmap: 1, command: 'step', direction: 2 },
      { nkmap: 1, command: 'step', direction: '1' },
      { nkmap: 1, command: 'step' },
      { nkmap: 1, command: 'play', payload: mb },
      { nkmap: 1, command: 'play', deep },
      JSON.parse('{"nkmap":1,"command":"play","__proto__":{"polluted":true}}'),
      JSON.parse('{"__proto__":{"nkmap":1,"command":"play"}}'),
      { nkmap: 1, command: 'play', constructor: { prototype: { polluted: true } } },
      new Map<string, unknown>([
        ['nkmap', 1],
        ['command', 'play'],
      ]),
      new Set(['play']),
      new Date(),
      new Uint8Array(1 << 20),
      new Float64Array([1, 2, 3]),
      new ArrayBuffer(64),
      /play/,
      new Error('play'),
      new Blob(['play']),
    ];
    for (let i = 0; hostile.length < 100; i++)
      hostile.push(
        i % 3 === 0
          ? { nkmap: 1, command: `cmd${i}` }
          : i % 3 === 1
            ? { nkmap: 1, command: 'setTime', time: `2023-13-${i}` }
            : { nkmap: 1, command: 'step', direction: i },
      );
    for (const h of hostile) host.send(h);
    return hostile.length;
  });
  expect(sent).toBe(100);

  // A flood: 1,000 bad messages within one second.
  await page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        const host = window as unknown as HostWindow;
        let n = 0;
        const timer = setInterval(() => {
          for (let i = 0; i < 10; i++) host.send({ nkmap: 1, command: 'setTime', time: `junk-${n++}` });
          if (n >= 1000) {
            clearInterval(timer);
            resolve();
          }
        }, 10);
      }),
  );
  await page.waitForTimeout(500);
  expect(await storeTime(frame)).toBe(START);
  await expect(readout).toHaveText(text ?? '');
  expect(await received(page)).toEqual([]);
  expect(await frame.evaluate(() => (Object.prototype as Record<string, unknown>).polluted)).toBeUndefined();

  // A flood of 1,000 valid setTime messages in one second: the map sees at most one update per frame,
  // the host about four reports a second, and the last time wins.
  await frame.evaluate(() => {
    const win = window as unknown as EmbedWindow & {
      __appStore: { subscribe(f: (s: { t: number }, p: { t: number }) => void): void };
    };
    win.__updates = 0;
    win.__frames = 0;
    win.__since = performance.now();
    win.__appStore.subscribe((s, p) => {
      if (s.t !== p.t) win.__updates = (win.__updates ?? 0) + 1;
    });
    const count = () => {
      win.__frames = (win.__frames ?? 0) + 1;
      requestAnimationFrame(count);
    };
    requestAnimationFrame(count);
  });
  await page.evaluate(
    (offensive) =>
      new Promise<void>((resolve) => {
        const host = window as unknown as HostWindow;
        let n = 0;
        const timer = setInterval(() => {
          for (let i = 0; i < 10; i++) host.send({ nkmap: 1, command: 'setTime', time: offensive + ++n * 60_000 });
          if (n >= 1000) {
            clearInterval(timer);
            resolve();
          }
        }, 10);
      }),
    OFFENSIVE,
  );
  const last = OFFENSIVE + 1000 * 60_000;
  await expect.poll(() => storeTime(frame)).toBe(last);
  await expect.poll(async () => (await lastOf(page, 'time'))?.t).toBe(last);
  const { updates, frames, elapsed } = await frame.evaluate(() => {
    const win = window as unknown as EmbedWindow;
    return { updates: win.__updates ?? 0, frames: win.__frames ?? 0, elapsed: performance.now() - (win.__since ?? 0) };
  });
  // One flush per animation frame, or per fallback tick when frames are throttled (a loaded machine).
  expect(updates).toBeGreaterThan(0);
  expect(updates).toBeLessThanOrEqual(frames + Math.ceil(elapsed / FALLBACK_FLUSH_MS) + 2);
  expect(updates).toBeLessThan(300);
  const reports = (await received(page)).filter((m) => m.type === 'time');
  expect(reports.length).toBeLessThanOrEqual(Math.ceil(elapsed / TIME_REPORT_INTERVAL_MS) + 2);

  expectCleanAcrossOrigins(w);
});

test('messages from a third origin, or from a sibling frame on the host origin, are ignored', async ({ page }) => {
  const { w, frame } = await openHost(page, hostPage(HOST, embedUrl(HOST), [`${THIRD}/rogue`, `${HOST}/rogue`]));
  await expect.poll(async () => (await received(page)).map((m) => m.type)).toContain('ready');
  const rogueFrames = page.frames().filter((f) => f.url().endsWith('/rogue'));
  expect(rogueFrames.map((f) => new URL(f.url()).origin).sort()).toEqual([HOST, THIRD].sort());
  await page.evaluate(() => {
    (window as unknown as HostWindow).received.length = 0;
  });

  const commands = [
    { nkmap: 1, command: 'setTime', time: TIMELINE_START },
    { nkmap: 1, command: 'step', direction: 1 },
    { nkmap: 1, command: 'play' },
    { nkmap: 1, command: 'getState' },
  ];
  for (const rogue of rogueFrames) {
    await rogue.evaluate(
      ({ commands, app }) => {
        // The embed is the host's first frame; the rogue posts to it as a sibling would.
        const embed = parent.frames[0] as Window;
        for (const c of commands) {
          embed.postMessage(c, app);
          embed.postMessage(c, '*');
        }
      },
      { commands, app: APP },
    );
  }
  await page.waitForTimeout(1000);
  expect(await storeTime(frame)).toBe(START);
  expect(await frame.evaluate(() => (window as unknown as EmbedWindow).__appStore?.getState().playing)).toBe(false);
  expect(await received(page)).toEqual([]);

  // The same page's own host is still obeyed.
  await send(page, { nkmap: 1, command: 'setTime', time: TIMELINE_START });
  await expect.poll(() => storeTime(frame)).toBe(TIMELINE_START);
  expectCleanAcrossOrigins(w);
});

test('a parent on another origin than api is neither obeyed nor told anything', async ({ page }) => {
  // The third origin frames an embed whose api names the newsroom.
  const { w, frame } = await openHost(page, hostPage(THIRD, embedUrl(HOST)));
  await send(page, { nkmap: 1, command: 'setTime', time: TIMELINE_START });
  await send(page, { nkmap: 1, command: 'play' });
  await send(page, { nkmap: 1, command: 'getState' });
  await page.waitForTimeout(1000);
  expect(await storeTime(frame)).toBe(START);
  expect(await received(page)).toEqual([]);
  // No message was posted towards a parent that could not receive it (that would log an error).
  expectCleanAcrossOrigins(w);
});

test('an embed without api ignores every message and posts none', async ({ page }) => {
  const { w, frame } = await openHost(page, hostPage(HOST, embedUrl(null)));
  await send(page, { nkmap: 1, command: 'setTime', time: TIMELINE_START });
  await send(page, { nkmap: 1, command: 'step', direction: 1 });
  await send(page, { nkmap: 1, command: 'play' });
  await send(page, { nkmap: 1, command: 'getState' });
  await page.waitForTimeout(1000);
  expect(await storeTime(frame)).toBe(START);
  expect(await frame.evaluate(() => (window as unknown as EmbedWindow).__appStore?.getState().playing)).toBe(false);
  expect(await received(page)).toEqual([]);
  await expect(page.frameLocator('iframe').first().getByTestId('time-readout')).toContainText('19 September 2023');
  expectCleanAcrossOrigins(w);
});
