import type { Map as MapLibreMap } from 'maplibre-gl';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { parseCsvText } from '../import/csv-text';
import { listedOf } from '../import/listed';
import type { ListedLayer } from '../import/types';
import { syncImportedLayers } from './imported-layer';

vi.mock('maplibre-gl', () => ({ importScriptInWorkers: async () => undefined }));

/** The part of a MapLibre map the imported layers use, recording what was done to it. */
class FakeMap {
  sources = new Map<string, { data: unknown }>();
  layers = new Map<string, { filter: unknown; visibility: string }>();
  listeners = new Map<string, Set<() => void>>();
  /** What map.loaded() says: the sources (and the style) loaded. */
  settled = false;
  loaded() {
    return this.settled;
  }
  addSource(id: string, spec: { data: unknown }) {
    this.sources.set(id, { data: spec.data });
  }
  getSource(id: string) {
    const source = this.sources.get(id);
    return source && { setData: (data: unknown) => (source.data = data) };
  }
  removeSource(id: string) {
    this.sources.delete(id);
  }
  addLayer(spec: { id: string; filter: unknown; layout: { visibility: string } }) {
    this.layers.set(spec.id, { filter: spec.filter, visibility: spec.layout.visibility });
  }
  getLayer(id: string) {
    return this.layers.get(id);
  }
  removeLayer(id: string) {
    this.layers.delete(id);
  }
  setFilter(id: string, filter: unknown) {
    const layer = this.layers.get(id);
    if (layer) layer.filter = filter;
  }
  setLayoutProperty(id: string, name: string, value: string) {
    const layer = this.layers.get(id);
    if (layer && name === 'visibility') layer.visibility = value;
  }
  on(type: string, fn: () => void) {
    if (!this.listeners.has(type)) this.listeners.set(type, new Set());
    this.listeners.get(type)?.add(fn);
  }
  off(type: string, fn: () => void) {
    this.listeners.get(type)?.delete(fn);
  }
  emit(type: string) {
    for (const fn of [...(this.listeners.get(type) ?? [])]) fn();
  }
}

function layer(id: string, csv: string): ListedLayer {
  const r = parseCsvText(csv, `${id}.csv`, () => {}, { id, importedAt: 7 });
  if (!r.ok) throw new Error('fixture did not parse');
  return listedOf(r.layer);
}

const AUGUST = layer('aug', 'lat,lon,date\n39.8,46.7,2023-08-01\n39.7,46.6,2023-08-02\n');
const DECEMBER = Date.parse('2022-12-12T00:00:00+04:00');
const LATE_AUGUST = Date.parse('2023-08-29T00:00:00+04:00');

/** Lets the protocol's loading (a dynamic import) finish. */
const settle = () => new Promise((r) => setTimeout(r, 0));

function setup() {
  const fake = new FakeMap();
  return { fake, map: fake as unknown as MapLibreMap };
}

beforeAll(() => {
  vi.stubGlobal('location', { href: 'http://localhost/' });
});
afterAll(() => {
  vi.unstubAllGlobals();
});

describe('syncImportedLayers', () => {
  it('adds the style layers hidden while no feature is visible, and shows them when some are', async () => {
    const { fake, map } = setup();
    syncImportedLayers(map, [AUGUST], DECEMBER, 'cumulative');
    await settle();
    expect(fake.layers.get('user-aug-circle')?.visibility).toBe('none');
    syncImportedLayers(map, [AUGUST], LATE_AUGUST, 'cumulative');
    expect(fake.layers.get('user-aug-circle')?.visibility).toBe('visible');
    syncImportedLayers(map, [AUGUST], LATE_AUGUST, 'instant');
    expect(fake.layers.get('user-aug-circle')?.visibility).toBe('none');
  });

  it('shows a layer with undated features whatever the time', async () => {
    const { fake, map } = setup();
    syncImportedLayers(
      map,
      [layer('mixed', 'lat,lon,date\n39.8,46.7,2023-08-01\n39.7,46.6,\n')],
      DECEMBER,
      'cumulative',
    );
    await settle();
    expect(fake.layers.get('user-mixed-circle')?.visibility).toBe('visible');
  });

  it("has the map's worker read the data after the frame that drew the new layers with their empty source", async () => {
    const { fake, map } = setup();
    syncImportedLayers(map, [AUGUST], DECEMBER, 'cumulative');
    await settle();
    expect(fake.sources.get('user-aug')?.data).toEqual({ type: 'FeatureCollection', features: [] });
    fake.emit('render');
    expect(fake.sources.get('user-aug')?.data).toEqual({ type: 'FeatureCollection', features: [] });
    fake.settled = true;
    fake.emit('render');
    expect(fake.sources.get('user-aug')?.data).toBe('imported://aug?v=7');
  });

  it('sends no data for a layer removed meanwhile', async () => {
    const { fake, map } = setup();
    syncImportedLayers(map, [AUGUST], DECEMBER, 'cumulative');
    await settle();
    syncImportedLayers(map, [], DECEMBER, 'cumulative');
    fake.settled = true;
    fake.emit('render');
    expect(fake.sources.size).toBe(0);
    expect(fake.layers.size).toBe(0);
  });
});
