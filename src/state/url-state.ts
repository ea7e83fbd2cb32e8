/**
 * The URL is a public interface: embedders' links carry it. This module turns a query string into
 * the app's shareable state and back, without throwing on any input. Each parameter is a row of
 * url-params.ts; they are (documented in README.md, never renamed):
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
import { DEFAULT_TIME, TIMELINE_START } from '../time/span';
import type { Controls, Mode, Naming, Range } from '../vocabulary/vocabulary';
import { DEFAULT_LAYERS } from './layers';
import { quote, URL_PARAMS } from './url-params';

export { parseOrigin, roundView } from './url-params';

export interface View {
  lon: number;
  lat: number;
  zoom: number;
}

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

/** Longer queries are not parsed at all: no legitimate state needs more than a few hundred bytes. */
export const MAX_QUERY_LENGTH = 4096;

const PARAM_NAMES: readonly string[] = URL_PARAMS.map((p) => p.name);

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
    if (!PARAM_NAMES.includes(key)) unknown.push(key);
    else if (params.getAll(key).length > 1) {
      notices.push({
        code: 'repeated-param',
        param: key,
        message: `The parameter “${key}” appears more than once; the first value is used.`,
      });
    }
  }
  if (unknown.length > 0) notices.unshift(unknownNotice(unknown));

  const values = state as unknown as Record<string, unknown>;
  for (const p of URL_PARAMS) {
    const raw = params.get(p.name);
    if (raw === null) continue;
    const { value, notice } = p.parse(raw);
    if (value !== undefined) values[p.key] = value;
    if (notice) notices.push({ ...notice, param: p.name });
  }
  // A window runs forwards and has a start; only a window has one.
  if (state.range === 'window') {
    state.from ??= TIMELINE_START;
    if (state.from > state.t) [state.from, state.t] = [state.t, state.from];
  } else state.from = null;
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

/**
 * Writes every parameter not left out at its default, so a shared link keeps its meaning even if
 * the defaults change. Values come from closed sets, digits and `-T:.`, all legal in a query.
 */
export function serializeUrlState(s: UrlState): string {
  const parts: string[] = [];
  for (const p of URL_PARAMS) {
    const value = p.write(s);
    if (value !== null) parts.push(`${p.name}=${value}`);
  }
  return `?${parts.join('&')}`;
}
