/**
 * The measure tool's drawing on the map: its own GeoJSON source and `measure-` layers on top of the
 * style, added when the tool opens and removed when it closes, plus the click handler that adds
 * points. The map's own layers are never touched.
 */
import type { Feature, FeatureCollection } from 'geojson';
import type { GeoJSONSource, LayerSpecification, Map as MapLibreMap, MapMouseEvent } from 'maplibre-gl';
import type { LonLat } from '../analysis/measure';
import { PALETTE } from '../look/palette';

const SOURCE = 'measure';
const MEASURE_INK = PALETTE.measure;

const LAYERS: LayerSpecification[] = [
  {
    id: 'measure-road',
    type: 'line',
    source: SOURCE,
    filter: ['==', ['get', 'kind'], 'road'],
    layout: { 'line-cap': 'round', 'line-join': 'round' },
    paint: { 'line-color': MEASURE_INK, 'line-width': 7, 'line-opacity': 0.28 },
  },
  {
    id: 'measure-line',
    type: 'line',
    source: SOURCE,
    filter: ['==', ['get', 'kind'], 'straight'],
    paint: { 'line-color': MEASURE_INK, 'line-width': 2, 'line-dasharray': [3, 2] },
  },
  {
    id: 'measure-points',
    type: 'circle',
    source: SOURCE,
    filter: ['==', ['get', 'kind'], 'point'],
    paint: {
      'circle-radius': 4.5,
      'circle-color': '#ffffff',
      'circle-stroke-color': MEASURE_INK,
      'circle-stroke-width': 2,
    },
  },
];

/** The features for a measurement: the straight legs, the stretches of road measured, and the points. */
export function measureFeatures(points: readonly LonLat[], roads: readonly LonLat[][]): FeatureCollection {
  const features: Feature[] = roads
    .filter((path) => path.length > 1)
    .map((path) => ({
      type: 'Feature',
      properties: { kind: 'road' },
      geometry: { type: 'LineString', coordinates: path },
    }));
  if (points.length > 1) {
    features.push({
      type: 'Feature',
      properties: { kind: 'straight' },
      geometry: { type: 'LineString', coordinates: [...points] },
    });
  }
  for (const p of points)
    features.push({ type: 'Feature', properties: { kind: 'point' }, geometry: { type: 'Point', coordinates: p } });
  return { type: 'FeatureCollection', features };
}

export interface MeasureLayer {
  /** Redraws the measurement; before the style is ready it is kept and drawn once the layers exist. */
  draw(points: readonly LonLat[], roads: readonly LonLat[][]): void;
  /** Stops listening for clicks and removes the source and layers. */
  detach(): void;
}

/** Opens the tool on the map: its layers, and a click handler that reports each clicked point. */
export function attachMeasure(map: MapLibreMap, onPoint: (p: LonLat) => void): MeasureLayer {
  let data = measureFeatures([], []);
  const add = () => {
    if (map.getSource(SOURCE)) return;
    map.addSource(SOURCE, { type: 'geojson', data });
    for (const layer of LAYERS) map.addLayer(layer);
  };
  // The style has long loaded by the time a reader opens the tool; otherwise wait until it settles.
  if (map.isStyleLoaded()) add();
  else map.once('idle', add);
  const onClick = (e: MapMouseEvent) => onPoint([e.lngLat.lng, e.lngLat.lat]);
  map.on('click', onClick);
  return {
    draw(points, roads) {
      data = measureFeatures(points, roads);
      map.getSource<GeoJSONSource>(SOURCE)?.setData(data);
    },
    detach() {
      map.off('click', onClick);
      map.off('idle', add);
      for (const layer of LAYERS) if (map.getLayer(layer.id)) map.removeLayer(layer.id);
      if (map.getSource(SOURCE)) map.removeSource(SOURCE);
    },
  };
}
