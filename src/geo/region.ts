/** The geographic frame of the app, shared by the basemap script, the map and the URL parser. */

/** [west, south, east, north] in degrees. */
export type BBox = [number, number, number, number];

/** Area the basemap is clipped to: the South Caucasus with room around it. */
export const CLIP_BBOX: BBox = [42, 37.5, 52, 43.5];

/** The camera may not leave this box (equal to the clip box so no clip edge ever shows). */
export const MAX_BOUNDS: BBox = CLIP_BBOX;

export const MIN_ZOOM = 5.5;
export const MAX_ZOOM = 13;

/** Coordinates are rounded to this many decimals (about 11 m), in files and in the URL. */
export const COORD_DECIMALS = 4;

export function inBBox(position: readonly number[], [w, s, e, n]: BBox): boolean {
  const [lon = Number.NaN, lat = Number.NaN] = position;
  return lon >= w && lon <= e && lat >= s && lat <= n;
}
