/**
 * Checks every file under data/ against its schema and the others (`npm run data`, part of the
 * build and of `npm test`), then writes what the map loads to public/generated/. Exits non-zero
 * with one line per problem, `file: record: field: message`, when anything is wrong.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { bearing } from '@turf/turf';
import type { FeatureCollection } from 'geojson';
import { checkDataset, formatProblem } from '../src/data/check-data';
import { markProperties } from '../src/map/scene-features';
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

// The map reads flat properties: names become name_en, name_hy, …; the rest it needs is kept, and
// an encirclement or attack arrow gets the status of the claims it depicts and the label saying it.
const flatten = (fc: FeatureCollection, keep: string[]): FeatureCollection => ({
  type: 'FeatureCollection',
  features: fc.features.map((f) => {
    const p = (f.properties ?? {}) as Record<string, unknown>;
    const flat: Record<string, unknown> = {};
    for (const k of keep) if (p[k] !== undefined) flat[k] = p[k];
    for (const [lang, name] of Object.entries((p.names ?? {}) as Record<string, string>)) flat[`name_${lang}`] = name;
    if (p.depicts !== undefined) Object.assign(flat, markProperties(data.areaInfo.get(String(p.id))));
    return { type: 'Feature', id: String(p.id), properties: flat, geometry: f.geometry };
  }),
});

/** Arrowheads for the attack arrows: a point at each line's end, turned along its last segment. */
function arrowHeads(fc: FeatureCollection): FeatureCollection {
  const mark = (id: unknown) => markProperties(data.areaInfo.get(String(id)));
  return {
    type: 'FeatureCollection',
    features: fc.features.flatMap((f) => {
      if (f.geometry.type !== 'LineString') return [];
      const c = f.geometry.coordinates;
      const a = c[c.length - 2];
      const b = c[c.length - 1];
      if (!a || !b) return [];
      return [
        {
          type: 'Feature',
          id: `${String(f.properties?.id)}-head`,
          properties: {
            id: f.properties?.id,
            head: true,
            icon: 'arrow-head',
            bearing: bearing(a, b),
            ...mark(f.properties?.id),
          },
          geometry: { type: 'Point', coordinates: b },
        },
      ];
    }),
  };
}

const get = (file: string) => files.get(file) as FeatureCollection;
const generated: Record<string, unknown> = {
  'places.geojson': flatten(get('places.geojson'), ['id', 'kind', 'rank']),
  'routes.geojson': flatten(get('routes.geojson'), ['id', 'kind']),
  'areas.geojson': flatten(get('areas.geojson'), ['id', 'kind', 'approximate']),
  'arrows.geojson': (() => {
    const lines = flatten(get('offensive-arrows.geojson'), ['id', 'kind']);
    return {
      type: 'FeatureCollection',
      features: [...lines.features, ...arrowHeads(get('offensive-arrows.geojson')).features],
    };
  })(),
  'dataset.json': bundle,
};
const out = join(ROOT, 'public/generated');
mkdirSync(out, { recursive: true });
for (const [name, value] of Object.entries(generated)) writeFileSync(join(out, name), JSON.stringify(value));
console.log(`data: ${files.size} files checked, 0 problems → public/generated/: ${Object.keys(generated).join(', ')}`);
