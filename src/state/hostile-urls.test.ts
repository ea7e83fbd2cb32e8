import { describe, expect, it } from 'vitest';
import { HOSTILE_URLS, type HostileKind } from './hostile-urls';
import { DEFAULT_STATE, type NoticeCode, parseUrlState } from './url-state';

const sorted = (codes: readonly string[]) => [...codes].sort();
const prototypeKeys = () => Object.getOwnPropertyNames(Object.prototype).sort();

describe('hostile links', () => {
  it('are at least 100, all different', () => {
    expect(HOSTILE_URLS.length).toBeGreaterThanOrEqual(100);
    expect(new Set(HOSTILE_URLS.map((u) => u.query)).size).toBe(HOSTILE_URLS.length);
    for (const u of HOSTILE_URLS) {
      expect(u.query.startsWith('?'), u.query).toBe(true);
      expect(u.codes.length, u.query).toBeGreaterThan(0);
    }
  });

  it('cover every kind, and every notice the link parser gives', () => {
    const kinds = new Map<HostileKind, number>();
    for (const u of HOSTILE_URLS) kinds.set(u.kind, (kinds.get(u.kind) ?? 0) + 1);
    for (const n of kinds.values()) expect(n).toBeGreaterThanOrEqual(4);
    const parserCodes: NoticeCode[] = [
      'unknown-param',
      'repeated-param',
      'bad-mode',
      'bad-time',
      'time-out-of-range',
      'bad-view',
      'bad-layers',
      'bad-names',
      'too-long',
      'bad-range',
      'bad-filter',
      'bad-selection',
      'bad-embed',
    ];
    const covered = new Set(HOSTILE_URLS.flatMap((u) => u.codes));
    expect([...covered].sort()).toEqual([...parserCodes].sort());
  });

  it.each(HOSTILE_URLS.map((u) => [u.what, u] as const))(
    '%s: the default state for what is wrong, exactly the expected notices, no throw',
    (_, u) => {
      const before = prototypeKeys();
      let result: ReturnType<typeof parseUrlState> | undefined;
      expect(() => {
        result = parseUrlState(u.query);
      }).not.toThrow();
      if (!result) throw new Error('no result');
      const { state, notices } = result;
      expect(sorted(notices.map((n) => n.code))).toEqual(sorted(u.codes));
      expect(state).toEqual({ ...DEFAULT_STATE, ...u.state });
      // Nothing reached the prototype chain, of plain objects or of the state.
      expect(prototypeKeys()).toEqual(before);
      const probe: Record<string, unknown> = {};
      for (const k of ['mode', 't', 'view', 'layers', 'x', 'polluted', 'setTime']) expect(probe[k]).toBeUndefined();
      expect(Object.getPrototypeOf(state)).toBe(Object.prototype);
      expect(Object.keys(state).sort()).toEqual(Object.keys(DEFAULT_STATE).sort());
      // A notice quotes at most a little of what the link said, and is plain text the page shows as text.
      for (const n of notices) expect(n.message.length).toBeLessThan(700);
    },
  );

  it('parses the same, twice: no state is kept between links', () => {
    const first = HOSTILE_URLS.map((u) => parseUrlState(u.query));
    const second = HOSTILE_URLS.map((u) => parseUrlState(u.query));
    expect(second).toEqual(first);
  });
});
