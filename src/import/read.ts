/**
 * A file's bytes to a layer: the whole import pipeline short of storage, pure so the import worker
 * and the hostile corpus's tests in Node run the very same code. Text must be UTF-8 (RFC 7946 §1,
 * and what every spreadsheet can save); anything else gets a message saying what it looks like,
 * instead of a parse error about characters the reader cannot see.
 */
import { parseCsvText } from './csv-text';
import { checkFile, fileKind, newMeta, parseGeoJsonText } from './parse';
import { fileFailure } from './problems';
import type { ImportMeta, ParseResult } from './types';

const startsWith = (bytes: Uint8Array, ...prefix: number[]) => prefix.every((b, i) => bytes[i] === b);

/** Formats that are not text, by their first bytes, as a reader would name them. */
const BINARY: [number[], string][] = [
  [
    [0x50, 0x4b, 0x03, 0x04],
    'a ZIP archive (such as an Excel .xlsx workbook or a .kmz); save the data as CSV or GeoJSON',
  ],
  [[0x1f, 0x8b], 'gzip-compressed; unpack it first'],
  [[0x25, 0x50, 0x44, 0x46], 'a PDF document, not data'],
  [[0x89, 0x50, 0x4e, 0x47], 'a PNG image, not data'],
  [[0xff, 0xd8, 0xff], 'a JPEG image, not data'],
  [[0xd0, 0xcf, 0x11, 0xe0], 'an old Excel (.xls) workbook; save it as CSV'],
  [[0x53, 0x51, 0x4c, 0x69, 0x74, 0x65], 'an SQLite database (such as a GeoPackage); export it as GeoJSON'],
];

/** Where the first byte that is not UTF-8 is, for the message. */
function firstBadByte(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i] ?? 0;
    const need =
      b < 0x80 ? 0 : b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
    if (need < 0) return i;
    for (let k = 1; k <= need; k++) if (((bytes[i + k] ?? 0) & 0xc0) !== 0x80) return i;
    // Overlong forms, surrogates and code points past U+10FFFF.
    const b1 = bytes[i + 1] ?? 0;
    if (
      (b === 0xe0 && b1 < 0xa0) ||
      (b === 0xed && b1 > 0x9f) ||
      (b === 0xf0 && b1 < 0x90) ||
      (b === 0xf4 && b1 > 0x8f)
    ) {
      return i;
    }
    i += need + 1;
  }
  return -1;
}

/** The 1-based line a byte offset is on. */
function lineOf(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

/** The file's text, or why it is not UTF-8 text. A UTF-8 byte order mark is dropped. */
export function decodeText(bytes: Uint8Array, fileName: string): { text: string } | { failure: ParseResult } {
  const fail = (rule: string) => ({ failure: fileFailure(fileName, 'encoding', rule) });
  if (startsWith(bytes, 0xff, 0xfe) || startsWith(bytes, 0xfe, 0xff)) {
    return fail('the file is UTF-16 text (it starts with a UTF-16 byte order mark); save it as UTF-8');
  }
  for (const [magic, what] of BINARY) if (startsWith(bytes, ...magic)) return fail(`the file is ${what}`);
  // UTF-16 without a byte order mark: every other byte of Latin text is 0.
  const head = bytes.subarray(0, 4096);
  const zeros = head.reduce((n, b) => n + (b === 0 ? 1 : 0), 0);
  if (head.length >= 4 && zeros * 4 >= head.length) {
    return fail('the file looks like UTF-16 text (every other byte is 0); save it as UTF-8');
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    const at = firstBadByte(bytes);
    const byte = (bytes[at] ?? 0).toString(16).toUpperCase().padStart(2, '0');
    return fail(
      `the file is not UTF-8 text: byte ${at.toLocaleString('en-US')} (0x${byte}, line ${lineOf(bytes, at)}) is not UTF-8; it may be in another encoding such as Windows-1252: save it as UTF-8`,
    );
  }
}

/**
 * A file's bytes to a layer, or to everything wrong with it: its type and size, its encoding, then
 * its content as GeoJSON or CSV. `onProgress` gets 0–1 through the parse. Never throws on any input.
 */
export function parseFile(
  bytes: Uint8Array,
  fileName: string,
  onProgress: (fraction: number) => void = () => {},
  meta: ImportMeta = newMeta(),
): ParseResult {
  const early = checkFile(fileName, bytes.byteLength);
  if (early) return early;
  const decoded = decodeText(bytes, fileName);
  if ('failure' in decoded) return decoded.failure;
  return fileKind(fileName) === 'csv'
    ? parseCsvText(decoded.text, fileName, onProgress, meta)
    : parseGeoJsonText(decoded.text, fileName, meta);
}
