/** Writes the basemap to public/generated/, after checking it: `npm run basemap`. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FeatureCollection } from 'geojson';
import { CLIP_BBOX } from '../src/geo/region';
import { checkFeatureCollection } from '../src/geo/validate-geojson';
import { buildBasemap } from './basemap';
import { ROOT } from './data-files';

const fc: FeatureCollection = buildBasemap();
const problems = checkFeatureCollection(fc, { bbox: CLIP_BBOX, requireRfcWinding: true });
if (problems.length > 0) {
  for (const p of problems) console.error(`basemap: ${p.path}: ${p.message}`);
  process.exit(1);
}
const outDir = join(ROOT, 'public/generated');
mkdirSync(outDir, { recursive: true });
const text = JSON.stringify(fc);
writeFileSync(join(outDir, 'basemap.geojson'), text);
const counts = fc.features.reduce<Record<string, number>>((acc, f) => {
  const layer = String((f.properties as Record<string, unknown>).layer);
  acc[layer] = (acc[layer] ?? 0) + 1;
  return acc;
}, {});
console.log(
  `basemap: ${fc.features.length} features, ${(text.length / 1024).toFixed(1)} KB →  public/generated/basemap.geojson`,
);
console.log(
  `basemap: ${Object.entries(counts)
    .map(([k, v]) => `${k} ${v}`)
    .join(', ')}`,
);
