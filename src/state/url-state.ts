/**
 * The URL is a public interface: embedders' links carry it. This module turns a query string into
 * the app's shareable state and back, without throwing on any input. Parameters (documented in
 * README.md, never renamed):
 *   mode   explore | present | embed
 *   t      ISO 8601 date or date-time; without an offset it means local time (UTC+4)
 *   view   lon,lat,zoom
 *   layers comma-separated layer ids; empty for none
 *   names  en | hy | az | ru
 * and, written only when not at their default:
 *   range  instant (default) | cumulative (everything up to t) | window (from `from` to t)
 *   from   ISO 8601 start of the window
 *   cat    event categories to show (comma-separated); all when absent
 *   side   who made the claims to show: armenian, karabakh-armenian, azerbaijani, russian, international, media, other
 *   outlet source outlets to show, as slugs of their names (dw, abc-news…)
 *   sel    the selected feature or event: place:<id>, event:<id>, route:<id>, area:<id>
 * and for embeds (mode=embed), also only when not at their default:
 *   controls  none (default) | slider (a minimal slider with play) | play (a play button)
 *   chapter   a chapter to play in a loop: blockade | offensive | talks | exodus | aftermath
 *   api       the origin of the host page allowed to drive the embed by postMessage (https://news.example)
 */
import { inBBox, MAX_BOUNDS, MAX_ZOOM, MIN_ZOOM } from '../geo/region';
import { formatIsoLocal, parseIsoTime } from '../time/iso';
import { DEFAULT_TIME, TIMELINE_END, TIMELINE_START } from '../time/span';
import { CATEGORIES as VOCABULARY_CATEGORIES, SIDES as VOCABULARY_SIDES } from '../vocabulary/vocabulary';
import { DEFAULT_LAYERS, LAYER_IDS } from './layers';

export const MODES = ['explore', 'present', 'embed'] as const;
export type Mode = (typeof MODES)[number];

export const NAMINGS = ['en', 'hy', 'az', 'ru'] as const;
export type Naming = (typeof NAMINGS)[number];

export interface View {
  lon: number;
  lat: number;
  zoom: number;
}

export const RANGES = ['instant', 'cumulative', 'window'] as const;
export type Range = (typeof RANGES)[number];
/** Event categories and whose claim: the dataset's vocabularies, defined once (src/vocabulary/vocabulary.ts). */
export const CATEGORIES = VOCABULARY_CATEGORIES;
export const SIDES = VOCABULARY_SIDES;
export const CONTROLS = ['none', 'slider', 'play'] as const;
export type Controls = (typeof CONTROLS)[number];
/** Chapter ids, fixed here rather than read from the data so a link is checked before the data loads. */
export const CHAPTER_IDS = ['blockade', 'offensive', 'talks', 'exodus', 'aftermath'] as const;
const SELECTION_RE = /^(place|event|route|area):[a-z0-9]+(-[a-z0-9]+)*$/;
const SLUG_RE = /^[a-z0-9]+(-[a-z0-9]+)*$/;

export interface UrlState {
  mode: Mode;
  t: number;
  view: View;
  layers: string[];
  names: Naming;
  range: Range;
  /** Start of the window when range is `window`. */
  from: number | null;
  /** Empty means no filter. */
  categories: string[];
  sides: string[];
  outlets: string[];
  selection: string | null;
  /** Embed only: which controls the embed shows. */
  controls: Controls;
  /** Embed only: a chapter the embed plays in a loop. */
  chapter: string | null;
  /** Embed only: the host page origin whose postMessage commands the embed obeys. */
  api: string | null;
}

export interface Notice {
  /** Stable code, for tests and for grouping. */
  code: NoticeCode;
  param: string;
  message: string;
}

export type NoticeCode =
  | 'unknown-param'
  | 'repeated-param'
  | 'bad-mode'
  | 'bad-time'
  | 'time-out-of-range'
  | 'bad-view'
  | 'bad-layers'
  | 'bad-names'
  | 'too-long'
  | 'bad-range'
  | 'bad-filter'
  | 'bad-selection'
  | 'bad-embed'
  | 'map-error'
  | 'data-error';

/** Lon, lat and zoom of the opening view: Nagorno-Karabakh with Goris, Yevlakh and Lake Sevan. */
export const DEFAULT_VIEW: View = { lon: 46.5, lat: 40.05, zoom: 7 };

export const DEFAULT_STATE: UrlState = {
  mode: 'explore',
  t: DEFAULT_TIME,
  view: DEFAULT_VIEW,
  layers: [...DEFAULT_LAYERS],
  names: 'en',
  range: 'instant',
  from: null,
  categories: [],
  sides: [],
  outlets: [],
  selection: null,
  controls: 'none',
  chapter: null,
  api: null,
};

const PARAMS = [
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
] as const;
/** Longer queries are not parsed at all: no legitimate state needs more than a few hundred bytes. */
export const MAX_QUERY_LENGTH = 4096;

/** Rounds a view the way the URL writes it, so that a state read back from a URL equals it. */
export function roundView(v: View): View {
  return { lon: round(v.lon, 4), lat: round(v.lat, 4), zoom: round(v.zoom, 2) };
}

function round(x: number, decimals: number): number {
  const f = 10 ** decimals;
  const r = Math.round(x * f) / f;
  return Object.is(r, -0) ? 0 : r;
}

/** Shows at most 60 characters of what the user typed, so a notice cannot be flooded. */
function quote(raw: string): string {
  const s = raw.length > 60 ? `${raw.slice(0, 60)}…` : raw;
  return `“${s}”`;
}

const isMember = <T extends string>(list: readonly T[], v: string): v is T => (list as readonly string[]).includes(v);

function parseView(raw: string): View | null {
  const parts = raw.split(',');
  if (parts.length !== 3 || parts.some((p) => !/^\s*-?\d+(\.\d+)?\s*$/.test(p))) return null;
  const [lon, lat, zoom] = parts.map(Number) as [number, number, number];
  if (!inBBox([lon, lat], MAX_BOUNDS) || zoom < MIN_ZOOM || zoom > MAX_ZOOM) return null;
  return roundView({ lon, lat, zoom });
}

/** Reads a query string (with or without the leading `?`). Never throws. */
export function parseUrlState(search: string): { state: UrlState; notices: Notice[] } {
  const state: UrlState = {
    ...DEFAULT_STATE,
    view: { ...DEFAULT_VIEW },
    layers: [...DEFAULT_STATE.layers],
    categories: [],
    sides: [],
    outlets: [],
  };
  const notices: Notice[] = [];
  if (search.length > MAX_QUERY_LENGTH) {
    notices.push({
      code: 'too-long',
      param: '',
      message: `The link's parameters are ${search.length.toLocaleString('en')} characters long (limit ${MAX_QUERY_LENGTH.toLocaleString('en')}); they were ignored and the default view is shown.`,
    });
    return { state, notices };
  }
  const params = new URLSearchParams(search);
  // Unknown keys are reported in one notice, so a link with hundreds of them cannot flood the page.
  const unknown: string[] = [];
  const seen = new Set<string>();
  for (const key of params.keys()) {
    if (seen.has(key)) continue;
    seen.add(key);
    if (!isMember(PARAMS, key)) unknown.push(key);
    else if (params.getAll(key).length > 1) {
      notices.push({
        code: 'repeated-param',
        param: key,
        message: `The parameter “${key}” appears more than once; the first value is used.`,
      });
    }
  }
  if (unknown.length > 0) notices.unshift(unknownNotice(unknown));
  const get = (k: (typeof PARAMS)[number]) => params.get(k);

  const mode = get('mode');
  if (mode !== null) {
    if (isMember(MODES, mode)) state.mode = mode;
    else
      notices.push({
        code: 'bad-mode',
        param: 'mode',
        message: `Mode ${quote(mode)} does not exist (use explore, present or embed); showing explore.`,
      });
  }

  const t = get('t');
  if (t !== null) {
    // A "+" in an unescaped offset arrives as a space.
    const parsed = parseIsoTime(t.replace(/ (\d{2}:?\d{2})$/, '+$1'));
    if (!parsed) {
      notices.push({
        code: 'bad-time',
        param: 't',
        message: `Time ${quote(t)} is not an ISO 8601 date or date-time (e.g. 2023-09-19 or 2023-09-19T13:45); showing the default time.`,
      });
    } else if (parsed.t < TIMELINE_START || parsed.t > TIMELINE_END) {
      notices.push({
        code: 'time-out-of-range',
        param: 't',
        message: `Time ${quote(t)} is outside the timeline (${formatIsoLocal(TIMELINE_START)} to ${formatIsoLocal(TIMELINE_END)}); showing the default time.`,
      });
    } else state.t = parsed.t;
  }

  const view = get('view');
  if (view !== null) {
    const parsed = parseView(view);
    if (parsed) state.view = parsed;
    else
      notices.push({
        code: 'bad-view',
        param: 'view',
        message: `View ${quote(view)} is not “longitude,latitude,zoom” inside the map's region (zoom ${MIN_ZOOM}–${MAX_ZOOM}); showing the default view.`,
      });
  }

  const layers = get('layers');
  if (layers !== null) {
    const { valid, unknown, repeated } = splitList(layers, (id) => LAYER_IDS.has(id));
    // A list naming no layer the app knows would show an empty map: the default layers are shown instead.
    const fallBack = valid.length === 0 && unknown.length > 0;
    if (unknown.length > 0 || repeated.length > 0) {
      notices.push({
        code: 'bad-layers',
        param: 'layers',
        message: `${listProblems('layer', 'layers', unknown, repeated)}; ${fallBack ? 'showing the default layers' : 'the others are shown'}. Known layers: ${[...LAYER_IDS].join(', ')}.`,
      });
    }
    state.layers = fallBack ? [...DEFAULT_STATE.layers] : valid;
  }

  const names = get('names');
  if (names !== null) {
    if (isMember(NAMINGS, names)) state.names = names;
    else
      notices.push({
        code: 'bad-names',
        param: 'names',
        message: `Naming ${quote(names)} does not exist (use en, hy, az or ru); showing international English names.`,
      });
  }
  parseAnalystParams(get, state, notices);
  parseEmbedParams(get, state, notices);
  return { state, notices };
}

/** One notice for every unknown key, naming at most five of them. */
function unknownNotice(keys: string[]): Notice {
  const named = keys.slice(0, 5).map(quote).join(', ');
  const more = keys.length > 5 ? ` and ${(keys.length - 5).toLocaleString('en')} more` : '';
  return {
    code: 'unknown-param',
    param: keys[0] ?? '',
    message:
      keys.length === 1
        ? `Unknown link parameter ${named} was ignored.`
        : `Unknown link parameters ${named}${more} were ignored.`,
  };
}

/** A comma list split into its valid items (first occurrence, in order), the invalid ones, and repeats. */
function splitList(raw: string, isValid: (v: string) => boolean) {
  const items = raw
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  const valid: string[] = [];
  const unknown: string[] = [];
  const repeated: string[] = [];
  for (const item of items) {
    if (!isValid(item)) unknown.push(item);
    else if (valid.includes(item)) {
      if (!repeated.includes(item)) repeated.push(item);
    } else valid.push(item);
  }
  return { valid, unknown, repeated };
}

/** "Unknown layers “a”, “b” ignored; “c” listed twice", at most five of each. */
function listProblems(one: string, many: string, unknown: string[], repeated: string[]): string {
  const some = (xs: string[]) => xs.slice(0, 5).map(quote).join(', ') + (xs.length > 5 ? '…' : '');
  const parts: string[] = [];
  if (unknown.length > 0) parts.push(`Unknown ${unknown.length > 1 ? many : one} ${some(unknown)} ignored`);
  if (repeated.length > 0) parts.push(`${repeated.length > 1 ? many : one} ${some(repeated)} listed more than once`);
  const text = parts.join('; ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** A comma list of values from a closed set (or matching a pattern); the rest is reported. */
function parseList(
  raw: string,
  isValid: (v: string) => boolean,
  param: string,
  what: [one: string, many: string],
  notices: Notice[],
): string[] {
  const { valid, unknown, repeated } = splitList(raw, isValid);
  if (unknown.length > 0 || repeated.length > 0) {
    notices.push({ code: 'bad-filter', param, message: `${listProblems(what[0], what[1], unknown, repeated)}.` });
  }
  return valid;
}

function parseAnalystParams(
  get: (k: (typeof PARAMS)[number]) => string | null,
  state: UrlState,
  notices: Notice[],
): void {
  const range = get('range');
  if (range !== null) {
    if (isMember(RANGES, range)) state.range = range;
    else
      notices.push({
        code: 'bad-range',
        param: 'range',
        message: `Range ${quote(range)} does not exist (use instant, cumulative or window); showing the instant.`,
      });
  }
  const from = get('from');
  if (from !== null) {
    const parsed = parseIsoTime(from.replace(/ (\d{2}:?\d{2})$/, '+$1'));
    if (!parsed || parsed.t < TIMELINE_START || parsed.t > TIMELINE_END) {
      notices.push({
        code: 'bad-range',
        param: 'from',
        message: `Window start ${quote(from)} is not a date inside the timeline; the window starts with the timeline.`,
      });
    } else state.from = parsed.t;
  }
  if (state.range === 'window') {
    state.from ??= TIMELINE_START;
    if (state.from > state.t) [state.from, state.t] = [state.t, state.from];
  } else state.from = null;
  const cat = get('cat');
  if (cat !== null)
    state.categories = parseList(cat, (v) => isMember(CATEGORIES, v), 'cat', ['category', 'categories'], notices);
  const side = get('side');
  if (side !== null) state.sides = parseList(side, (v) => isMember(SIDES, v), 'side', ['side', 'sides'], notices);
  const outlet = get('outlet');
  if (outlet !== null)
    state.outlets = parseList(
      outlet,
      (v) => SLUG_RE.test(v) && v.length <= 60,
      'outlet',
      ['outlet', 'outlets'],
      notices,
    );
  const sel = get('sel');
  if (sel !== null) {
    if (SELECTION_RE.test(sel) && sel.length <= 90) state.selection = sel;
    else
      notices.push({
        code: 'bad-selection',
        param: 'sel',
        message: `Selection ${quote(sel)} is not place:, event:, route: or area: followed by an id; nothing is selected.`,
      });
  }
}

const ORIGIN_RE = /^https?:\/\/(?:[a-z0-9-]+(?:\.[a-z0-9-]+)*|\[[0-9a-f:.]+\])(?::\d{1,5})?$/;

/**
 * An origin as `URL` normalises it (scheme, host, port; no path, query or credentials), http or https
 * only; null for anything else. The host must read as what it is: no percent escapes or backslashes
 * (`https://evil.example\.news.example` is evil.example to `URL`), and after normalisation only a DNS
 * name (international names as punycode), an IPv4 address or a bracketed IPv6 address, with a port.
 */
export function parseOrigin(raw: string): string | null {
  if (raw.length > 200 || !/^https?:\/\/[^/?#@\s\\%]+\/?$/i.test(raw)) return null;
  try {
    const { origin } = new URL(raw);
    return ORIGIN_RE.test(origin) ? origin : null;
  } catch {
    return null;
  }
}

function parseEmbedParams(
  get: (k: (typeof PARAMS)[number]) => string | null,
  state: UrlState,
  notices: Notice[],
): void {
  const controls = get('controls');
  if (controls !== null) {
    if (isMember(CONTROLS, controls)) state.controls = controls;
    else
      notices.push({
        code: 'bad-embed',
        param: 'controls',
        message: `Controls ${quote(controls)} do not exist (use none, slider or play); the embed shows none.`,
      });
  }
  const chapter = get('chapter');
  if (chapter !== null) {
    if (isMember(CHAPTER_IDS, chapter)) state.chapter = chapter;
    else
      notices.push({
        code: 'bad-embed',
        param: 'chapter',
        message: `Chapter ${quote(chapter)} does not exist (use ${CHAPTER_IDS.join(', ')}); the embed shows the time of the link.`,
      });
  }
  const api = get('api');
  if (api !== null) {
    const origin = parseOrigin(api);
    if (origin) state.api = origin;
    else
      notices.push({
        code: 'bad-embed',
        param: 'api',
        message: `API origin ${quote(api)} is not an http(s) origin such as https://news.example; the embed ignores messages.`,
      });
  }
}

/**
 * Writes every parameter, so a shared link keeps its meaning even if the defaults change. Values
 * come from closed sets, digits and `-T:.`, all legal in a query, so nothing needs escaping.
 */
export function serializeUrlState(s: UrlState): string {
  const v = roundView(s.view);
  const parts = [
    `mode=${s.mode}`,
    `t=${formatIsoLocal(s.t)}`,
    `view=${v.lon},${v.lat},${v.zoom}`,
    `layers=${s.layers.join(',')}`,
    `names=${s.names}`,
  ];
  if (s.range !== 'instant') parts.push(`range=${s.range}`);
  if (s.range === 'window' && s.from !== null) parts.push(`from=${formatIsoLocal(s.from)}`);
  if (s.categories.length > 0) parts.push(`cat=${s.categories.join(',')}`);
  if (s.sides.length > 0) parts.push(`side=${s.sides.join(',')}`);
  if (s.outlets.length > 0) parts.push(`outlet=${s.outlets.join(',')}`);
  if (s.selection) parts.push(`sel=${s.selection}`);
  if (s.controls !== 'none') parts.push(`controls=${s.controls}`);
  if (s.chapter) parts.push(`chapter=${s.chapter}`);
  // An origin holds ':' and '/', both legal in a query; encoded anyway so any valid origin round-trips.
  if (s.api) parts.push(`api=${encodeURIComponent(s.api)}`);
  return `?${parts.join('&')}`;
}
