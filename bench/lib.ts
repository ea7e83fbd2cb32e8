/**
 * Shared by the benchmarks: build, serve the production build, launch Chromium, bundle sizes, and a
 * cold page load's bytes and marks.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { type Browser, chromium } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../scripts/chromium';
import { ROOT } from '../scripts/data-files';

export const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

/** The production build, then the bare MapLibre page beside it (bench/bare/, see vite.config.ts). */
export function build(): number {
  const t0 = performance.now();
  const r = spawnSync('npm', ['run', '--silent', 'build'], { cwd: ROOT, stdio: 'ignore' });
  if (r.status !== 0) throw new Error('build failed');
  const bare = spawnSync('npx', ['vite', 'build', '--logLevel', 'silent'], {
    cwd: ROOT,
    stdio: 'ignore',
    env: { ...process.env, BENCH_BARE: '1' },
  });
  if (bare.status !== 0) throw new Error('build of the bare page failed');
  return (performance.now() - t0) / 1000;
}

export function printSizes(): void {
  const dist = join(ROOT, 'dist');
  const rows: [string, number, number][] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      // dist/bench/ holds the bare page, the benchmark's and not the app's.
      if (statSync(path).isDirectory()) {
        if (path !== join(dist, 'bench')) walk(path);
      } else {
        const buf = readFileSync(path);
        rows.push([path.slice(dist.length + 1), buf.length, gzipSync(buf, { level: 9 }).length]);
      }
    }
  };
  walk(dist);
  const row = (label: string, raw: number, gz: number) =>
    console.log(`  ${label.padEnd(44)} ${kb(raw).padStart(10)} ${kb(gz).padStart(10)}`);
  const sum = (list: [string, number, number][]) =>
    [list.reduce((n, r) => n + r[1], 0), list.reduce((n, r) => n + r[2], 0)] as const;
  console.log(`\nBundle (dist/)${' '.repeat(37)}raw       gzip`);
  for (const [p, raw, gz] of rows.filter(([p]) => /\.(m?js|css)$/.test(p)).sort((a, b) => b[1] - a[1])) row(p, raw, gz);
  for (const [label, re] of [
    ['JavaScript, all (incl. worker)', /\.m?js$/],
    ['CSS', /\.css$/],
    ['fonts (woff2, loaded per script)', /\.woff2$/],
    ['basemap + data (generated/)', /^generated\//],
  ] as const) {
    const [raw, gz] = sum(rows.filter(([p]) => re.test(p)));
    row(label, raw, gz);
  }
  const [raw, gz] = sum(rows.filter(([p]) => !p.endsWith('.woff')));
  row('total (without the unused .woff fallbacks)', raw, gz);
}

/** Serves a production build (`outDir`, dist/ unless given) with `vite preview` while `fn` runs. */
export async function withServer<T>(port: number, fn: (base: string) => Promise<T>, outDir = 'dist'): Promise<T> {
  const server: ChildProcess = spawn(
    'npx',
    ['vite', 'preview', '--port', String(port), '--strictPort', '--outDir', outDir],
    {
      cwd: ROOT,
      stdio: 'ignore',
      detached: true,
    },
  );
  const base = `http://127.0.0.1:${port}`;
  try {
    for (let i = 0; i < 75; i++) {
      const up = await fetch(`${base}/`).then(
        (r) => r.ok,
        () => false,
      );
      if (up) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    return await fn(base);
  } finally {
    if (server.pid) process.kill(-server.pid);
  }
}

/**
 * Chromium for measuring: frames are not held to the display's refresh, so a frame interval is the
 * frame's own cost instead of a multiple of 16.7 ms.
 */
export function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [...CHROMIUM_ARGS, '--disable-gpu-vsync', '--disable-frame-rate-limit'],
  });
}

export function stats(xs: number[]): { median: number; p95: number; n: number } {
  const s = [...xs].sort((a, b) => a - b);
  const q = (f: number) => s[Math.min(s.length - 1, Math.floor(f * s.length))] ?? Number.NaN;
  return { median: q(0.5), p95: q(0.95), n: s.length };
}

/** An embed link as a news page would paste it. */
export const EMBED_PATH =
  '/?mode=embed&t=2023-09-28&view=46.5,39.7,8&layers=places,events,exodus,movements,routes,attacks,areas,region,rivers,borders&names=en';

/** The bare MapLibre page (bench/bare/): only the basemap and one font, the floor the app is measured against. */
export const BARE_PATH = '/bench/bare/';

/** What one cold page load cost: bytes as served and gzipped (by kind), the scripts, the marks. */
export interface Load {
  bytes: number;
  gzip: number;
  byKind: Record<string, number>;
  chunks: string[];
  marks: Record<string, number>;
}

const kindOf = (url: string) =>
  /\.m?js(\?|$)/.test(url)
    ? 'js'
    : /\.css(\?|$)/.test(url)
      ? 'css'
      : /\.woff2?(\?|$)/.test(url)
        ? 'fonts'
        : /generated\//.test(url)
          ? 'data'
          : 'other';

/**
 * Marks `map-drawn` in the app at the first map idle once the dataset is in (the store's `mapReady`,
 * set in the same idle handler that counts idles in `data-map-idle`): the app's own `map-idle` is
 * the first idle, which may come before the data. Runs in the page, so it is self-contained.
 */
function markDrawn(): void {
  new MutationObserver((_, observer) => {
    if (!window.__appStore?.getState().mapReady) return;
    performance.mark('map-drawn');
    observer.disconnect();
  }).observe(document, { subtree: true, attributeFilter: ['data-map-idle'] });
}

/**
 * One cold load of `path` (a fresh context, so an empty cache) until the `until` mark is set, with
 * the paint timings and the marks the pages set. Every request must stay on the page's origin.
 */
export async function loadOnce(
  browser: Browser,
  base: string,
  path: string,
  [width, height]: readonly [number, number],
  until = 'map-idle',
): Promise<Load> {
  const context = await browser.newContext({ viewport: { width, height } });
  await context.addInitScript(markDrawn);
  const page = await context.newPage();
  const sizes = new Map<string, { bytes: number; gzip: number }>();
  const bodies: Promise<void>[] = [];
  const foreign: string[] = [];
  // The context sees the workers' requests too (MapLibre's worker fetches the basemap and fonts).
  context.on('request', (r) => {
    if (/^https?:/.test(r.url()) && !r.url().startsWith(base)) foreign.push(r.url());
  });
  context.on('response', (r) => {
    bodies.push(
      r.body().then(
        (body) => void sizes.set(r.url(), { bytes: body.length, gzip: gzipSync(body, { level: 6 }).length }),
        // Redirects and aborted requests have no body.
        () => undefined,
      ),
    );
  });
  await page.goto(`${base}${path}`);
  await page.waitForFunction((m) => performance.getEntriesByName(m).length > 0, until, { timeout: 30_000 });
  await page.waitForTimeout(300);
  const marks = await page.evaluate(() => {
    const out: Record<string, number> = {};
    for (const e of performance.getEntriesByType('paint')) out[e.name] = e.startTime;
    for (const m of ['embed-still', 'map-load', 'map-idle', 'map-drawn'])
      out[m] = performance.getEntriesByName(m)[0]?.startTime ?? Number.NaN;
    return out;
  });
  await Promise.all(bodies);
  await context.close();
  if (foreign.length > 0) throw new Error(`${path} loaded from another host: ${foreign.join(', ')}`);
  const byKind: Record<string, number> = {};
  let bytes = 0;
  let gzip = 0;
  for (const [url, s] of sizes) {
    bytes += s.bytes;
    gzip += s.gzip;
    const k = kindOf(url);
    byKind[k] = (byKind[k] ?? 0) + s.gzip;
  }
  const chunks = [...sizes.keys()].filter((u) => /\.m?js(\?|$)/.test(u)).map((u) => u.replace(/^.*\//, ''));
  return { bytes, gzip, byKind, chunks, marks };
}
