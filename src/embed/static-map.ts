/**
 * A still picture of the map at a time, drawn without WebGL, for an embed to show at once while
 * the live map loads (which then lands exactly on top of it). Pure: no DOM, no MapLibre. It draws
 * the map's own style (look/style.ts, read through static-style.ts) with the scene's features and
 * filters from look/scene-sources.ts, in the layer order of look/layer-order.ts, through the same
 * camera as MapLibre's (static-camera.ts): what it shares with the live map is written once, in
 * src/look/ (docs/architecture.md#one-look-two-renderers).
 *
 * Not drawn: the MapLibre controls (zoom buttons, scale bar), the reader's own imported data and
 * the measure tool, none of which an embed shows on first paint.
 */

import type { LayerSpecification } from '@maplibre/maplibre-gl-style-spec';
import type { Feature, FeatureCollection, Geometry, Position } from 'geojson';
import { mercatorX, mercatorY, worldSize } from '../geo/mercator';
import { arrowFeatures, flatFeatures, flatNames, KEPT_PROPERTIES } from '../look/dataset-features';
import { arrowHeadImage } from '../look/dataset-style';
import { DOT_COLOR, DOTS_LAYER_ID, dotRoute } from '../look/exodus-dots';
import { layerStack, layerVisible } from '../look/layer-order';
import { effectFeatures, moverFeatures } from '../look/scene-features';
import { populationFeatures, routeFeatures, sceneFilters } from '../look/scene-sources';
import { styleLayers } from '../look/style';
import type { Dataset } from '../timeline/dataset';
import type { Scene } from '../timeline/scene';
import type { Naming } from '../vocabulary/vocabulary';
import { project, type StaticCamera, type StaticView, settledCamera } from './static-camera';
import { BAND_PX, bandAlpha, dotStretches, mergeStretches } from './static-dots';
import { expand, linePath, type Pt, polygonPath, projectGeometry, type Rect } from './static-geometry';
import {
  type Anchor,
  CollisionIndex,
  glyphOnLine,
  lineAnchors,
  placeLineLabel,
  placePointLabel,
  type TextPaint,
} from './static-labels';
import { type EvalContext, evalNumber, evalString, evaluate, passesFilter } from './static-style';
import { el, type SvgNode, serialize } from './static-svg';
import { faceOf, shapeText } from './static-text';

export const FONT_FAMILY = '"Noto Sans", "Noto Sans Armenian", sans-serif';
/** Strokes and joins reach this far beyond an edge; geometry is clipped this far outside the box. */
const CLIP_MARGIN = 24;

export interface StaticMapInputs {
  /** public/generated/basemap.geojson */
  basemap: FeatureCollection;
  /** The engine's dataset (places, routes, series and events). */
  data: Dataset;
  /** Area and attack-arrow geometry: the dataset's `areas` and `arrows` (dataset.json or generated/*.geojson). */
  areas: FeatureCollection;
  arrows: FeatureCollection;
  /** The scene at the picture's time (timeline/scene.ts sceneAt). */
  scene: Scene;
  view: StaticView;
  /** The box in CSS pixels: the live map's container. */
  width: number;
  height: number;
  names: Naming;
  /** Visible layer ids, first on top (state/layers.ts). */
  layers: readonly string[];
  /** People per exodus dot (the store's dotScale). */
  dotScale?: number;
  /** Prefix for element ids (label paths), unique in the page. */
  idPrefix?: string;
}

export interface StaticMap {
  camera: StaticCamera;
  /** The <svg> element: width × height, no viewBox scaling. */
  svg: SvgNode;
}

type Props = Record<string, unknown>;
interface Drawable {
  properties: Props;
  geometry: Geometry;
  state?: Props;
}

/** What each source holds at t: the features look/ gives the live map's sources, unfiltered. */
function sourceFeatures(input: StaticMapInputs): Record<string, Drawable[]> {
  const { data, scene } = input;
  const drawable = (features: Feature[]): Drawable[] =>
    features.map((f) => ({ properties: (f.properties ?? {}) as Props, geometry: f.geometry }));
  const places: Drawable[] = [...data.places.values()].map((p) => ({
    properties: { id: p.id, kind: p.kind, rank: p.rank, ...flatNames(p.names) },
    geometry: { type: 'Point', coordinates: p.coordinates },
  }));
  return {
    basemap: drawable(input.basemap.features),
    places,
    routes: drawable(routeFeatures(scene, data)),
    areas: drawable(flatFeatures(input.areas, KEPT_PROPERTIES.areas, data).features),
    arrows: drawable(arrowFeatures(input.arrows, data).features),
    movers: drawable(moverFeatures(scene)),
    effects: drawable(effectFeatures(scene, data)),
    population: drawable(populationFeatures(scene, data)),
  };
}

interface Ctx {
  input: StaticMapInputs;
  camera: StaticCamera;
  box: Rect;
  clip: Rect;
  index: CollisionIndex;
  ids: number;
}

const r1 = (n: number) => Math.round(n * 10) / 10;
const paintOf = (layer: LayerSpecification): Props => ('paint' in layer ? ((layer.paint ?? {}) as Props) : {});
const layoutOf = (layer: LayerSpecification): Props => ('layout' in layer ? ((layer.layout ?? {}) as Props) : {});

function drawFill(layer: LayerSpecification, features: Drawable[], c: Ctx): SvgNode[] {
  const paint = paintOf(layer);
  return features.flatMap((f) => {
    const ctx = { zoom: c.camera.zoom, properties: f.properties, state: f.state };
    const d = polygonPath(projectGeometry(c.camera, f.geometry).polygons, c.clip);
    if (!d) return [];
    const opacity = evalNumber(paint['fill-opacity'], ctx, 1);
    return [
      el('path', {
        d,
        fill: evalString(paint['fill-color'], ctx, '#000000'),
        'fill-opacity': opacity < 1 ? opacity : undefined,
        'fill-rule': 'evenodd',
      }),
    ];
  });
}

function drawLine(layer: LayerSpecification, features: Drawable[], c: Ctx): SvgNode[] {
  const paint = paintOf(layer);
  const layout = layoutOf(layer);
  return features.flatMap((f) => {
    const ctx = { zoom: c.camera.zoom, properties: f.properties, state: f.state };
    // A line layer over polygons strokes their rings.
    const { lines, polygons } = projectGeometry(c.camera, f.geometry);
    const d = linePath([...lines, ...polygons.flat()], c.clip);
    if (!d) return [];
    const width = evalNumber(paint['line-width'], ctx, 1);
    const opacity = evalNumber(paint['line-opacity'], ctx, 1);
    const dash = evaluate(paint['line-dasharray'], ctx);
    // MapLibre scales a dash pattern by the width at the whole zoom level.
    const dashWidth = evalNumber(paint['line-width'], { ...ctx, zoom: Math.floor(c.camera.zoom) }, width);
    const join = evalString(layout['line-join'], ctx, 'miter');
    return [
      el('path', {
        d,
        fill: 'none',
        stroke: evalString(paint['line-color'], ctx, '#000000'),
        'stroke-width': r1(width),
        'stroke-opacity': opacity < 1 ? opacity : undefined,
        'stroke-linejoin': join === 'miter' ? undefined : join,
        'stroke-miterlimit': join === 'miter' ? 2 : undefined,
        'stroke-linecap': evalString(layout['line-cap'], ctx, 'butt') === 'butt' ? undefined : 'round',
        'stroke-dasharray': Array.isArray(dash)
          ? dash.map((v) => r1(Number(v) * Math.max(dashWidth, 1))).join(' ')
          : undefined,
      }),
    ];
  });
}

/** The alpha of a CSS colour as the style writes them (#rgb, #rrggbb, rgb(), rgba()). */
function alphaOf(color: string): number {
  const rgba = /^rgba\(([^)]*)\)$/i.exec(color.trim());
  if (rgba) return Number(rgba[1]?.split(',')[3] ?? 1);
  return color.trim().toLowerCase() === 'transparent' ? 0 : 1;
}

function drawCircle(layer: LayerSpecification, features: Drawable[], c: Ctx): SvgNode[] {
  const paint = paintOf(layer);
  return features.flatMap((f) => {
    if (f.geometry.type !== 'Point') return [];
    const ctx = { zoom: c.camera.zoom, properties: f.properties, state: f.state };
    const [x, y] = project(c.camera, f.geometry.coordinates[0] ?? 0, f.geometry.coordinates[1] ?? 0);
    const radius = evalNumber(paint['circle-radius'], ctx, 5);
    const stroke = evalNumber(paint['circle-stroke-width'], ctx, 0);
    const fill = evalString(paint['circle-color'], ctx, '#000000');
    const strokeColor = evalString(paint['circle-stroke-color'], ctx, '#000000');
    const opacity = evalNumber(paint['circle-opacity'], ctx, 1);
    const outer = radius + stroke;
    if (outer <= 0 || x < c.clip.x0 - outer || x > c.clip.x1 + outer || y < c.clip.y0 - outer || y > c.clip.y1 + outer)
      return [];
    // Places without an event state are drawn by the map too, in a transparent colour.
    const fillShows = radius > 0 && opacity > 0 && alphaOf(fill) > 0;
    const strokeShows = stroke > 0 && alphaOf(strokeColor) > 0;
    if (!fillShows && !strokeShows) return [];
    // MapLibre's stroke lies outside the radius.
    return [
      el('circle', {
        cx: r1(x),
        cy: r1(y),
        r: r1(radius + stroke / 2),
        fill,
        'fill-opacity': opacity < 1 ? opacity : undefined,
        stroke: stroke > 0 ? strokeColor : undefined,
        'stroke-width': stroke > 0 ? r1(stroke) : undefined,
      }),
    ];
  });
}

function textPaint(layer: LayerSpecification, ctx: EvalContext): TextPaint {
  const paint = paintOf(layer);
  const layout = layoutOf(layer);
  const halo = evalNumber(paint['text-halo-width'], ctx, 0);
  return {
    face: faceOf(evaluate(layout['text-font'], ctx)),
    size: evalNumber(layout['text-size'], ctx, 16),
    letterSpacing: evalNumber(layout['text-letter-spacing'], ctx, 0),
    color: evalString(paint['text-color'], ctx, '#000000'),
    haloColor: halo > 0 ? evalString(paint['text-halo-color'], ctx, 'rgba(0, 0, 0, 0)') : null,
    haloWidth: halo,
    opacity: evalNumber(paint['text-opacity'], ctx, 1),
  };
}

function labelText(layer: LayerSpecification, ctx: EvalContext): string {
  const layout = layoutOf(layer);
  const value = evaluate(layout['text-field'], ctx);
  const text = typeof value === 'string' || typeof value === 'number' ? String(value) : '';
  return evalString(layout['text-transform'], ctx, 'none') === 'uppercase' ? text.toLocaleUpperCase() : text;
}

const tileOf = (p: Position, zoom: number): [number, number] => {
  const size = worldSize(Math.floor(zoom));
  return [Math.floor((mercatorX(p[0] ?? 0) * size) / 512), Math.floor((mercatorY(p[1] ?? 0) * size) / 512)];
};

function placePointLayer(layer: LayerSpecification, features: Drawable[], c: Ctx): SvgNode[] {
  const layout = layoutOf(layer);
  const zoom = c.camera.zoom;
  const candidates = features.flatMap((f, i) => {
    if (f.geometry.type !== 'Point') return [];
    const ctx = { zoom, properties: f.properties, state: f.state };
    const text = labelText(layer, ctx);
    if (!text) return [];
    const sortKey = evalNumber(layout['symbol-sort-key'], ctx, 0);
    return [{ f, ctx, text, sortKey, tile: tileOf(f.geometry.coordinates, zoom), i }];
  });
  candidates.sort((a, b) => a.sortKey - b.sortKey || a.tile[1] - b.tile[1] || a.tile[0] - b.tile[0] || a.i - b.i);
  const out: SvgNode[] = [];
  for (const { f, ctx, text } of candidates) {
    if (f.geometry.type !== 'Point') continue;
    const variable = evaluate(layout['text-variable-anchor'], ctx);
    const anchors = (
      Array.isArray(variable) ? variable : [evalString(layout['text-anchor'], ctx, 'center')]
    ) as Anchor[];
    const offset = evaluate(layout['text-offset'], ctx);
    const node = placePointLabel(
      {
        at: project(c.camera, f.geometry.coordinates[0] ?? 0, f.geometry.coordinates[1] ?? 0),
        text,
        paint: textPaint(layer, ctx),
        maxWidth: evalNumber(layout['text-max-width'], ctx, 10),
        anchors,
        variable: Array.isArray(variable),
        offset: Array.isArray(offset) ? [Number(offset[0]) || 0, Number(offset[1]) || 0] : [0, 0],
        radial: evalNumber(layout['text-radial-offset'], ctx, 0),
        justify: evalString(layout['text-justify'], ctx, 'center') as 'auto',
        padding: evalNumber(layout['text-padding'], ctx, 2),
        allowOverlap: evaluate(layout['text-allow-overlap'], ctx) === true,
        ignorePlacement: evaluate(layout['text-ignore-placement'], ctx) === true,
      },
      c.index,
    );
    if (node) out.push(node);
  }
  return out;
}

function placeLineLayer(layer: LayerSpecification, features: Drawable[], c: Ctx): SvgNode[] {
  const layout = layoutOf(layer);
  const zoom = c.camera.zoom;
  const placement = evalString(layout['symbol-placement'], { zoom, properties: {} }, 'point');
  const size = worldSize(zoom);
  const cx = mercatorX(c.camera.lon) * size - c.camera.width / 2;
  const cy = mercatorY(c.camera.lat) * size - c.camera.height / 2;
  const toScreen = (p: Pt): Pt => [p[0] - cx, p[1] - cy];
  const grid = expand(c.box, 100);
  const found = features.flatMap((f, i) => {
    const ctx = { zoom, properties: f.properties, state: f.state };
    const text = labelText(layer, ctx);
    if (!text) return [];
    const paint = textPaint(layer, ctx);
    const maxSize = evalNumber(layout['text-size'], { ...ctx, zoom: 18 }, paint.size);
    const shaped = shapeText(text, paint.face, paint.letterSpacing, Number.POSITIVE_INFINITY);
    const lines =
      f.geometry.type === 'LineString'
        ? [f.geometry.coordinates]
        : f.geometry.type === 'MultiLineString'
          ? f.geometry.coordinates
          : [];
    return lines.flatMap((coords) => {
      const world: Pt[] = coords.map((p) => [mercatorX(p[0] ?? 0) * size, mercatorY(p[1] ?? 0) * size]);
      return lineAnchors(world, zoom, toScreen, grid, {
        spacing: evalNumber(layout['symbol-spacing'], ctx, 250),
        shapedLength: shaped.width,
        maxSize,
        maxAngleDeg: evalNumber(layout['text-max-angle'], ctx, 45),
        text,
        centre: placement === 'line-center',
      }).map((anchor) => ({ anchor, text, paint, ctx, i }));
    });
  });
  found.sort((a, b) => a.anchor.tile[1] - b.anchor.tile[1] || a.anchor.tile[0] - b.anchor.tile[0] || a.i - b.i);
  const out: SvgNode[] = [];
  for (const { anchor, text, paint, ctx } of found) {
    const allowOverlap = evaluate(layout['text-allow-overlap'], ctx) === true;
    const ignorePlacement = evaluate(layout['text-ignore-placement'], ctx) === true;
    const keepUpright = evaluate(layout['text-keep-upright'], ctx) !== false;
    // A single glyph that may overlap anything and turns with the line (the one-way arrows).
    if (!keepUpright && allowOverlap && ignorePlacement && Array.from(text).length === 1) {
      out.push(glyphOnLine(anchor, text, paint));
      continue;
    }
    const offset = evaluate(layout['text-offset'], ctx);
    out.push(
      ...placeLineLabel(
        anchor,
        text,
        paint,
        {
          offsetEm: Array.isArray(offset) ? Number(offset[1]) || 0 : 0,
          keepUpright,
          allowOverlap,
          ignorePlacement,
          id: `${c.input.idPrefix ?? 'static-map-'}${c.ids++}`,
        },
        c.index,
      ),
    );
  }
  return out;
}

/** Attack arrowheads: the triangle map/dataset-style.ts draws, turned by its bearing. */
function drawIcons(layer: LayerSpecification, features: Drawable[], c: Ctx): SvgNode[] {
  const layout = layoutOf(layer);
  const paint = paintOf(layer);
  const image = arrowHeadImage();
  const base = ((image.height - 1) * image.width + Math.floor(image.width / 2)) * 4;
  const fill = `rgb(${image.data[base]}, ${image.data[base + 1]}, ${image.data[base + 2]})`;
  const h = image.width / 2;
  return features.flatMap((f) => {
    if (f.geometry.type !== 'Point') return [];
    const ctx = { zoom: c.camera.zoom, properties: f.properties, state: f.state };
    const [x, y] = project(c.camera, f.geometry.coordinates[0] ?? 0, f.geometry.coordinates[1] ?? 0);
    const scale = evalNumber(layout['icon-size'], ctx, 1);
    const rotate = evalNumber(layout['icon-rotate'], ctx, 0);
    const opacity = evalNumber(paint['icon-opacity'], ctx, 1);
    return [
      el('path', {
        d: `M0 ${-h}L${h} ${h}L${-h} ${h}z`,
        transform: `translate(${r1(x)} ${r1(y)}) rotate(${r1(rotate)}) scale(${Math.round(scale * 100) / 100})`,
        fill,
        'fill-opacity': opacity < 1 ? opacity : undefined,
      }),
    ];
  });
}

function drawDots(c: Ctx): SvgNode[] {
  const { data, scene } = c.input;
  const route = dotRoute(data);
  if (!route) return [];
  const screen = route.coordinates.map((p) => project(c.camera, p[0], p[1]));
  let total = 0;
  for (let i = 1; i < screen.length; i++)
    total += Math.hypot(
      (screen[i]?.[0] ?? 0) - (screen[i - 1]?.[0] ?? 0),
      (screen[i]?.[1] ?? 0) - (screen[i - 1]?.[1] ?? 0),
    );
  const bins = Math.min(4000, Math.max(1, Math.ceil(total / 3)));
  const stretches = dotStretches(data, scene.t, bins, c.input.dotScale ?? 1);
  const pieces = stretches.map((s) => {
    const a = project(c.camera, s.from[0] ?? 0, s.from[1] ?? 0);
    const b = project(c.camera, s.to[0] ?? 0, s.to[1] ?? 0);
    return { a, b, alpha: bandAlpha(s.count, Math.max(0.5, Math.hypot(b[0] - a[0], b[1] - a[1]))) };
  });
  return mergeStretches(pieces).flatMap((m) => {
    const d = linePath([m.points], c.clip);
    return d
      ? [el('path', { d, fill: 'none', stroke: DOT_COLOR, 'stroke-width': BAND_PX, 'stroke-opacity': m.alpha })]
      : [];
  });
}

/** The picture: the camera it was drawn with and the <svg> tree. */
export function renderStaticMap(input: StaticMapInputs): StaticMap {
  const camera = settledCamera(input.view, input.width, input.height);
  const box: Rect = { x0: 0, y0: 0, x1: camera.width, y1: camera.height };
  const c: Ctx = {
    input,
    camera,
    box,
    clip: expand(box, CLIP_MARGIN),
    index: new CollisionIndex(camera.width, camera.height),
    ids: 0,
  };
  const style = styleLayers(input.names);
  const byId = new Map(style.map((l) => [l.id, l] as const));
  const order = layerStack(
    style.map((l) => l.id),
    input.layers,
  );
  const sources = sourceFeatures(input);
  // The filters the live map's apply-scene sets; other layers keep their style's filter.
  const filters = sceneFilters(input.scene);
  const shown = (l: LayerSpecification) =>
    layerVisible(l.id, input.layers) &&
    (l.minzoom === undefined || camera.zoom >= l.minzoom) &&
    (l.maxzoom === undefined || camera.zoom < l.maxzoom);
  const featuresOf = (l: LayerSpecification) =>
    ('source' in l && typeof l.source === 'string' ? (sources[l.source] ?? []) : []).filter((f) =>
      passesFilter(filters[l.id] ?? ('filter' in l ? l.filter : undefined), {
        zoom: camera.zoom,
        properties: f.properties,
        state: f.state,
      }),
    );

  // Labels are placed from the top of the stack down, then drawn in their layer's place.
  const symbols = new Map<string, SvgNode[]>();
  for (const id of [...order].reverse()) {
    const layer = byId.get(id);
    if (layer?.type !== 'symbol' || !shown(layer)) continue;
    const layout = layoutOf(layer);
    const features = featuresOf(layer);
    if (layout['icon-image'] !== undefined) symbols.set(id, drawIcons(layer, features, c));
    else if (evalString(layout['symbol-placement'], { zoom: camera.zoom, properties: {} }, 'point') === 'point')
      symbols.set(id, placePointLayer(layer, features, c));
    else symbols.set(id, placeLineLayer(layer, features, c));
  }

  const groups: SvgNode[] = [];
  for (const id of order) {
    if (id === DOTS_LAYER_ID) {
      const dots = layerVisible(id, input.layers) ? drawDots(c) : [];
      if (dots.length > 0) groups.push(el('g', { 'data-layer': id }, dots));
      continue;
    }
    const layer = byId.get(id);
    if (!layer || !shown(layer)) continue;
    let nodes: SvgNode[] = [];
    if (layer.type === 'background') {
      const color = evalString(paintOf(layer)['background-color'], { zoom: camera.zoom, properties: {} }, '#000000');
      nodes = [el('rect', { width: camera.width, height: camera.height, fill: color })];
    } else if (layer.type === 'fill') nodes = drawFill(layer, featuresOf(layer), c);
    else if (layer.type === 'line') nodes = drawLine(layer, featuresOf(layer), c);
    else if (layer.type === 'circle') nodes = drawCircle(layer, featuresOf(layer), c);
    else if (layer.type === 'symbol') nodes = symbols.get(id) ?? [];
    // Text halos are drawn under the glyphs, with round corners as MapLibre's distance-field halos.
    const text = layer.type === 'symbol' ? { 'paint-order': 'stroke', 'stroke-linejoin': 'round' } : {};
    if (nodes.length > 0) groups.push(el('g', { 'data-layer': id, ...text }, nodes));
  }

  const svg = el(
    'svg',
    {
      xmlns: 'http://www.w3.org/2000/svg',
      width: camera.width,
      height: camera.height,
      viewBox: `0 0 ${camera.width} ${camera.height}`,
      'font-family': FONT_FAMILY,
    },
    groups,
  );
  return { camera, svg };
}

/** The picture as a standalone SVG document (for tests, files and data: URLs). */
export function staticMapSvg(input: StaticMapInputs): string {
  return serialize(renderStaticMap(input).svg);
}
