/**
 * Draws the measurement (the store's `measurePoints`, with the roads measured along) while the measure
 * tool is open, and turns clicks on the map into points. The tool itself is a panel that reads and
 * writes the store; it never touches the map.
 */
import type { Map as MapLibreMap } from 'maplibre-gl';
import { measuredRoads } from '../analysis/measure';
import type { AppStore, Store } from '../state/store';
import { attachMeasure, type MeasureLayer } from './measure-layer';

/** Follows the store's measure state; the map's style must have loaded. Returns an unsubscribe. */
export function followMeasure(map: MapLibreMap, store: AppStore): () => void {
  let layer: MeasureLayer | null = null;
  const draw = (s: Store) => {
    const roads = s.engine ? measuredRoads(s.engine.data.routes.values(), s.measurePoints) : [];
    layer?.draw(
      s.measurePoints,
      roads.map((r) => r.path),
    );
  };
  const open = (s: Store) => {
    if (s.measuring && !layer) layer = attachMeasure(map, (p) => store.getState().addMeasurePoint(p));
    if (!s.measuring && layer) {
      layer.detach();
      layer = null;
    }
    draw(s);
  };
  open(store.getState());
  const unsubscribe = store.subscribe((s, prev) => {
    if (s.measuring !== prev.measuring) open(s);
    else if (s.measurePoints !== prev.measurePoints || s.engine !== prev.engine) draw(s);
  });
  return () => {
    unsubscribe();
    layer?.detach();
    layer = null;
  };
}
