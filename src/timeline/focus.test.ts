import { describe, expect, it } from 'vitest';
import { eventFocus } from './focus';
import { SYNTHETIC_PLACES, syntheticEngine } from './synthetic-fixture';

/** The made-up dataset: boxes are checked against its places' coordinates. */
const engine = syntheticEngine();
const event = (id: string) => {
  const e = engine.data.events.find((x) => x.id === id);
  if (!e) throw new Error(`no event ${id}`);
  return e;
};

describe('eventFocus', () => {
  it('frames a one-place event on that place', () => {
    const [lon, lat] = SYNTHETIC_PLACES['place-golf'];
    expect(eventFocus(engine.data, event('golf-fire'))).toEqual([lon, lat, lon, lat]);
  });

  it('includes both ends of a journey', () => {
    const box = eventFocus(engine.data, event('envoy-trip'));
    const echo = SYNTHETIC_PLACES['place-echo'];
    const alpha = SYNTHETIC_PLACES['place-alpha'];
    expect(box).toEqual([
      Math.min(echo[0], alpha[0]),
      Math.min(echo[1], alpha[1]),
      Math.max(echo[0], alpha[0]),
      Math.max(echo[1], alpha[1]),
    ]);
  });

  it('frames the places of an event and the ends of its journeys together', () => {
    // The refuge names the Foxtrot depot, and its journey leaves from Alpha.
    const [fLon, fLat] = SYNTHETIC_PLACES['site-foxtrot'];
    const [aLon, aLat] = SYNTHETIC_PLACES['place-alpha'];
    expect(eventFocus(engine.data, event('refuge-foxtrot'))).toEqual([aLon, aLat, fLon, fLat]);
  });

  it('leaves the camera alone for an event with no place on the map', () => {
    expect(eventFocus(engine.data, event('ruling-kilo'))).toBeNull();
    expect(eventFocus(engine.data, { ...event('golf-fire'), places: ['nowhere'] })).toBeNull();
  });

  it('gives a finite box inside the region for every event that has one', () => {
    const boxes = engine.data.events.flatMap((e) => {
      const box = eventFocus(engine.data, e);
      return box ? [box] : [];
    });
    expect(boxes.length).toBeGreaterThan(5);
    for (const box of boxes) {
      for (const v of box) expect(Number.isFinite(v)).toBe(true);
      expect(box[0]).toBeLessThanOrEqual(box[2]);
      expect(box[1]).toBeLessThanOrEqual(box[3]);
    }
  });
});
