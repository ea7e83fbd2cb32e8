/**
 * Present: for a classroom. Large type, the map full screen, driven from the keyboard:
 * ← and → step a day, Shift with them a week, Home and End jump to the ends, Escape returns to
 * explore.
 */
import { useEffect } from 'react';
import { appStore } from '../state/store';
import { DAY_MS } from '../time/iso';
import { TIMELINE_END, TIMELINE_START } from '../time/span';
import { Legend } from '../ui/Legend';
import { TimeControl } from '../ui/TimeControl';

export function presentKeyStep(key: string, shift: boolean, t: number): number | null {
  const step = shift ? 7 * DAY_MS : DAY_MS;
  switch (key) {
    case 'ArrowRight':
      return t + step;
    case 'ArrowLeft':
      return t - step;
    case 'Home':
      return TIMELINE_START;
    case 'End':
      return TIMELINE_END;
    default:
      return null;
  }
}

export function PresentOverlay() {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      // The slider handles its own arrow keys when it has focus.
      if (e.target instanceof HTMLInputElement || e.target instanceof HTMLSelectElement) return;
      const s = appStore.getState();
      if (e.key === 'Escape') return s.setMode('explore');
      const next = presentKeyStep(e.key, e.shiftKey, s.t);
      if (next !== null) {
        e.preventDefault();
        s.setTime(next);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  return (
    <>
      <div className="present-legend">
        <Legend compact />
      </div>
      <footer className="present-bar">
        <TimeControl large />
        <p className="present-keys">
          <kbd>←</kbd> <kbd>→</kbd> day · <kbd>Shift</kbd> week · <kbd>Esc</kbd> leave presentation
        </p>
      </footer>
    </>
  );
}
