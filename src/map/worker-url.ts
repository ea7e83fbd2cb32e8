/**
 * maplibre-gl 6 derives its worker's URL from `import.meta.url`, which Vite rewrites in both dev
 * and build, and the map never loads (docs/platform.md#maplibre-worker). Pointing it at the worker
 * file Vite emits fixes that and keeps the worker same-origin (CSP `worker-src 'self'`).
 */
import { setWorkerUrl } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';

setWorkerUrl(workerUrl);
