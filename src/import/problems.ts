/**
 * Collects an import's problems and words their messages, so every message names the file, then
 * the feature or spreadsheet row and the field, then the rule that was broken.
 */
import { visible } from './sanitize';
import { type ImportError, type ImportErrorCode, type ImportFailure, MAX_REPORTED_ERRORS } from './types';

/** Problems found so far: keeps the first MAX_REPORTED_ERRORS and counts them all. */
export class Problems {
  readonly list: ImportError[] = [];
  count = 0;
  constructor(readonly fileName: string) {}

  /** The file name as messages quote it, with invisible characters spelt out. */
  get file(): string {
    return visible(this.fileName, 120);
  }

  add(error: ImportError): void {
    this.count++;
    if (this.list.length < MAX_REPORTED_ERRORS) this.list.push(error);
  }

  /** A problem with the whole file. */
  inFile(code: ImportErrorCode, rule: string): void {
    this.add(fileError(this.fileName, code, rule));
  }

  /** A problem at features[index], with the JSON path inside it when known. */
  atFeature(code: ImportErrorCode, index: number, path: string, rule: string, field?: string): void {
    const where = path ? `features[${index}].${path}` : `features[${index}]`;
    this.add({ code, feature: index + 1, field, message: `${this.file}, feature ${index + 1} (${where}): ${rule}` });
  }

  /** A problem in a CSV row, numbered as a spreadsheet shows it (the header is row 1). */
  atRow(code: ImportErrorCode, row: number, column: string | null, rule: string): void {
    const where = column === null ? `row ${row}` : `row ${row}, column "${visible(column)}"`;
    this.add({ code, row, field: column ?? undefined, message: `${this.file}, ${where}: ${rule}` });
  }

  /** The failure result, or null when nothing was found. */
  failure(): ImportFailure | null {
    return this.count === 0 ? null : this.failed();
  }

  /** The failure result, once something was found. */
  failed(): ImportFailure {
    return { ok: false, errors: this.list, errorCount: this.count };
  }
}

/** One problem with a whole file. */
export function fileError(fileName: string, code: ImportErrorCode, rule: string): ImportError {
  return { code, message: `${visible(fileName, 120)}: ${rule}` };
}

/** A failure with a single problem with the whole file. */
export function fileFailure(fileName: string, code: ImportErrorCode, rule: string): ImportFailure {
  return { ok: false, errors: [fileError(fileName, code, rule)], errorCount: 1 };
}
