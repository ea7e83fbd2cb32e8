/**
 * Puts the exodus dots on the map: one dot per person (or per 10 or 100) from the crossed-into-Armenia
 * series, moving along the Lachin corridor. Adds its layer again whenever the style lacks it: after a
 * lost WebGL context MapLibre rebuilds the style without custom layers, and the map's owner calls
 * `update` once the rebuilt style has loaded (adding to a style still loading throws).
 */
import type { Map as MapLibreMap } from 'maplibre-gl';
import { DOT_ALPHA, DOT_COLOR, DOTS_LAYER_ID, DOTS_SERIES, dotCrossings, dotRoute, rgba } from '../look/exodus-dots';
import type { Engine } from '../timeline/scene';
import { createExodusDotsLayer, type ExodusDotsLayer } from './exodus-dots-layer';

export class ExodusDots {
  private layer: ExodusDotsLayer | null = null;
  private scale = 0;

  constructor(
    private readonly map: MapLibreMap,
    private readonly engine: Engine,
    private readonly before: string,
  ) {}

  update(scale: number, t: number, visible: boolean): void {
    const data = this.engine.data;
    const route = dotRoute(data);
    if (!route || !data.series.has(DOTS_SERIES)) return;
    if (!this.layer) {
      this.layer = createExodusDotsLayer({
        id: DOTS_LAYER_ID,
        route: route.coordinates,
        borderFraction: route.borderFraction,
        crossings: dotCrossings(data, scale),
        color: rgba(DOT_COLOR, DOT_ALPHA),
      });
      this.scale = scale;
    } else if (scale !== this.scale) {
      this.layer.setData(dotCrossings(data, scale));
      this.scale = scale;
    }
    // The same layer object keeps its data across styles; its onAdd starts from fresh GL objects.
    if (!this.map.getLayer(DOTS_LAYER_ID))
      this.map.addLayer(this.layer, this.map.getLayer(this.before) ? this.before : undefined);
    this.layer.setVisible(visible);
    this.layer.setTime(t);
  }
}
