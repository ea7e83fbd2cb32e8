import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

/**
 * The policy the app is built to run under (design/reliability.md P2): everything from its own
 * origin. MapLibre sets element styles through the CSSOM, which style-src does not restrict, so
 * style-src needs no 'unsafe-inline'. Fonts for labels are fetched same-origin and handed to
 * FontFace as bytes.
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

// Two cores on CI machines: keep test workers to two.
export default defineConfig({
  plugins: [react()],
  build: {
    target: 'es2022',
    // maplibre-gl alone is ~1 MB; it is split into its own chunk below, so only warn beyond that.
    chunkSizeWarningLimit: 1200,
    rollupOptions: {
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
    // Two runners with their own counts: unit tests of pure logic, and data tests of data/.
    projects: [
      { extends: true, test: { name: 'unit', include: ['src/**/*.test.ts'], environment: 'node' } },
      { extends: true, test: { name: 'data', include: ['scripts/**/*.test.ts'], environment: 'node' } },
    ],
  },
});
