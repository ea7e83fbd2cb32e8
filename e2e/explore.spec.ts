/** Explore mode for analysts: the inspector, events list and table, filters and ranges, layer order, sharing. */
import { readFileSync } from 'node:fs';
import { expect, type Page, test } from '@playwright/test';
import { expectClean, settleAfter, waitForIdle, watch } from './harness';

const param = (page: Page, name: string) => new URL(page.url()).searchParams.get(name);

test('clicking a place on the map opens the inspector with its names and sources', async ({ page, baseURL }) => {
  const w = await watch(page, baseURL ?? '');
  await page.goto('/?t=2023-09-21&view=46.75,39.82,9');
  await waitForIdle(page);
  const point = await page.evaluate(() => {
    const p = window.__map?.project([46.7519, 39.8153]);
    return p ? { x: p.x, y: p.y } : null;
  });
  if (!point) throw new Error('no map');
  const box = await page.getByTestId('map').boundingBox();
  await page.mouse.click((box?.x ?? 0) + point.x, (box?.y ?? 0) + point.y);
  const inspector = page.getByTestId('inspector');
  await expect(inspector).toContainText('Xankəndi');
  await expect(inspector).toContainText('Ստեփանակերտ');
  await expect(inspector).toContainText('Степанакерт');
  await expect(inspector).toContainText('Khankendi');
  await expect(inspector).toContainText('UN News');
  await expect.poll(() => param(page, 'sel')).toBe('place:stepanakert');
  // Names follow the chosen convention in the panels too.
  await page.getByLabel('Place names').selectOption('az');
  await expect(inspector.locator('h2')).toHaveText('Xankəndi');
  await expect(page.getByTestId('event-card').locator('h2')).toHaveText('Talks in Yevlax');
  expectClean(w);
});

test('an event from the list moves time and map, and shows its claims side by side', async ({ page, baseURL }) => {
  const w = await watch(page, baseURL ?? '');
  await page.goto('/?t=2023-09-20T15:00&view=45,40.5,7');
  await waitForIdle(page);
  await page.locator('.events-list [data-event="ceasefire"]').click();
  await expect.poll(() => param(page, 't')).toBe('2023-09-20T13:00');
  await expect.poll(() => param(page, 'sel')).toBe('event:ceasefire');
  const inspector = page.getByTestId('inspector');
  const disputed = inspector.locator('.claim-pair.status-disputed');
  await expect(disputed).toContainText('There are no Armenian troops');
  await expect(disputed).toContainText('Nikol Pashinyan');
  await expect(disputed.locator('.claim-wording')).toHaveText(
    "claimed by the Karabakh Armenian authorities; denied by Nikol Pashinyan, Armenia's prime minister",
  );
  await expect(inspector).toContainText('¶8');
  // No source says where the ceasefire was agreed: it names no place, and the map stays where it was.
  await expect.poll(() => param(page, 'view')).toMatch(/^45(\.0+)?,40\.5/);
  expectClean(w);
});

test('competing casualty figures stand side by side with who gave them', async ({ page, baseURL }) => {
  const w = await watch(page, baseURL ?? '');
  await page.goto('/?t=2023-09-20&sel=event:offensive');
  await waitForIdle(page);
  const group = page.locator('[data-quantity="killed-armenian-side"]');
  await expect(group).toContainText('sources disagree');
  await expect(group).toContainText('200');
  await expect(group).toContainText('220');
  await expect(page.locator('[data-quantity="killed-azerbaijani-side"]')).toContainText('199');
  // A figure no source states outright shows its arithmetic.
  await expect(page.locator('[data-quantity="wounded-armenian-side"]')).toContainText('derived: 2 × 200');

  // Kut, the same page: the inspector says what the event draws and on whose word, as the map's label does.
  await settleAfter(page, () =>
    page.evaluate(() => {
      const s = window.__appStore?.getState();
      s?.setTime(Date.parse('2023-10-02T12:00:00+04:00'));
      s?.select('event:kut-shooting');
    }),
  );
  const marks = page.getByTestId('inspector-marks');
  await expect(marks.locator('li').first()).toHaveAttribute('data-status', 'disputed');
  await expect(marks.locator('li').first()).toContainText(
    "Kut: under fire · claimed by Armenia's defence ministry; denied by Azerbaijan",
  );
  await expect(page.getByTestId('inspector').locator('[data-claim="kut-fire"]')).toContainText(
    "claimed by Armenia's defence ministry; denied by Azerbaijan's government",
  );
  const kut = await page.evaluate(async () => {
    const source = window.__map?.getSource('effects') as unknown as { getData(): Promise<GeoJSON.FeatureCollection> };
    const data = await source.getData();
    return data.features.find((f) => f.properties?.id === 'kut')?.properties;
  });
  expect(kut).toMatchObject({
    state: 'under-fire',
    status: 'disputed',
    label: "under fire · claimed by Armenia's defence ministry; denied by Azerbaijan",
  });
  expectClean(w);
});

test('filters and the cumulative range are in the URL and change the events shown', async ({ page, baseURL }) => {
  const w = await watch(page, baseURL ?? '');
  await page.goto('/?t=2023-10-15&range=cumulative&cat=exodus');
  await waitForIdle(page);
  const items = page.locator('.events-list .event-item');
  const count = await items.count();
  expect(count).toBeGreaterThan(2);
  for (const id of await items.evaluateAll((els) => els.map((e) => e.getAttribute('data-event')))) {
    expect(['corridor-opens', 'exodus', 'hundred-thousand', 'last-bus']).toContain(id);
  }
  await expect(page.locator('details.filters')).toHaveAttribute('open', '');
  await page.getByLabel('in a window').check();
  const from = page.getByLabel('From');
  await from.fill('2023-09-28');
  await from.press('Enter');
  await expect.poll(() => param(page, 'range')).toBe('window');
  await expect.poll(() => param(page, 'from')).toBe('2023-09-28');
  await from.fill('2023-02-30');
  await expect(page.locator('.field-error')).toContainText('Use 2023-09-19');
  expectClean(w);
});

test('the events table sorts, and exports CSV with formulas neutralised', async ({ page, baseURL }) => {
  const w = await watch(page, baseURL ?? '');
  await page.goto('/?t=2023-09-21');
  await waitForIdle(page);
  await page.getByRole('button', { name: 'All events as a table…' }).click();
  const table = page.getByTestId('events-table');
  await expect(table.locator('tbody tr')).toHaveCount(57);
  await table.getByRole('button', { name: /^Category/ }).click();
  await expect(table.locator('th[aria-sort="ascending"]')).toContainText('Category');
  await expect(table.locator('tbody tr').first().locator('td').nth(1)).toHaveText('aftermath');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    table.getByRole('button', { name: 'Export CSV' }).click(),
  ]);
  const csv = readFileSync((await download.path()) ?? '', 'utf8');
  expect(csv.split('\n')[0]).toContain('id,start,end,timezone,precision,category,title');
  expect(csv).toContain('kut-shooting');
  expect(csv).not.toMatch(/(^|,)[=+@]/m);
  expectClean(w);
});

test('layer order is kept in the URL and applied to the map', async ({ page, baseURL }) => {
  const w = await watch(page, baseURL ?? '');
  await page.goto('/?t=2023-09-21&layers=places,routes,areas');
  await waitForIdle(page);
  await settleAfter(page, () =>
    page
      .getByRole('button', { name: 'Move “Areas: held until the offensive, peacekeeping zone, encirclement” up' })
      .click(),
  );
  await expect.poll(() => param(page, 'layers')).toBe('places,areas,routes');
  const order = await page.evaluate(() => window.__map?.getStyle().layers.map((l) => l.id) ?? []);
  expect(order.indexOf('area-held-fill')).toBeGreaterThan(order.indexOf('route-open'));
  expectClean(w);
});

test('Share copies a link that restores the exact state', async ({ page, context, baseURL }) => {
  const w = await watch(page, baseURL ?? '');
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseURL });
  await page.goto('/?t=2023-09-24T12:00&range=cumulative&side=azerbaijani&names=ru&sel=place:goris&view=46.4,39.6,9');
  await waitForIdle(page);
  await page.getByTestId('share').click();
  await expect(page.locator('.share-status')).toHaveText('Link copied');
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  const url = new URL(copied);
  expect(url.search).toBe(new URL(page.url()).search);
  expect(url.searchParams.get('sel')).toBe('place:goris');
  expect(url.searchParams.get('side')).toBe('azerbaijani');
  await page.goto(copied);
  await waitForIdle(page);
  await expect(page.getByTestId('inspector').locator('h2')).toHaveText('Горис');
  expectClean(w);
});
