/** The span the timeline covers: from before the blockade to the aftermath of the exodus. */
import { parseIsoTime } from './iso';

function at(iso: string): number {
  const parsed = parseIsoTime(iso);
  if (!parsed) throw new Error(`bad built-in time ${iso}`);
  return parsed.t;
}

/** 1 December 2022, local time: eleven days before the road was blocked on 12 December. */
export const TIMELINE_START = at('2022-12-01');
/** 15 October 2023, local time: after the last bus (2 October) and the first UN visit. */
export const TIMELINE_END = at('2023-10-15');
/** The app opens on the day the blockade began. */
export const DEFAULT_TIME = at('2022-12-12');
