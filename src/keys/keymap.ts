/**
 * The app's keyboard shortcuts, all in one table: the keys, the modes they work in and when, what
 * they do (in words, for a list of keys), where the focus must not be for them to fire, and what they
 * do to the key event. Components make a binding live by giving it a handler while the thing it
 * drives is on screen (src/keys/use-keymap.ts), and one window listener sends each key press to the
 * first live binding that matches. Pure: no DOM, so the matching is unit-tested in Node.
 *
 * Precedence: 'dialog' bindings (an open export panel's) are tried before 'app' ones, so Escape
 * closes the panel rather than leaving present mode. Among 'app' bindings no two answer the same key
 * in the same mode (keymap.test.ts holds the table to it), so the first match is the only one.
 */
import type { Mode } from '../vocabulary/vocabulary';

/**
 * Where the key's target is, as far as shortcuts care: inside a form field of some kind, a button,
 * an editable region, a slider (which has its own arrow keys) or a dialog. `input` is an input that
 * is not a checkbox: a checkbox has no use for arrows, so present mode's keys work right after one is
 * ticked.
 */
export type FocusPlace = 'input' | 'checkbox' | 'select' | 'textarea' | 'button' | 'editable' | 'slider' | 'dialog';

/** A key press as the keymap sees it: the KeyboardEvent's own fields and where its target is. */
export interface KeyPress {
  key: string;
  shiftKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  /** Auto-repeat of a held key. */
  repeat: boolean;
  /** A handler ahead of the keymap already handled the key. */
  defaultPrevented: boolean;
  /** The places the target is in (itself included). */
  within: ReadonlySet<FocusPlace>;
  /** The bindings' own regions (`unlessInside` class names) the target is in. */
  regions: ReadonlySet<string>;
}

export type Modifier = 'shift' | 'ctrl' | 'meta' | 'alt';

export type BindingId =
  | 'export.cancel-or-close'
  | 'export.hold-keys'
  | 'playback.toggle'
  | 'present.next-event'
  | 'present.previous-event'
  | 'present.start'
  | 'present.end'
  | 'present.full-screen'
  | 'present.notes'
  | 'present.leave'
  | 'measure.clear';

export interface KeyBinding {
  id: BindingId;
  /** The `KeyboardEvent.key` values it answers, or any key at all. */
  keys: readonly string[] | 'any';
  /** The keys as a list of shortcuts shows them. */
  label: string;
  /** What it does, for a list of shortcuts. */
  description: string;
  modes: readonly Mode[];
  /** When, beyond the mode, it is live (the component that handles it binds it only then). */
  when?: string;
  layer: 'dialog' | 'app';
  /** Modifiers that must be held (true) or not (false); one left out may be either. */
  modifiers?: Partial<Record<Modifier, boolean>>;
  /** Where the focus leaves the key alone: typed into a field, or for the element to handle. */
  notIn?: readonly FocusPlace[];
  /** ...except inside this region (a class name): the binding's own panel. */
  unlessInside?: string;
  /** Whether a held key's auto-repeat fires it again; true when left out. */
  repeat?: boolean;
  /** Leave a key that a handler ahead of the keymap has already handled (default prevented). */
  skipHandled?: boolean;
  /** Keep the browser from its own action for the key (scrolling, a button's click...). */
  preventDefault: boolean;
  /** Keep the key from the rest of the page: every element's own handlers, React's included. */
  stopPropagation: boolean;
}

/** Form fields, where keys are typed. */
const FIELDS: readonly FocusPlace[] = ['input', 'checkbox', 'select', 'textarea'];

/** Present mode's keys, for a presenter at the keyboard or with a clicker. */
const PRESENT = {
  modes: ['present'],
  layer: 'app',
  // The slider and form fields handle their own keys when they have focus.
  notIn: ['input', 'select', 'textarea', 'slider'],
  preventDefault: true,
  stopPropagation: false,
} as const satisfies Partial<KeyBinding>;

export const KEY_BINDINGS: readonly KeyBinding[] = [
  {
    id: 'export.cancel-or-close',
    keys: ['Escape'],
    label: 'Esc',
    description: 'Cancel the recording, or close the export panel',
    modes: ['present'],
    when: 'the export panel is open',
    layer: 'dialog',
    preventDefault: true,
    stopPropagation: true,
  },
  {
    id: 'export.hold-keys',
    keys: 'any',
    label: 'Any key',
    description: 'Held back from the app while a video or picture is made (Tab and buttons still work)',
    modes: ['present'],
    when: 'a video or picture is being made',
    layer: 'dialog',
    preventDefault: false,
    stopPropagation: true,
  },
  {
    id: 'playback.toggle',
    keys: [' '],
    label: 'Space',
    description: 'Play or pause',
    modes: ['explore', 'present', 'embed'],
    layer: 'app',
    // A button has its own use for Space.
    notIn: [...FIELDS, 'button', 'editable'],
    repeat: false,
    preventDefault: true,
    stopPropagation: false,
  },
  {
    ...PRESENT,
    id: 'present.next-event',
    keys: ['ArrowRight', 'PageDown'],
    label: '→ / PageDown',
    description: 'Next event',
  },
  {
    ...PRESENT,
    id: 'present.previous-event',
    keys: ['ArrowLeft', 'PageUp'],
    label: '← / PageUp',
    description: 'Previous event',
  },
  { ...PRESENT, id: 'present.start', keys: ['Home'], label: 'Home', description: 'Go to the start of the story' },
  { ...PRESENT, id: 'present.end', keys: ['End'], label: 'End', description: 'Go to the end of the story' },
  { ...PRESENT, id: 'present.full-screen', keys: ['f', 'F'], label: 'F', description: 'Full screen on or off' },
  {
    ...PRESENT,
    id: 'present.notes',
    keys: ['n', 'N'],
    label: 'N',
    description: 'Speaker notes on or off',
    preventDefault: false,
  },
  { ...PRESENT, id: 'present.leave', keys: ['Escape'], label: 'Esc', description: 'Back to explore' },
  {
    id: 'measure.clear',
    keys: ['Escape'],
    label: 'Esc',
    description: 'Clear the measured points',
    modes: ['explore'],
    when: 'the measure tool is on',
    layer: 'app',
    // Escape meant for a dialog or a form field elsewhere (the events table, the embed dialog, a
    // date being typed) is theirs; on the map, the page or the tool itself it clears the measure.
    notIn: ['dialog', ...FIELDS],
    unlessInside: 'measure-tool',
    skipHandled: true,
    preventDefault: false,
    stopPropagation: false,
  },
];

/** The regions bindings name in `unlessInside`: whoever describes a key press says which it is in. */
export const BINDING_REGIONS: readonly string[] = [
  ...new Set(KEY_BINDINGS.flatMap((b) => (b.unlessInside ? [b.unlessInside] : []))),
];

const MODIFIER_FIELD = { shift: 'shiftKey', ctrl: 'ctrlKey', meta: 'metaKey', alt: 'altKey' } as const;

/** Whether a binding answers a key press in a mode, live or not. */
export function bindingMatches(binding: KeyBinding, press: KeyPress, mode: Mode): boolean {
  if (!binding.modes.includes(mode)) return false;
  if (binding.keys !== 'any' && !binding.keys.includes(press.key)) return false;
  for (const [modifier, held] of Object.entries(binding.modifiers ?? {}) as [Modifier, boolean][])
    if (press[MODIFIER_FIELD[modifier]] !== held) return false;
  if (press.repeat && binding.repeat === false) return false;
  if (press.defaultPrevented && binding.skipHandled) return false;
  const inField = binding.notIn?.some((place) => press.within.has(place)) ?? false;
  if (inField && !(binding.unlessInside && press.regions.has(binding.unlessInside))) return false;
  return true;
}

export type KeyHandler = () => void;

export interface KeyMatch {
  binding: KeyBinding;
  /** Runs the binding's handler (nothing for a binding whose effect on the event is all it does). */
  run: () => void;
}

export interface Keymap {
  /**
   * Makes a binding live with its handler (null: preventing or stopping the key is all it does)
   * until the returned function is called. Bound twice, the latest handler answers until unbound.
   */
  bind(id: BindingId, handler: KeyHandler | null): () => void;
  /** The live binding a key press goes to in a mode: dialog bindings first, then in table order. */
  match(press: KeyPress, mode: Mode): KeyMatch | null;
}

export function createKeymap(table: readonly KeyBinding[] = KEY_BINDINGS): Keymap {
  const ordered = [...table.filter((b) => b.layer === 'dialog'), ...table.filter((b) => b.layer === 'app')];
  const live = new Map<BindingId, { handler: KeyHandler | null }[]>();
  return {
    bind(id, handler) {
      if (!table.some((b) => b.id === id)) throw new Error(`keymap: no binding ${id}`);
      const entry = { handler };
      live.set(id, [...(live.get(id) ?? []), entry]);
      return () => {
        const rest = (live.get(id) ?? []).filter((e) => e !== entry);
        if (rest.length > 0) live.set(id, rest);
        else live.delete(id);
      };
    },
    match(press, mode) {
      for (const binding of ordered) {
        const handler = live.get(binding.id)?.at(-1)?.handler;
        if (handler === undefined || !bindingMatches(binding, press, mode)) continue;
        return { binding, run: () => handler?.() };
      }
      return null;
    },
  };
}
