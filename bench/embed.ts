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
import { build, EMBED_PATH, kb, type Load, launch, loadOnce, stats, withServer } from './lib';

const args = process.argv.slice(2);
const runs = Number(args[args.indexOf('--runs') + 1] ?? 5) || 5;

const SIZES = [
  [320, 240],
  [640, 400],
  [1200, 700],
] as const;
const FORBIDDEN = /ExploreMode|PresentMode|AppHeader|EmbedDialog|ImportPanel|import-worker/;

async function measure(base: string): Promise<void> {
  const browser = await launch();
  console.log(`Embed: ${runs} cold loads per size, SwiftShader (CPU) WebGL, production build`);
  for (const [width, height] of SIZES) {
    const loads: Load[] = [];
    for (let i = 0; i < runs; i++) loads.push(await loadOnce(browser, base, EMBED_PATH, [width, height]));
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
  const explore = await loadOnce(browser, base, '/?mode=explore', [1280, 800]);
  console.log(
    `\n  For comparison, explore at 1280×800: ${kb(explore.bytes)} as served, ${kb(explore.gzip)} gzipped, ${explore.chunks.length} scripts`,
  );
  await browser.close();
}

if (!args.includes('--no-build')) console.log(`Build: ${build().toFixed(1)} s`);
await withServer(4176, measure);
