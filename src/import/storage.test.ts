import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { parseCsvText } from './csv-text';
import { listLayers, removeLayer, saveLayer } from './storage';
import type { ImportedLayer } from './types';

function layer(id: string, importedAt: number): ImportedLayer {
  const r = parseCsvText('lat,lon,note\n39.8,46.7,<img src=x>\n', `${id}.csv`, () => {}, { id, importedAt });
  if (!r.ok) throw new Error('fixture did not parse');
  return r.layer;
}

describe('storage', () => {
  it('keeps layers whole, lists them oldest first and removes one without touching the others', async () => {
    await saveLayer(layer('b', 2));
    await saveLayer(layer('a', 1));
    expect((await listLayers()).map((l) => l.id)).toEqual(['a', 'b']);
    expect((await listLayers())[0]).toEqual(layer('a', 1));
    await removeLayer('a');
    expect((await listLayers()).map((l) => l.id)).toEqual(['b']);
  });

  it('leaves what is stored as it was when a write fails', async () => {
    const before = await listLayers();
    // A value IndexedDB cannot clone: the write fails whole.
    const bad = { ...layer('bad', 3), stats: { dated: 0, outsideRegion: 0, rewoundRings: 0, fn: () => 0 } };
    await expect(saveLayer(bad)).rejects.toThrow();
    expect(await listLayers()).toEqual(before);
  });
});
