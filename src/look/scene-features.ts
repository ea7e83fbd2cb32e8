/**
 * The features the map draws for a scene's marks: places under fire, in shelter or emptied, and the
 * journeys under way, each with the status of the claims behind it and the label that says so. The
 * live map (apply-scene.ts) and the embed's still picture (embed/static-map.ts) both take them from
 * here, so the two cannot word or draw a mark differently. Pure: no MapLibre.
 */
import type { Feature } from 'geojson';
import type { AreaInfo, Dataset } from '../timeline/dataset';
import type { Scene } from '../timeline/scene';
import { type ClaimStatus, PLACE_STATE_WORDS } from '../vocabulary/vocabulary';

/** How a status reads in a label: confirmed in a word, anything else with whose word it is. */
export const statusLabel = (status: ClaimStatus, statusText: string) =>
  status === 'confirmed' ? 'confirmed' : statusText;

/** Places marked at this moment, for the `effects` source. */
export function effectFeatures(scene: Scene, data: Pick<Dataset, 'places'>): Feature[] {
  const hidden = new Set(scene.hiddenPlaces);
  return Object.entries(scene.placeMarks).flatMap(([id, mark]) => {
    const at = data.places.get(id)?.coordinates;
    if (!at || hidden.has(id)) return [];
    return [
      {
        type: 'Feature' as const,
        id,
        properties: {
          id,
          state: mark.state,
          status: mark.status,
          event: mark.eventIds[0] ?? '',
          label: `${PLACE_STATE_WORDS[mark.state]} · ${statusLabel(mark.status, mark.statusText)}`,
        },
        geometry: { type: 'Point' as const, coordinates: at },
      },
    ];
  });
}

/** Journeys under way, for the `movers` source. */
export function moverFeatures(scene: Scene): Feature[] {
  return scene.movers.map((m) => ({
    type: 'Feature' as const,
    id: m.id,
    properties: {
      id: m.id,
      event: m.eventId,
      status: m.status,
      label: m.status === 'confirmed' ? m.label : `${m.label} · ${m.statusText}`,
    },
    geometry: { type: 'Point' as const, coordinates: m.coordinates },
  }));
}

/** What an encirclement or an attack arrow adds to its properties: its status and the label that says it. */
export function markProperties(info: AreaInfo | undefined): { status: ClaimStatus; label: string } {
  const mark = info?.mark;
  const status = mark?.status ?? 'confirmed';
  return { status, label: mark ? `schematic · ${statusLabel(status, mark.short)}` : 'schematic' };
}

/** The label of Stepanakert's circle: arithmetic on two sourced figures, said as such, never a count of people left. */
export function populationLabel(notCounted: number): string {
  return `${Math.round(notCounted).toLocaleString('en')} of ~120,000 not yet counted in Armenia`;
}
