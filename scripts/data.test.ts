/** Data tests: every file under data/ against its schema, and the basemap built from it. */
import { booleanPointInPolygon, point } from '@turf/turf';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { CHECKED_FILES, checkDataFile, formatProblem } from '../src/data/check-data';
import { CLIP_BBOX } from '../src/geo/region';
import { checkFeatureCollection } from '../src/geo/validate-geojson';
import { buildBasemap } from './basemap';
import { listDataFiles, readDataFile } from './data-files';

const files = listDataFiles();

describe('files under data/', () => {
  it('have a schema each, and every schema has its file', () => {
    expect(files).toEqual([...CHECKED_FILES].sort());
  });

  it.each(files)('%s passes its schema, geometry and cross-checks', (file) => {
    expect(checkDataFile(file, readDataFile(file)).map(formatProblem)).toEqual([]);
  });

  it('name the places the foundation shows in all four conventions where they differ', () => {
    const fcPlaces = readDataFile('places.geojson') as FeatureCollection;
    const byId = new Map(fcPlaces.features.map((f) => [f.properties?.id, f.properties?.names]));
    expect(byId.get('stepanakert')).toMatchObject({ en: 'Stepanakert', az: 'Xankəndi', hy: 'Ստեփանակերտ' });
    expect(byId.get('martakert')).toMatchObject({ az: 'Ağdərə' });
    expect(byId.get('lachin')).toMatchObject({ hy: 'Բերձոր', az: 'Laçın' });
  });
});

describe('the generated basemap', () => {
  const basemap = buildBasemap();
  const of = (layer: string) => basemap.features.filter((f) => f.properties?.layer === layer);
  const covers = (f: Feature | undefined, lon: number, lat: number) =>
    f !== undefined && booleanPointInPolygon(point([lon, lat]), f as Feature<Polygon | MultiPolygon>);

  it('is sound GeoJSON inside the region, with RFC 7946 winding', () => {
    expect(checkFeatureCollection(basemap, { bbox: CLIP_BBOX, requireRfcWinding: true })).toEqual([]);
  });

  it('stays small enough to ship with the app', () => {
    expect(JSON.stringify(basemap).length).toBeLessThan(150_000);
  });

  it('has land, and the six countries of the region with names', () => {
    expect(of('land')).toHaveLength(1);
    expect(
      of('country')
        .map((f) => f.properties?.id)
        .sort(),
    ).toEqual(['armenia', 'azerbaijan', 'georgia', 'iran', 'russia', 'turkey'].sort());
    expect(of('label-country').every((f) => ['en', 'hy', 'az', 'ru'].every((l) => f.properties?.[`name_${l}`]))).toBe(
      true,
    );
  });

  it('draws Nakhchivan as part of Azerbaijan, and Yerevan in Armenia', () => {
    const azerbaijan = of('country').find((f) => f.properties?.id === 'azerbaijan');
    const armenia = of('country').find((f) => f.properties?.id === 'armenia');
    expect(covers(azerbaijan, 45.41, 39.21)).toBe(true); // Nakhchivan city
    expect(covers(armenia, 44.5152, 40.1872)).toBe(true);
    expect(of('label-subregion').map((f) => f.properties?.name_az)).toEqual(['Naxçıvan (Azərbaycan)']);
  });

  it('has Lake Sevan', () => {
    expect(of('lake').some((f) => covers(f, 45.3, 40.36))).toBe(true);
  });

  it('has the Aras along the Iran border, ending where it leaves it, and the hand-drawn Kura', () => {
    const aras = of('river').filter((f) => f.properties?.id === 'aras' || f.properties?.id === 'aras-lower');
    expect(aras.length).toBeGreaterThanOrEqual(2);
    const coords = aras.flatMap((f) => (f.geometry.type === 'LineString' ? f.geometry.coordinates : []));
    // No part of the drawn Aras runs along the Iran–Azerbaijan land border south-east of Bahramtapa.
    expect(coords.every(([lon = 0, lat = 0]) => !(lon > 48 && lat < 39.6))).toBe(true);
    const kura = of('river').find((f) => f.properties?.id === 'kura');
    expect(kura?.properties).toMatchObject({ approximate: true, name_az: 'Kür' });
  });

  it('outlines Nagorno-Karabakh, marked approximate, around Stepanakert and not around Goris', () => {
    const [region] = of('region');
    expect(region?.properties).toMatchObject({ approximate: true, name_en: 'Nagorno-Karabakh' });
    expect(covers(region, 46.7519, 39.8153)).toBe(true);
    expect(covers(region, 46.3386, 39.5078)).toBe(false);
  });
});
