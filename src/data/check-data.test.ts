import { describe, expect, it } from 'vitest';
import { checkDataFile, checkDataset, citedArticles, type DataContext, formatProblem } from './check-data';

const ctx: DataContext = {
  articles: new Map([['s001-a01', 49]]),
  placeIds: new Set(['stepanakert', 'yevlakh']),
  routeIds: new Set(['yevlakh-road']),
};
const cite = { article: 's001-a01', paragraph: 3 };

const place = (props: Record<string, unknown>, coordinates = [46.75, 39.82]) => ({
  type: 'Feature',
  properties: {
    id: 'stepanakert',
    kind: 'city',
    rank: 1,
    names: { en: 'Stepanakert', az: 'Xankəndi' },
    confidence: 'sourced',
    sources: [{ ref: 'research/facts.md §1', url: 'https://example.org/a' }],
    mentions: [{ ...cite, says: 'Talks are reported.' }],
    ...props,
  },
  geometry: { type: 'Point', coordinates },
});
const fc = (...features: unknown[]) => ({ type: 'FeatureCollection', features });
const placeLines = (value: unknown) => checkDataFile('places.geojson', value, ctx).map(formatProblem);

const event = (props: Record<string, unknown>) => ({
  events: [
    {
      id: 'yevlakh-talks',
      title: 'Talks in Yevlakh',
      category: 'talks',
      start: '2023-09-21',
      precision: 'day',
      places: ['yevlakh'],
      summary: 'They met.',
      citations: [cite],
      ...props,
    },
  ],
});
const eventLines = (value: unknown) => checkDataFile('events.json', value, ctx).map(formatProblem);

describe('places', () => {
  it('pass a sound record', () => {
    expect(placeLines(fc(place({})))).toEqual([]);
  });

  it('name the file, the record and the field of each problem', () => {
    expect(placeLines(fc(place({ kind: 'castle' })))).toEqual([
      'places.geojson: stepanakert: kind: must be one of capital, city, town, village, checkpoint, airport, base, site',
    ]);
  });

  it('require an English name, known languages and sourced names', () => {
    expect(placeLines(fc(place({ names: { hy: 'Ստեփանակերտ', fr: 'x' } })))).toEqual([
      'places.geojson: stepanakert: names.en: an English name is required',
      'places.geojson: stepanakert: names.fr: language must be one of en, hy, az, ru',
    ]);
    expect(placeLines(fc(place({ unsourcedNames: ['ru'] })))[0]).toContain('unsourcedNames[0]');
  });

  it('accept only http(s) links and catalogued paragraphs as sources', () => {
    expect(placeLines(fc(place({ sources: [] })))[0]).toContain('sources: must not be empty');
    expect(
      placeLines(fc(place({ sources: [{ ref: 'research/facts.md §1', url: 'javascript:alert(1)' }] })))[0],
    ).toContain('sources[0].url: must be an http(s) URL');
    expect(placeLines(fc(place({ mentions: [{ article: 's001-a01', paragraph: 50, says: 'x' }] })))[0]).toContain(
      'mentions[0].paragraph: must be a paragraph of s001-a01 (1–49)',
    );
    expect(placeLines(fc(place({ mentions: [{ article: 's999-a01', paragraph: 1, says: 'x' }] })))[0]).toContain(
      '“s999-a01” is not in seeds/catalogue.json',
    );
  });

  it('reject duplicate ids, coordinates outside the region and bidi controls', () => {
    expect(placeLines(fc(place({}), place({})))).toContain(
      'places.geojson: stepanakert: id: is used by another record in this file',
    );
    expect(placeLines(fc(place({}, [2.35, 48.85])))[0]).toContain(
      'stepanakert: geometry.coordinates: [2.35, 48.85] lies outside',
    );
    expect(placeLines(fc(place({ confidence: 'sourced\u202E' })))[0]).toContain('bidirectional control');
  });
});

describe('events', () => {
  it('pass a sound record', () => {
    expect(eventLines(event({}))).toEqual([]);
  });

  it('keep times inside the timeline and ends after starts', () => {
    expect(eventLines(event({ start: '2021-05-01' }))[0]).toContain('start: 2021-05-01 is outside the timeline');
    expect(eventLines(event({ start: '2023-02-30' }))[0]).toContain('is not an ISO 8601 date');
    expect(eventLines(event({ end: '2023-09-20' }))).toEqual(['events.json: yevlakh-talks: end: is before start']);
    expect(eventLines(event({ precision: 'window' }))).toEqual([
      'events.json: yevlakh-talks: end: a window needs its latest time as end',
    ]);
  });

  it('resolve places and routes', () => {
    expect(eventLines(event({ places: ['atlantis'] }))).toEqual([
      'events.json: yevlakh-talks: places[0]: “atlantis” is not a place id',
    ]);
    expect(
      eventLines(
        event({
          movements: [
            {
              route: 'nowhere',
              from: 'stepanakert',
              to: 'yevlakh',
              start: '2023-09-21T07:00',
              end: '2023-09-21T09:00',
              basis: 'reported',
            },
          ],
        }),
      ),
    ).toEqual(['events.json: yevlakh-talks: movements[0].route: “nowhere” is not a route id']);
  });

  it('mark a claim answered by a denial as disputed', () => {
    const claim = {
      statement: 'Fire on the city.',
      claimant: 'Karabakh authorities',
      side: 'karabakh-armenian',
      status: 'reported',
      citations: [cite],
      response: { statement: 'Denied.', claimant: 'Azerbaijan', side: 'azerbaijani', citations: [cite] },
    };
    expect(eventLines(event({ claims: [claim] }))).toEqual([
      'events.json: yevlakh-talks: claims[0].status: a claim with a denial in response must be disputed or denied',
    ]);
    expect(eventLines(event({ claims: [{ ...claim, status: 'disputed' }] }))).toEqual([]);
  });

  it('require figures to have a number or a text, a unit, a claimant and a citation', () => {
    const figure = { quantity: 'killed', value: -1, unit: 'people', claimant: 'x', side: 'armenian', citations: [] };
    expect(eventLines(event({ figures: [figure] }))).toEqual([
      'events.json: yevlakh-talks: figures[0].value: must be a finite number ≥ 0',
      'events.json: yevlakh-talks: figures[0].citations: must not be empty',
    ]);
  });
});

describe('series', () => {
  const series = (points: unknown[]) => ({
    series: [
      { id: 'crossed', title: 'Crossed', unit: 'people', kind: 'cumulative', claimant: 'x', side: 'armenian', points },
    ],
  });
  const pt = (t: string, value: number) => ({ t, precision: 'hour', value, citations: [cite] });

  it('must not fall when cumulative, and must run forward in time', () => {
    const lines = checkDataFile(
      'series.json',
      series([pt('2023-09-25T08:00', 10), pt('2023-09-25T09:00', 5)]),
      ctx,
    ).map(formatProblem);
    expect(lines).toEqual(['series.json: crossed: points[1].value: a cumulative series cannot fall (10 → 5)']);
    const order = checkDataFile('series.json', series([pt('2023-09-25T08:00', 10), pt('2023-09-25T07:00', 20)]), ctx);
    expect(order.map((p) => p.message)).toEqual(['points must be in time order']);
  });
});

describe('checkDataset', () => {
  it('reports missing files and files without a schema', () => {
    const problems = checkDataset(new Map([['stray.json', {}]]), { documents: [] });
    expect(problems.map((p) => `${p.file}: ${p.message}`)).toContain(
      'stray.json: no schema for this file: add one in src/data/check-data.ts',
    );
    expect(problems.some((p) => p.file === 'events.json' && p.message.startsWith('missing'))).toBe(true);
  });

  it('collects every cited article', () => {
    expect([...citedArticles({ a: [{ article: 'x', paragraph: 1 }], b: { c: { article: 'y' } } })].sort()).toEqual([
      'x',
      'y',
    ]);
  });
});
