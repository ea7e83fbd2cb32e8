/**
 * Embed: a fixed view for an iframe. The URL sets time (or a chapter to loop), view, layers, names and
 * which controls show: none by default, a play button, or a minimal slider. The reader can always
 * open the same state in the full app.
 */
import { useEffect } from 'react';
import { useDisplayTime } from '../state/display-time';
import { loopedChapter } from '../state/playback-driver';
import { appStore, useApp } from '../state/store';
import { serializeUrlState } from '../state/url-state';
import { pickUrlState } from '../state/url-sync';
import { formatReadable } from '../time/iso';
import { Attribution } from '../ui/Attribution';
import { readableAt } from '../ui/readable-time';
import { TimeSlider } from '../ui/TimeSlider';

/** The full app's link for the state on screen, without the embed's own parameters. */
export function fullAppHref(t: number): string {
  const state = { ...pickUrlState(appStore.getState()), mode: 'explore' as const, t };
  return `${window.location.pathname}${serializeUrlState({ ...state, controls: 'none', chapter: null, api: null })}`;
}

/** An embed with a chapter plays it in a loop from the moment the data is there. */
function useChapterLoop(): void {
  const engine = useApp((s) => s.engine);
  const chapter = useApp((s) => s.chapter);
  useEffect(() => {
    if (!engine || !chapter) return;
    const s = appStore.getState();
    const span = loopedChapter(s);
    if (!span) return;
    if (s.t < span.start || s.t >= span.end) s.setTime(span.start);
    s.setLoop(true);
    s.play();
  }, [engine, chapter]);
}

function PlayButton() {
  const playing = useApp((s) => s.playing);
  const engine = useApp((s) => s.engine);
  return (
    <button
      type="button"
      className="embed-play"
      onClick={() => appStore.getState().togglePlay()}
      aria-label={playing ? 'Pause' : 'Play'}
      disabled={!engine}
    >
      {playing ? '❚❚' : '▶'}
    </button>
  );
}

export function EmbedOverlay() {
  const t = useDisplayTime();
  const engine = useApp((s) => s.engine);
  const controls = useApp((s) => s.controls);
  // Re-rendered with the names so the link carries them; the rest is read from the store as it is now.
  useApp((s) => s.names);
  useChapterLoop();
  // Frames narrower than a phone in landscape get short texts (the full attribution is its title).
  const short = window.innerWidth < 560;
  const link = (
    <a className="embed-open" href={fullAppHref(t)} target="_blank" rel="noopener noreferrer">
      {short ? 'Full map' : 'Open the full map'}
    </a>
  );
  if (controls === 'slider') {
    return (
      <div className="embed-controls">
        <TimeSlider minimal />
        {link}
        <Attribution short={short} inline />
      </div>
    );
  }
  return (
    <>
      <div className="embed-caption">
        {controls === 'play' && <PlayButton />}
        <time data-testid="time-readout">{engine ? readableAt(engine, t).text : formatReadable(t)}</time>
        {link}
      </div>
      <Attribution short={short} />
    </>
  );
}
