/**
 * An imported layer written back out, as GeoJSON or as CSV. CSV cells that a spreadsheet would run
 * as a formula are neutralised by papaparse's `escapeFormulae` (docs/reliability.md#safe-exports).
 */
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import Papa from 'papaparse';
import { isInvisible } from './sanitize';
import type { ImportedFeature, ImportedLayer, Props, PropValue } from './types';

function geometryOf(f: ImportedFeature): Geometry | null {
  return f.coordinates ? { type: 'Point', coordinates: f.coordinates } : f.geometry;
}

/** Own values only: a column named like an Object method must not read the method. */
const ownValue = (props: Props, key: string): PropValue => (Object.hasOwn(props, key) ? (props[key] ?? null) : null);

/**
 * A CSV cell that is exactly a number, such as `-46.75` read from a CSV, goes out as a number:
 * a spreadsheet reads it as one, never as a formula, so escaping it would only corrupt it.
 */
function cell(value: PropValue): PropValue {
  if (typeof value !== 'string' || value === '') return value;
  const n = Number(value);
  return Number.isFinite(n) && String(n) === value ? n : value;
}

/** The layer as an RFC 7946 FeatureCollection, with each feature's properties in the file's column order. */
export function toGeoJson(layer: ImportedLayer): FeatureCollection<Geometry | null> {
  return {
    type: 'FeatureCollection',
    features: layer.features.map(
      (f): Feature<Geometry | null> => ({
        type: 'Feature',
        geometry: geometryOf(f),
        properties: Object.fromEntries(
          layer.columns.filter((c) => Object.hasOwn(f.props, c)).map((c) => [c, f.props[c]]),
        ),
      }),
    ),
  };
}

/**
 * The layer as CSV: the file's columns, then `longitude` and `latitude` for points and `geometry`
 * (GeoJSON text) for other shapes, unless the file already had columns of those names.
 */
export function toCsv(layer: ImportedLayer): string {
  const has = (names: string[]) => layer.columns.some((c) => names.includes(c.toLowerCase()));
  const points = layer.features.some((f) => f.coordinates);
  const shapes = layer.features.some((f) => f.geometry);
  const extra = [
    ...(points && !has(['longitude', 'lon', 'lng', 'long']) ? ['longitude'] : []),
    ...(points && !has(['latitude', 'lat']) ? ['latitude'] : []),
    ...(shapes && !has(['geometry']) ? ['geometry'] : []),
  ];
  const fields = [...layer.columns, ...extra];
  const data = layer.features.map((f) => [
    ...layer.columns.map((c) => cell(ownValue(f.props, c))),
    ...extra.map((c) => {
      if (c === 'geometry') return f.geometry ? JSON.stringify(f.geometry) : '';
      return f.coordinates ? f.coordinates[c === 'longitude' ? 0 : 1] : '';
    }),
  ]);
  return Papa.unparse({ fields, data }, { escapeFormulae: true, newline: '\r\n' });
}

/** A name safe to offer as a download's file name: no path separators or control characters. */
export function downloadName(layer: ImportedLayer, extension: 'geojson' | 'csv'): string {
  let base = '';
  for (const c of layer.name.slice(0, 100)) base += isInvisible(c.charCodeAt(0)) || '/\\:*?"<>|'.includes(c) ? '_' : c;
  return `${base || 'layer'}.${extension}`;
}
