/**
 * The picture of an export: a 2D canvas of the chosen size onto which each frame draws the map's WebGL
 * canvas, scaled to cover, then the overlay (date, chapter, event, attribution, progress) in the app's
 * own fonts. The map is created without `preserveDrawingBuffer`, so its canvas holds a picture only
 * inside its `render` event: every frame is drawn from there.
 *
 * While exporting, the map is framed to the chosen size: its container takes the frame's aspect inside
 * the map area and the map renders at the frame's resolution; everything is put back afterwards.
 */
import { captureMap, type MapCapture } from '../map/capture';
import { sceneOf } from '../state/scene-cache';
import type { Store } from '../state/store';
import { ATTRIBUTION } from '../text/attribution';
import { eventDate } from '../text/event-date';
import { localize } from '../text/localize';
import { readableAt } from '../text/readable-time';
import { chapterAt } from '../timeline/chapters';
import { positionOf } from '../timeline/track';
import { fitMapFrame, type SizePreset } from './export-plan';
import { COLORS, FONT_FAMILY, layoutOverlay, type OverlayLayout, type OverlayText, type Rect } from './overlay-layout';

/** What an export may do with the app's one map (map/capture.ts). */
export type AppMap = MapCapture;

/** The story's title, as the app's header writes it. */
export const HEADING = 'Nagorno-Karabakh 2022–2023';

/** The map's background where its canvas does not reach (the app's paper colour). */
const BACKGROUND = '#fbfaf7';

export function requireMap(): AppMap {
  return captureMap();
}

/**
 * Loads the bundled faces a frame may need (Latin, Azerbaijani Latin, Cyrillic, Armenian, in both
 * weights): a canvas does not wait for a font, it draws with a fallback while the font loads.
 */
export async function ensureFonts(): Promise<void> {
  if (!document.fonts) return;
  const sample = 'Aa Əə Şş Жж Աա';
  const faces = ['400', '600'].flatMap((w) => [`${w} 16px ${FONT_FAMILY}`]);
  await Promise.all(faces.map((f) => document.fonts.load(f, sample).catch(() => [])));
  await document.fonts.ready;
}

/** What the overlay says at time t, from the same sources as the panels: the scene, the chapter, the naming. */
export function overlayText(s: Store, t: number): OverlayText {
  const engine = s.engine;
  if (!engine) throw new Error('The story is still loading.');
  const chapter = chapterAt(engine.chapters, t);
  const number = engine.chapters.indexOf(chapter) + 1;
  const scene = sceneOf({ ...s, t });
  const event = scene?.current ?? null;
  const local = (text: string) => localize(text, engine.data, s.names);
  return {
    heading: HEADING,
    date: readableAt(engine, t).text,
    chapter: `${chapter.title} · chapter ${number} of ${engine.chapters.length}`,
    eventDate: event ? eventDate(event) : null,
    eventTitle: event ? local(event.title) : null,
    caption: event ? local(event.summary) : null,
    attribution: ATTRIBUTION,
    progress: positionOf(engine.track, t),
  };
}

function roundedRect(ctx: CanvasRenderingContext2D, r: Rect, radius: number): void {
  ctx.beginPath();
  ctx.roundRect(r.x, r.y, r.width, r.height, radius);
}

export class Compositor {
  readonly canvas: HTMLCanvasElement;
  private readonly ctx: CanvasRenderingContext2D;
  private cached: { key: string; layout: OverlayLayout } | null = null;

  constructor(
    readonly width: number,
    readonly height: number,
  ) {
    this.canvas = document.createElement('canvas');
    this.canvas.width = width;
    this.canvas.height = height;
    const ctx = this.canvas.getContext('2d', { alpha: false });
    if (!ctx) throw new Error('This browser cannot draw a 2D canvas.');
    this.ctx = ctx;
  }

  private measure = (text: string, font: string): number => {
    this.ctx.font = font;
    return this.ctx.measureText(text).width;
  };

  /** The layout for this text, wrapped once per change of text rather than once per frame. */
  private layout(text: OverlayText): OverlayLayout {
    const key = JSON.stringify([
      text.heading,
      text.date,
      text.chapter,
      text.eventTitle,
      text.caption,
      text.attribution,
    ]);
    if (this.cached?.key !== key)
      this.cached = { key, layout: layoutOverlay(this.width, this.height, text, this.measure) };
    return this.cached.layout;
  }

  /** Draws one frame: call it from the map's `render` event, while the map's canvas holds its picture. */
  draw(source: HTMLCanvasElement, text: OverlayText): void {
    const { ctx, width, height } = this;
    ctx.fillStyle = BACKGROUND;
    ctx.fillRect(0, 0, width, height);
    if (source.width > 0 && source.height > 0) {
      // Cover: scale to fill the frame, cropping the overflow evenly.
      const scale = Math.max(width / source.width, height / source.height);
      const sw = width / scale;
      const sh = height / scale;
      ctx.imageSmoothingQuality = 'high';
      ctx.drawImage(source, (source.width - sw) / 2, (source.height - sh) / 2, sw, sh, 0, 0, width, height);
    }
    const layout = this.layout(text);
    const u = Math.max(0.5, Math.sqrt((width * height) / (1280 * 720)));

    ctx.fillStyle = COLORS.track;
    ctx.fillRect(
      layout.progressTrack.x,
      layout.progressTrack.y,
      layout.progressTrack.width,
      layout.progressTrack.height,
    );
    ctx.fillStyle = COLORS.accent;
    const progress = Math.min(1, Math.max(0, text.progress));
    ctx.fillRect(0, 0, Math.round(width * progress), layout.progressFill.height);

    ctx.save();
    ctx.shadowColor = 'rgba(0, 0, 0, 0.12)';
    ctx.shadowBlur = 10 * u;
    ctx.shadowOffsetY = 2 * u;
    ctx.fillStyle = COLORS.panel;
    roundedRect(ctx, layout.panel, 6 * u);
    ctx.fill();
    ctx.restore();
    ctx.strokeStyle = '#dedad2';
    ctx.lineWidth = Math.max(1, u);
    roundedRect(ctx, layout.panel, 6 * u);
    ctx.stroke();

    ctx.fillStyle = COLORS.strip;
    ctx.fillRect(layout.strip.x, layout.strip.y, layout.strip.width, layout.strip.height);

    ctx.textBaseline = 'alphabetic';
    ctx.textAlign = 'left';
    for (const run of layout.texts) {
      ctx.font = run.font;
      ctx.fillStyle = run.color;
      ctx.fillText(run.text, run.x, run.y);
    }
  }

  /** The edges of the frame the overlay covers, for the map to centre its view in the rest. */
  covered(text: OverlayText): OverlayLayout['covered'] {
    return this.layout(text).covered;
  }
}

export interface Framing {
  /** The map's container size in CSS pixels while framed. */
  cssWidth: number;
  cssHeight: number;
  /** Puts the map back exactly as it was: size, resolution, padding, centre and zoom. */
  restore(): void;
}

/**
 * Frames the map for a `size` export: the map area gets the `export-framing` class, which sizes the
 * map's container to the frame's aspect (centred), the map renders at the frame's resolution, and its
 * view is centred in the part of the frame the overlay leaves visible.
 */
export function frameMap(map: AppMap, size: SizePreset, covered: OverlayLayout['covered']): Framing {
  const { width, height } = map.areaSize();
  const fit = fitMapFrame(width, height, size.width, size.height);
  const cssWidth = Math.max(1, Math.floor(fit.cssWidth));
  const cssHeight = Math.max(1, Math.floor(fit.cssHeight));
  const toCss = cssWidth / size.width;
  const restore = map.frame({
    cssWidth,
    cssHeight,
    pixelRatio: size.width / cssWidth,
    zoomOut: fit.zoomOut,
    padding: {
      top: covered.top * toCss,
      right: covered.right * toCss,
      bottom: covered.bottom * toCss,
      left: covered.left * toCss,
    },
  });
  return { cssWidth, cssHeight, restore };
}

/** Resolves once the map has drawn everything it has to (or after `timeoutMs`, to never hang an export). */
export function mapSettled(map: AppMap, timeoutMs = 8000): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      map.off('idle', done);
      resolve();
    };
    const timer = setTimeout(done, timeoutMs);
    map.on('idle', done);
    // An idle map fires `idle` again after one more frame.
    map.triggerRepaint();
  });
}

/** Runs `draw` inside the map's next `render` event, when its canvas holds the frame. */
export function onNextRender(map: AppMap, draw: () => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const handler = () => {
      map.off('render', handler);
      try {
        draw();
        resolve();
      } catch (error) {
        reject(error);
      }
    };
    map.on('render', handler);
    map.triggerRepaint();
  });
}
