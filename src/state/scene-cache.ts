/** The scene for the store's current time, computed once per (engine, t) and shared by the map and the panels. */
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

/** React: the current scene, or null while the dataset loads. */
export function useScene(): Scene | null {
  const t = useDisplayTime();
  const engine = useApp((s) => s.engine);
  const range = useApp((s) => s.range);
  const from = useApp((s) => s.from);
  const categories = useApp((s) => s.categories);
  const sides = useApp((s) => s.sides);
  const outlets = useApp((s) => s.outlets);
  return sceneOf({ engine, t, range, from, categories, sides, outlets });
}
