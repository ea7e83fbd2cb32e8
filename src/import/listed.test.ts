import { describe, expect, it } from 'vitest';
import { parseCsvText } from './csv-text';
import { listedOf } from './listed';
import { parseGeoJsonText } from './parse';

describe('listedOf: what the page holds of a layer', () => {
  it('keeps everything but the features, with their count, sorted times and kinds of geometry', () => {
    const r = parseCsvText(
      'lat,lon,date\n39.8,46.7,2023-09-21\n39.7,46.6,\n39.6,46.5,2023-09-19\n',
      'a.csv',
      () => {},
      { id: 'a', importedAt: 1 },
    );
    if (!r.ok) throw new Error('fixture did not parse');
    const { features, ...rest } = r.layer;
    const listed = listedOf(r.layer);
    expect(listed).toEqual({
      ...rest,
      featureCount: 3,
      times: Float64Array.from([features[2]?.t ?? 0, features[0]?.t ?? 0]),
      geometryTypes: ['Point'],
    });
    expect('features' in listed).toBe(false);
  });

  it('names each kind of shape once', () => {
    const shape = (geometry: object) => ({ type: 'Feature', properties: {}, geometry });
    const text = JSON.stringify({
      type: 'FeatureCollection',
      features: [
        shape({ type: 'Point', coordinates: [46.7, 39.8] }),
        shape({
          type: 'LineString',
          coordinates: [
            [46.7, 39.8],
            [46.3, 39.5],
          ],
        }),
        shape({ type: 'Point', coordinates: [46.6, 39.7] }),
      ],
    });
    const r = parseGeoJsonText(text, 'b.geojson', { id: 'b', importedAt: 2 });
    if (!r.ok) throw new Error('fixture did not parse');
    expect(listedOf(r.layer)).toMatchObject({ featureCount: 3, geometryTypes: ['Point', 'LineString'] });
    expect(listedOf(r.layer).times).toHaveLength(0);
  });
});
