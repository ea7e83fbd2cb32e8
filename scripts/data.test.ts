/** Data tests: every file under data/ against its schema and the others, the catalogue of sources, and the basemap. */

import { existsSync } from 'node:fs';
import { booleanPointInPolygon, point } from '@turf/turf';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { CHECKED_FILES, checkDataset, citedArticles, formatProblem } from '../src/data/check-data';
import { CLIP_BBOX } from '../src/geo/region';
import { checkFeatureCollection } from '../src/geo/validate-geojson';
import { buildBasemap } from './basemap';
import { buildCatalogue, type Catalogue, SEEDS_DIR } from './catalogue';
import { listDataFiles, loadDataset, readCatalogue } from './data-files';
import { buildEvidence, evidenceSourcesPresent, readEvidence } from './evidence';

const files = listDataFiles();
const { files: dataset } = loadDataset();
const catalogue = readCatalogue() as Catalogue;
const evidence = readEvidence();
const events = (dataset.get('events.json') as { events: Record<string, unknown>[] }).events;
const eventById = (id: string) => events.find((e) => e.id === id) as Record<string, unknown> & { figures?: Figure[] };
interface Figure {
  quantity: string;
  value?: number;
  claimant: string;
}

describe('files under data/', () => {
  it('have a schema each, and every schema has its file', () => {
    expect(files).toEqual([...CHECKED_FILES].sort());
  });

  it.each(files)('%s passes its schema, geometry and the cross-checks', (file) => {
    const problems = checkDataset(dataset, catalogue, evidence).filter((p) => p.file === file);
    expect(problems.map(formatProblem)).toEqual([]);
  });
});

describe('the catalogue of source documents', () => {
  const articleIds = catalogue.documents.flatMap((d) => d.articles.map((a) => a.id));

  it('has one record per document file and stable, unique article ids', () => {
    expect(catalogue.documents.map((d) => d.id)).toEqual(['s000', 's001', 's002', 's003', 's004']);
    expect(new Set(articleIds).size).toBe(articleIds.length);
    for (const d of catalogue.documents) for (const a of d.articles) expect(a.id.startsWith(`${d.id}-a`)).toBe(true);
  });

  it.skipIf(!existsSync(SEEDS_DIR))('matches the documents: checksums, line ranges and paragraph counts', () => {
    expect(buildCatalogue()).toEqual(catalogue);
  });

  it.skipIf(!evidenceSourcesPresent())(
    'has, in seeds/evidence.json, exactly the numbers each paragraph and fact-sheet row states',
    () => {
      expect(buildEvidence()).toEqual(evidence);
    },
  );

  it('has numbers for every paragraph of every catalogued article', () => {
    for (const d of catalogue.documents)
      for (const a of d.articles) expect(evidence.paragraphs[a.id]?.length, a.id).toBe(a.paragraphs);
  });

  it.each(catalogue.documents.map((d) => [d.id, d] as const))(
    'document %s and each of its articles are cited by the data',
    (_, doc) => {
      const cited = citedArticles([...dataset.values()]);
      const uncited = doc.articles.map((a) => a.id).filter((id) => !cited.has(id));
      expect(uncited, `articles of ${doc.file} that no data cites`).toEqual([]);
    },
  );
});

describe('the dataset', () => {
  const placeIds = (dataset.get('places.geojson') as FeatureCollection).features.map((f) => f.properties?.id);

  it('has every place the issue names', () => {
    const required = [
      'stepanakert',
      'yevlakh',
      'goris',
      'martakert',
      'kut',
      'shusha',
      'lachin',
      'kornidzor',
      'hakari-bridge',
      'airport',
      'peacekeeper-base',
      'askeran',
      'aghdam',
      'sotk',
      'ishkhanasar',
      'yerevan',
      'baku',
      'nakhchivan',
      'fuel-depot',
    ];
    expect(required.filter((id) => !placeIds.includes(id))).toEqual([]);
  });

  it('names the places the foundation shows in all four conventions where they differ', () => {
    const byId = new Map(
      (dataset.get('places.geojson') as FeatureCollection).features.map((f) => [f.properties?.id, f.properties]),
    );
    expect(byId.get('stepanakert')?.names).toMatchObject({ en: 'Stepanakert', az: 'Xankəndi', hy: 'Ստեփանակերտ' });
    expect(byId.get('martakert')?.names).toMatchObject({ az: 'Ağdərə' });
    expect(byId.get('lachin')?.names).toMatchObject({ hy: 'Բերձոր', az: 'Laçın' });
    const used = ((byId.get('stepanakert')?.namesInSources ?? []) as { name: string }[]).map((n) => n.name);
    expect(used).toEqual(expect.arrayContaining(['Stepanakert', 'Khankendi']));
  });

  it('keeps disagreements as separate claims with who made them', () => {
    const sides = new Map(
      (dataset.get('claimants.json') as { claimants: { id: string; side: string }[] }).claimants.map((c) => [
        c.id,
        c.side,
      ]),
    );
    const killed = (eventById('offensive').figures ?? []).filter((f) => f.quantity.startsWith('killed-'));
    expect(killed.map((f) => [f.quantity, f.value, sides.get(f.claimant)])).toEqual(
      expect.arrayContaining([
        ['killed-armenian-side', 200, 'karabakh-armenian'],
        ['killed-armenian-side', 220, 'karabakh-armenian'],
        ['killed-azerbaijani-side', 199, 'azerbaijani'],
      ]),
    );
    const months = (eventById('lachin-blockade').figures ?? [])
      .filter((f) => f.quantity === 'blockade-duration')
      .map((f) => f.value);
    expect(new Set(months)).toEqual(new Set([9, 10]));
  });

  it('marks claims that the other side denies as disputed', () => {
    const claims = events.flatMap(
      (e) => (e.claims as { status: string; response?: unknown; statement: string }[] | undefined) ?? [],
    );
    expect(claims.filter((c) => c.response).every((c) => c.status === 'disputed' || c.status === 'denied')).toBe(true);
    const kut = eventById('kut-shooting').claims as { status: string }[];
    expect(kut[0]?.status).toBe('disputed');
  });

  it('counts 100,514 people crossed into Armenia by 2 October, rising day by day from 24 September', () => {
    const series = (dataset.get('series.json') as { series: { id: string; points: { t: string; value: number }[] }[] })
      .series;
    const crossed = series.find((s) => s.id === 'crossed-into-armenia');
    const points = crossed?.points ?? [];
    expect(points.find((p) => p.t.startsWith('2023-10-02'))?.value).toBe(100514);
    const days = new Set(points.map((p) => p.t.slice(0, 10)));
    for (const d of [
      '2023-09-24',
      '2023-09-25',
      '2023-09-26',
      '2023-09-27',
      '2023-09-28',
      '2023-09-29',
      '2023-09-30',
      '2023-10-01',
      '2023-10-02',
    ]) {
      expect(days.has(d), d).toBe(true);
    }
  });

  it('gives the Lachin corridor its statuses over time: open, restricted, blocked, then one-way', () => {
    const corridor = (dataset.get('routes.geojson') as FeatureCollection).features.find(
      (f) => f.properties?.id === 'lachin-corridor',
    );
    const statuses = ((corridor?.properties?.status ?? []) as { status: string; from: string }[]).map((s) => [
      s.from,
      s.status,
    ]);
    expect(statuses).toEqual([
      ['2022-12-01', 'open'],
      ['2022-12-12T10:30', 'restricted'],
      ['2023-06-15T08:40', 'blocked'],
      ['2023-09-24', 'one-way'],
    ]);
  });

  it('has the region, the area held before the offensive, the peacekeeping zone and the encirclement of Martakert', () => {
    const areas = (dataset.get('areas.geojson') as FeatureCollection).features;
    const byId = new Map(areas.map((f) => [f.properties?.id, f]));
    for (const id of ['nagorno-karabakh', 'held-before-offensive', 'peacekeeping-zone', 'martakert-encirclement']) {
      expect(byId.get(id)?.properties?.approximate, id).toBe(true);
    }
    const held = byId.get('held-before-offensive') as Feature<Polygon>;
    expect(booleanPointInPolygon(point([46.7519, 39.8153]), held)).toBe(true); // Stepanakert
    expect(booleanPointInPolygon(point([46.7483, 39.7583]), held)).toBe(false); // Shusha
    const ring = byId.get('martakert-encirclement') as Feature<Polygon>;
    expect(booleanPointInPolygon(point([46.8128, 40.2153]), ring)).toBe(true);
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
