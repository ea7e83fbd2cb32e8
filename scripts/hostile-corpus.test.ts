/**
 * The hostile corpus (scripts/hostile-corpus.ts) is what the script writes, covers every error
 * code, and every file gets its expected outcome from the import pipeline the worker runs
 * (src/import/read.ts parseFile), in Node.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseFile } from '../src/import/read';
import { ERROR_CODES, LIMITS } from '../src/import/types';
import {
  acceptFailures,
  buildCases,
  CORPUS_DIR,
  entryOf,
  FAMILIES,
  GITATTRIBUTES,
  listFiles,
  MANIFEST,
  manifestText,
  messageStart,
  readManifest,
} from './hostile-corpus';

const cases = buildCases(LIMITS.fileBytes);
const generated = cases.map((c) => ({ c, entry: entryOf(c, c.content()) }));
const manifest = readManifest();
const META = { id: 'hostile', importedAt: 0 };

/**
 * Codes a file's content cannot cause: the reader cancelling, the browser failing to read a file
 * or to keep a layer. Each has its own unit test, named here.
 */
const RUNTIME_CODES: Record<string, string> = {
  cancelled: 'src/import/import-file.test.ts, src/import/imports-store.test.ts',
  unreadable: 'src/import/import-file.test.ts',
  storage: 'src/import/imports-store.test.ts, src/import/storage.test.ts',
};

describe('the committed corpus', () => {
  it('is exactly what the script writes: the files, their bytes and the manifest', () => {
    const small = generated.filter(({ c }) => !c.large);
    expect(listFiles(CORPUS_DIR)).toEqual(['.gitattributes', MANIFEST, ...small.map(({ c }) => c.file)].sort());
    for (const { c } of small) {
      const committed = readFileSync(join(CORPUS_DIR, c.file));
      expect(Buffer.compare(committed, Buffer.from(c.content())), c.file).toBe(0);
    }
    expect(readFileSync(join(CORPUS_DIR, MANIFEST), 'utf8')).toBe(manifestText(generated.map((g) => g.entry)));
    expect(readFileSync(join(CORPUS_DIR, '.gitattributes'), 'utf8')).toBe(GITATTRIBUTES);
  });

  it('has at least 200 files in six families, GeoJSON and CSV, and a few MB committed', () => {
    expect(manifest.entries.length).toBeGreaterThanOrEqual(200);
    expect(new Set(manifest.entries.map((e) => e.family))).toEqual(new Set(FAMILIES));
    expect(manifest.entries.filter((e) => /\.csv$/i.test(e.name)).length).toBeGreaterThanOrEqual(40);
    expect(manifest.entries.filter((e) => /\.(geo)?json$/i.test(e.name)).length).toBeGreaterThanOrEqual(150);
    const committed = manifest.entries.filter((e) => !e.large).reduce((n, e) => n + e.bytes, 0);
    expect(committed).toBeLessThan(4 * 1024 * 1024);
  });

  it('has a fixture for every error code: 0 orphan codes, 0 unknown ones', () => {
    const expected = new Set(manifest.entries.flatMap((e) => (e.expect.outcome === 'error' ? [e.expect.code] : [])));
    const orphans = ERROR_CODES.filter((code) => !expected.has(code) && !(code in RUNTIME_CODES));
    expect(orphans).toEqual([]);
    expect([...expected].filter((code) => !(ERROR_CODES as readonly string[]).includes(code))).toEqual([]);
    // The runtime codes really cannot come from a file's content: none of the corpus gives them.
    for (const code of Object.keys(RUNTIME_CODES)) expect(expected.has(code)).toBe(false);
  });

  it('imports every file under its own name, so each message can be told apart', () => {
    const names = manifest.entries.map((e) => e.name);
    expect(new Set(names).size).toBe(names.length);
  });

  it('accepts clockwise rings and rewinds them (RFC 7946 §3.1.6)', () => {
    const rewound = manifest.entries.filter((e) => e.expect.outcome === 'accepted' && e.expect.check.rewoundRings);
    expect(rewound.length).toBeGreaterThanOrEqual(5);
  });
});

describe.each(FAMILIES)('%s: every file gets its expected outcome from the import pipeline', (family) => {
  const ofFamily = generated.filter(({ c }) => c.family === family);
  it.each(ofFamily.map(({ c, entry }) => [entry.file, c, entry] as const))('%s', (_file, c, entry) => {
    const result = parseFile(c.content(), entry.name, () => {}, META);
    const expected = entry.expect;
    if (expected.outcome === 'accepted') {
      if (!result.ok) throw new Error(`refused: ${result.errors.map((e) => e.message.slice(0, 300)).join('; ')}`);
      expect(acceptFailures(result.layer, expected.check)).toEqual([]);
      return;
    }
    if (result.ok) throw new Error(`accepted, expected ${expected.code}`);
    // Single-fault files: every problem reported has the expected code.
    expect(result.errors.map((e) => e.code)).toEqual(result.errors.map(() => expected.code));
    const [first] = result.errors;
    const message = first?.message ?? '';
    // The message names the file, then the feature or the row, then the rule.
    expect(message.startsWith(messageStart(entry.name, expected.where)), message.slice(0, 300)).toBe(true);
    expect(message).toContain(expected.says);
    if ('feature' in expected.where) expect(first?.feature).toBe(expected.where.feature);
    if ('row' in expected.where) expect(first?.row).toBe(expected.where.row);
    expect(result.errorCount).toBe(expected.count ?? result.errors.length);
  });
});
