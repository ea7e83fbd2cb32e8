import { describe, expect, it } from 'vitest';
import { CLIP_BBOX } from './region';
import { checkFeatureCollection, ringSignedArea } from './validate-geojson';

const fc = (geometry: unknown) => ({
  type: 'FeatureCollection',
  features: [{ type: 'Feature', properties: {}, geometry }],
});
const ccw = [
  [46, 39],
  [47, 39],
  [47, 40],
  [46, 40],
  [46, 39],
];
const messages = (value: unknown, opts = {}) => checkFeatureCollection(value, opts).map((p) => p.message);

describe('checkFeatureCollection', () => {
  it('accepts sound geometry', () => {
    expect(checkFeatureCollection(fc({ type: 'Polygon', coordinates: [ccw] }), { requireRfcWinding: true })).toEqual(
      [],
    );
  });

  it('rejects what is not a FeatureCollection', () => {
    expect(messages(null)).toEqual(['expected a GeoJSON FeatureCollection']);
    expect(messages({ type: 'Feature' })).toEqual(['expected a GeoJSON FeatureCollection']);
  });

  it('catches non-finite and out-of-range coordinates, which geojson-validation passes', () => {
    expect(messages(fc({ type: 'Point', coordinates: [Number.POSITIVE_INFINITY, 0] }))).toContain(
      'coordinates must be finite numbers',
    );
    expect(messages(fc({ type: 'Point', coordinates: [500, -300] }))[0]).toContain('outside longitude ±180');
  });

  it('names the path of the bad position', () => {
    const problems = checkFeatureCollection(
      fc({
        type: 'LineString',
        coordinates: [
          [46, 40],
          [46, 95],
        ],
      }),
    );
    expect(problems[0]?.path).toBe('features[0].geometry.coordinates[1]');
  });

  it('checks positions against the region when asked', () => {
    expect(messages(fc({ type: 'Point', coordinates: [10, 10] }), { bbox: CLIP_BBOX })[0]).toContain('outside the map');
  });

  it('catches unclosed and short rings', () => {
    expect(messages(fc({ type: 'Polygon', coordinates: [ccw.slice(0, 4)] }))).toContain(
      'a ring must end where it starts',
    );
    expect(messages(fc({ type: 'Polygon', coordinates: [[ccw[0], ccw[1], ccw[0]]] }))).toContainEqual(
      expect.stringContaining('at least 4 positions'),
    );
  });

  it('catches clockwise exterior rings and counter-clockwise holes when RFC winding is required', () => {
    const cw = [...ccw].reverse();
    expect(messages(fc({ type: 'Polygon', coordinates: [cw] }), { requireRfcWinding: true })).toContain(
      'an exterior ring must run counter-clockwise (RFC 7946)',
    );
    expect(messages(fc({ type: 'Polygon', coordinates: [ccw, ccw] }), { requireRfcWinding: true })).toContain(
      'a hole must run clockwise (RFC 7946)',
    );
    expect(messages(fc({ type: 'Polygon', coordinates: [cw] }))).toEqual([]);
  });

  it('reports geojson-validation findings', () => {
    expect(messages(fc({ type: 'Pointy', coordinates: [1, 2] }))[0]).toMatch(/^geojson-validation:/);
  });
});

describe('ringSignedArea', () => {
  it('is positive for counter-clockwise rings', () => {
    expect(ringSignedArea(ccw)).toBeGreaterThan(0);
    expect(ringSignedArea([...ccw].reverse())).toBeLessThan(0);
  });
});
