/**
 * The one store: mode, time, view, visible layers, naming convention and the notices shown to the
 * user. A vanilla zustand store, so the map follows it through `subscribe` outside React renders
 * and tests can drive it in Node.
 */

import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';
import type { LonLat } from '../analysis/measure';
import { TIMELINE_END, TIMELINE_START } from '../time/span';
import type { Engine } from '../timeline/scene';
import type { Mode, Naming, Range } from '../vocabulary/vocabulary';
import { LAYER_IDS } from './layers';
import { DEFAULT_STATE, type Notice, roundView, type UrlState, type View } from './url-state';

export interface AppState extends UrlState {
  notices: Notice[];
  /** The timeline engine, once the dataset has loaded. */
  engine: Engine | null;
  playing: boolean;
  speed: number;
  loop: boolean;
  /** People per exodus dot: 1 draws every person; 10 and 100 are lighter. */
  dotScale: number;
  /** The measure tool is open: map clicks measure instead of selecting. */
  measuring: boolean;
  /** The points measured, in order; the map draws them and the tool reads out the distances. */
  measurePoints: LonLat[];
  /** The reader's switch for reduced motion, on top of the system's `prefers-reduced-motion`. */
  reduceMotion: boolean;
  /** A step from one event to the next is being animated (panels update as during playback). */
  animating: boolean;
  /** A request to frame a box on the map (a presentation's event); `seq` tells repeated requests apart. */
  focus: { bbox: [number, number, number, number]; seq: number } | null;
  /** The live map has drawn the dataset once (an embed's still picture can give way to it). */
  mapReady: boolean;
}

export interface AppActions {
  setMode(mode: Mode): void;
  setTime(t: number): void;
  setView(view: View): void;
  setLayerVisible(id: string, visible: boolean): void;
  setNames(names: Naming): void;
  /** Replaces the shareable state at once, as when a link is opened or Back is pressed. */
  applyUrlState(state: UrlState, notices: Notice[]): void;
  dismissNotice(index: number): void;
  dismissAllNotices(): void;
  /** Shows a notice unless the same message is already shown. */
  addNotice(notice: Notice): void;
  setEngine(engine: Engine): void;
  play(): void;
  pause(): void;
  togglePlay(): void;
  setSpeed(speed: number): void;
  setLoop(loop: boolean): void;
  setDotScale(scale: number): void;
  /** Instant, cumulative (everything up to t) or a window from `from` to t. */
  setRange(range: Range, from?: number | null): void;
  setFilters(filters: Partial<Pick<UrlState, 'categories' | 'sides' | 'outlets'>>): void;
  select(selection: string | null): void;
  /** Opens or closes the measure tool; either way the measurement starts empty. */
  setMeasuring(measuring: boolean): void;
  /** Adds a point to the measurement (a click on the map), if its coordinates are finite. */
  addMeasurePoint(point: LonLat): void;
  /** Replaces the measurement (two places chosen from the lists, or none to clear it). */
  setMeasurePoints(points: LonLat[]): void;
  setReduceMotion(reduce: boolean): void;
  setAnimating(animating: boolean): void;
  setMapReady(): void;
  focusOn(bbox: [number, number, number, number]): void;
  /** Moves a layer one step up (towards the top of the drawing) or down. */
  moveLayer(id: string, direction: 1 | -1): void;
}

export type Store = AppState & AppActions;

export const DOT_SCALES = [1, 10, 100];

const clampTime = (t: number) => Math.min(TIMELINE_END, Math.max(TIMELINE_START, t));

export function createAppStore(initial: UrlState = DEFAULT_STATE) {
  return createStore<Store>()((set) => ({
    ...initial,
    notices: [],
    engine: null,
    playing: false,
    speed: 1,
    loop: false,
    dotScale: 1,
    measuring: false,
    measurePoints: [],
    reduceMotion: false,
    animating: false,
    focus: null,
    mapReady: false,
    setMode: (mode) => set({ mode }),
    setTime: (t) => {
      if (Number.isFinite(t)) set({ t: clampTime(t) });
    },
    setView: (view) => {
      const v = roundView(view);
      set((s) => (s.view.lon === v.lon && s.view.lat === v.lat && s.view.zoom === v.zoom ? s : { view: v }));
    },
    setLayerVisible: (id, visible) => {
      if (!LAYER_IDS.has(id)) return;
      set((s) => {
        const has = s.layers.includes(id);
        if (has === visible) return s;
        return { layers: visible ? [...s.layers, id] : s.layers.filter((l) => l !== id) };
      });
    },
    setNames: (names) => set({ names }),
    applyUrlState: (state, notices) => set({ ...state, notices }),
    dismissNotice: (index) => set((s) => ({ notices: s.notices.filter((_, i) => i !== index) })),
    dismissAllNotices: () => set({ notices: [] }),
    setEngine: (engine) => set({ engine }),
    play: () => set((s) => ({ playing: true, t: s.t >= TIMELINE_END && !s.loop ? TIMELINE_START : s.t })),
    pause: () => set({ playing: false }),
    togglePlay: () =>
      set((s) =>
        s.playing ? { playing: false } : { playing: true, t: s.t >= TIMELINE_END && !s.loop ? TIMELINE_START : s.t },
      ),
    setSpeed: (speed) => {
      if (Number.isFinite(speed) && speed > 0 && speed <= 16) set({ speed });
    },
    setLoop: (loop) => set({ loop }),
    setRange: (range, from) =>
      set((s) => {
        if (range !== 'window') return { range, from: null };
        const start = clampTime(from ?? s.from ?? TIMELINE_START);
        return start <= s.t ? { range, from: start } : { range, from: s.t, t: start };
      }),
    setFilters: (filters) => set(filters),
    select: (selection) => set({ selection }),
    setMeasuring: (measuring) => set({ measuring, measurePoints: [] }),
    addMeasurePoint: (point) => {
      if (point.every(Number.isFinite)) set((s) => ({ measurePoints: [...s.measurePoints, point] }));
    },
    setMeasurePoints: (measurePoints) => set({ measurePoints }),
    setReduceMotion: (reduceMotion) => set({ reduceMotion }),
    setAnimating: (animating) => set({ animating }),
    setMapReady: () => set((s) => (s.mapReady ? s : { mapReady: true })),
    focusOn: (bbox) => {
      if (bbox.every(Number.isFinite)) set((s) => ({ focus: { bbox, seq: (s.focus?.seq ?? 0) + 1 } }));
    },
    moveLayer: (id, direction) =>
      set((s) => {
        const i = s.layers.indexOf(id);
        const j = i - direction;
        if (i < 0 || j < 0 || j >= s.layers.length) return s;
        const layers = [...s.layers];
        [layers[i], layers[j]] = [layers[j] as string, id];
        return { layers };
      }),
    setDotScale: (dotScale) => {
      if (DOT_SCALES.includes(dotScale)) set({ dotScale });
    },
    addNotice: (notice) =>
      set((s) => (s.notices.some((n) => n.message === notice.message) ? s : { notices: [...s.notices, notice] })),
  }));
}

export type AppStore = ReturnType<typeof createAppStore>;

/** The app's store instance. */
export const appStore = createAppStore();

/** React hook: a selector over the app store. */
export function useApp<T>(selector: (s: Store) => T): T {
  return useStore(appStore, selector);
}
