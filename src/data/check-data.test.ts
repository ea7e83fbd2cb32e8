import { describe, expect, it } from 'vitest';
import { checkDataFile, checkDataset, citedArticles, type DataContext, formatProblem } from './check-data';

const ctx: DataContext = {
  articles: new Map([
    ['s001-a01', 49],
    ['s002-a01', 39],
  ]),
  placeIds: new Set(['stepanakert', 'yevlakh']),
  routeIds: new Set(['yevlakh-road']),
  claimants: new Map([
    ['nk-authorities', { side: 'karabakh-armenian', kind: 'de-facto-authority' }],
    ['azerbaijan-government', { side: 'azerbaijani', kind: 'state' }],
  ]),
  claims: new Map([['fire-on-city', { status: 'disputed', event: 'yevlakh-talks' }]]),
  origins: new Map([
    ['s001-a01', 'RFE/RL'],
    ['s002-a01', 's002'],
  ]),
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
              depicts: ['fire-on-city'],
              basis: 'reported',
            },
          ],
        }),
      ),
    ).toEqual(['events.json: yevlakh-talks: movements[0].route: “nowhere” is not a route id']);
  });

  const claim = {
    id: 'fire-on-city',
    statement: 'Fire on the city.',
    claimant: 'nk-authorities',
    status: 'claimed',
    citations: [cite],
    response: { statement: 'Denied.', claimant: 'azerbaijan-government', stance: 'denies', citations: [cite] },
  };

  it('mark a claim answered by the other side as disputed, and a disputed claim with its answer', () => {
    expect(eventLines(event({ claims: [claim] }))).toEqual([
      'events.json: yevlakh-talks: claims[0].status: a claim with an answer in response must be disputed',
    ]);
    expect(eventLines(event({ claims: [{ ...claim, status: 'disputed' }] }))).toEqual([]);
    const { response: _, ...unanswered } = claim;
    expect(eventLines(event({ claims: [{ ...unanswered, status: 'disputed' }] }))).toEqual([
      'events.json: yevlakh-talks: claims[0].response: a disputed claim must carry the answer that disputes it',
    ]);
  });

  it('confirm a claim only on two independent sources', () => {
    const { response: _, ...single } = claim;
    expect(eventLines(event({ claims: [{ ...single, status: 'confirmed' }] }))).toEqual([
      'events.json: yevlakh-talks: claims[0].status: confirmed needs citations from at least two independent sources',
    ]);
    const two = { ...single, status: 'confirmed', citations: [cite, { article: 's002-a01', paragraph: 3 }] };
    expect(eventLines(event({ claims: [two] }))).toEqual([]);
  });

  it('name claimants from data/claimants.json, whose side is not repeated in the record', () => {
    const figure = { quantity: 'killed', value: 1, unit: 'people', claimant: 'nk-authorities', citations: [cite] };
    expect(eventLines(event({ figures: [figure] }))).toEqual([]);
    expect(eventLines(event({ figures: [{ ...figure, claimant: 'DPA' }] }))).toEqual([
      'events.json: yevlakh-talks: figures[0].claimant: “DPA” is not a claimant of data/claimants.json',
    ]);
    expect(eventLines(event({ figures: [{ ...figure, side: 'armenian' }] }))).toEqual([
      'events.json: yevlakh-talks: figures[0].side: is read from data/claimants.json; remove it here',
    ]);
  });

  it('require figures to have a number or a text, a unit, a claimant and a citation', () => {
    const figure = { quantity: 'killed', value: -1, unit: 'people', claimant: 'nk-authorities', citations: [] };
    expect(eventLines(event({ figures: [figure] }))).toEqual([
      'events.json: yevlakh-talks: figures[0].value: must be a finite number ≥ 0',
      'events.json: yevlakh-talks: figures[0].citations: must not be empty',
    ]);
  });

  it('refuse a mark on the map that names no claim, or a claim that does not exist', () => {
    const effect = { place: 'stepanakert', state: 'under-fire' };
    expect(eventLines(event({ effects: [effect] }))).toEqual([
      'events.json: yevlakh-talks: effects[0].depicts: a mark on the map must name the claim(s) it depicts',
    ]);
    expect(eventLines(event({ effects: [{ ...effect, depicts: [] }] }))).toEqual([
      'events.json: yevlakh-talks: effects[0].depicts: a mark on the map must name the claim(s) it depicts',
    ]);
    expect(eventLines(event({ effects: [{ ...effect, depicts: ['shelling'] }] }))).toEqual([
      'events.json: yevlakh-talks: effects[0].depicts[0]: “shelling” is not a claim id',
    ]);
    expect(eventLines(event({ effects: [{ ...effect, depicts: ['fire-on-city'] }] }))).toEqual([]);
  });

  it('require the citation of a count of travellers', () => {
    const journey = {
      path: ['stepanakert', 'yevlakh'],
      from: 'stepanakert',
      to: 'yevlakh',
      start: '2023-09-21T07:00',
      end: '2023-09-21T09:00',
      people: 3000,
      depicts: ['fire-on-city'],
      basis: 'schematic',
    };
    expect(eventLines(event({ movements: [journey] }))).toEqual([
      'events.json: yevlakh-talks: movements[0].citations: must be a list',
    ]);
    expect(eventLines(event({ movements: [{ ...journey, people: undefined }] }))).toEqual([]);
  });

  it('accept a page cited directly only with the fact it gives', () => {
    const web = { url: 'https://example.org/place', says: '39°33′36″N 46°02′37″E' };
    expect(eventLines(event({ citations: [web] }))).toEqual([]);
    expect(eventLines(event({ citations: [{ ...web, url: 'ftp://example.org' }] }))).toEqual([
      'events.json: yevlakh-talks: citations[0].url: must be an http(s) URL',
    ]);
  });
});

describe('claimants', () => {
  const claimant = (props: Record<string, unknown>) => ({
    claimants: [
      {
        id: 'ara-papyan',
        name: 'Ara Papyan',
        short: 'Ara Papyan',
        kind: 'analyst',
        side: 'analyst',
        aliases: [],
        ...props,
      },
    ],
  });
  const lines = (v: unknown) => checkDataFile('claimants.json', v, ctx).map(formatProblem);

  it('pass a sound record', () => {
    expect(lines(claimant({}))).toEqual([]);
  });

  it('give each kind of claimant only its sides: an analyst is not a government, a journalist is media', () => {
    expect(lines(claimant({ side: 'armenian' }))).toEqual([
      'claimants.json: ara-papyan: side: a claimant of kind analyst speaks for analyst, not armenian',
    ]);
    expect(lines(claimant({ kind: 'journalist', side: 'karabakh-armenian' }))).toEqual([
      'claimants.json: ara-papyan: side: a claimant of kind journalist speaks for media, not karabakh-armenian',
    ]);
    expect(lines(claimant({ side: 'rebels' }))[0]).toContain('side: must be one of armenian, karabakh-armenian');
  });
});

describe('series', () => {
  const series = (points: unknown[]) => ({
    series: [
      { id: 'crossed', title: 'Crossed', unit: 'people', kind: 'cumulative', claimant: 'nk-authorities', points },
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
