import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { buildBasemap } from '../../scripts/basemap';
import { loadDataset, readCatalogue } from '../../scripts/data-files';
import { bundleDataset } from '../../scripts/dataset-bundle';
import { DEFAULT_LAYERS } from '../state/layers';
import { parseIsoTime } from '../time/iso';
import { realEngine } from '../timeline/engine-fixture';
import { sceneAt } from '../timeline/scene';
import { StaticMap, type StaticMapProps } from './StaticMap';

const engine = realEngine();
const raw = bundleDataset(loadDataset().files, readCatalogue());
const basemap = buildBasemap();

function markup(over: Partial<StaticMapProps> = {}): string {
  const t = parseIsoTime('2023-09-19T13:00+04:00')?.t ?? 0;
  const props: StaticMapProps = {
    engine,
    scene: sceneAt(engine, t),
    basemap,
    areas: raw.areas,
    arrows: raw.arrows,
    view: { lon: 46.5, lat: 40.05, zoom: 7 },
    width: 640,
    height: 400,
    names: 'en',
    layers: [...DEFAULT_LAYERS],
    ...over,
  };
  return renderToStaticMarkup(createElement(StaticMap, props));
}

describe('StaticMap', () => {
  const html = markup();

  it('renders an inline SVG image with the picture described in words', () => {
    expect(html).toMatch(/<svg [^>]*role="img"/);
    expect(html).toMatch(/aria-label="Map of the area around Stepanakert[^"]*19 September 2023/);
    expect(html).toContain('width="640"');
    expect(html).toContain('viewBox="0 0 640 400"');
  });

  it('spells SVG attributes as SVG does (React turns strokeWidth into stroke-width)', () => {
    expect(html).toContain('stroke-width=');
    expect(html).toContain('paint-order="stroke"');
    expect(html).toContain('font-family="&quot;Noto Sans&quot;, &quot;Noto Sans Armenian&quot;, sans-serif"');
    expect(html).not.toMatch(/strokeWidth|paintOrder|fontFamily/);
  });

  it('sets no style attribute but the root’s (React applies it through the CSSOM, allowed by the CSP)', () => {
    expect(html.match(/ style="/g) ?? []).toHaveLength(1);
  });

  it('lists the dated events up to its time, visually hidden', () => {
    expect(html).toContain('<section class="visually-hidden"><h2>Events up to 19 September 2023</h2><ol>');
    expect(html).toContain(
      '<li><time dateTime="2022-12-12T10:30">12 December 2022, about 10:30 (UTC+4)</time>: Blockade of the Lachin corridor</li>',
    );
    expect(html).not.toContain('Last bus');
  });

  it('keeps names from the data as text', () => {
    const places = new Map(engine.data.places);
    const p = places.get('stepanakert');
    if (!p) throw new Error('no Stepanakert');
    places.set('stepanakert', { ...p, names: { ...p.names, en: '<img src=x onerror=alert(1)>' } });
    const evil = markup({ engine: { ...engine, data: { ...engine.data, places } } });
    expect(evil).not.toContain('<img');
    expect(evil).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });
});
