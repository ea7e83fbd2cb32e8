/**
 * The reader's imported layers on the map: a GeoJSON source with fill, line and circle layers per
 * import, ids prefixed `user-`. Data is sent to the map once per layer; time only changes filters,
 * and only when the set of visible features changes (setData is slow on big data, maplibre #106).
 *
 * The data does not pass through the page: the source's URL is `imported://<layer id>`, which
 * MapLibre's own worker reads from IndexedDB (imported-source.mjs, loaded into its workers). Handed
 * over as objects, MapLibre copied each feature on the main thread (~25 µs each), and a big layer
 * had to go in chunks that each re-indexed and repainted the map (docs/reliability.md#big-files).
 */
import type { ExpressionSpecification } from '@maplibre/maplibre-gl-style-spec';
import type { Map as MapLibreMap } from 'maplibre-gl';
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
  if (to <= from || first === undefined || last === undefined) return { key: 'none', filter: UNDATED };
  const filter: ExpressionSpecification = [
    'any',
    UNDATED,
    ['all', ['>=', ['get', 't'], first], ['<=', ['get', 't'], last]],
  ];
  return { key: `${from}-${to}`, filter };
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

/** Adds the layer's source, which MapLibre's worker reads from IndexedDB, and its style layers. */
async function draw(map: MapLibreMap, state: Map<string, Drawn>, drawn: Drawn): Promise<void> {
  await protocolReady();
  const { layer } = drawn;
  if (state.get(layer.id) !== drawn) return;
  const source = `${USER_PREFIX}${layer.id}`;
  // The import time in the URL: a layer imported again under the same id is read afresh.
  map.addSource(source, {
    type: 'geojson',
    data: `${PROTOCOL}://${encodeURIComponent(layer.id)}?v=${layer.importedAt}`,
  });
  drawn.source = source;
  // Fill and line first, so a layer's areas and outlines stay under its points.
  for (const kind of kindsOf(layer.geometryTypes)) {
    const id = `${source}-${kind}`;
    const filter = filterFor(kind, drawn.visible);
    if (kind === 'fill') map.addLayer({ id, type: 'fill', source, filter, paint: PAINT.fill });
    else if (kind === 'line') map.addLayer({ id, type: 'line', source, filter, paint: PAINT.line });
    else map.addLayer({ id, type: 'circle', source, filter, paint: PAINT.circle });
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
    const { key, filter } = visibleSet(layer, t, mode);
    const current = state.get(layer.id);
    // A new layer object means new data; a source gone missing means the style was replaced.
    const lost = typeof current?.source === 'string' && !map.getSource(current.source);
    if (!current || current.layer !== layer || lost) {
      if (current) erase(map, current);
      const drawn: Drawn = { layer, key, visible: filter, source: null, styleLayers: [] };
      state.set(layer.id, drawn);
      draw(map, state, drawn).catch((e: unknown) => {
        // A source removed while its data was on the way is expected; anything else is a bug to see.
        if (state.get(layer.id) === drawn) throw e;
      });
    } else if (current.key !== key) {
      current.key = key;
      current.visible = filter;
      for (const { id, kind } of current.styleLayers) map.setFilter(id, filterFor(kind, filter));
    }
  }
}
