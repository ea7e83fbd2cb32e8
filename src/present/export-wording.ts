/** What the export panel says: how videos are made here, how far a recording is, what was saved. */
import { formatBytes, formatDuration, type SizePreset } from './export-plan';
import { methodLabel, type RecordingResult, type RecordProgress, type VideoMethod } from './recorder';

/** What the panel says of the way videos are made here. */
export function methodNote(method: VideoMethod | null | undefined): string {
  if (method === undefined) return 'Checking how this browser can record…';
  if (method === null) return 'This browser cannot record video here; Save PNG still works.';
  if (method.kind === 'frames')
    return (
      `Drawn frame by frame (${methodLabel(method)}): smooth at 30 frames a second, ` +
      'however slowly this computer draws the map; recording may take longer than the video.'
    );
  return (
    `Recorded in real time (${methodLabel(method)}): this browser has no WebCodecs video encoder, ` +
    'so on a slow computer the video may be choppy.'
  );
}

/** "Frame 37 of 120 · about 20 s left" frame by frame; "42 %" in real time. */
export function progressText(p: RecordProgress | null): string {
  if (!p) return 'Starting…';
  if (p.frame === null || p.frames === null) return `${Math.round(p.fraction * 100)} %`;
  const left =
    p.remainingMs === null
      ? ''
      : p.remainingMs < 1500
        ? ' · almost done'
        : ` · about ${formatDuration(p.remainingMs)} left`;
  return `Frame ${p.frame} of ${p.frames}${left}`;
}

/** The status line as a recording starts: "Recording the whole story at 1280 × 720…". */
export function recordingStarted(label: string, size: SizePreset): string {
  return `Recording ${label.toLowerCase()} at ${size.width} × ${size.height}…`;
}

/** The status line once a video is saved: its file, size, length, frames and how it was made. */
export function videoSaved(result: RecordingResult): string {
  const how =
    result.method === 'frames'
      ? `${result.codec}, drawn frame by frame in ${formatDuration(result.recordMs)}`
      : `${result.codec}, recorded in real time`;
  return (
    `Saved ${result.fileName}: ${formatBytes(result.blob.size)}, ${formatDuration(result.durationMs)}, ` +
    `${result.framesEncoded} frames at ${Math.round(result.fps)} frames a second (${how}).`
  );
}
