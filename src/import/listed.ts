/**
 * A kept layer as the page holds it: made by the import worker, so a big layer's features never
 * reach the page's main thread (docs/reliability.md#big-files). Unpacking 100,000 features there
 * took a task of up to ~120 ms per 2,000-feature chunk (a garbage collection each time), and keeping
 * them made every later collection on the page slower.
 */
import type { ImportedLayer, ListedLayer } from './types';

export function listedOf(layer: ImportedLayer): ListedLayer {
  const { features, ...rest } = layer;
  let dated = 0;
  for (const f of features) if (f.t !== null) dated++;
  const times = new Float64Array(dated);
  const types = new Set<string>();
  let i = 0;
  for (const f of features) {
    if (f.t !== null) times[i++] = f.t;
    types.add(f.coordinates ? 'Point' : (f.geometry?.type ?? ''));
  }
  types.delete('');
  return { ...rest, featureCount: features.length, times: times.sort(), geometryTypes: [...types] };
}
