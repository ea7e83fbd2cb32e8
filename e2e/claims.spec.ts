/** Explore mode's claims panel and measure tool: source figures beside computed ones, and distances on the map. */
import { expect, type Page, test } from '@playwright/test';
import { expectClean, shoot, waitForIdle, watch } from './harness';

/** How many features the map draws in one of the measure tool's layers. */
const drawn = (page: Page, layer: string) =>
  page.evaluate((l) => {
    const map = window.__map;
    return map?.getLayer(l) ? map.queryRenderedFeatures({ layers: [l] }).length : -1;
  }, layer);

/** The map's layer ids other than the measure tool's: opening the tool must leave them as they were. */
const ownLayers = (page: Page) =>
  page.evaluate(() =>
    (window.__map?.getStyle().layers ?? []).map((l) => l.id).filter((id) => !id.startsWith('measure-')),
  );

test('the claims panel sets each source figure beside the computed one, with its flag', async ({ page, baseURL }) => {
  const w = await watch(page, baseURL ?? '');
  await page.goto('/?t=2023-10-02T12:00');
  await waitForIdle(page);
  const panel = page.getByRole('region', { name: 'Claims checked against the map' });
  await expect(panel.locator('article')).toHaveCount(4);
  const check = (id: string) => panel.locator(`[data-claim="${id}"]`);

  const yevlakh = check('yevlakh-distance');
  await expect(yevlakh.getByTestId('claim-stated')).toContainText(
    'about 100 km — Unnamed outlet (document s000); 100 km — RFE/RL',
  );
  await expect(yevlakh.getByTestId('claim-computed')).toContainText('95.4–97.9 km');
  await expect(yevlakh.getByTestId('claim-flag')).toHaveText(
    /^✓ Differs by −2\.1 km .*within the stated tolerance of 15%/,
  );

  const queue = check('queue-length');
  await expect(queue.getByTestId('claim-stated')).toContainText(
    'more than 60 km — A journalist who left Stepanakert in the exodus (JAMnews)',
  );
  // By the road distances the sources give (39 + 22 km); the drawn corridor is schematic (36 km).
  await expect(queue.getByTestId('claim-computed')).toContainText('by road, from reported distances');
  await expect(queue.getByTestId('claim-computed')).toContainText('61');
  await expect(queue.getByTestId('claim-flag')).toHaveText(/^✓/);
  await expect(queue).toContainText('straight segments');

  const rate = check('crossing-rate');
  await expect(rate.getByTestId('claim-stated')).toContainText('about 16 people per minute');
  await expect(rate.getByTestId('claim-computed')).toContainText('4.7–20.2 people per minute');
  await expect(rate.getByTestId('claim-flag')).toHaveText(/^✓/);

  const share = check('exodus-share');
  await expect(share.getByTestId('claim-stated')).toContainText('about 120,000 people — ABC News');
  await expect(share.getByTestId('claim-computed')).toContainText('100,522 people');
  await expect(share.getByTestId('claim-flag')).toHaveText(/^⚠ Differs by −19,478 people \(−16\.2%\)/);
  await expect(share.locator('tbody tr')).toHaveCount(9);
  await expect(share.locator('tr[data-day="2023-10-02"]')).toContainText('83.8%');
  await expect(share.locator('li[data-day-claim="2023-09-26"]')).toContainText('⚠');
  await expect(share.locator('li[data-day-claim="2023-09-26"]')).toContainText('JAMnews');

  await queue.getByText('How it was computed, and sources').click();
  await expect(queue.locator('.claim-how')).toContainText('lineSlice');
  await expect(queue.locator('.claim-how')).toContainText('¶44');
  await panel.scrollIntoViewIfNeeded();
  await shoot(page, 'claims-panel');
  expectClean(w);
});

test('without a mouse: two places chosen from the lists are measured, by air and by road', async ({
  page,
  baseURL,
}) => {
  const w = await watch(page, baseURL ?? '');
  await page.goto('/?view=46.95,40.2,7.6');
  await waitForIdle(page);
  const layersBefore = await ownLayers(page);
  await page.getByRole('button', { name: 'Measure', exact: true }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: 'Measure', exact: true })).toHaveAttribute('aria-pressed', 'true');
  await page.getByLabel('Measure from').selectOption('stepanakert');
  await page.getByLabel('Measure to').selectOption('yevlakh');
  const result = page.getByTestId('measure-result');
  await expect(result).toHaveAttribute('aria-live', 'polite');
  await expect(page.getByTestId('measure-straight')).toContainText('from Stepanakert to Yevlakh: 95.4 km');
  await expect(page.getByTestId('measure-along')).toContainText(
    'Yevlakh – Aghdam – Stepanakert road as drawn: 97.9 km',
  );
  await expect.poll(() => drawn(page, 'measure-line')).toBeGreaterThan(0);
  await expect.poll(() => drawn(page, 'measure-road')).toBeGreaterThan(0);
  expect(await ownLayers(page)).toEqual(layersBefore);
  await shoot(page, 'measure-places');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('measure-straight')).toHaveCount(0);
  await expect.poll(() => drawn(page, 'measure-line')).toBe(0);
  expectClean(w);
});

test('clicking the map measures between the points; Clear removes the line', async ({ page, baseURL }) => {
  const w = await watch(page, baseURL ?? '');
  await page.goto('/?view=46.6,39.75,8.5');
  await waitForIdle(page);
  await page.getByRole('button', { name: 'Measure', exact: true }).click();
  const map = page.getByTestId('map');
  await map.click({ position: { x: 300, y: 250 } });
  await expect(page.getByTestId('measure-result')).toContainText('One point');
  await map.click({ position: { x: 600, y: 500 } });
  await expect(page.getByTestId('measure-straight')).toContainText(/Straight line: \d+\.\d km/);
  await expect.poll(() => drawn(page, 'measure-line')).toBeGreaterThan(0);
  await expect.poll(() => drawn(page, 'measure-points')).toBe(2);
  await shoot(page, 'measure-clicks');
  await page.getByRole('button', { name: 'Clear' }).click();
  await expect(page.getByTestId('measure-straight')).toHaveCount(0);
  await expect.poll(() => drawn(page, 'measure-line')).toBe(0);
  await page.getByRole('button', { name: 'Measure', exact: true }).click();
  expect(await drawn(page, 'measure-line')).toBe(-1);
  await map.click({ position: { x: 400, y: 400 } });
  await expect(page.getByTestId('measure-result')).toBeEmpty();
  expectClean(w);
});
