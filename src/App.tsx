/** The app: one map shared by the three modes, with each mode's controls around it. */
import { useCallback } from 'react';
import { MapView } from './map/MapView';
import { EmbedCaption } from './modes/EmbedMode';
import { ExploreSidebar, ExploreTimeBar } from './modes/ExploreMode';
import { PresentOverlay } from './modes/PresentMode';
import { appStore, useApp } from './state/store';
import { Attribution } from './ui/Attribution';
import { ModeSwitch } from './ui/ModeSwitch';
import { Notices } from './ui/Notices';
import { ShareButton } from './ui/ShareButton';
import { usePlaybackKeys } from './ui/TimeSlider';

export function App() {
  const mode = useApp((s) => s.mode);
  usePlaybackKeys();
  const onMapError = useCallback((message: string) => {
    appStore.getState().addNotice({ code: 'map-error', param: '', message });
  }, []);
  return (
    <div className={`app mode-${mode}`} data-mode={mode}>
      {mode !== 'embed' && (
        <header className="app-header">
          <h1>
            Nagorno-Karabakh 2022–2023 <span className="subtitle">blockade, offensive, exodus</span>
          </h1>
          <div className="header-actions">
            <ShareButton />
            <ModeSwitch />
          </div>
        </header>
      )}
      <main className="map-area">
        <MapView onError={onMapError} />
        <Notices />
        {mode === 'present' && <PresentOverlay />}
        {mode === 'embed' && <EmbedCaption />}
        <Attribution />
      </main>
      {mode === 'explore' && <ExploreSidebar />}
      {mode === 'explore' && <ExploreTimeBar />}
    </div>
  );
}
