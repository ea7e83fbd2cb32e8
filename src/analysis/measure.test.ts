import { distance } from '@turf/turf';
import { describe, expect, it } from 'vitest';
import { realEngine } from '../timeline/engine-fixture';
import { alongRoutesNear, measureAlongRoute, measureStraight } from './measure';

const place = (id: string) => {
  const p = realEngine().data.places.get(id);
  if (!p) throw new Error(`no place ${id}`);
  return p.coordinates;
};
const route = (id: string) => {
  const r = realEngine().data.routes.get(id);
  if (!r) throw new Error(`no route ${id}`);
  return r.coordinates;
};

describe('measureStraight', () => {
  it('gives each leg and the total in km, great circle', () => {
    const m = measureStraight([place('stepanakert'), place('yevlakh'), place('aghdam')]);
    expect(m.legs).toHaveLength(2);
    expect(m.legs[0]).toBeCloseTo(95.36, 1);
    expect(m.total).toBeCloseTo((m.legs[0] ?? 0) + (m.legs[1] ?? 0), 9);
  });

  it('is zero for fewer than two points and skips points that are not finite', () => {
    expect(measureStraight([])).toEqual({ total: 0, legs: [] });
    expect(measureStraight([[46, 40]])).toEqual({ total: 0, legs: [] });
    const m = measureStraight([[46, 40], [Number.NaN, 40], [], [46, 41]]);
    expect(m.legs).toHaveLength(1);
    expect(m.total).toBeCloseTo(111.2, 0);
  });
});

describe('measureAlongRoute', () => {
  const corridor = route('lachin-corridor');

  it('measures the Lachin corridor from Stepanakert to the Hakari bridge (schematic: about 36 km)', () => {
    const m = measureAlongRoute(corridor, place('stepanakert'), place('hakari-bridge'));
    expect(m?.length).toBeCloseTo(36.11, 1);
    expect(m?.offRoute[0]).toBeLessThan(1e-6);
    expect(m?.path[0]).toEqual(place('stepanakert'));
    expect(m?.path.at(-1)).toEqual(place('hakari-bridge'));
  });

  it('gives the same length in reverse, with the path running from a to b', () => {
    const there = measureAlongRoute(corridor, place('shusha'), place('goris'));
    const back = measureAlongRoute(corridor, place('goris'), place('shusha'));
    expect(back?.length).toBeCloseTo(there?.length ?? -1, 9);
    expect(back?.path[0]).toEqual(place('goris'));
    expect(back?.path.at(-1)).toEqual(place('shusha'));
  });

  it('snaps points off the road to it and reports how far off they were', () => {
    const [lon, lat] = place('lisagor');
    const m = measureAlongRoute(corridor, [(lon ?? 0) + 0.02, lat ?? 0], place('goris'));
    expect(m?.offRoute[0]).toBeGreaterThan(0.5);
    expect(m?.offRoute[0]).toBeLessThan(2);
    expect(m?.length).toBeGreaterThan(distance(place('lisagor'), place('goris')));
  });

  it('measures within one segment, both ways', () => {
    const line = [
      [46, 40],
      [46, 41],
    ];
    expect(measureAlongRoute(line, [46, 40.2], [46, 40.7])?.length).toBeCloseTo(55.6, 0);
    expect(measureAlongRoute(line, [46, 40.7], [46, 40.2])?.length).toBeCloseTo(55.6, 0);
  });

  it('is zero when a == b, and never throws on degenerate routes', () => {
    const a = place('lisagor');
    expect(measureAlongRoute(corridor, a, a)).toMatchObject({ length: 0, path: [a] });
    expect(measureAlongRoute([], a, a)).toBeNull();
    expect(measureAlongRoute([[46, 40]], a, a)).toBeNull();
    expect(
      measureAlongRoute(
        [
          [46, 40],
          [46, 40],
          [Number.NaN, 1],
        ],
        a,
        a,
      ),
    ).toBeNull();
    expect(measureAlongRoute(corridor, [Number.NaN, 40], a)).toBeNull();
    const repeated = [
      [46, 40],
      [46, 40],
      [46, 41],
      [46, 41],
    ];
    expect(measureAlongRoute(repeated, [46, 40], [46, 41])?.length).toBeCloseTo(111.2, 0);
  });
});

describe('alongRoutesNear', () => {
  const routes = [...realEngine().data.routes.values()];

  it('offers the road both ends lie near, and only that road', () => {
    const near = alongRoutesNear(routes, place('stepanakert'), place('yevlakh'), 5);
    expect(near.map((r) => r.id)).toEqual(['yevlakh-road']);
    expect(near[0]?.length).toBeCloseTo(97.89, 1);
  });

  it('offers nothing when one end is far from every road', () => {
    expect(alongRoutesNear(routes, place('stepanakert'), place('ganja'), 5)).toEqual([]);
  });
});
