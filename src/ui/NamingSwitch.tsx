/** The naming convention for every label and panel; the app takes no side and states the choice. */

import { useApp } from '../state/store';
import { NAMINGS, type Naming } from '../vocabulary/vocabulary';

export const NAMING_LABELS: Record<Naming, string> = {
  en: 'International (English)',
  hy: 'Armenian',
  az: 'Azerbaijani',
  ru: 'Russian',
};

const NAMING_NOTES: Record<Naming, string> = {
  en: 'Showing the names international English-language media use.',
  hy: 'Showing Armenian names, in Armenian script; English where none exists.',
  az: 'Showing Azerbaijani names; English where none exists.',
  ru: 'Showing Russian names, in Cyrillic; English where none exists.',
};

export function NamingSwitch() {
  const names = useApp((s) => s.names);
  const setNames = useApp((s) => s.setNames);
  return (
    <div className="panel naming">
      <label htmlFor="naming-select">Place names</label>
      <select id="naming-select" value={names} onChange={(e) => setNames(e.currentTarget.value as Naming)}>
        {NAMINGS.map((n) => (
          <option key={n} value={n}>
            {NAMING_LABELS[n]}
          </option>
        ))}
      </select>
      <p className="naming-note" data-testid="naming-current">
        {NAMING_NOTES[names]}
      </p>
    </div>
  );
}
