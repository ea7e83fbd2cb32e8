import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadDataset, readCatalogue } from '../../scripts/data-files';
import { bundleDataset } from '../../scripts/dataset-bundle';
import { engineOf } from '../timeline/engine-of';
import { loadStaticInputs } from './static-inputs';

const fc = { type: 'FeatureCollection', features: [] };
const bundle = bundleDataset(loadDataset().files, readCatalogue());

function serve(files: Record<string, unknown>) {
  const fetch = vi.fn(async (url: string) => {
    const path = new URL(url).pathname;
    return path in files
      ? new Response(JSON.stringify(files[path]), { status: 200 })
      : new Response('not found', { status: 404 });
  });
  vi.stubGlobal('fetch', fetch);
  return fetch;
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('loadStaticInputs', () => {
  it('fetches the basemap and the dataset bundle under the base URL, once', async () => {
    const fetch = serve({ '/app/generated/basemap.geojson': fc, '/app/generated/dataset.json': bundle });
    const a = await loadStaticInputs('http://example.test/app/');
    const b = await loadStaticInputs('http://example.test/app/');
    expect(a).toBe(b);
    expect(fetch.mock.calls.map((c) => c[0])).toEqual([
      'http://example.test/app/generated/basemap.geojson',
      'http://example.test/app/generated/dataset.json',
    ]);
    expect(a.areas).toBe(a.raw.areas);
    expect(a.areas.features.length).toBeGreaterThan(0);
    const engine = engineOf(a.raw);
    expect(engineOf(a.raw)).toBe(engine);
    expect(engine.data.places.get('stepanakert')).toBeDefined();
  });

  it('fails on a missing file or a bundle of the wrong shape, and tries again next time', async () => {
    serve({ '/x/generated/basemap.geojson': fc });
    await expect(loadStaticInputs('http://example.test/x/')).rejects.toThrow(/HTTP 404/);
    serve({ '/x/generated/basemap.geojson': fc, '/x/generated/dataset.json': bundle });
    await expect(loadStaticInputs('http://example.test/x/')).resolves.toMatchObject({ basemap: fc });
    serve({ '/y/generated/basemap.geojson': fc, '/y/generated/dataset.json': { ...bundle, areas: 'no' } });
    await expect(loadStaticInputs('http://example.test/y/')).rejects.toThrow(/not what the build writes/);
  });
});
