/**
 * What a citation says, as far as numbers go: seeds/evidence.json lists the numbers stated by every
 * paragraph of the source documents and every row of the research fact sheet; a page cited directly
 * quotes its fact in `says`. Pure: callers read the index.
 */
import { numbersIn } from './numbers';

export interface FactRow {
  /** "5", "2.2": the fact sheet's section. */
  section: string;
  /** The row's first cell or first words, by which a citation may name it (`row`). */
  key: string;
  urls: string[];
  numbers: number[];
}

export interface Evidence {
  about: string;
  factSheet: { sha256: string; rows: FactRow[] };
  /** Article id → for each paragraph (¶1 first), the numbers it states. */
  paragraphs: Record<string, number[][]>;
}

export type Resolved = { numbers: number[]; where: string } | { problem: string };

const sectionOf = (ref: string) => /§\s*(\d+(?:\.\d+)?)/.exec(ref)?.[1] ?? null;

/** The numbers a citation states, or why it cannot be read. */
export function citedNumbers(citation: unknown, evidence: Evidence): Resolved {
  const c = (typeof citation === 'object' && citation !== null ? citation : {}) as Record<string, unknown>;
  if (typeof c.article === 'string') {
    const list = evidence.paragraphs[c.article];
    const numbers = typeof c.paragraph === 'number' ? list?.[c.paragraph - 1] : undefined;
    if (!numbers) return { problem: `${c.article} ¶${String(c.paragraph)} is not in seeds/evidence.json` };
    return { numbers, where: `${c.article} ¶${c.paragraph}` };
  }
  if (typeof c.ref === 'string') {
    const section = sectionOf(c.ref);
    if (section === null) return { problem: `“${c.ref}” names no section of research/facts.md` };
    const inSection = evidence.factSheet.rows.filter(
      (r) => r.section === section || r.section.startsWith(`${section}.`),
    );
    const row = typeof c.row === 'string' ? c.row.toLowerCase() : null;
    const rows = inSection.filter((r) =>
      row !== null ? r.key.toLowerCase().startsWith(row) : typeof c.url === 'string' && r.urls.includes(c.url),
    );
    if (rows.length === 0) {
      return {
        problem:
          row !== null
            ? `no row of research/facts.md §${section} starts with “${String(c.row)}”`
            : `no row of research/facts.md §${section} cites ${String(c.url ?? '(no url)')}`,
      };
    }
    return { numbers: [...new Set(rows.flatMap((r) => r.numbers))], where: `research/facts.md §${section}` };
  }
  if (typeof c.url === 'string' && typeof c.says === 'string') {
    return { numbers: numbersIn(c.says), where: c.url };
  }
  return { problem: 'is not a citation' };
}

/** Two values are the same number as written when they agree to a millionth (11.5 vs 11.5). */
export const sameNumber = (a: number, b: number) => Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(a));
