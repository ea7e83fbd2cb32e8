/**
 * Just enough of WebM (Matroska's EBML) to check and finish what MediaRecorder writes, for the
 * real-time fallback of a recording. A browser records a live stream: the file says neither how long
 * it is nor where it ends, so players show no duration and a scrubber that cannot seek.
 * `withDuration` writes the duration into the segment's Info; `webmInfo` reads a file's codec, frame
 * size, frames and their timestamps, for the report and the tests (of both ways of recording).
 */

const ID = {
  EBML: 0x1a45dfa3,
  Segment: 0x18538067,
  SeekHead: 0x114d9b74,
  Info: 0x1549a966,
  TimecodeScale: 0x2ad7b1,
  Duration: 0x4489,
  Tracks: 0x1654ae6b,
  TrackEntry: 0xae,
  TrackNumber: 0xd7,
  TrackType: 0x83,
  CodecID: 0x86,
  Video: 0xe0,
  PixelWidth: 0xb0,
  PixelHeight: 0xba,
  Cluster: 0x1f43b675,
  Timecode: 0xe7,
  SimpleBlock: 0xa3,
  BlockGroup: 0xa0,
  Block: 0xa1,
  Cues: 0x1c53bb6b,
} as const;

/** Elements that sit directly in the Segment: an unknown-size Cluster ends where one of them starts. */
const TOP_LEVEL = new Set<number>([
  ID.SeekHead,
  ID.Info,
  ID.Tracks,
  ID.Cluster,
  ID.Cues,
  0x1043a770, // Chapters
  0x1254c367, // Tags
  0x1941a469, // Attachments
  ID.EBML,
  ID.Segment,
]);

/** The bytes every WebM (every EBML document) starts with. */
export const EBML_MAGIC = [0x1a, 0x45, 0xdf, 0xa3] as const;

interface Element {
  id: number;
  /** Where the element, its size field and its data start; `end` is where its data ends. */
  start: number;
  sizeStart: number;
  sizeLength: number;
  dataStart: number;
  end: number;
  unknownSize: boolean;
}

/** The length in bytes of a variable-length integer, from its first byte (0 when invalid). */
function vintLength(first: number): number {
  for (let i = 0; i < 8; i++) if (first & (0x80 >> i)) return i + 1;
  return 0;
}

function readId(b: Uint8Array, at: number): { id: number; length: number } | null {
  const first = b[at];
  if (first === undefined) return null;
  const length = vintLength(first);
  if (length === 0 || length > 4 || at + length > b.length) return null;
  let id = 0;
  for (let i = 0; i < length; i++) id = id * 256 + (b[at + i] as number);
  return { id, length };
}

function readSize(b: Uint8Array, at: number): { size: number; length: number; unknown: boolean } | null {
  const first = b[at];
  if (first === undefined) return null;
  const length = vintLength(first);
  if (length === 0 || at + length > b.length) return null;
  let size = first & (0xff >> length);
  let allOnes = size === 0xff >> length;
  for (let i = 1; i < length; i++) {
    const byte = b[at + i] as number;
    size = size * 256 + byte;
    if (byte !== 0xff) allOnes = false;
  }
  return { size, length, unknown: allOnes };
}

function readElement(b: Uint8Array, at: number, limit: number): Element | null {
  const id = readId(b, at);
  if (!id) return null;
  const size = readSize(b, at + id.length);
  if (!size) return null;
  const dataStart = at + id.length + size.length;
  return {
    id: id.id,
    start: at,
    sizeStart: at + id.length,
    sizeLength: size.length,
    dataStart,
    end: size.unknown ? limit : Math.min(limit, dataStart + size.size),
    unknownSize: size.unknown,
  };
}

/** The children of the data from `from` to `to`; an unknown-size Cluster stops at the next top-level element. */
function children(b: Uint8Array, from: number, to: number): Element[] {
  const out: Element[] = [];
  let at = from;
  while (at < to) {
    const e = readElement(b, at, to);
    if (!e) break;
    if (e.unknownSize && e.id === ID.Cluster) {
      let end = e.dataStart;
      while (end < to) {
        const child = readElement(b, end, to);
        if (!child || TOP_LEVEL.has(child.id)) break;
        end = child.end;
      }
      e.end = end;
    }
    out.push(e);
    if (e.end <= at) break;
    at = e.end;
  }
  return out;
}

function readUint(b: Uint8Array, e: Element): number {
  let n = 0;
  for (let i = e.dataStart; i < e.end; i++) n = n * 256 + (b[i] as number);
  return n;
}

function readFloat(b: Uint8Array, e: Element): number {
  const view = new DataView(b.buffer, b.byteOffset + e.dataStart, e.end - e.dataStart);
  if (e.end - e.dataStart === 4) return view.getFloat32(0);
  if (e.end - e.dataStart === 8) return view.getFloat64(0);
  return Number.NaN;
}

const find = (list: Element[], id: number) => list.find((e) => e.id === id);

export interface WebmInfo {
  codec: string;
  width: number;
  height: number;
  /** Frames of the video track. */
  frames: number;
  /** Timestamps of the first and last video frames, in milliseconds. */
  firstMs: number;
  lastMs: number;
  /** Every video frame's timestamp in milliseconds, in the order stored. */
  timesMs: number[];
  /** The duration the file declares, in milliseconds, or null when it declares none. */
  durationMs: number | null;
}

/** Reads what a WebM holds; null when the bytes are not a WebM with a video track. */
export function webmInfo(bytes: Uint8Array): WebmInfo | null {
  if (!EBML_MAGIC.every((m, i) => bytes[i] === m)) return null;
  const top = children(bytes, 0, bytes.length);
  const segment = find(top, ID.Segment);
  if (!segment) return null;
  const parts = children(bytes, segment.dataStart, segment.end);
  const info = find(parts, ID.Info);
  const infoChildren = info ? children(bytes, info.dataStart, info.end) : [];
  const scaleElement = find(infoChildren, ID.TimecodeScale);
  const scale = scaleElement ? readUint(bytes, scaleElement) : 1_000_000;
  const durationElement = find(infoChildren, ID.Duration);
  const durationMs = durationElement ? (readFloat(bytes, durationElement) * scale) / 1e6 : null;

  const tracks = find(parts, ID.Tracks);
  let video: { number: number; codec: string; width: number; height: number } | null = null;
  for (const entry of tracks ? children(bytes, tracks.dataStart, tracks.end) : []) {
    if (entry.id !== ID.TrackEntry) continue;
    const fields = children(bytes, entry.dataStart, entry.end);
    const type = find(fields, ID.TrackType);
    if (!type || readUint(bytes, type) !== 1) continue;
    const number = find(fields, ID.TrackNumber);
    const codec = find(fields, ID.CodecID);
    const v = find(fields, ID.Video);
    const dims = v ? children(bytes, v.dataStart, v.end) : [];
    const w = find(dims, ID.PixelWidth);
    const h = find(dims, ID.PixelHeight);
    video = {
      number: number ? readUint(bytes, number) : 1,
      codec: codec ? new TextDecoder().decode(bytes.subarray(codec.dataStart, codec.end)) : '',
      width: w ? readUint(bytes, w) : 0,
      height: h ? readUint(bytes, h) : 0,
    };
    break;
  }
  if (!video) return null;

  let frames = 0;
  const timesMs: number[] = [];
  let firstMs = Number.POSITIVE_INFINITY;
  let lastMs = Number.NEGATIVE_INFINITY;
  for (const cluster of parts) {
    if (cluster.id !== ID.Cluster) continue;
    const items = children(bytes, cluster.dataStart, cluster.end);
    const timecode = find(items, ID.Timecode);
    const base = timecode ? readUint(bytes, timecode) : 0;
    for (const item of items) {
      let block: Element | undefined = item;
      if (item.id === ID.BlockGroup) block = find(children(bytes, item.dataStart, item.end), ID.Block);
      else if (item.id !== ID.SimpleBlock) continue;
      if (!block) continue;
      const track = readSize(bytes, block.dataStart);
      if (!track || track.size !== video.number) continue;
      const at = block.dataStart + track.length;
      if (at + 2 > block.end) continue;
      const relative = new DataView(bytes.buffer, bytes.byteOffset + at, 2).getInt16(0);
      const ms = ((base + relative) * scale) / 1e6;
      frames++;
      timesMs.push(ms);
      firstMs = Math.min(firstMs, ms);
      lastMs = Math.max(lastMs, ms);
    }
  }
  return {
    codec: video.codec,
    width: video.width,
    height: video.height,
    frames,
    firstMs: frames ? firstMs : 0,
    lastMs: frames ? lastMs : 0,
    timesMs,
    durationMs,
  };
}

/** A size field of `length` bytes holding `size`, or null when it does not fit. */
function encodeSize(size: number, length: number): Uint8Array | null {
  // All ones means "unknown": the largest value a length can hold is one less.
  if (length < 1 || length > 8 || size >= 2 ** (7 * length) - 1) return null;
  const out = new Uint8Array(length);
  let rest = size;
  for (let i = length - 1; i >= 0; i--) {
    out[i] = rest % 256;
    rest = Math.floor(rest / 256);
  }
  out[0] = (out[0] as number) | (0x80 >> (length - 1));
  return out;
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/**
 * The file with its duration declared in the segment's Info, so players show its length and can
 * seek. A duration already declared is overwritten. Files this cannot safely change (not a WebM, no
 * Info, or an index of byte positions that inserting would break) come back unchanged.
 */
export function withDuration(bytes: Uint8Array, durationMs: number): Uint8Array {
  if (!Number.isFinite(durationMs) || durationMs <= 0 || !EBML_MAGIC.every((m, i) => bytes[i] === m)) return bytes;
  const segment = find(children(bytes, 0, bytes.length), ID.Segment);
  if (!segment) return bytes;
  const parts = children(bytes, segment.dataStart, segment.end);
  const info = find(parts, ID.Info);
  // Byte positions in a SeekHead or Cues would point past the inserted bytes.
  if (!info || find(parts, ID.SeekHead) || find(parts, ID.Cues)) return bytes;
  const infoChildren = children(bytes, info.dataStart, info.end);
  const scaleElement = find(infoChildren, ID.TimecodeScale);
  const scale = scaleElement ? readUint(bytes, scaleElement) : 1_000_000;
  const value = (durationMs * 1e6) / scale;

  const existing = find(infoChildren, ID.Duration);
  if (existing && (existing.end - existing.dataStart === 8 || existing.end - existing.dataStart === 4)) {
    const out = bytes.slice();
    const view = new DataView(out.buffer, existing.dataStart, existing.end - existing.dataStart);
    if (existing.end - existing.dataStart === 8) view.setFloat64(0, value);
    else view.setFloat32(0, value);
    return out;
  }
  if (existing) return bytes;

  const duration = new Uint8Array(11);
  duration.set([0x44, 0x89, 0x88]);
  new DataView(duration.buffer).setFloat64(3, value);
  const newInfoSize = info.end - info.dataStart + duration.length;
  const infoSize = encodeSize(newInfoSize, info.sizeLength) ?? encodeSize(newInfoSize, 8);
  if (!infoSize) return bytes;
  const grown = duration.length + infoSize.length - info.sizeLength;

  let segmentSize: Uint8Array | null = null;
  if (!segment.unknownSize) {
    const size = segment.end - segment.dataStart + grown;
    segmentSize = encodeSize(size, segment.sizeLength);
    if (!segmentSize) return bytes;
  }
  return concat([
    bytes.subarray(0, segment.sizeStart),
    segmentSize ?? bytes.subarray(segment.sizeStart, segment.dataStart),
    bytes.subarray(segment.dataStart, info.sizeStart),
    infoSize,
    bytes.subarray(info.dataStart, info.end),
    duration,
    bytes.subarray(info.end),
  ]);
}
