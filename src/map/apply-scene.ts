/**
 * Scene → map, with the least work per frame: road data, area and arrow filters and place states
 * change only when the scene's sets change; only the journeys' few points are re-sent while they move.
 */

import type { ExpressionSpecification, FilterSpecification } from '@maplibre/maplibre-gl-style-spec';
import type { Feature } from 'geojson';
import type { GeoJSONSource, Map as MapLibreMap } from 'maplibre-gl';
import { type Engine, POPULATION_BEFORE, type Scene } from '../timeline/scene';
import {
  AREA_LAYER_IDS,
  ARROW_LAYERS,
  EFFECTS_SOURCE,
  MOVERS_SOURCE,
  POPULATION_SOURCE,
  ROUTES_SOURCE,
} from './dataset-style';
import { effectFeatures, moverFeatures, populationLabel } from './scene-features';
import { BY_RANK_AND_ZOOM } from './style';

const PLACE_LAYERS = ['place-dot', 'place-label'];

const inIds = (ids: readonly string[]): ExpressionSpecification => ['in', ['get', 'id'], ['literal', [...ids]]];

export class SceneRenderer {
  private keys = new Map<string, string>();
  private moversShown = false;

  constructor(
    private readonly map: MapLibreMap,
    private readonly engine: Engine,
  ) {}

  /** Forgets what was applied, so the next render sets everything (after a style or context reload). */
  reset(): void {
    this.keys.clear();
    this.moversShown = false;
  }

  private changed(key: string, value: string): boolean {
    if (this.keys.get(key) === value) return false;
    this.keys.set(key, value);
    return true;
  }

  render(scene: Scene): void {
    const map = this.map;
    if (!map.getSource(ROUTES_SOURCE)) return;

    const routeKey = scene.routes.map((r) => `${r.id}:${r.status}`).join(',');
    if (this.changed('routes', routeKey)) {
      const features: Feature[] = scene.routes.flatMap((r) => {
        const route = this.engine.data.routes.get(r.id);
        if (!route) return [];
        const names = Object.fromEntries(Object.entries(route.names).map(([l, n]) => [`name_${l}`, n]));
        return [
          {
            type: 'Feature',
            id: r.id,
            properties: { id: r.id, status: r.status, ...names },
            geometry: { type: 'LineString', coordinates: route.coordinates },
          },
        ];
      });
      map.getSource<GeoJSONSource>(ROUTES_SOURCE)?.setData({ type: 'FeatureCollection', features });
    }

    if (this.changed('areas', scene.areas.join(','))) {
      for (const [layer, ids] of Object.entries(AREA_LAYER_IDS)) {
        if (map.getLayer(layer)) map.setFilter(layer, inIds(ids.filter((id) => scene.areas.includes(id))));
      }
    }

    if (this.changed('arrows', scene.arrows.join(','))) {
      // Each arrow layer keeps its own filter (lines or heads, by status) and shows only the arrows of t.
      for (const [layer, own] of Object.entries(ARROW_LAYERS)) {
        if (map.getLayer(layer)) map.setFilter(layer, ['all', own, inIds(scene.arrows)] as FilterSpecification);
      }
    }

    if (this.changed('hidden', scene.hiddenPlaces.join(','))) {
      const visible: ExpressionSpecification = ['!', inIds(scene.hiddenPlaces)];
      for (const layer of PLACE_LAYERS) {
        if (map.getLayer(layer)) map.setFilter(layer, ['all', BY_RANK_AND_ZOOM, visible] as FilterSpecification);
      }
    }

    this.applyEffects(scene);
    this.applyMovers(scene);
    this.applyPopulation(scene);
  }

  /** Stepanakert's bubble during the exodus, redrawn when the count changes by a hundred people. */
  private applyPopulation(scene: Scene): void {
    const remaining = scene.counters.find((c) => c.id === 'not-counted-in-armenia')?.value;
    const key = remaining === undefined ? 'none' : String(Math.round(remaining / 100));
    if (!this.changed('population', key)) return;
    const at = this.engine.data.places.get('stepanakert')?.coordinates;
    const features: Feature[] =
      remaining === undefined || !at
        ? []
        : [
            {
              type: 'Feature',
              properties: {
                share: remaining / POPULATION_BEFORE,
                label: populationLabel(remaining),
              },
              geometry: { type: 'Point', coordinates: at },
            },
          ];
    this.map.getSource<GeoJSONSource>(POPULATION_SOURCE)?.setData({ type: 'FeatureCollection', features });
  }

  /** Places under fire, in shelter, emptied…: re-sent only when a mark, its status or its place's visibility changes. */
  private applyEffects(scene: Scene): void {
    // Marks change at event boundaries only: the key is cheap, the features are built when it changes.
    let key = scene.hiddenPlaces.join(',');
    for (const [id, m] of Object.entries(scene.placeMarks)) key += `|${id}:${m.state}:${m.status}:${m.statusText}`;
    if (!this.changed('effects', key)) return;
    const features = effectFeatures(scene, this.engine.data);
    this.map.getSource<GeoJSONSource>(EFFECTS_SOURCE)?.setData({ type: 'FeatureCollection', features });
  }

  private applyMovers(scene: Scene): void {
    if (scene.movers.length === 0 && !this.moversShown) return;
    const source = this.map.getSource<GeoJSONSource>(MOVERS_SOURCE);
    source?.setData({ type: 'FeatureCollection', features: moverFeatures(scene) });
    this.moversShown = scene.movers.length > 0;
  }
}
