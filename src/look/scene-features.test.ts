/**
 * docs/data-rules.md, rule S1, as drawn: at every moment a mark is on the map, the feature the map
 * and the still picture draw carries the weakest status of the claims the mark depicts, and the
 * style draws that status (filled only when confirmed, the second ring exactly when disputed).
 */
import type { LayerSpecification } from '@maplibre/maplibre-gl-style-spec';
import { describe, expect, it } from 'vitest';
import { evaluate, passesFilter } from '../embed/static-style';
import { markStatus } from '../timeline/attribution';
import { realEngine } from '../timeline/engine-fixture';
import { type Engine, sceneAt } from '../timeline/scene';
import { syntheticEngine } from '../timeline/synthetic-fixture';
import { STATUS_STRENGTH } from '../vocabulary/vocabulary';
import { overlayLayers } from './dataset-style';
import { effectFeatures, moverFeatures } from './scene-features';

/**
 * The made-up dataset has a mark of each status (the real one has no unconfirmed mark); the real
 * one is checked as well because the rule is about every mark the real map draws.
 */
const ENGINES: [string, Engine][] = [
  ['the synthetic dataset', syntheticEngine()],
  ['the real dataset', realEngine()],
];
const layer = (id: string) =>
  overlayLayers().find((l) => l.id === id) as LayerSpecification & { paint?: Record<string, unknown> };
const paint = (id: string, prop: string, properties: Record<string, unknown>) =>
  evaluate(layer(id).paint?.[prop], { zoom: 9, properties });

describe.each(ENGINES)('%s', (_, engine) => {
  const { data } = engine;

  describe('place marks on the map', () => {
    const cases = data.events.flatMap((e) =>
      e.effects.map((f) => ({ event: e.id, place: f.place, state: f.state, at: e.start + 60_000, depicts: f.depicts })),
    );

    it('covers every effect of the dataset', () => {
      expect(cases.length).toBe(data.events.reduce((n, e) => n + e.effects.length, 0));
      expect(cases.length).toBeGreaterThan(8);
    });

    it.each(cases)('$event at $place: drawn with the weakest status of the claims it depicts', (c) => {
      const scene = sceneAt(engine, c.at);
      const feature = effectFeatures(scene, data).find((f) => f.properties?.id === c.place);
      expect(feature, 'drawn at its start').toBeDefined();
      const properties = feature?.properties ?? {};
      const own = markStatus(c.depicts, data.claims, data.claimants).status;
      // Where two events mark the place the same way, the better-established one decides (and is listed);
      // a graver state from another event (under fire over emptied) is drawn with its own status.
      const mark = scene.placeMarks[c.place];
      if (mark?.eventIds[0] === c.event) expect(properties.status).toBe(own);
      else if (mark?.state === c.state)
        expect(STATUS_STRENGTH.indexOf(properties.status)).toBeGreaterThanOrEqual(STATUS_STRENGTH.indexOf(own));
      const filled = Number(paint('place-state', 'circle-opacity', properties)) > 0;
      expect(filled, 'filled exactly when confirmed').toBe(properties.status === 'confirmed');
      const ring = passesFilter((layer('place-state-ring') as { filter?: unknown }).filter, { zoom: 9, properties });
      expect(ring, 'second ring exactly when disputed').toBe(properties.status === 'disputed');
      expect(properties.label).toMatch(
        properties.status === 'confirmed' ? /· confirmed$/ : /· (claimed by|unconfirmed)/,
      );
    });

    it('never draws a disputed claim as confirmed, whichever events mark the place together', () => {
      for (const e of data.events) {
        for (const f of e.effects) {
          const disputed = f.depicts.some((id) => data.claims.get(id)?.status === 'disputed');
          if (disputed) expect(f.mark.status, `${e.id} ${f.place}`).toBe('disputed');
        }
      }
    });
  });

  describe('journeys on the map', () => {
    it('are filled only when confirmed, and say the count a source gives or "unknown number"', () => {
      for (const e of data.events) {
        for (const m of e.movements) {
          const scene = sceneAt(engine, (m.start + m.end) / 2);
          const f = moverFeatures(scene).find((x) => String(x.properties?.id).startsWith(`${e.id}:`));
          expect(f, e.id).toBeDefined();
          const properties = f?.properties ?? {};
          expect(properties.status).toBe(m.mark.status);
          expect(String(properties.label)).toMatch(
            m.people === undefined ? /^unknown number/ : /^\d[\d,]* (people|person)/,
          );
          const fill = paint('movers', 'circle-color', properties);
          expect(fill === '#ffffff', `${e.id}: a ring unless confirmed`).toBe(m.mark.status !== 'confirmed');
        }
      }
    });
  });
});
