import { describe, expect, it } from 'vitest';
import { formatReadable } from '../time/iso';
import { TIMELINE_END, TIMELINE_START } from '../time/span';
import { chapterAt } from '../timeline/chapters';
import { realEngine } from '../timeline/engine-fixture';
import { STORY_SECONDS } from '../timeline/playback';
import { GAP, positionOf } from '../timeline/track';
import {
  bitRate,
  type Clock,
  clockProgress,
  DEFAULT_SIZE,
  EXPORT_SPEEDS,
  exportFileName,
  FPS,
  FRAME_MS,
  fitMapFrame,
  formatBytes,
  formatDuration,
  frameDurationUs,
  frameTimestampUs,
  HOLD_END_MS,
  HOLD_START_MS,
  KEY_FRAME_INTERVAL,
  PACE_WINDOW,
  planFrames,
  planRecording,
  remainingMs,
  SIZE_PRESETS,
  safeSlug,
  sizePreset,
  startClock,
  stepClock,
  VP9_CODEC,
  VP9_LEVEL4_PICTURE,
} from './export-plan';

const engine = realEngine();
const { track, chapters } = engine;

/** Runs the clock to the end in steps of `dt`, returning every frame's clock. */
function run(plan: ReturnType<typeof planRecording>, dt: number | ((i: number) => number)): Clock[] {
  const frames: Clock[] = [];
  let clock = startClock(plan);
  for (let i = 0; clock.phase !== 'done' && i < 100_000; i++) {
    frames.push(clock);
    clock = stepClock(plan, track, clock, typeof dt === 'number' ? dt : dt(i));
  }
  frames.push(clock);
  return frames;
}

describe('size presets', () => {
  it('offers 720p, 1080p, square and small, with even sizes a video encoder accepts', () => {
    expect(SIZE_PRESETS.map((p) => [p.id, p.width, p.height])).toEqual([
      ['720p', 1280, 720],
      ['1080p', 1920, 1080],
      ['square', 1080, 1080],
      ['small', 640, 360],
    ]);
    for (const p of SIZE_PRESETS) {
      expect(p.width % 2).toBe(0);
      expect(p.height % 2).toBe(0);
      expect(p.label).toContain(`${p.width} × ${p.height}`);
    }
    expect(sizePreset(DEFAULT_SIZE).width).toBe(1280);
    expect(sizePreset('nonsense').id).toBe('720p');
  });

  it('gives a video bit rate that grows with the frame', () => {
    expect(bitRate(1280, 720)).toBe(4_976_640);
    expect(bitRate(1920, 1080)).toBeGreaterThan(bitRate(1280, 720));
  });
});

describe('fitMapFrame', () => {
  it('fits the frame aspect inside the map area and renders at the frame size', () => {
    const f = fitMapFrame(1280, 750, 1280, 720);
    expect(f).toEqual({ cssWidth: 1280, cssHeight: 720, pixelRatio: 1, zoomOut: 0 });
    const hd = fitMapFrame(1280, 750, 1920, 1080);
    expect(hd.cssWidth).toBe(1280);
    expect(hd.cssHeight).toBe(720);
    expect(hd.pixelRatio).toBe(1.5);
    expect(hd.cssWidth * hd.pixelRatio).toBe(1920);
  });

  it('is limited by the height in a wide area, and keeps the aspect', () => {
    const sq = fitMapFrame(1280, 750, 1080, 1080);
    expect(sq.cssWidth).toBe(750);
    expect(sq.cssHeight).toBe(750);
    expect(sq.cssWidth * sq.pixelRatio).toBeCloseTo(1080, 6);
    const wide = fitMapFrame(2000, 500, 1280, 720);
    expect(wide.cssWidth / wide.cssHeight).toBeCloseTo(16 / 9, 6);
    expect(wide.cssHeight).toBe(500);
  });

  it('draws a small frame as a smaller map, zoomed out to the same extent, never below one pixel a pixel', () => {
    const small = fitMapFrame(1280, 750, 640, 360);
    expect(small.cssWidth).toBe(640);
    expect(small.pixelRatio).toBe(1);
    expect(small.zoomOut).toBeCloseTo(1, 6);
  });
});

describe('file names', () => {
  it('names the chapter, the local date and the size', () => {
    const t = Date.parse('2023-09-20T09:00:00Z'); // 13:00 in UTC+4
    expect(exportFileName('talks', t, 640, 360, 'webm')).toBe('karabakh-2023-talks-2023-09-20-640x360.webm');
    expect(exportFileName('story', TIMELINE_START, 1280, 720, 'png')).toBe(
      'karabakh-2023-story-2022-12-01-1280x720.png',
    );
  });

  it('uses the local day (UTC+4), not the UTC one', () => {
    const lateUtc = Date.parse('2023-09-19T21:30:00Z'); // 01:30 on the 20th in UTC+4
    expect(exportFileName('offensive', lateUtc, 1920, 1080, 'png')).toContain('-2023-09-20-');
  });

  it('keeps only safe characters', () => {
    expect(safeSlug('Ceasefire and talks')).toBe('ceasefire-and-talks');
    expect(safeSlug('../../etc/passwd')).toBe('etc-passwd');
    expect(safeSlug('Xankəndi / Ստեփանակերտ')).toBe('xank-ndi');
    expect(safeSlug('***')).toBe('story');
    expect(safeSlug('Erdoğan')).toBe('erdogan');
    const name = exportFileName('a b/c\\d:e*f?"g<h>|', TIMELINE_START, 1280.4, 719.6, 'webm');
    expect(name).toMatch(/^[a-z0-9.-]+$/);
    expect(name).toBe('karabakh-2023-a-b-c-d-e-f-g-h-2022-12-01-1280x720.webm');
  });
});

describe('planRecording', () => {
  it('records one chapter from its start to the minute before the next', () => {
    const talks = chapters.find((c) => c.id === 'talks');
    if (!talks) throw new Error('no talks chapter');
    const plan = planRecording(engine, 'talks', 8);
    expect(plan.scope).toBe('talks');
    expect(plan.label).toBe('Ceasefire and talks');
    expect(plan.startT).toBe(talks.start);
    expect(plan.endT).toBe(talks.end - 60_000);
    expect(chapterAt(chapters, plan.endT).id).toBe('talks');
    const segment = track.find((s) => s.chapter.id === 'talks');
    if (!segment) throw new Error('no segment');
    expect(plan.travelMs).toBeCloseTo(((segment.to - segment.from) * STORY_SECONDS * 1000) / 8, -2);
    expect(plan.totalMs).toBeCloseTo(HOLD_START_MS + plan.travelMs + HOLD_END_MS, 6);
  });

  it('records the whole story without time for the breaks between chapters', () => {
    const plan = planRecording(engine, 'story', 1);
    expect(plan.label).toBe('The whole story');
    expect(plan.startT).toBe(TIMELINE_START);
    expect(plan.endT).toBe(TIMELINE_END);
    expect(plan.travelMs).toBeCloseTo((1 - GAP * (chapters.length - 1)) * STORY_SECONDS * 1000, 0);
    expect(planRecording(engine, 'story', 4).travelMs).toBeCloseTo(plan.travelMs / 4, 6);
  });

  it('keeps the last chapter to the end of the timeline, and falls back for unknown input', () => {
    expect(planRecording(engine, 'aftermath', 1).endT).toBe(TIMELINE_END);
    expect(planRecording(engine, 'no-such-chapter', 1).scope).toBe('story');
    expect(planRecording(engine, 'story', Number.NaN).speed).toBe(1);
    expect(planRecording(engine, 'story', 100).speed).toBe(1);
    expect(planRecording(engine, 'story', -2).speed).toBe(1);
  });
});

describe('the frame plan', () => {
  it('holds the first picture 1 s and the last 1.5 s, as exact frames at 30 fps', () => {
    const plan = planRecording(engine, 'talks', 16);
    const f = planFrames(plan, track);
    expect(FPS).toBe(30);
    expect([f.holdStart, f.holdEnd]).toEqual([30, 45]);
    expect(f.holdStart * FRAME_MS).toBeCloseTo(HOLD_START_MS, 9);
    expect(f.holdEnd * FRAME_MS).toBeCloseTo(HOLD_END_MS, 9);
    expect(f.times.length).toBe(f.total);
    expect(f.total).toBe(f.holdStart + f.travel + f.holdEnd);
    expect(f.times.slice(0, 30).every((t) => t === plan.startT)).toBe(true);
    expect(f.times.slice(-45).every((t) => t === plan.endT)).toBe(true);
    // The journey moves every frame, strictly between the ends.
    const travel = f.times.slice(30, 30 + f.travel);
    expect(travel[0]).toBeGreaterThan(plan.startT);
    expect(travel[travel.length - 1]).toBeLessThan(plan.endT);
    for (let i = 1; i < travel.length; i++) expect(travel[i]).toBeGreaterThan(travel[i - 1] ?? 0);
    // The map is drawn once for each picture: the first, each journey frame, the last.
    expect(f.renders).toBe(f.travel + 2);
  });

  it('takes one frame for each 1/30 s of the chapter played at the speed, whatever the machine', () => {
    const talks = planRecording(engine, 'talks', 16);
    const f = planFrames(talks, track);
    // The journey takes travelMs: its frames start at 1/30 s, 2/30 s, … before it, then the end is reached.
    expect(f.travel).toBe(Math.ceil(talks.travelMs / FRAME_MS) - 1);
    expect(f.total).toBe(75 + Math.ceil(talks.travelMs / FRAME_MS) - 1);
    expect(f.durationMs).toBeCloseTo((f.total * 1000) / 30, 9);
    expect(f.durationMs).toBeGreaterThanOrEqual(talks.totalMs - FRAME_MS);
    expect(f.durationMs).toBeLessThanOrEqual(talks.totalMs + FRAME_MS);
    // Half the speed, twice the journey.
    const slower = planFrames(planRecording(engine, 'talks', 8), track);
    expect(Math.abs(slower.travel - 2 * (f.travel + 1) + 1)).toBeLessThanOrEqual(1);
  });

  it('moves like playback: each frame one frame of time on, breaks between chapters jumped', () => {
    const plan = planRecording(engine, 'story', 16);
    const f = planFrames(plan, track);
    const seen = new Set(f.times.map((t) => chapterAt(chapters, t).id));
    expect([...seen]).toEqual(chapters.map((c) => c.id));
    expect(f.times[f.times.length - 1]).toBe(TIMELINE_END);
    // Along the slider, a frame moves as far as playback moves in 1/30 s, or less where it jumps a break.
    const step = (FRAME_MS / 1000 / STORY_SECONDS) * 16;
    let jumps = 0;
    for (let i = f.holdStart + 1; i < f.holdStart + f.travel; i++) {
      const d = positionOf(track, f.times[i] ?? 0) - positionOf(track, f.times[i - 1] ?? 0);
      if (Math.abs(d - step) > 1e-9) jumps++;
      expect(d).toBeGreaterThan(0);
      expect(d).toBeLessThanOrEqual(step + GAP + 1e-9);
    }
    expect(jumps).toBeLessThanOrEqual(chapters.length - 1);
    // The same clock as a real-time recording at exactly 30 frames a second, within a frame or two.
    const clockFrames = run(plan, FRAME_MS).length - 1;
    expect(Math.abs(f.total - clockFrames)).toBeLessThanOrEqual(2);
  });

  it('plans every chapter and the story at every speed offered, as long as the plan says', () => {
    for (const scope of ['story', ...chapters.map((c) => c.id)])
      for (const speed of EXPORT_SPEEDS) {
        const plan = planRecording(engine, scope, speed);
        const f = planFrames(plan, track);
        // Breaks between chapters take no time but may cost a frame each where a step lands in one.
        expect(Math.abs(f.durationMs - plan.totalMs)).toBeLessThanOrEqual(FRAME_MS * chapters.length);
        expect(f.times.every((t) => t >= plan.startT && t <= plan.endT)).toBe(true);
      }
  });

  it('is still frames only when there is nowhere to go', () => {
    const plan = { ...planRecording(engine, 'talks', 1), endT: planRecording(engine, 'talks', 1).startT };
    const f = planFrames(plan, track);
    expect([f.travel, f.total, f.renders]).toEqual([0, 75, 1]);
    expect(f.durationMs).toBeCloseTo(2500, 9);
  });

  it('gives exact timestamps: frame i at i × 1e6 / 30 µs, durations that add up to the video', () => {
    expect([0, 1, 2, 3, 30, 90].map(frameTimestampUs)).toEqual([0, 33_333, 66_667, 100_000, 1_000_000, 3_000_000]);
    expect([0, 1, 2].map(frameDurationUs)).toEqual([33_333, 33_334, 33_333]);
    const f = planFrames(planRecording(engine, 'talks', 16), track);
    let sum = 0;
    for (let i = 0; i < f.total; i++) {
      expect(Math.abs(frameTimestampUs(i) - (i * 1e6) / 30)).toBeLessThanOrEqual(0.5);
      sum += frameDurationUs(i);
    }
    expect(sum).toBe(frameTimestampUs(f.total));
    expect(Math.abs(sum - f.durationMs * 1000)).toBeLessThanOrEqual(0.5);
    expect(KEY_FRAME_INTERVAL).toBe(60);
  });

  it('estimates the time left at the pace of the last map frames drawn', () => {
    expect(remainingMs(50, [])).toBeNull();
    expect(remainingMs(50, [400])).toBeNull();
    expect(remainingMs(40, [0, 200, 400])).toBe(8000);
    expect(remainingMs(0, [0, 200, 400])).toBe(0);
    expect(remainingMs(-3, [0, 200])).toBe(0);
    // The map got slower: the old pace (100 ms) is forgotten, the last PACE_WINDOW frames' (300 ms) counts.
    const doneAt = [
      ...Array.from({ length: 50 }, (_, i) => i * 100),
      ...Array.from({ length: 30 }, (_, i) => 5000 + i * 300),
    ];
    expect(remainingMs(10, doneAt)).toBe(3000);
    expect(PACE_WINDOW).toBe(20);
  });

  it('asks for a VP9 level that holds every size offered', () => {
    expect(VP9_CODEC).toMatch(/^vp09\.00\.40\.08$/);
    for (const p of SIZE_PRESETS) expect(p.width * p.height).toBeLessThanOrEqual(VP9_LEVEL4_PICTURE);
  });
});

describe('the recording clock', () => {
  it('holds the first frame, moves at the plan speed, holds the last frame, then stops', () => {
    const plan = planRecording(engine, 'talks', 8);
    const frames = run(plan, 1000 / 30);
    const phases = [...new Set(frames.map((f) => f.phase))];
    expect(phases).toEqual(['hold-start', 'travel', 'hold-end', 'done']);
    const first = frames.filter((f) => f.phase === 'hold-start');
    expect(first.every((f) => f.t === plan.startT)).toBe(true);
    expect(first.length).toBe(30);
    const last = frames.filter((f) => f.phase === 'hold-end');
    expect(last.every((f) => f.t === plan.endT)).toBe(true);
    // Time never goes back and never leaves the chapter.
    for (let i = 1; i < frames.length; i++) expect(frames[i]?.t).toBeGreaterThanOrEqual(frames[i - 1]?.t ?? 0);
    expect(Math.max(...frames.map((f) => f.t))).toBe(plan.endT);
    // The whole run takes the planned time, within a frame.
    const end = frames[frames.length - 1];
    expect(end?.elapsedMs).toBeGreaterThanOrEqual(plan.totalMs - 1000 / 30);
    expect(end?.elapsedMs).toBeLessThanOrEqual(plan.totalMs + 2000 / 30);
  });

  it('follows the wall clock whatever the frame rate: slow frames move time further', () => {
    const plan = planRecording(engine, 'talks', 4);
    const fast = run(plan, 1000 / 60);
    const slow = run(plan, 1000 / 7);
    const irregular = run(plan, (i) => (i % 3 === 0 ? 200 : 10));
    for (const frames of [fast, slow, irregular]) {
      const end = frames[frames.length - 1];
      expect(end?.elapsedMs).toBeGreaterThan(plan.totalMs - 250);
      expect(end?.elapsedMs).toBeLessThan(plan.totalMs + 450);
    }
    // Half way through the travel, the story is about half way through the chapter's stretch of slider.
    const mid = slow.find((f) => f.phase === 'travel' && f.elapsedMs >= HOLD_START_MS + plan.travelMs / 2);
    const p = (positionOf(track, mid?.t ?? 0) - plan.span.from) / (plan.span.to - plan.span.from);
    expect(p).toBeGreaterThan(0.4);
    expect(p).toBeLessThan(0.6);
  });

  it('jumps the breaks between chapters in a whole-story recording', () => {
    const plan = planRecording(engine, 'story', 16);
    const frames = run(plan, 1000 / 30);
    const seen = new Set(frames.map((f) => chapterAt(chapters, f.t).id));
    expect([...seen]).toEqual(chapters.map((c) => c.id));
    expect(frames[frames.length - 1]?.t).toBe(TIMELINE_END);
  });

  it('ignores nonsense frame times and reports progress from 0 to 1', () => {
    const plan = planRecording(engine, 'offensive', 2);
    let clock = startClock(plan);
    expect(clockProgress(plan, clock)).toBe(0);
    clock = stepClock(plan, track, clock, Number.NaN);
    clock = stepClock(plan, track, clock, -40);
    expect(clock).toEqual(startClock(plan));
    clock = stepClock(plan, track, clock, plan.totalMs / 2);
    expect(clockProgress(plan, clock)).toBeCloseTo(0.5, 6);
    clock = stepClock(plan, track, clock, plan.totalMs);
    expect(clock.phase).toBe('done');
    expect(clockProgress(plan, clock)).toBe(1);
    expect(stepClock(plan, track, clock, 100).phase).toBe('done');
  });

  it('shows dates the app would show at the ends', () => {
    const plan = planRecording(engine, 'offensive', 1);
    expect(formatReadable(plan.startT, 'minute')).toBe('19 September 2023, 13:00 (UTC+4)');
  });
});

describe('formatting for people', () => {
  it('writes durations and sizes', () => {
    expect(formatDuration(4_400)).toBe('4 s');
    expect(formatDuration(140_400)).toBe('2 min 20 s');
    expect(formatDuration(120_000)).toBe('2 min');
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(84_300)).toBe('84 KB');
    expect(formatBytes(3_240_000)).toBe('3.2 MB');
  });
});
