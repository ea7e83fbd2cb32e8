/**
 * What an export is, before any browser API is touched: the frame sizes offered, how the map is fitted
 * to a frame, the file names, the recording plan (which stretch of the story, how fast, how long), the
 * frame plan that records it frame by frame at exactly 30 frames a second (the time each frame shows,
 * its timestamp), and the clock of the real-time fallback that moves time on by the wall time each
 * rendered frame took. Pure, so it is unit-tested in Node.
 */
import { formatIsoLocal } from '../time/iso';
import type { Chapter } from '../timeline/chapters';
import { advance, type Span, STORY_SECONDS, spanOf } from '../timeline/playback';
import type { Segment } from '../timeline/track';

export interface SizePreset {
  id: string;
  label: string;
  width: number;
  height: number;
}

/** The frame sizes offered, most useful first: 720p is readable on a projector and light to encode. */
export const SIZE_PRESETS: readonly SizePreset[] = [
  { id: '720p', label: '1280 × 720 (720p)', width: 1280, height: 720 },
  { id: '1080p', label: '1920 × 1080 (1080p)', width: 1920, height: 1080 },
  { id: 'square', label: '1080 × 1080 (square)', width: 1080, height: 1080 },
  { id: 'small', label: '640 × 360 (small)', width: 640, height: 360 },
];

export const DEFAULT_SIZE = '720p';

export function sizePreset(id: string): SizePreset {
  return SIZE_PRESETS.find((p) => p.id === id) ?? (SIZE_PRESETS[0] as SizePreset);
}

/** Playback speeds a recording can use: the slider's own, and faster ones for a short clip of a long stretch. */
export const EXPORT_SPEEDS = [0.5, 1, 2, 4, 8, 16] as const;

/** Frames a second of the video. */
export const FPS = 30;

/** One frame's length in milliseconds of video. */
export const FRAME_MS = 1000 / FPS;

/** The still first and last frames of a video, so a viewer can read where it starts and ends. */
export const HOLD_START_MS = 1000;
export const HOLD_END_MS = 1500;

export interface MapFrame {
  /** The map container's size in CSS pixels while exporting: the frame's aspect, inside the map area. */
  cssWidth: number;
  cssHeight: number;
  /** Canvas pixels per CSS pixel, so the map's canvas has the frame's own size. */
  pixelRatio: number;
  /**
   * Zoom levels to subtract so the map shows the same extent as at full size: a frame smaller than the
   * screen is drawn as a smaller map with labels at their normal size, not as a shrunken picture.
   */
  zoomOut: number;
}

/**
 * How the map is fitted to a frame of `width × height` inside a map area of `areaWidth × areaHeight`
 * CSS pixels: the largest rectangle of the frame's aspect that fits, drawn at the frame's resolution.
 * The pixel ratio never goes below 1: a smaller frame gets a smaller map with readable labels.
 */
export function fitMapFrame(areaWidth: number, areaHeight: number, width: number, height: number): MapFrame {
  const aspect = width / height;
  const fitWidth = Math.max(1, Math.min(areaWidth, areaHeight * aspect));
  const cssWidth = Math.min(fitWidth, width);
  const cssHeight = cssWidth / aspect;
  return {
    cssWidth,
    cssHeight,
    pixelRatio: width / cssWidth,
    zoomOut: Math.log2(fitWidth / cssWidth),
  };
}

/** Lower case letters, digits and single hyphens: safe in a file name on every system. */
export function safeSlug(text: string): string {
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug || 'story';
}

/** `karabakh-2023-<chapter>-<yyyy-mm-dd>-<w>x<h>.<ext>`, the date being local (UTC+4), as the app shows it. */
export function exportFileName(scope: string, t: number, width: number, height: number, ext: 'webm' | 'png'): string {
  const date = formatIsoLocal(t).slice(0, 10);
  const w = Math.round(width);
  const h = Math.round(height);
  return `karabakh-2023-${safeSlug(scope)}-${date}-${w}x${h}.${ext}`;
}

/** The whole story, or one chapter by its id. */
export type Scope = 'story' | (string & {});

export interface RecordingPlan {
  scope: Scope;
  /** What is recorded, in words: "the whole story" or the chapter's title. */
  label: string;
  /** First and last times shown; the last is still inside the chapter (its end is the next one's start). */
  startT: number;
  endT: number;
  /** The slider's stretch played, for `advance`. */
  span: Span;
  speed: number;
  /** Time spent moving along the track, and the whole video with its still start and end. */
  travelMs: number;
  totalMs: number;
}

/** The slider's length actually played: breaks between chapters take no time (playback jumps them). */
function playedLength(track: readonly Segment[], span: Span): number {
  let length = 0;
  for (const s of track) length += Math.max(0, Math.min(s.to, span.to) - Math.max(s.from, span.from));
  return length;
}

/**
 * Which stretch to record at which speed, and for how long. An unknown chapter id records the whole
 * story. Speeds outside (0, 16] fall back to 1×.
 */
export function planRecording(
  engine: { track: readonly Segment[]; chapters: readonly Chapter[] },
  scope: Scope,
  speed: number,
): RecordingPlan {
  const { track, chapters } = engine;
  const first = chapters[0];
  const last = chapters[chapters.length - 1];
  if (!first || !last) throw new Error('export: the story has no chapters');
  const pace = Number.isFinite(speed) && speed > 0 && speed <= 16 ? speed : 1;
  const chapter = chapters.find((c) => c.id === scope);
  const startT = chapter ? chapter.start : first.start;
  // A chapter ends where the next begins; its last frame is the minute before, still in the chapter.
  const endT = chapter && chapter !== last ? chapter.end - 60_000 : last.end;
  const span = spanOf(track, startT, endT);
  const travelMs = (playedLength(track, span) * STORY_SECONDS * 1000) / pace;
  return {
    scope: chapter ? chapter.id : 'story',
    label: chapter ? chapter.title : 'The whole story',
    startT,
    endT,
    span,
    speed: pace,
    travelMs,
    totalMs: HOLD_START_MS + travelMs + HOLD_END_MS,
  };
}

/**
 * A recording frame by frame: the time each frame of the video shows. The first picture is held for
 * HOLD_START_MS, then each frame moves time on by one frame's worth (FRAME_MS at the plan's speed)
 * along the slider with `advance`, jumping breaks between chapters as playback does, until the end of
 * the stretch, whose picture is held for HOLD_END_MS. How slowly the machine draws does not matter:
 * the video is `total / FPS` seconds long.
 */
export interface FramePlan {
  /** The time shown in each frame, by frame number. */
  times: number[];
  /** Frames of the still start (at startT), of the journey between, and of the still end (at endT). */
  holdStart: number;
  travel: number;
  holdEnd: number;
  total: number;
  /** Frames whose picture differs from the one before: the map is drawn only for these. */
  renders: number;
  /** Length of the video: total frames × one frame. */
  durationMs: number;
}

/** More frames than this (about 33 minutes) is a plan gone wrong, not a video: it is refused. */
export const MAX_FRAMES = 60_000;

export function planFrames(plan: RecordingPlan, track: readonly Segment[]): FramePlan {
  const holdStart = Math.round(HOLD_START_MS / FRAME_MS);
  const holdEnd = Math.round(HOLD_END_MS / FRAME_MS);
  const times: number[] = new Array<number>(holdStart).fill(plan.startT);
  for (let t = plan.startT; plan.endT > plan.startT; ) {
    const next = advance(track, t, FRAME_MS, plan.speed, false, plan.span);
    if (next.ended || next.t >= plan.endT) break;
    t = next.t;
    times.push(t);
    if (times.length > MAX_FRAMES) throw new Error('export: the recording would be too long');
  }
  const travel = times.length - holdStart;
  for (let i = 0; i < holdEnd; i++) times.push(plan.endT);
  let renders = 0;
  for (let i = 0; i < times.length; i++) if (i === 0 || times[i] !== times[i - 1]) renders++;
  return { times, holdStart, travel, holdEnd, total: times.length, renders, durationMs: times.length * FRAME_MS };
}

/** A frame's timestamp in microseconds: i × 1e6 / FPS, rounded to the microsecond WebCodecs counts in. */
export function frameTimestampUs(i: number): number {
  return Math.round((i * 1e6) / FPS);
}

/** A frame's duration in microseconds: up to the next frame's timestamp, so durations add up exactly. */
export function frameDurationUs(i: number): number {
  return frameTimestampUs(i + 1) - frameTimestampUs(i);
}

/** A key frame every two seconds, so a player can seek without decoding from the start. */
export const KEY_FRAME_INTERVAL = 2 * FPS;

/** Map frames whose pace the time left is told from: recent enough to follow the map as it fills. */
export const PACE_WINDOW = 20;

/**
 * Time left in a frame-by-frame recording, at the pace of the last map frames drawn: drawing the map
 * is what takes time (a held frame repeats a picture at almost no cost), and it slows down or speeds
 * up as the story fills or empties the map. `doneAt` holds when the last map frames (up to
 * PACE_WINDOW) were done, oldest first. Null until two have been.
 */
export function remainingMs(rendersLeft: number, doneAt: readonly number[]): number | null {
  const recent = doneAt.slice(-PACE_WINDOW);
  const first = recent[0];
  const last = recent[recent.length - 1];
  if (recent.length < 2 || first === undefined || last === undefined) return null;
  return (Math.max(0, rendersLeft) * Math.max(0, last - first)) / (recent.length - 1);
}

/**
 * WebCodecs codec strings: VP9 profile 0 at level 4 (up to 2048 × 1088 pixels a frame at 30 frames a
 * second, so every size offered), 8 bits; VP8 where VP9 cannot be encoded.
 */
export const VP9_CODEC = 'vp09.00.40.08';
export const VP8_CODEC = 'vp8';
/** Luma samples a frame at VP9 level 4. */
export const VP9_LEVEL4_PICTURE = 2_228_224;

export type ClockPhase = 'hold-start' | 'travel' | 'hold-end' | 'done';

export interface Clock {
  phase: ClockPhase;
  /** The time to show in the next frame. */
  t: number;
  /** Wall time spent in the current phase, and in the whole recording. */
  phaseMs: number;
  elapsedMs: number;
}

export function startClock(plan: RecordingPlan): Clock {
  return { phase: 'hold-start', t: plan.startT, phaseMs: 0, elapsedMs: 0 };
}

/**
 * The clock after `dtMs` of wall time since the last rendered frame: still on the first frame, then
 * moving along the track with `advance` at the plan's speed (jumping breaks between chapters, as
 * playback does), then still on the last frame. Each frame's time is fixed before the map draws it,
 * so the map, the date and the caption in a frame always agree.
 */
export function stepClock(plan: RecordingPlan, track: readonly Segment[], clock: Clock, dtMs: number): Clock {
  const dt = Number.isFinite(dtMs) && dtMs > 0 ? dtMs : 0;
  const elapsedMs = clock.elapsedMs + dt;
  if (clock.phase === 'done') return { ...clock, elapsedMs };
  if (clock.phase === 'hold-start') {
    const phaseMs = clock.phaseMs + dt;
    if (phaseMs < HOLD_START_MS) return { phase: 'hold-start', t: plan.startT, phaseMs, elapsedMs };
    return travel(plan, track, plan.startT, phaseMs - HOLD_START_MS, 0, elapsedMs);
  }
  if (clock.phase === 'travel') return travel(plan, track, clock.t, dt, clock.phaseMs, elapsedMs);
  const phaseMs = clock.phaseMs + dt;
  return { phase: phaseMs >= HOLD_END_MS ? 'done' : 'hold-end', t: plan.endT, phaseMs, elapsedMs };
}

function travel(
  plan: RecordingPlan,
  track: readonly Segment[],
  from: number,
  dt: number,
  phaseMs: number,
  elapsedMs: number,
): Clock {
  const { t, ended } = advance(track, from, dt, plan.speed, false, plan.span);
  if (ended || t >= plan.endT) {
    const over = Math.max(0, phaseMs + dt - plan.travelMs);
    return { phase: over >= HOLD_END_MS ? 'done' : 'hold-end', t: plan.endT, phaseMs: over, elapsedMs };
  }
  return { phase: 'travel', t, phaseMs: phaseMs + dt, elapsedMs };
}

/** Share of the recording done, 0..1, for the progress bar. */
export function clockProgress(plan: RecordingPlan, clock: Clock): number {
  if (clock.phase === 'done') return 1;
  return plan.totalMs > 0 ? Math.min(1, clock.elapsedMs / plan.totalMs) : 1;
}

/** A duration for people: "45 s", "2 min 20 s". */
export function formatDuration(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  const rest = s % 60;
  return rest ? `${m} min ${rest} s` : `${m} min`;
}

/** A file size for people: "840 KB", "3.2 MB". */
export function formatBytes(bytes: number): string {
  if (bytes < 1000) return `${bytes} B`;
  if (bytes < 1_000_000) return `${Math.round(bytes / 1000)} KB`;
  return `${(bytes / 1_000_000).toFixed(1)} MB`;
}

/** Video bit rate for a frame size: about 0.18 bits a pixel a frame, enough for sharp map labels. */
export function bitRate(width: number, height: number): number {
  return Math.round(width * height * FPS * 0.18);
}
