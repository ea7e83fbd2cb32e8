/**
 * The keymap in the page: the app's one keydown listener (installed by App with `useKeymap`) and the
 * way components make their bindings live (`useKeyBindings`, or `bindKey` inside an effect that owns
 * other things too). The table and the matching are in keymap.ts.
 */
import { useEffect, useLayoutEffect, useRef } from 'react';
import { appStore } from '../state/store';
import {
  BINDING_REGIONS,
  type BindingId,
  createKeymap,
  type FocusPlace,
  type KeyHandler,
  type KeyPress,
} from './keymap';

const keymap = createKeymap();

/** The selectors each focus place stands for, tried with `closest` from the key's target. */
const PLACE_SELECTORS: readonly [FocusPlace, string][] = [
  ['input', 'input:not([type="checkbox"])'],
  ['checkbox', 'input[type="checkbox"]'],
  ['select', 'select'],
  ['textarea', 'textarea'],
  ['button', 'button'],
  ['editable', '[contenteditable]'],
  ['slider', '[role="slider"]'],
  ['dialog', 'dialog, [role="dialog"]'],
];

function keyPressOf(e: KeyboardEvent): KeyPress {
  const target = e.target instanceof Element ? e.target : null;
  return {
    key: e.key,
    shiftKey: e.shiftKey,
    ctrlKey: e.ctrlKey,
    metaKey: e.metaKey,
    altKey: e.altKey,
    repeat: e.repeat,
    defaultPrevented: e.defaultPrevented,
    within: new Set(target ? PLACE_SELECTORS.filter(([, s]) => target.closest(s)).map(([place]) => place) : []),
    regions: new Set(target ? BINDING_REGIONS.filter((r) => target.closest(`.${r}`)) : []),
  };
}

/**
 * Installs the one keydown listener. It listens on the window in the capture phase, ahead of every
 * element's own handler, so that a dialog's binding can keep a key from the whole page (React's
 * handlers included). For the other bindings running first changes nothing: no element handler in
 * the app stops a key from reaching the window, and the one binding that looks at whether a key was
 * handled already (the measure tool's Escape) answers a key no element handler takes.
 */
export function useKeymap(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const hit = keymap.match(keyPressOf(e), appStore.getState().mode);
      if (!hit) return;
      if (hit.binding.preventDefault) e.preventDefault();
      if (hit.binding.stopPropagation) e.stopPropagation();
      hit.run();
    };
    window.addEventListener('keydown', onKey, { capture: true });
    return () => window.removeEventListener('keydown', onKey, { capture: true });
  }, []);
}

/** Makes a binding live until the returned function is called. */
export function bindKey(id: BindingId, handler: KeyHandler | null): () => void {
  return keymap.bind(id, handler);
}

/**
 * Makes bindings live while `active`, each answered by the latest handler given (null: preventing or
 * stopping the key is all the binding does). Bound in a layout effect, so a binding is live from the
 * same commit that shows what it drives.
 */
export function useKeyBindings(handlers: Partial<Record<BindingId, KeyHandler | null>>, active = true): void {
  const latest = useRef(handlers);
  useLayoutEffect(() => {
    latest.current = handlers;
  });
  const ids = Object.keys(handlers).join(' ');
  useLayoutEffect(() => {
    if (!active || !ids) return;
    const unbind = (ids.split(' ') as BindingId[]).map((id) =>
      keymap.bind(id, latest.current[id] === null ? null : () => latest.current[id]?.()),
    );
    return () => {
      for (const u of unbind) u();
    };
  }, [ids, active]);
}
