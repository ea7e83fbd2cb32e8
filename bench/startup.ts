/**
 * Startup benchmark (figures, not a test): bundle sizes, raw and gzip, and the time from navigation
 * to the map's `load` and first `idle` in headless Chromium against the production build.
 *
 *   npm run bench              build, then measure 9 page loads per mode
 *   npm run bench -- --no-build --runs 5
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../scripts/chromium';
import { ROOT } from '../scripts/data-files';

const args = process.argv.slice(2);
const runs = Number(args[args.indexOf('--runs') + 1] ?? 9) || 9;
const PORT = 4174;

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

function sizes(): void {
  const dist = join(ROOT, 'dist');
  const rows: [string, number, number][] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else {
        const buf = readFileSync(path);
        rows.push([path.slice(dist.length + 1), buf.length, gzipSync(buf, { level: 9 }).length]);
      }
    }
  };
  walk(dist);
  const group = (re: RegExp) => rows.filter(([p]) => re.test(p));
  const line = (label: string, list: [string, number, number][]) =>
    console.log(
      `  ${label.padEnd(34)} ${kb(list.reduce((n, r) => n + r[1], 0)).padStart(10)} ${kb(list.reduce((n, r) => n + r[2], 0)).padStart(10)}`,
    );
  console.log(`\nBundle (dist/)                        raw       gzip`);
  for (const [p, raw, gz] of rows.filter(([p]) => /\.(js|mjs|css)$/.test(p)).sort((a, b) => b[1] - a[1])) {
    console.log(`  ${p.padEnd(34)} ${kb(raw).padStart(10)} ${kb(gz).padStart(10)}`);
  }
  line('JavaScript, all (incl. worker)', group(/\.m?js$/));
  line('CSS', group(/\.css$/));
  line('fonts (woff2 + woff fallback)', group(/\.woff2?$/));
  line('basemap + data (generated/)', group(/^generated\//));
  line('total', rows);
}

async function measure(): Promise<void> {
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: CHROMIUM_ARGS,
  });
  console.log(`\nTime to map load / first idle, ${runs} cold page loads each, 1280×800, SwiftShader (CPU) WebGL`);
  for (const mode of ['explore', 'present', 'embed']) {
    const loads: number[] = [];
    const idles: number[] = [];
    for (let i = 0; i < runs; i++) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      const page = await context.newPage();
      await page.goto(`http://127.0.0.1:${PORT}/?mode=${mode}`);
      await page.waitForFunction(() => performance.getEntriesByName('map-idle').length > 0, null, { timeout: 30_000 });
      const [load, idle] = await page.evaluate(() =>
        ['map-load', 'map-idle'].map((m) => performance.getEntriesByName(m)[0]?.startTime ?? Number.NaN),
      );
      loads.push(load ?? Number.NaN);
      idles.push(idle ?? Number.NaN);
      await context.close();
    }
    const stat = (xs: number[]) => {
      const s = [...xs].sort((a, b) => a - b);
      const median = s[Math.floor(s.length / 2)] ?? Number.NaN;
      return `median ${median.toFixed(0)} ms (min ${s[0]?.toFixed(0)}, max ${s[s.length - 1]?.toFixed(0)})`;
    };
    console.log(`  ${mode.padEnd(8)} load ${stat(loads)}; idle ${stat(idles)}`);
  }
  await browser.close();
}

async function main() {
  if (!args.includes('--no-build')) {
    const t0 = performance.now();
    const r = spawnSync('npm', ['run', '--silent', 'build'], { cwd: ROOT, stdio: 'ignore' });
    if (r.status !== 0) throw new Error('build failed');
    console.log(`Build (basemap + data + vite build): ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  }
  sizes();
  const server: ChildProcess = spawn('npx', ['vite', 'preview', '--port', String(PORT), '--strictPort'], {
    cwd: ROOT,
    stdio: 'ignore',
    detached: true,
  });
  try {
    for (let i = 0; i < 50; i++) {
      const up = await fetch(`http://127.0.0.1:${PORT}/`).then(
        (r) => r.ok,
        () => false,
      );
      if (up) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    await measure();
  } finally {
    if (server.pid) process.kill(-server.pid);
  }
}

await main();
