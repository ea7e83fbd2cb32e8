import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { parseCsvText } from './csv-text';
import { drawnOf } from './drawn';
import { DB_NAME, DRAWN, listLayers, STORE } from './storage';

const request = <T>(r: IDBRequest<T>) =>
  new Promise<T>((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });

describe('storage kept by an earlier version', () => {
  it('gives layers kept before `drawn` existed their record there, so the map draws them', async () => {
    const r = parseCsvText('lat,lon,date\n39.8,46.7,2023-09-21\n', 'old.csv', () => {}, { id: 'old', importedAt: 1 });
    if (!r.ok) throw new Error('fixture did not parse');
    // The database as version 1 left it: the layers store only.
    const open = indexedDB.open(DB_NAME, 1);
    open.onupgradeneeded = () => open.result.createObjectStore(STORE, { keyPath: 'id' }).put(r.layer);
    (await request(open)).close();

    expect(await listLayers()).toEqual([r.layer]);
    const db = await request(indexedDB.open(DB_NAME));
    expect(await request(db.transaction(DRAWN, 'readonly').objectStore(DRAWN).get('old'))).toEqual(drawnOf(r.layer));
    db.close();
  });
});
