/**
 * Builds seeds/evidence.json: for every paragraph of every catalogued article, and for every row of
 * the research fact sheet, the numbers it states (src/data/numbers.ts) and, for a fact-sheet row, its
 * section, its first words and the addresses it cites. Only numbers and addresses are kept, never the
 * sentences, so the data tests can check each figure against what its citation says (docs/data-rules.md,
 * rule N1) on a machine without the documents; where the documents are present, the data tests
 * rebuild this file and require it to be unchanged.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Evidence, FactRow } from '../src/data/evidence';
import { numbersIn } from '../src/data/numbers';
import { articleParagraphs, SEEDS_DIR, sha256 } from './catalogue';
import { DOCUMENTS } from './catalogue-articles';
import { ROOT } from './data-files';

export const FACTS_PATH = process.env.FACTS_PATH ?? join(ROOT, '..', 'shared', 'research', 'facts.md');
export const EVIDENCE_PATH = join(ROOT, 'seeds/evidence.json');

/** The addresses in a line: up to a space or a table bar, without trailing punctuation or an unopened ')'. */
export function urlsIn(line: string): string[] {
  return [...line.matchAll(/https?:\/\/[^\s|<>"]+/g)].map((m) => {
    let url = m[0].replace(/[.,;:*]+$/, '');
    while (url.endsWith(')') && (url.match(/\(/g) ?? []).length < (url.match(/\)/g) ?? []).length) {
      url = url.slice(0, -1).replace(/[.,;:*]+$/, '');
    }
    return url;
  });
}

/** The rows of the fact sheet: table rows, list items and paragraphs, outside code blocks, by section. */
export function factRows(markdown: string): FactRow[] {
  const rows: FactRow[] = [];
  let section = '';
  let fenced = false;
  for (const raw of markdown.split('\n')) {
    const line = raw.trim();
    if (line.startsWith('```')) {
      fenced = !fenced;
      continue;
    }
    if (fenced || line === '') continue;
    const heading = /^#{2,3}\s+(\d+(?:\.\d+)?)\.?\s/.exec(line);
    if (heading?.[1]) {
      section = heading[1];
      continue;
    }
    if (line.startsWith('#') || /^-{3,}$/.test(line) || /^\|[\s:|-]+\|$/.test(line)) continue;
    const cells = line.startsWith('|') ? line.split('|').slice(1, -1) : [line];
    const key = (cells[0] ?? '')
      .replace(/^\d+\.\s+|^[-*]\s+/, '')
      .replace(/\*\*/g, '')
      .trim()
      .slice(0, 80);
    const urls = urlsIn(line);
    // Numbers in addresses are not statements.
    let text = line;
    for (const u of urls) text = text.replace(u, ' ');
    rows.push({ section, key, urls, numbers: numbersIn(text) });
  }
  return rows;
}

export function buildEvidence(seedsDir = SEEDS_DIR, factsPath = FACTS_PATH): Evidence {
  const paragraphs: Record<string, number[][]> = {};
  for (const doc of DOCUMENTS) {
    const text = readFileSync(join(seedsDir, doc.file), 'utf8');
    const lineCount = text.split('\n').length;
    doc.articles.forEach((a, i) => {
      const next = doc.articles[i + 1];
      const end = next ? next.startLine - 1 : lineCount;
      paragraphs[a.id] = articleParagraphs(text, a.startLine, end).map(([, t]) => numbersIn(t));
    });
  }
  const facts = readFileSync(factsPath);
  return {
    about:
      'The numbers each source paragraph and fact-sheet row states, written by npm run catalogue; no sentences are copied.',
    factSheet: { sha256: sha256(facts), rows: factRows(facts.toString('utf8')) },
    paragraphs,
  };
}

export const evidenceSourcesPresent = () => existsSync(SEEDS_DIR) && existsSync(FACTS_PATH);

export function readEvidence(): Evidence {
  return JSON.parse(readFileSync(EVIDENCE_PATH, 'utf8')) as Evidence;
}
