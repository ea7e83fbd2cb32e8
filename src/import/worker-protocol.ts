/**
 * Messages between the page and the import worker, typed on both sides. Layers cross in chunks of
 * features: one message of 100,000 features would take the page ~0.5 s to unpack in one task.
 */
import type { ImportError, ImportedFeature, ImportedLayer } from './types';

/** What the page asks of the worker: parse and keep a file, read the kept layers, or export one. */
export type WorkerRequest =
  | { type: 'import'; file: File }
  | { type: 'load' }
  | { type: 'export'; id: string; format: 'geojson' | 'csv' };

/**
 * What the worker answers, ending with 'done', 'failed' or 'exported'. A layer comes as 'layer'
 * (its features empty) followed by its features in 'features' chunks.
 */
export type WorkerReply =
  | { type: 'progress'; fraction: number }
  | { type: 'layer'; layer: ImportedLayer }
  | { type: 'features'; features: ImportedFeature[] }
  | { type: 'done' }
  | { type: 'failed'; errors: ImportError[]; errorCount: number }
  | { type: 'exported'; text: string; name: string };

/** Features per 'features' message: each unpacks in a few milliseconds. */
export const FEATURES_PER_MESSAGE = 2_000;
