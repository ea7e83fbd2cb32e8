/**
 * Import benchmark (figures, not a test): what importing a big CSV costs the page's main thread
 * (docs/reliability.md#big-files: no long task over 200 ms). For each run, a fresh page
 * of the production build at 1 December 2022 imports a 100,000-row CSV (the rows of August 2023,
 * so the map holds them without drawing them, as in e2e/import.spec.ts) and reports:
 *   - when the layer was listed and when the map had settled with all of it;
 *   - the longest main-thread task (PerformanceObserver `longtask`), how many were over 50 and
 *     200 ms, and whether they came before or after the layer was listed;
 *   - the longest gap between animation frames.
 * With --trace, one more run records a Chromium trace (written to the file given) and prints what
 * ran in each main-thread task over 50 ms (bench/trace-tasks.ts); tracing slows that run.
 *
 *   npx tsx bench/import.ts                              build, then 3 runs
 *   npx tsx bench/import.ts --no-build --dist dist-x --runs 5 --rows 100000
 *   npx tsx bench/import.ts --no-build --dist dist-x --runs 0 --trace /tmp/import-trace.json
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from '@playwright/test';
import { build, launch, stats, withServer } from './lib';
import { printLongTasks, TRACE_CATEGORIES } from './trace-tasks';

const args = process.argv.slice(2);
const arg = (name: string, fallback: string) =>
  args.includes(name) ? (args[args.indexOf(name) + 1] ?? fallback) : fallback;
const runs = Math.max(0, Number(arg('--runs', '3')) || 0);
const trace = args.includes('--trace') ? arg('--trace', 'import-trace.json') : null;
const rowCount = Number(arg('--rows', '100000')) || 100_000;
const dist = arg('--dist', 'dist');

/** The e2e test's rows: 28 days of August 2023 over a 1° × 1° block around Stepanakert. */
function writeCsv(dir: string): string {
  const rows = ['event_date,latitude,longitude,event_type,fatalities,notes'];
  for (let i = 0; i < rowCount; i++) {
    const day = 1 + (i % 28);
    const lat = (39 + (i % 1000) / 1000).toFixed(4);
    const lon = (46 + Math.floor(i / 1000) / 100).toFixed(4);
    rows.push(`2023-08-${String(day).padStart(2, '0')},${lat},${lon},Battles,${i % 3},"Synthetic row ${i}, for load"`);
  }
  const path = join(dir, `bench-${rowCount}.csv`);
  writeFileSync(path, `${rows.join('\n')}\n`);
  return path;
}

/**
 * Watches the main thread from the page: long tasks, gaps between animation frames, when the file
 * was chosen and when the layer was listed. Plain JavaScript text: tsx would wrap named functions
 * in a helper the page does not have.
 */
const WATCH = `(() => {
  const s = { tasks: [], last: performance.now(), maxGap: 0, running: true, chosen: 0, listed: 0, idleAt: 0 };
  window.__bench = s;
  const tick = (now) => {
    s.maxGap = Math.max(s.maxGap, now - s.last);
    s.last = now;
    if (s.running) requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) s.tasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask' });
  document.addEventListener('change', () => { s.chosen = performance.now(); }, true);
  new MutationObserver(() => {
    if (!s.listed && document.querySelector('li.import-layer')) s.listed = performance.now();
  }).observe(document.body, { subtree: true, childList: true });
  // The map counts its idle events in data-map-idle: the last one after the layer is listed is
  // when the map had taken all of it.
  new MutationObserver(() => { s.idleAt = performance.now(); })
    .observe(document.documentElement, { attributes: true, attributeFilter: ['data-map-idle'] });
})()`;

/** The longest task while the map repaints 20 times, 150 ms apart, with nothing else going on. */
const REPAINTS = `(async () => {
  const tasks = [];
  const observer = new PerformanceObserver((l) => { for (const e of l.getEntries()) tasks.push(e.duration); });
  observer.observe({ type: 'longtask' });
  for (let i = 0; i < 20; i++) {
    window.__map.triggerRepaint();
    await new Promise((r) => setTimeout(r, 150));
  }
  observer.disconnect();
  return Math.max(0, ...tasks);
})()`;

interface Run {
  repaint: number;
  listed: number;
  settled: number;
  longest: number;
  over50: number;
  over200: number;
  afterListed: number[];
  beforeListed: number[];
  maxGap: number;
}

/** A mark in the page's timeline where the import starts, which the trace's analysis starts from. */
const MARK = 'bench-import';

async function once(browser: Browser, base: string, csv: string, tracePath: string | null = null): Promise<Run> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await page.goto(`${base}/?t=2022-12-12`);
  await page.waitForFunction(() => Number(document.documentElement.dataset.mapIdle ?? 0) > 0, null, {
    timeout: 60_000,
  });
  await page.waitForTimeout(500);
  // What a repaint of the map alone costs on this machine now: the floor under any long task.
  const repaint = (await page.evaluate(REPAINTS)) as number;
  await page.evaluate(WATCH);
  if (tracePath) {
    await browser.startTracing(page, { categories: TRACE_CATEGORIES });
    await page.evaluate((name) => performance.mark(name), MARK);
  }
  await page.locator('section.import-panel input[type="file"]').setInputFiles(csv);
  await page.waitForFunction(() => document.querySelector('li.import-layer'), null, { timeout: 120_000 });
  // Settled: the map went idle after the layer was listed and has stayed idle for 2 s.
  await page.waitForFunction(
    () => {
      const b = (window as unknown as { __bench: { listed: number; idleAt: number } }).__bench;
      return b.idleAt > b.listed && performance.now() - b.idleAt > 2000;
    },
    null,
    { timeout: 120_000, polling: 100 },
  );
  const r = await page.evaluate(() => {
    const s = (
      window as unknown as {
        __bench: {
          tasks: { start: number; duration: number }[];
          maxGap: number;
          running: boolean;
          chosen: number;
          listed: number;
          idleAt: number;
        };
      }
    ).__bench;
    s.running = false;
    return { ...s };
  });
  if (tracePath) {
    const json = (await browser.stopTracing()).toString();
    writeFileSync(tracePath, json);
    console.log(`  traced run: the trace is in ${tracePath}`);
    printLongTasks(json, MARK);
  }
  await context.close();
  const tasks = r.tasks.filter((t) => t.start >= r.chosen);
  const ms = (t: { duration: number }) => Math.round(t.duration);
  return {
    repaint,
    listed: r.listed - r.chosen,
    settled: r.idleAt - r.chosen,
    longest: Math.max(0, ...tasks.map((t) => t.duration)),
    over50: tasks.length,
    over200: tasks.filter((t) => t.duration > 200).length,
    beforeListed: tasks.filter((t) => t.start < r.listed).map(ms),
    afterListed: tasks.filter((t) => t.start >= r.listed).map(ms),
    maxGap: r.maxGap,
  };
}

async function measure(base: string): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-import-'));
  const csv = writeCsv(dir);
  const browser = await launch();
  console.log(`Import: a ${rowCount.toLocaleString('en-US')}-row CSV, ${runs} runs, ${dist}/, SwiftShader (CPU) WebGL`);
  const line = (label: string, r: Run) =>
    console.log(
      `  ${label}: a repaint of the map alone ${r.repaint.toFixed(0)} ms at most; listed after ${(r.listed / 1000).toFixed(1)} s, map settled after ${(r.settled / 1000).toFixed(1)} s; longest task ${r.longest.toFixed(0)} ms; tasks over 50 ms: ${r.over50} (over 200 ms: ${r.over200}); before listed [${r.beforeListed.join(', ')}] ms, after [${r.afterListed.join(', ')}] ms; longest frame gap ${r.maxGap.toFixed(0)} ms`,
    );
  const all: Run[] = [];
  for (let i = 0; i < runs; i++) {
    const r = await once(browser, base, csv);
    all.push(r);
    line(`run ${i + 1}`, r);
  }
  if (trace) line('traced run (slowed by tracing)', await once(browser, base, csv, trace));
  if (all.length > 0) {
    const longest = stats(all.map((r) => r.longest));
    const repaint = stats(all.map((r) => r.repaint));
    const settled = stats(all.map((r) => r.settled));
    console.log(
      `  longest task: median ${longest.median.toFixed(0)} ms, worst ${Math.max(...all.map((r) => r.longest)).toFixed(0)} ms, over 200 ms in ${all.filter((r) => r.longest > 200).length} of ${all.length} runs; tasks over 50 ms per run: median ${stats(all.map((r) => r.over50)).median}, over 200 ms: median ${stats(all.map((r) => r.over200)).median}; map settled: median ${(settled.median / 1000).toFixed(1)} s; a bare repaint: median ${repaint.median.toFixed(0)} ms`,
    );
  }
  await browser.close();
  rmSync(dir, { recursive: true });
}

if (!args.includes('--no-build')) console.log(`Build: ${build().toFixed(1)} s`);
await withServer(4197, measure, dist);
