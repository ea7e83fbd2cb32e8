/**
 * The import worker: everything heavy about the reader's data happens here, off the main thread
 * (docs/reliability.md#big-files): reading and parsing a file, keeping it in IndexedDB, reading the
 * kept layers back and writing exports. The page keeps one between requests and ends it to cancel.
 */
import { downloadName, toCsv, toGeoJson } from './export';
import { listedOf } from './listed';
import { fileError, fileFailure } from './problems';
import { parseFile } from './read';
import { getLayer, listLayers, saveLayer } from './storage';
import type { ImportedLayer, ParseResult } from './types';
import type { WorkerReply, WorkerRequest } from './worker-protocol';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const post = (reply: WorkerReply, transfer: Transferable[] = []) => scope.postMessage(reply, transfer);
const reason = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** Reading takes this share of the progress bar; parsing the rest. */
const READ_SHARE = 0.1;

function sendLayer(layer: ImportedLayer): void {
  const listed = listedOf(layer);
  post({ type: 'layer', layer: listed }, [listed.times.buffer]);
}

function sendFailure(result: ParseResult): void {
  if (!result.ok) post({ type: 'failed', errors: result.errors, errorCount: result.errorCount });
}

async function importFile(file: File): Promise<void> {
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await file.arrayBuffer());
  } catch (e) {
    sendFailure(fileFailure(file.name, 'unreadable', `the browser could not read it (${reason(e)})`));
    return;
  }
  post({ type: 'progress', fraction: READ_SHARE });
  let result: ParseResult;
  try {
    result = parseFile(bytes, file.name, (f) =>
      post({ type: 'progress', fraction: READ_SHARE + (1 - READ_SHARE) * f }),
    );
  } catch (e) {
    // Never expected (parseFile handles every input it was tested with), but not a storage problem.
    sendFailure(fileFailure(file.name, 'unreadable', `the file could not be read (${reason(e)})`));
    return;
  }
  if (!result.ok) {
    sendFailure(result);
    return;
  }
  try {
    await saveLayer(result.layer);
  } catch (e) {
    const why = `it was read, but the browser would not keep it (${reason(e)}); nothing was changed`;
    sendFailure(fileFailure(file.name, 'storage', why));
    return;
  }
  sendLayer(result.layer);
  post({ type: 'done' });
}

async function loadLayers(): Promise<void> {
  for (const layer of await listLayers()) sendLayer(layer);
  post({ type: 'done' });
}

async function exportLayer(id: string, format: 'geojson' | 'csv'): Promise<void> {
  const layer = await getLayer(id);
  if (!layer) throw new Error('the layer is no longer kept in this browser');
  const text = format === 'csv' ? toCsv(layer) : JSON.stringify(toGeoJson(layer));
  post({ type: 'exported', text, name: downloadName(layer, format) });
}

scope.onmessage = async (e: MessageEvent<WorkerRequest>) => {
  const request = e.data;
  try {
    if (request.type === 'import') await importFile(request.file);
    else if (request.type === 'load') await loadLayers();
    else await exportLayer(request.id, request.format);
  } catch (err) {
    // Storage failures (private mode, a blocked upgrade, a layer removed meanwhile) end here.
    const error =
      request.type === 'import'
        ? fileError(request.file.name, 'storage', reason(err))
        : { code: 'storage' as const, message: reason(err) };
    post({ type: 'failed', errors: [error], errorCount: 1 });
  }
};
