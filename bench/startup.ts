/**
 * Startup benchmark (figures, not a test): bundle sizes, raw and gzip, and the time from navigation
 * to the map's `load` and first `idle` in headless Chromium against the production build.
 *
 *   npm run bench              build, then measure 9 page loads per mode
 *   npm run bench -- --no-build --runs 5
 */
import { build, launch, printSizes, stats, withServer } from './lib';

const args = process.argv.slice(2);
const runs = Number(args[args.indexOf('--runs') + 1] ?? 9) || 9;

async function measure(base: string): Promise<void> {
  const browser = await launch();
  console.log(`\nTime to map load / first idle, ${runs} cold page loads each, 1280×800, SwiftShader (CPU) WebGL`);
  for (const mode of ['explore', 'present', 'embed']) {
    const loads: number[] = [];
    const idles: number[] = [];
    for (let i = 0; i < runs; i++) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      const page = await context.newPage();
      await page.goto(`${base}/?mode=${mode}`);
      await page.waitForFunction(() => performance.getEntriesByName('map-idle').length > 0, null, { timeout: 30_000 });
      const [load, idle] = await page.evaluate(() =>
        ['map-load', 'map-idle'].map((m) => performance.getEntriesByName(m)[0]?.startTime ?? Number.NaN),
      );
      loads.push(load ?? Number.NaN);
      idles.push(idle ?? Number.NaN);
      await context.close();
    }
    const l = stats(loads);
    const d = stats(idles);
    console.log(
      `  ${mode.padEnd(8)} load median ${l.median.toFixed(0)} ms, p95 ${l.p95.toFixed(0)} ms; first idle median ${d.median.toFixed(0)} ms, p95 ${d.p95.toFixed(0)} ms`,
    );
  }
  await browser.close();
}

if (!args.includes('--no-build')) console.log(`Build (basemap + data + vite build): ${build().toFixed(1)} s`);
printSizes();
await withServer(4174, measure);
