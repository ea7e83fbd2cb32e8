/**
 * Prints the schematic outline of the Russian peacekeepers' zone for data/areas.geojson
 * (`npx tsx scripts/zone-geometry.ts`): the area held until the offensive, joined with a strip
 * along the corridor road as drawn from Stepanakert to the Hakari bridge, cut to
 * Azerbaijan's territory as the basemap draws it, and leaving out Shusha, which has been under
 * Azerbaijani control since November 2020. No public outline of the zone exists
 * (docs/data-rules.md#what-each-section-holds, §3); the data tests check the result against those rules.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  buffer,
  circle,
  difference,
  featureCollection,
  intersect,
  lineString,
  rewind,
  simplify,
  truncate,
  union,
} from '@turf/turf';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { buildBasemap } from './basemap';
import { DATA_DIR } from './data-files';

type Area = Feature<Polygon | MultiPolygon>;
const read = (file: string) => JSON.parse(readFileSync(join(DATA_DIR, file), 'utf8')) as FeatureCollection;
const places = new Map(read('places.geojson').features.map((f) => [f.properties?.id, f]));
const at = (id: string) => {
  const p = places.get(id);
  if (p?.geometry.type !== 'Point') throw new Error(`zone: no place ${id}`);
  return p.geometry.coordinates;
};

export const SHUSHA_CUT_KM = 1.5;

export function zoneGeometry(): Polygon | MultiPolygon {
  const held = read('areas.geojson').features.find((f) => f.properties?.id === 'held-before-offensive') as Area;
  const corridor = read('routes.geojson').features.find((f) => f.properties?.id === 'lachin-corridor');
  const waypoints = corridor?.properties?.waypoints as string[];
  // 5 km wide as far as Hin Shen, then 2 km wide to the bridge: the basemap's coarse border would
  // otherwise let the strip's end reach Kornidzor, in Armenia, 2.3 km beyond the bridge.
  const toBridge = waypoints.slice(0, waypoints.indexOf('hakari-bridge') + 1);
  const wide = lineString(toBridge.slice(0, toBridge.indexOf('hin-shen') + 1).map(at));
  const narrow = lineString(toBridge.slice(toBridge.indexOf('hin-shen')).map(at));
  const strip = union(
    featureCollection([
      buffer(wide, 2.5, { units: 'kilometers', steps: 16 }) as Area,
      buffer(narrow, 1, { units: 'kilometers', steps: 16 }) as Area,
    ]),
  ) as Area;
  const joined = union(featureCollection([held, strip])) as Area;
  const withoutShusha = difference(
    featureCollection([joined, circle(at('shusha'), SHUSHA_CUT_KM, { units: 'kilometers', steps: 32 })]),
  ) as Area;
  const azerbaijan = buildBasemap().features.find(
    (f) => f.properties?.layer === 'country' && f.properties?.id === 'azerbaijan',
  ) as Area;
  const inside = intersect(featureCollection([withoutShusha, azerbaijan])) as Area;
  const simple = truncate(simplify(inside, { tolerance: 0.0005, highQuality: true }), { precision: 4 });
  return (rewind(simple, { reverse: false }) as Area).geometry;
}

if (process.argv[1]?.endsWith('zone-geometry.ts')) console.log(JSON.stringify(zoneGeometry()));
