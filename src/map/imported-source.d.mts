/** Types of imported-source.mjs, which MapLibre's workers load as it is. */
import type { FeatureCollection, Geometry } from 'geojson';
import type { DrawnLayer } from '../import/drawn';

export const PROTOCOL: 'imported';
export const DB_NAME: string;
export const STORE: string;
export function mapFeatures(drawn: Pick<DrawnLayer, 'points' | 'shapes'> | undefined): FeatureCollection<Geometry>;
export function unsent<T>(collection: T): T;
export function readLayer(idb: IDBFactory, id: string): Promise<DrawnLayer | undefined>;
export function layerIdOf(url: string): string;
