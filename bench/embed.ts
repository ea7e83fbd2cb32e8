/**
 * Embed benchmark (figures, not a test): what an iframe costs a news page. For each frame size,
 * cold loads of an embed link in headless Chromium against the production build:
 *   - bytes transferred (as served by `vite preview`, which does not compress) and the same
 *     responses gzipped (what a host with compression sends), split by kind;
 *   - which chunks were loaded (the analyst's and presenter's code must not be);
 *   - first contentful paint, the still picture painted (`embed-still` mark), the map's `load`
 *     and its first `idle` (the live map has replaced the still).
 *
 *   npm run bench:embed                  build, then 5 loads per size
 *   npm run bench:embed -- --no-build --runs 3
 */
import { gzipSync } from 'node:zlib';
import type { Browser } from '@playwright/test';
import { build, kb, launch, stats, withServer } from './lib';

const args = process.argv.slice(2);
const runs = Number(args[args.indexOf('--runs') + 1] ?? 5) || 5;

const EMBED =
  '/?mode=embed&t=2023-09-28&view=46.5,39.7,8&layers=places,events,exodus,movements,routes,attacks,areas,region,rivers,borders&names=en';
const SIZES = [
  [320, 240],
  [640, 400],
  [1200, 700],
] as const;
const FORBIDDEN = /ExploreMode|PresentMode|AppHeader|EmbedDialog|ImportPanel|import-worker/;

interface Load {
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

async function loadOnce(browser: Browser, base: string, width: number, height: number, path: string): Promise<Load> {
  const context = await browser.newContext({ viewport: { width, height } });
  const page = await context.newPage();
  const sizes = new Map<string, { bytes: number; gzip: number }>();
  page.on('response', async (r) => {
    try {
      const body = await r.body();
      sizes.set(r.url(), { bytes: body.length, gzip: gzipSync(body, { level: 6 }).length });
    } catch {
      // Redirects and aborted requests have no body.
    }
  });
  await page.goto(`${base}${path}`);
  await page.waitForFunction(() => performance.getEntriesByName('map-idle').length > 0, null, { timeout: 30_000 });
  await page.waitForTimeout(300);
  const marks = await page.evaluate(() => {
    const out: Record<string, number> = {};
    for (const e of performance.getEntriesByType('paint')) out[e.name] = e.startTime;
    for (const m of ['embed-still', 'map-load', 'map-idle'])
      out[m] = performance.getEntriesByName(m)[0]?.startTime ?? Number.NaN;
    return out;
  });
  await context.close();
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

async function measure(base: string): Promise<void> {
  const browser = await launch();
  console.log(`Embed: ${runs} cold loads per size, SwiftShader (CPU) WebGL, production build`);
  for (const [width, height] of SIZES) {
    const loads: Load[] = [];
    for (let i = 0; i < runs; i++) loads.push(await loadOnce(browser, base, width, height, EMBED));
    const med = (f: (l: Load) => number) => stats(loads.map(f)).median;
    const first = loads[0] as Load;
    console.log(`\n  ${width}×${height}`);
    console.log(
      `    transferred ${kb(med((l) => l.bytes))} as served, ${kb(med((l) => l.gzip))} gzipped (${Object.entries(
        first.byKind,
      )
        .map(([k, v]) => `${k} ${kb(v)}`)
        .join(', ')})`,
    );
    for (const m of ['first-paint', 'first-contentful-paint', 'embed-still', 'map-load', 'map-idle']) {
      const s = stats(loads.map((l) => l.marks[m] ?? Number.NaN));
      console.log(
        `    ${m.padEnd(24)} median ${s.median.toFixed(0).padStart(5)} ms   p95 ${s.p95.toFixed(0).padStart(5)} ms`,
      );
    }
    const forbidden = first.chunks.filter((c) => FORBIDDEN.test(c));
    console.log(`    chunks: ${first.chunks.join(', ')}`);
    console.log(`    analyst or presentation chunks loaded: ${forbidden.length === 0 ? 'none' : forbidden.join(', ')}`);
  }
  const explore = await loadOnce(browser, base, 1280, 800, '/?mode=explore');
  console.log(
    `\n  For comparison, explore at 1280×800: ${kb(explore.bytes)} as served, ${kb(explore.gzip)} gzipped, ${explore.chunks.length} scripts`,
  );
  await browser.close();
}

if (!args.includes('--no-build')) console.log(`Build: ${build().toFixed(1)} s`);
await withServer(4176, measure);
