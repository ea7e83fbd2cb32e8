/**
 * `window.__map` is a handle for end-to-end tests and the benchmark only: app code reaches the map
 * through the store (which the map follows) or map/capture.ts, never through the global
 * (docs/architecture.md#layering). MapView sets and clears it; nothing else in src/ may touch it.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SRC = join(dirname(fileURLToPath(import.meta.url)), '..');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return files(path);
    return /\.(ts|tsx|mjs)$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

describe('the map handle for tests', () => {
  it('is set by MapView alone and read by no app code', () => {
    const users = files(SRC)
      .filter((f) => readFileSync(f, 'utf8').includes('__map'))
      .map((f) => relative(SRC, f));
    expect(users).toEqual(['map/MapView.tsx']);
  });
});
