/**
 * Present: for a classroom. Large type, the map full screen, driven from the keyboard or a clicker:
 * → / PageDown next event, ← / PageUp previous event, Space plays, Home and End go to the ends,
 * Escape returns to explore.
 */
import { useEffect } from 'react';
import { appStore } from '../state/store';
import { TIMELINE_END, TIMELINE_START } from '../time/span';
import { Counters } from '../ui/Counters';
import { EventCard } from '../ui/EventCard';
import { Legend } from '../ui/Legend';
import { stepEvent, TimeSlider } from '../ui/TimeSlider';

const KEYS: Record<string, () => void> = {
  ArrowRight: () => stepEvent(1),
  PageDown: () => stepEvent(1),
  ArrowLeft: () => stepEvent(-1),
  PageUp: () => stepEvent(-1),
  Home: () => appStore.getState().setTime(TIMELINE_START),
  End: () => appStore.getState().setTime(TIMELINE_END),
  Escape: () => appStore.getState().setMode('explore'),
};

export function PresentOverlay() {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      // The slider and form fields handle their own keys when they have focus.
      const target = e.target as HTMLElement | null;
      if (target?.closest('input, select, textarea, [role="slider"]')) return;
      const action = KEYS[e.key];
      if (action) {
        e.preventDefault();
        appStore.getState().pause();
        action();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  return (
    <>
      <div className="present-side">
        <EventCard large />
        <Counters large />
      </div>
      <details className="present-legend">
        <summary>Legend</summary>
        <Legend compact />
      </details>
      <footer className="present-bar">
        <TimeSlider large />
        <p className="present-keys">
          <kbd>←</kbd> <kbd>→</kbd> event · <kbd>Space</kbd> play · <kbd>Esc</kbd> leave presentation
        </p>
      </footer>
    </>
  );
}
