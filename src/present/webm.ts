/**
 * What MediaRecorder writes, checked and finished with Mediabunny, for the real-time fallback of a
 * recording. A browser records a live stream: the file says neither how long it is nor where its key
 * frames are, so players show no duration and a scrubber that cannot seek. `withDuration` copies the
 * encoded frames, not re-encoded, into a new WebM that declares its duration and indexes its key frames
 * (Cues); `webmInfo` reads a file's codec, frame size, frames and their timestamps, for the report and
 * the tests (of both ways of recording).
 *
 * The recorder loads this module with a dynamic import, as it does the frame encoder, so Mediabunny
 * stays out of the app's main bundle. Only its packet reader and writer are used: nothing is decoded or
 * encoded, and no worker is started.
 */
import {
  BufferSource,
  BufferTarget,
  EncodedPacketSink,
  EncodedVideoPacketSource,
  Input,
  type InputVideoTrack,
  Output,
  WEBM,
  WebMOutputFormat,
} from 'mediabunny';

/** The bytes every WebM (every EBML document) starts with. */
export const EBML_MAGIC = [0x1a, 0x45, 0xdf, 0xa3] as const;

export interface WebmInfo {
  /** Matroska's codec ID: "V_VP9", "V_VP8". */
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

/** Seconds to milliseconds, to the microsecond: Matroska's ticks are whole milliseconds or finer. */
const toMs = (seconds: number) => Math.round(seconds * 1e6) / 1e3;

/** The file's first video track, or null when the bytes are not a WebM with one. */
async function videoTrack(bytes: Uint8Array): Promise<InputVideoTrack | null> {
  if (!EBML_MAGIC.every((m, i) => bytes[i] === m)) return null;
  const input = new Input({ source: new BufferSource(bytes), formats: [WEBM] });
  try {
    return await input.getPrimaryVideoTrack();
  } catch {
    // A file cut off before its tracks are described.
    return null;
  }
}

/** Reads what a WebM holds; null when the bytes are not a WebM with a video track. */
export async function webmInfo(bytes: Uint8Array): Promise<WebmInfo | null> {
  const track = await videoTrack(bytes);
  if (!track) return null;
  const timesMs: number[] = [];
  for await (const packet of new EncodedPacketSink(track).packets(undefined, undefined, { metadataOnly: true }))
    timesMs.push(toMs(packet.timestamp));
  const declared = await track.getDurationFromMetadata();
  // Matroska's CodecID element: always text.
  const codec = await track.getInternalCodecId();
  return {
    codec: typeof codec === 'string' ? codec : '',
    width: await track.getCodedWidth(),
    height: await track.getCodedHeight(),
    frames: timesMs.length,
    firstMs: timesMs.reduce((a, b) => Math.min(a, b), timesMs[0] ?? 0),
    lastMs: timesMs.reduce((a, b) => Math.max(a, b), timesMs[0] ?? 0),
    timesMs,
    durationMs: declared === null ? null : toMs(declared),
  };
}

/**
 * The file's video frames, unchanged, in a new WebM that declares `durationMs` (the last frame lasts
 * until then) and lists its key frames in Cues, so players show its length and can seek. Files this
 * cannot rebuild (not a WebM, no video track, frames out of order) come back unchanged: a recording
 * that plays without a duration is better than none.
 */
export async function withDuration(bytes: Uint8Array, durationMs: number): Promise<Uint8Array> {
  if (!Number.isFinite(durationMs) || durationMs <= 0) return bytes;
  const track = await videoTrack(bytes);
  const codec = await track?.getCodec();
  const config = await track?.getDecoderConfig();
  if (!track || !codec || !config) return bytes;
  const output = new Output({ format: new WebMOutputFormat(), target: new BufferTarget() });
  const source = new EncodedVideoPacketSource(codec);
  output.addVideoTrack(source);
  try {
    await output.start();
    const packets = new EncodedPacketSink(track).packets();
    let held = (await packets.next()).value;
    let first = true;
    while (held) {
      const next = (await packets.next()).value;
      // A frame lasts until the next one; the last one until the end.
      const end = next ? next.timestamp : durationMs / 1000;
      const packet = held.clone({ duration: Math.max(0, end - held.timestamp) });
      await source.add(packet, first ? { decoderConfig: config } : undefined);
      first = false;
      held = next;
    }
    await output.finalize();
  } catch {
    await output.cancel();
    return bytes;
  }
  return output.target.buffer ? new Uint8Array(output.target.buffer) : bytes;
}
