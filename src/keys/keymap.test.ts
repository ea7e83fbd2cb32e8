import { describe, expect, it } from 'vitest';
import { MODES, type Mode } from '../vocabulary/vocabulary';
import {
  type BindingId,
  bindingMatches,
  createKeymap,
  type FocusPlace,
  KEY_BINDINGS,
  type KeyBinding,
  type KeyPress,
} from './keymap';

function press(
  key: string,
  more: Partial<Omit<KeyPress, 'within' | 'regions'>> = {},
  within: FocusPlace[] = [],
  regions: string[] = [],
): KeyPress {
  return {
    key,
    shiftKey: false,
    ctrlKey: false,
    metaKey: false,
    altKey: false,
    repeat: false,
    defaultPrevented: false,
    ...more,
    within: new Set(within),
    regions: new Set(regions),
  };
}

/** A keymap with the given bindings live, each answering by its id. */
function liveKeymap(...ids: BindingId[]) {
  const keymap = createKeymap();
  const ran: BindingId[] = [];
  for (const id of ids) keymap.bind(id, () => ran.push(id));
  const send = (p: KeyPress, mode: Mode) => {
    const hit = keymap.match(p, mode);
    hit?.run();
    return hit?.binding.id ?? null;
  };
  return { keymap, ran, send };
}

const PRESENT_KEYS: BindingId[] = [
  'present.next-event',
  'present.previous-event',
  'present.start',
  'present.end',
  'present.full-screen',
  'present.notes',
  'present.leave',
];

describe('the key table', () => {
  it('gives no two app bindings the same key in one mode, so the first match is the only one', () => {
    for (const mode of MODES) {
      const seen = new Map<string, BindingId>();
      for (const b of KEY_BINDINGS.filter((b) => b.layer === 'app' && b.modes.includes(mode))) {
        expect(b.keys).not.toBe('any');
        for (const key of b.keys === 'any' ? [] : b.keys) {
          expect(seen.get(key), `${key} in ${mode}`).toBeUndefined();
          seen.set(key, b.id);
        }
      }
    }
  });

  it('describes every binding once, for a list of keys', () => {
    expect(new Set(KEY_BINDINGS.map((b) => b.id)).size).toBe(KEY_BINDINGS.length);
    for (const b of KEY_BINDINGS) {
      expect(b.label).not.toBe('');
      expect(b.description).not.toBe('');
      expect(b.modes.length).toBeGreaterThan(0);
    }
  });
});

describe('Space plays and pauses', () => {
  it('in every mode, keeping the page from scrolling, but not on auto-repeat', () => {
    const { keymap, send } = liveKeymap('playback.toggle');
    for (const mode of MODES) expect(send(press(' '), mode)).toBe('playback.toggle');
    expect(keymap.match(press(' '), 'embed')?.binding.preventDefault).toBe(true);
    expect(keymap.match(press(' '), 'embed')?.binding.stopPropagation).toBe(false);
    expect(send(press(' ', { repeat: true }), 'explore')).toBeNull();
  });

  it('not in a form field, a checkbox, a button or an editable region; on the slider it does', () => {
    const { send } = liveKeymap('playback.toggle');
    for (const place of ['input', 'checkbox', 'select', 'textarea', 'button', 'editable'] as const)
      expect(send(press(' ', {}, [place]), 'explore'), place).toBeNull();
    expect(send(press(' ', {}, ['slider']), 'present')).toBe('playback.toggle');
    expect(send(press(' ', {}, ['dialog']), 'explore')).toBe('playback.toggle');
  });
});

describe("present mode's keys", () => {
  it('step, jump to the ends, go full screen, show notes and leave, in present mode only', () => {
    const { send, ran } = liveKeymap(...PRESENT_KEYS);
    const keys = ['ArrowRight', 'PageDown', 'ArrowLeft', 'PageUp', 'Home', 'End', 'f', 'F', 'n', 'N', 'Escape'];
    for (const key of keys) expect(send(press(key), 'explore'), key).toBeNull();
    expect(ran).toEqual([]);
    for (const key of keys) send(press(key), 'present');
    expect(ran).toEqual([
      'present.next-event',
      'present.next-event',
      'present.previous-event',
      'present.previous-event',
      'present.start',
      'present.end',
      'present.full-screen',
      'present.full-screen',
      'present.notes',
      'present.notes',
      'present.leave',
    ]);
    expect(send(press(' '), 'present')).toBeNull();
  });

  it('keep the browser from its own action for the key, except N', () => {
    const { keymap } = liveKeymap(...PRESENT_KEYS);
    for (const key of ['ArrowRight', 'Home', 'f', 'Escape'])
      expect(keymap.match(press(key), 'present')?.binding.preventDefault, key).toBe(true);
    expect(keymap.match(press('n'), 'present')?.binding.preventDefault).toBe(false);
  });

  it('leave the slider and form fields their keys, but work right after a checkbox or a button', () => {
    const { send } = liveKeymap(...PRESENT_KEYS);
    for (const place of ['input', 'select', 'textarea', 'slider'] as const)
      expect(send(press('ArrowRight', {}, [place]), 'present'), place).toBeNull();
    expect(send(press('n', {}, ['textarea']), 'present')).toBeNull();
    for (const place of ['checkbox', 'button', 'dialog'] as const)
      expect(send(press('ArrowRight', {}, [place]), 'present'), place).toBe('present.next-event');
  });

  it('fire whatever modifiers are held and on auto-repeat, as they always have', () => {
    const { send } = liveKeymap(...PRESENT_KEYS);
    expect(send(press('f', { ctrlKey: true }), 'present')).toBe('present.full-screen');
    expect(send(press('ArrowRight', { shiftKey: true, repeat: true }), 'present')).toBe('present.next-event');
  });
});

describe('the export panel goes first while it is open', () => {
  it('Escape closes the panel or cancels the recording instead of leaving present mode, and goes no further', () => {
    const { keymap, send } = liveKeymap(...PRESENT_KEYS, 'playback.toggle');
    const unbind = keymap.bind('export.cancel-or-close', null);
    const hit = keymap.match(press('Escape', {}, ['select', 'dialog']), 'present');
    expect(hit?.binding.id).toBe('export.cancel-or-close');
    expect(hit?.binding.preventDefault).toBe(true);
    expect(hit?.binding.stopPropagation).toBe(true);
    // Other keys still reach present mode while the panel is open and idle.
    expect(send(press('ArrowRight', {}, ['button', 'dialog']), 'present')).toBe('present.next-event');
    expect(send(press(' '), 'present')).toBe('playback.toggle');
    unbind();
    expect(send(press('Escape'), 'present')).toBe('present.leave');
  });

  it('while a video or picture is made, every key is held back from the app, without losing its own action', () => {
    const { keymap, send } = liveKeymap(...PRESENT_KEYS, 'playback.toggle');
    keymap.bind('export.cancel-or-close', null);
    keymap.bind('export.hold-keys', null);
    for (const key of ['ArrowRight', ' ', 'Tab', 'Enter', 'n']) {
      const hit = keymap.match(press(key), 'present');
      expect(hit?.binding.id, key).toBe('export.hold-keys');
      expect(hit?.binding.stopPropagation).toBe(true);
      // Tab still moves the focus and Enter still presses a button.
      expect(hit?.binding.preventDefault).toBe(false);
    }
    expect(send(press('Escape'), 'present')).toBe('export.cancel-or-close');
  });
});

describe("the measure tool's Escape", () => {
  it('clears the measure from the map, the page or the tool itself, in explore mode', () => {
    const { send } = liveKeymap('measure.clear', 'playback.toggle');
    expect(send(press('Escape'), 'explore')).toBe('measure.clear');
    expect(send(press('Escape', {}, ['button']), 'explore')).toBe('measure.clear');
    expect(send(press('Escape', {}, ['select'], ['measure-tool']), 'explore')).toBe('measure.clear');
    expect(send(press('Escape'), 'present')).toBeNull();
  });

  it('leaves Escape meant for a dialog or a form field elsewhere, or already handled', () => {
    const { send } = liveKeymap('measure.clear');
    for (const place of ['dialog', 'input', 'checkbox', 'select', 'textarea'] as const)
      expect(send(press('Escape', {}, [place]), 'explore'), place).toBeNull();
    expect(send(press('Escape', { defaultPrevented: true }), 'explore')).toBeNull();
    expect(send(press('Escape', { defaultPrevented: true }, [], ['measure-tool']), 'explore')).toBeNull();
  });

  it('is not live while the tool is off', () => {
    const { keymap, send } = liveKeymap();
    const unbind = keymap.bind('measure.clear', null);
    expect(send(press('Escape'), 'explore')).toBe('measure.clear');
    unbind();
    expect(send(press('Escape'), 'explore')).toBeNull();
  });
});

describe('a keymap', () => {
  it('answers with the latest handler bound, and the earlier one again once that is unbound', () => {
    const keymap = createKeymap();
    const ran: string[] = [];
    const first = keymap.bind('playback.toggle', () => ran.push('first'));
    const second = keymap.bind('playback.toggle', () => ran.push('second'));
    keymap.match(press(' '), 'explore')?.run();
    second();
    keymap.match(press(' '), 'explore')?.run();
    first();
    expect(keymap.match(press(' '), 'explore')).toBeNull();
    expect(ran).toEqual(['second', 'first']);
  });

  it('refuses a binding the table does not have', () => {
    expect(() => createKeymap([]).bind('playback.toggle', null)).toThrow(/no binding playback\.toggle/);
  });

  it('tries dialog bindings before app bindings, wherever they stand in the table', () => {
    const app: KeyBinding = {
      id: 'present.leave',
      keys: ['Escape'],
      label: 'Esc',
      description: 'Leave',
      modes: ['present'],
      layer: 'app',
      preventDefault: true,
      stopPropagation: false,
    };
    const dialog: KeyBinding = { ...app, id: 'export.cancel-or-close', layer: 'dialog', stopPropagation: true };
    const keymap = createKeymap([app, dialog]);
    keymap.bind('present.leave', null);
    keymap.bind('export.cancel-or-close', null);
    expect(keymap.match(press('Escape'), 'present')?.binding.id).toBe('export.cancel-or-close');
  });

  it('matches modifiers a binding asks for, and any others when it names none', () => {
    const plain: KeyBinding = {
      id: 'present.notes',
      keys: ['n'],
      label: 'N',
      description: 'Notes',
      modes: ['present'],
      layer: 'app',
      preventDefault: false,
      stopPropagation: false,
    };
    const strict: KeyBinding = { ...plain, modifiers: { shift: false, ctrl: true } };
    expect(bindingMatches(plain, press('n', { altKey: true, metaKey: true }), 'present')).toBe(true);
    expect(bindingMatches(strict, press('n', { ctrlKey: true }), 'present')).toBe(true);
    expect(bindingMatches(strict, press('n'), 'present')).toBe(false);
    expect(bindingMatches(strict, press('n', { ctrlKey: true, shiftKey: true }), 'present')).toBe(false);
  });
});
