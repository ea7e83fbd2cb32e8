/**
 * The page's side of the import worker: import a file (type and size are checked before anything
 * is read), read the kept layers back, or export one. A layer arrives as what the page lists and
 * filters by, not its features, so the page keeps drawing frames however big the layer is.
 */
import { checkFile } from './parse';
import { fileError } from './problems';
import type { ImportError, ImportResult, ListedLayer } from './types';
import type { WorkerReply, WorkerRequest } from './worker-protocol';

/** The part of a Worker this module uses, so tests can stand in for it. */
export interface ImportWorker {
  postMessage(message: WorkerRequest): void;
  terminate(): void;
  onmessage: ((e: MessageEvent<WorkerReply>) => void) | null;
  onerror: ((e: ErrorEvent) => void) | null;
}

/** A same-origin module worker, which the CSP's `worker-src 'self'` allows. */
function moduleWorker(): ImportWorker {
  return new Worker(new URL('./worker.ts', import.meta.url), { type: 'module', name: 'import' });
}

/**
 * The page's import worker is kept once started (the panel's first request, reading the kept
 * layers, starts it): with its script loaded, importing and exporting still work after the browser
 * goes offline. Requests take turns on it. A cancelled or failed request ends it (it may be stuck
 * mid-parse) and the next request starts a new one.
 */
let kept: ImportWorker | null = null;
let turn: Promise<unknown> = Promise.resolve();

/** Everything one request produced. */
interface Outcome {
  layers: ListedLayer[];
  errors: ImportError[];
  errorCount: number;
  exported: { text: string; name: string } | null;
}

interface Options {
  onProgress?: (fraction: number) => void;
  /** Aborting the signal ends the worker, and the request fails with the error given. */
  cancel?: { signal: AbortSignal; error: ImportError };
  /** What to say when the worker itself fails. */
  failed: (message: string) => ImportError;
  createWorker: () => ImportWorker;
}

function run(request: WorkerRequest, o: Options): Promise<Outcome> {
  // The app's own worker is kept between requests; a worker given by a test is its own.
  if (o.createWorker !== moduleWorker) return runOn(o.createWorker(), false, request, o);
  const next = turn.then(() => {
    kept ??= moduleWorker();
    return runOn(kept, true, request, o);
  });
  turn = next.catch(() => undefined);
  return next;
}

function runOn(worker: ImportWorker, keep: boolean, request: WorkerRequest, o: Options): Promise<Outcome> {
  const out: Outcome = { layers: [], errors: [], errorCount: 0, exported: null };
  const fail = (e: ImportError) => ({ ...out, layers: [], errors: [e], errorCount: 1 });
  const signal = o.cancel?.signal;
  if (o.cancel?.signal.aborted) return Promise.resolve(fail(o.cancel.error));
  return new Promise((resolve) => {
    // Once a layer is kept, cancelling would leave it stored but unlisted: the import completes.
    let committed = false;
    const finish = (result: Outcome, healthy = true) => {
      worker.onmessage = null;
      worker.onerror = null;
      // A healthy kept worker stays up for the next request.
      if (!keep || !healthy) {
        worker.terminate();
        if (kept === worker) kept = null;
      }
      signal?.removeEventListener('abort', cancel);
      resolve(result);
    };
    const cancel = () => {
      if (!committed && o.cancel) finish(fail(o.cancel.error), false);
    };
    signal?.addEventListener('abort', cancel);
    worker.onmessage = ({ data }) => {
      switch (data.type) {
        case 'progress':
          o.onProgress?.(data.fraction);
          break;
        case 'layer':
          committed = true;
          out.layers.push(data.layer);
          break;
        case 'exported':
          finish({ ...out, exported: { text: data.text, name: data.name } });
          break;
        case 'failed':
          finish({ ...out, layers: [], errors: data.errors, errorCount: data.errorCount });
          break;
        case 'done':
          finish(out);
          break;
      }
    };
    worker.onerror = (e) => {
      // Keeps the error out of the console: the reader gets it as a message instead.
      e.preventDefault();
      finish(fail(o.failed(e.message || 'the import worker failed')), false);
    };
    worker.postMessage(request);
  });
}

/**
 * Reads, parses and keeps `file` off the main thread. `onProgress` gets 0–1 as parsing advances;
 * aborting `signal` ends the worker at once and resolves with a 'cancelled' failure. Never rejects.
 */
export async function importFile(
  file: File,
  onProgress: (fraction: number) => void,
  signal?: AbortSignal,
  createWorker: () => ImportWorker = moduleWorker,
): Promise<ImportResult> {
  const early = checkFile(file.name, file.size);
  if (early) return early;
  const out = await run(
    { type: 'import', file },
    {
      onProgress,
      cancel: signal && { signal, error: fileError(file.name, 'cancelled', 'the import was cancelled') },
      createWorker,
      failed: (m) => fileError(file.name, 'unreadable', `the file could not be read (${m})`),
    },
  );
  const [layer] = out.layers;
  return layer && out.errorCount === 0
    ? { ok: true, layer }
    : { ok: false, errors: out.errors, errorCount: out.errorCount };
}

const savedDataError = (message: string): ImportError => ({ code: 'storage', message });

/** The layers kept in this browser, read by the worker. Rejects with the reason when they cannot be read. */
export async function loadLayers(createWorker: () => ImportWorker = moduleWorker): Promise<ListedLayer[]> {
  const out = await run({ type: 'load' }, { createWorker, failed: savedDataError });
  if (out.errorCount > 0) throw new Error(out.errors[0]?.message ?? 'the worker gave no reason');
  return out.layers;
}

/** A kept layer as GeoJSON or CSV text with a file name for it, written by the worker. */
export async function exportLayer(
  id: string,
  format: 'geojson' | 'csv',
  createWorker: () => ImportWorker = moduleWorker,
): Promise<{ text: string; name: string }> {
  const out = await run({ type: 'export', id, format }, { createWorker, failed: savedDataError });
  if (!out.exported) throw new Error(out.errors[0]?.message ?? 'the worker gave no reason');
  return out.exported;
}
