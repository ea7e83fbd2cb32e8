/**
 * The synthetic dataset keeps covering what the engine tests rely on it for: if an edit to the
 * fixture drops a case (the last unconfirmed mark, the journey with no count), this fails, not a
 * behaviour test that silently stops checking anything.
 */
import { describe, expect, it } from 'vitest';
import { CLAIM_STATUSES, PLACE_STATES, ROUTE_STATUSES } from '../vocabulary/vocabulary';
import { SYNTHETIC_PLACES, syntheticEngine, syntheticRaw } from './synthetic-fixture';

const { data } = syntheticEngine();
const effects = data.events.flatMap((e) => e.effects);
const movements = data.events.flatMap((e) => e.movements);

describe('the synthetic dataset', () => {
  it('is a fresh copy each time, so a test may change its own', () => {
    const a = syntheticRaw();
    a.events.events.length = 0;
    expect(syntheticRaw().events.events.length).toBe(data.events.length);
  });

  it('resolves every reference: claims, claimants, places and roads', () => {
    for (const id of [...effects, ...movements].flatMap((x) => x.depicts)) expect(data.claims.has(id), id).toBe(true);
    for (const c of data.claims.values()) {
      expect(data.claimants.has(c.claimantId), c.id).toBe(true);
      if (c.response) expect(data.claimants.has(c.response.claimantId), c.id).toBe(true);
    }
    for (const s of data.series.values()) expect(data.claimants.has(s.claimantId), s.id).toBe(true);
    const places = [
      ...data.events.flatMap((e) => e.places),
      ...effects.map((f) => f.place),
      ...movements.flatMap((m) => [m.from, m.to, ...(m.path ?? [])]),
      ...[...data.routes.values()].flatMap((r) => r.waypoints),
    ];
    for (const id of places) expect(data.places.has(id), id).toBe(true);
    for (const m of movements) if (m.route) expect(data.routes.has(m.route), m.route).toBe(true);
    expect([...data.places.keys()].sort()).toEqual(Object.keys(SYNTHETIC_PLACES).sort());
  });

  it('has a mark of every status, every place state and every road status', () => {
    const marks = [...effects, ...movements].map((x) => x.mark.status);
    expect(new Set(marks)).toEqual(new Set(CLAIM_STATUSES));
    expect(new Set(effects.map((f) => f.state))).toEqual(new Set(PLACE_STATES));
    expect(new Set([...data.routes.values()].flatMap((r) => r.status.map((s) => s.status)))).toEqual(
      new Set(ROUTE_STATUSES),
    );
    expect(effects.some((f) => f.until !== undefined)).toBe(true);
    expect([...data.areaInfo.values()].filter((a) => a.mark).length).toBeGreaterThanOrEqual(2);
  });

  it('has point, bounded and window events, a lead among several starting together, journeys with and without a count', () => {
    expect(data.events.some((e) => e.end === undefined)).toBe(true);
    expect(data.events.some((e) => e.end !== undefined && e.precision !== 'window')).toBe(true);
    expect(data.events.some((e) => e.precision === 'window')).toBe(true);
    const lead = data.events.find((e) => e.lead);
    expect(data.events.filter((e) => e.start === lead?.start).length).toBeGreaterThan(2);
    expect(movements.some((m) => m.people === undefined)).toBe(true);
    expect(movements.some((m) => m.people !== undefined)).toBe(true);
    expect(movements.some((m) => m.route)).toBe(true);
    expect(movements.some((m) => m.path)).toBe(true);
    expect(new Set([...data.series.values()].map((s) => s.kind))).toEqual(new Set(['cumulative', 'per-day']));
  });
});
