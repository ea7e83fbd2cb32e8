/**
 * Embed dialog: the iframe snippet for the state on screen, with size presets, the controls the
 * embed shows, a fixed time or a chapter to loop, the host origin for the postMessage API, a live
 * preview and a copy button. The snippet comes from src/embed/snippet.ts, which escapes everything.
 */
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { embedSnippet } from '../embed/snippet';
import { appStore, useApp } from '../state/store';
import { parseOrigin, serializeUrlState } from '../state/url-state';
import { pickUrlState } from '../state/url-sync';
import { formatReadable } from '../time/iso';
import { CHAPTER_IDS, type Controls } from '../vocabulary/vocabulary';

export interface SizePreset {
  id: string;
  label: string;
  width: number | '100%';
  height: number;
}

export const SIZE_PRESETS: readonly SizePreset[] = [
  { id: 'small', label: 'Small 320 × 240', width: 320, height: 240 },
  { id: 'medium', label: 'Medium 640 × 400', width: 640, height: 400 },
  { id: 'large', label: 'Large 960 × 600', width: 960, height: 600 },
  { id: 'wide', label: 'Full width × 480', width: '100%', height: 480 },
];

const CHAPTER_TITLES: Record<(typeof CHAPTER_IDS)[number], string> = {
  blockade: 'Blockade',
  offensive: 'Offensive',
  talks: 'Ceasefire and talks',
  exodus: 'Exodus',
  aftermath: 'Aftermath',
};

/** The embed's link for the state on screen: what it shows, not the analyst's selection. */
export function embedUrl(
  base: string,
  options: { controls: Controls; chapter: string | null; api: string | null },
): string {
  const state = pickUrlState(appStore.getState());
  return `${base}${serializeUrlState({ ...state, mode: 'embed', selection: null, ...options })}`;
}

export function EmbedDialog({ onClose }: { onClose: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const id = useId();
  const t = useApp((s) => s.t);
  // Re-render when what the link carries changes underneath the dialog.
  useApp((s) => s.view);
  useApp((s) => s.layers);
  useApp((s) => s.names);
  const [preset, setPreset] = useState('medium');
  const [controls, setControls] = useState<Controls>('none');
  const [chapter, setChapter] = useState<string>('');
  const [apiText, setApiText] = useState('');
  const [copied, setCopied] = useState('');
  const size = SIZE_PRESETS.find((p) => p.id === preset) ?? (SIZE_PRESETS[1] as SizePreset);
  const api = apiText.trim() === '' ? null : parseOrigin(apiText.trim());
  const apiError = apiText.trim() !== '' && api === null;

  const url = embedUrl(`${window.location.origin}${window.location.pathname}`, {
    controls,
    chapter: chapter === '' ? null : chapter,
    api,
  });
  const title = chapter
    ? `Map of the Nagorno-Karabakh crisis: ${CHAPTER_TITLES[chapter as keyof typeof CHAPTER_TITLES]}`
    : `Map of the Nagorno-Karabakh crisis on ${formatReadable(t)}`;
  const snippet = useMemo(
    () => embedSnippet({ url, width: size.width, height: size.height, title }),
    [url, size, title],
  );

  useEffect(() => {
    const d = dialog.current;
    if (d && !d.open) d.showModal();
    return () => d?.close();
  }, []);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(snippet);
      setCopied('Snippet copied');
    } catch {
      // Without clipboard permission the snippet is selected for Ctrl+C.
      const area = document.getElementById(`${id}-snippet`) as HTMLTextAreaElement | null;
      area?.focus();
      area?.select();
      setCopied('Press Ctrl+C (⌘C) to copy the selected snippet');
    }
  };

  // The preview is drawn at the embed's real size and scaled to fit the dialog.
  const previewWidth = size.width === '100%' ? 720 : size.width;
  const scale = Math.min(1, 560 / previewWidth, 360 / size.height);

  return (
    <dialog
      ref={dialog}
      className="embed-dialog"
      aria-labelledby={`${id}-title`}
      onClose={onClose}
      data-testid="embed-dialog"
    >
      <div className="embed-dialog-head">
        <h2 id={`${id}-title`} className="embed-dialog-title">
          Embed this map
        </h2>
        <button type="button" className="dialog-close" onClick={() => dialog.current?.close()} aria-label="Close">
          ×
        </button>
      </div>
      <div className="embed-dialog-body">
        <form className="embed-options" onSubmit={(e) => e.preventDefault()}>
          <fieldset>
            <legend>Size</legend>
            {SIZE_PRESETS.map((p) => (
              <label key={p.id}>
                <input
                  type="radio"
                  name={`${id}-size`}
                  value={p.id}
                  checked={preset === p.id}
                  onChange={() => setPreset(p.id)}
                />{' '}
                {p.label}
              </label>
            ))}
          </fieldset>
          <fieldset>
            <legend>Controls</legend>
            {(
              [
                ['none', 'None: a still view'],
                ['play', 'A play button'],
                ['slider', 'A minimal time slider'],
              ] as const
            ).map(([value, label]) => (
              <label key={value}>
                <input
                  type="radio"
                  name={`${id}-controls`}
                  value={value}
                  checked={controls === value}
                  onChange={() => setControls(value)}
                />{' '}
                {label}
              </label>
            ))}
          </fieldset>
          <div className="embed-field">
            <label htmlFor={`${id}-time`}>Time shown</label>
            <select id={`${id}-time`} value={chapter} onChange={(e) => setChapter(e.currentTarget.value)}>
              <option value="">Fixed: {formatReadable(t)}</option>
              {CHAPTER_IDS.map((c) => (
                <option key={c} value={c}>
                  Loop the chapter: {CHAPTER_TITLES[c]}
                </option>
              ))}
            </select>
          </div>
          <label className="embed-field">
            Host page origin for the postMessage API (optional)
            <input
              type="url"
              inputMode="url"
              placeholder="https://news.example"
              value={apiText}
              onChange={(e) => setApiText(e.currentTarget.value)}
              aria-invalid={apiError}
              aria-describedby={`${id}-api-help`}
            />
          </label>
          <p id={`${id}-api-help`} className={apiError ? 'embed-help error' : 'embed-help'}>
            {apiError
              ? 'Not an origin: give the scheme and host only, such as https://news.example (no path).'
              : 'The embed obeys messages from this origin only; leave empty to switch the API off.'}
          </p>
        </form>
        <div className="embed-preview-column">
          <p className="embed-preview-label">
            Preview ({size.width === '100%' ? 'full width, shown at 720' : size.width} × {size.height})
          </p>
          {/* Same origin as this page: a sandbox here would add nothing but Chrome's warning about it. */}
          <div
            className="embed-preview"
            style={{ width: previewWidth * scale, height: size.height * scale }}
            data-testid="embed-preview"
          >
            <iframe
              key={url}
              src={url}
              title={`Preview: ${title}`}
              width={previewWidth}
              height={size.height}
              style={{ transform: `scale(${scale})` }}
            />
          </div>
        </div>
      </div>
      <label className="embed-field" htmlFor={`${id}-snippet`}>
        HTML to paste into your page
      </label>
      <textarea
        id={`${id}-snippet`}
        className="embed-snippet"
        readOnly
        value={snippet}
        rows={4}
        data-testid="embed-snippet"
        onFocus={(e) => e.currentTarget.select()}
      />
      <div className="embed-dialog-foot">
        <button type="button" className="primary" onClick={copy}>
          Copy snippet
        </button>
        <span role="status" aria-live="polite">
          {copied}
        </span>
        <a className="embed-tab-link" href={url} target="_blank" rel="noopener noreferrer">
          Open the embed in a tab
        </a>
      </div>
    </dialog>
  );
}
