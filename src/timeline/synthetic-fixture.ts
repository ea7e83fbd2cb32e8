/**
 * A small, made-up dataset for the engine's tests: a data edit under data/ must not break a test of
 * how the engine behaves. Nothing here is a fact. Places, claimants, outlets and claims have
 * placeholder names (Alpha, Ministry A, Outlet One); its dates lie inside the timeline (whose span
 * the engine fixes) and are its own, not the real events'. Only the ids the engine looks up by name are
 * the real ones: the chapters' first events (chapters.ts) and the counters' event and series
 * (scene.ts): `lachin-blockade`, `offensive`, `ceasefire`, `corridor-opens`, `un-mission`,
 * `fuel-depot-explosion`, `crossed-into-armenia`.
 *
 * What it holds, for the behaviours it exercises (local times, UTC+4):
 * - two roads: `road-main` Alpha → Bravo → Charlie post → Delta (the exodus road, its border at the
 *   Charlie post, which appears on 5 April 2023), with all four statuses; `road-side` Echo → Foxtrot
 *   depot → Alpha, with a long diagonal leg;
 * - an area shown before the offensive ends, an encirclement and an attack arrow, each for a span;
 * - point, bounded and window events, several starting at the same moment (one the lead);
 * - journeys by road (one run backwards along it) and on a path between places, with and without a
 *   count of people;
 * - effects under fire, encircled, in shelter, exploding and emptied, one ending early (`until`),
 *   two events marking a place the same way and one marking it graver;
 * - claims confirmed, claimed, unconfirmed and disputed (with an answer that denies);
 * - casualty figures from two claimants (a range, a qualifier, a figure in words);
 * - a cumulative arrivals series whose first point another claimant gave, and a per-day series.
 */
import type { Feature, FeatureCollection, Geometry, Position } from 'geojson';
import { type Dataset, prepareDataset, type RawDataset } from './dataset';
import { createEngine, type Engine } from './scene';

/** The places, by id, with their coordinates: tests derive distances and boxes from these. */
export const SYNTHETIC_PLACES = {
  'place-alpha': [46.6, 39.7],
  'place-bravo': [46.45, 39.62],
  'post-charlie': [46.3, 39.55],
  'place-delta': [46.05, 39.5],
  'place-echo': [47.05, 40.45],
  'site-foxtrot': [46.7, 39.85],
  'place-golf': [46.95, 40.05],
} as const satisfies Record<string, Position>;
type PlaceId = keyof typeof SYNTHETIC_PLACES;

const at = (id: PlaceId): Position => [...SYNTHETIC_PLACES[id]];
const feature = (id: string, geometry: Geometry, properties: Record<string, unknown>): Feature => ({
  type: 'Feature',
  id,
  geometry,
  properties: { id, ...properties },
});
const collection = (features: Feature[]): FeatureCollection => ({ type: 'FeatureCollection', features });
const cite = (article: string, paragraph = 1) => ({ article, paragraph });

function place(id: PlaceId, en: string, kind: string, extra: Record<string, unknown> = {}): Feature {
  return feature(
    id,
    { type: 'Point', coordinates: at(id) },
    { names: { en }, kind, rank: 1, confidence: 'sourced', sources: [cite('fx-a1')], mentions: [], ...extra },
  );
}

function route(id: string, en: string, waypoints: PlaceId[], status: [string, string, string][]): Feature {
  return feature(
    id,
    { type: 'LineString', coordinates: waypoints.map(at) },
    {
      names: { en },
      kind: 'road',
      waypoints,
      geometryBasis: 'fixture: straight segments through its waypoints',
      sources: [cite('fx-a1')],
      status: status.map(([from, to, s]) => ({
        from,
        to,
        status: s,
        basis: 'reported',
        note: `fixture: ${s}`,
        citations: [cite('fx-a1', 2)],
      })),
    },
  );
}

/** A small square around a point, counter-clockwise (RFC 7946). */
function square([lon = 0, lat = 0]: Position, half: number): Geometry {
  const ring = [
    [lon - half, lat - half],
    [lon + half, lat - half],
    [lon + half, lat + half],
    [lon - half, lat + half],
    [lon - half, lat - half],
  ];
  return { type: 'Polygon', coordinates: [ring] };
}

const CLAIMANTS: RawDataset['claimants']['claimants'] = [
  { id: 'ministry-a', name: 'Ministry A', short: 'Ministry A', kind: 'state', side: 'armenian', aliases: [] },
  { id: 'government-b', name: 'Government B', short: 'B', kind: 'state', side: 'azerbaijani', aliases: [] },
  {
    id: 'observer-c',
    name: 'The Observer Mission C',
    short: 'Observer C',
    kind: 'international-organisation',
    side: 'international',
    aliases: [],
  },
  { id: 'outlet-d', name: 'Outlet D', short: 'Outlet D', kind: 'outlet', side: 'media', aliases: [] },
];

/** fx-a1 and fx-a2 name their outlets; fx-a3's document does not. */
const ARTICLES = [
  { id: 'fx-a1', outlet: 'Outlet One', date: '2023-01-02', headline: 'Fixture article one', url: null },
  { id: 'fx-a2', outlet: 'Outlet Two', date: '2023-02-10', headline: 'Fixture article two', url: null },
  { id: 'fx-a3', outlet: null, date: null, headline: 'Fixture article three', url: null },
];

const claim = (id: string, claimant: string, status: string, extra: Record<string, unknown> = {}) => ({
  id,
  statement: `Fixture claim ${id}.`,
  claimant,
  status,
  citations: [cite('fx-a1', 3)],
  ...extra,
});
const denied = (id: string, claimant: string, by: string) =>
  claim(id, claimant, 'disputed', {
    response: { statement: 'Denies it.', claimant: by, stance: 'denies', citations: [cite('fx-a2', 3)] },
  });

function event(id: string, category: string, start: string, extra: Record<string, unknown> = {}) {
  return {
    id,
    title: `Fixture event ${id}`,
    category,
    start,
    precision: start.includes('T') ? 'hour' : 'day',
    places: [],
    summary: 'Fixture.',
    citations: [cite('fx-a1')],
    ...extra,
  };
}

const EVENTS: Record<string, unknown>[] = [
  event('lachin-blockade', 'blockade', '2022-12-20T08:00', {
    end: '2023-09-03',
    endPrecision: 'day',
    places: ['place-alpha'],
    claims: [claim('road-closed', 'ministry-a', 'confirmed')],
    citations: [cite('fx-a1'), cite('fx-a2')],
  }),
  event('ruling-kilo', 'diplomacy', '2023-02-10', {
    claims: [claim('ruling-issued', 'observer-c', 'confirmed')],
    citations: [cite('fx-a2', 2)],
  }),
  event('talks-rumour', 'diplomacy', '2023-03-01', {
    end: '2023-03-31',
    precision: 'window',
    endPrecision: 'window',
    citations: [cite('fx-a3')],
  }),
  event('post-opened', 'blockade', '2023-04-05', {
    places: ['post-charlie'],
    claims: [claim('post-installed', 'government-b', 'claimed')],
    citations: [cite('fx-a3')],
  }),
  // After noon, as the real one: a slider position in the break before it gives the blockade's end
  // rounded to the day, which is this start only when the rounding goes up (track.test.ts).
  event('offensive', 'offensive', '2023-08-20T14:00', {
    end: '2023-08-21T14:00',
    places: ['place-alpha', 'place-golf'],
    figures: [
      { quantity: 'killed-side-a', value: 50, qualifier: 'at least', unit: 'people', claimant: 'ministry-a' },
      { quantity: 'killed-side-b', value: 12, max: 20, unit: 'soldiers', claimant: 'government-b' },
      { quantity: 'wounded-side-a', value: 100, unit: 'people', claimant: 'ministry-a' },
    ].map((f) => ({ ...f, citations: [cite('fx-a1', 4)] })),
    claims: [
      claim('offensive-launched', 'observer-c', 'confirmed'),
      denied('alpha-shelled', 'ministry-a', 'government-b'),
      claim('golf-shelled', 'ministry-a', 'claimed'),
    ],
    effects: [
      { place: 'place-alpha', state: 'under-fire', depicts: ['offensive-launched', 'alpha-shelled'] },
      { place: 'place-golf', state: 'under-fire', until: '2023-08-20T22:00', depicts: ['golf-shelled'] },
    ],
  }),
  event('refuge-foxtrot', 'humanitarian', '2023-08-20T16:00', {
    end: '2023-08-21T18:00',
    places: ['site-foxtrot'],
    claims: [claim('refuge-taken', 'observer-c', 'confirmed')],
    movements: [
      {
        route: 'road-side',
        from: 'place-alpha',
        to: 'site-foxtrot',
        start: '2023-08-20T16:00',
        end: '2023-08-20T22:00',
        depicts: ['refuge-taken'],
        basis: 'fixture: by road, against the order of its vertices; no source counts them',
      },
    ],
    effects: [{ place: 'site-foxtrot', state: 'shelter', depicts: ['refuge-taken'] }],
  }),
  event('ceasefire', 'talks', '2023-08-21T14:00', {
    claims: [claim('ceasefire-agreed', 'observer-c', 'confirmed')],
  }),
  event('envoy-trip', 'talks', '2023-08-22', {
    places: ['place-alpha', 'place-echo'],
    claims: [claim('envoys-travelled', 'outlet-d', 'confirmed')],
    movements: [
      ['place-alpha', 'place-echo', '2023-08-22T07:00', '2023-08-22T10:00'],
      ['place-echo', 'place-alpha', '2023-08-22T14:00', '2023-08-22T17:00'],
    ].map(([from, to, start, end]) => ({
      path: [from, to],
      from,
      to,
      start,
      end,
      people: 2,
      citations: [cite('fx-a1', 5)],
      depicts: ['envoys-travelled'],
      basis: 'fixture: a straight line between two places',
    })),
  }),
  event('talks-lima', 'talks', '2023-08-22', { places: ['place-echo'] }),
  event('golf-cut-off', 'offensive', '2023-08-22', {
    end: '2023-09-03',
    places: ['place-golf'],
    claims: [claim('golf-encircled', 'ministry-a', 'claimed')],
    effects: [{ place: 'place-golf', state: 'encircled', depicts: ['golf-encircled'] }],
  }),
  event('aid-pledge', 'humanitarian', '2023-09-03', {
    end: '2023-09-10',
    precision: 'window',
    endPrecision: 'window',
    citations: [cite('fx-a2', 4)],
  }),
  event('exodus', 'exodus', '2023-09-03', { end: '2023-09-12', places: ['place-alpha', 'place-delta'] }),
  event('corridor-opens', 'exodus', '2023-09-03', {
    lead: true,
    places: ['post-charlie'],
    claims: [claim('road-opened', 'observer-c', 'confirmed')],
  }),
  event('fuel-depot-explosion', 'humanitarian', '2023-09-05T19:00', {
    places: ['site-foxtrot'],
    figures: [
      { quantity: 'killed-fuel-depot', value: 70, unit: 'people', claimant: 'ministry-a' },
      { quantity: 'killed-fuel-depot', text: 'dozens of', unit: 'people', claimant: 'outlet-d' },
    ].map((f) => ({ ...f, citations: [cite('fx-a1', 6)] })),
    claims: [claim('depot-exploded', 'outlet-d', 'confirmed')],
    effects: [{ place: 'site-foxtrot', state: 'explosion', depicts: ['depot-exploded'] }],
  }),
  event('un-mission', 'aftermath', '2023-09-13', {
    places: ['place-alpha'],
    claims: [claim('mission-visited', 'observer-c', 'confirmed')],
    movements: [
      {
        route: 'road-side',
        from: 'place-echo',
        to: 'place-alpha',
        start: '2023-09-13T09:00',
        end: '2023-09-13T12:00',
        people: 9,
        citations: [cite('fx-a2', 5)],
        depicts: ['mission-visited'],
        basis: 'fixture: the whole side road, in the order of its vertices',
      },
    ],
  }),
  event('city-empty', 'aftermath', '2023-09-14', {
    places: ['place-alpha'],
    claims: [claim('alpha-emptied', 'observer-c', 'confirmed')],
    effects: [{ place: 'place-alpha', state: 'emptied', until: '2023-10-15', depicts: ['alpha-emptied'] }],
  }),
  event('empty-report', 'aftermath', '2023-09-20', {
    places: ['place-alpha'],
    claims: [claim('alpha-empty-said', 'government-b', 'claimed')],
    effects: [{ place: 'place-alpha', state: 'emptied', until: '2023-10-15', depicts: ['alpha-empty-said'] }],
  }),
  event('golf-fire', 'aftermath', '2023-09-25', {
    places: ['place-golf'],
    claims: [denied('golf-fired-on', 'ministry-a', 'government-b'), claim('golf-car-hit', 'ministry-a', 'claimed')],
    effects: [{ place: 'place-golf', state: 'under-fire', depicts: ['golf-fired-on', 'golf-car-hit'] }],
  }),
  event('alpha-sniper', 'aftermath', '2023-09-30', {
    places: ['place-alpha'],
    claims: [claim('alpha-sniper-heard', 'outlet-d', 'unconfirmed')],
    effects: [{ place: 'place-alpha', state: 'under-fire', depicts: ['alpha-sniper-heard'] }],
  }),
];

/** [time, value, extra] of the arrivals series: 40 by one outlet, then the series' claimant. */
const CROSSED: [string, number, Record<string, unknown>?][] = [
  ['2023-09-03T16:00', 40, { precision: 'window', qualifier: 'about', claimant: 'outlet-d' }],
  ['2023-09-04T00:00', 1_000],
  ['2023-09-04T18:00', 4_000],
  ['2023-09-05T08:00', 10_000],
  ['2023-09-06T08:00', 30_000],
  ['2023-09-08T12:00', 50_000],
  ['2023-09-12T12:00', 60_000],
  ['2023-09-20T12:00', 60_100],
];

const SERIES: Record<string, unknown>[] = [
  {
    id: 'crossed-into-armenia',
    title: 'Fixture arrivals',
    unit: 'people',
    kind: 'cumulative',
    claimant: 'ministry-a',
    points: CROSSED.map(([t, value, extra]) => ({
      t,
      value,
      precision: 'hour',
      citations: [cite('fx-a1', 7)],
      ...extra,
    })),
  },
  {
    id: 'arrivals-per-day',
    title: 'Fixture arrivals per day',
    unit: 'people per day',
    kind: 'per-day',
    claimant: 'observer-c',
    points: [
      ['2023-09-04', 1_000],
      ['2023-09-05', 9_000],
      ['2023-09-06', 20_000],
    ].map(([t, value]) => ({ t, value, precision: 'day', citations: [cite('fx-a2', 7)] })),
  },
];

/** A fresh copy each call, so a test may change its copy. */
export function syntheticRaw(): RawDataset {
  const raw: RawDataset = {
    places: collection([
      place('place-alpha', 'Alpha', 'capital'),
      place('place-bravo', 'Bravo', 'town'),
      place('post-charlie', 'Charlie post', 'checkpoint', { visibleFrom: '2023-04-05' }),
      place('place-delta', 'Delta', 'city'),
      place('place-echo', 'Echo', 'city'),
      place('site-foxtrot', 'Foxtrot depot', 'site'),
      place('place-golf', 'Golf', 'village'),
    ]),
    routes: collection([
      route(
        'road-main',
        'Main road (fixture)',
        ['place-alpha', 'place-bravo', 'post-charlie', 'place-delta'],
        [
          ['2022-12-01', '2022-12-20T08:00', 'open'],
          ['2022-12-20T08:00', '2023-06-10T09:15', 'restricted'],
          ['2023-06-10T09:15', '2023-09-03', 'blocked'],
          ['2023-09-03', '2023-10-15', 'one-way'],
        ],
      ),
      route(
        'road-side',
        'Side road (fixture)',
        ['place-echo', 'site-foxtrot', 'place-alpha'],
        [
          ['2022-12-01', '2023-08-21T14:00', 'blocked'],
          ['2023-08-21T14:00', '2023-10-15', 'restricted'],
        ],
      ),
    ]),
    areas: collection([
      feature('area-held', square(at('place-alpha'), 0.3), {
        names: { en: 'Area held (fixture)' },
        kind: 'control',
        approximate: true,
        note: 'fixture',
        valid: { from: null, to: '2023-08-21T14:00' },
        sources: [cite('fx-a1')],
      }),
      feature('ring-golf', square(at('place-golf'), 0.04), {
        names: { en: 'Encirclement of Golf (fixture)' },
        kind: 'encirclement',
        approximate: true,
        note: 'fixture',
        valid: { from: '2023-08-22', to: '2023-09-03' },
        sources: [cite('fx-a1')],
        depicts: ['golf-encircled'],
      }),
    ]),
    arrows: collection([
      feature(
        'arrow-north',
        {
          type: 'LineString',
          coordinates: [[47.05, 40.2], at('place-golf')],
        },
        {
          names: { en: 'Direction of attack (fixture)' },
          kind: 'attack-direction',
          approximate: true,
          note: 'fixture',
          valid: { from: '2023-08-20T14:00', to: '2023-08-21T14:00' },
          sources: [cite('fx-a1')],
          depicts: ['offensive-launched'],
        },
      ),
    ]),
    events: { events: EVENTS },
    series: { series: SERIES },
    claimants: { claimants: CLAIMANTS },
    catalogue: { documents: [{ articles: ARTICLES }] },
  };
  return structuredClone(raw);
}

let engine: Engine | undefined;

/** The engine built from the synthetic dataset, once. */
export function syntheticEngine(): Engine {
  engine ??= createEngine(syntheticData());
  return engine;
}

export function syntheticData(): Dataset {
  return prepareDataset(syntheticRaw());
}
