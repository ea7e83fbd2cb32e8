/**
 * Recording the presentation to WebM, and saving a PNG of the frame on screen.
 *
 * A recording pauses the app's own playback and drives time itself, one rendered frame at a time:
 * inside the map's `render` event the frame just drawn (map and overlay for the same time) goes onto
 * the compositor's canvas, which `captureStream` feeds to a `MediaRecorder`; then the clock moves time
 * on by the wall time that frame took, along the slider with `advance`, as playback would. Afterwards
 * the time, the playback state and the map's size and view are put back as they were.
 */
import { type AppStore, appStore } from '../state/store';
import { chapterAt } from '../timeline/chapters';
import {
  type AppMap,
  Compositor,
  ensureFonts,
  type Framing,
  frameMap,
  mapSettled,
  onNextRender,
  overlayText,
  requireMap,
} from './compositor';
import {
  bitRate,
  clockProgress,
  exportFileName,
  FPS,
  planRecording,
  type RecordingPlan,
  type Scope,
  type SizePreset,
  startClock,
  stepClock,
} from './export-plan';
import { webmInfo, withDuration } from './webm';

/** WebM with VP9 where the browser can, else VP8, else whatever WebM it records. */
export const VIDEO_TYPES = ['video/webm;codecs=vp9', 'video/webm;codecs=vp8', 'video/webm'] as const;

export function pickVideoType(): string | null {
  if (typeof MediaRecorder === 'undefined' || typeof HTMLCanvasElement.prototype.captureStream !== 'function')
    return null;
  return VIDEO_TYPES.find((type) => MediaRecorder.isTypeSupported(type)) ?? null;
}

/** If the map draws nothing for this long, the recording stops with an error instead of hanging. */
const STALL_MS = 10_000;

export interface RecordingResult {
  blob: Blob;
  fileName: string;
  mimeType: string;
  /** Frames drawn onto the canvas, and frames in the file. */
  framesDrawn: number;
  framesEncoded: number;
  /** Length of the video, and frames a second it holds. */
  durationMs: number;
  fps: number;
}

export interface RecordOptions {
  scope: Scope;
  size: SizePreset;
  speed: number;
  signal: AbortSignal;
  /** Called on every frame with the share done, 0..1. */
  onProgress?: (fraction: number) => void;
  /** Receives the compositor's canvas once it exists, to show it as a preview. */
  onCanvas?: (canvas: HTMLCanvasElement) => void;
  store?: AppStore;
}

/** What the app was doing before an export, to put back afterwards. */
interface Saved {
  t: number;
  playing: boolean;
}

function pauseApp(store: AppStore): Saved {
  const s = store.getState();
  const saved = { t: s.t, playing: s.playing };
  if (s.playing) s.pause();
  return saved;
}

function restoreApp(store: AppStore, saved: Saved): void {
  const s = store.getState();
  s.setTime(saved.t);
  if (saved.playing) s.play();
}

/** Waits for a camera move under way (a step's glide to the next event) to land, so it is not cut short. */
async function cameraAtRest(map: AppMap): Promise<void> {
  if (!map.isMoving()) return;
  await new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, 3000);
    map.once('moveend', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

/**
 * Records `scope` (the whole story or a chapter) at `size` and `speed`. Resolves with the video, or
 * null when cancelled through `signal`. Throws when the browser cannot record or the map stops drawing.
 */
export async function recordVideo(options: RecordOptions): Promise<RecordingResult | null> {
  const { size, signal, onProgress, onCanvas } = options;
  const store = options.store ?? appStore;
  const mimeType = pickVideoType();
  if (!mimeType) throw new Error('This browser cannot record video from a canvas (no WebM MediaRecorder).');
  const map = requireMap();
  const engine = store.getState().engine;
  if (!engine) throw new Error('The story is still loading.');
  const plan = planRecording(engine, options.scope, options.speed);

  const saved = pauseApp(store);
  let framing: Framing | null = null;
  let stream: MediaStream | null = null;
  let stopWatching = () => {};
  try {
    await ensureFonts();
    await cameraAtRest(map);
    if (signal.aborted) return null;
    const compositor = new Compositor(size.width, size.height);
    framing = frameMap(map, size, compositor.covered(overlayText(store.getState(), plan.startT)));
    store.getState().setTime(plan.startT);
    await mapSettled(map);
    if (signal.aborted) return null;
    onCanvas?.(compositor.canvas);

    // The first frame is on the canvas before the recorder starts, so the video opens on it.
    await onNextRender(map, () => compositor.draw(map.getCanvas(), overlayText(store.getState(), plan.startT)));
    stream = compositor.canvas.captureStream(FPS);
    const recorder = new MediaRecorder(stream, { mimeType, videoBitsPerSecond: bitRate(size.width, size.height) });
    const chunks: Blob[] = [];
    recorder.ondataavailable = (e) => {
      if (e.data.size > 0) chunks.push(e.data);
    };
    const stopped = new Promise<void>((resolve) => {
      recorder.onstop = () => resolve();
    });

    let framesDrawn = 0;
    const outcome = await new Promise<'done' | 'cancelled' | Error>((resolve) => {
      let clock = startClock(plan);
      let last = performance.now();
      let lastRender = last;
      const finish = (result: 'done' | 'cancelled' | Error) => {
        stopWatching();
        resolve(result);
      };
      const onRender = () => {
        const now = performance.now();
        lastRender = now;
        try {
          // This frame shows the time set before it was drawn: map, date and caption agree.
          compositor.draw(map.getCanvas(), overlayText(store.getState(), clock.t));
        } catch (error) {
          return finish(error instanceof Error ? error : new Error(String(error)));
        }
        framesDrawn++;
        clock = stepClock(plan, engine.track, clock, now - last);
        last = now;
        onProgress?.(clockProgress(plan, clock));
        if (clock.phase === 'done') return finish('done');
        // Outside MapLibre's render call: set the next frame's time, and ask for that frame.
        queueMicrotask(() => {
          if (signal.aborted) return;
          store.getState().setTime(clock.t);
          map.triggerRepaint();
        });
      };
      const onAbort = () => finish('cancelled');
      const stall = setInterval(() => {
        if (performance.now() - lastRender > STALL_MS)
          finish(new Error('The map stopped drawing; the recording was stopped.'));
      }, 1000);
      // Anything else that starts playback (a key, a link) ends the recording rather than fighting it.
      const unsubscribe = store.subscribe((s, prev) => {
        if (s.playing && !prev.playing) finish(new Error('Playback started during the recording; it was stopped.'));
      });
      // A hidden page draws nothing (no animation frames): stop, saying why, rather than record a still.
      const onHidden = () => {
        if (document.hidden)
          finish(new Error('The recording stopped: the page was hidden, and hidden pages do not draw.'));
      };
      stopWatching = () => {
        map.off('render', onRender);
        signal.removeEventListener('abort', onAbort);
        document.removeEventListener('visibilitychange', onHidden);
        clearInterval(stall);
        unsubscribe();
      };
      recorder.onerror = () => finish(new Error('The browser stopped recording the video.'));
      map.on('render', onRender);
      signal.addEventListener('abort', onAbort);
      document.addEventListener('visibilitychange', onHidden);
      recorder.start(1000);
      last = performance.now();
      map.triggerRepaint();
    });
    if (recorder.state !== 'inactive') recorder.stop();
    await stopped;
    if (outcome === 'cancelled') return null;
    if (outcome instanceof Error) throw outcome;
    return await finishVideo(new Blob(chunks, { type: 'video/webm' }), mimeType, plan, size, framesDrawn);
  } finally {
    stopWatching();
    for (const track of stream?.getTracks() ?? []) track.stop();
    framing?.restore();
    restoreApp(store, saved);
  }
}

/** Declares the video's duration (a live recording has none), and measures what was recorded. */
async function finishVideo(
  recorded: Blob,
  mimeType: string,
  plan: RecordingPlan,
  size: SizePreset,
  framesDrawn: number,
): Promise<RecordingResult> {
  const bytes = new Uint8Array(await recorded.arrayBuffer());
  const info = webmInfo(bytes);
  // The last frame lasts one frame interval; the video ends with it.
  const durationMs =
    info && info.frames > 1 ? info.lastMs + (info.lastMs - info.firstMs) / (info.frames - 1) : plan.totalMs;
  const fixed = withDuration(bytes, durationMs);
  return {
    blob: new Blob([fixed as Uint8Array<ArrayBuffer>], { type: 'video/webm' }),
    fileName: exportFileName(plan.scope, plan.startT, size.width, size.height, 'webm'),
    mimeType,
    framesDrawn,
    framesEncoded: info?.frames ?? 0,
    durationMs,
    fps: info && durationMs > 0 ? (info.frames * 1000) / durationMs : 0,
  };
}

export interface SnapshotOptions {
  size: SizePreset;
  store?: AppStore;
}

/** A PNG of the frame on screen at `size`, with the same overlay as a video. */
export async function snapshotPng(options: SnapshotOptions): Promise<{ blob: Blob; fileName: string }> {
  const { size } = options;
  const store = options.store ?? appStore;
  const map = requireMap();
  const engine = store.getState().engine;
  if (!engine) throw new Error('The story is still loading.');
  const saved = pauseApp(store);
  let framing: Framing | null = null;
  try {
    await ensureFonts();
    await cameraAtRest(map);
    const t = store.getState().t;
    const compositor = new Compositor(size.width, size.height);
    const text = overlayText(store.getState(), t);
    framing = frameMap(map, size, compositor.covered(text));
    await mapSettled(map);
    await onNextRender(map, () => compositor.draw(map.getCanvas(), text));
    const blob = await new Promise<Blob | null>((resolve) => compositor.canvas.toBlob(resolve, 'image/png'));
    if (!blob) throw new Error('The browser could not encode the PNG.');
    const chapter = chapterAt(engine.chapters, t);
    return { blob, fileName: exportFileName(chapter.id, t, size.width, size.height, 'png') };
  } finally {
    framing?.restore();
    restoreApp(store, saved);
  }
}

/** Saves a blob as a file through an `<a download>`; the blob URL is revoked once the download has it. */
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  // Revoking at once can cancel the download in some browsers; a minute is ample.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
