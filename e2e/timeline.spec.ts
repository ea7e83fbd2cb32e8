/** The time slider and what moves with it: chapters, events, playback, counters with sources, the map's scene. */
import { expect, type Page, test } from '@playwright/test';
import { expectClean, settleAfter, shoot, waitForIdle, watch } from './harness';

const tParam = (page: Page) => new URL(page.url()).searchParams.get('t');

/** Features the map draws in a layer, by the `id` property. */
const renderedIds = (page: Page, layer: string) =>
  page.evaluate(
    (l) => window.__map?.queryRenderedFeatures({ layers: [l] }).map((f) => String(f.properties?.id)) ?? [],
    layer,
  );

test('the slider is an accessible slider over chapters, with the date as its value', async ({ page, baseURL }) => {
  const w = await watch(page, baseURL ?? '');
  await page.goto('/?t=2023-09-19T13:45');
  await waitForIdle(page);
  const slider = page.getByRole('slider', { name: 'Time' });
  await expect(slider).toHaveAttribute('aria-valuetext', '19 September 2023, 13:45 (UTC+4)');
  await expect(page.locator('.segment')).toHaveCount(5);
  expect(await page.locator('.tick').count()).toBeGreaterThan(40);
  // Events with a duration, the blockade first among them, are drawn as intervals.
  await expect(page.locator('.interval.cat-blockade').first()).toBeAttached();
  await slider.focus();
  await page.keyboard.press('End');
  await expect(page.getByTestId('time-readout')).toHaveText('15 October 2023');
  await page.keyboard.press('Home');
  await expect(page.getByTestId('time-readout')).toHaveText('1 December 2022');
  await page.keyboard.press('PageUp');
  await expect.poll(() => tParam(page)).toBe('2023-09-19T13:00');
  await page.keyboard.press('Shift+ArrowRight');
  await expect.poll(() => tParam(page)).toBe('2023-09-19T13:45');
  await expect(page.getByTestId('event-announcer')).toContainText('Stepanakert under fire');
  expectClean(w);
});

test('chapters jump to their start, and the exodus counters are text with sources', async ({ page, baseURL }) => {
  const w = await watch(page, baseURL ?? '');
  await page.goto('/?t=2023-10-02T12:00&view=46.6,39.7,8');
  await waitForIdle(page);
  await expect(page.getByTestId('counter-crossed-into-armenia')).toHaveText('100,514');
  await expect(page.getByTestId('counter-not-counted-in-armenia')).toHaveText('19,486');
  const crossed = page.locator('[data-counter="crossed-into-armenia"]');
  await crossed.locator('summary').click();
  await expect(crossed.locator('.citations')).toContainText('DW');
  await expect(crossed.locator('.citations')).toContainText('¶7');
  await expect(crossed.locator('.citations a').first()).toHaveAttribute('rel', 'noopener noreferrer');
  await page.getByRole('button', { name: 'Exodus', exact: true }).click();
  await expect.poll(() => tParam(page)).toBe('2023-09-24');
  await expect(page.getByTestId('event-card')).toHaveAttribute('data-event', /corridor-opens|exodus/);
  expectClean(w);
});

test('the map shows the corridor’s status, the checkpoint and the attacks at their times', async ({
  page,
  baseURL,
}) => {
  const w = await watch(page, baseURL ?? '');
  await page.goto('/?t=2022-12-05&view=46.6,39.75,8.6');
  await waitForIdle(page);
  expect(await renderedIds(page, 'route-open')).toContain('lachin-corridor');
  expect(await renderedIds(page, 'place-dot')).not.toContain('hakari-bridge');

  await settleAfter(page, () =>
    page.evaluate(() => window.__appStore?.getState().setTime(Date.parse('2023-07-01T00:00:00+04:00'))),
  );
  expect(await renderedIds(page, 'route-blocked')).toContain('lachin-corridor');
  expect(await renderedIds(page, 'place-dot')).toContain('hakari-bridge');

  await page.goto('/?t=2023-09-19T15:00&view=46.75,39.95,8.2');
  await waitForIdle(page);
  // Every arrow rests on a claim that is not confirmed: dashed. Each place mark carries its claim's status.
  expect(await renderedIds(page, 'attack-line')).toEqual([]);
  expect((await renderedIds(page, 'attack-line-claimed')).length).toBeGreaterThan(0);
  const marks = await page.evaluate(
    () =>
      window.__map
        ?.queryRenderedFeatures({ layers: ['place-state'] })
        .map((f) => `${f.properties?.id}:${f.properties?.state}:${f.properties?.status}`) ?? [],
  );
  expect(marks).toEqual(expect.arrayContaining(['stepanakert:under-fire:disputed', 'shusha:under-fire:claimed']));
  expect(marks.some((m) => m.startsWith('martakert:') || m.startsWith('askeran:'))).toBe(false);
  const labels = await page.evaluate(
    () => window.__map?.queryRenderedFeatures({ layers: ['place-state-label'] }).map((f) => f.properties?.label) ?? [],
  );
  expect(labels).toContain("under fire · claimed by Azerbaijan's prosecutors");
  const onMap = page.getByTestId('map-marks');
  await expect(onMap.locator('[data-mark="place:stepanakert"]')).toHaveText(
    'Stepanakert: under fire · claimed by the Karabakh Armenian authorities; disputed by Aliyev',
  );
  await expect(onMap.locator('[data-mark="place:stepanakert"]')).toHaveAttribute('data-status', 'disputed');
  await shoot(page, 'offensive');

  await page.goto('/?t=2023-09-21T08:00&view=46.95,40.2,7.5');
  await waitForIdle(page);
  expect(await renderedIds(page, 'movers')).toContain('delegation-trip:0');
  await shoot(page, 'talks-delegation');
  expectClean(w);
});

test('playback moves time forward and pauses on request', async ({ page, baseURL }) => {
  const w = await watch(page, baseURL ?? '');
  await page.goto('/?t=2023-09-24');
  await waitForIdle(page);
  await page.getByRole('button', { name: 'Play' }).click();
  await expect.poll(() => tParam(page), { timeout: 10_000 }).not.toBe('2023-09-24');
  await page.keyboard.press('Space');
  await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();
  // Pausing snaps time to the chapter's resolution (hours in the exodus), and then it stays put.
  await expect.poll(() => tParam(page)).toMatch(/^2023-\d\d-\d\d(T\d\d:00)?$/);
  const paused = tParam(page);
  await page.waitForTimeout(600);
  expect(tParam(page)).toBe(paused);
  expectClean(w);
});

test('with reduced motion, playback cuts from event to event', async ({ page, baseURL }) => {
  const w = await watch(page, baseURL ?? '');
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.goto('/?t=2023-09-19T13:45');
  await waitForIdle(page);
  await page.getByRole('button', { name: 'Play' }).click();
  // The next event after 13:45 starts on 20 September (the peacekeepers' shelter, at day precision).
  await expect.poll(() => tParam(page), { timeout: 5_000 }).toBe('2023-09-20');
  await page.getByRole('button', { name: 'Pause' }).click();
  expectClean(w);
});
