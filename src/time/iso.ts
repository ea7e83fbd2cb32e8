/**
 * Times in the app are epoch milliseconds (UTC). People read and write them in the region's local
 * time: Armenia and Azerbaijan both kept UTC+4 with no summer time in 2022–2023
 * (docs/data-rules.md#conventions-of-the-fact-sheet), so a date or time written without an offset means UTC+4.
 */

export const LOCAL_OFFSET_MINUTES = 240;
const LOCAL_OFFSET_MS = LOCAL_OFFSET_MINUTES * 60_000;
const DAY_MS = 86_400_000;

export type Precision = 'day' | 'minute' | 'second' | 'millisecond';

export interface ParsedTime {
  t: number;
  /** How much the text said: a bare date is day precision. */
  precision: Precision;
}

const ISO_RE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

/**
 * Parses an ISO 8601 calendar date (`2023-09-19`) or date-time (`2023-09-19T13:45`,
 * `2023-09-19T09:45Z`, `2023-09-19T13:45+04:00`). Returns null for anything else, including dates
 * that do not exist (`2023-02-30`) and hours past 23.
 */
export function parseIsoTime(text: string): ParsedTime | null {
  const m = ISO_RE.exec(text.trim());
  if (!m) return null;
  const [, ys, mos, ds, hs, mis, ss, mss, zone] = m;
  const y = Number(ys);
  const mo = Number(mos);
  const d = Number(ds);
  const h = Number(hs ?? 0);
  const mi = Number(mis ?? 0);
  const s = Number(ss ?? 0);
  const ms = mss ? Number(mss.padEnd(3, '0')) : 0;
  if (mo < 1 || mo > 12 || d < 1 || h > 23 || mi > 59 || s > 59) return null;
  // Date.UTC maps years 0–99 to 1900–1999, so the year is set on its own.
  const date = new Date(0);
  date.setUTCFullYear(y, mo - 1, d);
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
  const wall = date.getTime() + ((h * 60 + mi) * 60 + s) * 1000 + ms;
  let offsetMs = LOCAL_OFFSET_MS;
  if (zone === 'Z') offsetMs = 0;
  else if (zone) {
    const sign = zone.startsWith('-') ? -1 : 1;
    const digits = zone.slice(1).replace(':', '');
    const oh = Number(digits.slice(0, 2));
    const om = Number(digits.slice(2, 4));
    if (oh > 14 || om > 59) return null;
    offsetMs = sign * (oh * 60 + om) * 60_000;
  }
  const precision: Precision = !hs ? 'day' : mss ? 'millisecond' : ss ? 'second' : 'minute';
  return { t: wall - offsetMs, precision };
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** Wall-clock parts of a time in the region's local time (UTC+4). */
export function localParts(t: number) {
  const d = new Date(t + LOCAL_OFFSET_MS);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
    ms: d.getUTCMilliseconds(),
  };
}

/**
 * The shortest ISO text, in local time without an offset, that parses back to exactly `t`:
 * `2023-09-19` at local midnight, else `2023-09-19T13:45`, with seconds and milliseconds only when
 * they are not zero.
 */
export function formatIsoLocal(t: number): string {
  const p = localParts(t);
  const date = `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)}`;
  if (p.hour === 0 && p.minute === 0 && p.second === 0 && p.ms === 0) return date;
  let time = `${pad(p.hour)}:${pad(p.minute)}`;
  if (p.second !== 0 || p.ms !== 0) time += `:${pad(p.second)}`;
  if (p.ms !== 0) time += `.${pad(p.ms, 3)}`;
  return `${date}T${time}`;
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** A readable date such as `19 September 2023`, or `19 September 2023, 13:45 (UTC+4)`. */
export function formatReadable(t: number, precision: Precision = 'day'): string {
  const p = localParts(t);
  const date = `${p.day} ${MONTHS[p.month - 1]} ${p.year}`;
  if (precision === 'day') return date;
  return `${date}, ${pad(p.hour)}:${pad(p.minute)} (UTC+4)`;
}

/** Start of the local (UTC+4) day that contains `t`. */
export function localDayStart(t: number): number {
  return Math.floor((t + LOCAL_OFFSET_MS) / DAY_MS) * DAY_MS - LOCAL_OFFSET_MS;
}

export { DAY_MS };
