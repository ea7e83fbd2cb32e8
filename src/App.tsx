/**
 * The app: one map shared by the three modes, with each mode's controls around it. Each mode's code
 * is its own chunk, loaded when the mode is first shown: an embed downloads neither the analyst's
 * panels nor the presentation, and its still picture is on screen before MapLibre has arrived.
 */
import { lazy, Suspense, useCallback } from 'react';
import { useKeymap } from './keys/use-keymap';
import { appStore, useApp } from './state/store';
import { Attribution } from './ui/Attribution';
import { Notices } from './ui/Notices';
import { usePlaybackKeys } from './ui/TimeSlider';

const MapView = lazy(() => import('./map/MapView').then((m) => ({ default: m.MapView })));
const AppHeader = lazy(() => import('./modes/AppHeader').then((m) => ({ default: m.AppHeader })));
const ExploreSidebar = lazy(() => import('./modes/ExploreMode').then((m) => ({ default: m.ExploreSidebar })));
const ExploreTimeBar = lazy(() => import('./modes/ExploreMode').then((m) => ({ default: m.ExploreTimeBar })));
const PresentOverlay = lazy(() => import('./modes/PresentMode').then((m) => ({ default: m.PresentOverlay })));
const EmbedOverlay = lazy(() => import('./modes/EmbedMode').then((m) => ({ default: m.EmbedOverlay })));

export function App() {
  const mode = useApp((s) => s.mode);
  const controls = useApp((s) => s.controls);
  useKeymap();
  usePlaybackKeys();
  const onMapError = useCallback((message: string) => {
    appStore.getState().addNotice({ code: 'map-error', param: '', message });
  }, []);
  return (
    <div className={`app mode-${mode}${mode === 'embed' ? ` controls-${controls}` : ''}`} data-mode={mode}>
      {mode !== 'embed' && (
        <Suspense fallback={<div className="app-header" />}>
          <AppHeader />
        </Suspense>
      )}
      <main className="map-area">
        <Suspense fallback={<div className="map" />}>
          <MapView onError={onMapError} />
        </Suspense>
        <Notices />
        <Suspense fallback={null}>
          {mode === 'present' && <PresentOverlay />}
          {mode === 'embed' && <EmbedOverlay />}
        </Suspense>
        {mode !== 'embed' && <Attribution />}
      </main>
      <Suspense fallback={null}>
        {mode === 'explore' && <ExploreSidebar />}
        {mode === 'explore' && <ExploreTimeBar />}
      </Suspense>
    </div>
  );
}
