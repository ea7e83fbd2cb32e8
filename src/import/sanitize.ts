/**
 * Values from a file become inert data here: properties are copied into prototype-less records
 * through an allow-list of primitive types (OWASP prototype pollution cheat sheet), and values
 * quoted in messages are made visible so control characters cannot disguise them.
 */
import { LIMITS, type Props, type PropValue } from './types';

/** Keys that could reach an object's prototype if the record were ever merged into a plain object. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** True for a key that may be copied from a file. */
export function isAllowedKey(key: string): boolean {
  return !FORBIDDEN_KEYS.has(key);
}

/** Property and column names are cut to this many characters. */
export const MAX_NAME_CHARS = 200;

/** Cuts a string to the length limit, marking the cut so a reader knows there was more. */
export function truncate(text: string, max: number = LIMITS.stringChars): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** One value as a property may hold it: objects become (truncated) JSON text, non-finite numbers null. */
function toPropValue(value: unknown): PropValue {
  if (value === null || typeof value === 'boolean') return value;
  if (typeof value === 'string') return truncate(value);
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'object') {
    // Depth was already bounded by the caller, so stringify cannot overflow the stack.
    const json = JSON.stringify(value);
    return json === undefined ? null : truncate(json);
  }
  return null;
}

/** A file's properties as a prototype-less record of primitives, without forbidden keys. */
export function copyProps(source: unknown): Props {
  const out: Props = Object.create(null);
  if (typeof source !== 'object' || source === null || Array.isArray(source)) return out;
  for (const key of Object.keys(source)) {
    if (isAllowedKey(key)) out[truncate(key, MAX_NAME_CHARS)] = toPropValue((source as Record<string, unknown>)[key]);
  }
  return out;
}

/** C0/C1 controls, bidi marks, embeddings, overrides and isolates: they reorder or hide what follows. */
export function isInvisible(code: number): boolean {
  return (
    code < 0x20 ||
    (code >= 0x7f && code <= 0x9f) ||
    code === 0x061c ||
    code === 0x200e ||
    code === 0x200f ||
    (code >= 0x202a && code <= 0x202e) ||
    (code >= 0x2066 && code <= 0x2069)
  );
}

/** Text from a file made safe to quote in a message: invisible characters spelt out as \uXXXX. */
export function visible(text: string, max = 60): string {
  let out = '';
  for (const c of truncate(text, max)) {
    const code = c.charCodeAt(0);
    out += isInvisible(code) ? `\\u${code.toString(16).padStart(4, '0')}` : c;
  }
  return out;
}

/** A value quoted for a message: `"abc"`, spelt out and cut short. */
export function quote(value: unknown): string {
  if (typeof value === 'string') return `"${visible(value)}"`;
  if (typeof value === 'number' && !Number.isFinite(value)) return String(value);
  return visible(JSON.stringify(value) ?? String(value));
}
