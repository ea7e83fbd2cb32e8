/**
 * A CSV's text to rows with papaparse, in chunks so the import worker can report progress, then to
 * a layer through parseCsvRows. The text is decoded whole first: papaparse's own file reader cuts
 * chunks by bytes and would split Armenian or Cyrillic letters at the seams.
 */
import Papa from 'papaparse';
import { newMeta, parseCsvRows } from './parse';
import { Problems } from './problems';
import { type ImportMeta, LIMITS, type ParseResult } from './types';

const CHUNK_CHARS = 1 << 20;

/**
 * The text with every line ending outside quotes written \n. papaparse takes one line ending for
 * the whole file, guessed from its start, so a file stitched together from Windows, Unix and old
 * Mac parts would split in the wrong places. Line breaks inside quoted cells are the cell's own.
 */
export function unixLineEnds(text: string): string {
  if (!text.includes('\r')) return text;
  const re = /["\r]/g;
  let quoted = false;
  let out = '';
  let last = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m[0] === '"') quoted = !quoted;
    else if (!quoted) {
      out += `${text.slice(last, m.index)}\n`;
      last = m.index + (text.charCodeAt(m.index + 1) === 10 ? 2 : 1);
      re.lastIndex = last;
    }
  }
  return out + text.slice(last);
}

/** Parses a CSV text; `onProgress` gets the fraction read so far after each chunk. */
export function parseCsvText(
  text: string,
  fileName: string,
  onProgress: (fraction: number) => void = () => {},
  meta: ImportMeta = newMeta(),
): ParseResult {
  const syntax = new Problems(fileName);
  if (!/\S/.test(text)) {
    syntax.inFile('empty', 'the file is empty');
    return syntax.failed();
  }
  const rows: string[][] = [];
  let tooMany = false;
  let finished = false;
  const body = unixLineEnds(text);
  Papa.parse<string[]>(body, {
    header: false,
    // Blank lines are kept here and skipped by parseCsvRows, so row numbers stay a spreadsheet's.
    skipEmptyLines: false,
    chunkSize: CHUNK_CHARS,
    chunk(result: Papa.ParseResult<string[]>, parser: Papa.Parser) {
      for (const e of result.errors) {
        // An undetectable delimiter only means a one-column file; papaparse then uses a comma.
        if (e.type !== 'Delimiter') {
          syntax.atRow('csv-syntax', rows.length + (e.row ?? 0) + 1, null, `${e.message} (${e.code})`);
        }
      }
      for (const r of result.data) rows.push(r);
      // The header is one of the rows: more than the limit plus one is too many data rows.
      if (rows.length > LIMITS.features + 1) {
        tooMany = true;
        parser.abort();
      }
      onProgress(Math.min(1, result.meta.cursor / Math.max(1, body.length)));
    },
    complete() {
      finished = true;
    },
  });
  // papaparse parses a string synchronously; the rows below are only whole if that still holds.
  if (!finished) throw new Error('papaparse returned before it finished parsing');
  if (tooMany) {
    syntax.inFile('too-many-features', `more than ${LIMITS.features.toLocaleString('en-US')} rows; that is the limit`);
    return syntax.failed();
  }
  const [header, ...data] = rows;
  if (!header) {
    syntax.inFile('empty', 'the file is empty');
    return syntax.failed();
  }
  const result = parseCsvRows(data, header, fileName, meta);
  if (syntax.count === 0) return result;
  // Report both kinds together, in row order, so the reader fixes the file in one pass.
  const all = [...syntax.list, ...(result.ok ? [] : result.errors)].sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
  return { ok: false, errors: all, errorCount: syntax.count + (result.ok ? 0 : result.errorCount) };
}
