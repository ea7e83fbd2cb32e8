/**
 * Which style layers show and in what order, from the reader's layer list (state/layers.ts: first
 * on top), written once: the live map applies these moves with `moveLayer` and this visibility with
 * `setLayoutProperty` (map/MapView.tsx), the still picture orders and filters its SVG groups with
 * them (embed/static-map.ts), so the two stack the same (docs/architecture.md#one-look-two-renderers).
 * Pure, no DOM.
 */
import { DOTS_LAYER_ID } from './exodus-dots';
import { DOTS_BEFORE, LABEL_ANCHOR, LAYER_GROUPS } from './style';

/** A move as MapLibre's `moveLayer(id, before)` takes it: `before` undefined puts the layer on top. */
export type LayerMove = readonly [id: string, before: string | undefined];

/**
 * Each group moved under the first basemap label, the last in the list first, so the first ends on
 * top. Places first in the list go above every other label, as in the style.
 */
export function layerMoves(layers: readonly string[], hasAnchor: boolean): LayerMove[] {
  const anchor = hasAnchor ? LABEL_ANCHOR : undefined;
  return [...layers].reverse().flatMap((group) => {
    const before = group === 'places' && group === layers[0] ? undefined : anchor;
    return (LAYER_GROUPS[group] ?? []).map((id): LayerMove => [id, before]);
  });
}

/** Applies moves to a list of layer ids (bottom first), skipping ids the list lacks, as MapLibre does. */
export function applyMoves(ids: readonly string[], moves: readonly LayerMove[]): string[] {
  const order = [...ids];
  for (const [id, before] of moves) {
    const from = order.indexOf(id);
    if (from === -1) continue;
    order.splice(from, 1);
    const at = before === undefined ? -1 : order.indexOf(before);
    order.splice(at === -1 ? order.length : at, 0, id);
  }
  return order;
}

/**
 * The stack of the live map once loaded: the style's layers in the reader's order, then the exodus
 * dots' custom layer added under the journeys (map/exodus-dots.ts adds it after the style loads).
 */
export function layerStack(styleIds: readonly string[], layers: readonly string[]): string[] {
  const order = applyMoves(styleIds, layerMoves(layers, styleIds.includes(LABEL_ANCHOR)));
  const at = order.indexOf(DOTS_BEFORE);
  order.splice(at === -1 ? order.length : at, 0, DOTS_LAYER_ID);
  return order;
}

/** Whether a style layer shows: a layer of a group shows when its group is on; others always show. */
export function layerVisible(id: string, layers: readonly string[]): boolean {
  for (const [group, ids] of Object.entries(LAYER_GROUPS)) if (ids.includes(id)) return layers.includes(group);
  return true;
}
