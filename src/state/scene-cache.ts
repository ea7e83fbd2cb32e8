/** The scene for the store's current time, computed once per (engine, t) and shared by the map and the panels. */

import { useShallow } from 'zustand/react/shallow';
import { type Scene, sceneAt } from '../timeline/scene';
import { useDisplayTime } from './display-time';
import { type Store, useApp } from './store';

type SceneInputs = Pick<Store, 'engine' | 't' | 'range' | 'from' | 'categories' | 'sides' | 'outlets'>;
const KEYS = ['engine', 't', 'range', 'from', 'categories', 'sides', 'outlets'] as const;

let last: { inputs: SceneInputs; scene: Scene } | null = null;

export function sceneOf(s: SceneInputs): Scene | null {
  if (!s.engine) return null;
  const prev = last;
  if (prev && KEYS.every((k) => prev.inputs[k] === s[k])) return prev.scene;
  const filter = { categories: s.categories, sides: s.sides, outlets: s.outlets };
  const scene = sceneAt(s.engine, s.t, { filter, range: { range: s.range, from: s.from } });
  last = { inputs: { ...s }, scene };
  return scene;
}

/** React: what the scene depends on, with the panels' time. */
export function useSceneInputs(): SceneInputs {
  const t = useDisplayTime();
  const rest = useApp(
    useShallow((s) => ({
      engine: s.engine,
      range: s.range,
      from: s.from,
      categories: s.categories,
      sides: s.sides,
      outlets: s.outlets,
    })),
  );
  return { ...rest, t };
}

/** React: the current scene, or null while the dataset loads. */
export function useScene(): Scene | null {
  return sceneOf(useSceneInputs());
}
