/**
 * Present: for a classroom. Large type, the map full screen, driven from the keyboard or a clicker:
 * → / PageDown next event, ← / PageUp previous event, Space plays, Home and End go to the ends,
 * F full screen, N speaker notes, Escape returns to explore. Autoplay steps through the story for a kiosk, pausing at
 * each event long enough to read it; a switch reduces motion to cuts.
 */
import { useEffect, useRef, useState } from 'react';
import { useKeyBindings } from '../keys/use-keymap';
import { ExportPanel } from '../present/ExportPanel';
import { useDisplayTime } from '../state/display-time';
import { useScene } from '../state/scene-cache';
import { animateTimeTo, stepToEvent } from '../state/step-animation';
import { appStore, useApp } from '../state/store';
import { TIMELINE_END, TIMELINE_START } from '../time/span';
import { claimWording } from '../timeline/attribution';
import { nextEventTime } from '../timeline/scene';
import { positionOf } from '../timeline/track';
import { CitationList } from '../ui/Citations';
import { Counters } from '../ui/Counters';
import { EventCard } from '../ui/EventCard';
import { Legend } from '../ui/Legend';
import { TimeSlider } from '../ui/TimeSlider';

/** How long autoplay holds an event: time to read its caption, 5 to 16 seconds. */
export function readingTimeMs(summary: string): number {
  return Math.min(16_000, Math.max(5_000, 2_500 + summary.length * 45));
}

function toggleFullScreen(): void {
  // Not every browser (or a headless one) allows it; the presentation works without.
  if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
  else void document.documentElement.requestFullscreen?.().catch(() => undefined);
}

/** Speaker notes for the event on screen: what the audience does not see, with the sources. */
function SpeakerNotes() {
  const scene = useScene();
  const claims = useApp((s) => s.engine?.data.claimants);
  const e = scene?.current;
  if (!e) return null;
  return (
    <aside className="speaker-notes" aria-label="Speaker notes" data-testid="speaker-notes">
      <h2 className="speaker-notes-title">Notes: {e.title}</h2>
      {e.note && <p>{e.note}</p>}
      {e.figures.length > 0 && (
        <ul>
          {e.figures.map((f) => (
            <li key={`${f.quantity}:${f.claimant}:${f.value ?? f.text}`}>
              {f.qualifier ? `${f.qualifier} ` : ''}
              {f.text ?? (f.value ?? 0).toLocaleString('en')} {f.unit} ({f.quantity.replaceAll('-', ' ')}) —{' '}
              {f.claimant}
            </li>
          ))}
        </ul>
      )}
      {e.claims.map((c) => (
        <p key={c.id}>
          {c.statement} <strong>({claims ? claimWording(c, claims) : c.status})</strong>
          {c.response ? ` · Answer: ${c.response.statement} — ${c.response.claimant}` : ''}
        </p>
      ))}
      <details>
        <summary>Sources ({e.citations.length})</summary>
        <CitationList citations={e.citations} />
      </details>
    </aside>
  );
}

function Progress() {
  const engine = useApp((s) => s.engine);
  const t = useDisplayTime();
  const position = engine ? positionOf(engine.track, t) : 0;
  return (
    <div
      className="present-progress"
      role="progressbar"
      aria-label="Story progress"
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={Math.round(position * 100)}
    >
      <span style={{ width: `${position * 100}%` }} />
    </div>
  );
}

/** Kiosk: from event to event, holding each long enough to read its caption. */
function useAutoplay(on: boolean): void {
  const scene = useScene();
  const summary = scene?.current?.summary ?? '';
  const t = useApp((s) => s.t);
  useEffect(() => {
    if (!on) return;
    const timer = setTimeout(() => {
      const s = appStore.getState();
      if (!s.engine) return;
      // From the event being shown: a manual step restarts the pause from the new event.
      if (nextEventTime(s.engine, t) === null) animateTimeTo(TIMELINE_START);
      else stepToEvent(1);
    }, readingTimeMs(summary));
    return () => clearTimeout(timer);
  }, [on, summary, t]);
}

export function PresentOverlay() {
  const [autoplay, setAutoplay] = useState(false);
  const [notes, setNotes] = useState(false);
  const reduceMotion = useApp((s) => s.reduceMotion);
  const bar = useRef<HTMLElement>(null);
  useAutoplay(autoplay);
  // The caption panel stops above the bar, however tall the bar wraps on a narrow screen.
  useEffect(() => {
    const footer = bar.current;
    const area = footer?.parentElement;
    if (!footer || !area) return;
    const observer = new ResizeObserver(() => area.style.setProperty('--present-bar', `${footer.offsetHeight}px`));
    observer.observe(footer);
    return () => {
      observer.disconnect();
      area.style.removeProperty('--present-bar');
    };
  }, []);
  // The presenter's keys (src/keys/keymap.ts) pause playback and stop autoplay; full screen leaves
  // autoplay on, and N only shows or hides the notes.
  const presenting =
    (action: () => void, keepAutoplay = false) =>
    () => {
      appStore.getState().pause();
      if (!keepAutoplay) setAutoplay(false);
      action();
    };
  useKeyBindings({
    'present.next-event': presenting(() => stepToEvent(1)),
    'present.previous-event': presenting(() => stepToEvent(-1)),
    'present.start': presenting(() => animateTimeTo(TIMELINE_START)),
    'present.end': presenting(() => animateTimeTo(TIMELINE_END)),
    'present.leave': presenting(() => appStore.getState().setMode('explore')),
    'present.full-screen': presenting(toggleFullScreen, true),
    'present.notes': () => setNotes((n) => !n),
  });
  return (
    <>
      <Progress />
      {notes && <SpeakerNotes />}
      <div className="present-side">
        <EventCard large />
        <Counters large />
      </div>
      <details className="present-legend">
        <summary>Legend</summary>
        <Legend compact />
      </details>
      <footer className="present-bar" ref={bar}>
        <TimeSlider large />
        <p className="present-keys">
          <span className="present-hints">
            <kbd>←</kbd> <kbd>→</kbd> event · <kbd>Space</kbd> play · <kbd>F</kbd> full screen · <kbd>N</kbd> notes ·{' '}
            <kbd>Esc</kbd> leave ·{' '}
          </span>
          <label>
            <input type="checkbox" checked={autoplay} onChange={(e) => setAutoplay(e.currentTarget.checked)} /> Autoplay
            (kiosk)
          </label>{' '}
          ·{' '}
          <label>
            <input
              type="checkbox"
              checked={reduceMotion}
              onChange={(e) => appStore.getState().setReduceMotion(e.currentTarget.checked)}
            />{' '}
            Reduce motion
          </label>
        </p>
        <ExportPanel />
      </footer>
    </>
  );
}
