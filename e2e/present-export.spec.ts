/**
 * Present mode's export: a chapter recorded frame by frame to WebM at 640 × 360 (every frame of the
 * plan, at exactly 30 frames a second, decodable, not blank), the real-time fallback where WebCodecs
 * is missing, a PNG of the frame on screen at 1280 × 720, all with the overlay burned in; Escape
 * cancels a recording without leaving the mode; the app is exactly as before afterwards.
 */
import { readFileSync } from 'node:fs';
import { expect, type Page, test } from '@playwright/test';
import { planFrames, planRecording } from '../src/present/export-plan';
import { webmInfo } from '../src/present/webm';
import { realEngine } from '../src/timeline/engine-fixture';
import { expectClean, waitForIdle, watch } from './harness';

/** Everything an export must leave as it found it. */
function appState(page: Page) {
  return page.evaluate(() => {
    const map = window.__map;
    const s = window.__appStore?.getState();
    if (!map || !s) throw new Error('app not ready');
    const c = map.getCenter();
    return {
      search: location.search,
      t: s.t,
      mode: s.mode,
      view: s.view,
      playing: s.playing,
      center: [Number(c.lng.toFixed(6)), Number(c.lat.toFixed(6))],
      zoom: Number(map.getZoom().toFixed(6)),
      padding: map.getPadding(),
      canvas: [map.getCanvas().width, map.getCanvas().height],
      framed: document.querySelector('.map-area')?.classList.contains('export-framing') ?? null,
    };
  });
}

interface PixelStats {
  width: number;
  height: number;
  /** Distinct colours in the map part of the frame (left of the caption panel). */
  mapColours: number;
  /** Share of the map part that is one flat colour (the most common one). */
  mapFlatShare: number;
  /** Dark pixels (text) inside the caption panel. */
  panelInk: number;
}

/** Decodes a PNG in the page (no request: a Blob from the bytes) and measures what it shows. */
function pngStats(page: Page, png: Buffer): Promise<PixelStats> {
  return page.evaluate(async (b64) => {
    const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
    const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('no 2d context');
    ctx.drawImage(bitmap, 0, 0);
    const { width, height } = bitmap;
    const data = ctx.getImageData(0, 0, width, height).data;
    const counts = new Map<number, number>();
    let mapPixels = 0;
    for (let y = 10; y < height - 30; y += 2)
      for (let x = 0; x < width * 0.55; x += 2) {
        const i = (y * width + x) * 4;
        const key = ((data[i] ?? 0) << 16) | ((data[i + 1] ?? 0) << 8) | (data[i + 2] ?? 0);
        counts.set(key, (counts.get(key) ?? 0) + 1);
        mapPixels++;
      }
    let panelInk = 0;
    for (let y = 30; y < height * 0.6; y++)
      for (let x = Math.round(width * 0.64); x < width - 25; x++) {
        const i = (y * width + x) * 4;
        if ((data[i] ?? 255) + (data[i + 1] ?? 255) + (data[i + 2] ?? 255) < 240) panelInk++;
      }
    return {
      width,
      height,
      mapColours: counts.size,
      mapFlatShare: Math.max(...counts.values()) / mapPixels,
      panelInk,
    };
  }, png.toString('base64'));
}

/** How many pixels differ clearly between two PNGs of the same size. */
function pngDifference(page: Page, a: Buffer, b: Buffer): Promise<number> {
  return page.evaluate(
    async ({ x, y }) => {
      const decode = async (b64: string) => {
        const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
        const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
        const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
        const ctx = canvas.getContext('2d');
        if (!ctx) throw new Error('no 2d context');
        ctx.drawImage(bitmap, 0, 0);
        return ctx.getImageData(0, 0, bitmap.width, bitmap.height).data;
      };
      const [da, db] = await Promise.all([decode(x), decode(y)]);
      let differ = 0;
      for (let i = 0; i < da.length; i += 4) {
        const d =
          Math.abs((da[i] ?? 0) - (db[i] ?? 0)) +
          Math.abs((da[i + 1] ?? 0) - (db[i + 1] ?? 0)) +
          Math.abs((da[i + 2] ?? 0) - (db[i + 2] ?? 0));
        if (d > 60) differ++;
      }
      return differ;
    },
    { x: a.toString('base64'), y: b.toString('base64') },
  );
}

interface DecodedVideo {
  durationS: number;
  width: number;
  height: number;
  frame: PixelStats;
}

/**
 * Plays a WebM in a blank page (the app's CSP rightly allows no blob: media) and measures its
 * declared length and the frame at `atS` seconds, as a person opening the file would see them.
 */
async function decodeVideo(page: Page, webm: Buffer, atS: number): Promise<DecodedVideo> {
  const blank = await page.context().newPage();
  try {
    return await blank.evaluate(
      async ({ b64, at }) => {
        const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
        const video = document.createElement('video');
        video.muted = true;
        video.src = URL.createObjectURL(new Blob([bytes], { type: 'video/webm' }));
        await new Promise((resolve, reject) => {
          video.onloadeddata = resolve;
          video.onerror = () => reject(new Error(`video error ${video.error?.code}`));
        });
        const durationS = video.duration;
        // A frame is on hand once it has been presented, not merely when the seek ends: on a busy
        // machine drawing right after `seeked` can copy a frame the decoder has not produced yet.
        const presented = new Promise<void>((resolve) => {
          const v = video as HTMLVideoElement & { requestVideoFrameCallback?: (cb: () => void) => number };
          if (v.requestVideoFrameCallback) v.requestVideoFrameCallback(() => resolve());
          else video.onseeked = () => resolve();
        });
        document.body.append(video);
        video.currentTime = at;
        await Promise.race([presented, new Promise((resolve) => setTimeout(resolve, 10_000))]);
        const width = video.videoWidth;
        const height = video.videoHeight;
        const canvas = new OffscreenCanvas(width, height);
        const ctx = canvas.getContext('2d');
        if (!ctx) throw new Error('no 2d context');
        ctx.drawImage(video, 0, 0);
        const data = ctx.getImageData(0, 0, width, height).data;
        const counts = new Map<number, number>();
        let mapPixels = 0;
        for (let y = 10; y < height - 30; y += 2)
          for (let x = 0; x < width * 0.55; x += 2) {
            const i = (y * width + x) * 4;
            // Colours to 4 bits a channel: the codec's noise is not a colour of its own.
            const key = (((data[i] ?? 0) >> 4) << 8) | (((data[i + 1] ?? 0) >> 4) << 4) | ((data[i + 2] ?? 0) >> 4);
            counts.set(key, (counts.get(key) ?? 0) + 1);
            mapPixels++;
          }
        let panelInk = 0;
        for (let y = 15; y < height * 0.6; y++)
          for (let x = Math.round(width * 0.64); x < width - 12; x++) {
            const i = (y * width + x) * 4;
            if ((data[i] ?? 255) + (data[i + 1] ?? 255) + (data[i + 2] ?? 255) < 240) panelInk++;
          }
        return {
          durationS,
          width,
          height,
          frame: {
            width,
            height,
            mapColours: counts.size,
            mapFlatShare: Math.max(...counts.values()) / mapPixels,
            panelInk,
          },
        };
      },
      { b64: webm.toString('base64'), at: atS },
    );
  } finally {
    await blank.close();
  }
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

test('present mode records a chapter frame by frame to a smooth 30 fps WebM, Escape cancels, and the app is as before', async ({
  page,
  baseURL,
}) => {
  test.setTimeout(90_000);
  const engine = realEngine();
  const frames = planFrames(planRecording(engine, 'talks', 16), engine.track);
  const w = await watch(page, baseURL ?? '');
  await page.goto('/?mode=present&t=2023-09-20T13:00&view=46.6,39.9,7.2');
  await waitForIdle(page);
  const before = await appState(page);
  expect(before.framed).toBe(false);

  await page.getByRole('button', { name: 'Export…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export' });
  // The chapter on screen is offered first, and focus goes into the panel.
  await expect(dialog.getByLabel('Record')).toBeFocused();
  await expect(dialog.getByLabel('Record')).toHaveValue('talks');
  await dialog.getByLabel('Size').selectOption('small');
  await dialog.getByLabel('Speed').selectOption('16');
  await expect(dialog).toContainText('Video about 4 s long');
  // The panel says how: this Chromium has WebCodecs.
  await expect(dialog.getByTestId('export-method')).toContainText(/^Drawn frame by frame \(WebCodecs, VP[89]\)/);

  const download = page.waitForEvent('download', { timeout: 60_000 });
  const started = Date.now();
  await dialog.getByRole('button', { name: 'Record video' }).click();
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await expect(dialog.getByRole('progressbar', { name: 'Recording progress' })).toBeVisible();
  // Progress counts frames of the plan, with the time left once it can be told.
  await expect(dialog.getByTestId('export-count')).toHaveText(
    new RegExp(`^Frame \\d+ of ${frames.total} · (about \\d+ s left|almost done)$`),
  );
  // While recording, the map is framed to 16:9 and drawn at the video's size.
  await expect
    .poll(() => page.evaluate(() => [window.__map?.getCanvas().width, window.__map?.getCanvas().height]))
    .toEqual([640, 360]);
  const video = await download;
  const recordedS = (Date.now() - started) / 1000;
  expect(video.suggestedFilename()).toBe('karabakh-2023-talks-2023-09-20-640x360.webm');
  const bytes = readFileSync(await video.path());
  expect([...bytes.subarray(0, 4)]).toEqual([0x1a, 0x45, 0xdf, 0xa3]);
  expect(bytes.length).toBeGreaterThan(10_000);
  const info = await webmInfo(bytes);
  expect(info?.codec).toMatch(/^V_VP[89]$/);
  expect([info?.width, info?.height]).toEqual([640, 360]);
  // Every frame of the plan, however slowly the map drew: 1 s still, the chapter at 16×, 1.5 s still.
  expect(info?.frames).toBe(frames.total);
  // At exactly 30 frames a second: frame i at i/30 s (Matroska counts milliseconds).
  expect(info?.timesMs).toEqual(Array.from({ length: frames.total }, (_, i) => Math.round((i * 1000) / 30)));
  expect(info?.durationMs).toBeCloseTo(frames.durationMs, -1);
  await expect(page.getByTestId('export-status')).toContainText(
    new RegExp(
      `^Saved karabakh-2023-talks-2023-09-20-640x360\\.webm: \\d+ KB, 4 s, ${frames.total} frames at 30 frames a second \\(VP[89], drawn frame by frame in `,
    ),
  );
  console.log(
    `frame by frame: ${frames.total} frames (${frames.renders} drawn), ${(frames.durationMs / 1000).toFixed(2)} s of video, ` +
      `${bytes.length} bytes, recorded in ${recordedS.toFixed(1)} s`,
  );
  // A player sees the same length, within a frame, and a frame mid-journey shows map and caption.
  const decoded = await decodeVideo(page, bytes, (frames.holdStart + frames.travel / 2) / 30);
  expect(Math.abs(decoded.durationS - frames.total / 30)).toBeLessThanOrEqual(1 / 30);
  expect([decoded.width, decoded.height]).toEqual([640, 360]);
  expect(decoded.frame.mapColours).toBeGreaterThan(25);
  expect(decoded.frame.mapFlatShare).toBeLessThan(0.9);
  expect(decoded.frame.panelInk).toBeGreaterThan(500);
  // The address bar follows the store within a quarter of a second.
  await expect.poll(() => appState(page)).toEqual(before);

  // A long recording, cancelled with Escape between two frames: nothing is saved, and present mode stays.
  let saved = false;
  page.on('download', () => {
    saved = true;
  });
  await dialog.getByLabel('Record').selectOption('story');
  await dialog.getByLabel('Speed').selectOption('1');
  await dialog.getByRole('button', { name: 'Record video' }).click();
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await expect.poll(() => page.evaluate(() => window.__appStore?.getState().t)).not.toBe(before.t);
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('export-status')).toHaveText('Recording cancelled. Nothing was saved.');
  await expect(page.locator('.app')).toHaveAttribute('data-mode', 'present');
  await expect(dialog).toBeVisible();
  expect(saved).toBe(false);
  // The address bar follows the store within a quarter of a second.
  await expect.poll(() => appState(page)).toEqual(before);

  // The second Escape closes the panel and gives focus back; only a third leaves present mode.
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Export…' })).toBeFocused();
  await expect(page.locator('.app')).toHaveAttribute('data-mode', 'present');
  expectClean(w);
});

test('without WebCodecs, present mode records in real time with MediaRecorder and says so', async ({
  page,
  baseURL,
}) => {
  test.setTimeout(60_000);
  const w = await watch(page, baseURL ?? '');
  // As in a browser without WebCodecs' video encoder.
  await page.addInitScript(() => {
    Reflect.deleteProperty(window, 'VideoEncoder');
  });
  await page.goto('/?mode=present&t=2023-09-20T13:00&view=46.6,39.9,7.2');
  await waitForIdle(page);
  const before = await appState(page);
  await page.getByRole('button', { name: 'Export…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export' });
  await dialog.getByLabel('Size').selectOption('small');
  await dialog.getByLabel('Speed').selectOption('16');
  await expect(dialog.getByTestId('export-method')).toContainText(
    /^Recorded in real time \(MediaRecorder, VP[89]\): this browser has no WebCodecs video encoder/,
  );
  const download = page.waitForEvent('download', { timeout: 40_000 });
  await dialog.getByRole('button', { name: 'Record video' }).click();
  await expect(dialog.getByTestId('export-count')).toHaveText(/^(\d+ %|Starting…)$/);
  const video = await download;
  expect(video.suggestedFilename()).toBe('karabakh-2023-talks-2023-09-20-640x360.webm');
  const info = await webmInfo(readFileSync(await video.path()));
  expect(info?.codec).toMatch(/^V_VP[89]$/);
  expect(info?.frames).toBeGreaterThanOrEqual(5);
  // The duration is declared (a live recording has none) and matches the plan: 1.5 s of chapter at 16× and the holds.
  expect(info?.durationMs).toBeGreaterThan(3000);
  expect(info?.durationMs).toBeLessThan(6500);
  await expect(page.getByTestId('export-status')).toContainText(/frames a second \(VP[89], recorded in real time\)\.$/);
  await expect.poll(() => appState(page)).toEqual(before);
  expectClean(w);
});

test('present mode saves a PNG of the frame on screen: map, exodus dots and caption burned in', async ({
  page,
  baseURL,
}) => {
  test.setTimeout(60_000);
  const w = await watch(page, baseURL ?? '');
  // The exodus under way: the dots (a custom WebGL layer) fill the Lachin corridor.
  await page.goto('/?mode=present&t=2023-09-26T12:00&view=46.3,39.7,8');
  await waitForIdle(page);
  const before = await appState(page);
  await page.getByRole('button', { name: 'Export…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export' });
  await expect(dialog.getByLabel('Size')).toHaveValue('720p');

  const save = async () => {
    const download = page.waitForEvent('download');
    await dialog.getByRole('button', { name: 'Save PNG' }).click();
    const file = await download;
    return { name: file.suggestedFilename(), bytes: readFileSync(await file.path()) };
  };
  const png = await save();
  expect(png.name).toBe('karabakh-2023-exodus-2023-09-26-1280x720.png');
  expect([...png.bytes.subarray(0, 8)]).toEqual(PNG_SIGNATURE);
  expect(png.bytes.subarray(12, 16).toString('latin1')).toBe('IHDR');
  expect([png.bytes.readUInt32BE(16), png.bytes.readUInt32BE(20)]).toEqual([1280, 720]);
  await expect(page.getByTestId('export-status')).toContainText('Saved karabakh-2023-exodus-2023-09-26-1280x720.png');

  const stats = await pngStats(page, png.bytes);
  expect(stats.width).toBe(1280);
  // Not blank: the map part holds many colours (land, water, roads, labels), no flat fill...
  expect(stats.mapColours).toBeGreaterThan(150);
  expect(stats.mapFlatShare).toBeLessThan(0.9);
  // ...and the caption panel holds text.
  expect(stats.panelInk).toBeGreaterThan(2000);
  // The address bar follows the store within a quarter of a second.
  await expect.poll(() => appState(page)).toEqual(before);

  // The dots reach the picture: the same frame without the exodus layer differs along the corridor.
  await page.evaluate(() => window.__appStore?.getState().setLayerVisible('exodus', false));
  const withoutDots = await save();
  const differ = await pngDifference(page, png.bytes, withoutDots.bytes);
  expect(differ).toBeGreaterThan(300);
  expectClean(w);
});
