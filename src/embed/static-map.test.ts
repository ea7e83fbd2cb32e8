import type { FeatureCollection } from 'geojson';
import { describe, expect, it } from 'vitest';
import { buildBasemap } from '../../scripts/basemap';
import { loadDataset, readCatalogue } from '../../scripts/data-files';
import { bundleDataset } from '../../scripts/dataset-bundle';
import { mercatorX, mercatorY, worldSize } from '../geo/mercator';
import { MAX_BOUNDS } from '../geo/region';
import { layerStack } from '../look/layer-order';
import { PALETTE } from '../look/palette';
import { styleLayers } from '../look/style';
import { DEFAULT_LAYERS, LAYER_IDS } from '../state/layers';
import { parseIsoTime } from '../time/iso';
import type { Dataset } from '../timeline/dataset';
import { realEngine } from '../timeline/engine-fixture';
import { sceneAt } from '../timeline/scene';
import { NAMINGS, type Naming } from '../vocabulary/vocabulary';
import { jumpedCamera, project, type StaticView, settledCamera, unproject } from './static-camera';
import { describeStaticMap } from './static-describe';
import { bandAlpha, dotStretches } from './static-dots';
import { clipLine, clipRing, pathData, simplify } from './static-geometry';
import { renderStaticMap, type StaticMapInputs, staticMapSvg } from './static-map';
import { evaluate, isExpression, passesFilter } from './static-style';
import { escapeXml, type SvgNode } from './static-svg';
import { advanceEm, shapeText } from './static-text';

const at = (iso: string) => {
  const parsed = parseIsoTime(iso);
  if (!parsed) throw new Error(`bad time ${iso}`);
  return parsed.t;
};

const basemap = buildBasemap();
const raw = bundleDataset(loadDataset().files, readCatalogue());
const engine = realEngine();
const DEFAULT_VIEW: StaticView = { lon: 46.5, lat: 40.05, zoom: 7 };

function inputs(over: Partial<StaticMapInputs> & { t?: string } = {}): StaticMapInputs {
  const { t = '2023-09-19T13:00+04:00', ...rest } = over;
  return {
    basemap,
    data: engine.data,
    areas: raw.areas,
    arrows: raw.arrows,
    scene: sceneAt(engine, at(t)),
    view: DEFAULT_VIEW,
    width: 640,
    height: 400,
    names: 'en',
    layers: [...DEFAULT_LAYERS],
    ...rest,
  };
}

/** Every element of a tree, depth first. */
function walk(node: SvgNode): SvgNode[] {
  return [node, ...(node.children ?? []).flatMap(walk)];
}

const group = (svg: SvgNode, layer: string) => (svg.children ?? []).find((g) => g.attrs['data-layer'] === layer);
const groups = (svg: SvgNode) => (svg.children ?? []).map((g) => String(g.attrs['data-layer']));
const texts = (svg: SvgNode) => walk(svg).flatMap((n) => (n.text !== undefined ? [n.text] : []));

describe('camera and projection, as MapLibre 6.17', () => {
  // Pixel positions read from the live map in Chromium (map.project) for the same views and sizes.
  const STEPANAKERT: [number, number] = [46.7516, 39.8153];

  it('puts the view centre at the centre of the box, with a 512·2^zoom pixel world', () => {
    const c = settledCamera(DEFAULT_VIEW, 640, 400);
    expect(project(c, 46.5, 40.05)).toEqual([320, 200]);
    expect(worldSize(7)).toBe(65536);
    // One degree of longitude is 1/360 of the world.
    const [x0] = project(c, 46, 40);
    const [x1] = project(c, 47, 40);
    expect(x1 - x0).toBeCloseTo(65536 / 360, 9);
  });

  it('matches Web Mercator by hand and the live map to a millionth of a pixel', () => {
    const c = settledCamera(DEFAULT_VIEW, 640, 400);
    const y = (lat: number) => (180 - (180 / Math.PI) * Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360))) / 360;
    expect(mercatorY(39.8153)).toBeCloseTo(y(39.8153), 15);
    expect(mercatorX(46.7516)).toBeCloseTo((180 + 46.7516) / 360, 15);
    const live: [[number, number], [number, number]][] = [
      [STEPANAKERT, [365.8023822222215, 255.71978464152664]],
      [
        [45, 40.5],
        [46.93333333333333, 92.62669616132665],
      ],
      [
        [47, 40],
        [411.02222222222014, 211.8864612241462],
      ],
    ];
    for (const [[lon, lat], [px, py]] of live) {
      const [x, y2] = project(c, lon, lat);
      expect(x).toBeCloseTo(px, 6);
      expect(y2).toBeCloseTo(py, 6);
    }
    const z9 = settledCamera({ lon: 46.55, lat: 39.66, zoom: 9 }, 640, 400);
    expect(project(z9, ...STEPANAKERT)[0]).toBeCloseTo(466.80064000000556, 6);
    expect(project(z9, ...STEPANAKERT)[1]).toBeCloseTo(52.940071664278705, 6);
  });

  it('unprojects what it projects', () => {
    const c = settledCamera({ lon: 45.3, lat: 41.2, zoom: 8.4 }, 900, 500);
    const [lon, lat] = unproject(c, ...project(c, 44.1, 40.7));
    expect(lon).toBeCloseTo(44.1, 10);
    expect(lat).toBeCloseTo(40.7, 10);
  });

  it('keeps the box inside maxBounds by moving the centre, as the live map does', () => {
    // Live map in Chromium: view 42.2,37.6,7 at 640×400 settles at 43.7578125, 38.366503565267465.
    const c = settledCamera({ lon: 42.2, lat: 37.6, zoom: 7 }, 640, 400);
    expect(c.zoom).toBe(7);
    expect(c.lon).toBeCloseTo(43.7578125, 9);
    expect(c.lat).toBeCloseTo(38.366503565267465, 9);
    // The box's corners lie on the bounds' south-west corner.
    const [west, south] = MAX_BOUNDS;
    const [x, y] = project(c, west, south);
    expect(x).toBeCloseTo(0, 6);
    expect(y).toBeCloseTo(400, 6);
    const ne = settledCamera({ lon: 51.9, lat: 43.4, zoom: 8 }, 640, 400);
    expect(ne.lon).toBeCloseTo(51.12109375, 9);
    expect(ne.lat).toBeCloseTo(43.100225476725996, 9);
  });

  it('zooms in where the box is larger than the bounds, as the live map does', () => {
    // Live: view 47,40.5,5.5 at 1280×800 → 47, 40.56718971428188, zoom 6.491853096329681.
    const c = settledCamera({ lon: 47, lat: 40.5, zoom: 5.5 }, 1280, 800);
    expect(c.zoom).toBeCloseTo(6.491853096329681, 9);
    expect(c.lon).toBeCloseTo(47, 9);
    expect(c.lat).toBeCloseTo(40.56718971428188, 9);
    const [west, south, east] = MAX_BOUNDS;
    expect(project(c, east, south)[0] - project(c, west, south)[0]).toBeCloseTo(1280, 6);
    // Live: view 44,41,5.6 at 900×700 → 47, 40.56718971428191, zoom 5.9837061926593496.
    const d = settledCamera({ lon: 44, lat: 41, zoom: 5.6 }, 900, 700);
    expect(d.zoom).toBeCloseTo(5.9837061926593496, 9);
    expect(d.lat).toBeCloseTo(40.56718971428191, 9);
  });

  it('differs after a second jumpTo only where the camera zoomed in', () => {
    const view = { lon: 47, lat: 40.5, zoom: 5.5 };
    expect(jumpedCamera(view, 1280, 800).lat).toBeCloseTo(40.5, 9);
    const plain = { lon: 42.2, lat: 37.6, zoom: 7 };
    expect(jumpedCamera(plain, 640, 400)).toEqual(settledCamera(plain, 640, 400));
  });

  it('measures the box in whole pixels, as MapLibre measures its container', () => {
    const c = settledCamera(DEFAULT_VIEW, 640.7, 400.2);
    expect([c.width, c.height]).toEqual([640, 400]);
  });
});

describe('geometry', () => {
  it('drops vertices closer than half a pixel and keeps the ends', () => {
    expect(
      simplify([
        [0, 0],
        [0.2, 0],
        [0.4, 0],
        [1, 0],
        [1.1, 0],
      ]),
    ).toEqual([
      [0, 0],
      [1, 0],
      [1.1, 0],
    ]);
  });

  it('writes path data with one decimal at most', () => {
    const d = pathData(
      [
        [
          [1.234, 5.678],
          [10.06, -3.14],
          [10.06, -3.14],
          [-2, 0],
        ],
      ],
      true,
    );
    expect(d).toBe('M1.2 5.7l8.9-8.8-12.1 3.1z');
  });

  it('clips rings and lines to a rectangle', () => {
    const box = { x0: 0, y0: 0, x1: 10, y1: 10 };
    const ring = clipRing(
      [
        [-5, -5],
        [15, -5],
        [15, 15],
        [-5, 15],
      ],
      box,
    );
    expect(ring.every(([x, y]) => x >= 0 && x <= 10 && y >= 0 && y <= 10)).toBe(true);
    const pieces = clipLine(
      [
        [-5, 5],
        [5, 5],
        [5, 20],
        [5, 30],
        [8, 5],
        [20, 5],
      ],
      box,
    );
    expect(pieces).toEqual([
      [
        [0, 5],
        [5, 5],
        [5, 10],
      ],
      [
        [7.4, 10],
        [8, 5],
        [10, 5],
      ],
    ]);
  });
});

describe('the style, read from map/style.ts', () => {
  it('evaluates every paint, layout and filter expression of every layer in every naming', () => {
    const feature = { id: 'stepanakert', rank: 2, kind: 'capital', layer: 'land', status: 'open', share: 0.5 };
    for (const names of NAMINGS) {
      for (const layer of styleLayers(names)) {
        const props = {
          ...('paint' in layer ? layer.paint : {}),
          ...('layout' in layer ? layer.layout : {}),
        } as Record<string, unknown>;
        for (const zoom of [5.5, 6.5, 8.5, 13]) {
          const ctx = { zoom, properties: feature, state: { state: 'under-fire' } };
          for (const value of Object.values(props)) expect(() => evaluate(value, ctx)).not.toThrow();
          if ('filter' in layer) expect(() => passesFilter(layer.filter, ctx)).not.toThrow();
        }
      }
    }
  });

  it('tells expressions from literal arrays (dash patterns, font stacks)', () => {
    expect(isExpression(['get', 'rank'])).toBe(true);
    expect(isExpression([3, 2])).toBe(false);
    expect(isExpression(['Map Sans Italic'])).toBe(false);
    expect(evaluate(['interpolate', ['linear'], ['zoom'], 6, 2.2, 10, 4.5], { zoom: 8, properties: {} })).toBeCloseTo(
      3.35,
    );
    expect(evaluate(['match', ['get', 'rank'], 1, 4, 2, 3.2, 2.6], { zoom: 8, properties: { rank: 3 } })).toBe(2.6);
  });

  it('evaluates zoom in filters at the whole zoom level, as MapLibre tiles do', () => {
    const byRank = ['step', ['zoom'], ['<=', ['get', 'rank'], 1], 6.5, ['<=', ['get', 'rank'], 2], 8.5, true];
    expect(passesFilter(byRank, { zoom: 6.9, properties: { rank: 2 } })).toBe(false);
    expect(passesFilter(byRank, { zoom: 7, properties: { rank: 2 } })).toBe(true);
    expect(passesFilter(byRank, { zoom: 8.9, properties: { rank: 3 } })).toBe(false);
    expect(passesFilter(byRank, { zoom: 9, properties: { rank: 3 } })).toBe(true);
  });

  it('stacks the layers as MapView does: each group under the basemap labels, first in the list on top', () => {
    const ids = styleLayers('en').map((l) => l.id);
    const order = layerStack(ids, DEFAULT_LAYERS);
    // Read from the live map (map.getStyle().layers) with the default layers.
    expect(order.join(',')).toBe(
      'background,land,focus-countries,area-context-fill,area-context-line,border-casing,border,lake,river,' +
        'label-river,label-lake,region-fill,region-outline,label-region,area-held-fill,area-held-line,area-zone-line,' +
        'area-encirclement-fill,area-encirclement-line,attack-line,attack-line-claimed,attack-label,attack-head,' +
        'route-casing,route-open,route-restricted,route-blocked,route-oneway,route-oneway-arrows,exodus-dots,movers,' +
        'movers-label,population,population-label,place-state,place-state-ring,place-state-label,label-water,' +
        'label-country,label-subregion,place-dot,place-label',
    );
    // Places moved down the list go under the basemap labels.
    const moved = layerStack(ids, ['routes', 'places']);
    expect(moved.indexOf('place-label')).toBeLessThan(moved.indexOf('label-water'));
    expect(moved.indexOf('route-open')).toBeGreaterThan(moved.indexOf('place-label'));
  });
});

describe('text, as MapLibre shapes it', () => {
  it('uses the advances of the label fonts', () => {
    expect(advanceEm('A'.codePointAt(0) ?? 0, 'regular')).toBe(0.639);
    expect(advanceEm('A'.codePointAt(0) ?? 0, 'bold')).toBe(0.672);
    expect(advanceEm('ə'.codePointAt(0) ?? 0, 'regular')).toBe(0.564);
    expect(advanceEm('Ս'.codePointAt(0) ?? 0, 'regular')).toBeGreaterThan(0.5);
    // A character no label font has falls back to about a letter.
    expect(advanceEm(0x4e2d, 'regular')).toBe(0.6);
  });

  it('breaks long names into balanced lines at spaces, never inside a word', () => {
    const one = shapeText('Goris', 'regular', 0, 8);
    expect(one.lines.map((l) => l.text)).toEqual(['Goris']);
    const two = shapeText('Nakhchivan (Azerbaijan)', 'regular', 0.08, 7);
    expect(two.lines.map((l) => l.text)).toEqual(['Nakhchivan', '(Azerbaijan)']);
    const along = shapeText('Nakhchivan (Azerbaijan)', 'regular', 0, Number.POSITIVE_INFINITY);
    expect(along.lines).toHaveLength(1);
  });
});

describe('the static picture', () => {
  const svg = renderStaticMap(inputs()).svg;

  it('is an <svg> of the box, with the basemap under the dataset and the labels on top', () => {
    expect(svg.tag).toBe('svg');
    expect(svg.attrs.width).toBe(640);
    expect(svg.attrs.height).toBe(400);
    expect(svg.attrs['font-family']).toBe('"Noto Sans", "Noto Sans Armenian", sans-serif');
    const order = groups(svg);
    expect(order[0]).toBe('background');
    expect(order.indexOf('land')).toBeLessThan(order.indexOf('route-casing'));
    expect(order.indexOf('route-casing')).toBeLessThan(order.indexOf('place-label'));
    expect(order[order.length - 1]).toBe('place-label');
  });

  it('paints in the palette: land, focus land, water, borders and the approximate outline', () => {
    const fill = (layer: string) => walk(group(svg, layer) ?? { tag: 'g', attrs: {} }).map((n) => n.attrs.fill);
    expect(group(svg, 'background')?.children?.[0]?.attrs.fill).toBe(PALETTE.water);
    expect(fill('land')).toContain(PALETTE.land);
    expect(fill('focus-countries')).toContain(PALETTE.focusLand);
    expect(fill('lake')).toContain(PALETTE.water);
    const outline = walk(group(svg, 'region-outline') ?? { tag: 'g', attrs: {} }).find((n) => n.tag === 'path');
    expect(outline?.attrs.stroke).toBe(PALETTE.region);
    // Dashed, as the approximate outline is on the map: [3, 2] times the width at zoom 7 (1.4 px).
    expect(outline?.attrs['stroke-dasharray']).toBe('4.2 2.8');
    expect(walk(group(svg, 'border') ?? { tag: 'g', attrs: {} }).some((n) => n.attrs.stroke === PALETTE.border)).toBe(
      true,
    );
  });

  it('keeps coordinates to one decimal', () => {
    for (const n of walk(svg)) {
      for (const v of [n.attrs.d, n.attrs.cx, n.attrs.cy, n.attrs.x, n.attrs.y]) {
        if (v === undefined) continue;
        expect(String(v)).not.toMatch(/\d\.\d\d/);
      }
    }
  });

  it('stays small: under 150 KB for the default view at 640×400 and at 1280×800', () => {
    expect(staticMapSvg(inputs()).length).toBeLessThan(150_000);
    expect(staticMapSvg(inputs({ width: 1280, height: 800 })).length).toBeLessThan(150_000);
    expect(staticMapSvg(inputs({ view: { lon: 46.55, lat: 39.66, zoom: 9 }, t: '2023-09-28' })).length).toBeLessThan(
      150_000,
    );
  });

  it('labels places in the chosen naming convention, with a white halo under the text', () => {
    expect(texts(svg)).toContain('Stepanakert');
    const hy = renderStaticMap(inputs({ names: 'hy' })).svg;
    expect(texts(hy)).toContain('Ստեփանակերտ');
    expect(texts(hy)).not.toContain('Stepanakert');
    const az = renderStaticMap(inputs({ names: 'az' })).svg;
    expect(texts(az)).toContain('Xankəndi');
    const label = group(svg, 'place-label');
    expect(label?.attrs['paint-order']).toBe('stroke');
    expect(walk(label ?? { tag: 'g', attrs: {} }).some((n) => n.attrs.stroke === PALETTE.placeHalo)).toBe(true);
  });

  it('shows minor places only from the zooms the style gives them', () => {
    // Ganja is rank 2: shown from zoom 7 (the style's 6.5, at the tile's whole zoom), Kornidzor (3) from 9.
    const at = (zoom: number) => texts(renderStaticMap(inputs({ view: { lon: 46.4, lat: 40.2, zoom } })).svg);
    expect(at(6.9)).not.toContain('Ganja');
    expect(at(7)).toContain('Ganja');
    const near = (zoom: number) => texts(renderStaticMap(inputs({ view: { lon: 46.4, lat: 39.5, zoom } })).svg);
    expect(near(8.9)).not.toContain('Kornidzor');
    expect(near(9)).toContain('Kornidzor');
  });

  it('hides a place before it appears in the story', () => {
    const view = { lon: 46.5, lat: 39.55, zoom: 9 };
    const hakari = engine.data.places.get('hakari-bridge')?.names.en ?? '';
    expect(hakari).not.toBe('');
    const before = texts(renderStaticMap(inputs({ view, t: '2023-01-10' })).svg).join('\n');
    const after = texts(renderStaticMap(inputs({ view, t: '2023-06-20' })).svg).join('\n');
    expect(before).not.toContain(hakari.split(' ')[0]);
    expect(after).toContain(hakari.split(' ')[0]);
  });

  it('colours the Lachin corridor by its status at t', () => {
    const corridorStroke = (t: string) => {
      const s = renderStaticMap(inputs({ t, view: { lon: 46.55, lat: 39.66, zoom: 9 } })).svg;
      const layers = ['route-open', 'route-restricted', 'route-blocked', 'route-oneway'];
      return layers.flatMap((l) => walk(group(s, l) ?? { tag: 'g', attrs: {} }).map((n) => n.attrs.stroke));
    };
    expect(corridorStroke('2022-12-12T10:00+04:00')).toContain(PALETTE.open);
    expect(corridorStroke('2022-12-12T10:00+04:00')).not.toContain(PALETTE.restricted);
    expect(corridorStroke('2022-12-12T11:00+04:00')).toContain(PALETTE.restricted);
    expect(corridorStroke('2022-12-12T11:00+04:00')).not.toContain(PALETTE.open);
    expect(corridorStroke('2023-07-01')).toContain(PALETTE.blocked);
    expect(corridorStroke('2023-09-28')).toContain(PALETTE.oneWay);
  });

  it('marks places under fire and in shelter while the events last', () => {
    const states = walk(group(svg, 'place-state') ?? { tag: 'g', attrs: {} }).map((n) => n.attrs.stroke);
    expect(states).toContain(PALETTE.fire);
    const calm = renderStaticMap(inputs({ t: '2023-03-01' })).svg;
    expect(group(calm, 'place-state')).toBeUndefined();
  });

  it('draws the attack arrows only while they are shown, dashed for claims not confirmed, with their label', () => {
    // Every arrow depicts a claim that is not confirmed (the encirclement of Martakert is reported,
    // the shelling of Stepanakert disputed…): dashed, and labelled with whose word it is.
    expect(group(svg, 'attack-line')).toBeUndefined();
    expect(group(svg, 'attack-line-claimed')).toBeDefined();
    // Beside the arrowheads when there is room: zoomed in on the Askeran arrow.
    const near = renderStaticMap(inputs({ view: { lon: 46.85, lat: 39.9, zoom: 9.5 } })).svg;
    const label = group(near, 'attack-label');
    expect(label ? texts(label).join(' ') : '').toMatch(/^schematic · claimed by/);
    const later = renderStaticMap(inputs({ t: '2023-10-05' })).svg;
    expect(group(later, 'attack-line-claimed')).toBeUndefined();
  });

  it('draws a place mark as the status of its claims: filled when confirmed, a double ring when disputed', () => {
    const kut = renderStaticMap(
      inputs({ t: '2023-10-02T12:00', view: { lon: 45.95, lat: 40.18, zoom: 9 }, width: 640, height: 400 }),
    ).svg;
    const ring = group(kut, 'place-state-ring');
    expect(ring).toBeDefined();
    const label = group(kut, 'place-state-label');
    expect(label ? texts(label).join(' ') : '').toBe(
      "under fire · claimed by Armenia's defence ministry; denied by Azerbaijan",
    );
    const depot = renderStaticMap(inputs({ t: '2023-09-25T20:00', view: { lon: 46.78, lat: 39.88, zoom: 9 } })).svg;
    const marks = group(depot, 'place-state');
    const disc = marks ? walk(marks).find((n) => n.tag === 'circle') : undefined;
    expect(disc).toBeDefined();
    expect(Number(disc?.attrs['fill-opacity'] ?? 1)).toBeGreaterThan(0);
    expect(group(depot, 'place-state-ring')).toBeUndefined();
    const depotLabel = group(depot, 'place-state-label');
    expect(depotLabel ? texts(depotLabel).join(' ') : '').toBe('explosion · confirmed');
  });

  it('drops a layer group the reader switched off', () => {
    const without = (layer: string) =>
      groups(renderStaticMap(inputs({ layers: DEFAULT_LAYERS.filter((l) => l !== layer) })).svg);
    expect(groups(svg)).toEqual(expect.arrayContaining(['place-dot', 'place-label']));
    expect(without('places')).not.toEqual(expect.arrayContaining(['place-dot']));
    expect(without('places')).not.toContain('place-label');
    expect(without('borders')).not.toContain('border');
    expect(without('routes')).not.toContain('route-casing');
    expect(without('region')).not.toContain('region-fill');
    expect(without('events')).not.toContain('place-state');
    expect(without('attacks')).not.toContain('attack-line');
    const none = groups(renderStaticMap(inputs({ layers: [] })).svg);
    // With no layers only the basemap that belongs to none remains.
    const ungrouped = ['background', 'land', 'focus-countries', 'label-water', 'label-country', 'label-subregion'];
    expect(none.every((g) => ungrouped.includes(g))).toBe(true);
  });

  it('escapes names from the data: markup in a name stays text', () => {
    const evil = '<b>"x"</b>&\'';
    const places = new Map(engine.data.places);
    const stepanakert = places.get('stepanakert');
    if (!stepanakert) throw new Error('no Stepanakert');
    places.set('stepanakert', { ...stepanakert, names: { ...stepanakert.names, en: evil } });
    const data: Dataset = { ...engine.data, places };
    const out = staticMapSvg(inputs({ data }));
    expect(out).not.toContain('<b>');
    expect(out).toContain('&lt;b&gt;&quot;x&quot;&lt;/b&gt;&amp;&apos;');
    // In the tree the name is plain text, never an element.
    const tree = renderStaticMap(inputs({ data })).svg;
    expect(texts(tree)).toContain(evil);
    expect(walk(tree).some((n) => n.tag === 'b')).toBe(false);
    // Long enough to be broken into lines, every line is escaped too.
    places.set('stepanakert', {
      ...stepanakert,
      names: { ...stepanakert.names, en: '<script>alert("x")</script> and more words' },
    });
    const long = staticMapSvg(inputs({ data: { ...engine.data, places } }));
    expect(long).not.toContain('<script');
    expect(long).toContain('&lt;script&gt;');
    expect(long).toContain('&quot;x&quot;');
    expect(escapeXml('a\u0000b\u0008c')).toBe('abc');
  });

  it('draws the exodus as a band along the corridor, densest where the map piles its dots', () => {
    const exodus = inputs({ t: '2023-09-26T12:00+04:00', view: { lon: 46.55, lat: 39.66, zoom: 9 } });
    const dots = group(renderStaticMap(exodus).svg, 'exodus-dots');
    expect(dots?.children?.length).toBeGreaterThan(0);
    expect(dots?.children?.every((n) => n.attrs.stroke === PALETTE.dots)).toBe(true);
    // Before the exodus and with the layer off there are none.
    expect(group(renderStaticMap(inputs()).svg, 'exodus-dots')).toBeUndefined();
    const off = renderStaticMap({ ...exodus, layers: DEFAULT_LAYERS.filter((l) => l !== 'exodus') }).svg;
    expect(group(off, 'exodus-dots')).toBeUndefined();
    // The stretches hold every dot on the road at t.
    const stretches = dotStretches(engine.data, at('2023-09-26T12:00+04:00'), 500);
    expect(stretches.reduce((s, x) => s + x.count, 0)).toBeGreaterThan(1000);
    expect(bandAlpha(0, 3)).toBe(0);
    expect(bandAlpha(4, 2.5)).toBeCloseTo(0.6);
    expect(bandAlpha(10_000, 3)).toBeCloseTo(1);
  });

  it('draws the same picture for the same inputs', () => {
    expect(staticMapSvg(inputs())).toBe(staticMapSvg(inputs()));
  });

  it('uses label path ids with the given prefix', () => {
    const wide = renderStaticMap(inputs({ width: 1280, height: 800, idPrefix: 'emb1-' })).svg;
    const ids = walk(wide).flatMap((n) => (n.attrs.id ? [String(n.attrs.id)] : []));
    expect(ids.length).toBeGreaterThan(0);
    expect(ids.every((id) => id.startsWith('emb1-'))).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe('the picture in words', () => {
  const describeAt = (t: string, names: Naming = 'en', layers: readonly string[] = DEFAULT_LAYERS) => {
    const scene = sceneAt(engine, at(t));
    const camera = settledCamera(DEFAULT_VIEW, 640, 400);
    return describeStaticMap({ engine, scene, camera, names, layers });
  };

  it('says the date, the area in view, the roads and what is shown', () => {
    const d = describeAt('2023-09-19T13:00+04:00');
    expect(d.label).toContain('19 September 2023');
    expect(d.label).toContain('Stepanakert');
    expect(d.label).toMatch(/Lachin corridor road .* blocked/);
    // Martakert and Askeran were once drawn under fire on no source: now only what a claim says, and whose.
    expect(d.label).toContain("Under fire: Shusha (claimed by Azerbaijan's prosecutors).");
    expect(d.label).toContain('Shown: Places named in the sources');
  });

  it('follows the naming convention and the road status at t', () => {
    expect(describeAt('2022-12-12T10:00+04:00').label).toMatch(/Lachin corridor road .* open/);
    expect(describeAt('2022-12-12T11:00+04:00').label).toMatch(/Lachin corridor road .* restricted/);
    expect(describeAt('2023-09-19T13:00+04:00', 'az').label).toContain('Xankəndi');
    expect(describeAt('2023-09-19T13:00+04:00', 'en', ['places']).label).not.toContain('Roads:');
  });

  it('lists the dated events up to t, and none after', () => {
    const t = at('2023-09-19T13:00+04:00');
    const d = describeAt('2023-09-19T13:00+04:00');
    const upTo = engine.data.events.filter((e) => e.start <= t);
    expect(d.events.map((e) => e.id)).toEqual(upTo.map((e) => e.id));
    expect(d.events[0]?.date).toMatch(/2022/);
    expect(describeAt('2022-12-01').events.length).toBeLessThan(upTo.length);
  });
});

it('covers every layer id the URL may carry', () => {
  // A layer the style does not know would silently draw nothing.
  const grouped = new Set([
    'places',
    'events',
    'exodus',
    'movements',
    'routes',
    'attacks',
    'areas',
    'region',
    'context',
  ]);
  for (const id of LAYER_IDS) expect(grouped.has(id) || ['rivers', 'borders'].includes(id)).toBe(true);
  const fc: FeatureCollection = { type: 'FeatureCollection', features: [] };
  expect(() => renderStaticMap(inputs({ basemap: fc, layers: [...LAYER_IDS] }))).not.toThrow();
});
