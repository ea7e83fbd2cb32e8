/**
 * Imported layers kept in the browser's IndexedDB until the reader removes them: one record per
 * layer (the parsed layer, never the raw file) in `layers`, and what the map draws of it in `drawn`
 * (import/drawn.ts), which MapLibre's workers read. Each write is one transaction, so a layer is
 * stored whole or not at all, and nothing else is touched. Big layers take a while to
 * (de)serialise, so the import worker does the reading and writing; the page only removes.
 */
import { drawnOf } from './drawn';
import type { ImportedLayer } from './types';

export const DB_NAME = 'karabakh-map-imports';
export const STORE = 'layers';
export const DRAWN = 'drawn';
/** 2 added `drawn`. */
const VERSION = 2;

function request<T>(r: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error ?? new Error('IndexedDB request failed'));
  });
}

let opening: Promise<IDBDatabase> | null = null;

function open(): Promise<IDBDatabase> {
  opening ??= new Promise<IDBDatabase>((resolve, reject) => {
    const r = indexedDB.open(DB_NAME, VERSION);
    r.onupgradeneeded = () => {
      const db = r.result;
      const layers = db.objectStoreNames.contains(STORE)
        ? r.transaction?.objectStore(STORE)
        : db.createObjectStore(STORE, { keyPath: 'id' });
      if (db.objectStoreNames.contains(DRAWN)) return;
      const drawn = db.createObjectStore(DRAWN, { keyPath: 'id' });
      // Layers kept before `drawn` existed: the map reads them from there too.
      const cursor = layers?.openCursor();
      if (cursor) {
        cursor.onsuccess = () => {
          if (!cursor.result) return;
          drawn.put(drawnOf(cursor.result.value as ImportedLayer));
          cursor.result.continue();
        };
      }
    };
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error ?? new Error('IndexedDB could not be opened'));
    // Another tab holding an older version: say so rather than wait for ever.
    r.onblocked = () => reject(new Error('the saved data is in use by another tab of this map'));
  }).catch((e: unknown) => {
    opening = null;
    throw e;
  });
  return opening;
}

/** Resolves when the transaction has committed, so a write is only reported once it is durable. */
function committed(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error ?? new Error('IndexedDB transaction failed'));
    tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'));
  });
}

/** Every saved layer, oldest import first. */
export async function listLayers(): Promise<ImportedLayer[]> {
  const db = await open();
  const layers = await request(db.transaction(STORE, 'readonly').objectStore(STORE).getAll());
  return (layers as ImportedLayer[]).sort((a, b) => a.importedAt - b.importedAt);
}

/** One saved layer, or undefined when there is none with that id. */
export async function getLayer(id: string): Promise<ImportedLayer | undefined> {
  const db = await open();
  return (await request(db.transaction(STORE, 'readonly').objectStore(STORE).get(id))) as ImportedLayer | undefined;
}

/** Saves one layer whole, and what the map draws of it, in one transaction. */
export async function saveLayer(layer: ImportedLayer): Promise<void> {
  const db = await open();
  const tx = db.transaction([STORE, DRAWN], 'readwrite');
  tx.objectStore(STORE).put(layer);
  tx.objectStore(DRAWN).put(drawnOf(layer));
  await committed(tx);
}

/** Removes one layer, leaving the others as they are. */
export async function removeLayer(id: string): Promise<void> {
  const db = await open();
  const tx = db.transaction([STORE, DRAWN], 'readwrite');
  tx.objectStore(STORE).delete(id);
  tx.objectStore(DRAWN).delete(id);
  await committed(tx);
}
