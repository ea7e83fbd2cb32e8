import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { parseCsvText } from '../import/csv-text';
import { drawnOf } from '../import/drawn';
import { parseGeoJsonText } from '../import/parse';
import { removeLayer, DB_NAME as STORAGE_DB, DRAWN as STORAGE_STORE, saveLayer } from '../import/storage';
import type { ImportedLayer } from '../import/types';
import { DB_NAME, layerIdOf, mapFeatures, PROTOCOL, readLayer, STORE, unsent } from './imported-source.mjs';

function layer(id: string): ImportedLayer {
  const text = JSON.stringify({
    type: 'FeatureCollection',
    features: [
      {
        type: 'Feature',
        properties: { date: '2023-09-19', note: '<img src=x>' },
        geometry: { type: 'Point', coordinates: [46.7, 39.8] },
      },
      {
        type: 'Feature',
        properties: { date: null },
        geometry: {
          type: 'LineString',
          coordinates: [
            [46.7, 39.8],
            [46.3, 39.5],
          ],
        },
      },
    ],
  });
  const r = parseGeoJsonText(text, `${id}.geojson`, { id, importedAt: 1 });
  if (!r.ok) throw new Error('fixture did not parse');
  return r.layer;
}

describe('the imported:// source read by MapLibre’s workers', () => {
  it('reads the database and store the import worker writes', () => {
    expect([DB_NAME, STORE]).toEqual([STORAGE_DB, STORAGE_STORE]);
  });

  it('gives the map geometry and time only, nothing else from the file', () => {
    const l = layer('a');
    expect(mapFeatures(drawnOf(l))).toEqual({
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          geometry: { type: 'Point', coordinates: [46.7, 39.8] },
          properties: { t: l.features[0]?.t },
        },
        { type: 'Feature', geometry: l.features[1]?.geometry, properties: {} },
      ],
    });
    expect(mapFeatures(undefined)).toEqual({ type: 'FeatureCollection', features: [] });
    const undated = parseCsvText('lat,lon,date\n39.7,46.6,\n', 'u.csv', () => {}, { id: 'u', importedAt: 1 });
    if (!undated.ok) throw new Error('fixture did not parse');
    expect(mapFeatures(drawnOf(undated.layer)).features).toEqual([
      { type: 'Feature', geometry: { type: 'Point', coordinates: [46.6, 39.7] }, properties: {} },
    ]);
  });

  it('hands MapLibre a collection it can read but that copies as {} for the page', () => {
    const collection = mapFeatures(drawnOf(layer('a')));
    const data = unsent(collection);
    expect(data.type).toBe('FeatureCollection');
    expect(data.features).toHaveLength(2);
    // What MapLibre's worker does with a result it sends back: own members only, then a structured clone.
    expect(Object.keys(data)).toEqual([]);
    expect(Object.hasOwn(data, 'features')).toBe(false);
    expect(structuredClone(data)).toEqual({});
    expect(JSON.stringify(data)).toBe('{}');
  });

  it('reads a kept layer by id; a removed one, or no database at all, is no layer', async () => {
    expect(await readLayer(indexedDB, 'a')).toBeUndefined();
    // Reading did not create the database the import worker must create with its store.
    expect((await indexedDB.databases()).map((d) => d.name)).not.toContain(DB_NAME);
    const kept = layer('a');
    await saveLayer(kept);
    expect(await readLayer(indexedDB, 'a')).toEqual(drawnOf(kept));
    expect(await readLayer(indexedDB, 'gone')).toBeUndefined();
    await saveLayer(layer('c'));
    await removeLayer('c');
    expect(await readLayer(indexedDB, 'c')).toBeUndefined();
  });

  it('takes the layer id from its URL, whatever characters it has', () => {
    expect(layerIdOf(`${PROTOCOL}://${encodeURIComponent('a/b?c#d é')}?v=12`)).toBe('a/b?c#d é');
    expect(layerIdOf(`${PROTOCOL}://0b6f5e9c-1d2e-4f3a-8b7c-6d5e4f3a2b1c`)).toBe(
      '0b6f5e9c-1d2e-4f3a-8b7c-6d5e4f3a2b1c',
    );
  });

  it('registers the protocol where MapLibre offers addProtocol, and serves kept layers through it', async () => {
    const kept = parseCsvText('lat,lon,date\n39.8,46.7,2023-09-19\n', 'b.csv', () => {}, { id: 'b', importedAt: 2 });
    if (!kept.ok) throw new Error('fixture did not parse');
    await saveLayer(kept.layer);
    const loaders = new Map<string, (p: { url: string }) => Promise<{ data: { type: string; features: unknown[] } }>>();
    vi.stubGlobal('addProtocol', (name: string, load: never) => loaders.set(name, load));
    vi.resetModules();
    await import('./imported-source.mjs');
    vi.unstubAllGlobals();
    const load = loaders.get(PROTOCOL);
    if (!load) throw new Error('the protocol was not registered');
    const { data } = await load({ url: `${PROTOCOL}://b?v=2` });
    expect(data.features).toEqual(mapFeatures(drawnOf(kept.layer)).features);
    expect((await load({ url: `${PROTOCOL}://missing?v=1` })).data.features).toEqual([]);
  });
});
