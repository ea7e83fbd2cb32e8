/**
 * Recording the presentation to WebM, and saving a PNG of the frame on screen.
 *
 * A recording pauses the app's own playback and drives time itself. Where the browser has WebCodecs'
 * `VideoEncoder` it records frame by frame: for each frame of the frame plan it sets that frame's time,
 * waits for the map's `render` event that shows it with everything loaded, draws map and overlay onto
 * the compositor's canvas there, and encodes that picture at its exact timestamp (frame i at i/30 s),
 * however long the map took to draw it; a frame that shows the same time as the one before (the held
 * start and end) repeats the picture without drawing the map again. Elsewhere it falls back to real
 * time: the compositor's canvas feeds a `MediaRecorder` through `captureStream`, and the clock moves
 * time on by the wall time each rendered frame took, so a slow machine gives a choppy video.
 * Afterwards the time, the playback state and the map's size and view are put back as they were.
 */
import { type AppStore, appStore } from '../state/store';
import { chapterAt } from '../timeline/chapters';
import type { Segment } from '../timeline/track';
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
import { chooseEncoder, type EncoderChoice } from './encoder-choice';
import {
  bitRate,
  clockProgress,
  exportFileName,
  FPS,
  PACE_WINDOW,
  planFrames,
  planRecording,
  type RecordingPlan,
  remainingMs,
  type Scope,
  type SizePreset,
  startClock,
  stepClock,
} from './export-plan';

/** WebM with VP9 where the browser can, else VP8, else whatever WebM it records. */
export const VIDEO_TYPES = ['video/webm;codecs=vp9', 'video/webm;codecs=vp8', 'video/webm'] as const;

/** The MediaRecorder type for the real-time fallback, or null when the browser cannot record a canvas. */
export function pickVideoType(): string | null {
  if (typeof MediaRecorder === 'undefined' || typeof HTMLCanvasElement.prototype.captureStream !== 'function')
    return null;
  return VIDEO_TYPES.find((type) => MediaRecorder.isTypeSupported(type)) ?? null;
}

/** How a video is made: frame by frame with WebCodecs, or in real time with MediaRecorder. */
export type VideoMethod = { kind: 'frames'; encoder: EncoderChoice } | { kind: 'realtime'; mimeType: string };

/** Frame by frame where the browser can encode VP9 or VP8 at this size, else real time, else null. */
export async function chooseVideoMethod(size: SizePreset): Promise<VideoMethod | null> {
  const encoder = await chooseEncoder(size.width, size.height);
  if (encoder) return { kind: 'frames', encoder };
  const mimeType = pickVideoType();
  return mimeType ? { kind: 'realtime', mimeType } : null;
}

/** "VP9" from a MediaRecorder type, for people. */
function codecLabel(mimeType: string): string {
  const codec = /codecs=([a-z0-9]+)/i.exec(mimeType)?.[1];
  return codec ? codec.toUpperCase() : 'WebM';
}

/** The method and codec, in words: "WebCodecs, VP9" or "MediaRecorder, VP8". */
export function methodLabel(method: VideoMethod): string {
  return method.kind === 'frames'
    ? `WebCodecs, ${method.encoder.label}`
    : `MediaRecorder, ${codecLabel(method.mimeType)}`;
}

/** If the map draws nothing for this long, the recording stops with an error instead of hanging. */
const STALL_MS = 10_000;

/**
 * A frame is drawn from the first render that shows all the map's data for its time; if the data has
 * not all arrived after this long (a source that never settles), the frame is drawn as it is.
 */
const LOAD_WAIT_MS = 5_000;

export interface RecordingResult {
  blob: Blob;
  fileName: string;
  mimeType: string;
  method: VideoMethod['kind'];
  /** "VP9" or "VP8". */
  codec: string;
  /** Frames the map drew for the video, and frames in the file. */
  framesDrawn: number;
  framesEncoded: number;
  /** Length of the video, and frames a second it holds. */
  durationMs: number;
  fps: number;
  /** Wall time the recording took. */
  recordMs: number;
}

export interface RecordProgress {
  /** Share done, 0..1. */
  fraction: number;
  /** Frame by frame only: frames done of all, and the time left (null until it can be estimated). */
  frame: number | null;
  frames: number | null;
  remainingMs: number | null;
}

export interface RecordOptions {
  scope: Scope;
  size: SizePreset;
  speed: number;
  signal: AbortSignal;
  /** How to record; chosen for the browser when not given. */
  method?: VideoMethod | null;
  /** Called after every frame. */
  onProgress?: (progress: RecordProgress) => void;
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

/** Why a recording stopped early: cancelled by the person, or an error to show. */
type Stop = 'cancelled' | Error;

/**
 * A signal that aborts, with the reason, when the recording must stop: `signal` (Cancel, Escape,
 * leaving present mode), playback started by anything else (a key, a link), or the page hidden (a
 * hidden page draws nothing, so the recording would hang or repeat a still).
 */
function watchStops(store: AppStore, signal: AbortSignal): { stop: AbortSignal; dispose: () => void } {
  const controller = new AbortController();
  const stopWith = (reason: Stop) => {
    if (!controller.signal.aborted) controller.abort(reason);
  };
  const onAbort = () => stopWith('cancelled');
  const unsubscribe = store.subscribe((s, prev) => {
    if (s.playing && !prev.playing) stopWith(new Error('Playback started during the recording; it was stopped.'));
  });
  const onHidden = () => {
    if (document.hidden)
      stopWith(new Error('The recording stopped: the page was hidden, and hidden pages do not draw.'));
  };
  if (signal.aborted) onAbort();
  signal.addEventListener('abort', onAbort);
  document.addEventListener('visibilitychange', onHidden);
  return {
    stop: controller.signal,
    dispose: () => {
      signal.removeEventListener('abort', onAbort);
      document.removeEventListener('visibilitychange', onHidden);
      unsubscribe();
    },
  };
}

const stopReason = (stop: AbortSignal): Stop => (stop.reason instanceof Error ? stop.reason : 'cancelled');

/**
 * Runs `draw` inside the first `render` event of the map after which it has nothing left to load (so
 * the frame shows the data of the time just set), or after LOAD_WAIT_MS in any case. Resolves at once
 * when `stop` aborts; rejects when the map stops drawing.
 */
function drawWhenLoaded(map: AppMap, draw: () => void, stop: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    let lastRender = started;
    const onRender = () => {
      const now = performance.now();
      lastRender = now;
      if (!map.loaded() && now - started < LOAD_WAIT_MS) return;
      done();
      try {
        draw();
        resolve();
      } catch (error) {
        reject(error);
      }
    };
    // The data's arrival asks for a frame; asking again now and then costs little and never waits in vain.
    const poll = setInterval(() => {
      if (performance.now() - lastRender > STALL_MS) {
        done();
        reject(new Error('The map stopped drawing; the recording was stopped.'));
      } else map.triggerRepaint();
    }, 250);
    const onStop = () => {
      done();
      resolve();
    };
    const done = () => {
      map.off('render', onRender);
      clearInterval(poll);
      stop.removeEventListener('abort', onStop);
    };
    map.on('render', onRender);
    stop.addEventListener('abort', onStop);
    map.triggerRepaint();
  });
}

/** Everything a recording works with once the map is framed and on its first time. */
interface Session {
  map: AppMap;
  store: AppStore;
  plan: RecordingPlan;
  track: readonly Segment[];
  size: SizePreset;
  compositor: Compositor;
  stop: AbortSignal;
  onProgress: RecordOptions['onProgress'];
}

/**
 * Records `scope` (the whole story or a chapter) at `size` and `speed`. Resolves with the video, or
 * null when cancelled through `signal`. Throws when the browser cannot record or the map stops drawing.
 */
export async function recordVideo(options: RecordOptions): Promise<RecordingResult | null> {
  const { size, signal, onProgress, onCanvas } = options;
  const store = options.store ?? appStore;
  const method = options.method ?? (await chooseVideoMethod(size));
  if (!method) throw new Error('This browser cannot record video from a canvas (no WebCodecs, no WebM MediaRecorder).');
  const map = requireMap();
  const engine = store.getState().engine;
  if (!engine) throw new Error('The story is still loading.');
  const plan = planRecording(engine, options.scope, options.speed);

  const saved = pauseApp(store);
  const watch = watchStops(store, signal);
  let framing: Framing | null = null;
  try {
    await ensureFonts();
    await cameraAtRest(map);
    if (watch.stop.aborted) return null;
    const compositor = new Compositor(size.width, size.height);
    framing = frameMap(map, size, compositor.covered(overlayText(store.getState(), plan.startT)));
    store.getState().setTime(plan.startT);
    await mapSettled(map);
    if (watch.stop.aborted) return null;
    onCanvas?.(compositor.canvas);
    const session: Session = { map, store, plan, track: engine.track, size, compositor, stop: watch.stop, onProgress };
    const result =
      method.kind === 'frames'
        ? await recordFrames(session, method.encoder)
        : await recordRealTime(session, method.mimeType);
    if (result === 'cancelled') return null;
    if (result instanceof Error) throw result;
    return result;
  } finally {
    watch.dispose();
    framing?.restore();
    restoreApp(store, saved);
  }
}

/** Frame by frame with WebCodecs: every frame of the plan, at its exact time and timestamp. */
async function recordFrames(session: Session, choice: EncoderChoice): Promise<RecordingResult | Stop> {
  const { map, store, plan, size, compositor, stop, onProgress } = session;
  const frames = planFrames(plan, session.track);
  const started = performance.now();
  // The encoder and its muxer are loaded now, not with the app.
  const { FrameEncoder } = await import('./frame-encoder');
  const encoder = await FrameEncoder.create(choice);
  let finished = false;
  try {
    let drawn = 0;
    /** When the last map frames were done, for the time left. */
    const doneAt: number[] = [];
    let shown: number | null = null;
    for (let i = 0; i < frames.total; i++) {
      if (stop.aborted) return stopReason(stop);
      const t = frames.times[i] as number;
      if (t !== shown) {
        store.getState().setTime(t);
        // This frame shows the time set before it was drawn: map, date and caption agree.
        await drawWhenLoaded(map, () => compositor.draw(map.getCanvas(), overlayText(store.getState(), t)), stop);
        if (stop.aborted) return stopReason(stop);
        shown = t;
        drawn++;
        doneAt.push(performance.now());
        if (doneAt.length > PACE_WINDOW) doneAt.shift();
      }
      await encoder.add(compositor.canvas, i);
      onProgress?.({
        fraction: (i + 1) / frames.total,
        frame: i + 1,
        frames: frames.total,
        remainingMs: remainingMs(frames.renders - drawn, doneAt),
      });
    }
    const bytes = await encoder.finish();
    finished = true;
    return {
      blob: new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'video/webm' }),
      fileName: exportFileName(plan.scope, plan.startT, size.width, size.height, 'webm'),
      mimeType: `video/webm;codecs=${choice.codec}`,
      method: 'frames',
      codec: choice.label,
      framesDrawn: drawn,
      framesEncoded: encoder.framesEncoded,
      durationMs: frames.durationMs,
      fps: FPS,
      recordMs: performance.now() - started,
    };
  } finally {
    if (!finished) await encoder.cancel();
  }
}

/**
 * In real time with MediaRecorder, where WebCodecs is missing: inside the map's `render` event the
 * frame just drawn goes onto the compositor's canvas, which `captureStream` feeds to the recorder;
 * then the clock moves time on by the wall time that frame took, along the slider with `advance`.
 */
async function recordRealTime(session: Session, mimeType: string): Promise<RecordingResult | Stop> {
  const { map, store, plan, size, compositor, stop, onProgress } = session;
  const started = performance.now();
  // The first frame is on the canvas before the recorder starts, so the video opens on it.
  await onNextRender(map, () => compositor.draw(map.getCanvas(), overlayText(store.getState(), plan.startT)));
  const stream = compositor.canvas.captureStream(FPS);
  try {
    const recorder = new MediaRecorder(stream, { mimeType, videoBitsPerSecond: bitRate(size.width, size.height) });
    const chunks: Blob[] = [];
    recorder.ondataavailable = (e) => {
      if (e.data.size > 0) chunks.push(e.data);
    };
    const stopped = new Promise<void>((resolve) => {
      recorder.onstop = () => resolve();
    });

    let framesDrawn = 0;
    const outcome = await new Promise<'done' | Stop>((resolve) => {
      let clock = startClock(plan);
      let last = performance.now();
      let lastRender = last;
      const finish = (result: 'done' | Stop) => {
        map.off('render', onRender);
        stop.removeEventListener('abort', onStop);
        clearInterval(stall);
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
        clock = stepClock(plan, session.track, clock, now - last);
        last = now;
        onProgress?.({ fraction: clockProgress(plan, clock), frame: null, frames: null, remainingMs: null });
        if (clock.phase === 'done') return finish('done');
        // Outside MapLibre's render call: set the next frame's time, and ask for that frame.
        queueMicrotask(() => {
          if (stop.aborted) return;
          store.getState().setTime(clock.t);
          map.triggerRepaint();
        });
      };
      const onStop = () => finish(stopReason(stop));
      const stall = setInterval(() => {
        if (performance.now() - lastRender > STALL_MS)
          finish(new Error('The map stopped drawing; the recording was stopped.'));
      }, 1000);
      recorder.onerror = () => finish(new Error('The browser stopped recording the video.'));
      if (stop.aborted) return finish(stopReason(stop));
      map.on('render', onRender);
      stop.addEventListener('abort', onStop);
      recorder.start(1000);
      last = performance.now();
      map.triggerRepaint();
    });
    if (recorder.state !== 'inactive') recorder.stop();
    await stopped;
    if (outcome !== 'done') return outcome;
    const recorded = new Blob(chunks, { type: 'video/webm' });
    return await finishRealTime(recorded, mimeType, plan, size, framesDrawn, performance.now() - started);
  } finally {
    for (const track of stream.getTracks()) track.stop();
  }
}

/** Declares the video's duration and indexes it (a live recording has neither), and measures what was recorded. */
async function finishRealTime(
  recorded: Blob,
  mimeType: string,
  plan: RecordingPlan,
  size: SizePreset,
  framesDrawn: number,
  recordMs: number,
): Promise<RecordingResult> {
  // The WebM reader and writer are loaded now, not with the app.
  const { webmInfo, withDuration } = await import('./webm');
  const bytes = new Uint8Array(await recorded.arrayBuffer());
  const info = await webmInfo(bytes);
  // The last frame lasts one frame interval; the video ends with it.
  const durationMs =
    info && info.frames > 1 ? info.lastMs + (info.lastMs - info.firstMs) / (info.frames - 1) : plan.totalMs;
  const fixed = await withDuration(bytes, durationMs);
  return {
    blob: new Blob([fixed as Uint8Array<ArrayBuffer>], { type: 'video/webm' }),
    fileName: exportFileName(plan.scope, plan.startT, size.width, size.height, 'webm'),
    mimeType,
    method: 'realtime',
    codec: codecLabel(mimeType),
    framesDrawn,
    framesEncoded: info?.frames ?? 0,
    durationMs,
    fps: info && durationMs > 0 ? (info.frames * 1000) / durationMs : 0,
    recordMs,
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
