/**
 * The embed's still picture of the map, drawn as an inline SVG at once (no WebGL), for the live map
 * to replace. A React tree built from static-map.ts's element tree: React escapes every text and
 * attribute, nothing is set through innerHTML, and the only style is React's style prop (allowed
 * under `style-src 'self'`). For screen readers: `role="img"` with the picture in words, and a
 * visually hidden list of the dated events up to its time.
 */
import type { FeatureCollection } from 'geojson';
import { createElement, type ReactNode, useId, useMemo } from 'react';
import type { View } from '../state/url-state';
import type { Engine, Scene } from '../timeline/scene';
import type { Naming } from '../vocabulary/vocabulary';
import { describeStaticMap } from './static-describe';
import { renderStaticMap } from './static-map';
import type { SvgNode } from './static-svg';

export interface StaticMapProps {
  engine: Engine;
  /** The scene at the picture's time (the store's, from state/scene-cache.ts). */
  scene: Scene;
  basemap: FeatureCollection;
  areas: FeatureCollection;
  arrows: FeatureCollection;
  view: View;
  /** The live map's container size in CSS pixels. */
  width: number;
  height: number;
  names: Naming;
  layers: readonly string[];
  dotScale?: number;
  className?: string;
}

/** SVG attribute names as React spells them (stroke-width → strokeWidth); data-* and aria-* stay. */
const reactName = (name: string) =>
  name.startsWith('data-') || name.startsWith('aria-')
    ? name
    : name.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());

function toReact(node: SvgNode, key?: number): ReactNode {
  const props: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(node.attrs)) props[reactName(k)] = v;
  if (key !== undefined) props.key = key;
  const children: ReactNode[] = [];
  if (node.text !== undefined) children.push(node.text);
  node.children?.forEach((c, i) => {
    children.push(toReact(c, i));
  });
  return createElement(node.tag, props, ...children);
}

export function StaticMap(props: StaticMapProps) {
  const { engine, scene, basemap, areas, arrows, view, width, height, names, layers, dotScale, className } = props;
  // Ids of label paths must be unique in the page and plain in a URL fragment.
  const idPrefix = `sm${useId().replace(/[^a-zA-Z0-9]/g, '')}-`;
  const drawn = useMemo(() => {
    try {
      const map = renderStaticMap({
        basemap,
        data: engine.data,
        areas,
        arrows,
        scene,
        view,
        width,
        height,
        names,
        layers,
        dotScale,
        idPrefix,
      });
      return { map, text: describeStaticMap({ engine, scene, camera: map.camera, names, layers }) };
    } catch (e) {
      // The live map follows; a picture that cannot be drawn is left out rather than drawn wrong.
      console.error('static map:', e);
      return null;
    }
  }, [engine, scene, basemap, areas, arrows, view, width, height, names, layers, dotScale, idPrefix]);
  if (!drawn) return null;
  const { map, text } = drawn;
  const svgProps: Record<string, string | number> = { role: 'img', 'aria-label': text.label };
  for (const [k, v] of Object.entries(map.svg.attrs)) svgProps[reactName(k)] = v;
  return (
    <div className={className} data-testid="static-map">
      {createElement(
        'svg',
        { ...svgProps, focusable: 'false', style: { display: 'block', fontSynthesis: 'none' } },
        ...(map.svg.children ?? []).map((c, i) => toReact(c, i)),
      )}
      <section className="visually-hidden">
        <h2>Events up to {text.when}</h2>
        {text.events.length ? (
          <ol>
            {text.events.map((e) => (
              <li key={e.id}>
                <time dateTime={e.iso}>{e.date}</time>: {e.title}
              </li>
            ))}
          </ol>
        ) : (
          <p>None yet.</p>
        )}
      </section>
    </div>
  );
}
