/** Colours of the map, shared with the legend so the two can never disagree. */
export const PALETTE = {
  water: '#d6e2ea',
  waterLabel: '#55768f',
  land: '#ece9e2',
  /** The two countries the story happens in, a shade lighter than their neighbours. */
  focusLand: '#f8f6f1',
  border: '#8f8a84',
  borderCasing: '#ffffff',
  river: '#9db8cc',
  region: '#a6402f',
  regionFill: 'rgba(166, 64, 47, 0.07)',
  countryLabel: '#6f6a63',
  placeLabel: '#24221f',
  placeHalo: 'rgba(255, 255, 255, 0.92)',
  placeDot: '#24221f',
} as const;
