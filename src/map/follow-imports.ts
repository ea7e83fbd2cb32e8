/**
 * Draws the reader's imported layers (import/imports-store.ts) on the map at the app's time, while
 * the app is in explore mode, where the "Your data" panel lists them; other modes show only the
 * dataset. The map owns this drawing, so no panel needs a handle on the map.
 */
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { createImportsStore } from '../import/imports-store';
import type { AppStore } from '../state/store';
import { syncImportedLayers } from './imported-layer';

type ImportsStore = ReturnType<typeof createImportsStore>;

/** Keeps the map's `user-` layers in step; the map's style must have loaded. Returns an unsubscribe. */
export function followImports(map: MapLibreMap, app: AppStore, imports: ImportsStore): () => void {
  const draw = () => {
    const { mode, t } = app.getState();
    const s = imports.getState();
    syncImportedLayers(map, mode === 'explore' ? s.layers : [], t, s.timeMode);
  };
  draw();
  const offApp = app.subscribe((s, prev) => {
    if (s.t !== prev.t || s.mode !== prev.mode) draw();
  });
  const offImports = imports.subscribe((s, prev) => {
    if (s.layers !== prev.layers || s.timeMode !== prev.timeMode) draw();
  });
  // A style rebuilt after a lost WebGL context has no `user-` sources: drawing again restores them.
  map.on('style.load', draw);
  return () => {
    offApp();
    offImports();
    map.off('style.load', draw);
    syncImportedLayers(map, [], 0, 'cumulative');
  };
}
