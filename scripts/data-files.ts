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

/** Every data file, parsed, by its path relative to data/. A file that is not valid JSON is reported, not thrown. */
export function loadDataset(): { files: Map<string, unknown>; unreadable: { file: string; message: string }[] } {
  const files = new Map<string, unknown>();
  const unreadable: { file: string; message: string }[] = [];
  for (const file of listDataFiles()) {
    try {
      files.set(file, readDataFile(file));
    } catch (e) {
      unreadable.push({ file, message: `cannot be read as JSON: ${(e as Error).message}` });
    }
  }
  return { files, unreadable };
}

export const CATALOGUE_PATH = join(ROOT, 'seeds/catalogue.json');

export function readCatalogue(): unknown {
  return JSON.parse(readFileSync(CATALOGUE_PATH, 'utf8'));
}
