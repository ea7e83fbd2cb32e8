/**
 * Startup benchmark (figures, not a test): bundle sizes, then the app against its floor, a bare
 * MapLibre page that draws only the same basemap with one font (bench/bare/). One run, loads
 * interleaved (bare, explore, present, embed, then the bare page and the embed at 640×400, again),
 * so a busy machine slows every page alike; medians of cold loads against the production build.
 * Per page: bytes as served and gzipped, the map drawn with the dataset (the app: its first idle
 * once the data is in; the bare page: its first idle), and for the embed the first contentful paint
 * and the still picture; each as a ratio to the bare page at the same size.
 *
 *   npm run bench              build, then 5 loads of each
 *   npm run bench -- --no-build --runs 9
 */
import { loadavg } from 'node:os';
import { BARE_PATH, build, EMBED_PATH, type Load, launch, loadOnce, printSizes, stats, withServer } from './lib';

const args = process.argv.slice(2);
const runs = Math.max(5, Number(args[args.indexOf('--runs') + 1] ?? 5) || 5);

type Size = readonly [number, number];
const LARGE: Size = [1280, 800];
const SMALL: Size = [640, 400];
const PAGES = [
  { name: 'bare', path: BARE_PATH, size: LARGE, drawn: 'map-idle' },
  { name: 'explore', path: '/?mode=explore', size: LARGE, drawn: 'map-drawn' },
  { name: 'present', path: '/?mode=present', size: LARGE, drawn: 'map-drawn' },
  { name: 'embed', path: EMBED_PATH, size: LARGE, drawn: 'map-drawn' },
  { name: 'bare', path: BARE_PATH, size: SMALL, drawn: 'map-idle' },
  { name: 'embed', path: EMBED_PATH, size: SMALL, drawn: 'map-drawn' },
] as const;

const load = () =>
  loadavg()
    .map((n) => n.toFixed(2))
    .join(' ');
const cell = (n: number, width: number, digits = 0) => (Number.isFinite(n) ? n.toFixed(digits) : '–').padStart(width);

async function measure(base: string): Promise<void> {
  const browser = await launch();
  const loads: Load[][] = PAGES.map(() => []);
  console.log(`\nLoad average before: ${load()}`);
  for (let i = 0; i < runs; i++)
    for (const [p, page] of PAGES.entries())
      loads[p]?.push(await loadOnce(browser, base, page.path, page.size, page.drawn));
  await browser.close();

  const med = (p: number, f: (l: Load) => number) => stats((loads[p] ?? []).map(f)).median;
  const rows = PAGES.map((page, p) => ({
    page,
    served: med(p, (l) => l.bytes) / 1024,
    gzip: med(p, (l) => l.gzip) / 1024,
    drawn: med(p, (l) => l.marks[page.drawn] ?? Number.NaN),
    drawnP95: stats((loads[p] ?? []).map((l) => l.marks[page.drawn] ?? Number.NaN)).p95,
    fcp: med(p, (l) => l.marks['first-contentful-paint'] ?? Number.NaN),
    still: med(p, (l) => l.marks['embed-still'] ?? Number.NaN),
  }));
  console.log(
    `\nAgainst the bare MapLibre page: medians of ${runs} interleaved cold loads each, SwiftShader (CPU) WebGL; load average after: ${load()}`,
  );
  console.log(
    '                     served    gzip  ×bare   drawn ms  (p95)  ×bare   FCP ms  still ms  still ×bare drawn',
  );
  for (const r of rows) {
    const bare = rows.find((b) => b.page.name === 'bare' && b.page.size === r.page.size);
    const ratio = (n: number, of: number | undefined) => cell(n / (of ?? Number.NaN), 5, 2);
    console.log(
      `  ${r.page.size.join('×').padEnd(9)} ${r.page.name.padEnd(8)}${cell(r.served, 6)} KB${cell(r.gzip, 5)} KB ${ratio(r.gzip, bare?.gzip)}  ${cell(r.drawn, 9)} ${cell(r.drawnP95, 6)}  ${ratio(r.drawn, bare?.drawn)}  ${cell(r.fcp, 7)}  ${cell(r.still, 8)}  ${r.page.name === 'embed' ? ratio(r.still, bare?.drawn) : ''}`,
    );
  }
  console.log(`  bare page scripts: ${loads[0]?.[0]?.chunks.join(', ')}`);
}

if (!args.includes('--no-build'))
  console.log(`Build (basemap + data + vite build + bare page): ${build().toFixed(1)} s`);
printSizes();
await withServer(4174, measure);
