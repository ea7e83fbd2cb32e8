/**
 * Which WebCodecs encoder a frame-by-frame recording uses: VP9 where the browser can encode it at the
 * frame's size, else VP8, as `VideoEncoder.isConfigSupported` says. Kept apart from the encoder itself,
 * so the panel can ask without loading the muxer.
 */
import { bitRate, FPS, VP8_CODEC, VP9_CODEC } from './export-plan';

export interface EncoderChoice {
  /** Mediabunny's name of the codec, and the one people read. */
  codec: 'vp9' | 'vp8';
  label: 'VP9' | 'VP8';
  config: VideoEncoderConfig;
}

/** Whether this browser has WebCodecs' video encoder at all (older Firefox and Safari do not). */
export function hasVideoEncoder(): boolean {
  return typeof VideoEncoder !== 'undefined' && typeof VideoFrame !== 'undefined';
}

/** The encoder settings for a frame size: VP9 where the browser can encode it, else VP8, else null. */
export async function chooseEncoder(width: number, height: number): Promise<EncoderChoice | null> {
  if (!hasVideoEncoder()) return null;
  const candidates = [
    { codec: 'vp9', label: 'VP9', string: VP9_CODEC },
    { codec: 'vp8', label: 'VP8', string: VP8_CODEC },
  ] as const;
  for (const c of candidates) {
    const config: VideoEncoderConfig = {
      codec: c.string,
      width,
      height,
      bitrate: bitRate(width, height),
      bitrateMode: 'variable',
      framerate: FPS,
      latencyMode: 'quality',
      alpha: 'discard',
    };
    try {
      const support = await VideoEncoder.isConfigSupported(config);
      if (support.supported) return { codec: c.codec, label: c.label, config };
    } catch {
      // A config the browser cannot even parse is as unsupported as one it declines.
    }
  }
  return null;
}
