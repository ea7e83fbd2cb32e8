/**
 * The map's style: an offline basemap (one same-origin GeoJSON source, no tiles, no sprite, no
 * glyph server) and the dataset's layers on top. Layer specs are constants; `groupOf` ties each
 * style layer to the user-facing layer id it belongs to (state/layers.ts).
 */
import type { ExpressionSpecification, LayerSpecification, StyleSpecification } from '@maplibre/maplibre-gl-style-spec';
import type { FeatureCollection } from 'geojson';
import type { Naming } from '../vocabulary/vocabulary';
import { datasetLayers, datasetSources, overlayLayers } from './dataset-style';
import { FONT, fontFaces } from './fonts';
import { PALETTE } from './palette';

export const BASEMAP_SOURCE = 'basemap';
export const PLACES_SOURCE = 'places';

const byLayer = (...names: string[]): ExpressionSpecification => ['in', ['get', 'layer'], ['literal', names]];

/** A label in the chosen naming convention, falling back to the English name where none exists. */
export function nameExpression(names: Naming): ExpressionSpecification {
  return ['coalesce', ['get', `name_${names}`], ['get', 'name_en'], ''];
}

/** Style layers that print a name, so that a change of naming convention can restyle them. */
export const NAMED_LAYERS = [
  'label-water',
  'label-river',
  'label-country',
  'label-subregion',
  'label-region',
  'place-label',
];

/** Which user-facing layer (state/layers.ts) each switchable style layer belongs to. */
export const LAYER_GROUPS: Record<string, string[]> = {
  places: ['place-dot', 'place-label'],
  events: ['place-state', 'place-state-ring', 'place-state-label'],
  exodus: ['exodus-dots', 'population', 'population-label'],
  movements: ['movers', 'movers-label'],
  routes: ['route-casing', 'route-open', 'route-restricted', 'route-blocked', 'route-oneway', 'route-oneway-arrows'],
  attacks: ['attack-line', 'attack-line-claimed', 'attack-label', 'attack-head'],
  areas: ['area-held-fill', 'area-held-line', 'area-zone-line', 'area-encirclement-fill', 'area-encirclement-line'],
  context: ['area-context-fill', 'area-context-line'],
  region: ['region-fill', 'region-outline', 'label-region'],
  rivers: ['lake', 'river', 'label-river', 'label-lake'],
  borders: ['border-casing', 'border'],
};

/** The first basemap label: reordered layers go just under it. */
export const LABEL_ANCHOR = 'label-water';

/** The layer the exodus dots are drawn under (the custom layer is added at run time). */
export const DOTS_BEFORE = 'movers';

const halo = { 'text-halo-color': PALETTE.placeHalo, 'text-halo-width': 1.4, 'text-halo-blur': 0.3 };

function basemapLayers(names: Naming): LayerSpecification[] {
  const text = nameExpression(names);
  return [
    { id: 'background', type: 'background', paint: { 'background-color': PALETTE.water } },
    {
      id: 'land',
      type: 'fill',
      source: BASEMAP_SOURCE,
      filter: byLayer('land'),
      paint: { 'fill-color': PALETTE.land },
    },
    {
      id: 'focus-countries',
      type: 'fill',
      source: BASEMAP_SOURCE,
      filter: ['all', byLayer('country'), ['in', ['get', 'id'], ['literal', ['armenia', 'azerbaijan']]]],
      paint: { 'fill-color': PALETTE.focusLand },
    },
    {
      id: 'region-fill',
      type: 'fill',
      source: BASEMAP_SOURCE,
      filter: byLayer('region'),
      paint: { 'fill-color': PALETTE.regionFill },
    },
    {
      id: 'lake',
      type: 'fill',
      source: BASEMAP_SOURCE,
      filter: byLayer('lake'),
      paint: { 'fill-color': PALETTE.water },
    },
    {
      id: 'border-casing',
      type: 'line',
      source: BASEMAP_SOURCE,
      filter: byLayer('border'),
      layout: { 'line-join': 'round' },
      paint: {
        'line-color': PALETTE.borderCasing,
        'line-width': ['interpolate', ['linear'], ['zoom'], 5, 2.5, 10, 5],
        'line-opacity': 0.8,
      },
    },
    // Between the border's white casing and its line, so a river that is also a border (the Aras)
    // still shows.
    {
      id: 'river',
      type: 'line',
      source: BASEMAP_SOURCE,
      filter: byLayer('river'),
      layout: { 'line-join': 'round', 'line-cap': 'round' },
      paint: {
        'line-color': PALETTE.river,
        'line-width': ['interpolate', ['linear'], ['zoom'], 5, 1.3, 8, 2.6, 11, 4],
      },
    },
    {
      id: 'border',
      type: 'line',
      source: BASEMAP_SOURCE,
      filter: byLayer('border'),
      layout: { 'line-join': 'round' },
      paint: { 'line-color': PALETTE.border, 'line-width': ['interpolate', ['linear'], ['zoom'], 5, 0.9, 10, 1.8] },
    },
    {
      id: 'region-outline',
      type: 'line',
      source: BASEMAP_SOURCE,
      filter: byLayer('region'),
      layout: { 'line-join': 'round' },
      paint: {
        'line-color': PALETTE.region,
        'line-width': ['interpolate', ['linear'], ['zoom'], 5, 1, 10, 2],
        // Dashed: the outline is approximate.
        'line-dasharray': [3, 2],
      },
    },
    {
      id: 'label-water',
      type: 'symbol',
      source: BASEMAP_SOURCE,
      filter: byLayer('label-sea'),
      layout: {
        'text-field': text,
        'text-font': [FONT.italic],
        'text-size': 14,
        'text-letter-spacing': 0.1,
        'text-max-width': 6,
      },
      paint: { 'text-color': PALETTE.waterLabel },
    },
    {
      id: 'label-lake',
      type: 'symbol',
      source: BASEMAP_SOURCE,
      filter: byLayer('label-lake'),
      minzoom: 6.2,
      layout: { 'text-field': text, 'text-font': [FONT.italic], 'text-size': 12, 'text-max-width': 5 },
      paint: { 'text-color': PALETTE.waterLabel, 'text-halo-color': PALETTE.water, 'text-halo-width': 1 },
    },
    {
      id: 'label-river',
      type: 'symbol',
      source: BASEMAP_SOURCE,
      filter: byLayer('river'),
      layout: {
        'text-field': text,
        'text-font': [FONT.italic],
        'text-size': 11.5,
        'symbol-placement': 'line',
        'symbol-spacing': 320,
        'text-letter-spacing': 0.15,
      },
      paint: { 'text-color': PALETTE.waterLabel, ...halo },
    },
    {
      id: 'label-country',
      type: 'symbol',
      source: BASEMAP_SOURCE,
      filter: byLayer('label-country'),
      layout: {
        'text-field': text,
        'text-font': [FONT.bold],
        'text-size': ['interpolate', ['linear'], ['zoom'], 5.5, 12, 9, 17],
        'text-transform': 'uppercase',
        'text-letter-spacing': 0.22,
        'text-max-width': 9,
      },
      paint: { 'text-color': PALETTE.countryLabel, ...halo },
    },
    {
      id: 'label-subregion',
      type: 'symbol',
      source: BASEMAP_SOURCE,
      filter: byLayer('label-subregion'),
      layout: {
        'text-field': text,
        'text-font': [FONT.regular],
        'text-size': 12,
        'text-letter-spacing': 0.08,
        'text-max-width': 7,
      },
      paint: { 'text-color': PALETTE.countryLabel, ...halo },
    },
    {
      id: 'label-region',
      type: 'symbol',
      source: BASEMAP_SOURCE,
      filter: byLayer('label-region'),
      layout: {
        'text-field': text,
        'text-font': [FONT.bold],
        'text-size': ['interpolate', ['linear'], ['zoom'], 6, 11, 10, 15],
        'text-transform': 'uppercase',
        'text-letter-spacing': 0.18,
        'text-max-width': 8,
      },
      paint: { 'text-color': PALETTE.region, ...halo },
    },
  ];
}

/** Minor places appear as the reader zooms in: rank 1 always, rank 2 from zoom 6.5, rank 3 from 8.5. */
export const BY_RANK_AND_ZOOM: ExpressionSpecification = [
  'step',
  ['zoom'],
  ['<=', ['get', 'rank'], 1],
  6.5,
  ['<=', ['get', 'rank'], 2],
  8.5,
  true,
];

function placeLayers(names: Naming): LayerSpecification[] {
  return [
    {
      id: 'place-dot',
      type: 'circle',
      source: PLACES_SOURCE,
      filter: BY_RANK_AND_ZOOM,
      paint: {
        'circle-radius': ['match', ['get', 'rank'], 1, 4, 2, 3.2, 2.6],
        'circle-color': PALETTE.focusLand,
        'circle-stroke-color': PALETTE.placeDot,
        'circle-stroke-width': ['match', ['get', 'kind'], 'capital', 2.4, 1.6],
      },
    },
    {
      id: 'place-label',
      type: 'symbol',
      source: PLACES_SOURCE,
      filter: BY_RANK_AND_ZOOM,
      layout: {
        'text-field': nameExpression(names),
        'text-font': ['match', ['get', 'rank'], 1, ['literal', [FONT.bold]], ['literal', [FONT.regular]]],
        'text-size': [
          'interpolate',
          ['linear'],
          ['zoom'],
          6,
          ['match', ['get', 'rank'], 1, 13, 2, 12, 11],
          10,
          ['match', ['get', 'rank'], 1, 17, 2, 15, 14],
        ],
        'symbol-sort-key': ['get', 'rank'],
        'text-variable-anchor': ['left', 'right', 'top', 'bottom'],
        'text-radial-offset': 0.6,
        'text-justify': 'auto',
        'text-max-width': 8,
      },
      paint: { 'text-color': PALETTE.placeLabel, ...halo },
    },
  ];
}

/** Basemap fills and lines, then the dataset, then labels on top so events never hide a name. */
function withDatasetLayers(basemap: LayerSpecification[], places: LayerSpecification[]): LayerSpecification[] {
  const firstLabel = basemap.findIndex((l) => l.type === 'symbol');
  const cut = firstLabel === -1 ? basemap.length : firstLabel;
  return [...basemap.slice(0, cut), ...datasetLayers(), ...overlayLayers(), ...basemap.slice(cut), ...places];
}

/**
 * The style's layers for a naming convention, bottom to top, as `buildStyle` declares them: also read
 * by the static picture of an embed (src/embed/static-map.ts), so the two draw alike.
 */
export function styleLayers(names: Naming): LayerSpecification[] {
  return withDatasetLayers(basemapLayers(names), placeLayers(names));
}

/**
 * The whole style for a naming convention; `baseUrl` is the app's absolute base URL. The basemap is
 * given as its object when it has already arrived (fetched at startup), else by its URL.
 */
export function buildStyle(baseUrl: string, names: Naming, basemap?: FeatureCollection): StyleSpecification {
  return {
    version: 8,
    name: 'Nagorno-Karabakh 2022–2023, offline',
    'font-faces': fontFaces(baseUrl),
    sources: {
      [BASEMAP_SOURCE]: { type: 'geojson', data: basemap ?? `${baseUrl}generated/basemap.geojson` },
      // promoteId: events mark places through feature state, keyed by the place's id.
      [PLACES_SOURCE]: { type: 'geojson', data: `${baseUrl}generated/places.geojson`, promoteId: 'id' },
      ...datasetSources(baseUrl),
    },
    layers: styleLayers(names),
  };
}
