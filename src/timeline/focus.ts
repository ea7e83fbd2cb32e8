/**
 * Where a presentation looks for an event: the box around its places on the map and the ends of its
 * journeys. Null when it names no place on the map, so the camera stays where it is.
 */
import type { Dataset, TimelineEvent } from './dataset';

export type BBox = [west: number, south: number, east: number, north: number];

export function eventFocus(data: Pick<Dataset, 'places'>, event: TimelineEvent): BBox | null {
  const { places } = data;
  const ids = new Set(event.places);
  for (const m of event.movements) {
    ids.add(m.from);
    ids.add(m.to);
  }
  let box: BBox | null = null;
  for (const id of ids) {
    const place = places.get(id);
    if (!place) continue;
    const [lon, lat] = place.coordinates as [number, number];
    box = box
      ? [Math.min(box[0], lon), Math.min(box[1], lat), Math.max(box[2], lon), Math.max(box[3], lat)]
      : [lon, lat, lon, lat];
  }
  return box;
}
