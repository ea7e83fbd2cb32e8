import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium';

const base = 'http://127.0.0.1:4199/';
const shots: [string, string, number, number][] = [
  ['kut', '?t=2023-10-02T12:00&view=45.95,40.17,9.5', 1280, 800],
  ['offensive', '?t=2023-09-19T15:00&view=46.8,39.95,9', 1280, 800],
  ['depot', '?t=2023-09-25T20:00&view=46.75,39.85,10', 1280, 800],
  ['airport', '?t=2023-09-20T12:00&view=46.76,39.86,10', 1280, 800],
  ['present-kut', '?mode=present&t=2023-10-02T12:00&view=45.95,40.17,9.5', 1280, 720],
  ['present-offensive', '?mode=present&t=2023-09-19T15:00&view=46.8,39.95,9', 1280, 720],
  ['embed-offensive', '?mode=embed&t=2023-09-19T15:00&view=46.8,39.95,9', 640, 400],
  ['inspector-kut', '?t=2023-10-02T12:00&view=45.95,40.17,9.5&sel=event:kut-shooting', 1280, 800],
];
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
for (const [name, q, w, h] of shots.filter(([n]) => process.argv.length < 3 || process.argv.includes(n))) {
  const page = await browser.newPage({ viewport: { width: w, height: h } });
  page.on('pageerror', (e) => console.log('pageerror', name, e.message));
  await page.goto(base + q);
  await page
    .waitForFunction(() => Number(document.documentElement.dataset.mapIdle ?? 0) > 0, null, { timeout: 60000 })
    .catch(() => console.log('no idle', name));
  await page.waitForTimeout(1500);
  await page.screenshot({ path: `/tmp/shots/${name}.png` });
  await page.close();
}
await browser.close();
