/**
 * The camera of the static picture, computed exactly as MapLibre 6 computes the live map's, so that
 * the live map lands on the picture: Web Mercator with 512-pixel tiles (the world is 512·2^zoom CSS
 * pixels wide), the view's centre at the centre of the box, no rotation or pitch, and MapLibre's
 * constraint to `maxBounds` (MercatorTransform.defaultConstrain): where the box is larger than the
 * bounds at the asked zoom the camera zooms in, and otherwise the centre is moved until the box lies
 * inside the bounds. Pure, no DOM.
 */
import { latOf, lonOf, mercatorX, mercatorY, worldSize } from '../geo/mercator';
import { type BBox, MAX_BOUNDS, MAX_ZOOM, MIN_ZOOM } from '../geo/region';

export interface StaticView {
  lon: number;
  lat: number;
  zoom: number;
}

/** A settled camera: centre, zoom and the box it fills, in CSS pixels. */
export interface StaticCamera extends StaticView {
  width: number;
  height: number;
}

/** Where a longitude/latitude falls in the box, in CSS pixels from its top left corner. */
export function project(camera: StaticCamera, lon: number, lat: number): [number, number] {
  const size = worldSize(camera.zoom);
  return [
    (mercatorX(lon) - mercatorX(camera.lon)) * size + camera.width / 2,
    (mercatorY(lat) - mercatorY(camera.lat)) * size + camera.height / 2,
  ];
}

/** The inverse of `project`. */
export function unproject(camera: StaticCamera, x: number, y: number): [number, number] {
  const size = worldSize(camera.zoom);
  return [
    lonOf(mercatorX(camera.lon) + (x - camera.width / 2) / size),
    latOf(mercatorY(camera.lat) + (y - camera.height / 2) / size),
  ];
}

/** LngLat.wrap: longitude into [-180, 180). */
function wrapLon(lon: number): number {
  const w = ((((lon + 180) % 360) + 360) % 360) - 180;
  return w === -180 ? 180 : w;
}

const wrap = (n: number, min: number, max: number): number => {
  const d = max - min;
  const w = ((((n - min) % d) + d) % d) + min;
  return w === min ? max : w;
};

interface Limits {
  bounds: BBox;
  minZoom: number;
  maxZoom: number;
}

const LIMITS: Limits = { bounds: MAX_BOUNDS, minZoom: MIN_ZOOM, maxZoom: MAX_ZOOM };

/**
 * MercatorTransform.defaultConstrain of MapLibre 6.17 for a map with `maxBounds`, world copies
 * rendered (the default), no padding.
 */
function constrain(center: StaticView, width: number, height: number, limits: Limits): StaticView {
  const zoom = Math.min(limits.maxZoom, Math.max(limits.minZoom, center.zoom));
  const [west, south, east, north] = limits.bounds;
  const size = worldSize(zoom);
  const minY = mercatorY(north) * size;
  const maxY = mercatorY(south) * size;
  const scaleY = maxY - minY < height ? height / (maxY - minY) : 0;
  const minX = wrap(mercatorX(west) * size, 0, size);
  let maxX = wrap(mercatorX(east) * size, 0, size);
  if (maxX < minX) maxX += size;
  const scaleX = maxX - minX < width ? width / (maxX - minX) : 0;
  const x = mercatorX(center.lon) * size;
  const y = mercatorY(center.lat) * size;
  const scale = Math.max(scaleX, scaleY);
  if (scale) {
    // Zoom in until nothing beyond the bounds shows.
    const px = scaleX ? (maxX + minX) / 2 : x;
    const py = scaleY ? (maxY + minY) / 2 : y;
    return { lon: wrapLon(lonOf(px / size)), lat: latOf(py / size), zoom: zoom + Math.log2(scale) };
  }
  let modY: number | undefined;
  let modX: number | undefined;
  if (y - height / 2 < minY) modY = minY + height / 2;
  if (y + height / 2 > maxY) modY = maxY - height / 2;
  const centreX = (minX + maxX) / 2;
  const wrappedX = wrap(x, centreX - size / 2, centreX + size / 2);
  if (wrappedX - width / 2 < minX) modX = minX + width / 2;
  if (wrappedX + width / 2 > maxX) modX = maxX - width / 2;
  if (modX === undefined && modY === undefined) return { lon: center.lon, lat: center.lat, zoom };
  return { lon: wrapLon(lonOf((modX ?? x) / size)), lat: latOf((modY ?? y) / size), zoom };
}

/**
 * MapLibre's transform, reduced to what moves the centre and the zoom: the setters and the
 * re-entrant constraint (TransformHelper.setZoom / setCenter / constrainInternal), whose order
 * decides where a zoomed-in camera ends up.
 */
class Transform {
  center = { lon: 0, lat: 0 };
  zoom = 0;
  width = 0;
  height = 0;
  private constraining = false;

  constructor(private readonly limits: Limits) {}

  private apply(lon: number, lat: number, zoom: number): StaticView {
    return constrain({ lon, lat, zoom }, this.width, this.height, this.limits);
  }

  setZoom(zoom: number): void {
    const z = this.apply(this.center.lon, this.center.lat, zoom).zoom;
    if (this.zoom === z) return;
    this.zoom = z;
    this.constrainInternal();
  }

  setCenter(lon: number, lat: number): void {
    if (lon === this.center.lon && lat === this.center.lat) return;
    this.center = { lon, lat };
    this.constrainInternal();
  }

  resize(width: number, height: number): void {
    this.width = width;
    this.height = height;
    this.constrainInternal();
  }

  /** Camera.jumpTo through MercatorCameraHelper.handleJumpToCenterZoom: the zoom first, then the centre. */
  jumpTo(view: StaticView): void {
    if (this.zoom !== view.zoom) this.setZoom(view.zoom);
    this.setCenter(view.lon, view.lat);
  }

  private constrainInternal(): void {
    if (!this.width || !this.height || this.constraining) return;
    this.constraining = true;
    const c = this.apply(this.center.lon, this.center.lat, this.zoom);
    this.setCenter(c.lon, c.lat);
    this.setZoom(c.zoom);
    this.constraining = false;
  }
}

/**
 * The camera the live map settles on for a view in a box of `width` × `height` CSS pixels: the map
 * is created at the view (MapView: `new Map({center, zoom, maxBounds, minZoom, maxZoom})`), which
 * jumps there before it has a size, and is constrained when it is first sized (Map#resize). An
 * `easeTo` the view afterwards ends at the same camera; a `jumpTo` the view does not always (where
 * the box is larger than the bounds it pans after zooming in), so an embed should not jump again.
 */
export function settledCamera(view: StaticView, width: number, height: number, limits: Limits = LIMITS): StaticCamera {
  const w = Math.max(0, Math.floor(width)) || 400;
  const h = Math.max(0, Math.floor(height)) || 300;
  const tr = new Transform(limits);
  tr.setZoom(limits.minZoom);
  tr.jumpTo(view);
  tr.resize(w, h);
  return { lon: tr.center.lon, lat: tr.center.lat, zoom: tr.zoom, width: w, height: h };
}

/**
 * Where `jumpTo(view)` leaves a map that already sits at `settledCamera(view)`: MapView's
 * jumpToStoreView does this on load when the store's view differs from the map's camera and no
 * animation is wanted (reduced motion, or the dataset not loaded yet). Differs from
 * `settledCamera` only where the box is larger than the bounds at the view's zoom.
 */
export function jumpedCamera(view: StaticView, width: number, height: number, limits: Limits = LIMITS): StaticCamera {
  const settled = settledCamera(view, width, height, limits);
  const tr = new Transform(limits);
  tr.center = { lon: settled.lon, lat: settled.lat };
  tr.zoom = settled.zoom;
  tr.width = settled.width;
  tr.height = settled.height;
  tr.jumpTo(view);
  return { ...settled, lon: tr.center.lon, lat: tr.center.lat, zoom: tr.zoom };
}
