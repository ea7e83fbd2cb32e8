/**
 * The generated files the app starts from (the dataset bundle and the basemap), fetched once per
 * URL and shared: the timeline engine, the live map and the embed's still picture all read the same
 * objects, and main.tsx starts both fetches before React renders, so neither waits for a chunk to
 * load first (docs/architecture.md#data-flow). A failed fetch is forgotten, so a later call tries again.
 */
import type { FeatureCollection } from 'geojson';
import type { RawDataset } from '../timeline/dataset';

const pending = new Map<string, Promise<unknown>>();
const settled = new Map<string, unknown>();

function fetchGenerated<T>(baseUrl: string, file: string): Promise<T> {
  const url = new URL(`generated/${file}`, baseUrl).href;
  let promise = pending.get(url) as Promise<T> | undefined;
  if (!promise) {
    promise = fetch(url, { credentials: 'same-origin' }).then(async (response) => {
      if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
      const value = (await response.json()) as T;
      settled.set(url, value);
      return value;
    });
    promise.catch(() => pending.delete(url));
    pending.set(url, promise);
  }
  return promise;
}

export const fetchDataset = (baseUrl: string): Promise<RawDataset> => fetchGenerated(baseUrl, 'dataset.json');

/** The basemap (public/generated/basemap.geojson): its object once fetched, which the map's style can hold. */
export const fetchBasemap = (baseUrl: string): Promise<unknown> => fetchGenerated(baseUrl, 'basemap.geojson');

/** The basemap if it has arrived, else undefined (the map's style then names its URL instead). */
export function arrivedBasemap(baseUrl: string): FeatureCollection | undefined {
  const value = settled.get(new URL('generated/basemap.geojson', baseUrl).href) as FeatureCollection | undefined;
  return value?.type === 'FeatureCollection' && Array.isArray(value.features) ? value : undefined;
}
