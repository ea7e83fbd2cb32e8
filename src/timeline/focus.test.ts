import { describe, expect, it } from 'vitest';
import { realEngine } from './engine-fixture';
import { eventFocus } from './focus';

const engine = realEngine();
const event = (id: string) => {
  const e = engine.data.events.find((x) => x.id === id);
  if (!e) throw new Error(`no event ${id}`);
  return e;
};

describe('eventFocus', () => {
  it('frames a one-place event on that place', () => {
    const [w, s, e, n] = eventFocus(engine.data, event('kut-shooting')) ?? [];
    expect(w).toBe(e);
    expect(s).toBe(n);
    expect(w).toBeGreaterThan(45);
  });

  it('includes both ends of a journey', () => {
    const box = eventFocus(engine.data, event('delegation-trip'));
    const yevlakh = engine.data.places.get('yevlakh')?.coordinates as [number, number];
    const stepanakert = engine.data.places.get('stepanakert')?.coordinates as [number, number];
    expect(box).toEqual([
      Math.min(yevlakh[0], stepanakert[0]),
      Math.min(yevlakh[1], stepanakert[1]),
      Math.max(yevlakh[0], stepanakert[0]),
      Math.max(yevlakh[1], stepanakert[1]),
    ]);
  });

  it('leaves the camera alone for an event with no place on the map', () => {
    expect(eventFocus(engine.data, event('foreign-reactions'))).toBeNull();
  });

  it('gives a finite box inside the region for every event that has one', () => {
    for (const e of engine.data.events) {
      const box = eventFocus(engine.data, e);
      if (!box) continue;
      for (const v of box) expect(Number.isFinite(v)).toBe(true);
      expect(box[0]).toBeLessThanOrEqual(box[2]);
      expect(box[1]).toBeLessThanOrEqual(box[3]);
    }
  });
});
