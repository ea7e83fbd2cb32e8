/**
 * Reliability in the browser (docs/reliability.md: #content-security-policy, #nothing-leaves-the-origin,
 * #lost-graphics-context, #reduced-motion, #data-never-runs-as-code), against the production build as
 * `vite preview` serves it, with its Content-Security-Policy header:
 *
 * - a full session (every chapter played, present mode stepped and a PNG saved, an embed opened, a
 *   file imported, the events exported), then the same session offline: no request to another host,
 *   no CSP violation (in the page or in a worker), no page error, and the app still works;
 * - ten WebGL context losses during playback: the map, the exodus dots and the state all come back;
 *   thirty mode switches leave exactly one WebGL context;
 * - reduced motion: no autoplay, no animated camera move, playback and steps cut;
 * - a file whose properties hold every hostile value creates no element and runs nothing;
 * - the served policy is exactly the strict one (no frame-ancestors: a page opened from disk frames the
 *   embed), and the watchers do see a violation when there is one (after the hostile file, on the
 *   same page, since it sets violations off on purpose); Trusted Types enforced, recorded.
 *
 * Each test prints its figures (`reliability:` lines) and attaches them to the report.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { expect, type Page, type TestInfo, test } from '@playwright/test';
import { TIMELINE_END } from '../src/time/span';
import { realEngine } from '../src/timeline/engine-fixture';
import { sceneAt } from '../src/timeline/scene';
import { exactTimeAt, positionOf } from '../src/timeline/track';
import { CONTENT_SECURITY_POLICY } from '../vite.config';
import {
  allCspViolations,
  expectContextClean,
  FAST_POLL,
  newWatchedPage,
  settleAfter,
  sharedPage,
  waitForIdle,
  watchContext,
} from './harness';

/** The policy the app promises (docs/reliability.md#content-security-policy), written out so that loosening vite.config.ts fails here. */
const STRICT_POLICY =
  "default-src 'self'; script-src 'self'; worker-src 'self'; connect-src 'self'; img-src 'self' data: blob:; style-src 'self'; font-src 'self'; object-src 'none'; base-uri 'self'";

const FIXTURES = 'e2e/fixtures/import';
const HOSTILE_FILE = `${FIXTURES}/hostile-properties.geojson`;
const EMBED_URL =
  '/?mode=embed&t=2023-09-26T12:00&view=46.55,39.66,9&layers=places,routes,exodus,region,borders&names=en&controls=slider';

function report(info: TestInfo, name: string, figures: Record<string, unknown>): void {
  const text = JSON.stringify(figures);
  console.log(`reliability: ${name}: ${text}`);
  info.annotations.push({ type: `reliability: ${name}`, description: text });
}

// ---------------------------------------------------------------------------------------------
// Reading the app and its pixels.
// ---------------------------------------------------------------------------------------------

interface AppSnapshot {
  t: number;
  mode: string;
  view: { lon: number; lat: number; zoom: number };
  layers: string[];
  names: string;
  range: string;
  selection: string | null;
  dotScale: number;
  speed: number;
}

function appSnapshot(page: Page): Promise<AppSnapshot> {
  return page.evaluate(() => {
    const s = window.__appStore?.getState();
    if (!s) throw new Error('no store');
    return {
      t: s.t,
      mode: s.mode,
      view: s.view,
      layers: [...s.layers],
      names: s.names,
      range: s.range,
      selection: s.selection,
      dotScale: s.dotScale,
      speed: s.speed,
    };
  });
}

interface PixelStats {
  colours: number;
  /** Share of the most common colour. */
  flat: number;
}

/** Distinct colours in a PNG, decoded in the page from its bytes (a Blob: no request). */
function pngStats(page: Page, png: Buffer): Promise<PixelStats> {
  return page.evaluate(async (b64) => {
    const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
    const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('no 2d context');
    ctx.drawImage(bitmap, 0, 0);
    const data = ctx.getImageData(0, 0, bitmap.width, bitmap.height).data;
    const counts = new Map<number, number>();
    let n = 0;
    for (let i = 0; i < data.length; i += 8) {
      const key = ((data[i] ?? 0) << 16) | ((data[i + 1] ?? 0) << 8) | (data[i + 2] ?? 0);
      counts.set(key, (counts.get(key) ?? 0) + 1);
      n++;
    }
    return { colours: counts.size, flat: Math.max(...counts.values()) / n };
  }, png.toString('base64'));
}

/** Pixels that differ clearly between two PNGs of the same size. */
function pngDifference(page: Page, a: Buffer, b: Buffer): Promise<number> {
  return page.evaluate(
    async ([x, y]) => {
      const pixels = async (b64: string) => {
        const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
        const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
        const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
        const ctx = canvas.getContext('2d');
        if (!ctx) throw new Error('no 2d context');
        ctx.drawImage(bitmap, 0, 0);
        return ctx.getImageData(0, 0, bitmap.width, bitmap.height).data;
      };
      const [p, q] = [await pixels(x), await pixels(y)];
      let differ = 0;
      for (let i = 0; i < Math.min(p.length, q.length); i += 4) {
        const d =
          Math.abs((p[i] ?? 0) - (q[i] ?? 0)) +
          Math.abs((p[i + 1] ?? 0) - (q[i + 1] ?? 0)) +
          Math.abs((p[i + 2] ?? 0) - (q[i + 2] ?? 0));
        if (d > 40) differ++;
      }
      return differ;
    },
    [a.toString('base64'), b.toString('base64')] as [string, string],
  );
}

const mapShot = (page: Page) => page.getByTestId('map').screenshot();

/** Where the exodus dots run at the view EMBED_URL and the context-loss test use: the Lachin corridor. */
async function corridorShot(page: Page): Promise<Buffer> {
  const box = await page.getByTestId('map').boundingBox();
  if (!box) throw new Error('no map box');
  // Stepanakert → Goris, projected where the map puts them now.
  const ends = await page.evaluate(() => {
    const map = window.__map;
    if (!map) throw new Error('no map');
    return [map.project([46.76, 39.82]), map.project([46.34, 39.5])].map((p) => ({ x: p.x, y: p.y }));
  });
  const [a, b] = ends as [{ x: number; y: number }, { x: number; y: number }];
  const x = Math.max(0, Math.min(a.x, b.x) - 20);
  const y = Math.max(0, Math.min(a.y, b.y) - 20);
  return page.screenshot({
    clip: {
      x: box.x + x,
      y: box.y + y,
      width: Math.min(box.width - x, Math.abs(a.x - b.x) + 40),
      height: Math.min(box.height - y, Math.abs(a.y - b.y) + 40),
    },
  });
}

// ---------------------------------------------------------------------------------------------
// The session: every chapter played, present, embed, import, export.
// ---------------------------------------------------------------------------------------------

/** A moment just before each chapter's end, as a time and as the end to play across. */
function chapterEnds(): { id: string; from: number; end: number }[] {
  const engine = realEngine();
  return engine.chapters.map((c) => ({
    id: c.id,
    // Half a percent of the slider before the end: 0.2 s of playback at 4×.
    from: exactTimeAt(engine.track, positionOf(engine.track, c.end) - 0.005),
    end: c.end,
  }));
}

const storeTime = (page: Page) => page.evaluate(() => window.__appStore?.getState().t ?? Number.NaN);

async function playEveryChapter(page: Page): Promise<number> {
  let played = 0;
  for (const c of chapterEnds()) {
    await page.evaluate((from) => {
      const s = window.__appStore?.getState();
      if (!s) throw new Error('no store');
      s.pause();
      s.setSpeed(4);
      s.setTime(from);
      s.play();
    }, c.from);
    if (c.end >= TIMELINE_END) {
      // The last chapter ends the story: playback stops there by itself.
      await expect.poll(() => page.evaluate(() => window.__appStore?.getState().playing), FAST_POLL).toBe(false);
      expect(await storeTime(page)).toBe(TIMELINE_END);
    } else {
      await expect
        .poll(() => storeTime(page), { ...FAST_POLL, message: `play across the end of ${c.id}` })
        .toBeGreaterThanOrEqual(c.end);
      await page.evaluate(() => window.__appStore?.getState().pause());
    }
    played++;
  }
  await page.evaluate(() => window.__appStore?.getState().setSpeed(1));
  return played;
}

/** Moves the explore slider with its keys and checks that it moved. */
async function moveSlider(page: Page): Promise<void> {
  const slider = page.getByRole('slider', { name: 'Time' }).first();
  const before = Number(await slider.getAttribute('aria-valuenow'));
  await slider.focus();
  await page.keyboard.press('PageUp');
  await page.keyboard.press('ArrowRight');
  await expect.poll(async () => Number(await slider.getAttribute('aria-valuenow')), FAST_POLL).not.toBe(before);
}

async function presentSession(page: Page, png: boolean): Promise<void> {
  await page.getByRole('navigation', { name: 'Mode' }).getByRole('button', { name: 'Present' }).click();
  await expect(page.locator('.app')).toHaveAttribute('data-mode', 'present');
  // Present mode's keys are handled once its chunk has loaded and its overlay is on screen.
  await expect(page.getByRole('progressbar', { name: 'Story progress' })).toBeVisible();
  await page.evaluate(() => window.__appStore?.getState().setTime(Date.parse('2023-09-19T12:00:00+04:00')));
  for (let i = 0; i < 2; i++) {
    const before = await storeTime(page);
    await page.locator('body').press('ArrowRight');
    await expect.poll(() => storeTime(page), FAST_POLL).toBeGreaterThan(before);
    await expect.poll(() => page.evaluate(() => window.__appStore?.getState().animating), FAST_POLL).toBe(false);
  }
  if (png) {
    // Present mode's PNG export of the frame on screen (once: it takes a few seconds here).
    await page.getByRole('button', { name: 'Export…' }).click();
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Save PNG' }).click();
    const bytes = readFileSync((await (await download).path()) ?? '');
    expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
    await expect(page.getByTestId('export-status')).toContainText('Saved');
    // The first Escape closes the export panel.
    await page.locator('body').press('Escape');
  }
  await page.locator('body').press('Escape');
  await expect(page.locator('.app')).toHaveAttribute('data-mode', 'explore');
}

interface ImportOutcome {
  /** The file became a listed layer. */
  imported: boolean;
  /** The imported layer's CSV export, which runs in the import worker, was downloaded. */
  layerExported: boolean;
}

/**
 * Imports a file and exports: the last imported layer as CSV and the events table as CSV and JSON.
 * The import and the layer export run in the import worker, which the page keeps between requests,
 * so both work offline too.
 */
async function importAndExport(page: Page, file: string): Promise<ImportOutcome> {
  const panel = page.getByRole('region', { name: 'Your data' });
  const listed = panel.getByRole('list', { name: 'Imported layers' }).getByRole('listitem');
  const errors = panel.getByTestId('import-errors').locator('li');
  const count = await listed.count();
  await panel.getByLabel('Choose files to import').setInputFiles(file);
  await expect(panel.getByTestId('import-progress')).toHaveCount(0, { timeout: 30_000 });
  await expect.poll(async () => (await listed.count()) > count || (await errors.count()) > 0, FAST_POLL).toBe(true);
  const imported = (await listed.count()) > count;
  if (!imported) await expect(errors.first()).toContainText('could not be read');

  const layerCsv = page.waitForEvent('download', { timeout: 20_000 }).then(
    async (d) => readFileSync((await d.path()) ?? '', 'utf8').length > 100,
    () => false,
  );
  await listed
    .last()
    .getByRole('button', { name: /as CSV$/ })
    .click();
  const layerExported = await Promise.race([
    layerCsv,
    errors
      .filter({ hasText: 'could not be exported' })
      .first()
      .waitFor({ timeout: 20_000 })
      .then(() => false),
  ]);
  if (await panel.getByTestId('import-errors').isVisible())
    await panel.getByTestId('import-errors').getByRole('button', { name: 'Dismiss' }).click();

  // The events table's CSV and JSON, made in the page.
  await page.getByRole('button', { name: 'All events as a table…' }).click();
  const table = page.getByTestId('events-table');
  for (const [button, name] of [
    ['Export CSV', 'karabakh-2023-events.csv'],
    ['Export JSON', 'karabakh-2023-events.json'],
  ] as const) {
    const download = page.waitForEvent('download');
    await table.getByRole('button', { name: button }).click();
    expect((await download).suggestedFilename()).toBe(name);
    expect(readFileSync((await (await download).path()) ?? '', 'utf8').length).toBeGreaterThan(1000);
  }
  await table.getByRole('button', { name: 'Close the table' }).click();
  return { imported, layerExported };
}

/** The same page switched to embed mode and back: the embed's own code and still picture, in place. */
async function embedInPlace(page: Page): Promise<void> {
  await settleAfter(page, () => page.evaluate(() => window.__appStore?.getState().setMode('embed')), FAST_POLL);
  await expect(page.locator('.app')).toHaveAttribute('data-mode', 'embed');
  await expect(page.getByRole('link', { name: 'Open the full map' })).toBeVisible();
  await page.evaluate(() => window.__appStore?.getState().setMode('explore'));
  await expect(page.getByRole('region', { name: 'Your data' })).toBeVisible();
}

/** An embed page already open paints a new moment: its map settles and is not blank. */
async function embedPaints(embed: Page, t: string): Promise<PixelStats> {
  await settleAfter(
    embed,
    () => embed.evaluate((at) => window.__appStore?.getState().setTime(Date.parse(at)), t),
    FAST_POLL,
  );
  const stats = await pngStats(embed, await mapShot(embed));
  expect(stats.colours, 'colours the embed draws').toBeGreaterThan(40);
  return stats;
}

async function session(
  page: Page,
  embed: Page,
  o: { file: string; embedTime: string; png: boolean },
): Promise<{ chapters: number } & ImportOutcome> {
  const chapters = await playEveryChapter(page);
  await moveSlider(page);
  await presentSession(page, o.png);
  const outcome = await importAndExport(page, o.file);
  await embedInPlace(page);
  await embedPaints(embed, o.embedTime);
  await waitForIdle(page, 0, FAST_POLL);
  return { chapters, ...outcome };
}

test('a full session, then the same offline: no request leaves the origin, no CSP violation, no error', async ({
  browser,
  baseURL,
}, info) => {
  test.setTimeout(150_000);
  const context = await browser.newContext({ viewport: { width: 1000, height: 640 }, acceptDownloads: true });
  const w = await watchContext(context, baseURL ?? '');
  const page = await newWatchedPage(context, w);
  await page.goto('/?t=2022-12-12');
  await waitForIdle(page, 0, FAST_POLL);
  // An embed link, opened as a reader would: its still picture first, then the live map.
  const embed = await newWatchedPage(context, w);
  await embed.goto(EMBED_URL);
  await waitForIdle(embed, 0, FAST_POLL);
  expect(await embed.evaluate(() => performance.getEntriesByName('embed-still').length)).toBe(1);

  const online = await session(page, embed, {
    file: `${FIXTURES}/acled-stepanakert.csv`,
    embedTime: '2023-09-27T18:00:00+04:00',
    png: true,
  });
  const onlineFigures = {
    requests: w.requests,
    foreign: w.foreignRequests.length,
    csp: allCspViolations(w).length,
    pageErrors: w.pageErrors.length,
    consoleErrors: w.consoleErrors.length,
    workers: w.workers,
    chapters: online.chapters,
  };
  expect(online).toEqual({ chapters: 5, imported: true, layerExported: true });
  expectContextClean(w);
  expect(w.failedRequests, 'failed requests').toEqual([]);

  // Offline after the first load: everything the session needs is already in the page.
  await context.setOffline(true);
  const requestsBefore = w.requests;
  const offline = await session(page, embed, {
    file: `${FIXTURES}/test-areas.geojson`,
    embedTime: '2023-09-29T06:00:00+04:00',
    png: false,
  });
  const offlineFigures = {
    requests: w.requests - requestsBefore,
    failedOwn: w.failedRequests.length,
    foreign: w.foreignRequests.length,
    csp: allCspViolations(w).length,
    pageErrors: w.pageErrors.length,
    consoleErrors: w.consoleErrors.length,
    chapters: offline.chapters,
    imported: offline.imported,
    layerExported: offline.layerExported,
  };
  expect(offline.chapters).toBe(5);
  // The import worker started online is kept: importing and exporting work offline too.
  expect(offline.imported, 'imported offline').toBe(true);
  expect(offline.layerExported, 'layer exported offline').toBe(true);
  report(info, 'session', { online: onlineFigures, offline: offlineFigures, failedOwn: w.failedRequests });
  expect(w.foreignRequests, 'requests to other hosts, offline').toEqual([]);
  expect(allCspViolations(w), 'CSP violations, offline').toEqual([]);
  expect(w.pageErrors, 'page errors, offline').toEqual([]);
  // Offline, what the page had not loaded yet cannot load: a font face first needed offline (page
  // fonts load by Unicode range and style, on first use; text falls back meanwhile). Nothing else
  // may be missing: the import worker started online is still running.
  const lazy = /^http:\/\/[^/]+\/assets\/[\w-]+\.woff2 /;
  expect(
    w.failedRequests.filter((f) => !lazy.test(f)),
    'own requests that failed offline',
  ).toEqual([]);
  const disconnected = 'Failed to load resource: net::ERR_INTERNET_DISCONNECTED';
  expect(
    w.consoleErrors.filter((m) => m !== disconnected),
    'console errors, offline',
  ).toEqual([]);
  await context.close();
});

// ---------------------------------------------------------------------------------------------
// WebGL context loss and mode switches.
// ---------------------------------------------------------------------------------------------

declare global {
  interface Window {
    /** Canvases that were given a WebGL context, and point draws (the exodus dots), by the init script. */
    __gl?: { canvases: Set<HTMLCanvasElement>; pointDraws: number };
    /** The map's context events and frames, counted by the test. */
    __glEvents?: { lost: number; restored: number; renders: number };
    /** The map context's WEBGL_lose_context, taken while the context is alive (a lost one gives none). */
    __loseContext?: WEBGL_lose_context | null;
  }
}

/**
 * Counts every canvas that gets a WebGL context, for the whole life of the page, and the draws of
 * points: only the exodus dots layer draws `gl.POINTS` (MapLibre draws triangles and lines).
 */
function instrumentWebgl(): void {
  const gl = { canvases: new Set<HTMLCanvasElement>(), pointDraws: 0 };
  window.__gl = gl;
  const getContext = HTMLCanvasElement.prototype.getContext;
  HTMLCanvasElement.prototype.getContext = function (this: HTMLCanvasElement, ...args: unknown[]) {
    const context = (getContext as (...a: unknown[]) => RenderingContext | null).apply(this, args);
    if (context && /^(webgl|webgl2|experimental-webgl)$/.test(String(args[0]))) gl.canvases.add(this);
    return context;
  } as typeof getContext;
  const drawArrays = WebGL2RenderingContext.prototype.drawArrays;
  WebGL2RenderingContext.prototype.drawArrays = function (mode, first, count) {
    if (mode === WebGL2RenderingContext.POINTS && count > 0) gl.pointDraws++;
    return drawArrays.call(this, mode, first, count);
  };
}

function webglCanvases(page: Page): Promise<{ connected: number; ever: number; canvases: number }> {
  return page.evaluate(() => {
    const all = [...(window.__gl?.canvases ?? [])];
    return {
      connected: all.filter((c) => c.isConnected).length,
      ever: all.length,
      canvases: document.querySelectorAll('canvas').length,
    };
  });
}

/** The places' states on the map (feature state, which MapLibre's rebuilt style does not keep). */
/** The places the map marks, as its effects source holds them: id → "state:status". */
function placeStates(page: Page): Promise<Record<string, unknown>> {
  return page.evaluate(async () => {
    const map = window.__map;
    if (!map) throw new Error('no map');
    const source = map.getSource('effects') as unknown as { getData(): Promise<GeoJSON.FeatureCollection> } | undefined;
    const data = await source?.getData();
    return Object.fromEntries(
      (data?.features ?? []).map((f) => [String(f.properties?.id), `${f.properties?.state}:${f.properties?.status}`]),
    );
  });
}

/** The places' marks the scene at t gives, as the map's effects source should hold them. */
function expectedPlaceStates(t: number): Record<string, unknown> {
  const marks = sceneAt(realEngine(), t).placeMarks;
  return Object.fromEntries(Object.entries(marks).map(([id, m]) => [id, `${m.state}:${m.status}`]));
}

/** What context loss must leave as it was: everything but the time playback moves on. */
const kept = (s: AppSnapshot) => ({ ...s, t: undefined });

test('the map survives ten WebGL context losses during playback, and thirty mode switches leave one context', async ({
  browser,
  baseURL,
}, info) => {
  test.setTimeout(120_000);
  // A smaller window: SwiftShader draws every pixel on the CPU, ten times over.
  const context = await browser.newContext({ viewport: { width: 900, height: 560 } });
  await context.addInitScript(instrumentWebgl);
  const w = await watchContext(context, baseURL ?? '');
  const page = await newWatchedPage(context, w);
  // In the exodus, looking down the Lachin corridor, where the dots are, the evening of the fuel
  // depot explosion (a place state, kept in feature state, which a rebuilt style drops).
  await page.goto('/?t=2023-09-25T20:00&view=46.55,39.66,9');
  await waitForIdle(page, 0, FAST_POLL);
  await page.evaluate(() => {
    const map = window.__map;
    if (!map) throw new Error('no map');
    const events = { lost: 0, restored: 0, renders: 0 };
    window.__glEvents = events;
    map.on('webglcontextlost', () => events.lost++);
    map.on('webglcontextrestored', () => events.restored++);
    map.on('render', () => events.renders++);
    window.__loseContext = map.getCanvas().getContext('webgl2')?.getExtension('WEBGL_lose_context');
  });
  const exodus = realEngine().chapters.find((c) => c.id === 'exodus');
  if (!exodus) throw new Error('no exodus chapter');
  const pointDraws = () => page.evaluate(() => window.__gl?.pointDraws ?? 0);

  /** Pixels the dots layer adds along the corridor: hidden and shown on the map, not in the store. */
  const dotPixels = async (withDots: Buffer) => {
    await settleAfter(
      page,
      () => page.evaluate(() => window.__map?.setLayoutProperty('exodus-dots', 'visibility', 'none')),
      FAST_POLL,
    );
    const withoutDots = await corridorShot(page);
    await page.evaluate(() => window.__map?.setLayoutProperty('exodus-dots', 'visibility', 'visible'));
    return pngDifference(page, withDots, withoutDots);
  };
  // Half speed: ten stretches of playback stay inside the exodus.
  await page.evaluate(() => window.__appStore?.getState().setSpeed(0.5));
  const before = await appSnapshot(page);
  expect(await placeStates(page)).toEqual(expectedPlaceStates(before.t));
  const baselineShot = await corridorShot(page);
  const baseline = { ...(await pngStats(page, baselineShot)), dots: await dotPixels(baselineShot) };
  expect(baseline.colours, 'colours before any loss').toBeGreaterThan(100);
  expect(baseline.dots, 'pixels the dots draw before any loss').toBeGreaterThan(200);

  const cycles: { colours: number; dots?: number; placeStates?: number }[] = [];
  const started = Date.now();
  for (let cycle = 1; cycle <= 10; cycle++) {
    await page.evaluate(() => window.__appStore?.getState().play());
    const t0 = await storeTime(page);
    await page.evaluate(() => window.__loseContext?.loseContext());
    await expect.poll(() => page.evaluate(() => window.__glEvents?.lost), FAST_POLL).toBe(cycle);
    // Playback goes on while the context is lost: time moves, nothing throws.
    await expect.poll(() => storeTime(page), FAST_POLL).toBeGreaterThan(t0);
    const renders = await page.evaluate(() => window.__glEvents?.renders ?? 0);
    const points = await pointDraws();
    await page.evaluate(() => window.__loseContext?.restoreContext());
    await expect
      .poll(async () => [await page.evaluate(() => window.__glEvents?.restored), w.pageErrors], FAST_POLL)
      .toEqual([cycle, []]);
    // Drawing again, still playing, with the style rebuilt and the dots layer added back and drawing.
    await expect
      .poll(
        () =>
          page.evaluate(
            ([r, p]) => ({
              drawing: (window.__glEvents?.renders ?? 0) > r + 2,
              dotsLayer: Boolean(window.__map?.getLayer('exodus-dots')),
              dotsDrawn: (window.__gl?.pointDraws ?? 0) > p,
            }),
            [renders, points] as [number, number],
          ),
        FAST_POLL,
      )
      .toEqual({ drawing: true, dotsLayer: true, dotsDrawn: true });
    expect(await page.evaluate(() => window.__appStore?.getState().playing)).toBe(true);
    await settleAfter(page, () => page.evaluate(() => window.__appStore?.getState().pause()), FAST_POLL);
    const now = await appSnapshot(page);
    expect(kept(now), `state after restore ${cycle}`).toEqual(kept(before));
    expect(now.t).toBeGreaterThan(before.t);
    expect(now.t).toBeLessThan(exodus.end);
    const shot = await corridorShot(page);
    const stats = await pngStats(page, shot);
    expect(stats.colours, `colours after restore ${cycle}`).toBeGreaterThan(baseline.colours / 2);
    expect(stats.flat, `one flat colour after restore ${cycle}`).toBeLessThan(0.9);
    // The first, a middle and the last restore also measure the places' states and the dots' own
    // pixels (hiding the dots costs another redraw).
    if (![1, 5, 10].includes(cycle)) {
      cycles.push({ colours: stats.colours });
      continue;
    }
    const states = expectedPlaceStates(now.t);
    expect(await placeStates(page), `place states after restore ${cycle}`).toEqual(states);
    const dots = await dotPixels(shot);
    expect(dots, `pixels the dots draw after restore ${cycle}`).toBeGreaterThan(baseline.dots / 4);
    const placeStateCount = Object.keys(states).length;
    cycles.push({ colours: stats.colours, dots, placeStates: placeStateCount });
  }
  expect(cycles[0]?.placeStates, 'a place state to restore after the first loss').toBeGreaterThan(0);

  const lossMs = Date.now() - started;
  // Thirty mode switches: the one map, and its one context, stay.
  const modes = ['present', 'embed', 'explore'] as const;
  const marker = { explore: '.sidebar', present: '.present-bar', embed: '.embed-open' } as const;
  for (let i = 0; i < 30; i++) {
    const mode = modes[i % 3] ?? 'explore';
    await page.evaluate((m) => window.__appStore?.getState().setMode(m), mode);
    await expect(page.locator('.app')).toHaveAttribute('data-mode', mode);
    await expect(page.locator(marker[mode]).first()).toBeVisible();
  }
  await waitForIdle(page, 0, FAST_POLL);
  const switchMs = Date.now() - started - lossMs;
  const afterSwitches = await webglCanvases(page);
  const colours = (await pngStats(page, await mapShot(page))).colours;
  report(info, 'webgl', {
    cyclesSurvived: cycles.length,
    lossMs,
    switchMs,
    baseline,
    cycles,
    afterSwitches,
    coloursAfterSwitches: colours,
    pageErrors: w.pageErrors.length,
    consoleErrors: w.consoleErrors.length,
  });
  expect(afterSwitches).toEqual({ connected: 1, ever: 1, canvases: 1 });
  expect(colours).toBeGreaterThan(100);
  expectContextClean(w);
  await context.close();
});

// ---------------------------------------------------------------------------------------------
// Reduced motion.
// ---------------------------------------------------------------------------------------------

interface CameraCall {
  method: string;
  duration: number | null;
  animate: boolean | null;
  essential: boolean | null;
}

interface MotionLog {
  calls: CameraCall[];
  /** `move` events in each camera movement: a cut has one. */
  movements: number[];
  /** Every time the store took, with whether a step was being animated. */
  times: { t: number; animating: boolean }[];
}

declare global {
  interface Window {
    __motion?: MotionLog;
  }
}

/**
 * Spies on the map's camera from the moment MapView publishes it (before its style loads): every
 * call of a camera method with its options, and how many frames each movement took.
 */
function spyOnCamera(): void {
  const log: MotionLog = { calls: [], movements: [], times: [] };
  window.__motion = log;
  const METHODS = ['flyTo', 'easeTo', 'fitBounds', 'panTo', 'zoomTo', 'zoomIn', 'zoomOut', 'rotateTo', 'jumpTo'];
  let held: unknown;
  Object.defineProperty(window, '__map', {
    configurable: true,
    get: () => held,
    set(map: Record<string, unknown> & { on(type: string, f: () => void): void }) {
      held = map;
      if (!map) return;
      let depth = 0;
      for (const method of METHODS) {
        const original = map[method] as (...args: unknown[]) => unknown;
        map[method] = function (this: unknown, ...args: unknown[]) {
          // Only the outermost call: MapLibre's own methods call each other.
          if (depth === 0) {
            const options = (method === 'fitBounds' ? args[1] : method.startsWith('zoom') ? args[1] : args[0]) as
              | { duration?: number; animate?: boolean; essential?: boolean }
              | undefined;
            log.calls.push({
              method,
              duration: options?.duration ?? null,
              animate: options?.animate ?? null,
              essential: options?.essential ?? null,
            });
          }
          depth++;
          try {
            return original.apply(this, args);
          } finally {
            depth--;
          }
        };
      }
      let moves = 0;
      map.on('movestart', () => {
        moves = 0;
      });
      map.on('move', () => {
        moves++;
      });
      map.on('moveend', () => log.movements.push(moves));
    },
  });
  const watchStore = () => {
    const store = window.__appStore;
    if (!store) return void setTimeout(watchStore, 20);
    store.subscribe((s, prev) => {
      if (s.t !== prev.t) log.times.push({ t: s.t, animating: s.animating });
    });
  };
  watchStore();
}

const motion = (page: Page) =>
  page.evaluate(() => {
    const log = window.__motion;
    if (!log) throw new Error('no motion log');
    return JSON.parse(JSON.stringify(log)) as MotionLog;
  });

/** Camera calls asking for an animation: a duration that is not 0 (undefined means MapLibre's default). */
const animated = (calls: CameraCall[]) =>
  calls.filter((c) => c.method !== 'jumpTo' && c.animate !== false && c.duration !== 0);

test('reduced motion: no autoplay, no animated camera move, playback and present steps cut from event to event', async ({
  browser,
  baseURL,
}, info) => {
  test.setTimeout(90_000);
  const context = await browser.newContext({ viewport: { width: 1000, height: 640 } });
  await context.addInitScript(spyOnCamera);
  const w = await watchContext(context, baseURL ?? '');
  const page = await newWatchedPage(context, w);
  await page.emulateMedia({ reducedMotion: 'reduce' });
  const engine = realEngine();
  const eventTimes = new Set(engine.data.events.map((e) => e.start));
  const playing = () => page.evaluate(() => window.__appStore?.getState().playing);

  // Explore: nothing plays by itself. (An absence takes a while to see: two seconds of watching.)
  await page.goto('/?t=2023-09-19T12:00&view=46.6,39.8,8');
  await waitForIdle(page, 0, FAST_POLL);
  expect(await page.evaluate(() => matchMedia('(prefers-reduced-motion: reduce)').matches)).toBe(true);
  await page.waitForTimeout(2_000);
  expect(await playing()).toBe(false);
  expect((await motion(page)).times).toEqual([]);

  // Choosing an event in the list moves time and camera: a cut.
  await settleAfter(page, () => page.locator('.event-item').first().click(), FAST_POLL);
  // Playing cuts from event to event (at 4×, one a second).
  await page.evaluate(() => window.__appStore?.getState().setSpeed(4));
  const before = (await motion(page)).times.length;
  await page.getByRole('button', { name: 'Play' }).first().click();
  await expect.poll(async () => (await motion(page)).times.length - before, FAST_POLL).toBeGreaterThanOrEqual(3);
  await page.getByRole('button', { name: 'Pause' }).first().click();
  const played = (await motion(page)).times.slice(before, before + 3);
  expect(
    played.filter((x) => !eventTimes.has(x.t)),
    'times playback set that are not events',
  ).toEqual([]);

  // Present: autoplay is off; → cuts to the next event, never animating.
  await page.getByRole('navigation', { name: 'Mode' }).getByRole('button', { name: 'Present' }).click();
  await expect(page.getByLabel('Autoplay (kiosk)')).not.toBeChecked();
  const presentStart = (await motion(page)).times.length;
  for (let i = 0; i < 4; i++) {
    const from = await storeTime(page);
    await page.locator('body').press('ArrowRight');
    await expect.poll(() => storeTime(page), FAST_POLL).toBeGreaterThan(from);
  }
  await waitForIdle(page, 0, FAST_POLL);
  const steps = (await motion(page)).times.slice(presentStart);
  expect(steps.length, 'one time per step: no frames in between').toBe(4);
  expect(steps.filter((x) => x.animating || !eventTimes.has(x.t))).toEqual([]);
  expect(await playing()).toBe(false);

  // An embed that loops a chapter waits at its start for the play button, which then cuts too.
  const exodus = engine.chapters.find((c) => c.id === 'exodus');
  const embed = await newWatchedPage(context, w);
  await embed.emulateMedia({ reducedMotion: 'reduce' });
  await embed.goto('/?mode=embed&chapter=exodus&view=46.55,39.66,9&layers=places,routes,exodus&controls=play');
  await waitForIdle(embed, 0, FAST_POLL);
  await embed.waitForTimeout(2_000);
  const embedAutoplay = await embed.evaluate(() => window.__appStore?.getState().playing);
  expect(embedAutoplay, 'embed autoplay').toBe(false);
  expect((await motion(embed)).times.map((x) => x.t)).toEqual([exodus?.start]);
  await embed.getByRole('button', { name: 'Play' }).click();
  await expect.poll(async () => (await motion(embed)).times.length, FAST_POLL).toBeGreaterThanOrEqual(2);
  await embed.getByRole('button', { name: 'Pause' }).click();
  const embedPlayed = (await motion(embed)).times.slice(1, 2);
  expect(embedPlayed.filter((x) => !eventTimes.has(x.t))).toEqual([]);

  const log = await motion(page);
  const embedLog = await motion(embed);
  const calls = [...log.calls, ...embedLog.calls];
  const movements = [...log.movements, ...embedLog.movements];
  report(info, 'reduced motion', {
    cameraCalls: calls.length,
    animatedCalls: animated(calls).length,
    essential: calls.filter((c) => c.essential === true).length,
    movements: movements.length,
    framesPerMovementMax: Math.max(0, ...movements),
    presentSteps: steps.length,
    embedAutoplay,
  });
  expect(calls.length, 'camera calls seen').toBeGreaterThan(2);
  expect(animated(calls), 'camera moves asking for a duration').toEqual([]);
  expect(
    calls.filter((c) => c.essential === true),
    'essential: true',
  ).toEqual([]);
  expect(
    movements.filter((m) => m > 1),
    'movements drawn over several frames',
  ).toEqual([]);
  expectContextClean(w);
  await context.close();
});

// ---------------------------------------------------------------------------------------------
// Hostile feature properties (docs/reliability.md#data-never-runs-as-code).
// ---------------------------------------------------------------------------------------------

/**
 * Stepanakert on 26 September, one page for the hostile-properties test and then the policy test,
 * in that order: the policy test provokes violations on purpose, the hostile-properties test must
 * see none.
 */
const stepanakert = sharedPage('/?t=2023-09-26&view=46.75,39.815,11', {
  viewport: { width: 1280, height: 800 },
  acceptDownloads: true,
});
test.afterAll(() => stepanakert.close());

/** Elements and attributes that would mean text from a file became markup, counted in the whole page. */
function markupCounts(page: Page) {
  return page.evaluate(() => ({
    img: document.querySelectorAll('img').length,
    svgOnload: document.querySelectorAll('svg[onload]').length,
    script: document.querySelectorAll('script').length,
    iframe: document.querySelectorAll('iframe').length,
    handlers: document.querySelectorAll('[onerror], [onload], [onclick]').length,
    // Anything a reader can follow or that loads a document (not the page's own `<link rel=icon href="data:,">`,
    // which keeps the browser from asking for a favicon).
    scriptHrefs: [
      ...document.querySelectorAll(
        'a[href], area[href], iframe[src], frame[src], embed[src], object[data], form[action]',
      ),
    ].filter((e) =>
      /^\s*(javascript|data|vbscript):/i.test(
        e.getAttribute('href') ?? e.getAttribute('src') ?? e.getAttribute('data') ?? e.getAttribute('action') ?? '',
      ),
    ).length,
  }));
}

test('hostile feature properties stay text: clicked, listed, refused and exported, they create no element and run nothing', async ({
  browser,
  baseURL,
}, info) => {
  const { page, watch: w } = await stepanakert.open(browser, baseURL ?? '');
  const baseline = await markupCounts(page);
  const raw = JSON.parse(readFileSync(HOSTILE_FILE, 'utf8')) as {
    features: { properties: Record<string, unknown> }[];
  };
  const props = raw.features[0]?.properties ?? {};
  const hostileName = '<img src=x onerror=window.__pwned=1>‮gnp';
  const panel = page.getByRole('region', { name: 'Your data' });
  const listed = panel.getByRole('list', { name: 'Imported layers' }).getByRole('listitem');

  // The file, under a hostile name of its own: listed as text, the right-to-left override spelt out.
  await panel.getByLabel('Choose files to import').setInputFiles({
    name: `${hostileName}.geojson`,
    mimeType: 'application/geo+json',
    buffer: readFileSync(HOSTILE_FILE),
  });
  await expect(panel.getByTestId('import-progress')).toHaveCount(0, { timeout: 30_000 });
  await expect(listed).toHaveCount(1);
  await expect(listed.first().locator('.import-layer-name')).toHaveText(hostileName.replace('\u202e', '\\u202e'));
  await expect(listed.first().locator('.import-layer-name *')).toHaveCount(0);

  // Click the point. The map is given only each feature's time, never its properties: the values
  // never reach MapLibre, and the click selects nothing from them.
  const box = await page.getByTestId('map').boundingBox();
  const at = await page.evaluate(() => {
    const p = window.__map?.project([46.7528, 39.8153]);
    return { x: p?.x ?? 0, y: p?.y ?? 0 };
  });
  const hit = () =>
    page.evaluate(
      ({ x, y }) =>
        window.__map
          ?.queryRenderedFeatures([x, y])
          .filter((f) => f.layer.id.startsWith('user-'))
          .map((f) => Object.keys(f.properties ?? {}).join(',')) ?? [],
      at,
    );
  // The point's circle and the area's fill.
  await expect.poll(hit, { ...FAST_POLL, message: 'the imported point and area under the click' }).toEqual(['t', 't']);
  await settleAfter(page, () => page.mouse.click((box?.x ?? 0) + at.x, (box?.y ?? 0) + at.y), FAST_POLL);
  // What a click there selects is the dataset's town under the imported point.
  const selection = await page.evaluate(() => window.__appStore?.getState().selection ?? null);
  expect(selection).toBe('place:stepanakert');

  // The same values where a file's problems are listed: a date field holding them is refused, each
  // value quoted as text, invisible characters spelt out.
  const badDates = {
    type: 'FeatureCollection',
    features: ['name', 'note', 'link', 'source', 'rtl'].map((key) => ({
      type: 'Feature',
      properties: { date: props[key] },
      geometry: { type: 'Point', coordinates: [46.7528, 39.8153] },
    })),
  };
  await panel.getByLabel('Choose files to import').setInputFiles({
    name: 'hostile-dates.geojson',
    mimeType: 'application/geo+json',
    buffer: Buffer.from(JSON.stringify(badDates)),
  });
  const errors = panel.getByTestId('import-errors').locator('li');
  await expect(errors).toHaveCount(5);
  const messages = await errors.allTextContents();
  for (const key of ['name', 'note', 'link', 'source']) {
    const value = String(props[key]);
    expect(
      messages.some((m) => m.includes(value.slice(0, 40))),
      `${key} quoted as text`,
    ).toBe(true);
  }
  expect(messages.some((m) => m.includes('\\u202egnp.exe'))).toBe(true);
  expect(messages.join('')).not.toContain('\u202e');
  await expect(panel.getByTestId('import-errors').locator('*:not(p, ul, li, button)')).toHaveCount(0);

  // Exported, the values come back exactly as text (the 100 kB one cut at the import's limit), with
  // the prototype keys dropped.
  const download = page.waitForEvent('download');
  await listed
    .first()
    .getByRole('button', { name: /as GeoJSON$/ })
    .click();
  const exported = JSON.parse(readFileSync((await (await download).path()) ?? '', 'utf8')) as {
    features: { properties: Record<string, unknown> }[];
  };
  const out = exported.features[0]?.properties ?? {};
  for (const key of ['name', 'note', 'script', 'link', 'source', 'iframe', 'rtl'])
    expect(out[key], key).toBe(props[key]);
  expect(String(out.big)).toBe(`${'A'.repeat(1999)}…`);
  expect(Object.keys(out)).not.toContain('__proto__');
  expect(Object.keys(out)).not.toContain('constructor');

  const after = await markupCounts(page);
  const pwned = await page.evaluate(() => ({
    pwned: (window as { __pwned?: unknown }).__pwned,
    polluted: ({} as Record<string, unknown>).polluted,
  }));
  report(info, 'hostile properties', {
    selection,
    markupBefore: baseline,
    markupAfter: after,
    ...pwned,
    dialogs: w.dialogs.length,
    pageErrors: w.pageErrors.length,
  });
  expect(after).toEqual(baseline);
  expect(after.scriptHrefs).toBe(0);
  expect(pwned).toEqual({ pwned: undefined, polluted: undefined });
  expect(w.dialogs).toEqual([]);
  expectContextClean(w);
});

// ---------------------------------------------------------------------------------------------
// The served policy and Trusted Types.
// ---------------------------------------------------------------------------------------------

test('the served policy is the strict one, a violation would be seen in the page or a worker, and any page can frame the embed', async ({
  browser,
  baseURL,
  request,
}, info) => {
  expect(CONTENT_SECURITY_POLICY).toBe(STRICT_POLICY);
  // Every response carries it: the page, the scripts, MapLibre's worker, the data.
  const dist = process.env.E2E_DIST ?? 'dist';
  const worker = readdirSync(`${dist}/assets`).find((f) => f.startsWith('maplibre-gl-worker-'));
  expect(worker, "MapLibre's worker file").toBeDefined();
  for (const path of ['/', '/?mode=embed', '/generated/dataset.json', `/assets/${worker}`]) {
    const headers = (await request.get(path)).headers();
    // Equal to the policy, so also no frame-ancestors: the embed stays embeddable by any site, and
    // no X-Frame-Options either (the decision is explained in vite.config.ts).
    expect(headers['content-security-policy'], path).toBe(STRICT_POLICY);
    expect(headers['x-frame-options'], path).toBeUndefined();
  }

  // The watchers are not blind: a foreign fetch from MapLibre's worker, a foreign fetch from the page
  // and a style attribute written as markup (which style-src 'self' refuses) are each seen, on the
  // page the hostile-properties test leaves (or a fresh one, when this test runs alone).
  const { page: tab, watch: w } = await stepanakert.open(browser, baseURL ?? '');
  expect(allCspViolations(w).length, 'violations while the map loads and draws').toBe(0);
  // MapLibre and React style elements through the CSSOM (element.style), which style-src does not
  // govern: many styled elements, no <style> element, no violation.
  const styling = await tab.evaluate(() => ({
    styleElements: document.querySelectorAll('style').length,
    styledElements: document.querySelectorAll('[style]').length,
  }));
  expect(styling.styleElements).toBe(0);
  expect(styling.styledElements).toBeGreaterThan(5);
  const mapWorker = tab.workers().find((x) => x.url().includes('maplibre-gl-worker'));
  expect(mapWorker, "MapLibre's worker").toBeDefined();
  await mapWorker?.evaluate(() => fetch('https://example.invalid/tile').catch(() => undefined));
  // Seen by the listener inside the worker, and in Chromium's log (which says it twice).
  await expect
    .poll(() => [w.cspWorker.length, w.cspLog.some((l) => l.startsWith('worker'))], FAST_POLL)
    .toEqual([1, true]);
  await tab.evaluate(() => fetch('https://example.invalid/data').catch(() => undefined));
  await expect.poll(() => w.cspViolations.length, FAST_POLL).toBe(1);
  await tab.evaluate(() => {
    const div = document.createElement('div');
    div.innerHTML = '<p style="color: red">inline</p>';
    document.body.append(div);
  });
  await expect.poll(() => w.cspViolations.length, FAST_POLL).toBe(2);
  expect(w.cspViolations[1]).toMatch(/^style-src/);
  expect(w.foreignRequests, 'blocked before the network').toEqual([]);
  report(info, 'csp', {
    header: 'strict, equal to vite.config.ts',
    styleSrc: "'self' suffices (MapLibre and React style through the CSSOM)",
    ...styling,
    seenOnPurpose: { document: w.cspViolations, worker: w.cspWorker, log: w.cspLog.length },
  });

  // Without frame-ancestors, even a page opened from disk can frame the embed (`*` would refuse it).
  const host = info.outputPath('host.html');
  writeFileSync(
    host,
    `<!doctype html><title>Lesson</title><iframe src="${baseURL}${EMBED_URL.slice(1)}" width="640" height="400"></iframe>`,
  );
  const hostContext = await browser.newContext();
  const hostPage = await hostContext.newPage();
  await hostPage.goto(pathToFileURL(host).href);
  const framed = hostPage.frames()[1];
  expect(framed?.url()).toContain('mode=embed');
  await expect
    .poll(() => framed?.evaluate(() => Number(document.documentElement.dataset.mapIdle ?? 0)), FAST_POLL)
    .toBeGreaterThan(0);
  await hostContext.close();
});

/** The part of the Trusted Types API the test uses (not in TypeScript's DOM library yet). */
interface TrustedTypesWindow {
  trustedTypes?: { createPolicy(name: string, rules: { createScriptURL(url: string): string }): unknown };
}

test('Trusted Types enforced: recorded, not required (maplibre/maplibre-gl-js #7210)', async ({
  browser,
  baseURL,
}, info) => {
  const context = await browser.newContext({ viewport: { width: 1000, height: 640 } });
  const w = await watchContext(context, baseURL ?? '');
  const page = await newWatchedPage(context, w);
  // The same policy, with Trusted Types required for every sink that takes script.
  await page.route(
    (url) => url.origin === new URL(baseURL ?? '').origin,
    async (route) => {
      if (route.request().resourceType() !== 'document') return route.continue();
      const response = await route.fetch();
      const headers = { ...response.headers() };
      headers['content-security-policy'] = `${STRICT_POLICY}; require-trusted-types-for 'script'`;
      return route.fulfill({ response, headers });
    },
  );
  const results: Record<string, unknown> = {};
  for (const [mode, url] of [
    ['explore', '/?t=2023-09-26&view=46.55,39.66,9'],
    ['embed', EMBED_URL],
  ] as const) {
    const errorsBefore = w.pageErrors.length;
    const violationsBefore = allCspViolations(w).length;
    const documentBefore = w.cspViolations.length;
    await page.goto(url);
    const idle = await waitForIdle(page, 0, FAST_POLL).then(
      () => true,
      () => false,
    );
    const drawn = await page.evaluate(() => window.__map?.queryRenderedFeatures().length ?? 0);
    results[mode] = {
      mapIdle: idle,
      featuresDrawn: drawn,
      violations: allCspViolations(w).length - violationsBefore,
      pageErrors: [...new Set(w.pageErrors.slice(errorsBefore))],
      pageErrorCount: w.pageErrors.length - errorsBefore,
      firstViolation: w.cspViolations[documentBefore] ?? null,
    };
  }
  // The same with a default policy that lets same-origin script URLs through (what the app would
  // need to add): does anything else reach a sink?
  await page.addInitScript(() => {
    const own = (url: string) => new URL(url, location.href).origin === location.origin;
    (window as TrustedTypesWindow).trustedTypes?.createPolicy('default', {
      createScriptURL: (url: string) => {
        if (own(url)) return url;
        throw new TypeError(`script URL from another origin: ${url}`);
      },
    });
  });
  const errorsBefore = w.pageErrors.length;
  const violationsBefore = allCspViolations(w).length;
  await page.goto('/?t=2023-09-26&view=46.55,39.66,9');
  await waitForIdle(page, 0, FAST_POLL);
  results.exploreWithDefaultPolicy = {
    featuresDrawn: await page.evaluate(() => window.__map?.queryRenderedFeatures().length ?? 0),
    violations: allCspViolations(w).length - violationsBefore,
    pageErrors: [...new Set(w.pageErrors.slice(errorsBefore))],
  };
  report(info, 'trusted types', results);
  // Recorded only: the suite does not depend on it. The header really was enforced:
  expect(await page.evaluate(() => typeof (window as TrustedTypesWindow).trustedTypes)).toBe('object');
  await context.close();
});
