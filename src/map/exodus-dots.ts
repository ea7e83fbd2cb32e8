/**
 * Puts the exodus dots on the map: one dot per person (or per 10 or 100) from the crossed-into-Armenia
 * series, moving along the Lachin corridor. Adds its layer again whenever the style lacks it: after a
 * lost WebGL context MapLibre rebuilds the style without custom layers, and the map's owner calls
 * `update` once the rebuilt style has loaded (adding to a style still loading throws).
 */
import type { Map as MapLibreMap } from 'maplibre-gl';
import { crossingTimes, routeFractions } from '../timeline/dots';
import { type Engine, seriesValueAt } from '../timeline/scene';
import { createExodusDotsLayer, type ExodusDotsLayer } from './exodus-dots-layer';
import { PALETTE } from './palette';

export const DOTS_LAYER_ID = 'exodus-dots';
const ROUTE_ID = 'lachin-corridor';
const BORDER_PLACE = 'hakari-bridge';

const rgba = (hex: string, alpha: number): [number, number, number, number] => {
  const n = Number.parseInt(hex.slice(1), 16);
  return [((n >> 16) & 255) / 255, ((n >> 8) & 255) / 255, (n & 255) / 255, alpha];
};

export class ExodusDots {
  private layer: ExodusDotsLayer | null = null;
  private scale = 0;

  constructor(
    private readonly map: MapLibreMap,
    private readonly engine: Engine,
    private readonly before: string,
  ) {}

  /** The number of people the dots stand for: the arrivals by the day of the last bus (100,514). */
  private count(): number {
    const series = this.engine.data.series.get('crossed-into-armenia');
    const lastBus = this.engine.data.events.find((e) => e.id === 'last-bus');
    return Math.round(seriesValueAt(series, (lastBus?.start ?? 0) + 12 * 3_600_000));
  }

  update(scale: number, t: number, visible: boolean): void {
    const route = this.engine.data.routes.get(ROUTE_ID);
    const series = this.engine.data.series.get('crossed-into-armenia');
    if (!route || !series) return;
    const crossings = () => crossingTimes(series.points, this.count(), scale);
    if (!this.layer) {
      const coordinates = route.coordinates.map((c) => [c[0] ?? 0, c[1] ?? 0] as [number, number]);
      const border = route.waypoints.indexOf(BORDER_PLACE);
      this.layer = createExodusDotsLayer({
        id: DOTS_LAYER_ID,
        route: coordinates,
        borderFraction: routeFractions(coordinates)[border] ?? 0.64,
        crossings: crossings(),
        color: rgba(PALETTE.dots, 0.6),
      });
      this.scale = scale;
    } else if (scale !== this.scale) {
      this.layer.setData(crossings());
      this.scale = scale;
    }
    // The same layer object keeps its data across styles; its onAdd starts from fresh GL objects.
    if (!this.map.getLayer(DOTS_LAYER_ID))
      this.map.addLayer(this.layer, this.map.getLayer(this.before) ? this.before : undefined);
    this.layer.setVisible(visible);
    this.layer.setTime(t);
  }
}
