/**
 * Embed: a fixed view for an iframe. The URL sets time (or a chapter to loop), view, layers, names and
 * which controls show: none by default, a play button, or a minimal slider. The reader can always
 * open the same state in the full app.
 */
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { StaticMap } from '../embed/StaticMap';
import { loadStaticInputs, type StaticInputs } from '../embed/static-inputs';
import { useDisplayTime } from '../state/display-time';
import { loopedChapter, prefersReducedMotion } from '../state/playback-driver';
import { sceneOf } from '../state/scene-cache';
import { appStore, useApp } from '../state/store';
import { serializeUrlState } from '../state/url-state';
import { pickUrlState } from '../state/url-sync';
import { readableAt } from '../text/readable-time';
import { formatReadable } from '../time/iso';
import { Attribution } from '../ui/Attribution';
import { TimeSlider } from '../ui/TimeSlider';

/** The full app's link for the state on screen, without the embed's own parameters. */
export function fullAppHref(t: number): string {
  const state = { ...pickUrlState(appStore.getState()), mode: 'explore' as const, t };
  return `${window.location.pathname}${serializeUrlState({ ...state, controls: 'none', chapter: null, api: null })}`;
}

/**
 * An embed with a chapter plays it in a loop from the moment the data is there, unless the reader
 * prefers reduced motion (docs/reliability.md#reduced-motion): then it waits at the chapter's start for the
 * play button or the slider, which still play the loop.
 */
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
    if (!prefersReducedMotion()) s.play();
  }, [engine, chapter]);
}

/** How long the still picture takes to fade into the live map under it. */
const STILL_FADE_MS = 300;

/**
 * The still picture an embed paints before MapLibre has loaded: the same scene, projection and
 * camera as the live map, drawn as SVG without WebGL. It fades out once the map has drawn the data.
 */
function EmbedStill() {
  const engine = useApp((s) => s.engine);
  const ready = useApp((s) => s.mapReady);
  const ref = useRef<HTMLDivElement>(null);
  const [inputs, setInputs] = useState<StaticInputs | null>(null);
  const [size, setSize] = useState<{ width: number; height: number } | null>(null);
  const [gone, setGone] = useState(false);

  useEffect(() => {
    loadStaticInputs(new URL(import.meta.env.BASE_URL, document.baseURI).href).then(setInputs, () => setGone(true));
  }, []);
  useLayoutEffect(() => {
    const box = ref.current?.getBoundingClientRect();
    if (box && box.width > 0 && box.height > 0) setSize({ width: box.width, height: box.height });
  }, []);
  useEffect(() => {
    if (!ready) return;
    const timer = setTimeout(() => setGone(true), STILL_FADE_MS);
    return () => clearTimeout(timer);
  }, [ready]);

  // The state the picture shows, read once the data is there (a looped chapter starts at its start).
  const still = useMemo(() => {
    if (!engine) return null;
    const s = appStore.getState();
    const chapter = loopedChapter(s);
    const t = chapter && (s.t < chapter.start || s.t >= chapter.end) ? chapter.start : s.t;
    const scene = sceneOf({ ...s, engine, t });
    return scene ? { s, scene, engine } : null;
  }, [engine]);
  const drawn = Boolean(still && inputs && size);
  useEffect(() => {
    if (drawn && performance.getEntriesByName('embed-still').length === 0)
      requestAnimationFrame(() => performance.mark('embed-still'));
  }, [drawn]);

  if (gone) return null;
  return (
    <div ref={ref} className={ready ? 'embed-still fading' : 'embed-still'} aria-hidden={ready || undefined}>
      {still && inputs && size && (
        <StaticMap
          engine={still.engine}
          scene={still.scene}
          basemap={inputs.basemap}
          areas={inputs.areas}
          arrows={inputs.arrows}
          view={still.s.view}
          width={size.width}
          height={size.height}
          names={still.s.names}
          layers={still.s.layers}
          dotScale={still.s.dotScale}
        />
      )}
    </div>
  );
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
      <>
        <EmbedStill />
        <div className="embed-controls">
          <TimeSlider minimal />
          {link}
          <Attribution short={short} inline />
        </div>
      </>
    );
  }
  return (
    <>
      <EmbedStill />
      <div className="embed-caption">
        {controls === 'play' && <PlayButton />}
        <time data-testid="time-readout">{engine ? readableAt(engine, t).text : formatReadable(t)}</time>
        {link}
      </div>
      <Attribution short={short} />
    </>
  );
}
