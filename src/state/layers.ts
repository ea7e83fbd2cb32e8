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
  {
    id: 'region',
    label: 'Nagorno-Karabakh',
    caveat: 'Approximate outline, hand-drawn after the former autonomous oblast (1923–1991); not a surveyed line.',
  },
  { id: 'rivers', label: 'Rivers and lakes', caveat: 'The Kura and the lower Aras are hand-drawn and simplified.' },
  { id: 'borders', label: 'International borders' },
];

export const LAYER_IDS: ReadonlySet<string> = new Set(LAYERS.map((l) => l.id));

export const DEFAULT_LAYERS: readonly string[] = ['places', 'region', 'rivers', 'borders'];
