/**
 * Exodus benchmark (figures, not a test). Builds the app, opens it in headless Chromium and:
 *  1. plays the exodus chapter with every person a dot (100,514 dots) and records frame times;
 *  2. in the same run, hides the dots, stops playback and forces MapLibre to repaint every frame
 *     (`map.repaint = true`), and records frame times again;
 * then prints median and p95 of each, their ratio (target ≤ 1.3), time to first idle and bundle sizes.
 *
 *   npm run bench:exodus                       build, 8 s per measurement
 *   npm run bench:exodus -- --no-build --seconds 5 --scale 10
 */
import type { Page } from '@playwright/test';
import { build, launch, printSizes, stats, withServer } from './lib';

const args = process.argv.slice(2);
const arg = (name: string, fallback: number) => {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const seconds = arg('--seconds', 8);
const scale = arg('--scale', 1);
const VIEW = '46.55,39.66,9';

/**
 * Frame intervals (ms) between animation frames over `ms` of wall time, measured in the page. Sent as
 * source text: tsx would otherwise wrap the inner functions in a helper the page does not have.
 */
function frameTimes(page: Page, ms: number): Promise<number[]> {
  return page.evaluate(`new Promise((resolve) => {
    const times = [];
    let last = 0;
    const end = performance.now() + ${ms};
    const tick = (now) => {
      if (last) times.push(now - last);
      last = now;
      if (now < end) requestAnimationFrame(tick);
      else resolve(times);
    };
    requestAnimationFrame(tick);
  })`);
}

async function run(base: string): Promise<void> {
  const browser = await launch();
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${base}/?t=2023-09-24&view=${VIEW}`);
  await page.waitForFunction(() => performance.getEntriesByName('map-idle').length > 0, null, { timeout: 30_000 });
  const firstIdle = await page.evaluate(() => performance.getEntriesByName('map-idle')[0]?.startTime ?? Number.NaN);
  await page.waitForFunction(() => window.__appStore?.getState().engine !== null, null, { timeout: 30_000 });

  // 1. Playing the exodus with the dots.
  await page.evaluate((s) => {
    const store = window.__appStore?.getState();
    store?.setDotScale(s);
    store?.setSpeed(1);
    store?.play();
  }, scale);
  await page.waitForTimeout(500);
  const withDots = stats(await frameTimes(page, seconds * 1000));
  const reached = await page.evaluate(() => window.__appStore?.getState().t ?? 0);

  // 2. Dots hidden, playback stopped, the map repainting every frame anyway.
  await page.evaluate(() => {
    const store = window.__appStore?.getState();
    store?.pause();
    store?.setLayerVisible('exodus', false);
    if (window.__map) window.__map.repaint = true;
  });
  await page.waitForTimeout(500);
  const withoutDots = stats(await frameTimes(page, seconds * 1000));
  await browser.close();

  const ms = (x: number) => `${x.toFixed(1)} ms`;
  console.log(
    `\nExodus chapter at 1280×800, view ${VIEW}, ${scale === 1 ? 'one dot per person (100,514 dots)' : `one dot per ${scale} people`}, ${seconds} s each, SwiftShader (CPU) WebGL`,
  );
  console.log(`  time to first idle                ${ms(firstIdle)}`);
  console.log(
    `  playing, dots shown               median ${ms(withDots.median)}, p95 ${ms(withDots.p95)} (${withDots.n} frames; played to ${new Date(reached + 4 * 3.6e6).toISOString().slice(0, 16)} local)`,
  );
  console.log(
    `  stopped, dots hidden, repaint on  median ${ms(withoutDots.median)}, p95 ${ms(withoutDots.p95)} (${withoutDots.n} frames)`,
  );
  console.log(
    `  ratio dots / no dots              median ${(withDots.median / withoutDots.median).toFixed(2)}, p95 ${(withDots.p95 / withoutDots.p95).toFixed(2)} (target ≤ 1.3)`,
  );
  if (errors.length) console.log(`  page errors: ${errors.join('; ')}`);
}

if (!args.includes('--no-build')) console.log(`Build (basemap + data + vite build): ${build().toFixed(1)} s`);
printSizes();
await withServer(4175, run);
