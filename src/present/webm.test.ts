import { describe, expect, it } from 'vitest';
import { webmInfo, withDuration } from './webm';

/** A tiny EBML writer, to build WebM files shaped like the ones MediaRecorder writes. */
const UNKNOWN = -1;

function idBytes(id: number): number[] {
  const out: number[] = [];
  for (let v = id; v > 0; v = Math.floor(v / 256)) out.unshift(v % 256);
  return out;
}

function sizeBytes(size: number, length = 8): number[] {
  if (size === UNKNOWN) return [0x01, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff].slice(8 - length);
  const out: number[] = [];
  let rest = size;
  for (let i = 0; i < length; i++) {
    out.unshift(rest % 256);
    rest = Math.floor(rest / 256);
  }
  out[0] = (out[0] as number) | (0x80 >> (length - 1));
  return out;
}

const el = (id: number, data: number[], size = data.length, sizeLength = 8) => [
  ...idBytes(id),
  ...sizeBytes(size, sizeLength),
  ...data,
];
const uint = (n: number, length: number) => {
  const out: number[] = [];
  for (let i = 0, v = n; i < length; i++, v = Math.floor(v / 256)) out.unshift(v % 256);
  return out;
};
const text = (s: string) => [...new TextEncoder().encode(s)];
const float64 = (x: number) => {
  const b = new Uint8Array(8);
  new DataView(b.buffer).setFloat64(0, x);
  return [...b];
};

/** A frame's stand-in data: its number, then filler. */
const payload = (frame: number) => [frame, 1, 2, 3, 4, 5, 6, 7];

function simpleBlock(track: number, relative: number, key: boolean, data: number[]): number[] {
  const rel = new Uint8Array(2);
  new DataView(rel.buffer).setInt16(0, relative);
  return el(0xa3, [0x80 | track, ...rel, key ? 0x80 : 0, ...data]);
}

interface Options {
  segmentSize?: 'unknown' | 'known';
  clusterSize?: 'unknown' | 'known';
  duration?: number;
  seekHead?: boolean;
}

/** Frames every 33 ms, in clusters of ten, with an audio track number 2 mixed in. */
function webm(frames: number, o: Options = {}): Uint8Array {
  const header = el(0x1a45dfa3, [...el(0x4282, text('webm')), ...el(0x4287, [4])]);
  const infoData = [
    ...el(0x2ad7b1, uint(1_000_000, 3)),
    ...el(0x4d80, text('Chrome')),
    ...el(0x5741, text('Chrome')),
    ...(o.duration !== undefined ? el(0x4489, float64(o.duration)) : []),
  ];
  const info = el(0x1549a966, infoData);
  const tracks = el(0x1654ae6b, [
    ...el(0xae, [
      ...el(0xd7, [1]),
      ...el(0x73c5, [9]),
      ...el(0x83, [1]),
      ...el(0x86, text('V_VP9')),
      ...el(0xe0, [...el(0xb0, uint(640, 2)), ...el(0xba, uint(360, 2))]),
    ]),
    ...el(0xae, [...el(0xd7, [2]), ...el(0x83, [2]), ...el(0x86, text('A_OPUS'))]),
  ]);
  const clusters: number[] = [];
  for (let c = 0; c * 10 < frames; c++) {
    const base = c * 330;
    const blocks: number[] = [...el(0xe7, uint(base, 2))];
    for (let i = c * 10; i < Math.min(frames, c * 10 + 10); i++) {
      blocks.push(...simpleBlock(1, i * 33 - base, i % 10 === 0, payload(i)));
      if (i % 5 === 0) blocks.push(...simpleBlock(2, i * 33 - base, true, [0xfc]));
    }
    clusters.push(...el(0x1f43b675, blocks, o.clusterSize === 'known' ? blocks.length : UNKNOWN));
  }
  const seek = o.seekHead
    ? el(0x114d9b74, el(0x4dbb, [...el(0x53ab, [0x15, 0x49, 0xa9, 0x66]), ...el(0x53ac, [0])]))
    : [];
  const body = [...seek, ...info, ...tracks, ...clusters];
  return new Uint8Array([...header, ...el(0x18538067, body, o.segmentSize === 'known' ? body.length : UNKNOWN)]);
}

/** A tiny EBML reader for what Mediabunny writes (every size declared): the Segment's parts, and the video frames. */
function vint(b: Uint8Array, at: number, marker: boolean): { value: number; length: number } {
  const first = b[at] as number;
  let length = 1;
  while (length < 8 && !(first & (0x80 >> (length - 1)))) length++;
  let value = marker ? first : first & (0xff >> length);
  for (let i = 1; i < length; i++) value = value * 256 + (b[at + i] as number);
  return { value, length };
}

function elements(b: Uint8Array, from: number, to: number): { id: number; start: number; end: number }[] {
  const out: { id: number; start: number; end: number }[] = [];
  for (let at = from; at < to; ) {
    const id = vint(b, at, true);
    const size = vint(b, at + id.length, false);
    const start = at + id.length + size.length;
    out.push({ id: id.value, start, end: start + size.value });
    at = start + size.value;
  }
  return out;
}

const NAMES = new Map([
  [0x114d9b74, 'SeekHead'],
  [0x1549a966, 'Info'],
  [0x1654ae6b, 'Tracks'],
  [0x1f43b675, 'Cluster'],
  [0x1c53bb6b, 'Cues'],
  [0xec, 'Void'],
]);

function layout(b: Uint8Array): { parts: string[]; frames: number[][] } {
  const segment = elements(b, 0, b.length).find((e) => e.id === 0x18538067);
  if (!segment) throw new Error('no Segment');
  const parts = elements(b, segment.start, segment.end);
  const frames: number[][] = [];
  for (const cluster of parts.filter((p) => p.id === 0x1f43b675))
    for (const block of elements(b, cluster.start, cluster.end).filter((e) => e.id === 0xa3))
      frames.push([...b.subarray(block.start + 4, block.end)]);
  return { parts: parts.map((p) => NAMES.get(p.id) ?? p.id.toString(16)), frames };
}

describe('webmInfo', () => {
  it('reads codec, size and the video frames of a live recording', async () => {
    const info = await webmInfo(webm(25));
    expect(info).toEqual({
      codec: 'V_VP9',
      width: 640,
      height: 360,
      frames: 25,
      firstMs: 0,
      lastMs: 24 * 33,
      timesMs: Array.from({ length: 25 }, (_, i) => i * 33),
      durationMs: null,
    });
  });

  it('reads files whose clusters and segment declare their sizes', async () => {
    const info = await webmInfo(webm(12, { segmentSize: 'known', clusterSize: 'known', duration: 400 }));
    expect(info?.frames).toBe(12);
    expect(info?.timesMs).toEqual(Array.from({ length: 12 }, (_, i) => i * 33));
    expect(info?.durationMs).toBe(400);
  });

  it('says null for anything else', async () => {
    expect(await webmInfo(new Uint8Array([0x89, 0x50, 0x4e, 0x47]))).toBeNull();
    expect(await webmInfo(new Uint8Array())).toBeNull();
    expect(await webmInfo(webm(3).subarray(0, 30))).toBeNull();
  });
});

describe('withDuration', () => {
  it('declares the duration of a live recording and indexes it, every video frame as it was', async () => {
    const bytes = webm(40);
    const fixed = await withDuration(bytes, 1320);
    const info = await webmInfo(fixed);
    expect(info?.durationMs).toBe(1320);
    expect(info?.frames).toBe(40);
    expect(info?.timesMs).toEqual(Array.from({ length: 40 }, (_, i) => i * 33));
    // Seekable: a SeekHead up front, Cues after the clusters; the audio track's blocks are gone.
    const { parts, frames } = layout(fixed);
    expect(parts[0]).toBe('SeekHead');
    expect(parts).toContain('Info');
    expect(parts.at(-1)).toBe('Cues');
    expect(frames).toEqual(Array.from({ length: 40 }, (_, i) => payload(i)));
  });

  it('overwrites a declared duration', async () => {
    const bytes = webm(5, { duration: 10 });
    const fixed = await withDuration(bytes, 165);
    expect((await webmInfo(fixed))?.durationMs).toBe(165);
    expect((await webmInfo(bytes))?.durationMs).toBe(10);
  });

  it('rebuilds files with declared sizes and an index of their own', async () => {
    for (const bytes of [webm(12, { segmentSize: 'known', clusterSize: 'known' }), webm(12, { seekHead: true })]) {
      const info = await webmInfo(await withDuration(bytes, 400));
      expect(info?.durationMs).toBe(400);
      expect(info?.frames).toBe(12);
    }
  });

  it('leaves alone what it cannot rebuild', async () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47]);
    expect(await withDuration(png, 100)).toBe(png);
    const cut = webm(5).subarray(0, 30);
    expect(await withDuration(cut, 100)).toBe(cut);
    const bytes = webm(5);
    expect(await withDuration(bytes, Number.NaN)).toBe(bytes);
    expect(await withDuration(bytes, 0)).toBe(bytes);
  });
});
