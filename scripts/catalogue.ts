/**
 * Builds the catalogue of source documents from scripts/catalogue-articles.ts and the documents in
 * ../shared/seeds: each document's checksum and size, each article's line range and paragraph count.
 * A paragraph is a non-empty line; ¶1 is the article's first line. Citations point at
 * (article id, paragraph), so a reader can find the sentence without the text being copied here.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type ArticleSpec, DOCUMENTS } from './catalogue-articles';
import { ROOT } from './data-files';

export const SEEDS_DIR = process.env.SEEDS_DIR ?? join(ROOT, '..', 'shared', 'seeds');

export interface CatalogueArticle extends Omit<ArticleSpec, 'startLine'> {
  lines: [number, number];
  paragraphs: number;
}

export interface CatalogueDocument {
  id: string;
  file: string;
  sha256: string;
  bytes: number;
  articles: CatalogueArticle[];
}

export interface Catalogue {
  about: string;
  paragraphRule: string;
  documents: CatalogueDocument[];
}

export const sha256 = (buf: Buffer) => createHash('sha256').update(buf).digest('hex');

/** The non-empty lines of an article, as [line number, text], ¶1 first. */
export function articleParagraphs(text: string, from: number, to: number): [number, string][] {
  return text
    .split('\n')
    .slice(from - 1, to)
    .map((t, i): [number, string] => [from + i, t.trim()])
    .filter(([, t]) => t !== '');
}

export function buildCatalogue(seedsDir = SEEDS_DIR): Catalogue {
  const documents = DOCUMENTS.map((doc) => {
    const path = join(seedsDir, doc.file);
    if (!existsSync(path)) throw new Error(`catalogue: ${path} not found (set SEEDS_DIR)`);
    const buf = readFileSync(path);
    const text = buf.toString('utf8');
    const lineCount = text.split('\n').length;
    const articles = doc.articles.map(({ startLine, ...rest }, i) => {
      const next = doc.articles[i + 1];
      const end = next ? next.startLine - 1 : lineCount;
      return {
        ...rest,
        lines: [startLine, end] as [number, number],
        paragraphs: articleParagraphs(text, startLine, end).length,
      };
    });
    return { id: doc.id, file: doc.file, sha256: sha256(buf), bytes: buf.length, articles };
  });
  return {
    about:
      'Catalogue of the source documents the dataset cites. The documents themselves are not in this repository; their text is not copied here.',
    paragraphRule: 'A paragraph is a non-empty line of the document; paragraph 1 is the first line of the article.',
    documents,
  };
}
