/**
 * The reader's imported layers on the map: a GeoJSON source with fill, line and circle layers per
 * import, ids prefixed `user-`. Data is sent to the map once per layer; time only changes filters,
 * and only when the set of visible features changes (setData is slow on big data, maplibre #106).
 *
 * MapLibre copies data on the main thread as it hands it to its worker, and re-indexes a whole
 * source on each update, so a big layer goes over in chunks of 2,000 features, each waiting for
 * the last to land, into sources of 10,000: the page keeps drawing frames meanwhile.
 */
import type { ExpressionSpecification } from '@maplibre/maplibre-gl-style-spec';
import type { Feature, Geometry } from 'geojson';
import type { GeoJSONSource, Map as MapLibreMap } from 'maplibre-gl';
import type { ImportedFeature, ImportedLayer } from '../import/types';
import { DAY_MS, localDayStart } from '../time/iso';

/** One colour for all imported data, unlike any of the dataset's. */
export const IMPORTED_COLOUR = '#7b3fa0';

/** Prefix of every source and style layer this module adds. */
export const USER_PREFIX = 'user-';

const KINDS = {
  fill: ['Polygon', 'MultiPolygon'],
  line: ['LineString', 'MultiLineString', 'Polygon', 'MultiPolygon'],
  circle: ['Point', 'MultiPoint'],
} as const;

type Kind = keyof typeof KINDS;

/** Features per hand-over: MapLibre takes ~25 µs a feature to copy them for its worker on a slow machine. */
const FEATURES_PER_CHUNK = 2_000;
/** Features per source: each update re-indexes its whole source in MapLibre's worker. */
const FEATURES_PER_SOURCE = 10_000;

/** What is on one map for one imported layer. */
interface Drawn {
  /** The layer object the sources were filled from: a new object means new data. */
  layer: ImportedLayer;
  /** The visible set last applied, and its filter, which style layers added later start with. */
  key: string;
  visible: ExpressionSpecification;
  sources: string[];
  styleLayers: { id: string; kind: Kind }[];
}

const applied = new WeakMap<MapLibreMap, Map<string, Drawn>>();
const sortedTimes = new WeakMap<ImportedLayer, Float64Array>();

function timesOf(layer: ImportedLayer): Float64Array {
  let times = sortedTimes.get(layer);
  if (!times) {
    times = Float64Array.from(layer.features.flatMap((f) => (f.t === null ? [] : [f.t]))).sort();
    sortedTimes.set(layer, times);
  }
  return times;
}

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
function visibleSet(layer: ImportedLayer, t: number, mode: 'instant' | 'cumulative') {
  const times = timesOf(layer);
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

function dataOf(features: readonly ImportedFeature[], firstId: number): Feature<Geometry>[] {
  // Only the time goes to the map: it draws one colour, and nothing from the file needs to reach it.
  // Ids let later chunks be added to the same source (GeoJSONSource.updateData needs them).
  return features.flatMap((f, i): Feature<Geometry>[] => {
    const geometry: Geometry | null = f.coordinates ? { type: 'Point', coordinates: f.coordinates } : f.geometry;
    return geometry ? [{ type: 'Feature', id: firstId + i, geometry, properties: f.t === null ? {} : { t: f.t } }] : [];
  });
}

/** The kinds of style layer a layer needs: a CSV of points needs circles only. */
function kindsOf(features: readonly ImportedFeature[]): Kind[] {
  const types = new Set(features.map((f) => (f.coordinates ? 'Point' : (f.geometry?.type ?? ''))));
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

function addSource(map: MapLibreMap, drawn: Drawn, start: number): void {
  const { features } = drawn.layer;
  const source = `${USER_PREFIX}${drawn.layer.id}-${drawn.sources.length}`;
  map.addSource(source, {
    type: 'geojson',
    data: { type: 'FeatureCollection', features: dataOf(features.slice(start, start + FEATURES_PER_CHUNK), start) },
  });
  drawn.sources.push(source);
  for (const kind of kindsOf(features.slice(start, start + FEATURES_PER_SOURCE))) {
    const id = `${source}-${kind}`;
    const filter = filterFor(kind, drawn.visible);
    // Areas and lines stay under this layer's points, whichever source they are in.
    const before = kind === 'circle' ? undefined : drawn.styleLayers.find((l) => l.kind === 'circle')?.id;
    if (kind === 'fill') map.addLayer({ id, type: 'fill', source, filter, paint: PAINT.fill }, before);
    else if (kind === 'line') map.addLayer({ id, type: 'line', source, filter, paint: PAINT.line }, before);
    else map.addLayer({ id, type: 'circle', source, filter, paint: PAINT.circle });
    drawn.styleLayers.push({ id, kind });
  }
}

/** Hands the layer's features to the map chunk by chunk, until done or the layer is removed or replaced. */
async function draw(map: MapLibreMap, state: Map<string, Drawn>, drawn: Drawn): Promise<void> {
  const { features } = drawn.layer;
  for (let start = 0; start < Math.max(1, features.length); start += FEATURES_PER_CHUNK) {
    if (state.get(drawn.layer.id) !== drawn) return;
    if (start % FEATURES_PER_SOURCE === 0) {
      addSource(map, drawn, start);
      continue;
    }
    const source = map.getSource<GeoJSONSource>(drawn.sources.at(-1) ?? '');
    if (!source) return;
    await source.updateData({ add: dataOf(features.slice(start, start + FEATURES_PER_CHUNK), start) });
  }
}

function erase(map: MapLibreMap, drawn: Drawn): void {
  for (const { id } of drawn.styleLayers) if (map.getLayer(id)) map.removeLayer(id);
  for (const id of drawn.sources) if (map.getSource(id)) map.removeSource(id);
}

/**
 * Brings the map's `user-` layers in line with `layers` at time `t`: features dated up to `t`
 * (cumulative) or on t's local day (instant) show, undated ones always. Cheap to call every frame.
 * The map's style must have loaded.
 */
export function syncImportedLayers(
  map: MapLibreMap,
  layers: readonly ImportedLayer[],
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
    // A new layer object means new data; a missing source means the style was replaced.
    if (!current || current.layer !== layer || !map.getSource(current.sources[0] ?? '')) {
      if (current) erase(map, current);
      const drawn: Drawn = { layer, key, visible: filter, sources: [], styleLayers: [] };
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
