/**
 * The reader's imported layers on the map: a GeoJSON source with fill, line and circle layers per
 * import, ids prefixed `user-`. Data is sent to the map once per layer; time only changes filters,
 * and only when the set of visible features changes (setData is slow on big data, maplibre #106).
 * While none of a layer's features is visible its style layers are hidden, so the map asks its
 * workers for no tiles of it: cutting a tile of 100,000 points out of the index took them ~1 s of
 * work and collections, in which the map's frames waited on a starved GPU process (traced on 2 cores).
 *
 * The data does not pass through the page: the source's URL is `imported://<layer id>`, which
 * MapLibre's own worker reads from IndexedDB (imported-source.mjs, loaded into its workers). Handed
 * over as objects, MapLibre copied each feature on the main thread (~25 µs each), and a big layer
 * had to go in chunks that each re-indexed and repainted the map (docs/reliability.md#big-files).
 */
import type { ExpressionSpecification } from '@maplibre/maplibre-gl-style-spec';
import type { GeoJSONSource, Map as MapLibreMap } from 'maplibre-gl';
import type { ListedLayer } from '../import/types';
import { PALETTE } from '../look/palette';
import { DAY_MS, localDayStart } from '../time/iso';
import { PROTOCOL } from './imported-source.mjs';
import sourceScript from './imported-source.mjs?url&no-inline';

/** One colour for all imported data, unlike any of the dataset's. */
export const IMPORTED_COLOUR = PALETTE.imported;

/** Prefix of every source and style layer this module adds. */
export const USER_PREFIX = 'user-';

const KINDS = {
  fill: ['Polygon', 'MultiPolygon'],
  line: ['LineString', 'MultiLineString', 'Polygon', 'MultiPolygon'],
  circle: ['Point', 'MultiPoint'],
} as const;

type Kind = keyof typeof KINDS;

/**
 * Loads the `imported://` protocol into MapLibre's workers, once per page. MapLibre is imported
 * here, not at the top: the legend takes this module's colour, and must not pull MapLibre in.
 */
let protocol: Promise<void> | null = null;
function protocolReady(): Promise<void> {
  protocol ??= import('maplibre-gl')
    .then(({ importScriptInWorkers }) => importScriptInWorkers(new URL(sourceScript, location.href).href))
    .catch((e: unknown) => {
      protocol = null;
      throw e;
    });
  return protocol;
}

/** What is on one map for one imported layer. */
interface Drawn {
  /** The layer object the source was made from: a new object means new data. */
  layer: ListedLayer;
  /** The visible set last applied, and its filter, which style layers added later start with. */
  key: string;
  visible: ExpressionSpecification;
  /** Whether any feature is visible: if not, the style layers are hidden. */
  shown: boolean;
  /** The source, once added. */
  source: string | null;
  styleLayers: { id: string; kind: Kind }[];
}

const applied = new WeakMap<MapLibreMap, Map<string, Drawn>>();

/** How many of the sorted times are below `t` (or at most `t` when `inclusive`). */
function countBelow(times: Float64Array, t: number, inclusive: boolean): number {
  let lo = 0;
  let hi = times.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const v = times[mid] ?? 0;
    if (v < t || (inclusive && v === t)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const UNDATED: ExpressionSpecification = ['!', ['has', 't']];

/**
 * The features visible at `t`, as a key that changes only when the set does and a filter. Bounds
 * are the first and last visible times, not `t`, so playing between two events changes nothing.
 */
function visibleSet(layer: ListedLayer, t: number, mode: 'instant' | 'cumulative') {
  const { times } = layer;
  const from = mode === 'cumulative' ? 0 : countBelow(times, localDayStart(t), false);
  const to = mode === 'cumulative' ? countBelow(times, t, true) : countBelow(times, localDayStart(t) + DAY_MS, false);
  const first = times[from];
  const last = times[to - 1];
  if (to <= from || first === undefined || last === undefined) {
    return { key: 'none', filter: UNDATED, shown: layer.featureCount > times.length };
  }
  const filter: ExpressionSpecification = [
    'any',
    UNDATED,
    ['all', ['>=', ['get', 't'], first], ['<=', ['get', 't'], last]],
  ];
  return { key: `${from}-${to}`, filter, shown: true };
}

/** The kinds of style layer a layer needs: a CSV of points needs circles only. */
function kindsOf(geometryTypes: readonly string[]): Kind[] {
  const types = new Set(geometryTypes);
  if (types.has('GeometryCollection')) return ['fill', 'line', 'circle'];
  return (Object.keys(KINDS) as Kind[]).filter((kind) => KINDS[kind].some((t) => types.has(t)));
}

/** A style layer's filter: its kind of shape, visible at the current time. */
const filterFor = (kind: Kind, visible: ExpressionSpecification): ExpressionSpecification => [
  'all',
  ['match', ['geometry-type'], [...KINDS[kind]], true, false],
  visible,
];

const PAINT = {
  fill: { 'fill-color': IMPORTED_COLOUR, 'fill-opacity': 0.18 },
  line: { 'line-color': IMPORTED_COLOUR, 'line-width': 2 },
  circle: {
    'circle-color': IMPORTED_COLOUR,
    'circle-radius': 4,
    'circle-stroke-color': '#ffffff',
    'circle-stroke-width': 1,
  },
};

const visibility = (shown: boolean): 'visible' | 'none' => (shown ? 'visible' : 'none');

/**
 * Runs `fn` after the frame in which the map has drawn what was just added, its sources loaded:
 * the frame after which it would go idle. Work that keeps a source loading, started there, holds
 * that idle back, so whoever waits for the map to settle (tests, the benchmark) sees all of it.
 */
function whenDrawn(map: MapLibreMap, fn: () => void): void {
  const check = () => {
    if (!map.loaded()) return;
    map.off('render', check);
    fn();
  };
  map.on('render', check);
}

/**
 * Adds the layer's source and its style layers, then has MapLibre's worker read its data from
 * IndexedDB once the map has drawn them. Adding a source and layers costs the map a few frames;
 * reading and indexing 100,000 points costs its worker ~1 s with large garbage collections, and on
 * 2 cores the frames drawn meanwhile waited twice as long on the GPU process (traced). The source
 * starts empty so the two do not overlap.
 */
async function draw(map: MapLibreMap, state: Map<string, Drawn>, drawn: Drawn): Promise<void> {
  await protocolReady();
  const { layer } = drawn;
  if (state.get(layer.id) !== drawn) return;
  const source = `${USER_PREFIX}${layer.id}`;
  map.addSource(source, { type: 'geojson', data: { type: 'FeatureCollection', features: [] } });
  drawn.source = source;
  whenDrawn(map, () => {
    if (state.get(layer.id) !== drawn) return;
    // The import time in the URL: a layer imported again under the same id is read afresh.
    const url = `${PROTOCOL}://${encodeURIComponent(layer.id)}?v=${layer.importedAt}`;
    map.getSource<GeoJSONSource>(source)?.setData(url);
  });
  // Fill and line first, so a layer's areas and outlines stay under its points.
  for (const kind of kindsOf(layer.geometryTypes)) {
    const id = `${source}-${kind}`;
    const filter = filterFor(kind, drawn.visible);
    const layout = { visibility: visibility(drawn.shown) };
    if (kind === 'fill') map.addLayer({ id, type: 'fill', source, filter, layout, paint: PAINT.fill });
    else if (kind === 'line') map.addLayer({ id, type: 'line', source, filter, layout, paint: PAINT.line });
    else map.addLayer({ id, type: 'circle', source, filter, layout, paint: PAINT.circle });
    drawn.styleLayers.push({ id, kind });
  }
}

function erase(map: MapLibreMap, drawn: Drawn): void {
  for (const { id } of drawn.styleLayers) if (map.getLayer(id)) map.removeLayer(id);
  if (drawn.source && map.getSource(drawn.source)) map.removeSource(drawn.source);
}

/**
 * Brings the map's `user-` layers in line with `layers` at time `t`: features dated up to `t`
 * (cumulative) or on t's local day (instant) show, undated ones always. Cheap to call every frame.
 * The map's style must have loaded.
 */
export function syncImportedLayers(
  map: MapLibreMap,
  layers: readonly ListedLayer[],
  t: number,
  mode: 'instant' | 'cumulative',
): void {
  let state = applied.get(map);
  if (!state) {
    state = new Map();
    applied.set(map, state);
  }
  const wanted = new Set(layers.map((l) => l.id));
  for (const [id, drawn] of [...state]) {
    if (!wanted.has(id)) {
      erase(map, drawn);
      state.delete(id);
    }
  }
  for (const layer of layers) {
    const { key, filter, shown } = visibleSet(layer, t, mode);
    const current = state.get(layer.id);
    // A new layer object means new data; a source gone missing means the style was replaced.
    const lost = typeof current?.source === 'string' && !map.getSource(current.source);
    if (!current || current.layer !== layer || lost) {
      if (current) erase(map, current);
      const drawn: Drawn = { layer, key, visible: filter, shown, source: null, styleLayers: [] };
      state.set(layer.id, drawn);
      draw(map, state, drawn).catch((e: unknown) => {
        // A source removed while its data was on the way is expected; anything else is a bug to see.
        if (state.get(layer.id) === drawn) throw e;
      });
    } else if (current.key !== key) {
      current.key = key;
      current.visible = filter;
      for (const { id, kind } of current.styleLayers) map.setFilter(id, filterFor(kind, filter));
      if (current.shown !== shown) {
        for (const { id } of current.styleLayers) map.setLayoutProperty(id, 'visibility', visibility(shown));
      }
      current.shown = shown;
    }
  }
}
