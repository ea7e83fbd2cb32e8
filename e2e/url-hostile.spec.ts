/**
 * Every malformed or hostile link of src/state/hostile-urls.ts, opened in the built app
 * (docs/reliability.md#hostile-links): no page error, no console error, no script run, the
 * notices on screen are exactly the codes the link must give, the store holds the default state
 * for what the link got wrong, and the map still draws (checked on a sample: every eighth link, every
 * link of the `size` kind, and every link that keeps part of its state). One page per kind: the
 * sampled links are loaded from scratch; the others arrive as a reader's Back button brings a link,
 * through history and `popstate`, which runs the same parser, store and notices without reloading
 * MapLibre each time (a fresh load of every link took 6 minutes on a 2-core machine).
 */
import { expect, type Page, test } from '@playwright/test';
import { HOSTILE_URLS, type HostileKind, type HostileUrl } from '../src/state/hostile-urls';
import { DEFAULT_STATE, type UrlState } from '../src/state/url-state';
import { expectClean, waitForIdle, watch } from './harness';

const KEYS = Object.keys(DEFAULT_STATE) as (keyof UrlState)[];
const KINDS = [...new Set(HOSTILE_URLS.map((u) => u.kind))];

interface Reading {
  state: Partial<UrlState>;
  engine: boolean;
  pwned: unknown;
}

function readApp(page: Page): Promise<Reading | null> {
  return page.evaluate((keys) => {
    const s = window.__appStore?.getState();
    if (!s) return null;
    const state = Object.fromEntries(keys.map((k) => [k, s[k as keyof typeof s]])) as Partial<UrlState>;
    return { state, engine: s.engine !== null, pwned: (window as { __pwned?: unknown }).__pwned };
  }, KEYS);
}

const noticeCodes = (page: Page) =>
  page.locator('.notice').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.code ?? '').sort());

/**
 * Opens a link and checks everything the page must do with it. The store and the notices are set
 * from the link before the first render. A link read as the default state then loads exactly as any
 * other such link does, so only a sample of those waits for the dataset and the map to settle; a
 * link that keeps part of its state (a repeated parameter's first value) always does.
 */
async function check(page: Page, u: HostileUrl, sample: boolean): Promise<void> {
  const label = `${u.kind}: ${u.what} (${u.query.slice(0, 80)})`;
  const full = sample || u.state !== undefined;
  if (full) await page.goto(`/${u.query}`);
  else
    await page.evaluate((query) => {
      history.pushState(null, '', `/${query}`);
      dispatchEvent(new PopStateEvent('popstate'));
    }, u.query);
  if (full) await expect.poll(async () => (await readApp(page))?.engine, { message: label }).toBe(true);
  await expect.poll(() => noticeCodes(page), { message: label }).toEqual([...u.codes].sort());
  await expect(page.locator('.notice').first(), label).toBeVisible();
  const reading = await readApp(page);
  expect(reading?.state, label).toEqual({ ...DEFAULT_STATE, ...u.state });
  expect(reading?.pwned, label).toBeUndefined();
  expect(await page.locator('script:not([src])').count(), label).toBe(0);
  if (full) await waitForIdle(page);
}

test.describe('hostile links in the built app', () => {
  test('are more than 100, of every kind', () => {
    expect(HOSTILE_URLS.length).toBeGreaterThanOrEqual(100);
    expect(KINDS.length).toBeGreaterThanOrEqual(10);
  });

  for (const kind of KINDS) {
    const links = HOSTILE_URLS.filter((u) => u.kind === kind);
    test(`${kind}: ${links.length} links load the default state with their notices, without an error`, async ({
      page,
      baseURL,
    }) => {
      test.setTimeout(60_000 + links.length * 15_000);
      const w = await watch(page, baseURL ?? '');
      // Past a server's limit on a request line (Node's is 16 kB), the page is served from the
      // app's own `/` response, headers and all: the link still reaches the app as typed.
      await page.route(
        (url) => url.search.length > 8000,
        async (route) => route.fulfill({ response: await route.fetch({ url: `${baseURL}/` }) }),
      );
      for (const [i, u] of links.entries())
        await check(page, u, kind === ('size' satisfies HostileKind) || i % 8 === 0);
      expectClean(w);
    });
  }
});
