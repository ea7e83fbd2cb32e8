/** Our own attribution, as text: MapLibre's control would set style strings as HTML. */
export const ATTRIBUTION =
  'Natural Earth (public domain) · Kura, lower Aras, Nagorno-Karabakh outline: drawn by hand, approximate';
/** For small embeds, where the full line would cover a third of the map. */
export const ATTRIBUTION_SHORT = 'Natural Earth · hand-drawn outlines approximate';
