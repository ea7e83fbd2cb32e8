/**
 * The URL's parameters, one row each: its name in the query, the store key it sets, how it is read
 * (a value, a notice, or both) and how it is written (nothing when at its default). Parsing, writing
 * and the address-bar sync (url-sync.ts) all walk this table, so a parameter is added or changed in
 * one place. The names are a public interface, carried by embedders' links: never renamed
 * (docs/architecture.md#the-url).
 */
import { inBBox, MAX_BOUNDS, MAX_ZOOM, MIN_ZOOM } from '../geo/region';
import { formatIsoLocal, parseIsoTime } from '../time/iso';
import { TIMELINE_END, TIMELINE_START } from '../time/span';
import { CATEGORIES, CHAPTER_IDS, CONTROLS, MODES, NAMINGS, RANGES, SIDES } from '../vocabulary/vocabulary';
import { DEFAULT_LAYERS, LAYER_IDS } from './layers';
import type { NoticeCode, UrlState, View } from './url-state';

/** What reading one parameter gave: a value to set, a notice to show, or both (a list with bad items). */
export interface ParamResult<V> {
  value?: V;
  notice?: { code: NoticeCode; message: string };
}

export interface UrlParam<K extends keyof UrlState = keyof UrlState> {
  /** The name in the query string. */
  name: string;
  /** The store (and UrlState) key it sets. */
  key: K;
  parse(raw: string): ParamResult<UrlState[K]>;
  /** The value as written in the query, or null to leave the parameter out. */
  write(s: UrlState): string | null;
}

const SELECTION_RE = /^(place|event|route|area):[a-z0-9]+(-[a-z0-9]+)*$/;
const SLUG_RE = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const ORIGIN_RE = /^https?:\/\/(?:[a-z0-9-]+(?:\.[a-z0-9-]+)*|\[[0-9a-f:.]+\])(?::\d{1,5})?$/;

/** Shows at most 60 characters of what the user typed, so a notice cannot be flooded. */
export function quote(raw: string): string {
  const s = raw.length > 60 ? `${raw.slice(0, 60)}…` : raw;
  return `“${s}”`;
}

export const isMember = <T extends string>(list: readonly T[], v: string): v is T =>
  (list as readonly string[]).includes(v);

function round(x: number, decimals: number): number {
  const f = 10 ** decimals;
  const r = Math.round(x * f) / f;
  return Object.is(r, -0) ? 0 : r;
}

/** Rounds a view the way the URL writes it, so that a state read back from a URL equals it. */
export function roundView(v: View): View {
  return { lon: round(v.lon, 4), lat: round(v.lat, 4), zoom: round(v.zoom, 2) };
}

function parseView(raw: string): View | null {
  const parts = raw.split(',');
  if (parts.length !== 3 || parts.some((p) => !/^\s*-?\d+(\.\d+)?\s*$/.test(p))) return null;
  const [lon, lat, zoom] = parts.map(Number) as [number, number, number];
  if (!inBBox([lon, lat], MAX_BOUNDS) || zoom < MIN_ZOOM || zoom > MAX_ZOOM) return null;
  return roundView({ lon, lat, zoom });
}

/** A "+" in an unescaped offset arrives as a space. */
const parseTime = (raw: string) => parseIsoTime(raw.replace(/ (\d{2}:?\d{2})$/, '+$1'));

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

/** A filter list of values from a closed set (or matching a pattern); the rest is reported. */
function filterList(isValid: (v: string) => boolean, what: [one: string, many: string]) {
  return (raw: string): ParamResult<string[]> => {
    const { valid, unknown, repeated } = splitList(raw, isValid);
    if (unknown.length === 0 && repeated.length === 0) return { value: valid };
    return {
      value: valid,
      notice: { code: 'bad-filter', message: `${listProblems(what[0], what[1], unknown, repeated)}.` },
    };
  };
}

/** A value from a closed set, or a notice saying what the set is and what is shown instead. */
function oneOf<T extends string>(list: readonly T[], code: NoticeCode, message: (q: string) => string) {
  return (raw: string): ParamResult<T> =>
    isMember(list, raw) ? { value: raw } : { notice: { code, message: message(quote(raw)) } };
}

const param = <K extends keyof UrlState>(p: UrlParam<K>): UrlParam<K> => p;
const list = (xs: readonly string[]) => (xs.length > 0 ? xs.join(',') : null);

/** In the order they are read, reported and written. */
export const URL_PARAMS = [
  param({
    name: 'mode',
    key: 'mode',
    parse: oneOf(
      MODES,
      'bad-mode',
      (q) => `Mode ${q} does not exist (use explore, present or embed); showing explore.`,
    ),
    write: (s) => s.mode,
  }),
  param({
    name: 't',
    key: 't',
    parse: (raw) => {
      const parsed = parseTime(raw);
      if (!parsed)
        return {
          notice: {
            code: 'bad-time',
            message: `Time ${quote(raw)} is not an ISO 8601 date or date-time (e.g. 2023-09-19 or 2023-09-19T13:45); showing the default time.`,
          },
        };
      if (parsed.t < TIMELINE_START || parsed.t > TIMELINE_END)
        return {
          notice: {
            code: 'time-out-of-range',
            message: `Time ${quote(raw)} is outside the timeline (${formatIsoLocal(TIMELINE_START)} to ${formatIsoLocal(TIMELINE_END)}); showing the default time.`,
          },
        };
      return { value: parsed.t };
    },
    write: (s) => formatIsoLocal(s.t),
  }),
  param({
    name: 'view',
    key: 'view',
    parse: (raw) => {
      const parsed = parseView(raw);
      return parsed
        ? { value: parsed }
        : {
            notice: {
              code: 'bad-view',
              message: `View ${quote(raw)} is not “longitude,latitude,zoom” inside the map's region (zoom ${MIN_ZOOM}–${MAX_ZOOM}); showing the default view.`,
            },
          };
    },
    write: (s) => {
      const v = roundView(s.view);
      return `${v.lon},${v.lat},${v.zoom}`;
    },
  }),
  param({
    name: 'layers',
    key: 'layers',
    parse: (raw) => {
      const { valid, unknown, repeated } = splitList(raw, (id) => LAYER_IDS.has(id));
      // A list naming no layer the app knows would show an empty map: the default layers are shown instead.
      const fallBack = valid.length === 0 && unknown.length > 0;
      const value = fallBack ? [...DEFAULT_LAYERS] : valid;
      if (unknown.length === 0 && repeated.length === 0) return { value };
      return {
        value,
        notice: {
          code: 'bad-layers',
          message: `${listProblems('layer', 'layers', unknown, repeated)}; ${fallBack ? 'showing the default layers' : 'the others are shown'}. Known layers: ${[...LAYER_IDS].join(', ')}.`,
        },
      };
    },
    // Written even when empty: `layers=` means no layers, not the default ones.
    write: (s) => s.layers.join(','),
  }),
  param({
    name: 'names',
    key: 'names',
    parse: oneOf(
      NAMINGS,
      'bad-names',
      (q) => `Naming ${q} does not exist (use en, hy, az or ru); showing international English names.`,
    ),
    write: (s) => s.names,
  }),
  param({
    name: 'range',
    key: 'range',
    parse: oneOf(
      RANGES,
      'bad-range',
      (q) => `Range ${q} does not exist (use instant, cumulative or window); showing the instant.`,
    ),
    write: (s) => (s.range !== 'instant' ? s.range : null),
  }),
  param({
    name: 'from',
    key: 'from',
    parse: (raw) => {
      const parsed = parseTime(raw);
      if (!parsed || parsed.t < TIMELINE_START || parsed.t > TIMELINE_END)
        return {
          notice: {
            code: 'bad-range',
            message: `Window start ${quote(raw)} is not a date inside the timeline; the window starts with the timeline.`,
          },
        };
      return { value: parsed.t };
    },
    write: (s) => (s.range === 'window' && s.from !== null ? formatIsoLocal(s.from) : null),
  }),
  param({
    name: 'cat',
    key: 'categories',
    parse: filterList((v) => isMember(CATEGORIES, v), ['category', 'categories']),
    write: (s) => list(s.categories),
  }),
  param({
    name: 'side',
    key: 'sides',
    parse: filterList((v) => isMember(SIDES, v), ['side', 'sides']),
    write: (s) => list(s.sides),
  }),
  param({
    name: 'outlet',
    key: 'outlets',
    parse: filterList((v) => SLUG_RE.test(v) && v.length <= 60, ['outlet', 'outlets']),
    write: (s) => list(s.outlets),
  }),
  param({
    name: 'sel',
    key: 'selection',
    parse: (raw) =>
      SELECTION_RE.test(raw) && raw.length <= 90
        ? { value: raw }
        : {
            notice: {
              code: 'bad-selection',
              message: `Selection ${quote(raw)} is not place:, event:, route: or area: followed by an id; nothing is selected.`,
            },
          },
    write: (s) => s.selection || null,
  }),
  param({
    name: 'controls',
    key: 'controls',
    parse: oneOf(
      CONTROLS,
      'bad-embed',
      (q) => `Controls ${q} do not exist (use none, slider or play); the embed shows none.`,
    ),
    write: (s) => (s.controls !== 'none' ? s.controls : null),
  }),
  param({
    name: 'chapter',
    key: 'chapter',
    parse: (raw) =>
      isMember(CHAPTER_IDS, raw)
        ? { value: raw }
        : {
            notice: {
              code: 'bad-embed',
              message: `Chapter ${quote(raw)} does not exist (use ${CHAPTER_IDS.join(', ')}); the embed shows the time of the link.`,
            },
          },
    write: (s) => s.chapter || null,
  }),
  param({
    name: 'api',
    key: 'api',
    parse: (raw) => {
      const origin = parseOrigin(raw);
      return origin
        ? { value: origin }
        : {
            notice: {
              code: 'bad-embed',
              message: `API origin ${quote(raw)} is not an http(s) origin such as https://news.example; the embed ignores messages.`,
            },
          };
    },
    // An origin holds ':' and '/', both legal in a query; encoded anyway so any valid origin round-trips.
    write: (s) => (s.api ? encodeURIComponent(s.api) : null),
  }),
] as const satisfies readonly UrlParam[];

/** The store keys the URL mirrors. */
export const URL_KEYS: readonly (keyof UrlState)[] = URL_PARAMS.map((p) => p.key);
