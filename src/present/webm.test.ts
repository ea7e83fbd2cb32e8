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

function simpleBlock(track: number, relative: number, key: boolean): number[] {
  const rel = new Uint8Array(2);
  new DataView(rel.buffer).setInt16(0, relative);
  return el(0xa3, [0x80 | track, ...rel, key ? 0x80 : 0, 1, 2, 3, 4, 5, 6, 7, 8]);
}

interface Options {
  segmentSize?: 'unknown' | 'known';
  clusterSize?: 'unknown' | 'known';
  duration?: number;
  seekHead?: boolean;
  infoSizeLength?: number;
  /** Bytes of a Void element inside Info. */
  infoPadding?: number;
}

/** Frames every 33 ms, in clusters of ten, with an audio track number 2 mixed in. */
function webm(frames: number, o: Options = {}): Uint8Array {
  const header = el(0x1a45dfa3, [...el(0x4282, text('webm')), ...el(0x4287, [4])]);
  const infoData = [
    ...el(0x2ad7b1, uint(1_000_000, 3)),
    ...el(0x4d80, text('Chrome')),
    ...el(0x5741, text('Chrome')),
    ...(o.duration !== undefined ? el(0x4489, float64(o.duration)) : []),
    ...(o.infoPadding ? el(0xec, new Array<number>(o.infoPadding).fill(0)) : []),
  ];
  const info = el(0x1549a966, infoData, infoData.length, o.infoSizeLength ?? 8);
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
      blocks.push(...simpleBlock(1, i * 33 - base, i % 10 === 0));
      if (i % 5 === 0) blocks.push(...simpleBlock(2, i * 33 - base, true));
    }
    clusters.push(...el(0x1f43b675, blocks, o.clusterSize === 'known' ? blocks.length : UNKNOWN));
  }
  const seek = o.seekHead
    ? el(0x114d9b74, el(0x4dbb, [...el(0x53ab, [0x15, 0x49, 0xa9, 0x66]), ...el(0x53ac, [0])]))
    : [];
  const body = [...seek, ...info, ...tracks, ...clusters];
  return new Uint8Array([...header, ...el(0x18538067, body, o.segmentSize === 'known' ? body.length : UNKNOWN)]);
}

describe('webmInfo', () => {
  it('reads codec, size and the video frames of a live recording', () => {
    const info = webmInfo(webm(25));
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

  it('reads files whose clusters and segment declare their sizes', () => {
    const info = webmInfo(webm(12, { segmentSize: 'known', clusterSize: 'known', duration: 400 }));
    expect(info?.frames).toBe(12);
    expect(info?.timesMs).toEqual(Array.from({ length: 12 }, (_, i) => i * 33));
    expect(info?.durationMs).toBe(400);
  });

  it('says null for anything else', () => {
    expect(webmInfo(new Uint8Array([0x89, 0x50, 0x4e, 0x47]))).toBeNull();
    expect(webmInfo(new Uint8Array())).toBeNull();
    expect(webmInfo(webm(3).subarray(0, 30))).toBeNull();
  });
});

describe('withDuration', () => {
  it('declares the duration of a live recording, leaving every frame in place', () => {
    const bytes = webm(40);
    const fixed = withDuration(bytes, 1333.5);
    expect(fixed.length).toBe(bytes.length + 11);
    const info = webmInfo(fixed);
    expect(info?.durationMs).toBe(1333.5);
    expect(info?.frames).toBe(40);
    expect(info?.lastMs).toBe(39 * 33);
    // The frames are the same bytes, shifted.
    expect(fixed.subarray(fixed.length - 200)).toEqual(bytes.subarray(bytes.length - 200));
  });

  it('overwrites a declared duration in place', () => {
    const bytes = webm(5, { duration: 10 });
    const fixed = withDuration(bytes, 165);
    expect(fixed.length).toBe(bytes.length);
    expect(webmInfo(fixed)?.durationMs).toBe(165);
    expect(webmInfo(bytes)?.durationMs).toBe(10);
  });

  it('grows a known segment size, and an Info size field too short for the new size', () => {
    for (const infoPadding of [0, 65]) {
      const bytes = webm(12, { segmentSize: 'known', clusterSize: 'known', infoSizeLength: 1, infoPadding });
      const fixed = withDuration(bytes, 400);
      // 11 bytes of Duration, and 7 more when the one-byte size (at most 126) had to become eight bytes.
      expect(fixed.length - bytes.length).toBe(infoPadding ? 18 : 11);
      const info = webmInfo(fixed);
      expect(info?.durationMs).toBe(400);
      expect(info?.frames).toBe(12);
    }
  });

  it('leaves alone what it cannot change safely', () => {
    const indexed = webm(5, { seekHead: true });
    expect(withDuration(indexed, 100)).toBe(indexed);
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47]);
    expect(withDuration(png, 100)).toBe(png);
    const bytes = webm(5);
    expect(withDuration(bytes, Number.NaN)).toBe(bytes);
    expect(withDuration(bytes, 0)).toBe(bytes);
  });
});
