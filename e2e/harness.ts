/**
 * What every end-to-end test watches: console errors, page errors, requests to any other host and
 * CSP violations, plus helpers to wait for the map to settle and to read its state.
 */
import { type Browser, type BrowserContext, type BrowserContextOptions, expect, type Page } from '@playwright/test';

export interface Watch {
  consoleErrors: string[];
  pageErrors: string[];
  foreignRequests: string[];
  cspViolations: string[];
}

/** Starts watching a page; call before the first navigation. */
export async function watch(page: Page, baseURL: string): Promise<Watch> {
  const own = new URL(baseURL).origin;
  const w: Watch = { consoleErrors: [], pageErrors: [], foreignRequests: [], cspViolations: [] };
  page.on('console', (m) => {
    if (m.type() === 'error') w.consoleErrors.push(m.text());
  });
  page.on('pageerror', (e) => w.pageErrors.push(e.message));
  page.on('request', (r) => {
    const url = r.url();
    if (!url.startsWith('data:') && !url.startsWith('blob:') && new URL(url).origin !== own)
      w.foreignRequests.push(url);
  });
  await page.exposeFunction('__cspViolation', (text: string) => w.cspViolations.push(text));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      (window as unknown as { __cspViolation: (t: string) => void }).__cspViolation(
        `${e.violatedDirective} ${e.blockedURI}`,
      );
    });
  });
  return w;
}

/** Asserts the page did nothing wrong: no errors, nothing fetched from elsewhere, no CSP violation. */
export function expectClean(w: Watch): void {
  expect(w.pageErrors, 'uncaught page errors').toEqual([]);
  expect(w.consoleErrors, 'console errors').toEqual([]);
  expect(w.foreignRequests, 'requests to other hosts').toEqual([]);
  expect(w.cspViolations, 'CSP violations').toEqual([]);
}

// ---------------------------------------------------------------------------------------------
// Watching a whole browser context, for tests that open several pages or need workers watched.
// ---------------------------------------------------------------------------------------------

/**
 * What a browser context did, its pages and their workers included. `cspViolations` holds the
 * `securitypolicyviolation` events of documents, as `watch` does.
 */
export interface ContextWatch extends Watch {
  /** Every request the context made (documents, scripts, workers' fetches, downloads). */
  requests: number;
  /** Requests that failed (to the app's own origin: expected only while offline). */
  failedRequests: string[];
  /** `securitypolicyviolation` events inside workers (a listener installed in each worker). */
  cspWorker: string[];
  /** What Chromium logs for a violation, in a page or any of its workers (CDP Log domain). */
  cspLog: string[];
  workers: number;
  /** Dialogs a page opened: each is recorded and dismissed (what Playwright does when nothing listens). */
  dialogs: string[];
}

type CspBinding = { __cspViolation?: (text: string) => void };

/** Starts watching a context; call before its first page navigates, and watch each page with `watchPage`. */
export async function watchContext(context: BrowserContext, baseURL: string): Promise<ContextWatch> {
  const own = new URL(baseURL).origin;
  const w: ContextWatch = {
    consoleErrors: [],
    pageErrors: [],
    foreignRequests: [],
    cspViolations: [],
    requests: 0,
    failedRequests: [],
    cspWorker: [],
    cspLog: [],
    workers: 0,
    dialogs: [],
  };
  const local = (url: string) => url.startsWith('data:') || url.startsWith('blob:');
  // The context's request event includes dedicated workers' requests (page.route has missed them,
  // microsoft/playwright #32355), and MapLibre fetches from a worker.
  context.on('request', (r) => {
    w.requests++;
    const url = r.url();
    if (!local(url) && new URL(url).origin !== own) w.foreignRequests.push(url);
  });
  context.on('requestfailed', (r) => {
    if (!local(r.url())) w.failedRequests.push(`${r.url()} ${r.failure()?.errorText ?? ''}`);
  });
  await context.exposeBinding('__cspViolation', (_source, text: string) => w.cspViolations.push(text));
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      (window as CspBinding).__cspViolation?.(`${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  return w;
}

/** Watches one page of a watched context: errors, dialogs, its workers, and Chromium's log of violations. */
export async function watchPage(context: BrowserContext, page: Page, w: ContextWatch): Promise<void> {
  page.on('pageerror', (e) => w.pageErrors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') w.consoleErrors.push(m.text());
  });
  page.on('dialog', (d) => {
    w.dialogs.push(d.message());
    void d.dismiss();
  });
  page.on('worker', (worker) => {
    w.workers++;
    worker.on('console', (m) => {
      if (m.text().startsWith('CSP violation in a worker:')) w.cspWorker.push(m.text());
    });
    // Workers have no init scripts: the listener goes in as soon as Playwright sees the worker. The
    // CDP log below also catches anything a worker violates before that.
    void worker
      .evaluate(() => {
        self.addEventListener('securitypolicyviolation', (e) =>
          console.error(`CSP violation in a worker: ${e.violatedDirective} ${e.blockedURI}`),
        );
      })
      .catch(() => undefined);
  });
  const cdp = await context.newCDPSession(page);
  // Log.enable replays what was logged before it, and covers the page's dedicated workers.
  cdp.on('Log.entryAdded', ({ entry }) => {
    if (/Content Security Policy|Trusted Type/i.test(entry.text)) w.cspLog.push(`${entry.source}: ${entry.text}`);
  });
  await cdp.send('Log.enable');
}

/** A new page of a watched context, watched. */
export async function newWatchedPage(context: BrowserContext, w: ContextWatch): Promise<Page> {
  const page = await context.newPage();
  await watchPage(context, page, w);
  return page;
}

/** Every CSP violation any of the three watchers saw: in documents, in workers, in Chromium's log. */
export const allCspViolations = (w: ContextWatch): string[] => [...w.cspViolations, ...w.cspWorker, ...w.cspLog];

/** `expectClean` for a context: no violation in its workers or in Chromium's log either. */
export function expectContextClean(w: ContextWatch): void {
  expectClean(w);
  expect(w.cspWorker, 'CSP violations in workers').toEqual([]);
  expect(w.cspLog, "CSP violations in Chromium's log").toEqual([]);
}

export interface SharedPage {
  context: BrowserContext;
  page: Page;
  watch: ContextWatch;
}

/**
 * One watched page that several tests of a file take turns on, so the app loads once for them all:
 * opened at `url` by the first test that asks (in a context of its own, made with `options`) and
 * closed by `close`, from the file's `afterAll`. The tests run in file order and each finds the page
 * as the one before left it; a test that fails takes its worker with it, so the tests after it open
 * a fresh page.
 */
export function sharedPage(url: string, options: BrowserContextOptions = {}) {
  let opening: Promise<SharedPage> | undefined;
  return {
    open(browser: Browser, baseURL: string): Promise<SharedPage> {
      opening ??= (async () => {
        const context = await browser.newContext(options);
        const watch = await watchContext(context, baseURL);
        const page = await newWatchedPage(context, watch);
        await page.goto(url);
        await waitForIdle(page, 0, FAST_POLL);
        return { context, page, watch };
      })();
      return opening;
    },
    async close(): Promise<void> {
      const shared = await opening?.catch(() => undefined);
      opening = undefined;
      await shared?.context.close();
    },
  };
}

// ---------------------------------------------------------------------------------------------
// The map.
// ---------------------------------------------------------------------------------------------

/**
 * How often to poll, for a spec that waits a few hundred times: expect.poll's default backs off to
 * one poll a second, which adds up.
 */
export const FAST_POLL = { intervals: [50, 100, 200] };

const idleCount = (page: Page) => page.evaluate(() => Number(document.documentElement.dataset.mapIdle ?? 0));

/**
 * Waits until the map has reached `idle` at least once (after `since`, when given), polling as `poll`
 * says (`FAST_POLL`) or, by default, with expect.poll's back-off.
 */
export async function waitForIdle(page: Page, since = 0, poll: { intervals?: number[] } = {}): Promise<number> {
  await expect.poll(() => idleCount(page), { ...poll, timeout: 30_000 }).toBeGreaterThan(since);
  return idleCount(page);
}

/** Runs an action and waits for the map to settle after it. */
export async function settleAfter(
  page: Page,
  action: () => Promise<unknown>,
  poll: { intervals?: number[] } = {},
): Promise<void> {
  const before = await idleCount(page);
  await action();
  await waitForIdle(page, before, poll);
}

export interface MapReading {
  center: [number, number];
  zoom: number;
  visibility: Record<string, string>;
  textField: unknown;
  renderedPlaces: string[];
  renderedCountries: string[];
}

/** The map's own view of its state, read through the test hook `window.__map`. */
export function readMap(page: Page, lang = 'en'): Promise<MapReading> {
  return page.evaluate((l) => {
    const map = window.__map;
    if (!map) throw new Error('no map');
    const c = map.getCenter();
    const ids = ['place-label', 'region-outline', 'river', 'border', 'lake'];
    const visibility = Object.fromEntries(
      ids.map((id) => [id, String(map.getLayoutProperty(id, 'visibility') ?? 'visible')]),
    );
    const names = (layer: string) =>
      map.queryRenderedFeatures({ layers: [layer] }).map((f) => String(f.properties?.[`name_${l}`] ?? ''));
    return {
      center: [c.lng, c.lat] as [number, number],
      zoom: map.getZoom(),
      visibility,
      textField: map.getLayoutProperty('place-label', 'text-field'),
      renderedPlaces:
        map.getLayer('place-label') && visibility['place-label'] === 'visible' ? names('place-label') : [],
      renderedCountries: names('label-country'),
    };
  }, lang);
}

/** Saves a screenshot under e2e/output/ for people to look at. */
export async function shoot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `e2e/output/${name}.png` });
}
