/**
 * Web Mercator, written once for every part of the app that places a point: the engine (movers along
 * a road), the exodus dots' shader (map/exodus-dots-layer.ts) and the embed's still camera. They must
 * agree to the last digit, or a dot leaves its road and the still picture drifts from the live map
 * (docs/architecture.md#one-look-two-renderers). World coordinates run 0..1 from the antimeridian
 * west to east and from the north edge down, as MapLibre's `MercatorCoordinate`. Pure, no DOM.
 */

/** MapLibre's MAX_VALID_LATITUDE: the edge of the Mercator square. */
export const MERCATOR_MAX_LAT = 85.051129;

/** MapLibre's tile size: the world is 512·2^zoom CSS pixels wide. */
export const TILE_SIZE = 512;

export const worldSize = (zoom: number): number => TILE_SIZE * 2 ** zoom;

export const mercatorX = (lon: number): number => (180 + lon) / 360;

/** Latitudes beyond the square's edge are held to it, as MapLibre does. */
export const mercatorY = (lat: number): number => {
  const l = Math.max(-MERCATOR_MAX_LAT, Math.min(MERCATOR_MAX_LAT, lat));
  return (180 - (180 / Math.PI) * Math.log(Math.tan(Math.PI / 4 + (l * Math.PI) / 360))) / 360;
};

export const lonOf = (x: number): number => x * 360 - 180;

export const latOf = (y: number): number =>
  (360 / Math.PI) * Math.atan(Math.exp(((180 - y * 360) * Math.PI) / 180)) - 90;

/** World coordinates (0..1) of a longitude/latitude. */
export const toMercator = (lon: number, lat: number): [number, number] => [mercatorX(lon), mercatorY(lat)];
