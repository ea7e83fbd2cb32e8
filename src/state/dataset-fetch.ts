/**
 * The generated dataset bundle, fetched once per base URL and shared: the timeline engine and the
 * embed's still picture both read it. A failed fetch is forgotten, so a later call tries again.
 */
import type { RawDataset } from '../timeline/dataset';

const pending = new Map<string, Promise<RawDataset>>();

export function fetchDataset(baseUrl: string): Promise<RawDataset> {
  const url = new URL('generated/dataset.json', baseUrl).href;
  let promise = pending.get(url);
  if (!promise) {
    promise = fetch(url, { credentials: 'same-origin' }).then(async (response) => {
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      return (await response.json()) as RawDataset;
    });
    promise.catch(() => pending.delete(url));
    pending.set(url, promise);
  }
  return promise;
}
