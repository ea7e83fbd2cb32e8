import { describe, expect, it } from 'vitest';
import { checkDataFile, formatProblem } from './check-data';

const place = (props: Record<string, unknown>, coordinates = [46.75, 39.82]) => ({
  type: 'Feature',
  properties: {
    id: 'stepanakert',
    kind: 'city',
    rank: 1,
    names: { en: 'Stepanakert', az: 'Xankəndi' },
    confidence: 'sourced',
    sources: [{ ref: 'facts §1', url: 'https://example.org/a' }],
    ...props,
  },
  geometry: { type: 'Point', coordinates },
});
const places = (...features: unknown[]) => ({ type: 'FeatureCollection', features });
const lines = (value: unknown) => checkDataFile('places.geojson', value).map(formatProblem);

describe('checkDataFile', () => {
  it('passes a sound record', () => {
    expect(lines(places(place({})))).toEqual([]);
  });

  it('names the file, the record and the field of each problem', () => {
    expect(lines(places(place({ kind: 'castle' })))).toEqual([
      'places.geojson: stepanakert: kind: must be one of capital, city, town, village, checkpoint, airport, base, site',
    ]);
  });

  it('requires an English name, known languages and sourced names', () => {
    expect(lines(places(place({ names: { hy: 'Ստեփանակերտ', fr: 'x' } })))).toEqual([
      'places.geojson: stepanakert: names.en: an English name is required',
      'places.geojson: stepanakert: names.fr: language must be one of en, hy, az, ru',
    ]);
    expect(lines(places(place({ unsourcedNames: ['ru'] })))[0]).toContain('unsourcedNames');
  });

  it('requires sources with http(s) links only', () => {
    expect(lines(places(place({ sources: [] })))[0]).toContain('at least one source');
    expect(lines(places(place({ sources: [{ ref: 'x', url: 'javascript:alert(1)' }] })))[0]).toContain(
      'sources[0].url: must be an http(s) URL',
    );
  });

  it('rejects duplicate ids and coordinates outside the region', () => {
    expect(lines(places(place({}), place({})))).toContain(
      'places.geojson: stepanakert: id: is used by another record in this file',
    );
    expect(lines(places(place({}, [2.35, 48.85])))[0]).toContain(
      'stepanakert: geometry.coordinates: [2.35, 48.85] lies outside',
    );
  });

  it('refuses files it has no schema for', () => {
    expect(checkDataFile('stray.json', {})[0]?.message).toContain('no schema');
  });
});
