/**
 * The layers a user can switch on and off, by the ids the URL's `layers` parameter uses.
 * These ids are a public interface (embedders' links carry them): add ids, never rename one.
 */
export interface LayerInfo {
  id: string;
  label: string;
  /** Said in the legend and the layer panel where the geometry is not a surveyed line. */
  caveat?: string;
}

export const LAYERS: readonly LayerInfo[] = [
  { id: 'places', label: 'Places named in the sources' },
  { id: 'events', label: 'Places under fire, in shelter or emptied, as the events unfold' },
  {
    id: 'exodus',
    label: 'The exodus, one dot per person',
    caveat:
      'Each dot is placed on the road by the Armenian government’s arrival figures; the road is drawn schematically.',
  },
  {
    id: 'movements',
    label: 'Journeys: to the airport, the delegation, the UN mission, the last bus',
    caveat: 'Hours are schematic where the sources give only the day.',
  },
  {
    id: 'routes',
    label: 'Roads and their status',
    caveat: 'Straight segments between sourced waypoints; the real roads are longer.',
  },
  {
    id: 'attacks',
    label: 'Directions of attack, 19–20 September',
    caveat: 'Schematic: the documents give no front lines.',
  },
  {
    id: 'areas',
    label: 'Areas: held until the offensive, peacekeeping zone, encirclement',
    caveat: 'Schematic: no public outlines exist.',
  },
  {
    id: 'region',
    label: 'Nagorno-Karabakh',
    caveat: 'Approximate outline, hand-drawn after the former autonomous oblast (1923–1991); not a surveyed line.',
  },
  { id: 'context', label: 'Area held 1994–2020 (Natural Earth)', caveat: 'Context before the timeline.' },
  { id: 'rivers', label: 'Rivers and lakes', caveat: 'The Kura and the lower Aras are hand-drawn and simplified.' },
  { id: 'borders', label: 'International borders' },
];

export const LAYER_IDS: ReadonlySet<string> = new Set(LAYERS.map((l) => l.id));

export const DEFAULT_LAYERS: readonly string[] = LAYERS.map((l) => l.id).filter((id) => id !== 'context');
