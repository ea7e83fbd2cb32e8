/**
 * "On the map": every mark the map shows at this moment (places under fire, in shelter or emptied,
 * journeys, encirclements and attack arrows) with the status of the claims behind it, in the words
 * the map's labels use: "Kut: under fire · claimed by Armenia's defence ministry; denied by
 * Azerbaijan". Shown under the event in explore and, large, under the caption in present mode.
 */
import type { ReactNode } from 'react';
import { statusLabel } from '../look/scene-features';
import { useScene } from '../state/scene-cache';
import { useApp } from '../state/store';
import type { Dataset } from '../timeline/dataset';
import type { Scene } from '../timeline/scene';
import type { Naming } from '../vocabulary/vocabulary';
import { type ClaimStatus, PLACE_STATE_WORDS } from '../vocabulary/vocabulary';
import { nameIn } from './Inspector';

export interface MarkLine {
  key: string;
  what: string;
  status: ClaimStatus;
  said: string;
}

/** The marks of a scene as lines of text; pure, for the panel and the tests. */
export function markLines(scene: Scene, data: Dataset, naming: Naming, layers: readonly string[]): MarkLine[] {
  const place = (id: string) => nameIn(data.places.get(id)?.names ?? { en: id }, naming);
  const lines: MarkLine[] = [];
  const shown = (layer: string) => layers.includes(layer);
  for (const [id, m] of Object.entries(shown('events') ? scene.placeMarks : {})) {
    lines.push({
      key: `place:${id}`,
      what: `${place(id)}: ${PLACE_STATE_WORDS[m.state]}`,
      status: m.status,
      said: statusLabel(m.status, m.statusText),
    });
  }
  for (const m of shown('movements') ? scene.movers : []) {
    const e = data.events.find((x) => x.id === m.eventId);
    const mv = e?.movements[Number(m.id.split(':')[1])];
    const route = mv ? `${place(mv.from)} → ${place(mv.to)}` : (e?.title ?? m.eventId);
    lines.push({
      key: `mover:${m.id}`,
      what: `${route}: ${m.label}`,
      status: m.status,
      said: statusLabel(m.status, m.statusText),
    });
  }
  const areas = [...(shown('areas') ? scene.areas : []), ...(shown('attacks') ? scene.arrows : [])];
  for (const id of areas) {
    const info = data.areaInfo.get(id);
    if (!info?.mark) continue;
    lines.push({
      key: `area:${id}`,
      what: nameIn(info.names, naming),
      status: info.mark.status,
      said: statusLabel(info.mark.status, info.mark.short),
    });
  }
  // Two arrows towards Martakert read the same: say it once.
  const seen = new Set<string>();
  return lines.filter((l) => {
    const text = `${l.what}|${l.said}`;
    if (seen.has(text)) return false;
    seen.add(text);
    return true;
  });
}

export function MapMarks({ large = false }: { large?: boolean }): ReactNode {
  const scene = useScene();
  const data = useApp((s) => s.engine?.data);
  const naming = useApp((s) => s.names);
  const layers = useApp((s) => s.layers);
  if (!scene || !data) return null;
  const lines = markLines(scene, data, naming, layers);
  if (lines.length === 0) return null;
  return (
    <section className={large ? 'map-marks large' : 'map-marks'} aria-label="On the map now" data-testid="map-marks">
      <h3>On the map now</h3>
      <ul>
        {lines.map((l) => (
          <li key={l.key} className={`mark status-${l.status}`} data-mark={l.key} data-status={l.status}>
            <span className="mark-swatch" aria-hidden="true" />
            <span className="mark-what">{l.what}</span> <span className="mark-said">· {l.said}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
