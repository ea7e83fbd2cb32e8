import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_BOUNDS, MAX_ZOOM, MIN_ZOOM } from '../geo/region';
import { TIMELINE_END, TIMELINE_START } from '../time/span';
import { CATEGORIES, CHAPTER_IDS, CONTROLS, MODES, NAMINGS, RANGES, SIDES } from '../vocabulary/vocabulary';
import { DEFAULT_LAYERS, LAYERS } from './layers';
import { URL_PARAMS } from './url-params';
import {
  DEFAULT_STATE,
  MAX_QUERY_LENGTH,
  parseOrigin,
  parseUrlState,
  roundView,
  serializeUrlState,
  type UrlState,
} from './url-state';

/** The public interface, pinned: embedders' links carry these names, so the table may never rename one. */
const PARAM_NAMES = [
  'mode',
  't',
  'view',
  'layers',
  'names',
  'range',
  'from',
  'cat',
  'side',
  'outlet',
  'sel',
  'controls',
  'chapter',
  'api',
];
const codes = (search: string) => parseUrlState(search).notices.map((n) => n.code);

describe('the URL parameter table', () => {
  it('names the documented parameters, in order, each setting its own store key', () => {
    expect(URL_PARAMS.map((p) => p.name)).toEqual(PARAM_NAMES);
    expect(new Set(URL_PARAMS.map((p) => p.key)).size).toBe(URL_PARAMS.length);
    for (const p of URL_PARAMS) expect(Object.keys(DEFAULT_STATE)).toContain(p.key);
  });

  it('leaves out exactly the parameters at their default, except the five always written', () => {
    expect(
      serializeUrlState(DEFAULT_STATE)
        .slice(1)
        .split('&')
        .map((kv) => kv.split('=')[0]),
    ).toEqual(['mode', 't', 'view', 'layers', 'names']);
  });
});

describe('parseUrlState', () => {
  it('gives the default state and no notice for an empty query', () => {
    expect(parseUrlState('')).toEqual({ state: DEFAULT_STATE, notices: [] });
    expect(parseUrlState('?')).toEqual({ state: DEFAULT_STATE, notices: [] });
  });

  it('reads every documented parameter', () => {
    const { state, notices } = parseUrlState(
      '?mode=present&t=2023-09-19T13:45&view=46.75,39.82,9.5&layers=region,places&names=az',
    );
    expect(notices).toEqual([]);
    expect(state).toEqual({
      ...DEFAULT_STATE,
      mode: 'present',
      t: Date.parse('2023-09-19T09:45:00Z'),
      view: { lon: 46.75, lat: 39.82, zoom: 9.5 },
      layers: ['region', 'places'],
      names: 'az',
    });
  });

  it('accepts an unescaped + offset that arrived as a space', () => {
    const { state, notices } = parseUrlState('?t=2023-09-19T13:45+04:00');
    expect(notices).toEqual([]);
    expect(state.t).toBe(Date.parse('2023-09-19T09:45:00Z'));
  });

  it('treats an empty layers parameter as no layers, not as the default', () => {
    expect(parseUrlState('?layers=').state.layers).toEqual([]);
  });

  it('keeps the known layers of a list with unknown ones, and says which were dropped', () => {
    const { state, notices } = parseUrlState('?layers=places,tanks,region,places');
    expect(state.layers).toEqual(['places', 'region']);
    expect(notices).toHaveLength(1);
    expect(notices[0]?.message).toContain('“tanks”');
  });

  it.each([
    ['?mode=admin', 'bad-mode'],
    ['?t=2023-02-30', 'bad-time'],
    ['?t=yesterday', 'bad-time'],
    ['?t=2021-01-01', 'time-out-of-range'],
    ['?t=2024-01-01T00:00Z', 'time-out-of-range'],
    ['?view=46,40', 'bad-view'],
    ['?view=0,0,7', 'bad-view'],
    ['?view=46,40,99', 'bad-view'],
    ['?view=NaN,40,7', 'bad-view'],
    ['?view=Infinity,40,7', 'bad-view'],
    ['?view=46,40,1e3', 'bad-view'],
    ['?names=fr', 'bad-names'],
    ['?foo=1', 'unknown-param'],
    ['?__proto__=x', 'unknown-param'],
    ['?mode=present&mode=embed', 'repeated-param'],
  ])('falls back with a notice for %s', (search, code) => {
    const { state, notices } = parseUrlState(search);
    expect(notices.map((n) => n.code)).toContain(code);
    if (code !== 'repeated-param') expect(state).toEqual(DEFAULT_STATE);
  });

  it('reads the analyst parameters: range, window start, filters and selection', () => {
    const { state, notices } = parseUrlState(
      '?t=2023-09-30&range=window&from=2023-09-24&cat=exodus,talks&side=azerbaijani&outlet=dw&sel=event:kut-shooting',
    );
    expect(notices).toEqual([]);
    expect(state).toMatchObject({
      range: 'window',
      from: Date.parse('2023-09-23T20:00:00Z'),
      categories: ['exodus', 'talks'],
      sides: ['azerbaijani'],
      outlets: ['dw'],
      selection: 'event:kut-shooting',
    });
  });

  it('starts a window without a start at the beginning, and swaps a start after the end', () => {
    expect(parseUrlState('?range=window&t=2023-01-01').state.from).toBe(TIMELINE_START);
    const swapped = parseUrlState('?range=window&t=2023-01-01&from=2023-02-01').state;
    expect(swapped.from).toBeLessThan(swapped.t);
  });

  it.each([
    ['?range=forever', 'bad-range'],
    ['?from=2031-01-01', 'bad-range'],
    ['?cat=gossip', 'bad-filter'],
    ['?side=martians', 'bad-filter'],
    ['?outlet=%3Cscript%3E', 'bad-filter'],
    ['?sel=javascript:alert(1)', 'bad-selection'],
    ['?sel=place:', 'bad-selection'],
    ['?controls=everything', 'bad-embed'],
    ['?chapter=epilogue', 'bad-embed'],
    ['?api=javascript:alert(1)', 'bad-embed'],
    ['?api=https://news.example/path', 'bad-embed'],
    ['?api=https://user@news.example', 'bad-embed'],
    ['?api=*', 'bad-embed'],
    ['?api=null', 'bad-embed'],
  ])('falls back with a notice for the analyst parameter %s', (search, code) => {
    expect(codes(search)).toContain(code);
  });

  it('reads the embed parameters, normalising the API origin', () => {
    const { state, notices } = parseUrlState(
      '?mode=embed&controls=slider&chapter=exodus&api=https%3A%2F%2FNews.Example%3A443',
    );
    expect(notices).toEqual([]);
    expect(state).toMatchObject({ controls: 'slider', chapter: 'exodus', api: 'https://news.example' });
    expect(parseUrlState('?api=http://127.0.0.1:4174').state.api).toBe('http://127.0.0.1:4174');
  });

  it('uses the first of repeated parameters', () => {
    expect(parseUrlState('?mode=present&mode=embed').state.mode).toBe('present');
  });

  it('ignores a query over the length limit as a whole', () => {
    const { state, notices } = parseUrlState(`?mode=present&x=${'a'.repeat(MAX_QUERY_LENGTH)}`);
    expect(state).toEqual(DEFAULT_STATE);
    expect(notices.map((n) => n.code)).toEqual(['too-long']);
  });

  it('never throws, whatever the query', () => {
    const hostile = ['?%E0%A4%A', '?t=%', '?view=%00', '?constructor=1&prototype=2', '?layers=__proto__', '?&&&=&=='];
    for (const s of hostile) expect(() => parseUrlState(s)).not.toThrow();
    expect(codes('?layers=__proto__')).toEqual(['bad-layers']);
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (s) => {
        const { state } = parseUrlState(s);
        return MODES.includes(state.mode) && Number.isFinite(state.t);
      }),
      { numRuns: 1000, seed: 20231919 },
    );
  });

  it('shows the default layers, not an empty map, when a list names no known layer', () => {
    const { state, notices } = parseUrlState('?layers=tanks,planes');
    expect(state.layers).toEqual(DEFAULT_STATE.layers);
    expect(notices.map((n) => n.message)).toEqual([expect.stringContaining('showing the default layers')]);
    // An empty list is a choice: no layers.
    expect(parseUrlState('?layers=').state.layers).toEqual([]);
  });

  it('says when a list repeats an item, and keeps it once', () => {
    const { state, notices } = parseUrlState('?layers=places,region,places&cat=exodus,exodus');
    expect(state.layers).toEqual(['places', 'region']);
    expect(state.categories).toEqual(['exodus']);
    expect(notices.map((n) => [n.code, n.message])).toEqual([
      ['bad-layers', expect.stringContaining('“places” listed more than once')],
      ['bad-filter', 'Category “exodus” listed more than once.'],
    ]);
  });

  it('reports unknown parameters in one notice, naming five', () => {
    const keys = Array.from({ length: 500 }, (_, i) => `k${i}`);
    const { notices } = parseUrlState(`?mode=present&${keys.join('&')}`);
    expect(notices).toHaveLength(1);
    expect(notices[0]?.message).toBe('Unknown link parameters “k0”, “k1”, “k2”, “k3”, “k4” and 495 more were ignored.');
    expect(parseUrlState('?utm_source=x').notices[0]?.message).toBe('Unknown link parameter “utm_source” was ignored.');
  });

  it.each([
    ['https://evil.example\\.news.example', null],
    ['https://*.example', null],
    ['https://%6eews.example', null],
    ['https://news.example:0', 'https://news.example:0'],
    ['https://ℕews.example', 'https://news.example'],
    ['https://пример.рф', 'https://xn--e1afmkfd.xn--p1ai'],
    ['http://[::1]:8080', 'http://[::1]:8080'],
    ['http://0x7f.1', 'http://127.0.0.1'],
  ])('reads the API origin %s as %s', (raw, origin) => {
    expect(parseOrigin(raw)).toBe(origin);
  });

  it('quotes at most 60 characters of what the user typed', () => {
    const { notices } = parseUrlState(`?mode=${'x'.repeat(500)}`);
    expect(notices[0]?.message.length).toBeLessThan(200);
  });
});

/** Slugs as the URL's ids are written: lower-case letters and digits in hyphenated parts. */
const slugArb = fc
  .array(fc.stringMatching(/^[a-z0-9]{1,8}$/), { minLength: 1, maxLength: 6 })
  .map((parts) => parts.join('-'));

/** Origins as `parseOrigin` gives them: DNS names, IPv4 and IPv6 addresses, with and without a port. */
const originArb = fc
  .tuple(
    fc.constantFrom('http', 'https', 'HTTPS'),
    fc.oneof(
      fc.domain(),
      fc.ipV4(),
      fc.ipV6().map((ip) => `[${ip}]`),
    ),
    fc.option(fc.integer({ min: 0, max: 65535 }), { nil: null }),
  )
  .map(([scheme, host, port]) => parseOrigin(`${scheme}://${host}${port === null ? '' : `:${port}`}`))
  .filter((o): o is string => o !== null);

const baseArb = fc.record({
  mode: fc.constantFrom(...MODES),
  t: fc.integer({ min: TIMELINE_START, max: TIMELINE_END }),
  view: fc
    .record({
      lon: fc.double({ min: MAX_BOUNDS[0], max: MAX_BOUNDS[2], noNaN: true }),
      lat: fc.double({ min: MAX_BOUNDS[1], max: MAX_BOUNDS[3], noNaN: true }),
      zoom: fc.double({ min: MIN_ZOOM, max: MAX_ZOOM, noNaN: true }),
    })
    .map(roundView),
  layers: fc.uniqueArray(fc.constantFrom(...LAYERS.map((l) => l.id))),
  names: fc.constantFrom(...NAMINGS),
  range: fc.constantFrom(...RANGES),
  from: fc.integer({ min: TIMELINE_START, max: TIMELINE_END }),
  categories: fc.uniqueArray(fc.constantFrom(...CATEGORIES)),
  sides: fc.uniqueArray(fc.constantFrom(...SIDES)),
  outlets: fc.uniqueArray(
    fc.oneof(
      fc.constantFrom('dw', 'abc-news', 'un-news', 'jamnews', 'unnamed'),
      slugArb.filter((s) => s.length <= 60),
    ),
  ),
  selection: fc.option(
    fc
      .tuple(fc.constantFrom('place', 'event', 'route', 'area'), slugArb)
      .map(([kind, id]) => `${kind}:${id}`)
      .filter((s) => s.length <= 90),
    { nil: null },
  ),
  controls: fc.constantFrom(...CONTROLS),
  chapter: fc.option(fc.constantFrom(...CHAPTER_IDS), { nil: null }),
  api: fc.option(
    fc.oneof(fc.constantFrom('https://news.example', 'http://127.0.0.1:4174', 'https://xn--80ak6aa92e.com'), originArb),
    { nil: null },
  ),
});

/** States as the app can hold them: a window's start is set only for a window, and never after t. */
const stateArb: fc.Arbitrary<UrlState> = baseArb.map((s) => {
  if (s.range !== 'window') return { ...s, from: null };
  return s.from <= s.t ? s : { ...s, from: s.t, t: s.from };
});

describe('serializeUrlState', () => {
  it('round-trips every state exactly', () => {
    fc.assert(
      fc.property(stateArb, (s) => {
        const { state, notices } = parseUrlState(serializeUrlState(s));
        expect(notices).toEqual([]);
        expect(state).toEqual(s);
      }),
      { numRuns: 1000, seed: 42 },
    );
  });

  it('writes back whatever it reads: a state read from any link round-trips without notices', () => {
    const keys = [...PARAM_NAMES, 'x', '__proto__'];
    const values = [
      ...MODES,
      '2023-09-19',
      '2023-09-19T13:45 04:00',
      '2023-09-19T09:45Z',
      '2023-10-15',
      '2022-12-01',
      ' 46.5 , 40.05 , 7 ',
      '51.99999,43.49999,12.999',
      'places,,events',
      'hy',
      'window',
      'exodus,talks,exodus',
      'dw,abc-news',
      'place:stepanakert',
      'slider',
      'https://news.example',
      'HTTPS://NEWS.EXAMPLE:443/',
      'http://[::1]:80',
      'https://ℕews.example',
      'http://0x7f.1',
    ];
    const query = fc
      .array(fc.tuple(fc.constantFrom(...keys), fc.oneof(fc.constantFrom(...values), fc.string()), fc.boolean()), {
        maxLength: 8,
      })
      .map((pairs) => `?${pairs.map(([k, v, encoded]) => `${k}=${encoded ? encodeURIComponent(v) : v}`).join('&')}`);
    fc.assert(
      fc.property(query, (q) => {
        const read = parseUrlState(q).state;
        const { state, notices } = parseUrlState(serializeUrlState(read));
        expect(notices).toEqual([]);
        expect(state).toEqual(read);
      }),
      { numRuns: 1000, seed: 20230919 },
    );
  });

  it('writes a readable query', () => {
    expect(serializeUrlState(DEFAULT_STATE)).toBe(
      `?mode=explore&t=2022-12-12&view=46.5,40.05,7&layers=${DEFAULT_LAYERS.join(',')}&names=en`,
    );
  });
});
