/** The scene for the store's current time, computed once per (engine, t) and shared by the map and the panels. */
import { type Scene, sceneAt } from '../timeline/scene';
import { useDisplayTime } from './display-time';
import { type Store, useApp } from './store';

let last: { engine: Store['engine']; t: number; scene: Scene } | null = null;

export function sceneOf(s: Pick<Store, 'engine' | 't'>): Scene | null {
  if (!s.engine) return null;
  if (last && last.engine === s.engine && last.t === s.t) return last.scene;
  const scene = sceneAt(s.engine, s.t);
  last = { engine: s.engine, t: s.t, scene };
  return scene;
}

/** React: the current scene, or null while the dataset loads. */
export function useScene(): Scene | null {
  const engine = useApp((s) => s.engine);
  const t = useDisplayTime();
  return sceneOf({ engine, t });
}
