/** Each mode, opened from a full link: the map settles, nothing leaves the origin, the URL holds. */
import { expect, test } from '@playwright/test';
import { DEFAULT_LAYERS } from '../src/state/layers';
import { expectClean, readMap, shoot, waitForIdle, watch } from './harness';

const MODES = ['explore', 'present', 'embed'] as const;
const stateQuery = (mode: string) =>
  `?mode=${mode}&t=2023-09-19T13:45&view=46.7,39.8,8&layers=places,region,borders&names=hy`;

for (const mode of MODES) {
  test(`${mode} mode renders the offline map and round-trips its URL`, async ({ page, baseURL }) => {
    const w = await watch(page, baseURL ?? '');
    const query = stateQuery(mode);
    await page.goto(`/${query}`);
    await waitForIdle(page);

    // The URL is the state, exactly: nothing added, nothing lost.
    expect(new URL(page.url()).search).toBe(query);
    await expect(page.getByTestId('time-readout')).toContainText('19 September 2023, 13:45');
    await expect(page.locator('.app')).toHaveAttribute('data-mode', mode);

    const before = await readMap(page, 'hy');
    expect(before.center[0]).toBeCloseTo(46.7, 3);
    expect(before.center[1]).toBeCloseTo(39.8, 3);
    expect(before.zoom).toBeCloseTo(8, 2);
    expect(before.visibility).toMatchObject({ 'place-label': 'visible', 'region-outline': 'visible', river: 'none' });
    expect(JSON.stringify(before.textField)).toContain('name_hy');
    expect(before.renderedPlaces).toContain('Ստեփանակերտ');
    await expect(page.getByTestId('attribution')).toContainText('Natural Earth');
    await expect(page.locator('.maplibregl-ctrl-scale')).toBeVisible();
    await shoot(page, mode);

    // A reload restores the exact same state.
    await page.reload();
    await waitForIdle(page);
    expect(new URL(page.url()).search).toBe(query);
    const after = await readMap(page, 'hy');
    expect(after.center[0]).toBeCloseTo(before.center[0], 4);
    expect(after.center[1]).toBeCloseTo(before.center[1], 4);
    expect(after.zoom).toBeCloseTo(before.zoom, 3);
    expect(after.visibility).toEqual(before.visibility);

    expectClean(w);
  });
}

test('explore is the default mode, with layers, naming and legend beside the map', async ({ page, baseURL }) => {
  const w = await watch(page, baseURL ?? '');
  await page.goto('/');
  await waitForIdle(page);
  expect(new URL(page.url()).search).toBe(
    `?mode=explore&t=2022-12-12&view=46.5,40.05,7&layers=${DEFAULT_LAYERS.join(',')}&names=en`,
  );
  await expect(page.getByRole('group', { name: 'Layers' })).toBeVisible();
  await expect(page.getByLabel('Place names')).toHaveValue('en');
  await expect(page.getByRole('region', { name: 'Legend' })).toContainText('approximate outline');
  const map = await readMap(page);
  expect(map.renderedCountries).toEqual(expect.arrayContaining(['Armenia', 'Azerbaijan']));
  expect(map.renderedPlaces).toEqual(expect.arrayContaining(['Stepanakert', 'Goris', 'Yevlakh']));
  await expect(page.getByTestId('notices')).toBeEmpty();
  expectClean(w);
});

test('present mode steps from event to event with the keyboard', async ({ page, baseURL }) => {
  const w = await watch(page, baseURL ?? '');
  await page.goto('/?mode=present&t=2023-09-19');
  await waitForIdle(page);
  await expect(page.getByTestId('event-card')).toBeVisible();
  await page.keyboard.press('ArrowRight');
  // The next event is the mine blasts at about 04:00, an hour-precision time.
  await expect(page.getByTestId('time-readout')).toHaveText('19 September 2023, about 04:00 (UTC+4)');
  await expect(page.getByTestId('event-card')).toHaveAttribute('data-event', 'mine-blasts');
  await expect.poll(() => new URL(page.url()).searchParams.get('t')).toBe('2023-09-19T04:00');
  await page.keyboard.press('PageUp');
  await expect.poll(() => new URL(page.url()).searchParams.get('t')).toBe('2023-09-19');
  // Under the caption, what the map shows and on whose word, as large as the caption reads.
  await page.evaluate(() => window.__appStore?.getState().setTime(Date.parse('2023-10-02T12:00:00+04:00')));
  const marks = page.getByTestId('map-marks');
  await expect(marks).toHaveClass(/large/);
  await expect(marks.locator('[data-mark="place:kut"]')).toHaveText(
    "Kut: under fire · claimed by Armenia's defence ministry; denied by Azerbaijan",
  );
  await expect(marks.locator('[data-mark^="mover:last-bus"]')).toContainText('unknown number');
  await page.keyboard.press('n');
  await expect(page.getByTestId('speaker-notes')).toContainText('confirmed by several sources');
  await page.keyboard.press('n');
  await page.keyboard.press('Escape');
  await expect(page.locator('.app')).toHaveAttribute('data-mode', 'explore');
  expectClean(w);
});

test('embed mode is a fixed view with a link to the full map', async ({ page, baseURL }) => {
  const w = await watch(page, baseURL ?? '');
  await page.goto(`/${stateQuery('embed')}`);
  await waitForIdle(page);
  await expect(page.locator('.app-header')).toHaveCount(0);
  await expect(page.locator('.sidebar')).toHaveCount(0);
  const interactive = await page.evaluate(
    () => window.__map?.dragPan.isEnabled() || window.__map?.scrollZoom.isEnabled(),
  );
  expect(interactive).toBe(false);
  const href = await page.getByRole('link', { name: 'Open the full map' }).getAttribute('href');
  expect(href).toContain('mode=explore');
  expect(href).toContain('t=2023-09-19T13:45');
  expect(href).toContain('names=hy');
  await expect(page.getByRole('link', { name: 'Open the full map' })).toHaveAttribute('rel', 'noopener noreferrer');

  // The map may have to zoom in to fit its bounds in a large frame; the link keeps what it asked for.
  await page.goto('/?mode=embed&t=2023-09-24&view=47,40.5,5.5&layers=places&names=en');
  await waitForIdle(page);
  expect(new URL(page.url()).searchParams.get('view')).toBe('47,40.5,5.5');
  expectClean(w);
});

test('present mode: progress, autoplay from event to event, a reduced-motion switch', async ({ page, baseURL }) => {
  const w = await watch(page, baseURL ?? '');
  await page.goto('/?mode=present&t=2023-09-19T13:00');
  await waitForIdle(page);
  const progress = page.getByRole('progressbar', { name: 'Story progress' });
  expect(Number(await progress.getAttribute('aria-valuenow'))).toBeGreaterThan(20);
  await page.keyboard.press('f');
  await page.keyboard.press('n');
  await expect(page.getByTestId('speaker-notes')).toContainText('killed armenian side');
  await page.keyboard.press('n');
  await expect(page.getByTestId('speaker-notes')).toHaveCount(0);
  await page.getByLabel('Autoplay (kiosk)').check();
  // The offensive's caption is short: the next event comes after the minimum reading time.
  await expect.poll(() => new URL(page.url()).searchParams.get('t'), { timeout: 20_000 }).toBe('2023-09-19T13:45');
  await page.getByLabel('Autoplay (kiosk)').uncheck();
  await page.getByLabel('Reduce motion').check();
  await page.getByRole('button', { name: 'Play' }).click();
  // With reduced motion, playing cuts to the next event instead of animating.
  await expect.poll(() => new URL(page.url()).searchParams.get('t'), { timeout: 10_000 }).toBe('2023-09-20');
  await page.getByRole('button', { name: 'Pause' }).click();
  expectClean(w);
});

test('present mode animates time, counters and camera between events; reduced motion cuts', async ({
  page,
  baseURL,
}) => {
  const w = await watch(page, baseURL ?? '');
  // From the Yevlakh talks, the next event with a place far from here: the camera has to move.
  await page.goto('/?mode=present&t=2023-09-20T13:00&view=46.75,39.82,9.5');
  await waitForIdle(page);
  const sample = () =>
    page.evaluate(() => {
      const s = window.__appStore?.getState();
      const c = window.__map?.getCenter();
      return { t: s?.t ?? 0, animating: s?.animating ?? false, lon: c?.lng ?? 0, zoom: window.__map?.getZoom() ?? 0 };
    });
  const before = await sample();
  await page.keyboard.press('ArrowRight');
  const seen: { t: number; animating: boolean }[] = [];
  for (let i = 0; i < 40; i++) {
    const s = await sample();
    seen.push(s);
    if (!s.animating && s.t !== before.t) break;
    await page.waitForTimeout(50);
  }
  const target = seen[seen.length - 1]?.t ?? 0;
  expect(target).toBeGreaterThan(before.t);
  // Some frames showed times between the two events: time moved rather than jumped.
  expect(seen.some((s) => s.animating && s.t > before.t && s.t < target)).toBe(true);
  await expect.poll(async () => (await sample()).animating).toBe(false);
  await waitForIdle(page);

  // Reduced motion: the next step is a cut, never an in-between time.
  await page.getByLabel('Reduce motion').check();
  const from = (await sample()).t;
  await page.keyboard.press('ArrowRight');
  const cut = await sample();
  expect(cut.animating).toBe(false);
  expect(cut.t).toBeGreaterThan(from);
  expectClean(w);
});

test('present mode frames each event on the map', async ({ page, baseURL }) => {
  const w = await watch(page, baseURL ?? '');
  // From the ceasefire in Stepanakert, → goes to the delegation's trip to Yevlakh, far to the north-east.
  await page.goto('/?mode=present&t=2023-09-20T20:00&view=46.75,39.82,10');
  await waitForIdle(page);
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('event-card')).toHaveAttribute('data-event', /delegation-trip|yevlakh-talks/);
  await expect
    .poll(
      () =>
        page.evaluate(() => {
          const b = window.__map?.getBounds();
          // Yevlakh (47.15, 40.62), off screen before the step, is in view after it.
          return Boolean(b?.contains([47.15, 40.62]));
        }),
      { timeout: 10_000 },
    )
    .toBe(true);
  expectClean(w);
});
