/**
 * Malformed and hostile links, each with the notices it must give. A hostile link must load the
 * default state for whatever it got wrong, with exactly these notices, and never throw: the unit
 * test (hostile-urls.test.ts) parses each one, the end-to-end test (e2e/url-hostile.spec.ts) opens
 * each one in the built app. Queries are written as they would sit in an address bar (escaped where
 * a browser would escape them, so the unit test and the browser read the same values).
 */
import { DEFAULT_TIME, TIMELINE_START } from '../time/span';
import { MAX_QUERY_LENGTH, type NoticeCode, type UrlState } from './url-state';

export type HostileKind =
  | 'escape'
  | 'time'
  | 'view'
  | 'layers'
  | 'prototype'
  | 'action'
  | 'size'
  | 'repeat'
  | 'script'
  | 'embed'
  | 'lookalike'
  | 'value';

export interface HostileUrl {
  kind: HostileKind;
  /** The query string, from its `?`. */
  query: string;
  /** Exactly the notices it gives, in any order (a code twice when two parameters are wrong). */
  codes: NoticeCode[];
  what: string;
  /** What differs from the default state, when part of the link is good (a repeated parameter's first value). */
  state?: Partial<UrlState>;
}

const h = (
  kind: HostileKind,
  query: string,
  codes: NoticeCode[],
  what: string,
  state?: Partial<UrlState>,
): HostileUrl => ({ kind, query, codes, what, ...(state ? { state } : {}) });

const SCRIPT = '%3Cscript%3Ealert(1)%3C%2Fscript%3E';
const IMG = '%22%3E%3Cimg%20src%3Dx%20onerror%3Dwindow.__pwned%3D1%3E';
const SVG = '%3Csvg%20onload%3Dwindow.__pwned%3D1%3E';
/** What a window given in a link falls back to when its start is bad: the timeline's start. */
const WINDOW_FROM_START: Partial<UrlState> = { range: 'window', from: TIMELINE_START };
const at = (iso: string) => Date.parse(iso);

/** A 100 kB query: far beyond any link the app writes, ignored as a whole. */
export const HUNDRED_KB_QUERY = `?t=2023-09-19&view=46.5,40.05,7&x=${'a'.repeat(100_000)}`;
/** 500 different unknown keys in under 4 kB: one notice, not 500. */
const MANY_KEYS = `?${Array.from({ length: 500 }, (_, i) => `k${i}`).join('&')}`;

export const HOSTILE_URLS: readonly HostileUrl[] = [
  // Escapes that are not UTF-8, not complete, or stand for control characters and lone surrogates.
  h('escape', '?%E0%A4%A', ['unknown-param'], 'truncated UTF-8 escape as a key'),
  h('escape', '?%', ['unknown-param'], 'a lone % as a key'),
  h('escape', '?t=%', ['bad-time'], 'a lone % as the time'),
  h('escape', '?t=%E0%A4%A', ['bad-time'], 'truncated UTF-8 escape as the time'),
  h('escape', '?mode=%', ['bad-mode'], 'a lone % as the mode'),
  h('escape', '?mode=%%%', ['bad-mode'], 'three lone % as the mode'),
  h('escape', '?view=%zz,40,7', ['bad-view'], 'an escape with non-hex digits in the view'),
  h('escape', '?layers=%E0%A4%A', ['bad-layers'], 'truncated UTF-8 escape as a layer'),
  h('escape', '?names=%C0%80', ['bad-names'], 'overlong UTF-8 NUL as the naming'),
  h('escape', '?names=%FF%FE', ['bad-names'], 'bytes that are never UTF-8'),
  h('escape', '?mode=%ED%A0%80', ['bad-mode'], 'an escaped lone high surrogate'),
  h('escape', '?t=2023-09-19%ED%B0%80', ['bad-time'], 'an escaped lone low surrogate after a good date'),
  h('escape', '?mode=\uD800', ['bad-mode'], 'a raw lone surrogate'),
  h('escape', '?mode=explore%00', ['bad-mode'], 'a NUL after a good mode'),
  h('escape', '?%00=1', ['unknown-param'], 'a NUL as a key'),
  h('escape', '?t=2023-09-19%00', ['bad-time'], 'a NUL after a good date'),
  h('escape', '?sel=place:stepanakert%00', ['bad-selection'], 'a NUL after a good selection'),
  h('escape', '?mode=%2570resent', ['bad-mode'], 'a double-escaped mode'),
  h('escape', '?mode=present%0A', ['bad-mode'], 'a newline after a good mode'),
  h('escape', '?api=https%3A%2F%2Fnews.example%2', ['bad-embed'], 'an origin ending in a broken escape'),
  h('escape', '?&&&=&==', ['unknown-param'], 'empty keys and values'),
  h('escape', '?=present', ['unknown-param'], 'a value without a key'),
  h('escape', '?mode', ['bad-mode'], 'a key without a value'),

  // Times that are not ISO 8601, do not exist, or lie outside the timeline.
  h('time', '?t=10000-01-01', ['bad-time'], 'year 10000'),
  h('time', '?t=%2B010000-01-01', ['bad-time'], 'an expanded year'),
  h('time', '?t=9999-12-31', ['time-out-of-range'], 'year 9999'),
  h('time', '?t=2031-01-01', ['time-out-of-range'], 'after the timeline'),
  h('time', '?t=2022-11-30', ['time-out-of-range'], 'the day before the timeline'),
  h('time', '?t=2023-10-15T00:00:00.001', ['time-out-of-range'], 'one millisecond after the timeline'),
  h('time', '?t=0000-01-01', ['time-out-of-range'], 'year zero'),
  h('time', '?t=1970-01-01T00:00Z', ['time-out-of-range'], 'the epoch'),
  h('time', '?t=NaN', ['bad-time'], 'NaN'),
  h('time', '?t=Infinity', ['bad-time'], 'Infinity'),
  h('time', '?t=-Infinity', ['bad-time'], '-Infinity'),
  h('time', '?t=1e999', ['bad-time'], '1e999'),
  h('time', '?t=1695100000000', ['bad-time'], 'epoch milliseconds'),
  h('time', '?t=-1', ['bad-time'], 'a negative number'),
  h('time', '?t=2023-02-30', ['bad-time'], '30 February'),
  h('time', '?t=2023-13-01', ['bad-time'], 'month 13'),
  h('time', '?t=2023-09-19T24:00', ['bad-time'], 'hour 24'),
  h('time', '?t=2023-09-19T13:60', ['bad-time'], 'minute 60'),
  h('time', '?t=2023-09-19T13:45:60', ['bad-time'], 'second 60'),
  h('time', '?t=2023-09-19T13:45%2B15:00', ['bad-time'], 'offset beyond 14 hours'),
  h('time', '?t=2023-09-19T13:45:00.1234', ['bad-time'], 'four digits of milliseconds'),
  h('time', '?t=', ['bad-time'], 'empty'),
  h('time', '?t=%20%20', ['bad-time'], 'spaces'),
  h('time', '?t=２０２３-09-19', ['bad-time'], 'full-width digits'),
  h('time', '?t=2023-9-19', ['bad-time'], 'one-digit month'),
  h('time', '?t=19.09.2023', ['bad-time'], 'day-first dotted date'),
  h('time', '?range=window&from=2031-01-01', ['bad-range'], 'a window starting after the timeline', WINDOW_FROM_START),
  h('time', '?range=window&from=NaN', ['bad-range'], 'a window starting at NaN', WINDOW_FROM_START),
  h('time', '?range=window&t=2031-01-01', ['time-out-of-range'], 'a window ending after the timeline', {
    ...WINDOW_FROM_START,
    t: DEFAULT_TIME,
  }),

  // Views that are not three numbers inside the region and the zoom range.
  h('view', '?view=200,40,7', ['bad-view'], 'longitude 200'),
  h('view', '?view=46.5,95,7', ['bad-view'], 'latitude 95'),
  h('view', '?view=46.5,40.05,99', ['bad-view'], 'zoom 99'),
  h('view', '?view=46.5,40.05,-3', ['bad-view'], 'negative zoom'),
  h('view', '?view=46.5,40.05,5.49', ['bad-view'], 'zoom just below the minimum'),
  h('view', '?view=NaN,40,7', ['bad-view'], 'NaN longitude'),
  h('view', '?view=46.5,NaN,7', ['bad-view'], 'NaN latitude'),
  h('view', '?view=Infinity,40,7', ['bad-view'], 'Infinity'),
  h('view', '?view=-Infinity,40,7', ['bad-view'], '-Infinity'),
  h('view', '?view=1e999,40,7', ['bad-view'], '1e999'),
  h('view', '?view=46.5,40.05,7e0', ['bad-view'], 'an exponent'),
  h('view', '?view=0x2E,40,7', ['bad-view'], 'hexadecimal'),
  h('view', '?view=46.5%2040.05%207', ['bad-view'], 'three numbers separated by spaces'),
  h('view', '?view=46.5,40.05,7,3', ['bad-view'], 'four numbers'),
  h('view', '?view=46.5,40.05', ['bad-view'], 'two numbers'),
  h('view', '?view=46,5,40,05,7', ['bad-view'], 'decimal commas'),
  h('view', '?view=46.5;40.05;7', ['bad-view'], 'semicolons'),
  h('view', '?view=46.5,40.05,7.', ['bad-view'], 'a trailing decimal point'),
  h('view', '?view=', ['bad-view'], 'empty'),
  h('view', '?view=,,', ['bad-view'], 'only commas'),
  h('view', '?view=-0,-0,-0', ['bad-view'], 'negative zeros'),
  h('view', `?view=${'4'.repeat(400)},40,7`, ['bad-view'], 'a 400-digit longitude'),

  // Layers the app does not have, or has more than once.
  h('layers', '?layers=tanks', ['bad-layers'], 'an unknown layer only'),
  h('layers', '?layers=places,tanks', ['bad-layers'], 'a known and an unknown layer', { layers: ['places'] }),
  h('layers', '?layers=places,places', ['bad-layers'], 'a layer twice', { layers: ['places'] }),
  h('layers', `?layers=${'places,'.repeat(500)}`, ['bad-layers'], 'a layer 500 times', { layers: ['places'] }),
  h('layers', '?layers=PLACES', ['bad-layers'], 'an upper-case layer'),
  h('layers', '?layers=places;borders', ['bad-layers'], 'semicolons'),
  h('layers', `?layers=${'x,'.repeat(1500)}`, ['bad-layers'], '1,500 unknown layers'),

  // Keys and values that name the prototype chain.
  h('prototype', '?__proto__=x', ['unknown-param'], '__proto__ as a key'),
  h('prototype', '?__proto__[mode]=present', ['unknown-param'], '__proto__[mode] as a key'),
  h('prototype', '?__proto__.mode=present', ['unknown-param'], '__proto__.mode as a key'),
  h('prototype', '?constructor=1', ['unknown-param'], 'constructor as a key'),
  h('prototype', '?prototype=2', ['unknown-param'], 'prototype as a key'),
  h('prototype', '?constructor[prototype][mode]=present', ['unknown-param'], 'constructor[prototype][mode]'),
  h('prototype', '?__proto__=x&constructor=y&prototype=z', ['unknown-param'], 'all three at once, one notice'),
  h('prototype', '?toString=1&hasOwnProperty=1&valueOf=0', ['unknown-param'], 'Object.prototype methods'),
  h('prototype', '?__defineGetter__=mode', ['unknown-param'], '__defineGetter__ as a key'),
  h('prototype', '?mode=__proto__', ['bad-mode'], '__proto__ as the mode'),
  h('prototype', '?t=__proto__', ['bad-time'], '__proto__ as the time'),
  h('prototype', '?view=__proto__', ['bad-view'], '__proto__ as the view'),
  h('prototype', '?layers=__proto__', ['bad-layers'], '__proto__ as a layer'),
  h('prototype', '?layers=constructor,prototype,toString', ['bad-layers'], 'prototype names as layers'),
  h('prototype', '?names=constructor', ['bad-names'], 'constructor as the naming'),
  h('prototype', '?range=__proto__', ['bad-range'], '__proto__ as the range'),
  h('prototype', '?cat=__proto__', ['bad-filter'], '__proto__ as a category'),
  h('prototype', '?side=constructor', ['bad-filter'], 'constructor as a side'),
  h('prototype', '?outlet=__proto__', ['bad-filter'], '__proto__ as an outlet'),
  h('prototype', '?sel=place:__proto__', ['bad-selection'], '__proto__ as a place id'),
  h('prototype', '?controls=__proto__', ['bad-embed'], '__proto__ as the controls'),
  h('prototype', '?chapter=constructor', ['bad-embed'], 'constructor as the chapter'),
  h('prototype', '?api=__proto__', ['bad-embed'], '__proto__ as the API origin'),

  // The store's actions and state keys as link parameters.
  h('action', '?setTime=0', ['unknown-param'], 'setTime'),
  h('action', '?applyUrlState=1', ['unknown-param'], 'applyUrlState'),
  h('action', '?setState=%7B%22mode%22%3A%22embed%22%7D', ['unknown-param'], 'setState with JSON'),
  h('action', '?getState', ['unknown-param'], 'getState'),
  h('action', '?addNotice=x&dismissAllNotices=1', ['unknown-param'], 'notice actions'),
  h('action', '?notices=%5B%5D&engine=null&playing=true', ['unknown-param'], 'state keys that are not parameters'),
  h('action', '?categories=exodus&selection=place:stepanakert', ['unknown-param'], 'state names of parameters'),
  h('action', '?mode=present&setMode=embed', ['unknown-param'], 'setMode beside a good mode', { mode: 'present' }),

  // Size: over the limit, at the limit, and many keys under it.
  h('size', HUNDRED_KB_QUERY, ['too-long'], 'a 100 kB query'),
  h('size', `?mode=present&x=${'x'.repeat(MAX_QUERY_LENGTH)}`, ['too-long'], 'one character over the limit'),
  h('size', `?x=${'a'.repeat(MAX_QUERY_LENGTH - 3)}`, ['unknown-param'], 'exactly at the limit'),
  h('size', MANY_KEYS, ['unknown-param'], '500 unknown keys'),

  // Repeated parameters: the first value counts.
  h('repeat', '?mode=present&mode=embed', ['repeated-param'], 'two modes', { mode: 'present' }),
  h('repeat', '?t=2023-01-01&t=2023-02-01', ['repeated-param'], 'two times', { t: at('2022-12-31T20:00Z') }),
  h('repeat', '?mode=admin&mode=present', ['repeated-param', 'bad-mode'], 'a bad mode, then a good one'),
  h('repeat', '?names=hy&names=hy', ['repeated-param'], 'the same naming twice', { names: 'hy' }),
  h('repeat', '?view=46.5,40.05,7&view=0,0,0', ['repeated-param'], 'a good view, then a bad one'),
  h('repeat', '?layers=&layers=places', ['repeated-param'], 'no layers, then one', { layers: [] }),
  h('repeat', '?x=1&x=2', ['unknown-param'], 'an unknown key twice'),

  // A script in every parameter and as a key.
  h('script', `?mode=${SCRIPT}`, ['bad-mode'], 'script as the mode'),
  h('script', `?t=${SCRIPT}`, ['bad-time'], 'script as the time'),
  h('script', `?view=${SCRIPT}`, ['bad-view'], 'script as the view'),
  h('script', `?layers=${SCRIPT}`, ['bad-layers'], 'script as a layer'),
  h('script', `?names=${SCRIPT}`, ['bad-names'], 'script as the naming'),
  h('script', `?range=${SCRIPT}`, ['bad-range'], 'script as the range'),
  h('script', `?from=${SCRIPT}`, ['bad-range'], 'script as the window start'),
  h('script', `?cat=${SCRIPT}`, ['bad-filter'], 'script as a category'),
  h('script', `?side=${SCRIPT}`, ['bad-filter'], 'script as a side'),
  h('script', `?outlet=${SCRIPT}`, ['bad-filter'], 'script as an outlet'),
  h('script', `?sel=${SCRIPT}`, ['bad-selection'], 'script as the selection'),
  h('script', `?controls=${SCRIPT}`, ['bad-embed'], 'script as the controls'),
  h('script', `?chapter=${SCRIPT}`, ['bad-embed'], 'script as the chapter'),
  h('script', `?api=${SCRIPT}`, ['bad-embed'], 'script as the API origin'),
  h('script', `?${SCRIPT}=1`, ['unknown-param'], 'script as a key'),
  h('script', `?mode=${IMG}`, ['bad-mode'], 'img onerror as the mode'),
  h('script', `?names=${SVG}`, ['bad-names'], 'svg onload as the naming'),
  h('script', `?sel=place:x${IMG}`, ['bad-selection'], 'img onerror after a selection'),
  h('script', '?sel=javascript:alert(1)', ['bad-selection'], 'javascript: as the selection'),

  // The embed's parameters with values an attacker would try.
  h('embed', '?controls=javascript:alert(1)', ['bad-embed'], 'javascript: as the controls'),
  h('embed', '?controls=data:text/html,%3Cscript%3E', ['bad-embed'], 'data: as the controls'),
  h('embed', '?controls=../../etc/passwd', ['bad-embed'], 'a path as the controls'),
  h('embed', '?controls=SLIDER', ['bad-embed'], 'upper-case controls'),
  h('embed', '?controls=none,play', ['bad-embed'], 'two controls'),
  h('embed', '?controls=', ['bad-embed'], 'empty controls'),
  h('embed', '?chapter=javascript:alert(1)', ['bad-embed'], 'javascript: as the chapter'),
  h('embed', '?chapter=../exodus', ['bad-embed'], 'a relative path as the chapter'),
  h('embed', '?chapter=/etc/passwd', ['bad-embed'], 'an absolute path as the chapter'),
  h('embed', '?chapter=https://evil.example/chapter.json', ['bad-embed'], 'a URL as the chapter'),
  h('embed', '?chapter=exodus?x=1', ['bad-embed'], 'a chapter with a query'),
  h('embed', '?api=javascript:alert(1)', ['bad-embed'], 'javascript: as the API origin'),
  h('embed', '?api=data:text/html,x', ['bad-embed'], 'data: as the API origin'),
  h('embed', '?api=https://user:pass@news.example', ['bad-embed'], 'credentials in the API origin'),
  h('embed', '?api=https://news.example@evil.example', ['bad-embed'], 'the real host after an @'),
  h('embed', '?api=https://evil.example%5C.news.example', ['bad-embed'], 'a backslash that URL reads as a path'),
  h('embed', '?api=https://news.example/path', ['bad-embed'], 'a path after the origin'),
  h('embed', '?api=https://news.example?x=1', ['bad-embed'], 'a query after the origin'),
  h('embed', '?api=https://news.example%23frag', ['bad-embed'], 'a fragment after the origin'),
  h('embed', '?api=//news.example', ['bad-embed'], 'no scheme'),
  h('embed', '?api=file:///etc/passwd', ['bad-embed'], 'file:'),
  h('embed', '?api=ftp://news.example', ['bad-embed'], 'ftp:'),
  h('embed', '?api=blob:https://news.example/x', ['bad-embed'], 'blob:'),
  h('embed', '?api=https://news.example:99999', ['bad-embed'], 'port 99999'),
  h('embed', '?api=https://*.example', ['bad-embed'], 'a wildcard host'),
  h('embed', '?api=*', ['bad-embed'], 'a wildcard'),
  h('embed', '?api=null', ['bad-embed'], 'null'),
  h('embed', '?api=https://[::1', ['bad-embed'], 'an unclosed IPv6 address'),
  h('embed', '?api=http://', ['bad-embed'], 'no host'),
  h('embed', '?api=https://news.example%0A', ['bad-embed'], 'a newline after the host'),
  h('embed', `?api=https://${'a'.repeat(250)}.example`, ['bad-embed'], 'a 263-character origin'),
  h(
    'embed',
    '?mode=embed&controls=javascript:alert(1)&chapter=/etc/passwd&api=data:,x',
    ['bad-embed', 'bad-embed', 'bad-embed'],
    'all three bad in an embed',
    {
      mode: 'embed',
    },
  ),

  // Unicode lookalikes of keys and values.
  h('lookalike', '?mοde=present', ['unknown-param'], 'Greek omicron in the key'),
  h('lookalike', '?MODE=present', ['unknown-param'], 'upper-case key'),
  h('lookalike', '?%E2%80%AEmode=present', ['unknown-param'], 'right-to-left override before the key'),
  h('lookalike', '?mode=рresent', ['bad-mode'], 'Cyrillic er in the mode'),
  h('lookalike', '?mode=ｅｍｂｅｄ', ['bad-mode'], 'full-width mode'),
  h('lookalike', '?mode=explore%E2%80%8B', ['bad-mode'], 'zero-width space after the mode'),
  h('lookalike', '?names=һy', ['bad-names'], 'Cyrillic shha in the naming'),
  h('lookalike', '?layers=рlaces', ['bad-layers'], 'Cyrillic er in a layer'),
  h('lookalike', '?range=wіndow', ['bad-range'], 'Ukrainian i in the range'),
  h('lookalike', '?t=2023‐09‐19', ['bad-time'], 'Unicode hyphens in the date'),
  h('lookalike', '?view=46.5，40.05，7', ['bad-view'], 'full-width commas in the view'),
  h('lookalike', '?cat=еxodus', ['bad-filter'], 'Cyrillic ie in a category'),
  h('lookalike', '?side=аzerbaijani', ['bad-filter'], 'Cyrillic a in a side'),
  h('lookalike', '?sel=place:ѕtepanakert', ['bad-selection'], 'Cyrillic dze in a place id'),
  h('lookalike', '?chapter=ехоdus', ['bad-embed'], 'Cyrillic letters in the chapter'),
  h('lookalike', '?controls=ѕlider', ['bad-embed'], 'Cyrillic dze in the controls'),

  // Values outside their closed sets.
  h('value', '?mode=admin', ['bad-mode'], 'an unknown mode'),
  h('value', '?mode=EXPLORE', ['bad-mode'], 'an upper-case mode'),
  h('value', '?mode=%20explore', ['bad-mode'], 'a space before the mode'),
  h('value', '?names=fr', ['bad-names'], 'an unknown naming'),
  h('value', '?names=en-US', ['bad-names'], 'a language tag'),
  h('value', '?range=forever', ['bad-range'], 'an unknown range'),
  h('value', '?range=window,cumulative', ['bad-range'], 'two ranges'),
  h('value', '?cat=gossip', ['bad-filter'], 'an unknown category'),
  h('value', '?cat=exodus,exodus', ['bad-filter'], 'a category twice', { categories: ['exodus'] }),
  h('value', '?side=martians', ['bad-filter'], 'an unknown side'),
  h('value', '?outlet=Deutsche%20Welle', ['bad-filter'], 'an outlet name, not a slug'),
  h('value', `?outlet=${'a'.repeat(61)}`, ['bad-filter'], 'a 61-character outlet'),
  h('value', '?sel=place:', ['bad-selection'], 'a kind without an id'),
  h('value', '?sel=user:1', ['bad-selection'], 'an unknown kind'),
  h('value', '?sel=place:a,b', ['bad-selection'], 'two ids'),
  h('value', `?sel=place:${'a'.repeat(90)}`, ['bad-selection'], 'a 96-character selection'),
  h(
    'value',
    '?mode=admin&t=2023-02-30&view=200,95,40&layers=tanks&names=fr&range=x&cat=y&sel=z&controls=w&utm_source=x',
    [
      'bad-mode',
      'bad-time',
      'bad-view',
      'bad-layers',
      'bad-names',
      'bad-range',
      'bad-filter',
      'bad-selection',
      'bad-embed',
      'unknown-param',
    ],
    'everything wrong at once',
  ),
];
