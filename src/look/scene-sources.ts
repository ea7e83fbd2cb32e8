/**
 * The scene at t as the map's sources and filters hold it, written once: the live map
 * (map/apply-scene.ts) sends these features to MapLibre and sets these filters on its layers; the
 * embed's still picture (embed/static-map.ts) draws the same features and evaluates the same filters.
 * Each part comes with a key that changes exactly when the part does, so the live map re-sends
 * only what changed (docs/architecture.md#one-look-two-renderers). Pure, no DOM.
 */
import type { ExpressionSpecification, FilterSpecification } from '@maplibre/maplibre-gl-style-spec';
import type { Feature } from 'geojson';
import type { Dataset } from '../timeline/dataset';
import { POPULATION_BEFORE, type Scene } from '../timeline/scene';
import { flatNames } from './dataset-features';
import { AREA_LAYER_IDS, ARROW_LAYERS } from './dataset-style';
import { populationLabel } from './scene-features';
import { BY_RANK_AND_ZOOM } from './style';

/** The layers that draw the dataset's places: a place hidden at t leaves both. */
export const PLACE_LAYERS = ['place-dot', 'place-label'] as const;

/** The place whose bubble shows how many people had not yet been counted in Armenia. */
const POPULATION_PLACE = 'stepanakert';
const POPULATION_COUNTER = 'not-counted-in-armenia';

const inIds = (ids: readonly string[]): ExpressionSpecification => ['in', ['get', 'id'], ['literal', [...ids]]];

export const routesKey = (scene: Scene): string => scene.routes.map((r) => `${r.id}:${r.status}`).join(',');

/** The roads at t, each with its status (open, blocked…) for the style to draw. */
export function routeFeatures(scene: Scene, data: Pick<Dataset, 'routes'>): Feature[] {
  return scene.routes.flatMap((r): Feature[] => {
    const route = data.routes.get(r.id);
    if (!route) return [];
    return [
      {
        type: 'Feature',
        id: r.id,
        properties: { id: r.id, status: r.status, ...flatNames(route.names) },
        geometry: { type: 'LineString', coordinates: route.coordinates },
      },
    ];
  });
}

export const areasKey = (scene: Scene): string => scene.areas.join(',');

/** Each area layer shows the areas it draws that are on the map at t. */
export function areaFilters(scene: Scene): Record<string, FilterSpecification> {
  return Object.fromEntries(
    Object.entries(AREA_LAYER_IDS).map(([layer, ids]) => [layer, inIds(ids.filter((id) => scene.areas.includes(id)))]),
  );
}

export const arrowsKey = (scene: Scene): string => scene.arrows.join(',');

/** Each arrow layer keeps its own filter (lines or heads, by status) and shows only the arrows of t. */
export function arrowFilters(scene: Scene): Record<string, FilterSpecification> {
  return Object.fromEntries(
    Object.entries(ARROW_LAYERS).map(([layer, own]) => [
      layer,
      ['all', own, inIds(scene.arrows)] as FilterSpecification,
    ]),
  );
}

export const placesKey = (scene: Scene): string => scene.hiddenPlaces.join(',');

/** Places by rank and zoom, as the style has them, less those not yet (or no longer) on the map. */
export function placeFilters(scene: Scene): Record<string, FilterSpecification> {
  const visible: ExpressionSpecification = ['!', inIds(scene.hiddenPlaces)];
  return Object.fromEntries(
    PLACE_LAYERS.map((layer) => [layer, ['all', BY_RANK_AND_ZOOM, visible] as FilterSpecification]),
  );
}

/** Every filter the scene sets, by layer id; layers not listed keep their style's filter. */
export const sceneFilters = (scene: Scene): Record<string, FilterSpecification> => ({
  ...areaFilters(scene),
  ...arrowFilters(scene),
  ...placeFilters(scene),
});

/** Marks change at event boundaries only: the key is cheap, the features are built when it changes. */
export function effectsKey(scene: Scene): string {
  let key = scene.hiddenPlaces.join(',');
  for (const [id, m] of Object.entries(scene.placeMarks)) key += `|${id}:${m.state}:${m.status}:${m.statusText}`;
  return key;
}

const notCounted = (scene: Scene): number | undefined => scene.counters.find((c) => c.id === POPULATION_COUNTER)?.value;

/** The bubble is redrawn when the count changes by a hundred people. */
export function populationKey(scene: Scene): string {
  const remaining = notCounted(scene);
  return remaining === undefined ? 'none' : String(Math.round(remaining / 100));
}

/** Stepanakert's bubble during the exodus: its area is the share of the people not yet counted in Armenia. */
export function populationFeatures(scene: Scene, data: Pick<Dataset, 'places'>): Feature[] {
  const remaining = notCounted(scene);
  const at = data.places.get(POPULATION_PLACE)?.coordinates;
  if (remaining === undefined || !at) return [];
  return [
    {
      type: 'Feature',
      properties: { share: remaining / POPULATION_BEFORE, label: populationLabel(remaining) },
      geometry: { type: 'Point', coordinates: at },
    },
  ];
}
