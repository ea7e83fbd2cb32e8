/**
 * Messages between the page and the import worker, typed on both sides. A layer crosses as what
 * the page lists and filters by (its times in a transferred buffer), never its features: those stay
 * in IndexedDB, where the map's workers read them (docs/reliability.md#big-files).
 */
import type { ImportError, ListedLayer } from './types';

/** What the page asks of the worker: parse and keep a file, read the kept layers, or export one. */
export type WorkerRequest =
  | { type: 'import'; file: File }
  | { type: 'load' }
  | { type: 'export'; id: string; format: 'geojson' | 'csv' };

/** What the worker answers, ending with 'done', 'failed' or 'exported'; a kept layer comes as 'layer'. */
export type WorkerReply =
  | { type: 'progress'; fraction: number }
  | { type: 'layer'; layer: ListedLayer }
  | { type: 'done' }
  | { type: 'failed'; errors: ImportError[]; errorCount: number }
  | { type: 'exported'; text: string; name: string };
