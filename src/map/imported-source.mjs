/**
 * Runs inside MapLibre's workers, loaded there with `importScriptInWorkers`
 * (docs/reliability.md#big-files): a GeoJSON source whose data is `imported://<layer id>` is read
 * by the map's worker straight from the IndexedDB where the import worker kept what the map draws
 * of the layer (src/import/drawn.ts: geometry and time, points in one Float64Array). A layer's
 * features then never cross the page's main thread on their way to the map: handed over as
 * objects, MapLibre copied each on the main thread (~25 µs), and a big layer had to go in chunks
 * that each re-indexed and repainted.
 *
 * Plain JavaScript without imports: MapLibre's worker imports it as it is (a `.mjs` URL), so Vite
 * copies it verbatim. The database and store names are those of src/import/storage.ts (a unit test
 * holds them equal).
 */

export const PROTOCOL = 'imported';
export const DB_NAME = 'karabakh-map-imports';
export const STORE = 'drawn';

/**
 * The map's features of a stored layer: geometry and time only, since the map draws one colour and
 * nothing else from a file needs to reach it. Points first, then the other shapes.
 * @param {{ points: Float64Array, shapes: { geometry: object, t: number | null }[] } | undefined} drawn
 */
export function mapFeatures(drawn) {
  const features = [];
  const points = drawn?.points ?? [];
  for (let i = 0; i + 2 < points.length; i += 3) {
    const t = points[i + 2] ?? Number.NaN;
    features.push({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [points[i], points[i + 1]] },
      properties: Number.isNaN(t) ? {} : { t },
    });
  }
  for (const { geometry, t } of drawn?.shapes ?? []) {
    features.push({ type: 'Feature', geometry, properties: t === null ? {} : { t } });
  }
  return { type: 'FeatureCollection', features };
}

/**
 * The collection as MapLibre's worker reads it, but with nothing to send back. The worker returns
 * the data a URL gave it to the page, where GeoJSONSource keeps a copy we never read; unpacking
 * 100,000 features there took one ~300 ms task and a garbage collection. Copies for the page (MapLibre's
 * own and structured cloning alike) take an object's own members only, and these are inherited: the
 * worker reads `type` and `features`, and the page gets `{}`.
 * @template T
 * @param {T} collection
 * @returns {T}
 */
export const unsent = (collection) => Object.create(collection);

/** @param {IDBRequest} r */
const request = (r) =>
  new Promise((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });

/**
 * What the map draws of the stored layer with this id, or undefined when there is none (removed
 * meanwhile). Never creates the database: the import worker does, before any layer can be drawn.
 * @param {IDBFactory} idb
 * @param {string} id
 */
export async function readLayer(idb, id) {
  const open = idb.open(DB_NAME);
  // No database yet: opening would create an empty one the app could then not upgrade. Abort.
  open.onupgradeneeded = () => open.transaction?.abort();
  const db = await request(open).catch(() => null);
  if (!db) return undefined;
  try {
    if (!db.objectStoreNames.contains(STORE)) return undefined;
    return await request(db.transaction(STORE, 'readonly').objectStore(STORE).get(id));
  } finally {
    db.close();
  }
}

/** The layer id in an `imported://<id>?v=<version>` URL. @param {string} url */
export const layerIdOf = (url) => decodeURIComponent(url.slice(PROTOCOL.length + 3).split(/[?#]/)[0] ?? '');

const scope =
  /** @type {{ addProtocol?: (name: string, load: (p: { url: string }) => Promise<{ data: unknown }>) => void }} */ (
    globalThis
  );
scope.addProtocol?.(PROTOCOL, async ({ url }) => ({
  data: unsent(mapFeatures(await readLayer(indexedDB, layerIdOf(url)))),
}));
