/**
 * Export in present mode: a compact "Export…" button opening a small panel to record the story or a
 * chapter as a WebM video, or save the frame on screen as a PNG, at a chosen size, with the date,
 * caption and attribution burned in. The panel says how the video will be made: frame by frame with
 * WebCodecs (smooth, however slowly the machine draws; progress as "frame i of n" with the time left)
 * or, where the browser lacks it, in real time with MediaRecorder. While recording, the rest of the
 * app is held still (a shield over it, keys held back) so nothing fights the recording; Escape or
 * Cancel stops it between two frames.
 */
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { appStore, useApp } from '../state/store';
import { chapterAt } from '../timeline/chapters';
import {
  DEFAULT_SIZE,
  EXPORT_SPEEDS,
  formatBytes,
  formatDuration,
  planRecording,
  SIZE_PRESETS,
  sizePreset,
} from './export-plan';
import {
  chooseVideoMethod,
  downloadBlob,
  methodLabel,
  type RecordProgress,
  recordVideo,
  snapshotPng,
  type VideoMethod,
} from './recorder';

type Busy = null | 'video' | 'png';

/** Progress updates to React at most this often; the live region speaks in steps of a quarter. */
const PROGRESS_INTERVAL_MS = 200;

export function ExportPanel() {
  const engine = useApp((s) => s.engine);
  const [open, setOpen] = useState(false);
  const [scope, setScope] = useState('story');
  const [sizeId, setSizeId] = useState(DEFAULT_SIZE);
  const [speed, setSpeed] = useState(1);
  const [busy, setBusy] = useState<Busy>(null);
  const [progress, setProgress] = useState<RecordProgress | null>(null);
  /** How this browser records at the chosen size; undefined while it is being found out. */
  const [method, setMethod] = useState<VideoMethod | null | undefined>(undefined);
  const [status, setStatus] = useState('');
  const [error, setError] = useState('');
  const busyRef = useRef<Busy>(null);
  const abortRef = useRef<AbortController | null>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const firstFieldRef = useRef<HTMLSelectElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const previewRef = useRef<HTMLDivElement>(null);
  const panelId = useId();
  const titleId = useId();
  busyRef.current = busy;

  const close = useCallback(() => {
    setOpen(false);
    buttonRef.current?.focus();
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

  // Ahead of present mode's own keys (window, capture phase): Escape cancels a recording or closes
  // the panel, never leaves the mode; while busy, no key reaches the app (Tab and buttons still work).
  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') {
        e.preventDefault();
        e.stopPropagation();
        if (busyRef.current === 'video') cancel();
        else if (!busyRef.current) close();
        return;
      }
      if (busyRef.current) e.stopPropagation();
    };
    window.addEventListener('keydown', onKey, { capture: true });
    return () => window.removeEventListener('keydown', onKey, { capture: true });
  }, [open, cancel, close]);

  // Leaving present mode (Back, a link) mid-recording stops the recording and puts the app back.
  useEffect(() => () => abortRef.current?.abort(), []);

  const showPreview = (canvas: HTMLCanvasElement) => {
    canvas.className = 'export-preview-canvas';
    previewRef.current?.replaceChildren(canvas);
  };
  const clearPreview = () => previewRef.current?.replaceChildren();

  const size = sizePreset(sizeId);
  const plan = engine ? planRecording(engine, scope, speed) : null;

  // Which encoder the browser has for this size is only known asynchronously (isConfigSupported).
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

  const record = async () => {
    if (busyRef.current || !plan || !method) return;
    const controller = new AbortController();
    abortRef.current = controller;
    setBusy('video');
    setError('');
    setProgress(null);
    setStatus(`Recording ${plan.label.toLowerCase()} at ${size.width} × ${size.height}…`);
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
      const how =
        result.method === 'frames'
          ? `${result.codec}, drawn frame by frame in ${formatDuration(result.recordMs)}`
          : `${result.codec}, recorded in real time`;
      setStatus(
        `Saved ${result.fileName}: ${formatBytes(result.blob.size)}, ${formatDuration(result.durationMs)}, ` +
          `${result.framesEncoded} frames at ${Math.round(result.fps)} frames a second (${how}).`,
      );
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

  return (
    <div className="export" data-testid="export">
      {busy && <div className="export-shield" aria-hidden="true" />}
      <button
        ref={buttonRef}
        type="button"
        className="export-button export-toggle"
        aria-expanded={open}
        aria-controls={panelId}
        aria-haspopup="dialog"
        disabled={busy !== null}
        onClick={toggle}
      >
        Export…
      </button>
      {open && (
        <section id={panelId} className="export-panel" role="dialog" aria-labelledby={titleId}>
          <div className="export-head">
            <h2 id={titleId} className="export-title">
              Export
            </h2>
            <button
              type="button"
              className="export-button export-close"
              aria-label="Close export"
              disabled={busy !== null}
              onClick={close}
            >
              ×
            </button>
          </div>
          <div className="export-fields">
            <label>
              Record
              <select
                className="export-select"
                ref={firstFieldRef}
                value={scope}
                disabled={busy !== null}
                onChange={(e) => setScope(e.currentTarget.value)}
              >
                <option value="story">The whole story</option>
                {engine?.chapters.map((c, i) => (
                  <option key={c.id} value={c.id}>
                    Chapter {i + 1}: {c.title}
                  </option>
                ))}
              </select>
            </label>
            <label>
              Size
              <select
                className="export-select"
                value={sizeId}
                disabled={busy !== null}
                onChange={(e) => setSizeId(e.currentTarget.value)}
              >
                {SIZE_PRESETS.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.label}
                  </option>
                ))}
              </select>
            </label>
            <label>
              Speed
              <select
                className="export-select"
                value={speed}
                disabled={busy !== null}
                onChange={(e) => setSpeed(Number(e.currentTarget.value))}
              >
                {EXPORT_SPEEDS.map((s) => (
                  <option key={s} value={s}>
                    {s}×
                  </option>
                ))}
              </select>
            </label>
          </div>
          <p className="export-note">
            {plan ? `Video about ${formatDuration(plan.totalMs)} long. ` : ''}
            The date, caption and attribution are drawn into the picture.
          </p>
          <div className="export-actions">
            <button
              type="button"
              className="export-button primary"
              disabled={busy !== null || !plan || !method}
              onClick={record}
            >
              Record video
            </button>
            <button type="button" className="export-button" disabled={busy !== null || !engine} onClick={savePng}>
              Save PNG
            </button>
            {busy === 'video' && (
              <button ref={cancelRef} type="button" className="export-button export-cancel" onClick={cancel}>
                Cancel
              </button>
            )}
          </div>
          <p className="export-note export-method" data-testid="export-method">
            {methodNote(method)}
          </p>
          {busy === 'video' && (
            <div className="export-progress">
              <progress max={100} value={Math.round((progress?.fraction ?? 0) * 100)} aria-label="Recording progress" />
              <span className="export-count" data-testid="export-count">
                {progressText(progress)}
              </span>
              <span className="export-hint">Esc cancels</span>
            </div>
          )}
          <div ref={previewRef} className="export-preview" aria-hidden="true" />
          <p className="export-status" role="status" data-testid="export-status">
            {status}
          </p>
          {error && (
            <p className="export-error" role="alert">
              {error}
            </p>
          )}
        </section>
      )}
    </div>
  );
}

/** What the panel says of the way videos are made here. */
function methodNote(method: VideoMethod | null | undefined): string {
  if (method === undefined) return 'Checking how this browser can record…';
  if (method === null) return 'This browser cannot record video here; Save PNG still works.';
  if (method.kind === 'frames')
    return (
      `Drawn frame by frame (${methodLabel(method)}): smooth at 30 frames a second, ` +
      'however slowly this computer draws the map; recording may take longer than the video.'
    );
  return (
    `Recorded in real time (${methodLabel(method)}): this browser has no WebCodecs video encoder, ` +
    'so on a slow computer the video may be choppy.'
  );
}

/** "Frame 37 of 120 · about 20 s left" frame by frame; "42 %" in real time. */
function progressText(p: RecordProgress | null): string {
  if (!p) return 'Starting…';
  if (p.frame === null || p.frames === null) return `${Math.round(p.fraction * 100)} %`;
  const left =
    p.remainingMs === null
      ? ''
      : p.remainingMs < 1500
        ? ' · almost done'
        : ` · about ${formatDuration(p.remainingMs)} left`;
  return `Frame ${p.frame} of ${p.frames}${left}`;
}
