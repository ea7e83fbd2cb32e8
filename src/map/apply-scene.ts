/**
 * Scene → map, with the least work per frame: road data, area and arrow filters and place states
 * change only when the scene's sets change; only the journeys' few points are re-sent while they move.
 * What is sent is look/scene-sources.ts's, the same the still picture draws.
 */

import type { FilterSpecification } from '@maplibre/maplibre-gl-style-spec';
import type { Feature } from 'geojson';
import type { GeoJSONSource, Map as MapLibreMap } from 'maplibre-gl';
import { EFFECTS_SOURCE, MOVERS_SOURCE, POPULATION_SOURCE, ROUTES_SOURCE } from '../look/dataset-style';
import { effectFeatures, moverFeatures } from '../look/scene-features';
import {
  areaFilters,
  areasKey,
  arrowFilters,
  arrowsKey,
  effectsKey,
  placeFilters,
  placesKey,
  populationFeatures,
  populationKey,
  routeFeatures,
  routesKey,
} from '../look/scene-sources';
import type { Engine, Scene } from '../timeline/scene';

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

  private setData(source: string, features: Feature[]): void {
    this.map.getSource<GeoJSONSource>(source)?.setData({ type: 'FeatureCollection', features });
  }

  private setFilters(filters: Record<string, FilterSpecification>): void {
    for (const [layer, filter] of Object.entries(filters))
      if (this.map.getLayer(layer)) this.map.setFilter(layer, filter);
  }

  render(scene: Scene): void {
    if (!this.map.getSource(ROUTES_SOURCE)) return;
    const data = this.engine.data;
    if (this.changed('routes', routesKey(scene))) this.setData(ROUTES_SOURCE, routeFeatures(scene, data));
    if (this.changed('areas', areasKey(scene))) this.setFilters(areaFilters(scene));
    if (this.changed('arrows', arrowsKey(scene))) this.setFilters(arrowFilters(scene));
    if (this.changed('hidden', placesKey(scene))) this.setFilters(placeFilters(scene));
    if (this.changed('effects', effectsKey(scene))) this.setData(EFFECTS_SOURCE, effectFeatures(scene, data));
    if (this.changed('population', populationKey(scene)))
      this.setData(POPULATION_SOURCE, populationFeatures(scene, data));
    this.applyMovers(scene);
  }

  private applyMovers(scene: Scene): void {
    if (scene.movers.length === 0 && !this.moversShown) return;
    this.setData(MOVERS_SOURCE, moverFeatures(scene));
    this.moversShown = scene.movers.length > 0;
  }
}
