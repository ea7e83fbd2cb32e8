/**
 * One pass over a JSON text before JSON.parse sees it, for the two things JSON.parse cannot report:
 *
 * - Nesting. V8 parses nesting without recursion, so it never overflows, but a 50 MB file of `[`
 *   took it 12–20 s and 2.5 GB of memory (measured in Node 20): enough to take the page's process
 *   down with the worker. The scan stops at the first level beyond the limit, before any parsing.
 * - Names used twice in one object. JSON.parse keeps the last silently; RFC 8259 §4 leaves it to
 *   each parser, so two programs can read two different features from one file
 *   (docs/reliability.md#validators-measured: @placemarkio/check-geojson catches a duplicate
 *   `"type"`; geojson-validation cannot see it).
 *
 * On text that is not JSON the scan may find nonsense or nothing; JSON.parse reports such text.
 */

/** Where in the value: object member names and array indexes from the top. */
export type JsonPath = (string | number)[];

export interface JsonScan {
  /** The path of the first value nested deeper than the limit, or null. */
  tooDeep: JsonPath | null;
  /** Names given twice in one object (at most `maxDuplicates`): the object's path and the name. */
  duplicates: { path: JsonPath; key: string }[];
  /** How many duplicate names there were in all. */
  duplicateCount: number;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const COLON = 0x3a;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;

/** The index of the quote that ends the string opened at `start`, or -1 when it never ends. */
function stringEnd(text: string, start: number): number {
  let j = text.indexOf('"', start + 1);
  while (j > 0) {
    let slashes = 0;
    for (let k = j - 1; text.charCodeAt(k) === BACKSLASH; k--) slashes++;
    if (slashes % 2 === 0) return j;
    j = text.indexOf('"', j + 1);
  }
  return -1;
}

/** A member name as JSON.parse would read it: escapes decoded, so `"\u0061"` and `"a"` are one name. */
function nameOf(text: string, start: number, end: number): string {
  const raw = text.slice(start + 1, end);
  if (!raw.includes('\\')) return raw;
  try {
    return JSON.parse(text.slice(start, end + 1)) as string;
  } catch {
    return raw; // A bad escape: JSON.parse will report the file.
  }
}

/**
 * Scans `text` for nesting deeper than `maxDepth` containers (the top-level object or array is
 * depth 1) and for duplicate member names. Linear in the text; uses no recursion.
 */
export function scanJson(text: string, maxDepth: number, maxDuplicates = 1_000): JsonScan {
  const out: JsonScan = { tooDeep: null, duplicates: [], duplicateCount: 0 };
  // One entry per open container: is it an object, the names seen in it, the member or index now.
  const isObject: boolean[] = [];
  const names: (Set<string> | null)[] = [];
  const member: (string | number)[] = [];
  let expectName = false;
  const path = (): JsonPath => member.slice();
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) {
      const end = stringEnd(text, i);
      if (end < 0) break;
      const depth = isObject.length;
      if (expectName && depth > 0 && isObject[depth - 1]) {
        const name = nameOf(text, i, end);
        let seen = names[depth - 1];
        if (!seen) {
          seen = new Set();
          names[depth - 1] = seen;
        }
        if (seen.has(name)) {
          out.duplicateCount++;
          if (out.duplicates.length < maxDuplicates) out.duplicates.push({ path: member.slice(0, -1), key: name });
        } else seen.add(name);
        member[depth - 1] = name;
        expectName = false;
      }
      i = end;
    } else if (c === OPEN_OBJECT || c === OPEN_ARRAY) {
      const obj = c === OPEN_OBJECT;
      isObject.push(obj);
      names.push(null);
      member.push(obj ? '' : 0);
      if (isObject.length > maxDepth) {
        out.tooDeep = path();
        return out;
      }
      expectName = obj;
    } else if (c === CLOSE_OBJECT || c === CLOSE_ARRAY) {
      isObject.pop();
      names.pop();
      member.pop();
      expectName = false;
    } else if (c === COMMA) {
      const top = isObject.length - 1;
      if (top >= 0 && !isObject[top]) member[top] = (member[top] as number) + 1;
      expectName = top >= 0 && isObject[top] === true;
    } else if (c === COLON) {
      expectName = false;
    }
  }
  return out;
}

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/**
 * A path as JavaScript would write it: `features[3].properties.name`, and names that are not short
 * identifiers through `quoteName`: `["odd name"]`.
 */
export function formatPath(path: JsonPath, quoteName: (name: string) => string = JSON.stringify): string {
  let out = '';
  for (const p of path) {
    if (typeof p === 'number') out += `[${p}]`;
    else if (p.length <= 60 && IDENTIFIER.test(p)) out += out ? `.${p}` : p;
    else out += `[${quoteName(p)}]`;
  }
  return out;
}
