/**
 * Dates in imported files. ACLED exports write `event_date` either as ISO (`2023-09-19`) or as
 * `19 September 2023`; both, like every date in the app, mean local time in the region (UTC+4).
 */
import { parseIsoTime } from '../time/iso';

const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];

const DAY_MONTH_YEAR = /^(\d{1,2})[\s-]+([A-Za-z]+)\.?[\s,-]+(\d{4})$/;

function monthNumber(name: string): number | null {
  const n = name.toLowerCase();
  // Full names and three-letter abbreviations (`Sep`), plus `Sept`, which some exports write.
  const i = MONTHS.findIndex((m) => m === n || (n.length >= 3 && m.startsWith(n) && n.length <= 4));
  return i < 0 ? null : i + 1;
}

/** Epoch ms for an ISO date or date-time, or a `D Month YYYY` date; null when it is neither or does not exist. */
export function parseEventDate(text: string): number | null {
  const trimmed = text.trim();
  const iso = parseIsoTime(trimmed);
  if (iso) return iso.t;
  const m = DAY_MONTH_YEAR.exec(trimmed);
  if (!m) return null;
  const [, d = '', monthName = '', y = ''] = m;
  const month = monthNumber(monthName);
  if (month === null) return null;
  // Through the ISO parser, so a day that does not exist (30 February) is refused the same way.
  return parseIsoTime(`${y}-${String(month).padStart(2, '0')}-${d.padStart(2, '0')}`)?.t ?? null;
}

/** The names a date field goes by, best first; ACLED's `event_date` works without configuration. */
const DATE_FIELDS = ['event_date', 'date', 'datetime', 'time', 'start_date', 'start'];

/** The names an end date goes by, best first: read only beside a start date. */
const END_FIELDS = ['end_date', 'end', 'date_end', 'end_time', 'enddate'];

/** The first of `candidates` among `names` (case-insensitive, spaces around ignored), as `names` spells it. */
function findField(names: Iterable<string>, candidates: readonly string[]): string | null {
  const byLower = new Map<string, string>();
  for (const n of names) if (!byLower.has(n.trim().toLowerCase())) byLower.set(n.trim().toLowerCase(), n);
  for (const candidate of candidates) {
    const found = byLower.get(candidate);
    if (found !== undefined) return found;
  }
  return null;
}

/** The field to read dates from among `names`, or null when there is none. */
export const findDateField = (names: Iterable<string>) => findField(names, DATE_FIELDS);

/** The field to read end dates from among `names`, or null when there is none. */
export const findEndField = (names: Iterable<string>) => findField(names, END_FIELDS);

/** The rule a date must follow, as error messages state it. */
export const DATE_RULE = 'a date must be written as 2023-09-19, 2023-09-19T13:45 or 19 September 2023';
