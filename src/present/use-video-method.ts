/** How this browser can record a video at a size: found out asynchronously, while the export panel is open. */
import { useEffect, useState } from 'react';
import type { SizePreset } from './export-plan';
import { chooseVideoMethod, type VideoMethod } from './recorder';

/**
 * The way videos are made at `size`: frame by frame, in real time, or null when the browser cannot
 * record at all; undefined while it is being found out (the encoder is only known through
 * `isConfigSupported`, a promise), and again each time the size changes or the panel reopens.
 */
export function useVideoMethod(open: boolean, size: SizePreset): VideoMethod | null | undefined {
  const [method, setMethod] = useState<VideoMethod | null | undefined>(undefined);
  useEffect(() => {
    if (!open) return;
    let current = true;
    setMethod(undefined);
    chooseVideoMethod(size)
      .then((m) => {
        if (current) setMethod(m);
      })
      .catch(() => {
        if (current) setMethod(null);
      });
    return () => {
      current = false;
    };
  }, [open, size]);
  return method;
}
