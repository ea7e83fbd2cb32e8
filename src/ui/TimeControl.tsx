/**
 * The time control: a day-by-day slider over the whole timeline with the date written out. The
 * chaptered, animated slider replaces it (issue 4); the store and URL contract stay the same.
 */

import { useApp } from '../state/store';
import { DAY_MS, formatIsoLocal, formatReadable, localDayStart } from '../time/iso';
import { TIMELINE_END, TIMELINE_START } from '../time/span';

/** A time at local midnight is a day; anything else is shown to the minute. */
export function readableTime(t: number): string {
  return formatReadable(t, localDayStart(t) === t ? 'day' : 'minute');
}

export function TimeControl({ large = false }: { large?: boolean }) {
  const t = useApp((s) => s.t);
  const setTime = useApp((s) => s.setTime);
  const text = readableTime(t);
  return (
    <div className={large ? 'time-control large' : 'time-control'}>
      <time className="time-readout" dateTime={formatIsoLocal(t)} data-testid="time-readout">
        {text.replace(' (UTC+4)', '')}
        {text.endsWith('(UTC+4)') && <span className="time-zone"> UTC+4</span>}
      </time>
      <input
        type="range"
        className="time-slider"
        aria-label="Date"
        aria-valuetext={text}
        min={TIMELINE_START}
        max={TIMELINE_END}
        step={DAY_MS}
        value={localDayStart(t)}
        onChange={(e) => setTime(Number(e.currentTarget.value))}
      />
      <div className="time-ends" aria-hidden="true">
        <span>{formatReadable(TIMELINE_START)}</span>
        <span>{formatReadable(TIMELINE_END)}</span>
      </div>
    </div>
  );
}
