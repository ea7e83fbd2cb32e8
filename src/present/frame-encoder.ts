/**
 * A WebM written frame by frame: each frame is handed over as a canvas with its number, encoded with
 * WebCodecs' `VideoEncoder` (VP9, else VP8, as chosen by `chooseEncoder`) at the timestamp of that
 * number at 30 frames a second, and muxed into WebM by Mediabunny.
 *
 * The recorder loads this module with a dynamic import, only when a recording starts, so Mediabunny
 * is not part of the app's main bundle; the named imports let the bundler keep only the WebM writer.
 * Only Mediabunny's packet source and in-memory target are used: no worker is started (its helper
 * workers, made from blob: URLs that the app's CSP refuses, serve media streams and transparent
 * video, neither of which is used here).
 */
import { BufferTarget, EncodedPacket, EncodedVideoPacketSource, Output, WebMOutputFormat } from 'mediabunny';
import type { EncoderChoice } from './encoder-choice';
import { FPS, frameDurationUs, frameTimestampUs, KEY_FRAME_INTERVAL } from './export-plan';

/** Frames waiting in the encoder before the next one is handed over: keeps memory flat at 1080p. */
const MAX_QUEUE = 4;

export class FrameEncoder {
  private error: Error | null = null;
  /** Packets go to the muxer one after the other, in the order the encoder gives them. */
  private muxing: Promise<void> = Promise.resolve();
  private closed = false;
  framesEncoded = 0;

  private constructor(
    readonly choice: EncoderChoice,
    private readonly encoder: VideoEncoder,
    private readonly output: Output<WebMOutputFormat, BufferTarget>,
  ) {}

  /** Starts a WebM with one video track, and configures the encoder. */
  static async create(choice: EncoderChoice): Promise<FrameEncoder> {
    const output = new Output({ format: new WebMOutputFormat(), target: new BufferTarget() });
    const source = new EncodedVideoPacketSource(choice.codec);
    // Timestamps snap to 30 frames a second: frame i starts at exactly i / 30 s.
    output.addVideoTrack(source, { frameRate: FPS });
    await output.start();
    let self: FrameEncoder | null = null;
    const encoder = new VideoEncoder({
      output: (chunk, meta) => {
        if (!self) return;
        const me = self;
        const packet = EncodedPacket.fromEncodedChunk(chunk);
        me.muxing = me.muxing.then(() => (me.error ? undefined : source.add(packet, meta))).catch((e) => me.fail(e));
      },
      error: (e) => self?.fail(e),
    });
    encoder.configure(choice.config);
    self = new FrameEncoder(choice, encoder, output);
    return self;
  }

  private fail(e: unknown): void {
    this.error ??= e instanceof Error ? e : new Error(String(e));
  }

  private check(): void {
    if (this.error) throw new Error(`The video encoder failed: ${this.error.message}`);
  }

  /**
   * Encodes the canvas as frame `index` (timestamp index / 30 s, lasting one frame), waiting first
   * when the encoder is behind.
   */
  async add(canvas: HTMLCanvasElement, index: number): Promise<void> {
    this.check();
    while (this.encoder.encodeQueueSize >= MAX_QUEUE) {
      await new Promise<void>((resolve) => this.encoder.addEventListener('dequeue', () => resolve(), { once: true }));
      this.check();
    }
    const frame = new VideoFrame(canvas, { timestamp: frameTimestampUs(index), duration: frameDurationUs(index) });
    try {
      this.encoder.encode(frame, { keyFrame: index % KEY_FRAME_INTERVAL === 0 });
    } finally {
      frame.close();
    }
    this.framesEncoded++;
  }

  /** Encodes what is left, closes the file, and returns its bytes. */
  async finish(): Promise<Uint8Array> {
    this.check();
    await this.encoder.flush();
    await this.muxing;
    this.check();
    this.encoder.close();
    this.closed = true;
    await this.output.finalize();
    const { buffer } = this.output.target;
    if (!buffer) throw new Error('The video file was not written.');
    return new Uint8Array(buffer);
  }

  /** Drops everything: nothing is written. Safe to call after `finish` or twice. */
  async cancel(): Promise<void> {
    if (!this.closed) {
      this.closed = true;
      if (this.encoder.state !== 'closed') this.encoder.close();
    }
    if (this.output.state !== 'finalized' && this.output.state !== 'canceled') await this.output.cancel();
  }
}
