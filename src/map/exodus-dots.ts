/**
 * Puts the exodus dots on the map: one dot per person (or per 10 or 100) from the crossed-into-Armenia
 * series, moving along the Lachin corridor. Re-adds the layer after a lost WebGL context, which
 * MapLibre does not restore for custom layers.
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
  private t = 0;
  private visible = true;

  constructor(
    private readonly map: MapLibreMap,
    private readonly engine: Engine,
    private readonly before: string,
  ) {
    map.on('webglcontextrestored', () => {
      this.layer = null;
      this.update(this.scale || 1, this.t, this.visible);
    });
  }

  /** The number of people the dots stand for: the arrivals by the day of the last bus (100,514). */
  private count(): number {
    const series = this.engine.data.series.get('crossed-into-armenia');
    const lastBus = this.engine.data.events.find((e) => e.id === 'last-bus');
    return Math.round(seriesValueAt(series, (lastBus?.start ?? 0) + 12 * 3_600_000));
  }

  update(scale: number, t: number, visible: boolean): void {
    this.t = t;
    this.visible = visible;
    const route = this.engine.data.routes.get(ROUTE_ID);
    const series = this.engine.data.series.get('crossed-into-armenia');
    if (!route || !series) return;
    const crossings = () => crossingTimes(series.points, this.count(), scale);
    if (!this.layer || !this.map.getLayer(DOTS_LAYER_ID)) {
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
      this.map.addLayer(this.layer, this.map.getLayer(this.before) ? this.before : undefined);
    } else if (scale !== this.scale) {
      this.layer.setData(crossings());
      this.scale = scale;
    }
    this.layer.setVisible(visible);
    this.layer.setTime(t);
  }
}
