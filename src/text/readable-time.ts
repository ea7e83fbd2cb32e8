/**
 * The date and time as a reader should see it: never finer than the data. At an event's start, the
 * event's own precision; elsewhere, the chapter's resolution (days in the blockade, minutes in the
 * offensive), rounded down while playing.
 */
import { DAY_MS, formatIsoLocal, formatReadable, LOCAL_OFFSET_MINUTES } from '../time/iso';
import { chapterAt, type Resolution } from '../timeline/chapters';
import type { Engine } from '../timeline/scene';

const OFFSET = LOCAL_OFFSET_MINUTES * 60_000;
const STEP: Record<Resolution, number> = { day: DAY_MS, hour: 3_600_000, minute: 60_000 };

export function readableAt(engine: Engine, t: number): { text: string; iso: string } {
  const atEvent = engine.data.events.find((e) => e.start === t);
  let resolution: Resolution = chapterAt(engine.chapters, t).resolution;
  if (atEvent) resolution = atEvent.precision === 'minute' ? 'minute' : atEvent.precision === 'hour' ? 'hour' : 'day';
  const step = STEP[resolution];
  const shown = Math.floor((t + OFFSET) / step) * step - OFFSET;
  // Local midnight reads as a day: day-precision events start there, and "00:00" would be a fake time.
  const midnight = (shown + OFFSET) % DAY_MS === 0;
  const text = formatReadable(shown, resolution === 'day' || midnight ? 'day' : 'minute');
  return { text: atEvent?.precision === 'hour' ? text.replace(', ', ', about ') : text, iso: formatIsoLocal(shown) };
}
