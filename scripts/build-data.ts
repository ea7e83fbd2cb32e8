/**
 * Checks every file under data/ against its schema and the others (`npm run data`, part of the
 * build and of `npm test`), then writes what the map loads to public/generated/. Exits non-zero
 * with one line per problem, `file: record: field: message`, when anything is wrong.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FeatureCollection } from 'geojson';
import { checkDataset, formatProblem } from '../src/data/check-data';
import { loadDataset, ROOT, readCatalogue } from './data-files';
import { bundleDataset } from './dataset-bundle';

const { files, unreadable } = loadDataset();
const problems = [
  ...unreadable.map((u) => ({ file: u.file, record: '-', field: '-', message: u.message })),
  ...checkDataset(files, readCatalogue()),
];
if (problems.length > 0) {
  for (const p of problems) console.error(`data: ${formatProblem(p)}`);
  console.error(`data: ${problems.length} problem(s) in ${files.size + unreadable.length} files`);
  process.exit(1);
}

// The map reads flat properties: names become name_en, name_hy, …
const places = files.get('places.geojson') as FeatureCollection;
const mapPlaces: FeatureCollection = {
  type: 'FeatureCollection',
  features: places.features.map((f) => {
    const p = f.properties as { id: string; kind: string; rank: number; names: Record<string, string> };
    const flat: Record<string, unknown> = { id: p.id, kind: p.kind, rank: p.rank };
    for (const [lang, name] of Object.entries(p.names)) flat[`name_${lang}`] = name;
    return { type: 'Feature', id: p.id, properties: flat, geometry: f.geometry };
  }),
};
const out = join(ROOT, 'public/generated');
mkdirSync(out, { recursive: true });
writeFileSync(join(out, 'places.geojson'), JSON.stringify(mapPlaces));
writeFileSync(join(out, 'dataset.json'), JSON.stringify(bundleDataset(files, readCatalogue())));
console.log(
  `data: ${files.size} files checked, 0 problems; ${mapPlaces.features.length} places → public/generated/places.geojson`,
);
