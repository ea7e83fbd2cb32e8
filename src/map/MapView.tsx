/**
 * The one MapLibre map, created once for the app's lifetime (mode switches never recreate it, so
 * there is only ever one WebGL context). It follows the store through `subscribe`, outside React
 * renders, and reports the camera back to the store when the user moves it.
 */
import { type MapGeoJSONFeature, Map as MapLibreMap, NavigationControl, prewarm, ScaleControl } from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
import { useEffect, useRef } from 'react';
import { MAX_BOUNDS, MAX_ZOOM, MIN_ZOOM } from '../geo/region';
import { importsStore } from '../import/imports-store';
import { ARROW_HEAD_IMAGE, arrowHeadImage } from '../look/dataset-style';
import { layerMoves, layerVisible } from '../look/layer-order';
import { buildStyle, DOTS_BEFORE, LABEL_ANCHOR, LAYER_GROUPS, NAMED_LAYERS, nameExpression } from '../look/style';
import { arrivedBasemap } from '../state/dataset-fetch';
import { prefersReducedMotion } from '../state/playback-driver';
import { sceneOf } from '../state/scene-cache';
import { STEP_MS } from '../state/step-animation';
import { type AppStore, appStore, type Store } from '../state/store';
import { SceneRenderer } from './apply-scene';
import { registerCaptureMap } from './capture';
import { ExodusDots } from './exodus-dots';
import { followImports } from './follow-imports';
import { followMeasure } from './follow-measure';
import './worker-url';

// The workers start downloading and parsing now, while React mounts the map, not when it is created.
prewarm();

declare global {
  interface Window {
    /** The map instance, for end-to-end tests and the benchmark. */
    __map?: MapLibreMap;
    /** The app's store, for end-to-end tests and the benchmark. */
    __appStore?: AppStore;
  }
}

function applyLayers(map: MapLibreMap, layers: readonly string[]): void {
  for (const ids of Object.values(LAYER_GROUPS)) {
    for (const id of ids) {
      const visibility = layerVisible(id, layers) ? 'visible' : 'none';
      if (map.getLayer(id) && map.getLayoutProperty(id, 'visibility') !== visibility) {
        map.setLayoutProperty(id, 'visibility', visibility);
      }
    }
  }
}

/**
 * Draws the layers in the order the reader chose (first in the list on top), under the basemap's
 * country and sea labels. Places come first by default, so names stay on top unless moved down.
 */
function applyOrder(map: MapLibreMap, layers: readonly string[]): void {
  for (const [id, before] of layerMoves(layers, map.getLayer(LABEL_ANCHOR) !== undefined))
    if (map.getLayer(id)) map.moveLayer(id, before);
}

function applyNames(map: MapLibreMap, s: Store): void {
  for (const id of NAMED_LAYERS) if (map.getLayer(id)) map.setLayoutProperty(id, 'text-field', nameExpression(s.names));
}

/**
 * In a presentation the caption panel covers the right of the map and the slider its bottom: the
 * view is centred in what stays visible.
 */
function applyPadding(map: MapLibreMap, s: Store): void {
  const { width } = map.getContainer().getBoundingClientRect();
  const padding =
    s.mode === 'present'
      ? { top: 0, left: 0, right: Math.min(500, width * 0.42), bottom: 190 }
      : { top: 0, left: 0, right: 0, bottom: 0 };
  map.setPadding(padding);
}

function applyInteractivity(map: MapLibreMap, s: Store): void {
  // An embed is a fixed view: the URL decides it, the reader does not pan it away by scrolling.
  const on = s.mode !== 'embed';
  const handlers = [
    map.dragPan,
    map.scrollZoom,
    map.boxZoom,
    map.dragRotate,
    map.keyboard,
    map.doubleClickZoom,
    map.touchZoomRotate,
  ];
  for (const h of handlers) {
    if (on) h.enable();
    else h.disable();
  }
  map.dragRotate.disable();
  map.touchZoomRotate.disableRotation();
}

/** True while the map is being moved to the store's view, so that move is not written back. */
let followingStore = false;

function jumpToStoreView(map: MapLibreMap, s: Store): void {
  const c = map.getCenter();
  const { lon, lat, zoom } = s.view;
  if (Math.abs(c.lng - lon) > 1e-4 || Math.abs(c.lat - lat) > 1e-4 || Math.abs(map.getZoom() - zoom) > 1e-2) {
    followingStore = true;
    try {
      // A reader asked to go there (an event, a link): glide, unless they prefer reduced motion.
      if (s.engine && !prefersReducedMotion()) map.easeTo({ center: [lon, lat], zoom, duration: 700 });
      else map.jumpTo({ center: [lon, lat], zoom });
    } finally {
      followingStore = false;
    }
  }
}

/** The closest a presentation's camera comes to one place: a town with its surroundings. */
const FOCUS_MAX_ZOOM = 9;
const FOCUS_PADDING = 60;

/**
 * Frames an event's places, unless they are already well in view at about the right zoom: stepping
 * between events in one town should not jolt the camera.
 */
function applyFocus(map: MapLibreMap, s: Store): void {
  if (!s.focus) return;
  const [w, south, e, n] = s.focus.bbox;
  const camera = map.cameraForBounds(
    [
      [w, south],
      [e, n],
    ],
    { padding: FOCUS_PADDING, maxZoom: FOCUS_MAX_ZOOM },
  );
  if (!camera || camera.zoom === undefined) return;
  const { width, height } = map.getContainer().getBoundingClientRect();
  const { top = 0, right = 0, bottom = 0, left = 0 } = map.getPadding();
  const inView = [
    [w, south],
    [e, n],
  ].every(([lon, lat]) => {
    const p = map.project([lon as number, lat as number]);
    return p.x > left + 40 && p.x < width - right - 40 && p.y > top + 40 && p.y < height - bottom - 40;
  });
  if (inView && Math.abs(map.getZoom() - camera.zoom) < 1.2) return;
  if (prefersReducedMotion()) map.jumpTo(camera);
  else map.flyTo({ ...camera, duration: STEP_MS, essential: false });
}

function follow(map: MapLibreMap, store: AppStore): () => void {
  let renderer: SceneRenderer | null = null;
  let dots: ExodusDots | null = null;
  // From a lost WebGL context until MapLibre has rebuilt the style after the restore (asynchronously,
  // from a snapshot without custom layers or feature state), the style must not be touched: there is
  // none, then one still loading, and adding to it would throw mid-playback.
  let styleReady = true;
  const renderScene = (s: Store) => {
    if (!s.engine || !styleReady) return;
    renderer ??= new SceneRenderer(map, s.engine);
    dots ??= new ExodusDots(map, s.engine, DOTS_BEFORE);
    const scene = sceneOf(s);
    if (scene) renderer.render(scene);
    dots.update(s.dotScale, s.t, s.layers.includes('exodus'));
  };
  const onContextLost = () => {
    styleReady = false;
  };
  // The rebuilt style is the one at the loss: draw the store as it is now, from scratch (the dots
  // layer is added again), then the reader's layers, order and names on top.
  const onStyleLoad = () => {
    if (styleReady) return;
    styleReady = true;
    const now = store.getState();
    renderer?.reset();
    renderScene(now);
    applyLayers(map, now.layers);
    applyOrder(map, now.layers);
    applyNames(map, now);
  };
  map.on('webglcontextlost', onContextLost);
  map.on('style.load', onStyleLoad);
  renderScene(store.getState());
  const unsubscribe = store.subscribe((s, prev) => {
    if (styleReady && s.layers !== prev.layers) {
      applyLayers(map, s.layers);
      if (s.layers.join() !== prev.layers.filter((l) => s.layers.includes(l)).join()) applyOrder(map, s.layers);
    }
    if (styleReady && s.names !== prev.names) applyNames(map, s);
    if (s.mode !== prev.mode) {
      applyInteractivity(map, s);
      applyPadding(map, s);
    }
    if (s.view !== prev.view) jumpToStoreView(map, s);
    if (s.focus !== prev.focus) applyFocus(map, s);
    if (s.engine !== prev.engine) {
      renderer = null;
      dots = null;
    }
    if (s.t !== prev.t || s.engine !== prev.engine || s.dotScale !== prev.dotScale || s.layers !== prev.layers)
      renderScene(s);
  });
  return () => {
    unsubscribe();
    map.off('webglcontextlost', onContextLost);
    map.off('style.load', onStyleLoad);
  };
}

/** Layers a click can select from, most specific first. */
const CLICKABLE = [
  'place-dot',
  'place-label',
  'place-state',
  'movers',
  'route-open',
  'route-restricted',
  'route-blocked',
  'route-oneway',
  'attack-line',
  'area-encirclement-fill',
  'area-held-fill',
  'area-zone-line',
  'area-context-fill',
];

function selectionOf(features: MapGeoJSONFeature[]): string | null {
  const f = features[0];
  if (!f) return null;
  const id = String(f.properties?.id ?? '');
  if (f.layer.id.startsWith('place')) return `place:${id}`;
  if (f.layer.id === 'movers') return `event:${String(f.properties?.event ?? '')}`;
  if (f.layer.id.startsWith('route')) return `route:${id}`;
  return `area:${id}`;
}

export function MapView({ onError }: { onError: (message: string) => void }) {
  const container = useRef<HTMLDivElement>(null);
  const onErrorRef = useRef(onError);
  onErrorRef.current = onError;

  useEffect(() => {
    if (!container.current) return;
    const s = appStore.getState();
    const base = new URL(import.meta.env.BASE_URL, document.baseURI).href;
    const map = new MapLibreMap({
      container: container.current,
      style: buildStyle(base, s.names, arrivedBasemap(base)),
      center: [s.view.lon, s.view.lat],
      zoom: s.view.zoom,
      minZoom: MIN_ZOOM,
      maxZoom: MAX_ZOOM,
      maxBounds: [
        [MAX_BOUNDS[0], MAX_BOUNDS[1]],
        [MAX_BOUNDS[2], MAX_BOUNDS[3]],
      ],
      attributionControl: false,
      pitchWithRotate: false,
      dragRotate: false,
      fadeDuration: 0,
    });
    window.__map = map;
    registerCaptureMap(map);
    map.addControl(new ScaleControl({ unit: 'metric', maxWidth: 120 }), 'bottom-left');
    map.addControl(new NavigationControl({ showCompass: false }), 'top-right');

    let unfollow = () => {};
    // Drawn in code: the style has no sprite, and nothing is fetched for it. A resolver (rather than
    // a `styleimagemissing` listener) runs before MapLibre counts the image as missing and warns.
    map.setMissingStyleImageResolver((id) => {
      if (id === ARROW_HEAD_IMAGE && !map.hasImage(ARROW_HEAD_IMAGE)) map.addImage(ARROW_HEAD_IMAGE, arrowHeadImage());
    });
    map.on('load', () => {
      performance.mark('map-load');
      // State set before the style loaded was not applied yet: read the store as it is now.
      const now = appStore.getState();
      applyLayers(map, now.layers);
      applyOrder(map, now.layers);
      applyNames(map, now);
      applyInteractivity(map, now);
      applyPadding(map, now);
      // The map was created at the store's view. An embed stays where MapLibre put it: in a frame
      // larger than the region at that zoom it had to zoom in, and the still picture did the same.
      if (now.mode !== 'embed') jumpToStoreView(map, now);
      const unfollowScene = follow(map, appStore);
      const unfollowImports = followImports(map, appStore, importsStore);
      const unfollowMeasure = followMeasure(map, appStore);
      unfollow = () => {
        unfollowScene();
        unfollowImports();
        unfollowMeasure();
      };
    });
    // Counts the times the map has settled (all data loaded, nothing animating): tests and the
    // benchmark wait on it instead of sleeping.
    let idles = 0;
    map.on('idle', () => {
      if (idles === 0) performance.mark('map-idle');
      // The scene is drawn synchronously when the engine arrives, so an idle after that has it all.
      if (appStore.getState().engine) appStore.getState().setMapReady();
      idles++;
      document.documentElement.dataset.mapIdle = String(idles);
    });
    // Moves the app makes already follow the store. An embed is fixed by its link: where the frame
    // is too large for the region at the asked zoom, the camera zooms in, but the link stays as given.
    map.on('moveend', () => {
      if (followingStore || appStore.getState().mode === 'embed') return;
      const c = map.getCenter();
      appStore.getState().setView({ lon: c.lng, lat: c.lat, zoom: map.getZoom() });
    });
    // Clicking a feature selects it for the inspector.
    map.on('click', (e) => {
      if (appStore.getState().measuring) return;
      const found = map.queryRenderedFeatures(e.point, { layers: CLICKABLE.filter((id) => map.getLayer(id)) });
      const selection = selectionOf(found);
      if (selection) appStore.getState().select(selection);
    });
    for (const layer of CLICKABLE) {
      map.on('mouseenter', layer, () => {
        map.getCanvas().style.cursor = 'pointer';
      });
      map.on('mouseleave', layer, () => {
        map.getCanvas().style.cursor = '';
      });
    }
    map.on('error', (e) => {
      const message = e.error?.message ?? 'unknown error';
      onErrorRef.current(`The map could not draw part of its data: ${message}`);
    });
    return () => {
      unfollow();
      map.remove();
      if (window.__map === map) window.__map = undefined;
      registerCaptureMap(null);
    };
  }, []);

  return <div ref={container} className="map" data-testid="map" />;
}
