import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatPath, scanJson } from './json-scan';

const SEED = Number(process.env.FC_SEED ?? 7_946);

/** Containers nested in a value, the top-level one being 1: what the scan counts. */
function depthOf(v: unknown): number {
  if (typeof v !== 'object' || v === null) return 0;
  return 1 + Math.max(0, ...Object.values(v).map(depthOf));
}

describe('scanJson', () => {
  it(`finds nesting beyond the limit exactly when there is some (fast-check, 1,000 runs, seed ${SEED})`, () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 8 }), fc.integer({ min: 1, max: 8 }), (value, limit) => {
        const scan = scanJson(JSON.stringify(value), limit);
        expect(scan.tooDeep !== null).toBe(depthOf(value) > limit);
        // JSON.stringify never writes a name twice.
        expect(scan.duplicateCount).toBe(0);
      }),
      { numRuns: 1_000, seed: SEED },
    );
  });

  it(`finds a name given twice wherever it is put, with the object's path (fast-check, 1,000 runs, seed ${SEED})`, () => {
    fc.assert(
      fc.property(
        fc.jsonValue({ maxDepth: 4 }),
        fc.string().filter((n) => n !== 'x'),
        fc.jsonValue({ maxDepth: 2 }),
        (inner, name, other) => {
          const holder = { [name]: other, x: inner };
          const doc = { type: 'FeatureCollection', features: [{}, { properties: holder }] };
          // Written twice by hand: the second member repeats the first's name.
          const text = JSON.stringify(doc).replace(
            JSON.stringify(holder),
            () =>
              `{${JSON.stringify(name)}:${JSON.stringify(other)},${JSON.stringify(name)}:1,"x":${JSON.stringify(inner)}}`,
          );
          const scan = scanJson(text, 64);
          expect(scan.duplicates).toEqual([{ path: ['features', 1, 'properties'], key: name }]);
        },
      ),
      { numRuns: 1_000, seed: SEED },
    );
  });

  it('reads names as JSON.parse does: escapes decoded, quotes and brackets inside strings ignored', () => {
    expect(scanJson('{"a":1,"\\u0061":2}', 8).duplicates).toEqual([{ path: [], key: 'a' }]);
    expect(scanJson('{"a\\"b":"[[[{{{","a\\\\":"\\\\","c":"}]"}', 2)).toEqual({
      tooDeep: null,
      duplicates: [],
      duplicateCount: 0,
    });
    // The same name in sibling objects is no duplicate; in one object after a nested one, it is.
    expect(scanJson('[{"a":1},{"a":2}]', 8).duplicateCount).toBe(0);
    expect(scanJson('{"a":{"a":1,"b":[1,{"a":2}]},"a":3}', 8).duplicates).toEqual([{ path: [], key: 'a' }]);
  });

  it('stops at the first level beyond the limit, with its path, in a 50 MB file of brackets', () => {
    const t0 = performance.now();
    const scan = scanJson('['.repeat(50_000_000), 64);
    expect(scan.tooDeep).toHaveLength(65);
    expect(performance.now() - t0).toBeLessThan(1_000);
    const path = scanJson('{"type":"FeatureCollection","features":[1,{"properties":{"a":[[[[1]]]]}}]}', 6).tooDeep;
    expect(path).toEqual(['features', 1, 'properties', 'a', 0, 0, 0]);
  });

  it('counts every duplicate but keeps at most the number asked for', () => {
    const text = `[${Array(50).fill('{"a":1,"a":2}').join(',')}]`;
    const scan = scanJson(text, 8, 10);
    expect(scan.duplicates).toHaveLength(10);
    expect(scan.duplicateCount).toBe(50);
  });

  it('gives up quietly on text that is not JSON', () => {
    for (const text of ['{"a', '}}]]', '{"a":1,"a"', ',,,', '"\\', '']) {
      expect(() => scanJson(text, 4)).not.toThrow();
    }
  });
});

describe('formatPath', () => {
  it('writes paths as JavaScript would, quoting names that are not identifiers or are long', () => {
    expect(formatPath(['features', 3, 'properties', 'name'])).toBe('features[3].properties.name');
    expect(formatPath(['a b', 0])).toBe('["a b"][0]');
    expect(formatPath([`${'x'.repeat(61)}`], () => 'LONG')).toBe('[LONG]');
  });
});
