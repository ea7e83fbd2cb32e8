import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TIMELINE_END, TIMELINE_START } from '../time/span';
import { COMMANDS, embedMessage, embedState, MAX_STRING_LENGTH, parseCommand } from './messages';

const at = (iso: string) => Date.parse(iso);
const OFFENSIVE = at('2023-09-19T13:00:00+04:00');

describe('parseCommand: valid commands', () => {
  it('reads setTime from ISO 8601 text, as the URL takes it', () => {
    expect(parseCommand({ nkmap: 1, command: 'setTime', time: '2023-09-19T13:00+04:00' })).toEqual({
      command: 'setTime',
      t: OFFENSIVE,
    });
    expect(parseCommand({ nkmap: 1, command: 'setTime', time: '2023-09-19T13:00' })).toEqual({
      command: 'setTime',
      t: OFFENSIVE,
    });
    expect(parseCommand({ nkmap: 1, command: 'setTime', time: '2023-09-19T09:00Z' })).toEqual({
      command: 'setTime',
      t: OFFENSIVE,
    });
    expect(parseCommand({ nkmap: 1, command: 'setTime', time: '2023-09-19' })).toEqual({
      command: 'setTime',
      t: at('2023-09-19T00:00:00+04:00'),
    });
  });

  it('reads setTime from epoch milliseconds inside the timeline, ends included', () => {
    expect(parseCommand({ nkmap: 1, command: 'setTime', time: OFFENSIVE })).toEqual({
      command: 'setTime',
      t: OFFENSIVE,
    });
    expect(parseCommand({ nkmap: 1, command: 'setTime', time: TIMELINE_START })).toEqual({
      command: 'setTime',
      t: TIMELINE_START,
    });
    expect(parseCommand({ nkmap: 1, command: 'setTime', time: TIMELINE_END })).toEqual({
      command: 'setTime',
      t: TIMELINE_END,
    });
    expect(parseCommand({ nkmap: 1, command: 'setTime', time: OFFENSIVE + 0.4 })).toEqual({
      command: 'setTime',
      t: OFFENSIVE,
    });
  });

  it('reads step, play, pause and getState', () => {
    expect(parseCommand({ nkmap: 1, command: 'step', direction: 1 })).toEqual({ command: 'step', direction: 1 });
    expect(parseCommand({ nkmap: 1, command: 'step', direction: -1 })).toEqual({ command: 'step', direction: -1 });
    expect(parseCommand({ nkmap: 1, command: 'play' })).toEqual({ command: 'play' });
    expect(parseCommand({ nkmap: 1, command: 'pause' })).toEqual({ command: 'pause' });
    expect(parseCommand({ nkmap: 1, command: 'getState' })).toEqual({ command: 'getState' });
  });

  it('takes keys in any order, and objects without a prototype (as JSON.parse never makes, but a host may)', () => {
    expect(parseCommand({ command: 'play', nkmap: 1 })).toEqual({ command: 'play' });
    const bare = Object.assign(Object.create(null) as object, { nkmap: 1, command: 'step', direction: -1 });
    expect(parseCommand(bare)).toEqual({ command: 'step', direction: -1 });
    expect(parseCommand(JSON.parse('{"nkmap":1,"command":"pause"}'))).toEqual({ command: 'pause' });
  });
});

/** Objects built so that a getter, a Proxy trap or a prototype would notice being touched. */
function trapped(): { payloads: unknown[]; touched: () => number } {
  let touched = 0;
  const getter = {};
  Object.defineProperty(getter, 'nkmap', { enumerable: true, value: 1 });
  Object.defineProperty(getter, 'command', {
    enumerable: true,
    get() {
      touched++;
      return 'play';
    },
  });
  const timeGetter = { nkmap: 1, command: 'setTime' } as Record<string, unknown>;
  Object.defineProperty(timeGetter, 'time', {
    enumerable: true,
    get() {
      touched++;
      return OFFENSIVE;
    },
  });
  const hidden = { nkmap: 1, command: 'play' };
  Object.defineProperty(hidden, 'secret', { enumerable: false, value: 1 });
  const symbolKey = { nkmap: 1, command: 'play', [Symbol('x')]: 1 };
  const throwingProxy = new Proxy(
    {},
    {
      getPrototypeOf() {
        throw new Error('trap');
      },
    },
  );
  const keysProxy = new Proxy(
    { nkmap: 1, command: 'play' },
    {
      ownKeys() {
        throw new Error('trap');
      },
    },
  );
  const descriptorProxy = new Proxy(
    { nkmap: 1, command: 'play' },
    {
      getOwnPropertyDescriptor() {
        throw new Error('trap');
      },
    },
  );
  class Command {
    nkmap = 1;
    command = 'play';
  }
  const inherits = Object.create({ nkmap: 1, command: 'play' }) as object;
  const protoOwn = Object.create({ evil: true }) as Record<string, unknown>;
  protoOwn.nkmap = 1;
  protoOwn.command = 'play';
  return {
    payloads: [
      getter,
      timeGetter,
      hidden,
      symbolKey,
      throwingProxy,
      keysProxy,
      descriptorProxy,
      new Command(),
      inherits,
      protoOwn,
    ],
    touched: () => touched,
  };
}

function hostilePayloads(): unknown[] {
  const mb = 'x'.repeat(1 << 20);
  const deep: Record<string, unknown> = {};
  let cur = deep;
  for (let i = 0; i < 10_000; i++) {
    const next = {};
    cur.a = next;
    cur = next;
  }
  const manyKeys: Record<string, number> = { nkmap: 1 };
  for (let i = 0; i < 100_000; i++) manyKeys[`k${i}`] = i;
  const base = { nkmap: 1, command: 'setTime', time: '2023-09-19T13:00' };
  const scalars = [null, undefined, 0, 1, -1, NaN, Infinity, -Infinity, true, false, '', 'play', 1n, Symbol('s')];
  const wrongNkmap = [0, 2, '1', true, null, undefined, 1.5, [1], { v: 1 }, NaN, Infinity, -1];
  const wrongCommands = [
    'PLAY',
    'Play',
    ' play',
    'play ',
    'setTime\u0000',
    'toString',
    'constructor',
    '__proto__',
    'hasOwnProperty',
    'valueOf',
    'eval',
    'navigate',
    'setView',
    '',
    'x'.repeat(MAX_STRING_LENGTH + 1),
    mb,
    1,
    null,
    ['play'],
    { play: 1 },
  ];
  const wrongTimes = [
    '2023-02-30',
    '2023-09-19T24:00',
    '2021-01-01',
    '2024-01-01',
    '2022-11-30T23:59',
    '2023-10-15T00:00:01',
    'yesterday',
    '',
    ' ',
    `2023-09-19T13:00${' '.repeat(60)}`,
    mb,
    '2023-09-19T13:00+99:00',
    TIMELINE_START - 1,
    TIMELINE_END + 1,
    0,
    -1,
    NaN,
    Infinity,
    -Infinity,
    Number.MAX_VALUE,
    null,
    undefined,
    true,
    [OFFENSIVE],
    { t: OFFENSIVE },
    new Date(OFFENSIVE),
    '1695114000000',
  ];
  const wrongDirections = [0, 2, -2, 0.5, '1', '-1', 'next', null, undefined, NaN, Infinity, true, [1], { d: 1 }];
  const buffer = new ArrayBuffer(16);
  return [
    ...scalars,
    [],
    [1, 'play'],
    ['nkmap', 1],
    Object.assign([], { nkmap: 1, command: 'play' }),
    {},
    { nkmap: 1 },
    { command: 'play' },
    { nkmap: 1, command: 'play', extra: 1 },
    { nkmap: 1, command: 'play', time: OFFENSIVE },
    { nkmap: 1, command: 'step' },
    { nkmap: 1, command: 'setTime' },
    { nkmap: 1, command: 'step', direction: 1, time: OFFENSIVE },
    { nkmap: 1, command: 'setTime', time: OFFENSIVE, direction: 1 },
    { ...base, nested: { deep } },
    { nkmap: 1, command: 'play', payload: mb },
    { nkmap: 1, command: 'play', junk: new Array(100_000).fill({ a: [1, 2, 3] }) },
    manyKeys,
    deep,
    JSON.parse('{"nkmap":1,"command":"play","__proto__":{"polluted":true}}'),
    JSON.parse('{"__proto__":{"nkmap":1,"command":"play"}}'),
    JSON.parse('{"nkmap":1,"command":"play","constructor":{"prototype":{"polluted":true}}}'),
    JSON.parse('{"nkmap":1,"command":"setTime","time":"2023-09-19","prototype":1}'),
    { nkmap: 1, command: 'play', toString: 'x' },
    new Date(),
    new Map<string, unknown>([
      ['nkmap', 1],
      ['command', 'play'],
    ]),
    new Set(['play']),
    new Uint8Array([1, 2, 3]),
    new Float64Array(8),
    buffer,
    new DataView(buffer),
    /play/,
    new Error('play'),
    new String('play'),
    new Number(1),
    new Boolean(true),
    () => ({ nkmap: 1, command: 'play' }),
    Promise.resolve({ nkmap: 1, command: 'play' }),
    new WeakMap(),
    Object.freeze({ nkmap: 1, command: 'launch' }),
    ...wrongNkmap.map((nkmap) => ({ ...base, nkmap })),
    ...wrongCommands.map((command) => ({ nkmap: 1, command })),
    ...wrongTimes.map((time) => ({ ...base, time })),
    ...wrongDirections.map((direction) => ({ nkmap: 1, command: 'step', direction })),
    ...trapped().payloads,
  ];
}

describe('parseCommand: hostile payloads', () => {
  it('returns null for at least 100 hostile payloads without throwing', () => {
    const payloads = hostilePayloads();
    expect(payloads.length).toBeGreaterThanOrEqual(100);
    for (const [i, p] of payloads.entries()) {
      expect(() => parseCommand(p), `payload ${i}`).not.toThrow();
      expect(parseCommand(p), `payload ${i}`).toBeNull();
    }
  });

  it('never runs a getter and never leaves a polluted prototype', () => {
    const { payloads, touched } = trapped();
    for (const p of payloads) parseCommand(p);
    expect(touched()).toBe(0);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('rejects a 1 MB payload quickly (the key count is checked before anything is read)', () => {
    const payload = { nkmap: 1, command: 'setTime', time: 'x'.repeat(1 << 20) };
    const start = performance.now();
    for (let i = 0; i < 1000; i++) parseCommand(payload);
    expect(performance.now() - start).toBeLessThan(500);
  });

  it('every command name is one the protocol documents', () => {
    expect([...COMMANDS]).toEqual(['setTime', 'step', 'play', 'pause', 'getState']);
  });
});

describe('parseCommand: properties', () => {
  const params = { seed: 20_230_919, numRuns: 1000 };

  it('never throws, and returns null for anything without nkmap: 1', () => {
    const withoutVersion = fc.anything({
      withBigInt: true,
      withDate: true,
      withMap: true,
      withSet: true,
      withTypedArray: true,
      withNullPrototype: true,
      withObjectString: true,
      withBoxedValues: true,
      withSparseArray: true,
    });
    fc.assert(
      fc.property(withoutVersion, (v) => {
        const hasVersion =
          typeof v === 'object' && v !== null && Object.getOwnPropertyDescriptor(v, 'nkmap')?.value === 1;
        const result = parseCommand(v);
        return hasVersion || result === null;
      }),
      params,
    );
  });

  it('never throws for objects shaped like commands, and accepts only the exact shapes', () => {
    const key = fc.constantFrom('nkmap', 'command', 'time', 'direction', '__proto__', 'constructor', 'extra');
    const value = fc.oneof(
      fc.constantFrom(1, -1, 0, 2, 'setTime', 'step', 'play', 'pause', 'getState', '2023-09-19T13:00', OFFENSIVE),
      fc.anything(),
    );
    fc.assert(
      fc.property(fc.dictionary(key, value, { maxKeys: 5 }), (obj) => {
        const result = parseCommand(obj);
        if (result === null) return true;
        // Anything accepted has the version, a known command and exactly that command's keys.
        const keys = Object.keys(obj).sort();
        const expected: Record<string, string[]> = {
          setTime: ['command', 'nkmap', 'time'],
          step: ['command', 'direction', 'nkmap'],
          play: ['command', 'nkmap'],
          pause: ['command', 'nkmap'],
          getState: ['command', 'nkmap'],
        };
        return obj.nkmap === 1 && obj.command === result.command && keys.join() === expected[result.command]?.join();
      }),
      params,
    );
  });

  it('accepts every epoch time inside the timeline and none outside it', () => {
    fc.assert(
      fc.property(fc.integer({ min: TIMELINE_START - 1e10, max: TIMELINE_END + 1e10 }), (t) => {
        const result = parseCommand({ nkmap: 1, command: 'setTime', time: t });
        return t >= TIMELINE_START && t <= TIMELINE_END ? result?.command === 'setTime' : result === null;
      }),
      params,
    );
  });
});

describe('embed messages', () => {
  it('carries the version, the type and the state, with the time as the URL writes it', () => {
    const state = embedState(OFFENSIVE, true, { id: 'offensive-begins', title: 'Offensive' });
    expect(embedMessage('time', state)).toEqual({
      nkmap: 1,
      type: 'time',
      time: '2023-09-19T13:00',
      t: OFFENSIVE,
      playing: true,
      event: { id: 'offensive-begins', title: 'Offensive' },
    });
    expect(embedMessage('ready', embedState(TIMELINE_START, false, null))).toEqual({
      nkmap: 1,
      type: 'ready',
      time: '2022-12-01',
      t: TIMELINE_START,
      playing: false,
      event: null,
    });
  });

  it('round-trips: the time a message reports is a time setTime accepts', () => {
    fc.assert(
      fc.property(fc.integer({ min: TIMELINE_START, max: TIMELINE_END }), (t) => {
        const { time } = embedState(t, false, null);
        return parseCommand({ nkmap: 1, command: 'setTime', time })?.command === 'setTime';
      }),
      { seed: 20_230_919, numRuns: 1000 },
    );
  });
});
