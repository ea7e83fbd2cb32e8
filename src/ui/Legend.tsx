/** What every symbol on the map means, including what is approximate. Colours come from the map's palette. */
import type { ReactNode } from 'react';
import { PALETTE } from '../map/palette';
import { useApp } from '../state/store';

interface Entry {
  layer: string | null;
  swatch: ReactNode;
  text: string;
}

const line = (color: string, dash?: string, width = 2) => (
  <svg width="28" height="12" aria-hidden="true">
    <line
      x1="1"
      y1="6"
      x2="27"
      y2="6"
      stroke={color}
      strokeWidth={width}
      strokeDasharray={dash}
      strokeLinecap="round"
    />
  </svg>
);
const box = (fill: string, stroke = 'none', dash?: string) => (
  <svg width="28" height="14" aria-hidden="true">
    <rect x="1" y="1" width="26" height="12" fill={fill} stroke={stroke} strokeDasharray={dash} strokeWidth="1.5" />
  </svg>
);
const dot = (strokeWidth: number, r: number) => (
  <svg width="28" height="14" aria-hidden="true">
    <circle cx="14" cy="7" r={r} fill={PALETTE.focusLand} stroke={PALETTE.placeDot} strokeWidth={strokeWidth} />
  </svg>
);

const ENTRIES: Entry[] = [
  { layer: 'places', swatch: dot(2.4, 4), text: 'Capital' },
  { layer: 'places', swatch: dot(1.6, 3.4), text: 'Place named in the sources' },
  {
    layer: 'region',
    swatch: box(PALETTE.regionFill, PALETTE.region, '3 2'),
    text: 'Nagorno-Karabakh, approximate outline (not a surveyed line)',
  },
  { layer: 'borders', swatch: line(PALETTE.border, undefined, 1.5), text: 'International border' },
  { layer: 'rivers', swatch: line(PALETTE.river), text: 'River (Kura and lower Aras simplified by hand)' },
  { layer: 'rivers', swatch: box(PALETTE.water), text: 'Sea, lake' },
  { layer: null, swatch: box(PALETTE.focusLand, '#c9c4bb'), text: 'Armenia and Azerbaijan' },
  { layer: null, swatch: box(PALETTE.land, '#c9c4bb'), text: 'Neighbouring countries' },
];

export function Legend({ compact = false }: { compact?: boolean }) {
  const layers = useApp((s) => s.layers);
  const shown = ENTRIES.filter((e) => e.layer === null || layers.includes(e.layer));
  return (
    <section className={compact ? 'panel legend compact' : 'panel legend'} aria-label="Legend">
      <h2>Legend</h2>
      <ul>
        {shown.map((e) => (
          <li key={e.text}>
            {e.swatch}
            <span>{e.text}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
