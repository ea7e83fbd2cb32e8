/**
 * The dataset's geometry as the map's sources hold it: flat properties (names become name_en,
 * name_hy, …) and, for an encirclement or an attack arrow, the status of the claims it depicts with
 * the label saying it; attack arrows get a head at their end. scripts/build-data.ts writes the live
 * map's files with these functions and the embed's still picture calls them on the same records, so
 * the two draw the same features (docs/architecture.md#one-look-two-renderers). Pure, no DOM.
 */
import type { Feature, FeatureCollection, Position } from 'geojson';
import type { Dataset } from '../timeline/dataset';
import { markProperties } from './scene-features';

type Props = Record<string, unknown>;

/** Names as the style's text fields read them: `{ en: 'Goris' }` → `{ name_en: 'Goris' }`. */
export function flatNames(names: Record<string, string | undefined>): Props {
  return Object.fromEntries(Object.entries(names).map(([l, n]) => [`name_${l}`, n]));
}

/** The properties the style needs of each feature, named ones flattened, marked ones with their status. */
export function flatFeatures(
  fc: FeatureCollection,
  keep: readonly string[],
  data: Pick<Dataset, 'areaInfo'>,
): FeatureCollection {
  return {
    type: 'FeatureCollection',
    features: fc.features.map((f) => {
      const p = (f.properties ?? {}) as Props;
      const flat: Props = {};
      for (const k of keep) if (p[k] !== undefined) flat[k] = p[k];
      Object.assign(flat, flatNames((p.names ?? {}) as Record<string, string>));
      if (p.depicts !== undefined) Object.assign(flat, markProperties(data.areaInfo.get(String(p.id))));
      return { type: 'Feature', id: String(p.id), properties: flat, geometry: f.geometry };
    }),
  };
}

/** turf's bearing: the initial great-circle course from a to b, degrees clockwise from north. */
export function bearing(a: Position, b: Position): number {
  const rad = Math.PI / 180;
  const [lon1 = 0, lat1 = 0] = a.map((v) => v * rad);
  const [lon2 = 0, lat2 = 0] = b.map((v) => v * rad);
  const y = Math.sin(lon2 - lon1) * Math.cos(lat2);
  const x = Math.cos(lat1) * Math.sin(lat2) - Math.sin(lat1) * Math.cos(lat2) * Math.cos(lon2 - lon1);
  return Math.atan2(y, x) / rad;
}

/** Arrowheads for the attack arrows: a point at each line's end, turned along its last segment. */
export function arrowHeads(fc: FeatureCollection, data: Pick<Dataset, 'areaInfo'>): Feature[] {
  return fc.features.flatMap((f): Feature[] => {
    if (f.geometry?.type !== 'LineString') return [];
    const c = f.geometry.coordinates;
    const a = c[c.length - 2];
    const b = c[c.length - 1];
    if (!a || !b) return [];
    return [
      {
        type: 'Feature',
        id: `${String(f.properties?.id)}-head`,
        properties: {
          id: f.properties?.id,
          head: true,
          icon: 'arrow-head',
          bearing: bearing(a, b),
          ...markProperties(data.areaInfo.get(String(f.properties?.id))),
        },
        geometry: { type: 'Point', coordinates: b },
      },
    ];
  });
}

/** The arrows' source: their lines, then their heads. */
export function arrowFeatures(fc: FeatureCollection, data: Pick<Dataset, 'areaInfo'>): FeatureCollection {
  return {
    type: 'FeatureCollection',
    features: [...flatFeatures(fc, ['id', 'kind'], data).features, ...arrowHeads(fc, data)],
  };
}

/** What scripts/build-data.ts keeps of each file's properties. */
export const KEPT_PROPERTIES = {
  places: ['id', 'kind', 'rank'],
  routes: ['id', 'kind'],
  areas: ['id', 'kind', 'approximate'],
} as const;
