/**
 * Switches between explore and present, keeping time, view, layers and names. Embed is reached by
 * its URL (`mode=embed`): it has no chrome to switch back from.
 */

import { useApp } from '../state/store';
import type { Mode } from '../vocabulary/vocabulary';

const LABELS: Partial<Record<Mode, string>> = { explore: 'Explore', present: 'Present' };
const SWITCHABLE: Mode[] = ['explore', 'present'];

export function ModeSwitch() {
  const mode = useApp((s) => s.mode);
  const setMode = useApp((s) => s.setMode);
  return (
    <nav className="mode-switch" aria-label="Mode">
      {SWITCHABLE.map((m) => (
        <button key={m} type="button" aria-pressed={m === mode} data-mode={m} onClick={() => setMode(m)}>
          {LABELS[m]}
        </button>
      ))}
    </nav>
  );
}
