/**
 * What the map draws of a layer, kept in IndexedDB beside the layer for MapLibre's workers to read
 * (src/map/imported-source.mjs, docs/reliability.md#big-files): geometry and time only. Read whole
 * there, a 100,000-row layer was a structured clone of every row's properties, and the garbage
 * collections it caused in MapLibre's worker took the CPU the map's frames needed (traced on 2
 * cores: frames waiting over 300 ms on the GPU process).
 */
import type { Geometry, Point } from 'geojson';
import type { ImportedLayer } from './types';

export interface DrawnLayer {
  id: string;
  /** Each point's longitude, latitude and time (epoch ms, NaN when undated), one after the other. */
  points: Float64Array;
  /** The other shapes whole, with their times. */
  shapes: { geometry: Exclude<Geometry, Point>; t: number | null }[];
}

export function drawnOf(layer: ImportedLayer): DrawnLayer {
  let count = 0;
  for (const f of layer.features) if (f.coordinates) count++;
  const points = new Float64Array(count * 3);
  const shapes: DrawnLayer['shapes'] = [];
  let i = 0;
  for (const f of layer.features) {
    if (f.coordinates) {
      points[i++] = f.coordinates[0];
      points[i++] = f.coordinates[1];
      points[i++] = f.t ?? Number.NaN;
    } else if (f.geometry) shapes.push({ geometry: f.geometry, t: f.t });
  }
  return { id: layer.id, points, shapes };
}
