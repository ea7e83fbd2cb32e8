/** The URL as a public interface: malformed links fall back with a notice; changes are mirrored both ways. */
import { expect, test } from '@playwright/test';
import { DEFAULT_LAYERS } from '../src/state/layers';
import { expectClean, readMap, settleAfter, shoot, waitForIdle, watch } from './harness';

test('a malformed link shows the default state with specific notices, never a crash', async ({ page, baseURL }) => {
  const w = await watch(page, baseURL ?? '');
  await page.goto('/?mode=admin&t=2023-02-30&view=200,95,40&layers=places,tanks&names=fr&utm_source=x');
  await waitForIdle(page);
  const notices = page.getByTestId('notices');
  await expect(notices).toContainText('Mode “admin” does not exist');
  await expect(notices).toContainText('Time “2023-02-30” is not an ISO 8601 date');
  await expect(notices).toContainText('View “200,95,40”');
  await expect(notices).toContainText('Unknown layer “tanks”');
  await expect(notices).toContainText('Naming “fr” does not exist');
  await expect(notices).toContainText('Unknown link parameter “utm_source”');
  await shoot(page, 'malformed-url');
  expect(new URL(page.url()).search).toBe('?mode=explore&t=2022-12-12&view=46.5,40.05,7&layers=places&names=en');
  await page.getByRole('button', { name: 'Dismiss notice' }).first().click();
  await expect(page.locator('.notice')).toHaveCount(5);
  expectClean(w);
});

test('hostile links load the default view without errors', async ({ page, baseURL }) => {
  const w = await watch(page, baseURL ?? '');
  const hostile = [
    '/?t=%E0%A4%A',
    '/?__proto__[mode]=present&constructor=1',
    `/?layers=${'x,'.repeat(3000)}`,
    '/?view=NaN,Infinity,-0',
    '/?mode=%3Cscript%3Ealert(1)%3C/script%3E',
  ];
  for (const url of hostile) {
    await page.goto(url);
    await waitForIdle(page);
    await expect(page.locator('.app')).toHaveAttribute('data-mode', 'explore');
    await expect(page.locator('.notice').first()).toBeVisible();
  }
  await expect(page.locator('script:not([src])')).toHaveCount(0);
  expectClean(w);
});

test('layers, naming and the map view are written to the URL as they change', async ({ page, baseURL }) => {
  const w = await watch(page, baseURL ?? '');
  await page.goto('/');
  await waitForIdle(page);

  await settleAfter(page, () => page.getByRole('checkbox', { name: /Rivers and lakes/ }).uncheck());
  await expect
    .poll(() => new URL(page.url()).searchParams.get('layers'))
    .toBe(DEFAULT_LAYERS.filter((l) => l !== 'rivers').join(','));
  expect((await readMap(page)).visibility).toMatchObject({ river: 'none', lake: 'none', 'place-label': 'visible' });

  await settleAfter(page, () => page.getByLabel('Place names').selectOption('az'));
  await expect.poll(() => new URL(page.url()).searchParams.get('names')).toBe('az');
  await expect(page.getByTestId('naming-current')).toContainText('Azerbaijani names');
  expect((await readMap(page, 'az')).renderedPlaces).toContain('Xankəndi');

  // The reader drags the map and zooms with the wheel: the URL follows the map.
  const box = await page.getByTestId('map').boundingBox();
  if (!box) throw new Error('no map box');
  const [x, y] = [box.x + box.width / 2, box.y + box.height / 2];
  await settleAfter(page, async () => {
    await page.mouse.move(x, y);
    await page.mouse.down();
    await page.mouse.move(x - 120, y + 80, { steps: 8 });
    await page.mouse.up();
  });
  await settleAfter(page, () => page.mouse.wheel(0, -400));
  const { center, zoom } = await readMap(page, 'az');
  expect(zoom).toBeGreaterThan(7.1);
  const round = (v: number, d: number) => Math.round(v * 10 ** d) / 10 ** d;
  await expect
    .poll(() => new URL(page.url()).searchParams.get('view'))
    .toBe(`${round(center[0], 4)},${round(center[1], 4)},${round(zoom, 2)}`);
  await shoot(page, 'explore-azerbaijani-names');
  expectClean(w);
});

test('switching mode adds a history entry; Back returns to the previous mode', async ({ page, baseURL }) => {
  const w = await watch(page, baseURL ?? '');
  await page.goto('/?names=ru');
  await waitForIdle(page);
  await page.getByRole('button', { name: 'Present' }).click();
  await expect(page.locator('.app')).toHaveAttribute('data-mode', 'present');
  await expect.poll(() => new URL(page.url()).searchParams.get('mode')).toBe('present');
  await page.goBack();
  await expect(page.locator('.app')).toHaveAttribute('data-mode', 'explore');
  expect(new URL(page.url()).searchParams.get('names')).toBe('ru');
  // One map for the whole session: mode switches do not create WebGL contexts.
  expect(await page.locator('canvas.maplibregl-canvas').count()).toBe(1);
  expectClean(w);
});

test('labels use the fonts shipped with the app, for every script', async ({ page, baseURL }) => {
  const w = await watch(page, baseURL ?? '');
  const fonts: string[] = [];
  page.on('request', (r) => {
    if (/\.woff2?$/.test(new URL(r.url()).pathname)) fonts.push(new URL(r.url()).pathname);
  });
  for (const names of ['hy', 'ru', 'az']) {
    await page.goto(`/?names=${names}`);
    await waitForIdle(page);
  }
  expect(fonts.some((f) => f.includes('noto-sans-armenian-armenian'))).toBe(true);
  expect(fonts.some((f) => f.includes('noto-sans-cyrillic'))).toBe(true);
  expect(fonts.some((f) => f.includes('noto-sans-latin-ext'))).toBe(true);
  expect((await readMap(page, 'az')).renderedCountries).toEqual(expect.arrayContaining(['Ermənistan', 'Azərbaycan']));
  expectClean(w);
});

test('the camera cannot leave the region', async ({ page, baseURL }) => {
  const w = await watch(page, baseURL ?? '');
  await page.goto('/');
  await waitForIdle(page);
  await settleAfter(page, () => page.evaluate(() => window.__map?.jumpTo({ center: [2.35, 48.85], zoom: 3 })));
  const { center, zoom } = await readMap(page);
  expect(center[0]).toBeGreaterThanOrEqual(42);
  expect(center[0]).toBeLessThanOrEqual(52);
  expect(zoom).toBeGreaterThanOrEqual(5.5);
  expectClean(w);
});
