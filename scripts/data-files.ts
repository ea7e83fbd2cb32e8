/** Lists and reads the dataset's files under data/, for the build script and the data tests. */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const DATA_DIR = join(ROOT, 'data');

/** Paths relative to data/ of every data file (documentation and tests excluded). */
export function listDataFiles(dir = DATA_DIR): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.(geo)?json$/.test(e.name))
    .map((e) => relative(DATA_DIR, join(e.parentPath, e.name)).split('\\').join('/'))
    .sort();
}

export function readDataFile(file: string): unknown {
  return JSON.parse(readFileSync(join(DATA_DIR, file), 'utf8'));
}
