/** An event's date as readers see it, never finer than the data: the event card, lists, table and the embed's static picture. */
import { formatReadable } from '../time/iso';
import type { TimelineEvent } from '../timeline/dataset';

export function eventDate(e: TimelineEvent): string {
  const fine = e.precision === 'minute' || e.precision === 'hour';
  const start = formatReadable(e.start, fine ? 'minute' : 'day');
  const when =
    e.precision === 'month'
      ? start.replace(/^\d+ /, '')
      : e.precision === 'window'
        ? `between ${start} and ${formatReadable(e.end ?? e.start)}`
        : start;
  return e.precision === 'hour' ? when.replace(', ', ', about ') : when;
}
