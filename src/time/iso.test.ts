import { describe, expect, it } from 'vitest';
import { formatIsoLocal, formatReadable, localDayStart, parseIsoTime } from './iso';

const utc = (iso: string) => Date.parse(iso);

describe('parseIsoTime', () => {
  it('reads a bare date as local midnight in UTC+4, with day precision', () => {
    expect(parseIsoTime('2023-09-19')).toEqual({ t: utc('2023-09-18T20:00:00Z'), precision: 'day' });
  });

  it('reads a date-time without offset as UTC+4', () => {
    expect(parseIsoTime('2023-09-19T13:45')).toEqual({ t: utc('2023-09-19T09:45:00Z'), precision: 'minute' });
  });

  it('honours Z and explicit offsets', () => {
    expect(parseIsoTime('2023-09-19T09:45Z')?.t).toBe(utc('2023-09-19T09:45:00Z'));
    expect(parseIsoTime('2023-09-19T13:45+04:00')?.t).toBe(utc('2023-09-19T09:45:00Z'));
    expect(parseIsoTime('2023-09-19T05:45-0400')?.t).toBe(utc('2023-09-19T09:45:00Z'));
  });

  it('reads years below 100 as written, not as 19xx', () => {
    expect(formatIsoLocal(parseIsoTime('0023-01-02')?.t ?? 0)).toBe('0023-01-02');
  });

  it('keeps seconds and milliseconds', () => {
    expect(parseIsoTime('2023-09-19T13:45:07')).toMatchObject({ precision: 'second' });
    expect(parseIsoTime('2023-09-19T13:45:07.5')?.t).toBe(utc('2023-09-19T09:45:07.500Z'));
  });

  it.each([
    '2023-02-30',
    '2023-13-01',
    '2023-00-10',
    '2023-09-19T24:00',
    '2023-09-19T12:60',
    '19/09/2023',
    '2023-9-19',
    '',
    'NaN',
    '2023-09-19T13:45+15:00',
    '10000-01-01',
    '2023-09-19Z',
  ])('rejects %j', (text) => {
    expect(parseIsoTime(text)).toBeNull();
  });
});

describe('formatIsoLocal', () => {
  it('writes local midnight as a bare date', () => {
    expect(formatIsoLocal(utc('2023-09-18T20:00:00Z'))).toBe('2023-09-19');
  });

  it('writes other times to the minute, adding seconds and milliseconds only when needed', () => {
    expect(formatIsoLocal(utc('2023-09-19T09:45:00Z'))).toBe('2023-09-19T13:45');
    expect(formatIsoLocal(utc('2023-09-19T09:45:07Z'))).toBe('2023-09-19T13:45:07');
    expect(formatIsoLocal(utc('2023-09-19T09:45:07.250Z'))).toBe('2023-09-19T13:45:07.250');
  });

  it('round-trips through parseIsoTime', () => {
    for (let t = utc('2022-12-01T00:00:00Z'); t < utc('2023-10-15T00:00:00Z'); t += 7_919_123) {
      expect(parseIsoTime(formatIsoLocal(t))?.t).toBe(t);
    }
  });
});

describe('formatReadable', () => {
  it('writes a day, or a day and a local time with its zone', () => {
    const t = utc('2023-09-19T09:45:00Z');
    expect(formatReadable(t)).toBe('19 September 2023');
    expect(formatReadable(t, 'minute')).toBe('19 September 2023, 13:45 (UTC+4)');
  });

  it('finds the start of the local day', () => {
    expect(localDayStart(utc('2023-09-19T21:00:00Z'))).toBe(utc('2023-09-19T20:00:00Z'));
    expect(localDayStart(utc('2023-09-19T19:59:59Z'))).toBe(utc('2023-09-18T20:00:00Z'));
  });
});
