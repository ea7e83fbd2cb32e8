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
  /** Road status: a restrained traffic-light scale, blue for the one-way exodus road. */
  open: '#4f7f5f',
  restricted: '#c2872e',
  blocked: '#a8322a',
  oneWay: '#7ea7cc',
  /** Events at places. */
  fire: '#b3372b',
  explosion: '#e07b24',
  shelter: '#2f6690',
  emptied: '#8c8c8c',
  mover: '#1f1f1f',
  held: '#6f6757',
  heldFill: 'rgba(111, 103, 87, 0.09)',
  dots: '#142a44',
  /** The reader's own imported layers: a purple no layer of the dataset uses. */
  imported: '#7b3fa0',
  /** The measurement: magenta, used by no road status, event, area or imported layer, so it never reads as data. */
  measure: '#c0157f',
} as const;
