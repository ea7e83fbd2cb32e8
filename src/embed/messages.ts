/**
 * The embed's postMessage protocol, version 1 (docs/reliability.md#embed-messages). Pure: no DOM.
 *
 * Host → embed, plain objects and nothing else:
 *   { nkmap: 1, command: 'setTime', time: '2023-09-19T13:00+04:00' | <epoch ms> }  inside the timeline
 *   { nkmap: 1, command: 'step', direction: 1 | -1 }                                next / previous event
 *   { nkmap: 1, command: 'play' }   { nkmap: 1, command: 'pause' }
 *   { nkmap: 1, command: 'getState' }                                               answered by 'state'
 * Embed → host: { nkmap: 1, type: 'ready' | 'time' | 'state', time, t, playing, event }.
 *
 * `parseCommand` reads only own data properties (never a getter, never a prototype), checks the key
 * count before anything else, and returns null for anything that is not exactly one of the shapes above.
 */
import { formatIsoLocal, parseIsoTime } from '../time/iso';
import { TIMELINE_END, TIMELINE_START } from '../time/span';

export const PROTOCOL_VERSION = 1;
/** No string in the protocol is longer: longer ones are rejected before they are looked at. */
export const MAX_STRING_LENGTH = 64;

export const COMMANDS = ['setTime', 'step', 'play', 'pause', 'getState'] as const;
export type CommandName = (typeof COMMANDS)[number];

export type Command =
  | { command: 'setTime'; t: number }
  | { command: 'step'; direction: 1 | -1 }
  | { command: 'play' }
  | { command: 'pause' }
  | { command: 'getState' };

/** The exact keys each command carries: no more, no fewer. */
const KEYS: Record<CommandName, readonly string[]> = {
  setTime: ['nkmap', 'command', 'time'],
  step: ['nkmap', 'command', 'direction'],
  play: ['nkmap', 'command'],
  pause: ['nkmap', 'command'],
  getState: ['nkmap', 'command'],
};
const MAX_KEYS = 3;

const isCommandName = (v: string): v is CommandName => (COMMANDS as readonly string[]).includes(v);

/** An own data property's value; undefined for a missing key or an accessor (whose getter is never run). */
function ownValue(obj: object, key: string): unknown {
  const d = Object.getOwnPropertyDescriptor(obj, key);
  return d && 'value' in d ? d.value : undefined;
}

/** A time inside the timeline, from ISO 8601 text (as the URL's `t` takes it) or epoch milliseconds. */
function parseTime(v: unknown): number | null {
  let t: number;
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) return null;
    t = Math.round(v);
  } else if (typeof v === 'string') {
    if (v.length > MAX_STRING_LENGTH) return null;
    const parsed = parseIsoTime(v);
    if (!parsed) return null;
    t = parsed.t;
  } else return null;
  return t >= TIMELINE_START && t <= TIMELINE_END ? t : null;
}

function parse(data: unknown): Command | null {
  // Size first: only a plain object with at most three keys gets any further.
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return null;
  const proto: unknown = Object.getPrototypeOf(data);
  if (proto !== Object.prototype && proto !== null) return null;
  // Every own key, enumerable or not, symbols included: each must be one the command expects.
  const keys = Reflect.ownKeys(data);
  if (keys.length < 2 || keys.length > MAX_KEYS) return null;
  if (ownValue(data, 'nkmap') !== PROTOCOL_VERSION) return null;
  const command = ownValue(data, 'command');
  if (typeof command !== 'string' || command.length > MAX_STRING_LENGTH || !isCommandName(command)) return null;
  const expected = KEYS[command];
  if (keys.length !== expected.length || !keys.every((k) => typeof k === 'string' && expected.includes(k))) return null;
  // An accessor reads as undefined, so a getter in place of a value fails the checks below without running.
  switch (command) {
    case 'setTime': {
      const t = parseTime(ownValue(data, 'time'));
      return t === null ? null : { command, t };
    }
    case 'step': {
      const direction = ownValue(data, 'direction');
      return direction === 1 || direction === -1 ? { command, direction } : null;
    }
    default:
      return { command };
  }
}

/** The command a message carries, or null for anything else. Never throws, never runs a getter. */
export function parseCommand(data: unknown): Command | null {
  try {
    return parse(data);
  } catch {
    // Only a Proxy can throw here (structured clone never makes one), and it is not a command.
    return null;
  }
}

/** What the embed tells its host about itself. */
export interface EmbedState {
  /** ISO 8601 local time (UTC+4, no offset written), as the URL's `t` writes it. */
  time: string;
  /** The same instant in epoch milliseconds. */
  t: number;
  playing: boolean;
  /** The current event (the most recent one that has started), its title in the embed's naming convention. */
  event: { id: string; title: string } | null;
}

export type EmbedMessageType = 'ready' | 'time' | 'state';

export type EmbedMessage = { nkmap: typeof PROTOCOL_VERSION; type: EmbedMessageType } & EmbedState;

export function embedState(t: number, playing: boolean, event: { id: string; title: string } | null): EmbedState {
  return { time: formatIsoLocal(t), t, playing, event: event ? { id: event.id, title: event.title } : null };
}

export function embedMessage(type: EmbedMessageType, state: EmbedState): EmbedMessage {
  return { nkmap: PROTOCOL_VERSION, type, ...state };
}
