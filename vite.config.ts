import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

/**
 * The policy the app is built to run under (docs/reliability.md#content-security-policy): everything from its own
 * origin. MapLibre sets element styles through the CSSOM, which style-src does not restrict, so
 * style-src needs no 'unsafe-inline'. Fonts for labels are fetched same-origin and handed to
 * FontFace as bytes. e2e/reliability.spec.ts checks the served header against this, with 0 violations.
 *
 * No `frame-ancestors` (and no X-Frame-Options), on purpose. The embed (`?mode=embed`) must stay
 * embeddable by any site, and it is the same document as the full app: a header that differs by
 * mode would have to parse the query exactly as the app does (a parser differential becomes a
 * bypass), and static hosts cannot vary headers by query. `frame-ancestors *` would add nothing
 * but refuse pages opened from disk (a teacher's `file:` page; `*` matches network schemes only,
 * and Chromium does block it). Framing the full app gains a hostile page little: there are no
 * accounts and no server-side actions, and a framed app's IndexedDB is partitioned by the top-level
 * site, so the reader's own imports are out of its reach. (`frame-ancestors` works only as an HTTP
 * header, never in `<meta>`: docs/reliability.md#content-security-policy.) e2e/reliability.spec.ts frames the embed from a
 * `file:` page; e2e/embed-api.spec.ts from another origin.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "worker-src 'self'",
  "connect-src 'self'",
  "img-src 'self' data: blob:",
  "style-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
].join('; ');

/**
 * `BENCH_BARE=1 vite build`, after the app's build, adds the bare MapLibre page bench/startup.ts
 * measures the app against, under dist/bench/bare/ (nothing links to it). A build of its own, so it
 * shares no chunk with the app and the app's chunks are the same with or without it.
 */
const bare = process.env.BENCH_BARE === '1';

// Two cores on CI machines: keep test workers to two.
export default defineConfig({
  plugins: [react()],
  build: {
    target: 'es2022',
    // maplibre-gl alone is ~1 MB; it is split into its own chunk below, so only warn beyond that.
    chunkSizeWarningLimit: 1200,
    ...(bare ? { emptyOutDir: false, copyPublicDir: false, assetsDir: 'bench/bare/assets' } : {}),
    rollupOptions: {
      ...(bare ? { input: 'bench/bare/index.html' } : {}),
      output: {
        manualChunks(id) {
          if (id.includes('node_modules/maplibre-gl')) return 'maplibre';
          if (id.includes('node_modules/react') || id.includes('node_modules/scheduler')) return 'react';
          return undefined;
        },
      },
    },
  },
  preview: {
    host: '127.0.0.1',
    port: 4173,
    strictPort: true,
    headers: { 'Content-Security-Policy': CONTENT_SECURITY_POLICY },
  },
  server: { host: '127.0.0.1', port: 5173 },
  test: {
    maxWorkers: 2,
    // Property tests run 1,000 cases each; on a busy 2-core machine one can take well over the
    // default 5 s without anything being wrong. A hang still fails, after 60 s.
    testTimeout: 60_000,
    // Two runners with their own counts: unit tests of pure logic, and data tests of data/.
    projects: [
      { extends: true, test: { name: 'unit', include: ['src/**/*.test.ts'], environment: 'node' } },
      { extends: true, test: { name: 'data', include: ['scripts/**/*.test.ts'], environment: 'node' } },
    ],
  },
});
