import { describe, expect, it } from 'vitest';
import { parseCsvText } from './csv-text';
import { drawnOf } from './drawn';
import { parseGeoJsonText } from './parse';

describe('drawnOf: what the map draws of a layer', () => {
  it('keeps each point’s position and time (NaN when undated), and nothing else', () => {
    const r = parseCsvText('lat,lon,date,note\n39.8,46.7,2023-09-21,a\n39.7,46.6,,b\n', 'a.csv', () => {}, {
      id: 'a',
      importedAt: 1,
    });
    if (!r.ok) throw new Error('fixture did not parse');
    const t = r.layer.features[0]?.t ?? 0;
    expect(drawnOf(r.layer)).toEqual({
      id: 'a',
      points: Float64Array.from([46.7, 39.8, t, 46.6, 39.7, Number.NaN]),
      shapes: [],
    });
  });

  it('keeps other shapes whole, with their times', () => {
    const line = {
      type: 'LineString',
      coordinates: [
        [46.7, 39.8],
        [46.3, 39.5],
      ],
    };
    const text = JSON.stringify({
      type: 'FeatureCollection',
      features: [{ type: 'Feature', properties: { date: '2023-09-19', note: 'x' }, geometry: line }],
    });
    const r = parseGeoJsonText(text, 'b.geojson', { id: 'b', importedAt: 2 });
    if (!r.ok) throw new Error('fixture did not parse');
    expect(drawnOf(r.layer)).toEqual({
      id: 'b',
      points: new Float64Array(0),
      shapes: [{ geometry: line, t: r.layer.features[0]?.t }],
    });
  });
});
