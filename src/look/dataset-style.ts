/**
 * Style layers for the dataset's time-dependent features: roads by status, areas, attack arrows,
 * journeys, and the state of places. apply-scene.ts sets their filters and data as time moves.
 */
import type {
  ExpressionSpecification,
  FilterSpecification,
  LayerSpecification,
  SourceSpecification,
} from '@maplibre/maplibre-gl-style-spec';
import type { ClaimStatus, PlaceState, RouteStatus } from '../vocabulary/vocabulary';
import { FONT } from './fonts';
import { PALETTE } from './palette';

export const ROUTES_SOURCE = 'routes';
export const AREAS_SOURCE = 'areas';
export const ARROWS_SOURCE = 'arrows';
export const MOVERS_SOURCE = 'movers';
/** Places marked by events at t, with the status of the claims behind each mark (scene-features.ts). */
export const EFFECTS_SOURCE = 'effects';
export const POPULATION_SOURCE = 'population';
export const ARROW_HEAD_IMAGE = 'arrow-head';

export function datasetSources(baseUrl: string): Record<string, SourceSpecification> {
  const url = (name: string) => `${baseUrl}generated/${name}`;
  return {
    [ROUTES_SOURCE]: { type: 'geojson', data: url('routes.geojson') },
    [AREAS_SOURCE]: { type: 'geojson', data: url('areas.geojson') },
    [ARROWS_SOURCE]: { type: 'geojson', data: url('arrows.geojson') },
    [MOVERS_SOURCE]: { type: 'geojson', data: { type: 'FeatureCollection', features: [] } },
    [EFFECTS_SOURCE]: { type: 'geojson', data: { type: 'FeatureCollection', features: [] } },
    [POPULATION_SOURCE]: { type: 'geojson', data: { type: 'FeatureCollection', features: [] } },
  };
}

const NONE: FilterSpecification = ['==', ['get', 'id'], '__none__'];
const byStatus = (status: ClaimStatus | RouteStatus): FilterSpecification => ['==', ['get', 'status'], status];
const CONFIRMED: FilterSpecification = ['==', ['get', 'status'], 'confirmed'];
const HEADS: FilterSpecification = ['==', ['get', 'head'], true];

/**
 * The attack arrows' layers and the part of the arrows source each draws: lines of confirmed claims
 * solid, of anything less dashed (docs/data-rules.md, rule S1); apply-scene adds "shown at t".
 */
export const ARROW_LAYERS: Record<string, FilterSpecification> = {
  'attack-line': ['all', ['!', HEADS], CONFIRMED],
  'attack-line-claimed': ['all', ['!', HEADS], ['!', CONFIRMED]],
  'attack-label': HEADS,
  'attack-head': HEADS,
};

/** An attack arrow's line: solid, or dashed for an arrow resting on a claim that is not confirmed. */
function attackLine(id: string, dash?: number[]): LayerSpecification {
  return {
    id,
    type: 'line',
    source: ARROWS_SOURCE,
    filter: NONE,
    layout: { 'line-cap': dash ? 'butt' : 'round', 'line-join': 'round' },
    paint: {
      'line-color': PALETTE.fire,
      'line-width': ['interpolate', ['linear'], ['zoom'], 6, 3, 10, 7],
      'line-opacity': 0.7,
      ...(dash ? { 'line-dasharray': dash } : {}),
    },
  } as LayerSpecification;
}

/** A label read from the feature's `label`, in the given layout and ink, with a white halo. */
function labelLayer(
  id: string,
  source: string,
  layout: Record<string, unknown>,
  color: string | ExpressionSpecification,
  font: string = FONT.italic,
): LayerSpecification {
  return {
    id,
    type: 'symbol',
    source,
    layout: { 'text-field': ['get', 'label'], 'text-font': [font], 'text-size': 11, ...layout },
    paint: { 'text-color': color, 'text-halo-color': '#ffffff', 'text-halo-width': 1.4 },
  } as LayerSpecification;
}

/** By the status of the claims behind a mark: a confirmed one is filled, anything less is an outline. */
const byMarkStatus = (confirmed: number, other: number): ExpressionSpecification => [
  'match',
  ['get', 'status'],
  'confirmed',
  confirmed,
  other,
];

/** Which area ids each area layer draws; apply-scene narrows these to the areas shown at t. */
export const AREA_LAYER_IDS: Record<string, string[]> = {
  'area-held-fill': ['held-before-offensive'],
  'area-held-line': ['held-before-offensive'],
  'area-zone-line': ['peacekeeping-zone'],
  'area-encirclement-fill': ['martakert-encirclement'],
  'area-encirclement-line': ['martakert-encirclement'],
  'area-context-fill': ['artsakh-1994-2020'],
  'area-context-line': ['artsakh-1994-2020'],
};

/** A colour for every place state of the vocabulary: a new state cannot be left undrawn. */
const STATE_COLORS: Record<PlaceState, string> = {
  'under-fire': PALETTE.fire,
  explosion: PALETTE.explosion,
  shelter: PALETTE.shelter,
  emptied: PALETTE.emptied,
  encircled: PALETTE.fire,
};

/** Darker inks of the state colours, for the status labels beside the marks. */
const STATE_INKS: Record<PlaceState, string> = {
  'under-fire': PALETTE.fire,
  explosion: '#9a4a0c',
  shelter: PALETTE.shelter,
  emptied: '#555555',
  encircled: PALETTE.fire,
};

const byState = (values: Record<PlaceState, string>, otherwise: string): ExpressionSpecification =>
  ['match', ['get', 'state'], ...Object.entries(values).flat(), otherwise] as unknown as ExpressionSpecification;

const STATE_COLOR = byState(STATE_COLORS, 'rgba(0,0,0,0)');
const STATE_INK = byState(STATE_INKS, PALETTE.fire);

export function datasetLayers(): LayerSpecification[] {
  const area = (id: string, type: 'fill' | 'line', paint: Record<string, unknown>): LayerSpecification =>
    ({ id, type, source: AREAS_SOURCE, filter: NONE, paint }) as LayerSpecification;
  const route = (id: string, status: RouteStatus, paint: Record<string, unknown>): LayerSpecification => ({
    id,
    type: 'line',
    source: ROUTES_SOURCE,
    filter: byStatus(status),
    layout: { 'line-join': 'round', 'line-cap': 'round' },
    paint: paint as never,
  });
  const width: ExpressionSpecification = ['interpolate', ['linear'], ['zoom'], 6, 2.2, 10, 4.5];
  return [
    area('area-context-fill', 'fill', { 'fill-color': 'rgba(90, 90, 90, 0.05)' }),
    area('area-context-line', 'line', { 'line-color': '#7d7d7d', 'line-width': 1, 'line-dasharray': [1, 2] }),
    area('area-held-fill', 'fill', { 'fill-color': PALETTE.heldFill }),
    area('area-held-line', 'line', { 'line-color': PALETTE.held, 'line-width': 1.2, 'line-dasharray': [1, 1.5] }),
    area('area-zone-line', 'line', {
      'line-color': PALETTE.shelter,
      'line-width': 1.2,
      'line-dasharray': [4, 2],
      'line-opacity': 0.8,
    }),
    area('area-encirclement-fill', 'fill', {
      'fill-color': 'rgba(168, 50, 42, 0.14)',
      'fill-opacity': byMarkStatus(1, 0.35),
    }),
    area('area-encirclement-line', 'line', { 'line-color': PALETTE.fire, 'line-width': 2, 'line-dasharray': [2, 1] }),
    {
      id: 'route-casing',
      type: 'line',
      source: ROUTES_SOURCE,
      layout: { 'line-join': 'round', 'line-cap': 'round' },
      paint: {
        'line-color': '#ffffff',
        'line-width': ['interpolate', ['linear'], ['zoom'], 6, 4.5, 10, 8],
        'line-opacity': 0.9,
      },
    },
    route('route-open', 'open', { 'line-color': PALETTE.open, 'line-width': width }),
    route('route-restricted', 'restricted', {
      'line-color': PALETTE.restricted,
      'line-width': width,
      'line-dasharray': [2, 1.2],
    }),
    route('route-blocked', 'blocked', {
      'line-color': PALETTE.blocked,
      'line-width': width,
      'line-dasharray': [0.6, 1],
    }),
    route('route-oneway', 'one-way', { 'line-color': PALETTE.oneWay, 'line-width': width }),
    {
      id: 'route-oneway-arrows',
      type: 'symbol',
      source: ROUTES_SOURCE,
      filter: byStatus('one-way'),
      layout: {
        'symbol-placement': 'line',
        'symbol-spacing': 60,
        'text-field': '›',
        'text-font': [FONT.bold],
        'text-size': 18,
        'text-keep-upright': false,
        'text-allow-overlap': true,
        'text-ignore-placement': true,
      },
      paint: { 'text-color': '#ffffff' },
    },
    attackLine('attack-line'),
    attackLine('attack-line-claimed', [1.4, 1]),
    {
      id: 'attack-label',
      type: 'symbol',
      source: ARROWS_SOURCE,
      filter: NONE,
      // Beside the arrowhead, where the arrow points: whose word the direction rests on.
      layout: {
        'text-field': ['coalesce', ['get', 'label'], 'schematic'],
        'text-font': [FONT.italic],
        'text-size': 11,
        'text-variable-anchor': ['top', 'bottom', 'right', 'left'],
        'text-radial-offset': 1.1,
        'text-max-width': 12,
        'text-allow-overlap': false,
      },
      paint: { 'text-color': PALETTE.fire, 'text-halo-color': '#ffffff', 'text-halo-width': 1.2 },
    },
    {
      id: 'attack-head',
      type: 'symbol',
      source: ARROWS_SOURCE,
      filter: NONE,
      layout: {
        'icon-image': ['get', 'icon'],
        'icon-rotate': ['get', 'bearing'],
        'icon-rotation-alignment': 'map',
        'icon-allow-overlap': true,
        'icon-ignore-placement': true,
        'icon-size': ['interpolate', ['linear'], ['zoom'], 6, 0.55, 10, 1],
      },
      paint: { 'icon-opacity': 0.8 },
    },
  ];
}

/** Above the dots: journeys and the state of places, under the place dots and labels. */
export function overlayLayers(): LayerSpecification[] {
  return [
    {
      // Stepanakert's bubble: its area is the share of the 120,000 people still in Nagorno-Karabakh.
      id: 'population',
      type: 'circle',
      source: POPULATION_SOURCE,
      paint: {
        'circle-radius': [
          'interpolate',
          ['linear'],
          ['zoom'],
          6,
          ['*', 22, ['sqrt', ['get', 'share']]],
          10,
          ['*', 60, ['sqrt', ['get', 'share']]],
        ],
        'circle-color': 'rgba(20, 42, 68, 0.10)',
        'circle-stroke-color': 'rgba(20, 42, 68, 0.55)',
        'circle-stroke-width': 1.2,
      },
    },
    labelLayer(
      'population-label',
      POPULATION_SOURCE,
      { 'text-anchor': 'right', 'text-offset': [-1.2, 0.6], 'text-max-width': 8 },
      '#142a44',
      FONT.regular,
    ),
    {
      // A journey: filled when the claim behind it is confirmed, a ring when it is one side's word.
      id: 'movers',
      type: 'circle',
      source: MOVERS_SOURCE,
      paint: {
        'circle-radius': ['interpolate', ['linear'], ['zoom'], 6, 4, 10, 7],
        'circle-color': ['match', ['get', 'status'], 'confirmed', PALETTE.mover, '#ffffff'],
        'circle-stroke-color': ['match', ['get', 'status'], 'confirmed', '#ffffff', PALETTE.mover],
        'circle-stroke-width': ['match', ['get', 'status'], 'confirmed', 1.5, 2.5],
      },
    },
    labelLayer(
      'movers-label',
      MOVERS_SOURCE,
      { 'text-anchor': 'left', 'text-offset': [0.9, 0], 'text-max-width': 12, 'text-optional': true },
      PALETTE.mover,
    ),
    {
      // A place marked by an event: filled disc when confirmed, open ring when claimed by one side,
      // thin ring when unconfirmed, and a second ring round it when the other side disputes it.
      id: 'place-state',
      type: 'circle',
      source: EFFECTS_SOURCE,
      paint: {
        'circle-radius': ['match', ['get', 'state'], 'explosion', 16, 12],
        'circle-color': STATE_COLOR,
        'circle-opacity': byMarkStatus(0.28, 0),
        'circle-stroke-color': STATE_COLOR,
        'circle-stroke-width': ['match', ['get', 'status'], 'unconfirmed', 1.4, 2.5],
      },
    },
    {
      id: 'place-state-ring',
      type: 'circle',
      source: EFFECTS_SOURCE,
      filter: byStatus('disputed'),
      paint: {
        'circle-radius': ['match', ['get', 'state'], 'explosion', 21, 17],
        'circle-color': 'rgba(0,0,0,0)',
        'circle-opacity': 0,
        'circle-stroke-color': STATE_COLOR,
        'circle-stroke-width': 1.2,
      },
    },
    labelLayer(
      'place-state-label',
      EFFECTS_SOURCE,
      {
        // Whose word the mark rests on matters more than a neighbour's name: it may not be dropped.
        'text-variable-anchor': ['top', 'bottom', 'right', 'left'],
        'text-radial-offset': 1.7,
        'text-max-width': 14,
        'text-allow-overlap': true,
      },
      STATE_INK,
    ),
  ];
}

/** A small triangle drawn in code, so no image is fetched. */
export function arrowHeadImage(size = 28): { width: number; height: number; data: Uint8Array } {
  const data = new Uint8Array(size * size * 4);
  const [r, g, b] = [168, 50, 42];
  for (let y = 0; y < size; y++) {
    // Pointing up (north): bearing rotates it.
    const half = (y / (size - 1)) * (size / 2);
    for (let x = 0; x < size; x++) {
      if (Math.abs(x - size / 2) <= half) {
        const i = (y * size + x) * 4;
        data.set([r, g, b, 255], i);
      }
    }
  }
  return { width: size, height: size, data };
}
