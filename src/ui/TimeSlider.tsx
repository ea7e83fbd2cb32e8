/**
 * The time slider: chapters on a non-linear track with breaks between them, events as ticks,
 * playback controls, and the exact date and time at the precision the data has. An ARIA slider:
 * ←/→ step, Shift+←/→ jump to the previous or next event, PageUp/PageDown change chapter,
 * Home/End go to the ends; Space plays and pauses anywhere outside a form field.
 */
import { type KeyboardEvent, type PointerEvent, useCallback, useRef } from 'react';
import { useKeyBindings } from '../keys/use-keymap';
import { useDisplayTime } from '../state/display-time';
import { appStore, useApp } from '../state/store';
import { readableAt } from '../text/readable-time';
import { formatIsoLocal } from '../time/iso';
import { chapterAt } from '../timeline/chapters';
import { SPEEDS } from '../timeline/playback';
import { nextEventTime, previousEventTime } from '../timeline/scene';
import { positionOf, timeAt } from '../timeline/track';

/** One keyboard step: a three-hundredth of the track. */
const KEY_STEP = 1 / 300;

function setPosition(position: number): void {
  const { engine, setTime } = appStore.getState();
  if (engine) setTime(timeAt(engine.track, position));
}

export function stepEvent(direction: 1 | -1): void {
  const { engine, t, setTime } = appStore.getState();
  if (!engine) return;
  const next = direction > 0 ? nextEventTime(engine, t) : previousEventTime(engine, t);
  if (next !== null) setTime(next);
}

export function stepChapter(direction: 1 | -1): void {
  const { engine, t, setTime } = appStore.getState();
  if (!engine) return;
  const i = engine.chapters.indexOf(chapterAt(engine.chapters, t));
  const target = engine.chapters[Math.min(engine.chapters.length - 1, Math.max(0, i + direction))];
  if (target) setTime(target.start);
}

function keyAction(key: string, shift: boolean, here: number): (() => void) | null {
  switch (key) {
    case 'ArrowRight':
      return () => (shift ? stepEvent(1) : setPosition(here + KEY_STEP));
    case 'ArrowLeft':
      return () => (shift ? stepEvent(-1) : setPosition(here - KEY_STEP));
    case 'ArrowUp':
      return () => setPosition(here + KEY_STEP);
    case 'ArrowDown':
      return () => setPosition(here - KEY_STEP);
    case 'PageUp':
      return () => stepChapter(1);
    case 'PageDown':
      return () => stepChapter(-1);
    case 'Home':
      return () => setPosition(0);
    case 'End':
      return () => setPosition(1);
    default:
      return null;
  }
}

/**
 * `large` for a presentation; `minimal` for an embed: the date, play and the track, without the
 * analyst's speed, loop, stepping and chapter buttons.
 */
export function TimeSlider({ large = false, minimal = false }: { large?: boolean; minimal?: boolean }) {
  const engine = useApp((s) => s.engine);
  const t = useDisplayTime();
  const playing = useApp((s) => s.playing);
  const speed = useApp((s) => s.speed);
  const loop = useApp((s) => s.loop);
  const trackRef = useRef<HTMLDivElement>(null);

  const positionFromPointer = useCallback((clientX: number) => {
    const box = trackRef.current?.getBoundingClientRect();
    if (!box || box.width === 0) return null;
    return (clientX - box.left) / box.width;
  }, []);

  const onPointerDown = (e: PointerEvent<HTMLDivElement>) => {
    const p = positionFromPointer(e.clientX);
    if (p === null) return;
    e.currentTarget.setPointerCapture(e.pointerId);
    appStore.getState().pause();
    setPosition(p);
  };
  const onPointerMove = (e: PointerEvent<HTMLDivElement>) => {
    if (!e.currentTarget.hasPointerCapture(e.pointerId)) return;
    const p = positionFromPointer(e.clientX);
    if (p !== null) setPosition(p);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (!engine) return;
    const here = positionOf(engine.track, appStore.getState().t);
    const action = keyAction(e.key, e.shiftKey, here);
    if (action) {
      e.preventDefault();
      appStore.getState().pause();
      action();
    }
  };

  const readable = engine ? readableAt(engine, t) : { text: 'Loading…', iso: formatIsoLocal(t) };
  const position = engine ? positionOf(engine.track, t) : 0;
  const chapter = engine ? chapterAt(engine.chapters, t) : null;

  return (
    <div className={`time-slider${large ? ' large' : ''}${minimal ? ' minimal' : ''}`}>
      <div className="time-head">
        <time className="time-readout" dateTime={readable.iso} data-testid="time-readout">
          {readable.text}
        </time>
        {chapter && <span className="time-chapter">{chapter.title}</span>}
        <div className="playback">
          {!minimal && (
            <button
              type="button"
              onClick={() => stepEvent(-1)}
              aria-label="Previous event"
              title="Previous event (Shift+←)"
            >
              ⏮
            </button>
          )}
          <button
            type="button"
            className="play"
            onClick={() => appStore.getState().togglePlay()}
            aria-label={playing ? 'Pause' : 'Play'}
            title="Play or pause (Space)"
            disabled={!engine}
          >
            {playing ? '❚❚' : '▶'}
          </button>
          {!minimal && (
            <>
              <button type="button" onClick={() => stepEvent(1)} aria-label="Next event" title="Next event (Shift+→)">
                ⏭
              </button>
              <label className="speed">
                <span className="visually-hidden">Speed</span>
                <select value={speed} onChange={(e) => appStore.getState().setSpeed(Number(e.currentTarget.value))}>
                  {SPEEDS.map((s) => (
                    <option key={s} value={s}>
                      {s}×
                    </option>
                  ))}
                </select>
              </label>
              <label className="loop">
                <input
                  type="checkbox"
                  checked={loop}
                  onChange={(e) => appStore.getState().setLoop(e.currentTarget.checked)}
                />{' '}
                Loop
              </label>
            </>
          )}
        </div>
      </div>
      <div
        className="track"
        ref={trackRef}
        role="slider"
        tabIndex={0}
        aria-label="Time"
        aria-valuemin={0}
        aria-valuemax={1000}
        aria-valuenow={Math.round(position * 1000)}
        aria-valuetext={readable.text}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onKeyDown={onKeyDown}
        data-testid="time-track"
      >
        {engine?.track.map((s) => (
          <div
            key={s.chapter.id}
            className={`segment${s.chapter.id === chapter?.id ? ' current' : ''}`}
            style={{ left: `${s.from * 100}%`, width: `${(s.to - s.from) * 100}%` }}
          >
            <span className="segment-label">{s.chapter.title}</span>
          </div>
        ))}
        {engine?.data.events
          .filter((e) => e.end !== undefined && e.precision !== 'window' && e.end - e.start > 36 * 3_600_000)
          .map((e) => {
            const from = positionOf(engine.track, e.start);
            const to = positionOf(engine.track, e.end ?? e.start);
            return (
              <span
                key={`${e.id}-span`}
                className={`interval cat-${e.category}`}
                style={{ left: `${from * 100}%`, width: `${Math.max(0.2, (to - from) * 100)}%` }}
                title={e.title}
                aria-hidden="true"
              />
            );
          })}
        {engine?.data.events.map((e) => (
          <span
            key={e.id}
            className={`tick cat-${e.category}`}
            style={{ left: `${positionOf(engine.track, e.start) * 100}%` }}
            title={`${e.title}`}
            aria-hidden="true"
          />
        ))}
        <span className="thumb" style={{ left: `${position * 100}%` }} aria-hidden="true" />
      </div>
      {!minimal && (
        <nav className="chapters" aria-label="Chapters">
          {engine?.chapters.map((c) => (
            <button
              key={c.id}
              type="button"
              aria-current={c.id === chapter?.id ? 'step' : undefined}
              onClick={() => appStore.getState().setTime(c.start)}
            >
              {c.title}
            </button>
          ))}
        </nav>
      )}
    </div>
  );
}

/** Space plays and pauses from anywhere but a form field or a button (src/keys/keymap.ts). */
export function usePlaybackKeys(): void {
  useKeyBindings({ 'playback.toggle': () => appStore.getState().togglePlay() });
}
