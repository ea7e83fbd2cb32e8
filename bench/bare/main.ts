/**
 * The floor `npm run bench` measures the app against: MapLibre drawing only the app's basemap GeoJSON
 * with one Noto Sans face, no React and no app code. Built by the app's Vite config (an extra input)
 * and served by the same static server under the same CSP; nothing links to it.
 */
import latin400 from '@fontsource/noto-sans/files/noto-sans-latin-400-normal.woff2?url';
import { Map as MapLibreMap, setWorkerUrl } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import './bare.css';

// As the app does (src/map/worker-url.ts, docs/platform.md#maplibre-worker).
setWorkerUrl(workerUrl);

// MapLibre's worker fetches these, so they must be absolute.
const absolute = (path: string) => new URL(path, document.baseURI).href;
const ink = { 'text-color': '#6f6a63', 'text-halo-color': '#ffffff', 'text-halo-width': 1.4 };

const map = new MapLibreMap({
  container: 'map',
  // The app's default view (src/state/url-state.ts).
  center: [46.5, 40.05],
  zoom: 7,
  attributionControl: false,
  fadeDuration: 0,
  style: {
    version: 8,
    'font-faces': { Sans: [{ url: absolute(latin400), 'unicode-range': ['U+0000-00FF'] }] },
    sources: {
      basemap: { type: 'geojson', data: absolute(`${import.meta.env.BASE_URL}generated/basemap.geojson`) },
    },
    layers: [
      { id: 'background', type: 'background', paint: { 'background-color': '#d6e2ea' } },
      {
        id: 'land',
        type: 'fill',
        source: 'basemap',
        filter: ['==', ['get', 'layer'], 'land'],
        paint: { 'fill-color': '#ece9e2' },
      },
      {
        id: 'country',
        type: 'fill',
        source: 'basemap',
        filter: ['==', ['get', 'layer'], 'country'],
        paint: { 'fill-color': '#f8f6f1' },
      },
      {
        id: 'lake',
        type: 'fill',
        source: 'basemap',
        filter: ['==', ['get', 'layer'], 'lake'],
        paint: { 'fill-color': '#d6e2ea' },
      },
      {
        id: 'river',
        type: 'line',
        source: 'basemap',
        filter: ['==', ['get', 'layer'], 'river'],
        paint: { 'line-color': '#9db8cc', 'line-width': 2 },
      },
      {
        id: 'border',
        type: 'line',
        source: 'basemap',
        filter: ['==', ['get', 'layer'], 'border'],
        paint: { 'line-color': '#8f8a84', 'line-width': 1.2 },
      },
      {
        id: 'region',
        type: 'line',
        source: 'basemap',
        filter: ['==', ['get', 'layer'], 'region'],
        paint: { 'line-color': '#a6402f', 'line-width': 1.5 },
      },
      {
        id: 'labels',
        type: 'symbol',
        source: 'basemap',
        filter: ['==', ['geometry-type'], 'Point'],
        layout: { 'text-field': ['get', 'name_en'], 'text-font': ['Sans'], 'text-size': 12, 'text-max-width': 8 },
        paint: ink,
      },
      {
        id: 'river-labels',
        type: 'symbol',
        source: 'basemap',
        filter: ['==', ['get', 'layer'], 'river'],
        layout: {
          'text-field': ['get', 'name_en'],
          'text-font': ['Sans'],
          'text-size': 11,
          'symbol-placement': 'line',
        },
        paint: ink,
      },
    ],
  },
});

// The marks the app sets (src/map/MapView.tsx), which bench/startup.ts reads.
map.once('load', () => performance.mark('map-load'));
map.once('idle', () => performance.mark('map-idle'));
