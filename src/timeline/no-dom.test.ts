/**
 * docs/architecture.md#layering, rule 2: the timeline engine is plain computation. Its modules
 * import nothing from React, MapLibre or any other browser-bound package, use no DOM or browser
 * global, and load and run where no `window` or `document` exists (this test runs in Node).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const DIR = dirname(fileURLToPath(import.meta.url));
/**
 * The engine's own modules: everything here but tests and the test fixture that reads data/ from disk
 * (the synthetic fixture is plain data built by the engine, and is held to the same rules).
 */
const MODULES = readdirSync(DIR)
  .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && f !== 'engine-fixture.ts')
  .sort();

/** What an engine module may import: its siblings, the time helpers, Web Mercator, the vocabulary and GeoJSON types. */
const ALLOWED = /^(\.\/[a-z-]+|\.\.\/time\/[a-z-]+|\.\.\/geo\/mercator|\.\.\/vocabulary\/[a-z-]+|geojson)$/;
const FORBIDDEN_GLOBALS = [
  'window',
  'document',
  'navigator',
  'location',
  'history',
  'localStorage',
  'sessionStorage',
  'indexedDB',
  'requestAnimationFrame',
  'cancelAnimationFrame',
  'matchMedia',
  'HTMLElement',
  'Element',
  'Node',
  'Image',
  'fetch',
  'XMLHttpRequest',
  'Worker',
  'postMessage',
  'addEventListener',
  'performance',
  'setTimeout',
  'setInterval',
  'globalThis',
  'self',
];

/** Source without comments and string contents, so prose and messages cannot trip the check. */
function code(source: string): string {
  return source
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/(^|[^:])\/\/.*$/gm, '$1')
    .replace(/'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"/g, "''")
    .replace(/`(?:[^`\\]|\\.)*`/g, '``');
}

function imports(source: string): string[] {
  const out: string[] = [];
  for (const m of source.matchAll(/(?:^|\n)\s*(?:import|export)\b[^;'"]*?from\s*['"]([^'"]+)['"]/g))
    out.push(m[1] ?? '');
  for (const m of source.matchAll(/(?:^|\n)\s*import\s*['"]([^'"]+)['"]/g)) out.push(m[1] ?? '');
  for (const m of source.matchAll(/\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g)) out.push(m[1] ?? '');
  for (const m of source.matchAll(/\brequire\s*\(\s*['"]([^'"]+)['"]\s*\)/g)) out.push(m[1] ?? '');
  return out;
}

describe('src/timeline/ has no browser dependency', () => {
  it('finds the engine modules', () => {
    expect(MODULES).toEqual(expect.arrayContaining(['scene.ts', 'track.ts', 'dots.ts', 'route-geometry.ts']));
  });

  it.each(MODULES)('%s imports only siblings, ../time/ and GeoJSON types', (file) => {
    const source = readFileSync(join(DIR, file), 'utf8');
    const found = imports(source);
    expect(found.filter((s) => !ALLOWED.test(s))).toEqual([]);
    expect(found.filter((s) => /react|maplibre|zustand|dom/i.test(s))).toEqual([]);
    // What ../time/ and ../geo/ give must itself be plain: it imports nothing but its siblings.
    for (const dep of found.filter((s) => s.startsWith('../time/') || s.startsWith('../geo/'))) {
      const time = readFileSync(join(DIR, `${dep}.ts`), 'utf8');
      expect(imports(time).filter((s) => !/^\.\/[a-z-]+$/.test(s))).toEqual([]);
    }
  });

  it.each(MODULES)('%s uses no DOM or browser global', (file) => {
    const body = code(readFileSync(join(DIR, file), 'utf8'));
    const used = FORBIDDEN_GLOBALS.filter((g) => new RegExp(`(^|[^.\\w$])${g}\\b(?!\\s*:)`).test(body));
    expect(used).toEqual([]);
  });

  it('loads and runs every module with no window or document', async () => {
    expect(typeof window).toBe('undefined');
    expect(typeof document).toBe('undefined');
    expect('window' in globalThis).toBe(false);
    for (const file of MODULES) {
      const mod = (await import(`./${file.replace(/\.ts$/, '')}.ts`)) as Record<string, unknown>;
      expect(Object.keys(mod).length, file).toBeGreaterThan(0);
    }
    // On the made-up dataset: engine-fixture.ts reads data/ from disk through Node, as the engine never does.
    const { syntheticEngine } = await import('./synthetic-fixture');
    const { sceneAt } = await import('./scene');
    const engine = syntheticEngine();
    expect(sceneAt(engine, engine.eventTimes[10] ?? 0).current).not.toBeNull();
  });
});
