/**
 * Checks every file under data/ against its schema and the others (`npm run data`, part of the
 * build and of `npm test`), then writes what the map loads to public/generated/. Exits non-zero
 * with one line per problem, `file: record: field: message`, when anything is wrong.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FeatureCollection } from 'geojson';
import { checkDataset, formatProblem } from '../src/data/check-data';
import { arrowFeatures, flatFeatures, KEPT_PROPERTIES } from '../src/look/dataset-features';
import { prepareDataset } from '../src/timeline/dataset';
import { loadDataset, ROOT, readCatalogue } from './data-files';
import { bundleDataset } from './dataset-bundle';
import { readEvidence } from './evidence';

const { files, unreadable } = loadDataset();
const problems = [
  ...unreadable.map((u) => ({ file: u.file, record: '-', field: '-', message: u.message })),
  ...checkDataset(files, readCatalogue(), readEvidence()),
];
if (problems.length > 0) {
  for (const p of problems) console.error(`data: ${formatProblem(p)}`);
  console.error(`data: ${problems.length} problem(s) in ${files.size + unreadable.length} files`);
  process.exit(1);
}

const bundle = bundleDataset(files, readCatalogue());
const data = prepareDataset(bundle);

const get = (file: string) => files.get(file) as FeatureCollection;
const generated: Record<string, unknown> = {
  'places.geojson': flatFeatures(get('places.geojson'), KEPT_PROPERTIES.places, data),
  'routes.geojson': flatFeatures(get('routes.geojson'), KEPT_PROPERTIES.routes, data),
  'areas.geojson': flatFeatures(get('areas.geojson'), KEPT_PROPERTIES.areas, data),
  'arrows.geojson': arrowFeatures(get('offensive-arrows.geojson'), data),
  'dataset.json': bundle,
};
const out = join(ROOT, 'public/generated');
mkdirSync(out, { recursive: true });
for (const [name, value] of Object.entries(generated)) writeFileSync(join(out, name), JSON.stringify(value));
console.log(`data: ${files.size} files checked, 0 problems → public/generated/: ${Object.keys(generated).join(', ')}`);
