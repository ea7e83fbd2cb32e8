/** Embed mode for publishers: the URL's controls and chapter loop, any frame size, and the Embed dialog. */
import { expect, test } from '@playwright/test';
import { expectClean, waitForIdle, watch } from './harness';

const EMBED = '/?mode=embed&t=2023-09-28&view=46.5,39.7,8&layers=places,routes,exodus,region,borders&names=en';

test('an embed fills any frame from 320×240 up, with no controls by default', async ({ page, baseURL }) => {
  const w = await watch(page, baseURL ?? '');
  for (const [width, height] of [
    [320, 240],
    [640, 400],
    [1200, 700],
  ] as const) {
    await page.setViewportSize({ width, height });
    await page.goto(EMBED);
    await waitForIdle(page);
    const box = await page.getByTestId('map').boundingBox();
    expect(box).toEqual({ x: 0, y: 0, width, height });
    const canvas = await page.evaluate(() => {
      const c = window.__map?.getCanvas();
      return c ? [c.clientWidth, c.clientHeight] : null;
    });
    expect(canvas).toEqual([width, height]);
    await expect(page.getByRole('slider', { name: 'Time' })).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Play' })).toHaveCount(0);
    await expect(page.getByRole('link', { name: /full map/i })).toBeVisible();
    await expect(page.getByTestId('attribution')).toBeVisible();
  }
  expectClean(w);
});

test('controls=play and controls=slider add a play button or a minimal slider', async ({ page, baseURL }) => {
  const w = await watch(page, baseURL ?? '');
  await page.goto(`${EMBED}&controls=play`);
  await waitForIdle(page);
  await page.getByRole('button', { name: 'Play' }).click();
  await expect
    .poll(() => page.evaluate(() => window.__appStore?.getState().t))
    .not.toBe(Date.parse('2023-09-28T00:00+04:00'));
  await page.getByRole('button', { name: 'Pause' }).click();

  await page.goto(`${EMBED}&controls=slider`);
  await waitForIdle(page);
  const slider = page.getByRole('slider', { name: 'Time' });
  await expect(slider).toBeVisible();
  // Minimal: no speed, loop or chapter buttons.
  await expect(page.getByRole('navigation', { name: 'Chapters' })).toHaveCount(0);
  await expect(page.getByLabel('Speed')).toHaveCount(0);
  await slider.focus();
  await page.keyboard.press('Shift+ArrowRight');
  await expect(page.getByTestId('time-readout')).not.toHaveText('28 September 2023');
  // The full app's link follows the embed's time but drops its own parameters.
  const href = (await page.getByRole('link', { name: /full map/i }).getAttribute('href')) ?? '';
  const params = new URL(href, baseURL).searchParams;
  expect(params.get('mode')).toBe('explore');
  expect(params.get('controls')).toBeNull();
  expect(params.get('t')).not.toBe('2023-09-28');
  expectClean(w);
});

test('chapter= loops one chapter in the embed, and a wrong chapter gets a notice', async ({ page, baseURL }) => {
  const w = await watch(page, baseURL ?? '');
  await page.goto('/?mode=embed&chapter=talks&view=46.9,40.2,7.5&layers=places,routes');
  await waitForIdle(page);
  const span = await page.evaluate(() => {
    const c = window.__appStore?.getState().engine?.chapters.find((x) => x.id === 'talks');
    return c ? [c.start, c.end] : null;
  });
  expect(span).not.toBeNull();
  const [start, end] = span as [number, number];
  const times: number[] = [];
  // The chapter takes 25 s at 1×; sample for 3 s at 4× (a quarter of a loop and more).
  await page.evaluate(() => window.__appStore?.getState().setSpeed(4));
  for (let i = 0; i < 30; i++) {
    times.push(await page.evaluate(() => window.__appStore?.getState().t ?? 0));
    await page.waitForTimeout(100);
  }
  expect(await page.evaluate(() => window.__appStore?.getState().playing)).toBe(true);
  for (const t of times) {
    expect(t).toBeGreaterThanOrEqual(start);
    expect(t).toBeLessThan(end);
  }
  expect(new Set(times).size).toBeGreaterThan(5);

  await page.goto('/?mode=embed&chapter=epilogue');
  await waitForIdle(page);
  await expect(page.getByTestId('notices')).toContainText('Chapter “epilogue” does not exist');
  expectClean(w);
});

test('the Embed dialog writes the snippet for the current state, previews it and copies it', async ({
  page,
  context,
  baseURL,
}) => {
  const w = await watch(page, baseURL ?? '');
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseURL });
  await page.goto('/?t=2023-09-28&view=46.5,39.7,8&names=hy&sel=place:goris');
  await waitForIdle(page);
  await page.getByRole('button', { name: 'Embed…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Embed this map' });
  await expect(dialog).toBeVisible();
  const snippet = dialog.getByTestId('embed-snippet');

  const src = async () => {
    const html = await snippet.inputValue();
    const m = /src="([^"]+)"/.exec(html);
    return new URL((m?.[1] ?? '').replaceAll('&amp;', '&'));
  };
  let url = await src();
  expect(url.searchParams.get('mode')).toBe('embed');
  expect(url.searchParams.get('t')).toBe('2023-09-28');
  expect(url.searchParams.get('view')).toBe('46.5,39.7,8');
  expect(url.searchParams.get('names')).toBe('hy');
  expect(url.searchParams.get('sel')).toBeNull();
  await expect(snippet).toHaveValue(/width="640" height="400"/);
  await expect(snippet).toHaveValue(
    /sandbox="allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox"/,
  );

  await dialog.getByLabel('Small 320 × 240').check();
  await dialog.getByLabel('A play button').check();
  await dialog.getByRole('combobox', { name: 'Time shown' }).selectOption('exodus');
  await expect(snippet).toHaveValue(/width="320" height="240"/);
  url = await src();
  expect(url.searchParams.get('controls')).toBe('play');
  expect(url.searchParams.get('chapter')).toBe('exodus');

  // The API origin is checked as typed: a path is refused and left out of the snippet.
  const api = dialog.getByLabel('Host page origin for the postMessage API (optional)');
  await api.fill('https://news.example/story');
  await expect(dialog.getByText('Not an origin')).toBeVisible();
  expect((await src()).searchParams.get('api')).toBeNull();
  await api.fill('https://news.example');
  await expect(dialog.getByText('Not an origin')).toHaveCount(0);
  expect((await src()).searchParams.get('api')).toBe('https://news.example');

  // The live preview is the embed itself.
  const preview = page.frameLocator('[data-testid="embed-preview"] iframe');
  await expect(preview.locator('.app')).toHaveAttribute('data-mode', 'embed');
  await expect(preview.getByRole('button', { name: /Play|Pause/ })).toBeVisible();

  await dialog.getByRole('button', { name: 'Copy snippet' }).click();
  await expect(dialog.getByRole('status')).toHaveText('Snippet copied');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(await snippet.inputValue());

  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  // Closing the dialog changed nothing in the app's own state.
  expect(new URL(page.url()).searchParams.get('mode')).toBe('explore');
  expect(new URL(page.url()).searchParams.get('sel')).toBe('place:goris');
  expectClean(w);
});

test('an embed paints a still picture without WebGL first, then the live map replaces it', async ({
  page,
  baseURL,
}) => {
  const w = await watch(page, baseURL ?? '');
  const scripts: string[] = [];
  page.on('request', (r) => {
    if (r.resourceType() === 'script') scripts.push(new URL(r.url()).pathname);
  });
  // Hold MapLibre back: whatever is on screen meanwhile was drawn without it.
  let release = () => {};
  const gate = new Promise<void>((r) => {
    release = r;
  });
  await page.route(/maplibre-[^/]*\.js$/, async (route) => {
    await gate;
    await route.continue();
  });
  await page.goto('/?mode=embed&t=2023-09-19T13:45&view=46.7,39.85,8.5&layers=places,routes,attacks,region,borders');
  const still = page.getByRole('img', { name: /19 September 2023/ });
  await expect(still).toBeVisible();
  expect(await page.locator('canvas').count()).toBe(0);
  // Alt text says what the picture shows; the dated events are there as text for screen readers.
  expect(await still.getAttribute('aria-label')).toMatch(/Stepanakert/);
  await expect(page.getByTestId('static-map').locator('li').first()).toContainText('2022');
  const labels = await page.getByTestId('static-map').locator('text').allTextContents();
  expect(labels).toEqual(expect.arrayContaining(['Stepanakert', 'Shusha']));
  // The picture sits where the map will: Stepanakert's label, projected as MapLibre will.
  const labelBox = await page
    .getByTestId('static-map')
    .locator('text', { hasText: /^Stepanakert$/ })
    .first()
    .boundingBox();

  release();
  await expect.poll(() => page.evaluate(() => window.__appStore?.getState().mapReady)).toBe(true);
  await expect(page.locator('.embed-still')).toHaveCount(0);
  const projected = await page.evaluate(() => window.__map?.project([46.7519, 39.8153]));
  expect(labelBox).not.toBeNull();
  // The label starts just right of its dot, at the same height.
  expect(Math.abs((labelBox?.y ?? 0) + (labelBox?.height ?? 0) / 2 - (projected?.y ?? 0))).toBeLessThan(6);
  expect((labelBox?.x ?? 0) - (projected?.x ?? 0)).toBeGreaterThan(0);
  expect((labelBox?.x ?? 0) - (projected?.x ?? 0)).toBeLessThan(20);

  // Only the embed's own code was loaded.
  expect(scripts.filter((s) => /ExploreMode|PresentMode|AppHeader|EmbedDialog|Legend|ExportPanel/.test(s))).toEqual([]);
  expectClean(w);
});
