import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { ringSignedArea } from '../geo/validate-geojson';
import { parseCsvText } from './csv-text';
import { parseEventDate } from './dates';
import { checkFile, parseCsvRows, parseGeoJsonText } from './parse';
import { parseFile } from './read';
import { ERROR_CODES, type ImportErrorCode, type ImportedLayer, LIMITS, type ParseResult } from './types';

const META = { id: 'test-layer', importedAt: 0 };
/** Midnight at the start of a local (UTC+4) day, computed without the code under test. */
const localMidnight = (y: number, m: number, d: number) => Date.UTC(y, m - 1, d) - 4 * 3_600_000;

const feature = (geometry: unknown, properties: unknown = {}) => ({ type: 'Feature', properties, geometry });
const fc = (...features: unknown[]) => JSON.stringify({ type: 'FeatureCollection', features });
const geojson = (text: string, name = 'mine.geojson') => parseGeoJsonText(text, name, META);
const csv = (text: string, name = 'events.csv') => parseCsvText(text, name, () => {}, META);

function layerOf(r: ParseResult): ImportedLayer {
  if (!r.ok) throw new Error(`expected success, got ${r.errors.map((e) => e.message).join('; ')}`);
  return r.layer;
}
function errorsOf(r: ParseResult) {
  if (r.ok) throw new Error('expected failure');
  return r.errors;
}

const ccwRing = [
  [46.7, 39.8],
  [46.8, 39.8],
  [46.8, 39.9],
  [46.7, 39.9],
  [46.7, 39.8],
];
const cwRing = [...ccwRing].reverse();

const ACLED_HEADER =
  'event_id_cnty,event_date,year,disorder_type,event_type,sub_event_type,actor1,admin1,location,latitude,longitude,geo_precision,source,notes,fatalities';

describe('parseGeoJsonText', () => {
  it('imports points, lines and polygons with their dates, properties and region count', () => {
    const layer = layerOf(
      geojson(
        fc(
          feature({ type: 'Point', coordinates: [46.7528, 39.8153] }, { name: 'Stepanakert', date: '2023-09-19' }),
          feature(
            {
              type: 'LineString',
              coordinates: [
                [46.5, 39.6],
                [46.4, 39.5],
              ],
            },
            { name: 'road', date: null },
          ),
          feature({ type: 'Polygon', coordinates: [ccwRing] }, { name: 'area', date: '20 September 2023' }),
          feature({ type: 'Point', coordinates: [2.35, 48.85] }, { name: 'Paris' }),
        ),
      ),
    );
    expect(layer).toMatchObject({
      id: 'test-layer',
      name: 'mine',
      fileName: 'mine.geojson',
      kind: 'geojson',
      dateField: 'date',
      columns: ['name', 'date'],
      stats: { dated: 2, outsideRegion: 1, rewoundRings: 0 },
    });
    expect(layer.features.map((f) => f.t)).toEqual([
      localMidnight(2023, 9, 19),
      null,
      localMidnight(2023, 9, 20),
      null,
    ]);
    expect(layer.features[0]?.coordinates).toEqual([46.7528, 39.8153]);
    expect(layer.features[1]?.geometry?.type).toBe('LineString');
    expect(layer.features[0]?.props.name).toBe('Stepanakert');
  });

  it('rewinds a clockwise exterior ring and an anticlockwise hole instead of rejecting them (RFC 7946 §3.1.6)', () => {
    const hole = [
      [46.72, 39.82],
      [46.74, 39.82],
      [46.74, 39.84],
      [46.72, 39.84],
      [46.72, 39.82],
    ];
    const layer = layerOf(geojson(fc(feature({ type: 'Polygon', coordinates: [cwRing, hole] }))));
    const g = layer.features[0]?.geometry;
    if (g?.type !== 'Polygon') throw new Error('expected a polygon');
    expect(ringSignedArea(g.coordinates[0] ?? [])).toBeGreaterThan(0);
    expect(ringSignedArea(g.coordinates[1] ?? [])).toBeLessThan(0);
    expect(layer.stats.rewoundRings).toBe(2);
  });

  it('drops foreign members from geometries and accepts a byte order mark', () => {
    const text = `\ufeff${fc(feature({ type: 'Point', coordinates: [46.7, 39.8], crs: 'x', __proto__: { p: 1 } }))}`;
    expect(layerOf(geojson(text)).features[0]).toMatchObject({ coordinates: [46.7, 39.8], geometry: null });
  });

  it('survives 100,000 levels of nesting without overflowing the stack', () => {
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    const text = `{"type":"FeatureCollection","features":[{"type":"Feature","properties":{},"geometry":{"type":"Point","coordinates":${deep}}}]}`;
    expect(errorsOf(geojson(text))[0]).toMatchObject({ code: 'too-deep', feature: 1 });
  });
});

describe('hostile properties stay inert data', () => {
  const hostile = JSON.stringify({
    type: 'FeatureCollection',
    features: [
      {
        type: 'Feature',
        geometry: { type: 'Point', coordinates: [46.7, 39.8] },
        properties: {
          html: '<img src=x onerror=window.__pwned=1>',
          svg: '<svg onload=alert(1)>',
          link: 'javascript:alert(1)',
          big: 'x'.repeat(1_000_000),
          bidi: 'abc\u202Etxt.exe',
          nested: { a: { b: [1, 2, { c: 'd'.repeat(5000) }] } },
          inf: 1,
          toString: 'just a key',
        },
      },
    ],
  })
    // JSON.parse makes these own keys; an object literal above could not.
    .replace(
      '"inf":1',
      '"inf":1e999,"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}},"prototype":1',
    );
  const props = layerOf(geojson(hostile)).features[0]?.props ?? {};

  it('keeps markup as the exact string it was', () => {
    expect(props.html).toBe('<img src=x onerror=window.__pwned=1>');
    expect(props.svg).toBe('<svg onload=alert(1)>');
    expect(props.link).toBe('javascript:alert(1)');
  });

  it('never copies __proto__, constructor or prototype, and pollutes nothing', () => {
    expect(Object.keys(props)).not.toContain('__proto__');
    expect(Object.keys(props)).not.toContain('constructor');
    expect(Object.keys(props)).not.toContain('prototype');
    expect(Object.getPrototypeOf(props)).toBeNull();
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(props.toString).toBe('just a key');
  });

  it('cuts a 1 MB string to 2,000 characters and stringifies nested objects, also cut', () => {
    expect(props.big).toHaveLength(LIMITS.stringChars);
    expect(String(props.big).endsWith('…')).toBe(true);
    expect(typeof props.nested).toBe('string');
    expect(String(props.nested).startsWith('{"a":{"b":[1,2,{"c":"ddd')).toBe(true);
    expect(props.nested).toHaveLength(LIMITS.stringChars);
    expect(props.inf).toBeNull();
  });

  it('keeps bidi controls as text, and spells them out when a message quotes them', () => {
    expect(props.bidi).toBe('abc\u202Etxt.exe');
    const [e] = errorsOf(geojson(fc(feature({ type: 'Point', coordinates: [46.7, 39.8] }, { date: 'x\u202Ey' }))));
    expect(e?.message).toContain('"x\\u202ey"');
    expect(e?.message).not.toContain('\u202E');
    const [n] = errorsOf(geojson('{', 'evil\u202Egpj.json'));
    expect(n?.message.startsWith('evil\\u202egpj.json: ')).toBe(true);
  });
});

describe('parseCsvText', () => {
  it('reads ACLED export columns without configuration', () => {
    const text = [
      ACLED_HEADER,
      'ARM1,19 September 2023,2023,Political violence,Explosions/Remote violence,Shelling/artillery/missile attack,Military Forces of Azerbaijan,Nagorno-Karabakh,Stepanakert,39.8153,46.7528,1,Media,"Shelling of the town, reported by ""local"" sources",0',
      'ARM2,2023-09-20,2023,Political violence,Battles,Armed clash,Military Forces of Azerbaijan,Nagorno-Karabakh,Shusha,39.7583,46.7486,1,Media,Clashes,2',
      '',
      'ARM3,,2023,Strategic developments,Strategic developments,Agreement,,Nagorno-Karabakh,Stepanakert,39.8153,46.7528,1,Media,Undated note,0',
    ].join('\n');
    const layer = layerOf(csv(text));
    expect(layer).toMatchObject({ kind: 'csv', dateField: 'event_date', stats: { dated: 2, outsideRegion: 0 } });
    expect(layer.columns).toEqual(ACLED_HEADER.split(','));
    expect(layer.features.map((f) => f.t)).toEqual([localMidnight(2023, 9, 19), localMidnight(2023, 9, 20), null]);
    expect(layer.features[0]?.coordinates).toEqual([46.7528, 39.8153]);
    expect(layer.features[0]?.props.notes).toBe('Shelling of the town, reported by "local" sources');
    expect(layer.features[1]?.props.fatalities).toBe('2');
  });

  it('numbers rows as a spreadsheet does, counting blank lines and the header', () => {
    const text = ['latitude,longitude,date', '39.8,46.7,2023-09-19', '', '', '91,46.7,2023-09-19'].join('\n');
    expect(errorsOf(csv(text))).toEqual([
      {
        code: 'out-of-range',
        row: 5,
        field: 'latitude',
        message: 'events.csv, row 5, column "latitude": 91 is outside −90…90 degrees',
      },
    ]);
  });

  it('reports every bad row, not only the first', () => {
    const text = ['lat,lon', 'a,46', '39,b', '39,46'].join('\n');
    expect(errorsOf(csv(text)).map((e) => [e.code, e.row, e.field])).toEqual([
      ['bad-coordinate', 2, 'lat'],
      ['bad-coordinate', 3, 'lon'],
    ]);
  });

  it('keeps hostile cells as text and leaves out a __proto__ column', () => {
    const layer = layerOf(csv('lat,lon,__proto__,note\n39.8,46.7,{"polluted":1},<img src=x onerror=alert(1)>'));
    const props = layer.features[0]?.props ?? {};
    expect(Object.keys(props)).toEqual(['lat', 'lon', 'note']);
    expect(props.note).toBe('<img src=x onerror=alert(1)>');
    expect(layer.columns).toEqual(['lat', 'lon', 'note']);
  });

  it('reports progress up to the whole text', () => {
    const seen: number[] = [];
    const rows = Array.from({ length: 100_000 }, (_, i) => `39.8,46.7,2023-09-19,row ${i}`);
    parseCsvText(['lat,lon,date,note', ...rows].join('\n'), 'big.csv', (f) => seen.push(f), META);
    expect(seen.length).toBeGreaterThan(1);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    expect(seen.at(-1)).toBe(1);
  });
});

describe('parseEventDate', () => {
  it('reads ISO dates and times and D Month YYYY, in local time (UTC+4)', () => {
    expect(parseEventDate('2023-09-19')).toBe(localMidnight(2023, 9, 19));
    expect(parseEventDate(' 19 September 2023 ')).toBe(localMidnight(2023, 9, 19));
    expect(parseEventDate('19 Sep 2023')).toBe(localMidnight(2023, 9, 19));
    expect(parseEventDate('1 sept. 2023')).toBe(localMidnight(2023, 9, 1));
    expect(parseEventDate('19-September-2023')).toBe(localMidnight(2023, 9, 19));
    expect(parseEventDate('2023-09-19T13:45')).toBe(localMidnight(2023, 9, 19) + (13 * 60 + 45) * 60_000);
  });

  it('refuses dates that do not exist and other text', () => {
    for (const bad of [
      '2023-02-30',
      '30 February 2023',
      '10000-01-01',
      '19 Septober 2023',
      '19/09/2023',
      'yesterday',
    ]) {
      expect(parseEventDate(bad), bad).toBeNull();
    }
  });
});

/** One fixture per error code: the input, then what the message must say. */
const PURE_CASES: { code: ImportErrorCode; run: () => ParseResult; message: string | RegExp }[] = [
  {
    code: 'unsupported-type',
    run: () => checkFile('map.kml', 10) as ParseResult,
    message: 'map.kml: only .geojson, .json and .csv files can be imported',
  },
  {
    code: 'too-large',
    run: () => checkFile('huge.geojson', 60 * 1024 * 1024) as ParseResult,
    message: 'huge.geojson: the file is 60.0 MB; the limit is 50.0 MB',
  },
  {
    code: 'json-syntax',
    run: () => geojson('{"type": "FeatureCollection", "features": [', 'broken.geojson'),
    message: /^broken\.geojson: not valid JSON: .+/,
  },
  {
    code: 'too-deep',
    run: () =>
      geojson(
        fc(feature({ type: 'Point', coordinates: [1, 2] }, JSON.parse(`${'{"a":'.repeat(80)}1${'}'.repeat(80)}`))),
      ),
    message: 'mine.geojson, feature 1 (features[0].properties): nests more than 64 levels deep',
  },
  {
    code: 'not-feature-collection',
    run: () => geojson('{"type":"Topology","objects":{}}'),
    message:
      'mine.geojson: expected GeoJSON (a FeatureCollection, a Feature or a geometry), found an object of type "Topology" (TopoJSON: convert it to GeoJSON first)',
  },
  {
    code: 'invalid-geojson',
    run: () =>
      geojson(fc(feature({ type: 'Point', coordinates: [46, 39] }), feature({ type: 'Pointy', coordinates: [1, 2] }))),
    message: 'mine.geojson, feature 2 (features[1].geometry.type): "Pointy" is not a GeoJSON geometry type',
  },
  {
    code: 'no-geometry',
    run: () => geojson(fc(feature(null))),
    message:
      'mine.geojson, feature 1 (features[0].geometry): the feature has no geometry, so it cannot be placed on the map',
  },
  {
    code: 'bad-coordinate',
    run: () =>
      geojson(
        fc(feature({ type: 'Point', coordinates: [46, 39] }), feature({ type: 'Point', coordinates: [1, 2] })).replace(
          '[1,2]',
          '[1e999,2]',
        ),
      ),
    message: 'mine.geojson, feature 2 (features[1].geometry.coordinates): coordinates must be finite numbers',
  },
  {
    code: 'out-of-range',
    run: () =>
      geojson(
        fc(
          feature({
            type: 'LineString',
            coordinates: [
              [46, 39],
              [500, -300],
            ],
          }),
        ),
      ),
    message:
      'mine.geojson, feature 1 (features[0].geometry.coordinates[1]): [500, -300] is outside longitude ±180 / latitude ±90',
  },
  {
    code: 'ring-not-closed',
    run: () => geojson(fc(feature({ type: 'Polygon', coordinates: [ccwRing.slice(0, 4).concat([[46.6, 39.8]])] }))),
    message:
      'mine.geojson, feature 1 (features[0].geometry.coordinates[0]): a ring must end where it starts, in every value (RFC 7946 §3.1.6)',
  },
  {
    code: 'ring-too-short',
    run: () =>
      geojson(
        fc(
          feature({
            type: 'Polygon',
            coordinates: [
              [
                [46, 39],
                [47, 39],
                [46, 39],
              ],
            ],
          }),
        ),
      ),
    message:
      'mine.geojson, feature 1 (features[0].geometry.coordinates[0]): a ring needs at least 4 positions, it has 3',
  },
  {
    code: 'line-too-short',
    run: () => geojson(fc(feature({ type: 'LineString', coordinates: [[46, 39]] }))),
    message: 'mine.geojson, feature 1 (features[0].geometry.coordinates): a line needs at least 2 positions',
  },
  {
    code: 'no-lat-lon-columns',
    run: () => csv('place,x,y,event_date\nStepanakert,46.7,39.8,2023-09-19'),
    message:
      'events.csv, row 1: no latitude and longitude columns (the header has "place", "x", "y", "event_date"); name them "latitude" and "longitude", or "lat" and "lon"',
  },
  {
    code: 'duplicate-column',
    run: () => csv('lat,lon,note,note\n39.8,46.7,a,b'),
    message: 'events.csv, row 1, column "note": the name is used by columns 3 and 4; each needs its own',
  },
  {
    code: 'row-length',
    run: () => csv('lat,lon,note\n39.8,46.7,a\n39.8,46.7,a,extra'),
    message: 'events.csv, row 3: 4 cells, but the header has 3 columns',
  },
  {
    code: 'csv-syntax',
    run: () => csv('lat,lon,note\n39.8,46.7,fine\n39.8,46.7,"never closed\n'),
    message: 'events.csv, row 3: Quoted field unterminated (MissingQuotes)',
  },
  {
    code: 'bad-date',
    run: () => csv('latitude,longitude,event_date\n39.8,46.7,2023-09-19\n39.8,46.7,2023-02-30'),
    message:
      'events.csv, row 3, column "event_date": "2023-02-30" is not a date; a date must be written as 2023-09-19, 2023-09-19T13:45 or 19 September 2023',
  },
  {
    code: 'too-many-features',
    run: () => parseCsvRows(Array(LIMITS.features + 1).fill(['39.8', '46.7']), ['lat', 'lon'], 'big.csv', META),
    message: 'big.csv: 200,001 rows; the limit is 200,000 features or rows',
  },
  {
    code: 'too-many-vertices',
    run: () => geojson(fc(feature({ type: 'LineString', coordinates: Array(LIMITS.vertices + 1).fill([46.7, 39.8]) }))),
    message: 'mine.geojson: 1,000,001 positions; the limit is 1,000,000',
  },
  {
    code: 'empty',
    run: () => geojson(fc()),
    message: 'mine.geojson: the FeatureCollection has no features',
  },
  {
    code: 'encoding',
    run: () => parseFile(new Uint8Array([0x6c, 0x61, 0x74, 0x0a, 0xe9]), 'latin1.csv', () => {}, META),
    message:
      'latin1.csv: the file is not UTF-8 text: byte 4 (0xE9, line 2) is not UTF-8; it may be in another encoding such as Windows-1252: save it as UTF-8',
  },
  {
    code: 'duplicate-key',
    run: () =>
      geojson(
        fc(
          feature({ type: 'Point', coordinates: [46, 39] }, { a: 1 }),
          feature({ type: 'Point', coordinates: [46, 39] }, { name: 'x' }),
        ).replace('"name":"x"', '"name":"x","name":"y"'),
      ),
    message:
      'mine.geojson, feature 2 (features[1].properties): the name "name" is given twice in one object; JSON does not say which one counts, so programs can read the file differently (RFC 8259 §4)',
  },
  {
    code: 'end-before-start',
    run: () => csv('lat,lon,start_date,end_date\n39.8,46.7,2023-09-20,2023-09-19'),
    message:
      'events.csv, row 2, column "end_date": "2023-09-19" (end_date) is before "2023-09-20" (start_date); an event cannot end before it starts',
  },
  {
    code: 'too-many-columns',
    run: () => csv(`lat,lon,${Array.from({ length: LIMITS.columns }, (_, i) => `c${i}`).join(',')}\n39.8,46.7`),
    message: 'events.csv, row 1: 1,002 distinct column names; the limit is 1,000',
  },
];

describe('every error code has a fixture and a specific message', () => {
  for (const c of PURE_CASES) {
    it(c.code, () => {
      const [first] = errorsOf(c.run());
      expect(first?.code).toBe(c.code);
      if (typeof c.message === 'string') expect(first?.message).toBe(c.message);
      else expect(first?.message).toMatch(c.message);
    });
  }

  it('covers every code (the rest are tested where they arise)', () => {
    const elsewhere = ['unreadable', 'cancelled', 'storage']; // import-file.test.ts, imports-store.test.ts
    expect(new Set([...PURE_CASES.map((c) => c.code), ...elsewhere])).toEqual(new Set(ERROR_CODES));
  });

  it('also rejects a CSV with only a header, a GeoJSON bad date, and a 200,001-row CSV text early', () => {
    expect(errorsOf(csv('lat,lon\n\n'))[0]?.message).toBe('events.csv: the file has a header but no data rows');
    const [d] = errorsOf(geojson(fc(feature({ type: 'Point', coordinates: [46, 39] }, { event_date: 20230919 }))));
    expect(d).toMatchObject({ code: 'bad-date', feature: 1, field: 'event_date' });
    expect(d?.message).toBe(
      'mine.geojson, feature 1 (features[0].properties.event_date): 20230919 is not a date; a date must be written as 2023-09-19, 2023-09-19T13:45 or 19 September 2023',
    );
    const big = Papa.unparse([['lat', 'lon'], ...Array(LIMITS.features + 1).fill([39.8, 46.7])]);
    expect(errorsOf(csv(big))[0]?.message).toBe('events.csv: more than 200,000 rows; that is the limit');
  });

  it('reports at most 1,000 problems but counts them all', () => {
    const r = csv(['lat,lon', ...Array(5000).fill('x,y')].join('\n'));
    if (r.ok) throw new Error('expected failure');
    expect(r.errors).toHaveLength(1000);
    expect(r.errorCount).toBe(10_000);
  });
});

describe('what the hostile corpus found', () => {
  const point = { type: 'Point', coordinates: [46.7, 39.8] };

  it('reads a lone Feature or geometry, which are GeoJSON texts too (RFC 7946 §2)', () => {
    const one = layerOf(geojson(JSON.stringify(feature(point, { name: 'a' }))));
    expect(one.features).toHaveLength(1);
    expect(one.features[0]?.props.name).toBe('a');
    const bare = layerOf(geojson(JSON.stringify({ type: 'Polygon', coordinates: [cwRing] })));
    expect(bare.stats.rewoundRings).toBe(1);
  });

  it('refuses empty geometries, which cannot be placed, instead of importing nothing', () => {
    for (const g of [
      { type: 'Polygon', coordinates: [] },
      { type: 'MultiPoint', coordinates: [] },
      { type: 'MultiPolygon', coordinates: [] },
      { type: 'GeometryCollection', geometries: [] },
    ]) {
      expect(errorsOf(geojson(fc(feature(point), feature(g))))).toEqual([
        {
          code: 'no-geometry',
          feature: 2,
          message: `mine.geojson, feature 2 (features[1].geometry): the ${g.type} is empty, so it cannot be placed on the map`,
        },
      ]);
    }
  });

  it('gives lines of a MultiLineString and rings closed only in 2D their own codes', () => {
    const mls = {
      type: 'MultiLineString',
      coordinates: [
        [
          [46, 39],
          [47, 40],
        ],
        [[46, 39]],
      ],
    };
    expect(errorsOf(geojson(fc(feature(mls))))).toEqual([
      expect.objectContaining({
        code: 'line-too-short',
        message:
          'mine.geojson, feature 1 (features[0].geometry.coordinates[1]): a line needs at least 2 positions, it has 1',
      }),
    ]);
    const ring = [
      [46, 39, 0],
      [47, 39, 0],
      [47, 40, 0],
      [46, 39, 5],
    ];
    expect(errorsOf(geojson(fc(feature({ type: 'Polygon', coordinates: [ring] }))))).toEqual([
      expect.objectContaining({ code: 'ring-not-closed' }),
    ]);
    expect(errorsOf(geojson(fc(feature({ type: 'MultiPolygon', coordinates: [[], [ccwRing]] }))))).toEqual([
      expect.objectContaining({ code: 'ring-too-short', message: expect.stringContaining('needs an exterior ring') }),
    ]);
  });

  it('leaves a ring without area as it is, and flattens nested GeometryCollections', () => {
    const flat = [
      [46, 39],
      [47, 39],
      [46, 39],
      [46, 39],
    ];
    expect(layerOf(geojson(fc(feature({ type: 'Polygon', coordinates: [flat] })))).stats.rewoundRings).toBe(0);
    const nested = {
      type: 'GeometryCollection',
      geometries: [point, { type: 'GeometryCollection', geometries: [{ type: 'Polygon', coordinates: [cwRing] }] }],
    };
    const layer = layerOf(geojson(fc(feature(nested))));
    expect(layer.features[0]?.geometry).toEqual({
      type: 'GeometryCollection',
      geometries: [point, { type: 'Polygon', coordinates: [ccwRing] }],
    });
    expect(layer.stats.rewoundRings).toBe(1);
  });

  it('refuses properties that are not an object (a string gave columns "0", "1"…), with one message', () => {
    for (const properties of ['<img src=x onerror=alert(1)>', [1, 2], 5]) {
      const errors = errorsOf(geojson(fc({ type: 'Feature', properties, geometry: point })));
      expect(errors).toHaveLength(1);
      expect(errors[0]).toMatchObject({ code: 'invalid-geojson', feature: 1 });
      expect(errors[0]?.message).toContain('(features[0].properties): properties must be an object or null');
    }
  });

  it('reports a non-numeric position once, not again in geojson-validation words', () => {
    expect(errorsOf(geojson(fc(feature({ type: 'Point', coordinates: ['46.7', '39.8'] }))))).toEqual([
      expect.objectContaining({ code: 'bad-coordinate' }),
    ]);
  });

  it('lists a long property name as it is kept: cut, so exports still find it', () => {
    const long = 'k'.repeat(1_000_000);
    const layer = layerOf(geojson(fc(feature(point, { [long]: 'v' }))));
    expect(layer.columns).toEqual([`${'k'.repeat(199)}…`]);
    expect(Object.keys(layer.features[0]?.props ?? {})).toEqual(layer.columns);
    const csvLayer = layerOf(csv(`lat,lon,${long}\n39.8,46.7,v`));
    expect(csvLayer.columns[2]).toHaveLength(200);
    expect(csvLayer.features[0]?.props[csvLayer.columns[2] ?? '']).toBe('v');
  });

  it('refuses more than 1,000 property names', () => {
    const props = Object.fromEntries(Array.from({ length: 1_001 }, (_, i) => [`p${i}`, i]));
    expect(errorsOf(geojson(fc(feature(point, props))))[0]?.message).toBe(
      'mine.geojson: 1,001 distinct property names; the limit is 1,000',
    );
  });

  it('refuses names given twice in one object, at the feature or in the file', () => {
    const text = '{"type":"FeatureCollection","type":"Feature","features":[]}';
    expect(errorsOf(geojson(text))).toEqual([
      {
        code: 'duplicate-key',
        message:
          'mine.geojson: the name "type" is given twice in the top-level object; JSON does not say which one counts, so programs can read the file differently (RFC 8259 §4)',
      },
    ]);
  });

  it('refuses nesting beyond the limit before JSON.parse, in a member or the whole file', () => {
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    expect(errorsOf(geojson(deep))[0]?.message).toBe('mine.geojson: the file nests more than 64 levels deep');
    expect(errorsOf(geojson(`{"type":"FeatureCollection","bbox":${deep},"features":[]}`))[0]?.message).toBe(
      'mine.geojson: the member "bbox" nests more than 64 levels deep',
    );
  });

  it('calls a GeoJSON file of white space empty, not a syntax error', () => {
    expect(errorsOf(geojson(' \n'))).toEqual([{ code: 'empty', message: 'mine.geojson: the file is empty' }]);
  });

  it('treats a date of only spaces as no date', () => {
    expect(layerOf(geojson(fc(feature(point, { date: '   ' })))).features[0]?.t).toBeNull();
    expect(layerOf(csv('lat,lon,date\n39.8,46.7,  ')).features[0]?.t).toBeNull();
  });

  it('checks end dates beside start dates: a date, and not before the start', () => {
    const errors = errorsOf(
      geojson(
        fc(
          feature(point, { start: '2023-09-20', end: '2023-09-19' }),
          feature(point, { start: '2023-09-20', end: '2023-02-30' }),
          feature(point, { start: '2023-09-20', end: '2023-09-20' }),
        ),
      ),
    );
    expect(errors.map((e) => [e.code, e.feature, e.field])).toEqual([
      ['end-before-start', 1, 'end'],
      ['bad-date', 2, 'end'],
    ]);
    expect(errors[0]?.message).toBe(
      'mine.geojson, feature 1 (features[0].properties.end): "2023-09-19" (end) is before "2023-09-20" (start); an event cannot end before it starts',
    );
  });

  it('calls a CSV coordinate too large for a number, or an empty one, what it is', () => {
    expect(errorsOf(csv('lat,lon\n1e999,46.7\n,46.7')).map((e) => e.message)).toEqual([
      'events.csv, row 2, column "lat": "1e999" is too large to be a number; write decimal degrees such as 39.8153',
      'events.csv, row 3, column "lat": the cell is empty; every row needs a latitude and a longitude',
    ]);
  });

  it('reads a CSV whose lines end in \\r\\n, \\n and \\r alike, keeping line breaks inside quotes', () => {
    const layer = layerOf(csv('lat,lon,note\r\n39.8,46.7,"a\r\nb"\n39.9,46.7,x\r39.7,46.7,"=1\r"'));
    expect(layer.features.map((f) => f.props.note)).toEqual(['a\r\nb', 'x', '=1\r']);
  });

  it('counts features that would lie in the region with longitude and latitude swapped', () => {
    const layer = layerOf(csv('latitude,longitude\n46.75,39.81\n39.81,46.75\n55.75,37.61'));
    expect(layer.stats).toMatchObject({ outsideRegion: 2, swapped: 1 });
    const geo = layerOf(
      geojson(
        fc(
          feature({
            type: 'LineString',
            coordinates: [
              [39.8, 46.7],
              [39.5, 46.3],
            ],
          }),
        ),
      ),
    );
    expect(geo.stats).toMatchObject({ outsideRegion: 1, swapped: 1 });
  });
});
