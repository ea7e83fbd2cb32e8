/** What every symbol on the map means, including what is approximate. Colours come from the map's palette. */
import type { ReactNode } from 'react';
import { useImports } from '../import/imports-store';
import { PALETTE } from '../look/palette';
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

const ring = (color: string, fill = 'none', width = 2.5) => (
  <svg width="28" height="16" aria-hidden="true">
    <circle cx="14" cy="8" r="6.5" fill={fill} stroke={color} strokeWidth={width} />
  </svg>
);
/** The disputed mark: a ring inside a second, thinner ring (map/dataset-style.ts, place-state-ring). */
const doubleRing = (color: string) => (
  <svg width="28" height="20" aria-hidden="true">
    <circle cx="14" cy="10" r="5.5" fill="none" stroke={color} strokeWidth="2.2" />
    <circle cx="14" cy="10" r="9" fill="none" stroke={color} strokeWidth="1.1" />
  </svg>
);
const dashedArrow = (
  <svg width="28" height="14" aria-hidden="true">
    <line
      x1="2"
      y1="7"
      x2="20"
      y2="7"
      stroke={PALETTE.fire}
      strokeWidth="3.5"
      strokeOpacity="0.75"
      strokeDasharray="5 3.5"
    />
    <polygon points="19,2 27,7 19,12" fill={PALETTE.fire} />
  </svg>
);
const journey = (filled: boolean) => (
  <svg width="28" height="14" aria-hidden="true">
    <circle
      cx="14"
      cy="7"
      r="4"
      fill={filled ? PALETTE.mover : '#ffffff'}
      stroke={filled ? '#ffffff' : PALETTE.mover}
      strokeWidth={filled ? 1.5 : 2}
    />
  </svg>
);
const arrow = (
  <svg width="28" height="14" aria-hidden="true">
    <line x1="2" y1="7" x2="20" y2="7" stroke={PALETTE.fire} strokeWidth="3.5" strokeOpacity="0.75" />
    <polygon points="19,2 27,7 19,12" fill={PALETTE.fire} />
  </svg>
);
const dots = (
  <svg width="28" height="14" aria-hidden="true">
    {[3, 7, 10, 14, 17, 21, 25].map((x, i) => (
      <circle key={x} cx={x} cy={i % 2 ? 5 : 9} r="1.4" fill={PALETTE.dots} />
    ))}
  </svg>
);

const importedDot = (
  <svg width="28" height="14" aria-hidden="true">
    <circle cx="14" cy="7" r="4" fill={PALETTE.imported} stroke="#ffffff" strokeWidth="1.5" />
  </svg>
);

const ENTRIES: Entry[] = [
  { layer: 'places', swatch: dot(2.4, 4), text: 'Capital' },
  { layer: 'places', swatch: dot(1.6, 3.4), text: 'Place named in the sources' },
  { layer: 'events', swatch: ring(PALETTE.fire, 'rgba(179,55,43,0.25)'), text: 'Under fire' },
  { layer: 'events', swatch: ring(PALETTE.shelter, 'rgba(47,102,144,0.25)'), text: 'Shelter' },
  { layer: 'events', swatch: ring(PALETTE.explosion, 'rgba(224,123,36,0.35)'), text: 'Explosion' },
  { layer: 'events', swatch: ring(PALETTE.emptied, 'rgba(140,140,140,0.3)'), text: 'Emptied' },
  {
    layer: 'events',
    swatch: ring('#6f6a63', 'rgba(111,106,99,0.28)'),
    text: 'Filled: confirmed by independent sources',
  },
  { layer: 'events', swatch: ring('#6f6a63'), text: 'Ring: claimed by one side; the label says whose' },
  { layer: 'events', swatch: ring('#6f6a63', 'none', 1.3), text: 'Thin ring: unconfirmed report' },
  {
    layer: 'events',
    swatch: doubleRing('#6f6a63'),
    text: 'Double ring: disputed, claimed by one side and denied by the other',
  },
  { layer: 'exodus', swatch: dots, text: 'People leaving: one dot per person, placed by the arrival figures' },
  {
    layer: 'exodus',
    swatch: ring('rgba(20, 42, 68, 0.55)', 'rgba(20, 42, 68, 0.10)'),
    text: 'Circle at Stepanakert: the estimated 120,000 less the arrivals counted in Armenia (not a count of who stayed)',
  },
  {
    layer: 'movements',
    swatch: journey(true),
    text: 'Journey, confirmed; beside it the count a source gives, or “unknown number” (hours schematic where not reported)',
  },
  { layer: 'movements', swatch: journey(false), text: 'Journey on one side’s word' },
  { layer: 'routes', swatch: line(PALETTE.open, undefined, 3), text: 'Road open' },
  {
    layer: 'routes',
    swatch: line(PALETTE.restricted, '5 3', 3),
    text: 'Road restricted (only the ICRC and peacekeepers pass)',
  },
  { layer: 'routes', swatch: line(PALETTE.blocked, '1.5 3', 3), text: 'Road blocked' },
  { layer: 'routes', swatch: line(PALETTE.oneWay, undefined, 3), text: 'Road open one way, towards Armenia' },
  { layer: 'attacks', swatch: arrow, text: 'Direction of attack, schematic (no front lines in the sources)' },
  {
    layer: 'attacks',
    swatch: dashedArrow,
    text: 'Dashed: the claim behind it is not confirmed; the label says whose it is',
  },
  {
    layer: 'areas',
    swatch: box(PALETTE.heldFill, PALETTE.held, '1 1.5'),
    text: 'Held by the Karabakh Armenian authorities until 20 September 2023 (schematic)',
  },
  { layer: 'areas', swatch: box('none', PALETTE.shelter, '4 2'), text: 'Russian peacekeepers’ zone (schematic)' },
  {
    layer: 'areas',
    swatch: box('rgba(168, 50, 42, 0.14)', PALETTE.fire, '2 1'),
    text: 'Reported encirclement (schematic)',
  },
  { layer: 'context', swatch: box('rgba(90, 90, 90, 0.05)', '#7d7d7d', '1 2'), text: 'Held 1994–2020 (Natural Earth)' },
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

/** Entries for what the reader added: their own data, and a measurement while the tool is open. */
const IMPORTED: Entry = {
  layer: null,
  swatch: dot(2, 4),
  text: 'Your data (imported; not part of the sourced dataset)',
};
const MEASURE: Entry = { layer: null, swatch: line(PALETTE.measure, '4 3', 2), text: 'Your measurement' };

export function Legend({ compact = false }: { compact?: boolean }) {
  const layers = useApp((s) => s.layers);
  const measuring = useApp((s) => s.measuring);
  const imported = useImports((s) => s.layers.length > 0);
  const shown = [
    ...(imported ? [{ ...IMPORTED, swatch: importedDot }] : []),
    ...(measuring ? [MEASURE] : []),
    ...ENTRIES.filter((e) => e.layer === null || layers.includes(e.layer)),
  ];
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
