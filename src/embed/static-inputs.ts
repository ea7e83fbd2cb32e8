/**
 * What the static picture needs, fetched from the app's own origin: the basemap and the dataset
 * bundle (which also holds the area and attack-arrow geometry the picture draws, so nothing else is
 * fetched). The same dataset.json builds the timeline engine; pass `raw` to `engineOf`
 * (timeline/engine-of.ts) rather than fetching it twice. One request of each per base URL, shared by every caller.
 *
 * Sizes as built: basemap.geojson 92.5 KB (19.8 KB gzipped), dataset.json 117 KB (26.6 KB gzipped).
 */
import type { FeatureCollection } from 'geojson';
import { fetchBasemap, fetchDataset } from '../state/dataset-fetch';
import type { RawDataset } from '../timeline/dataset';

export interface StaticInputs {
  basemap: FeatureCollection;
  raw: RawDataset;
  /** Area and arrow geometry for the picture (the bundle's own). */
  areas: FeatureCollection;
  arrows: FeatureCollection;
}

const pending = new Map<string, Promise<StaticInputs>>();

function isCollection(v: unknown): v is FeatureCollection {
  return (
    typeof v === 'object' &&
    v !== null &&
    (v as { type?: unknown }).type === 'FeatureCollection' &&
    Array.isArray((v as { features?: unknown }).features)
  );
}

/**
 * Fetches the basemap and the dataset bundle under `baseUrl` (the app's absolute base URL, as in
 * main.tsx: `new URL(import.meta.env.BASE_URL, document.baseURI).href`). A failed load is not
 * cached, so a later call tries again.
 */
export function loadStaticInputs(baseUrl: string): Promise<StaticInputs> {
  const base = new URL(baseUrl, typeof document === 'undefined' ? undefined : document.baseURI);
  if (typeof location !== 'undefined' && base.origin !== location.origin)
    return Promise.reject(new Error('static map: inputs are only loaded from the page’s own origin'));
  const key = base.href;
  let promise = pending.get(key);
  if (!promise) {
    promise = Promise.all([fetchBasemap(base.href), fetchDataset(base.href)]).then(([basemap, raw]) => {
      if (!isCollection(basemap) || !isCollection(raw?.areas) || !isCollection(raw?.arrows))
        throw new Error('static map: the basemap or the dataset bundle is not what the build writes');
      return { basemap, raw, areas: raw.areas, arrows: raw.arrows };
    });
    promise.catch(() => pending.delete(key));
    pending.set(key, promise);
  }
  return promise;
}
