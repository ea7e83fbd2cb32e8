/**
 * The export panel's state and what it does, apart from how it looks. The panel is closed or open;
 * while open it is idle (the options can change), recording a video (progress, Cancel, Escape
 * cancels) or drawing a PNG, then idle again with a report in the status line (saved, cancelled) or
 * an error. Only one export runs at a time. Focus follows the panel: into its first field when it
 * opens, onto Cancel when a recording starts, back to the Export… button when it closes.
 */
import { type RefObject, useCallback, useEffect, useRef, useState } from 'react';
import { useKeyBindings } from '../keys/use-keymap';
import { appStore, useApp } from '../state/store';
import { chapterAt } from '../timeline/chapters';
import type { Engine } from '../timeline/scene';
import {
  DEFAULT_SIZE,
  formatBytes,
  planRecording,
  type RecordingPlan,
  type SizePreset,
  sizePreset,
} from './export-plan';
import { recordingStarted, videoSaved } from './export-wording';
import { downloadBlob, type RecordProgress, recordVideo, snapshotPng, type VideoMethod } from './recorder';
import { useVideoMethod } from './use-video-method';

/** What is being made: nothing, a video or a picture. */
export type Busy = null | 'video' | 'png';

/** Progress updates to React at most this often; the live region speaks in steps of a quarter. */
const PROGRESS_INTERVAL_MS = 200;

export interface ExportControls {
  engine: Engine | null;
  open: boolean;
  /** The options: 'story' or a chapter id, a size preset's id, a playback speed. */
  scope: string;
  sizeId: string;
  speed: number;
  setScope(scope: string): void;
  setSizeId(id: string): void;
  setSpeed(speed: number): void;
  size: SizePreset;
  /** What the options record, or null before the story has loaded. */
  plan: RecordingPlan | null;
  /** How this browser records at the chosen size; undefined while it is being found out. */
  method: VideoMethod | null | undefined;
  busy: Busy;
  /** The recording's last progress, null before the first frame. */
  progress: RecordProgress | null;
  /** The report for the live region, and the last export's error. */
  status: string;
  error: string;
  toggle(): void;
  close(): void;
  cancel(): void;
  record(): Promise<void>;
  savePng(): Promise<void>;
  toggleRef: RefObject<HTMLButtonElement | null>;
  firstFieldRef: RefObject<HTMLSelectElement | null>;
  cancelRef: RefObject<HTMLButtonElement | null>;
  /** Where the recording's canvas is shown while it records. */
  previewRef: RefObject<HTMLDivElement | null>;
}

export function useExport(): ExportControls {
  const engine = useApp((s) => s.engine);
  const [open, setOpen] = useState(false);
  const [scope, setScope] = useState('story');
  const [sizeId, setSizeId] = useState(DEFAULT_SIZE);
  const [speed, setSpeed] = useState(1);
  const [busy, setBusy] = useState<Busy>(null);
  const [progress, setProgress] = useState<RecordProgress | null>(null);
  const [status, setStatus] = useState('');
  const [error, setError] = useState('');
  const busyRef = useRef<Busy>(null);
  const abortRef = useRef<AbortController | null>(null);
  const toggleRef = useRef<HTMLButtonElement>(null);
  const firstFieldRef = useRef<HTMLSelectElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const previewRef = useRef<HTMLDivElement>(null);
  busyRef.current = busy;

  const close = useCallback(() => {
    setOpen(false);
    toggleRef.current?.focus();
  }, []);

  const cancel = useCallback(() => abortRef.current?.abort(), []);

  const toggle = () => {
    if (open) return close();
    const s = appStore.getState();
    // Offer the chapter on screen first.
    if (s.engine) setScope(chapterAt(s.engine.chapters, s.t).id);
    setError('');
    setOpen(true);
  };

  useEffect(() => {
    if (open) firstFieldRef.current?.focus();
  }, [open]);

  useEffect(() => {
    if (busy === 'video') cancelRef.current?.focus();
  }, [busy]);

  // Ahead of present mode's own keys (src/keys/keymap.ts): Escape cancels a recording or closes the
  // panel, never leaves the mode; while busy, no key reaches the app (Tab and buttons still work).
  useKeyBindings(
    {
      'export.cancel-or-close': () => {
        if (busyRef.current === 'video') cancel();
        else if (!busyRef.current) close();
      },
    },
    open,
  );
  useKeyBindings({ 'export.hold-keys': null }, open && busy !== null);

  // Leaving present mode (Back, a link) mid-recording stops the recording and puts the app back.
  useEffect(() => () => abortRef.current?.abort(), []);

  const showPreview = (canvas: HTMLCanvasElement) => {
    canvas.className = 'export-preview-canvas';
    previewRef.current?.replaceChildren(canvas);
  };
  const clearPreview = () => previewRef.current?.replaceChildren();

  const size = sizePreset(sizeId);
  const plan = engine ? planRecording(engine, scope, speed) : null;
  const method = useVideoMethod(open, size);

  const record = async () => {
    if (busyRef.current || !plan || !method) return;
    const controller = new AbortController();
    abortRef.current = controller;
    setBusy('video');
    setError('');
    setProgress(null);
    setStatus(recordingStarted(plan.label, size));
    let lastUpdate = 0;
    let lastQuarter = 0;
    try {
      const result = await recordVideo({
        scope,
        size,
        speed,
        method,
        signal: controller.signal,
        onCanvas: showPreview,
        onProgress: (p) => {
          const now = performance.now();
          if (now - lastUpdate < PROGRESS_INTERVAL_MS && p.fraction < 1) return;
          lastUpdate = now;
          setProgress(p);
          const quarter = Math.floor(p.fraction * 4);
          if (quarter > lastQuarter && quarter < 4) {
            lastQuarter = quarter;
            setStatus(`Recording… ${quarter * 25} %`);
          }
        },
      });
      if (!result) {
        setStatus('Recording cancelled. Nothing was saved.');
        return;
      }
      downloadBlob(result.blob, result.fileName);
      setStatus(videoSaved(result));
    } catch (e) {
      setStatus('');
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      abortRef.current = null;
      clearPreview();
      setBusy(null);
      setProgress(null);
    }
  };

  const savePng = async () => {
    if (busyRef.current) return;
    setBusy('png');
    setError('');
    setStatus(`Drawing a ${size.width} × ${size.height} image…`);
    try {
      const { blob, fileName } = await snapshotPng({ size });
      downloadBlob(blob, fileName);
      setStatus(`Saved ${fileName}: ${formatBytes(blob.size)}.`);
    } catch (e) {
      setStatus('');
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(null);
    }
  };

  return {
    engine,
    open,
    scope,
    sizeId,
    speed,
    setScope,
    setSizeId,
    setSpeed,
    size,
    plan,
    method,
    busy,
    progress,
    status,
    error,
    toggle,
    close,
    cancel,
    record,
    savePng,
    toggleRef,
    firstFieldRef,
    cancelRef,
    previewRef,
  };
}
