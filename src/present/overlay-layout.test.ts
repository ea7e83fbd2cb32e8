import { describe, expect, it } from 'vitest';
import { ATTRIBUTION } from '../text/attribution';
import { layoutOverlay, type Measure, type OverlayText, type Rect, unitFor, wrapLines } from './overlay-layout';

/** Every character as wide as a fixed share of the font size: enough to test wrapping and fitting. */
const sizeOf = (font: string) => Number(/([\d.]+)px/.exec(font)?.[1] ?? 10);
const measure: Measure = (text, font) => text.length * sizeOf(font) * 0.55;
const perChar = (w: number) => (s: string) => s.length * w;

const LONG_CAPTION =
  "Analysts in Yerevan and Baku debate Russia's role and the peacekeepers' future (their mandate runs to November 2025), how many Armenians will stay (estimates from a few thousand to tens of thousands), the proposed Zangezur road to Nakhchivan, and whether the conflict is over. A former US ambassador compares Armenia's position with Israel's and notes that its borders with Turkey and Azerbaijan are closed.";

const TEXT: OverlayText = {
  heading: 'Nagorno-Karabakh 2022–2023',
  date: '20 September 2023, about 13:00 (UTC+4)',
  chapter: 'Ceasefire and talks · chapter 3 of 5',
  eventDate: '20 September 2023, 13:00 (UTC+4)',
  eventTitle: 'Ceasefire agreed through the Russian peacekeepers',
  caption: 'Local Armenian forces agree to lay down arms. Talks on reintegration are set for Yevlakh.',
  attribution: ATTRIBUTION,
  progress: 0.5,
};

const inside = (inner: Rect, outer: Rect) =>
  inner.x >= outer.x - 0.5 &&
  inner.y >= outer.y - 0.5 &&
  inner.x + inner.width <= outer.x + outer.width + 0.5 &&
  inner.y + inner.height <= outer.y + outer.height + 0.5;

describe('wrapLines', () => {
  it('breaks between words at the measured width', () => {
    expect(wrapLines('one two three four', 9, perChar(1))).toEqual(['one two', 'three', 'four']);
    expect(wrapLines('one two three four', 100, perChar(1))).toEqual(['one two three four']);
    expect(wrapLines('  spaced   out\nwords ', 100, perChar(1))).toEqual(['spaced out words']);
    expect(wrapLines('', 10, perChar(1))).toEqual([]);
  });

  it('never returns a line wider than the limit, whatever the text', () => {
    for (const width of [5, 12, 40, 90]) {
      const lines = wrapLines(LONG_CAPTION, width, perChar(1));
      for (const l of lines) expect(l.length).toBeLessThanOrEqual(width);
      expect(lines.join(' ').replace(/\s+/g, '')).toBe(LONG_CAPTION.replace(/\s+/g, ''));
    }
  });

  it('cuts a word only when it alone is too wide', () => {
    expect(wrapLines('a https://example.org/very/long/path b', 10, perChar(1))).toEqual([
      'a',
      'https://ex',
      'ample.org/',
      'very/long/',
      'path b',
    ]);
  });

  it('ends the last allowed line with an ellipsis that fits', () => {
    const lines = wrapLines(LONG_CAPTION, 40, perChar(1), 3);
    expect(lines).toHaveLength(3);
    expect(lines[2]?.endsWith('…')).toBe(true);
    for (const l of lines) expect(l.length).toBeLessThanOrEqual(40);
    // The ellipsis follows a whole word.
    expect(lines[2]?.slice(0, -1)).toBe(lines[2]?.slice(0, -1).trimEnd());
    expect(LONG_CAPTION).toContain(lines[2]?.slice(0, -1) ?? 'x');
    expect(wrapLines(LONG_CAPTION, 40, perChar(1), 0)).toEqual([]);
  });

  it('measures with the given function (proportional fonts)', () => {
    const wide = (s: string) => [...s].reduce((n, c) => n + (c === 'W' ? 3 : 1), 0);
    expect(wrapLines('WWW ii iii', 9, wide)).toEqual(['WWW', 'ii iii']);
  });
});

describe('layoutOverlay', () => {
  it('scales type with the frame', () => {
    expect(unitFor(1280, 720)).toBe(1);
    expect(unitFor(1920, 1080)).toBe(1.5);
    expect(unitFor(640, 360)).toBe(0.5);
  });

  it('puts the panel on the right of a wide frame, with every text inside the frame', () => {
    const l = layoutOverlay(1280, 720, TEXT, measure);
    expect(l.placement).toBe('side');
    expect(l.panel.x + l.panel.width).toBeLessThan(1280);
    expect(l.panel.x).toBeGreaterThan(1280 / 2);
    const texts = l.texts.map((t) => t.text);
    expect(texts[texts.length - 1]).not.toBe('');
    expect(texts).toEqual(
      expect.arrayContaining([TEXT.heading, '20 September 2023,', 'about 13:00 (UTC+4)', TEXT.chapter]),
    );
    expect(texts.join(' ')).toContain(TEXT.eventTitle);
    // The event's own date, above its title.
    const dateAt = texts.indexOf(TEXT.eventDate ?? '');
    expect(dateAt).toBeGreaterThan(-1);
    expect(texts[dateAt + 1]?.startsWith('Ceasefire agreed')).toBe(true);
    expect(texts.join(' ')).toContain('Talks on reintegration are set for Yevlakh.');
    expect(texts.join(' ')).toContain('Natural Earth (public domain)');
    for (const run of l.texts) {
      const inPanel = run.y > l.panel.y && run.y < l.panel.y + l.panel.height;
      const inStrip = run.y > l.strip.y && run.y <= l.strip.y + l.strip.height;
      expect(inPanel || inStrip).toBe(true);
      expect(run.x + measure(run.text, run.font)).toBeLessThanOrEqual(1280);
    }
    // The panel stays above the attribution.
    expect(l.panel.y + l.panel.height).toBeLessThanOrEqual(l.strip.y);
    // The map centres its view left of the panel.
    expect(l.covered.right).toBe(1280 - l.panel.x);
    expect(layoutOverlay(1280, 720, { ...TEXT, caption: null }, measure).covered).toEqual(l.covered);
  });

  it('writes the date large and the caption readable at 720p', () => {
    const l = layoutOverlay(1280, 720, TEXT, measure);
    const sizeOfRun = (text: string) => sizeOf(l.texts.find((t) => t.text === text)?.font ?? '');
    expect(sizeOfRun('20 September 2023,')).toBe(30);
    expect(sizeOfRun('about 13:00 (UTC+4)')).toBe(30);
    const captionRun = l.texts.find((t) => t.text.startsWith('Local Armenian'));
    expect(sizeOf(captionRun?.font ?? '')).toBeGreaterThanOrEqual(18);
    expect(captionRun?.font).toContain('Noto Sans');
    expect(sizeOf(l.texts.find((t) => t.text.startsWith('Natural Earth'))?.font ?? '')).toBeGreaterThanOrEqual(13);
  });

  it('lays lines out top to bottom without overlap', () => {
    const l = layoutOverlay(1280, 720, { ...TEXT, caption: LONG_CAPTION }, measure);
    const panelRuns = l.texts.filter((t) => t.y < l.strip.y);
    for (let i = 1; i < panelRuns.length; i++) {
      const prev = panelRuns[i - 1];
      const run = panelRuns[i];
      if (!prev || !run) continue;
      expect(run.y - prev.y).toBeGreaterThanOrEqual(sizeOf(run.font) * 0.9);
    }
  });

  it('shortens a caption too long for the frame with an ellipsis', () => {
    const small = layoutOverlay(640, 360, { ...TEXT, caption: LONG_CAPTION }, measure);
    expect(inside(small.panel, { x: 0, y: 0, width: 640, height: 360 })).toBe(true);
    expect(small.panel.y + small.panel.height).toBeLessThanOrEqual(small.strip.y);
    const last = small.texts[small.texts.length - 1];
    expect(last?.text.endsWith('…')).toBe(true);
    // Small frames keep a floor on type size.
    for (const run of small.texts) expect(sizeOf(run.font)).toBeGreaterThanOrEqual(9);
  });

  it('puts the panel along the bottom of a square frame, above the attribution', () => {
    const l = layoutOverlay(1080, 1080, { ...TEXT, caption: LONG_CAPTION }, measure);
    expect(l.placement).toBe('bottom');
    expect(l.panel.width).toBeGreaterThan(1000);
    expect(l.panel.y + l.panel.height).toBeLessThanOrEqual(l.strip.y);
    expect(l.panel.height).toBeLessThanOrEqual(1080 * 0.46 + 1);
    expect(l.covered.bottom).toBe(324);
    // The map's padding does not follow the caption's length, so the camera stays put from event to event.
    expect(layoutOverlay(1080, 1080, { ...TEXT, caption: 'Short.' }, measure).covered).toEqual(l.covered);
    expect(l.covered.right).toBe(0);
  });

  it('draws the progress bar across the top, clamped', () => {
    expect(layoutOverlay(1280, 720, TEXT, measure).progressFill.width).toBe(640);
    expect(layoutOverlay(1280, 720, { ...TEXT, progress: 2 }, measure).progressFill.width).toBe(1280);
    expect(layoutOverlay(1280, 720, { ...TEXT, progress: Number.NaN }, measure).progressFill.width).toBe(0);
  });

  it('shows date and chapter alone before the first event', () => {
    const l = layoutOverlay(
      1920,
      1080,
      { ...TEXT, date: '20 September 2023', eventTitle: null, caption: null },
      measure,
    );
    expect(l.texts.map((t) => t.text)).toEqual([ATTRIBUTION, TEXT.heading, '20 September 2023', TEXT.chapter]);
  });

  it('wraps the attribution on a narrow frame instead of running off it', () => {
    const l = layoutOverlay(400, 400, TEXT, measure);
    const attribution = l.texts.filter((t) => t.y > l.strip.y);
    expect(attribution.length).toBe(2);
    for (const run of attribution) expect(run.x + measure(run.text, run.font)).toBeLessThanOrEqual(400);
  });
});
