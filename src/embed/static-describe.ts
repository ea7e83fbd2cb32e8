/**
 * The static picture in words, for screen readers: its `aria-label` (the date, the area in view,
 * the roads' status and what is drawn) and the dated events up to its time. Pure; names follow the
 * naming convention as everywhere in the app's prose (text/localize.ts).
 */

import { statusLabel } from '../look/scene-features';
import { LAYERS } from '../state/layers';
import { eventDate } from '../text/event-date';
import { localize } from '../text/localize';
import { readableAt } from '../text/readable-time';
import { formatIsoLocal } from '../time/iso';
import type { RouteStatus } from '../timeline/dataset';
import type { Engine, Scene } from '../timeline/scene';
import type { Naming } from '../vocabulary/vocabulary';
import { PLACE_STATE_WORDS } from '../vocabulary/vocabulary';
import { project, type StaticCamera } from './static-camera';

const STATUS: Record<RouteStatus, string> = {
  open: 'open',
  restricted: 'restricted',
  blocked: 'blocked',
  'one-way': 'open one way only',
};

export interface DatedEvent {
  id: string;
  title: string;
  /** As readers see it, never finer than the data. */
  date: string;
  /** For <time dateTime>: local ISO time. */
  iso: string;
}

export interface StaticDescription {
  label: string;
  /** The picture's date and time as readers see it. */
  when: string;
  events: DatedEvent[];
}

function list(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** Up to four places in view, the most important first, in the naming convention. */
function placesInView(engine: Engine, scene: Scene, camera: StaticCamera, names: Naming): string[] {
  const hidden = new Set(scene.hiddenPlaces);
  return [...engine.data.places.values()]
    .filter((p) => {
      if (hidden.has(p.id)) return false;
      const [x, y] = project(camera, p.coordinates[0] ?? 0, p.coordinates[1] ?? 0);
      return x >= 0 && x <= camera.width && y >= 0 && y <= camera.height;
    })
    .sort((a, b) => a.rank - b.rank)
    .slice(0, 4)
    .map((p) => p.names[names] ?? p.names.en);
}

export function describeStaticMap(o: {
  engine: Engine;
  scene: Scene;
  camera: StaticCamera;
  names: Naming;
  layers: readonly string[];
}): StaticDescription {
  const { engine, scene, camera, names, layers } = o;
  const data = engine.data;
  const shown = (id: string) => layers.includes(id);
  const placeName = (id: string) => {
    const p = data.places.get(id);
    return p ? (p.names[names] ?? p.names.en) : id;
  };
  const sentences: string[] = [];
  const around = placesInView(engine, scene, camera, names);
  const area = around.length
    ? `the area around ${list(around)}`
    : `the area at ${camera.lat.toFixed(2)}° N, ${camera.lon.toFixed(2)}° E`;
  const when = readableAt(engine, scene.t).text;
  sentences.push(`Map of ${area}, ${when}.`);
  if (scene.current) sentences.push(`Latest event: ${localize(scene.current.title, data, names)}.`);
  if (shown('routes') && scene.routes.length) {
    const roads = scene.routes.map((r) => {
      const route = data.routes.get(r.id);
      const name = localize(route?.names.en ?? r.id, data, names);
      return `${name} ${STATUS[r.status]}${r.interval.basis === 'inferred' ? ' (inferred)' : ''}`;
    });
    sentences.push(`Roads: ${roads.join('; ')}.`);
  }
  if (shown('events')) {
    const byState = new Map<string, string[]>();
    for (const [id, mark] of Object.entries(scene.placeMarks)) {
      // Whose word each mark rests on, as its label on the map says it.
      const word = PLACE_STATE_WORDS[mark.state];
      const entry = `${placeName(id)} (${statusLabel(mark.status, mark.statusText)})`;
      byState.set(word, [...(byState.get(word) ?? []), entry]);
    }
    for (const [word, places] of byState) sentences.push(`${word[0]?.toUpperCase()}${word.slice(1)}: ${list(places)}.`);
  }
  if (shown('exodus')) {
    const remaining = scene.counters.find((c) => c.id === 'not-counted-in-armenia');
    const crossed = scene.counters.find((c) => c.id === 'crossed-into-armenia');
    if (remaining && crossed)
      sentences.push(
        `${crossed.display} people had crossed into Armenia; ${remaining.display} of the estimated 120,000 were not yet counted there.`,
      );
  }
  if (shown('areas') && scene.areas.length) {
    const areas = scene.areas
      .filter((id) => id !== 'artsakh-1994-2020' || shown('context'))
      .map((id) => localize(data.areaInfo.get(id)?.names.en ?? id, data, names));
    if (areas.length) sentences.push(`Areas: ${areas.join('; ')}.`);
  }
  if (shown('attacks') && scene.arrows.length) sentences.push('Directions of attack are drawn schematically.');
  const layerNames = LAYERS.filter((l) => shown(l.id)).map((l) => l.label);
  if (layerNames.length) sentences.push(`Shown: ${layerNames.join('; ')}.`);
  const events = data.events
    .filter((e) => e.start <= scene.t)
    .map((e) => ({
      id: e.id,
      title: localize(e.title, data, names),
      date: eventDate(e),
      iso: formatIsoLocal(e.start),
    }));
  return { label: sentences.join(' '), when, events };
}
