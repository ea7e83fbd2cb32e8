import { describe, expect, it } from 'vitest';
import { parseCsvText } from './csv-text';
import { createImportsStore, type ImportsDeps } from './imports-store';
import { listedOf } from './listed';
import { fileFailure } from './problems';
import type { ImportResult, ListedLayer, ParseResult } from './types';

/** What the worker lists for a parse result. */
const listed = (r: ParseResult): ImportResult => (r.ok ? { ok: true, layer: listedOf(r.layer) } : r);

function layer(id: string): ListedLayer {
  const r = listed(parseCsvText('lat,lon\n39.8,46.7\n', `${id}.csv`, () => {}, { id, importedAt: 0 }));
  if (!r.ok) throw new Error('fixture did not parse');
  return r.layer;
}

/** An in-memory stand-in for the worker and IndexedDB: each file name maps to a prepared result. */
function setup(results: Record<string, ImportResult>, saved: ListedLayer[] = []) {
  const db = new Map(saved.map((l) => [l.id, l]));
  let broken = false;
  const deps: ImportsDeps = {
    importFile: async (f, onProgress) => {
      onProgress(0.5);
      const r = results[f.name] ?? fileFailure(f.name, 'unreadable', 'no fixture');
      if (r.ok) db.set(r.layer.id, r.layer);
      return r;
    },
    loadLayers: async () => {
      if (broken) throw new Error('IndexedDB is unavailable');
      return [...db.values()];
    },
    exportLayer: async (id) => {
      if (broken || !db.has(id)) throw new Error('the layer is no longer kept in this browser');
      return { text: 'lat,lon', name: `${id}.csv` };
    },
    removeLayer: async (id) => {
      db.delete(id);
    },
  };
  return { store: createImportsStore(deps), db, breakStorage: () => (broken = true) };
}

const file = (name: string) => new File([''], name);
const ok = (l: ListedLayer): ImportResult => ({ ok: true, layer: l });

describe('imports store', () => {
  it('loads kept layers, then lists a good import', async () => {
    const { store } = setup({ 'b.csv': ok(layer('b')) }, [layer('a')]);
    await store.getState().load();
    await store.getState().importFiles([file('b.csv')]);
    const s = store.getState();
    expect(s.layers.map((l) => l.id)).toEqual(['a', 'b']);
    expect(s).toMatchObject({ status: 'idle', progress: 0, errorCount: 0, message: 'Imported b.csv: 1 feature.' });
  });

  it('spells out bidi controls of a file name in the status line (evil\u202egpj.csv would read evilcsv.jpg)', async () => {
    const name = 'evil\u202egpj.csv';
    const r = listed(parseCsvText('lat,lon\n39.8,46.7\n', name, () => {}, { id: 'e', importedAt: 0 }));
    const { store } = setup({ [name]: r });
    await store.getState().importFiles([file(name)]);
    expect(store.getState().message).toBe('Imported evil\\u202egpj.csv: 1 feature.');
  });

  it('a failed import adds its messages and changes no layer', async () => {
    const bad = fileFailure('bad.csv', 'csv-syntax', 'broken');
    const { store, db } = setup({ 'bad.csv': bad }, [layer('a')]);
    await store.getState().load();
    await store.getState().importFiles([file('bad.csv')]);
    expect(store.getState().layers.map((l) => l.id)).toEqual(['a']);
    expect([...db.keys()]).toEqual(['a']);
    expect(store.getState().errors).toEqual(bad.ok ? [] : bad.errors);
  });

  it('imports several files in turn, keeping the good ones and reporting the bad', async () => {
    const { store } = setup({ 'b.csv': ok(layer('b')), 'c.csv': ok(layer('c')) });
    await store.getState().importFiles([file('b.csv'), file('x.csv'), file('c.csv')]);
    expect(store.getState().layers.map((l) => l.id)).toEqual(['b', 'c']);
    expect(store.getState().errors.map((e) => e.message)).toEqual(['x.csv: no fixture']);
  });

  it('keeps a layer imported while the kept ones were loading, and removes one', async () => {
    const { store } = setup({ 'b.csv': ok(layer('b')) }, [layer('a')]);
    await Promise.all([store.getState().load(), store.getState().importFiles([file('b.csv')])]);
    expect(new Set(store.getState().layers.map((l) => l.id))).toEqual(new Set(['a', 'b']));
    await store.getState().remove('a');
    expect(store.getState().layers.map((l) => l.id)).toEqual(['b']);
  });

  it('reports storage that cannot be read or exported from as "storage" errors', async () => {
    const { store, breakStorage } = setup({}, [layer('a')]);
    breakStorage();
    await store.getState().load();
    expect(await store.getState().exportLayer('a', 'csv')).toBeNull();
    expect(store.getState().errors).toEqual([
      { code: 'storage', message: 'Your kept layers could not be read: IndexedDB is unavailable' },
      { code: 'storage', message: 'The layer could not be exported: the layer is no longer kept in this browser' },
    ]);
    expect(store.getState().layers).toEqual([]);
  });
});
