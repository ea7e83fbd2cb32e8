import { describe, expect, it } from 'vitest';
import { SIZE_PRESETS } from './export-plan';
import { methodNote, progressText, recordingStarted, videoSaved } from './export-wording';
import type { RecordingResult } from './recorder';

describe('export wording', () => {
  it('tells how videos are made here, or that they are being found out', () => {
    expect(methodNote(undefined)).toBe('Checking how this browser can record…');
    expect(methodNote(null)).toBe('This browser cannot record video here; Save PNG still works.');
    expect(methodNote({ kind: 'realtime', mimeType: 'video/webm;codecs=vp8' })).toMatch(
      /^Recorded in real time \(MediaRecorder, VP8\): this browser has no WebCodecs video encoder/,
    );
  });

  it('counts frames with the time left frame by frame, and a percentage in real time', () => {
    expect(progressText(null)).toBe('Starting…');
    expect(progressText({ fraction: 0.424, frame: null, frames: null, remainingMs: null })).toBe('42 %');
    expect(progressText({ fraction: 0.3, frame: 37, frames: 120, remainingMs: null })).toBe('Frame 37 of 120');
    expect(progressText({ fraction: 0.3, frame: 37, frames: 120, remainingMs: 20_000 })).toBe(
      'Frame 37 of 120 · about 20 s left',
    );
    expect(progressText({ fraction: 0.99, frame: 119, frames: 120, remainingMs: 900 })).toBe(
      'Frame 119 of 120 · almost done',
    );
  });

  it('reports what was recorded and saved', () => {
    const size = SIZE_PRESETS.find((p) => p.id === 'small');
    if (!size) throw new Error('no small size');
    expect(recordingStarted('The whole story', size)).toBe('Recording the whole story at 640 × 360…');
    const result: RecordingResult = {
      blob: new Blob([new Uint8Array(84_000)]),
      fileName: 'karabakh-2023-talks-2023-09-20-640x360.webm',
      mimeType: 'video/webm',
      method: 'frames',
      codec: 'VP9',
      framesDrawn: 50,
      framesEncoded: 120,
      durationMs: 4000,
      fps: 30,
      recordMs: 9000,
    };
    expect(videoSaved(result)).toBe(
      'Saved karabakh-2023-talks-2023-09-20-640x360.webm: 84 KB, 4 s, 120 frames at 30 frames a second ' +
        '(VP9, drawn frame by frame in 9 s).',
    );
    expect(videoSaved({ ...result, method: 'realtime', codec: 'VP8' })).toMatch(/\(VP8, recorded in real time\)\.$/);
  });
});
