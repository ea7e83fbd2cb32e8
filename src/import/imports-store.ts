/**
 * The state of the reader's own data: the imported layers, the import under way and what went
 * wrong with the last one. Separate from the app's store, which mirrors the URL: imports live in
 * the browser's storage, not in links. Failures only ever add messages; they never touch layers.
 */
import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';
import { exportLayer, importFile, loadLayers } from './import-file';
import { visible } from './sanitize';
import { removeLayer } from './storage';
import type { ImportError, ListedLayer } from './types';

/** Which dated features show: those up to the slider's time, or only those on its day. */
export type TimeMode = 'cumulative' | 'instant';

export interface ImportsState {
  layers: ListedLayer[];
  status: 'idle' | 'loading' | 'importing';
  /** The file being imported, while status is 'importing'. */
  current: string | null;
  /** 0–1 through the current file. */
  progress: number;
  /** Problems with the last import (at most MAX_REPORTED_ERRORS per file), and how many there were in all. */
  errors: ImportError[];
  errorCount: number;
  /** What the last import did, for a status line. */
  message: string | null;
  timeMode: TimeMode;
}

export interface ImportsActions {
  /** Reads the saved layers; layers imported meanwhile are kept. */
  load(): Promise<void>;
  /** Imports files one after another; each is kept in storage before it is listed. */
  importFiles(files: readonly File[]): Promise<void>;
  /** A layer as GeoJSON or CSV text with a file name, or null after reporting why it could not be written. */
  exportLayer(id: string, format: 'geojson' | 'csv'): Promise<{ text: string; name: string } | null>;
  /** Stops the import under way; nothing of it is kept. */
  cancel(): void;
  remove(id: string): Promise<void>;
  setTimeMode(mode: TimeMode): void;
  dismissErrors(): void;
}

export type ImportsStore = ImportsState & ImportsActions;

/** What the store reaches outside itself: the worker and IndexedDB, replaced in unit tests. */
export interface ImportsDeps {
  importFile: typeof importFile;
  loadLayers: () => Promise<ListedLayer[]>;
  exportLayer: (id: string, format: 'geojson' | 'csv') => Promise<{ text: string; name: string }>;
  removeLayer: typeof removeLayer;
}

const reason = (e: unknown) => (e instanceof Error ? e.message : String(e));

const summary = (l: ListedLayer) =>
  `Imported ${visible(l.fileName, 120)}: ${l.featureCount.toLocaleString('en-US')} feature${l.featureCount === 1 ? '' : 's'}.`;

/** A store wired to the given dependencies. */
export function createImportsStore(deps: ImportsDeps) {
  let abort: AbortController | null = null;
  return createStore<ImportsStore>()((set, get) => {
    const fail = (errors: ImportError[], count = errors.length) =>
      set((s) => ({ errors: [...s.errors, ...errors], errorCount: s.errorCount + count }));

    async function importOne(file: File): Promise<void> {
      abort = new AbortController();
      set({ current: file.name, progress: 0 });
      const result = await deps.importFile(file, (progress) => set({ progress }), abort.signal);
      if (result.ok) set((s) => ({ layers: [...s.layers, result.layer], message: summary(result.layer) }));
      else fail(result.errors, result.errorCount);
    }

    return {
      layers: [],
      status: 'idle',
      current: null,
      progress: 0,
      errors: [],
      errorCount: 0,
      message: null,
      timeMode: 'cumulative',
      async load() {
        set({ status: 'loading' });
        try {
          const saved = await deps.loadLayers();
          set((s) => {
            const ids = new Set(saved.map((l) => l.id));
            return { layers: [...saved, ...s.layers.filter((l) => !ids.has(l.id))] };
          });
        } catch (e) {
          fail([{ code: 'storage', message: `Your kept layers could not be read: ${reason(e)}` }]);
        } finally {
          set((s) => (s.status === 'loading' ? { status: 'idle' } : s));
        }
      },
      async importFiles(files) {
        if (get().status === 'importing' || files.length === 0) return;
        set({ status: 'importing', errors: [], errorCount: 0, message: null });
        try {
          for (const file of files) {
            if (abort?.signal.aborted) break;
            await importOne(file);
          }
        } finally {
          abort = null;
          set({ status: 'idle', current: null, progress: 0 });
        }
      },
      async exportLayer(id, format) {
        try {
          return await deps.exportLayer(id, format);
        } catch (e) {
          fail([{ code: 'storage', message: `The layer could not be exported: ${reason(e)}` }]);
          return null;
        }
      },
      cancel() {
        abort?.abort();
      },
      async remove(id) {
        try {
          await deps.removeLayer(id);
          set((s) => ({ layers: s.layers.filter((l) => l.id !== id) }));
        } catch (e) {
          fail([{ code: 'storage', message: `The layer could not be removed: ${reason(e)}` }]);
        }
      },
      setTimeMode: (timeMode) => set({ timeMode }),
      dismissErrors: () => set({ errors: [], errorCount: 0 }),
    };
  });
}

/** The app's imports, kept in IndexedDB and parsed in a worker. */
export const importsStore = createImportsStore({
  importFile,
  loadLayers: () => loadLayers(),
  exportLayer: (id, format) => exportLayer(id, format),
  removeLayer,
});

/** React hook: a selector over the imports store. */
export function useImports<T>(selector: (s: ImportsStore) => T): T {
  return useStore(importsStore, selector);
}
