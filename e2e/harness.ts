/**
 * What every end-to-end test watches: console errors, page errors, requests to any other host and
 * CSP violations, plus helpers to wait for the map to settle and to read its state.
 */
import { expect, type Page } from '@playwright/test';

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

const idleCount = (page: Page) => page.evaluate(() => Number(document.documentElement.dataset.mapIdle ?? 0));

/** Waits until the map has reached `idle` at least once (after `since`, when given). */
export async function waitForIdle(page: Page, since = 0): Promise<number> {
  await expect.poll(() => idleCount(page), { timeout: 30_000 }).toBeGreaterThan(since);
  return idleCount(page);
}

/** Runs an action and waits for the map to settle after it. */
export async function settleAfter(page: Page, action: () => Promise<unknown>): Promise<void> {
  const before = await idleCount(page);
  await action();
  await waitForIdle(page, before);
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
