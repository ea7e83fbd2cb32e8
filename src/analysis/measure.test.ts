import { distance } from '@turf/turf';
import { describe, expect, it } from 'vitest';
import { syntheticData } from '../timeline/synthetic-fixture';
import { alongRoutesNear, measureAlongRoute, measureStraight } from './measure';

/**
 * Places and roads of the made-up dataset (timeline/synthetic-fixture.ts). The real distances the
 * claims panel states (95 km to Yevlakh, 36 km of drawn corridor) are pinned in claims.test.ts.
 */
const data = syntheticData();
const place = (id: string) => {
  const p = data.places.get(id);
  if (!p) throw new Error(`no place ${id}`);
  return p.coordinates;
};
const route = (id: string) => {
  const r = data.routes.get(id);
  if (!r) throw new Error(`no route ${id}`);
  return r.coordinates;
};

describe('measureStraight', () => {
  it('gives each leg and the total in km, great circle', () => {
    const m = measureStraight([place('place-alpha'), place('place-echo'), place('place-golf')]);
    expect(m.legs).toHaveLength(2);
    expect(m.legs[0]).toBeCloseTo(91.77, 1);
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
  const road = route('road-main');

  it('measures the main road from Alpha to the Charlie post, over two of its legs (about 31 km)', () => {
    const m = measureAlongRoute(road, place('place-alpha'), place('post-charlie'));
    expect(m?.length).toBeCloseTo(
      distance(place('place-alpha'), place('place-bravo')) + distance(place('place-bravo'), place('post-charlie')),
      6,
    );
    expect(m?.length).toBeCloseTo(30.65, 1);
    expect(m?.offRoute[0]).toBeLessThan(1e-6);
    expect(m?.path[0]).toEqual(place('place-alpha'));
    expect(m?.path.at(-1)).toEqual(place('post-charlie'));
  });

  it('gives the same length in reverse, with the path running from a to b', () => {
    const there = measureAlongRoute(road, place('place-bravo'), place('place-delta'));
    const back = measureAlongRoute(road, place('place-delta'), place('place-bravo'));
    expect(back?.length).toBeCloseTo(there?.length ?? -1, 9);
    expect(back?.path[0]).toEqual(place('place-delta'));
    expect(back?.path.at(-1)).toEqual(place('place-bravo'));
  });

  it('snaps points off the road to it and reports how far off they were', () => {
    const [lon, lat] = place('place-bravo');
    const m = measureAlongRoute(road, [(lon ?? 0) + 0.02, lat ?? 0], place('place-delta'));
    expect(m?.offRoute[0]).toBeGreaterThan(0.5);
    expect(m?.offRoute[0]).toBeLessThan(2);
    expect(m?.length).toBeGreaterThan(distance(place('place-bravo'), place('place-delta')));
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
    const a = place('place-bravo');
    expect(measureAlongRoute(road, a, a)).toMatchObject({ length: 0, path: [a] });
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
    expect(measureAlongRoute(road, [Number.NaN, 40], a)).toBeNull();
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
  const routes = [...data.routes.values()];

  it('offers the road both ends lie near, and only that road', () => {
    // Alpha is on both roads, Echo only on the side road.
    const near = alongRoutesNear(routes, place('place-alpha'), place('place-echo'), 5);
    expect(near.map((r) => r.id)).toEqual(['road-side']);
    expect(near[0]?.length).toBeCloseTo(91.79, 1);
  });

  it('offers nothing when one end is far from every road', () => {
    expect(alongRoutesNear(routes, place('place-alpha'), place('place-golf'), 5)).toEqual([]);
  });
});
