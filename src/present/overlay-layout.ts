/**
 * The text burned into an exported frame, laid out without a canvas: a semi-opaque panel with the
 * date, the chapter, the event's title and caption, the attribution along the bottom, and the story's
 * progress along the top. Text is wrapped by measured width through a `measure` function, so the same
 * layout is unit-tested in Node with a fake measure and drawn in the browser with the canvas's own.
 */

/** The app's fonts, bundled with it (loaded by @fontsource in main.tsx): Latin, Cyrillic, Armenian. */
export const FONT_FAMILY = '"Noto Sans", "Noto Sans Armenian", sans-serif';

export const COLORS = {
  ink: '#23211e',
  muted: '#69645c',
  accent: '#a6402f',
  panel: 'rgba(255, 255, 255, 0.92)',
  strip: 'rgba(255, 255, 255, 0.85)',
  track: 'rgba(0, 0, 0, 0.12)',
} as const;

/** Width of `text` drawn in `font` (a CSS font shorthand), in pixels. */
export type Measure = (text: string, font: string) => number;

export interface OverlayText {
  /** The story's title, so a clip shared on its own says what it is. */
  heading: string;
  /** The date as the app writes it, never finer than the data. */
  date: string;
  /** The chapter's title, e.g. "Ceasefire and talks · chapter 3 of 5". */
  chapter: string;
  /** When the event on screen happened, at its own precision (it may lie before the date shown). */
  eventDate: string | null;
  eventTitle: string | null;
  caption: string | null;
  attribution: string;
  /** Position along the story, 0..1. */
  progress: number;
}

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface TextRun {
  text: string;
  /** Left edge and baseline. */
  x: number;
  y: number;
  font: string;
  color: string;
}

export interface OverlayLayout {
  /** The caption panel at the side (wide frames) or along the bottom (square ones). */
  placement: 'side' | 'bottom';
  panel: Rect;
  /** Behind the attribution line. */
  strip: Rect;
  progressTrack: Rect;
  progressFill: Rect;
  texts: TextRun[];
  /**
   * The frame's edges the overlay covers, in frame pixels: the map centres its view in the rest. The same
   * for every text of a frame size (a bottom panel's usual height), so the camera does not jump between events.
   */
  covered: { top: number; right: number; bottom: number; left: number };
}

const font = (weight: 400 | 600, px: number) => `${weight} ${Math.round(px * 10) / 10}px ${FONT_FAMILY}`;

/**
 * Splits `text` into lines no wider than `maxWidth`, breaking between words, and inside a word only when
 * the word alone is too wide. At most `maxLines` lines: the last one then ends with an ellipsis.
 */
export function wrapLines(
  text: string,
  maxWidth: number,
  measure: (text: string) => number,
  maxLines = Number.POSITIVE_INFINITY,
): string[] {
  const words = text.split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let line = '';
  const push = (l: string) => lines.push(l);
  for (const word of words) {
    const candidate = line ? `${line} ${word}` : word;
    if (measure(candidate) <= maxWidth) {
      line = candidate;
      continue;
    }
    if (line) push(line);
    line = '';
    // A word wider than the line (a long URL, a very narrow frame) is cut where it must be.
    let rest = word;
    while (measure(rest) > maxWidth && rest.length > 1) {
      let cut = rest.length - 1;
      while (cut > 1 && measure(rest.slice(0, cut)) > maxWidth) cut--;
      push(rest.slice(0, cut));
      rest = rest.slice(cut);
    }
    line = rest;
  }
  if (line) push(line);
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, Math.max(0, maxLines));
  if (kept.length === 0) return kept;
  let lastLine = `${kept[kept.length - 1]}…`;
  while (measure(lastLine) > maxWidth && lastLine.length > 1) {
    const shorter = lastLine.slice(0, -1).trimEnd();
    // Drop the last word first, then characters, so the ellipsis follows a whole word where it can.
    const space = shorter.lastIndexOf(' ');
    lastLine = `${space > 0 ? shorter.slice(0, space) : shorter.slice(0, -1)}…`;
  }
  kept[kept.length - 1] = lastLine;
  return kept;
}

/** Type scale for a frame: 1 at 1280 × 720, by area, so a 1080p frame reads as a 720p one. */
export function unitFor(width: number, height: number): number {
  return Math.sqrt((width * height) / (1280 * 720));
}

/**
 * Lays the overlay out on a `width × height` frame. Wide frames (16:9) carry the panel on the right,
 * as present mode does on screen; square and tall frames carry it along the bottom. Sizes have floors so
 * a small frame stays legible.
 */
export function layoutOverlay(width: number, height: number, text: OverlayText, measure: Measure): OverlayLayout {
  const u = unitFor(width, height);
  const px = (size: number, floor: number) => Math.max(floor, size * u);
  const sizes = {
    heading: px(15, 9),
    date: px(30, 15),
    chapter: px(17, 10),
    eventDate: px(15, 9),
    title: px(24, 13),
    caption: px(19, 11),
    attribution: px(14, 9),
  };
  const fonts = {
    heading: font(600, sizes.heading),
    date: font(600, sizes.date),
    chapter: font(600, sizes.chapter),
    eventDate: font(400, sizes.eventDate),
    title: font(600, sizes.title),
    caption: font(400, sizes.caption),
    attribution: font(400, sizes.attribution),
  };
  const margin = Math.round(px(20, 8));
  const pad = Math.round(px(20, 8));
  const placement = width / height >= 1.3 ? 'side' : 'bottom';

  // The progress bar along the top, as in present mode.
  const barHeight = Math.max(3, Math.round(5 * u));
  const progress = Math.min(1, Math.max(0, Number.isFinite(text.progress) ? text.progress : 0));
  const progressTrack = { x: 0, y: 0, width, height: barHeight };
  const progressFill = { x: 0, y: 0, width: Math.round(width * progress), height: barHeight };

  // The attribution, bottom right, on its own strip, as the app shows it.
  const attrPad = Math.round(px(6, 3));
  const attrLineHeight = sizes.attribution * 1.35;
  const attrMax = width - 2 * margin;
  const attrLines = wrapLines(text.attribution, attrMax - 2 * attrPad, (s) => measure(s, fonts.attribution), 2);
  const attrWidth = Math.min(
    width,
    Math.ceil(Math.max(0, ...attrLines.map((l) => measure(l, fonts.attribution)))) + 2 * attrPad,
  );
  const strip = {
    x: width - attrWidth,
    y: height - Math.ceil(attrLines.length * attrLineHeight + 2 * attrPad * 0.6),
    width: attrWidth,
    height: Math.ceil(attrLines.length * attrLineHeight + 2 * attrPad * 0.6),
  };
  const texts: TextRun[] = attrLines.map((line, i) => ({
    text: line,
    x: strip.x + attrPad,
    y: strip.y + attrPad * 0.6 + sizes.attribution * 1.05 + i * attrLineHeight,
    font: fonts.attribution,
    color: COLORS.muted,
  }));

  // The panel: its width is fixed by the placement, its height by what it holds.
  const panelWidth = placement === 'side' ? Math.round(width * 0.37) : width - 2 * margin;
  const inner = panelWidth - 2 * pad;
  const top = barHeight + margin;
  const bottomLimit = strip.y - Math.round(margin / 2);
  const maxPanelHeight = placement === 'side' ? bottomLimit - top : Math.round(height * 0.46);

  const blocks: { lines: string[]; font: string; size: number; color: string; lineHeight: number; gap: number }[] = [];
  const block = (
    content: string | null,
    key: keyof typeof fonts,
    color: string,
    lineHeight: number,
    gap: number,
    maxLines: number,
  ) => {
    if (!content) return;
    const width = (s: string) => measure(s, fonts[key]);
    // The date, when too long for one line, breaks after its comma: "20 September 2023," / "about 13:00 (UTC+4)".
    const parts = key === 'date' && width(content) > inner ? content.split(/(?<=,) /) : [content];
    const byParts = parts.flatMap((part) => wrapLines(part, inner, width));
    const lines = byParts.length <= maxLines ? byParts : wrapLines(content, inner, width, maxLines);
    if (lines.length) blocks.push({ lines, font: fonts[key], size: sizes[key], color, lineHeight, gap });
  };
  block(text.heading, 'heading', COLORS.muted, 1.3, 0, 1);
  block(text.date, 'date', COLORS.ink, 1.2, 0.25, 2);
  block(text.chapter, 'chapter', COLORS.accent, 1.3, 0.2, 1);
  block(text.eventTitle ? text.eventDate : null, 'eventDate', COLORS.muted, 1.3, 0.9, 1);
  block(text.eventTitle, 'title', COLORS.ink, 1.25, text.eventDate ? 0.1 : 0.7, 3);

  const heightOf = (b: (typeof blocks)[number]) => b.gap * b.size + b.lines.length * b.size * b.lineHeight;
  const used = 2 * pad + blocks.reduce((n, b) => n + heightOf(b), 0);
  if (text.caption) {
    const lineHeight = 1.4;
    const gap = 0.45;
    const room = Math.floor((maxPanelHeight - used - gap * sizes.caption) / (sizes.caption * lineHeight));
    if (room > 0) block(text.caption, 'caption', COLORS.ink, lineHeight, gap, room);
  }
  const panelHeight = Math.ceil(2 * pad + blocks.reduce((n, b) => n + heightOf(b), 0));
  const panel =
    placement === 'side'
      ? { x: width - margin - panelWidth, y: top, width: panelWidth, height: panelHeight }
      : { x: margin, y: bottomLimit - panelHeight, width: panelWidth, height: panelHeight };

  let y = panel.y + pad;
  for (const b of blocks) {
    y += b.gap * b.size;
    for (const line of b.lines) {
      // The baseline sits about four fifths down the line box.
      const baseline = y + b.size * (b.lineHeight - 1) * 0.5 + b.size * 0.95;
      texts.push({ text: line, x: panel.x + pad, y: baseline, font: b.font, color: b.color });
      y += b.size * b.lineHeight;
    }
  }

  const covered =
    placement === 'side'
      ? { top: barHeight, right: width - panel.x, bottom: strip.height, left: 0 }
      : { top: barHeight, right: 0, bottom: Math.round(height * 0.3), left: 0 };
  return { placement, panel, strip, progressTrack, progressFill, texts, covered };
}
