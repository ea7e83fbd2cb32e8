/** Shared by the benchmarks: build, serve the production build, launch Chromium, bundle sizes. */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { type Browser, chromium } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../scripts/chromium';
import { ROOT } from '../scripts/data-files';

export const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

export function build(): number {
  const t0 = performance.now();
  const r = spawnSync('npm', ['run', '--silent', 'build'], { cwd: ROOT, stdio: 'ignore' });
  if (r.status !== 0) throw new Error('build failed');
  return (performance.now() - t0) / 1000;
}

export function printSizes(): void {
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
