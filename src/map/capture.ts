/**
 * What the video and picture export (src/present/) may do with the map, and nothing more: read its
 * canvas inside a render, wait for it to load, settle or stop moving, ask for a frame, and frame it
 * to an export's size and back. MapView registers its map here; the export never holds the MapLibre
 * object, so all MapLibre calls stay in src/map/ (docs/architecture.md#layering).
 */
import type { Map as MapLibreMap, PaddingOptions } from 'maplibre-gl';

export type CaptureEvent = 'render' | 'idle' | 'moveend';

/** How to frame the map for an export: container size in CSS pixels, resolution, zoom and padding. */
export interface FrameRequest {
  cssWidth: number;
  cssHeight: number;
  pixelRatio: number;
  /** Zoom levels to step out, so the smaller frame shows as much as the map did. */
  zoomOut: number;
  /** CSS pixels of the frame covered by the overlay, for the view to be centred in the rest. */
  padding: PaddingOptions;
}

export interface MapCapture {
  /** The map's WebGL canvas; it holds a picture only inside a `render` event. */
  getCanvas(): HTMLCanvasElement;
  loaded(): boolean;
  isMoving(): boolean;
  triggerRepaint(): void;
  on(event: CaptureEvent, fn: () => void): void;
  off(event: CaptureEvent, fn: () => void): void;
  once(event: CaptureEvent, fn: () => void): void;
  /** The size in CSS pixels of the area the map's container sits in. */
  areaSize(): { width: number; height: number };
  /** Frames the map for an export; the function returned puts everything back as it was. */
  frame(request: FrameRequest): () => void;
}

let registered: MapLibreMap | null = null;

/** Called by MapView with its map, and with null when the map goes. */
export function registerCaptureMap(map: MapLibreMap | null): void {
  registered = map;
}

function captureOf(map: MapLibreMap): MapCapture {
  const area = () => {
    const parent = map.getContainer().parentElement;
    if (!parent) throw new Error('The map is not on the page.');
    return parent;
  };
  return {
    getCanvas: () => map.getCanvas(),
    loaded: () => map.loaded(),
    isMoving: () => map.isMoving(),
    triggerRepaint: () => map.triggerRepaint(),
    on: (event, fn) => void map.on(event, fn),
    off: (event, fn) => void map.off(event, fn),
    once: (event, fn) => void map.once(event, fn),
    areaSize: () => {
      const { width, height } = area().getBoundingClientRect();
      return { width, height };
    },
    frame(request) {
      const parent = area();
      const saved = { padding: map.getPadding(), center: map.getCenter(), zoom: map.getZoom() };
      // The `export-framing` class sizes the container to the frame's aspect, centred in the map area.
      parent.classList.add('export-framing');
      parent.style.setProperty('--export-map-width', `${request.cssWidth}px`);
      parent.style.setProperty('--export-map-height', `${request.cssHeight}px`);
      // Resizes the canvas to the container at the frame's resolution.
      map.setPixelRatio(request.pixelRatio);
      map.jumpTo({ zoom: saved.zoom - request.zoomOut, padding: request.padding });
      return () => {
        parent.classList.remove('export-framing');
        parent.style.removeProperty('--export-map-width');
        parent.style.removeProperty('--export-map-height');
        // MapLibre: null returns to following the device's pixel ratio, as the map was created.
        map.setPixelRatio(null as unknown as number);
        map.jumpTo({ center: saved.center, zoom: saved.zoom, padding: saved.padding });
      };
    },
  };
}

/** The app's map for an export, or an error a person can act on while it is still loading. */
export function captureMap(): MapCapture {
  if (!registered?.loaded()) throw new Error('The map is still loading; try again in a moment.');
  return captureOf(registered);
}
