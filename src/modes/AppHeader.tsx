/** The title bar of explore and present: the title, Share, Embed (in explore) and the mode switch. Embeds have none. */
import { useState } from 'react';
import { appStore, useApp } from '../state/store';
import { EmbedDialog } from '../ui/EmbedDialog';
import { ModeSwitch } from '../ui/ModeSwitch';
import { ShareButton } from '../ui/ShareButton';

export function AppHeader() {
  const mode = useApp((s) => s.mode);
  const [embedding, setEmbedding] = useState(false);
  return (
    <header className="app-header">
      <h1>
        Nagorno-Karabakh 2022–2023 <span className="subtitle">blockade, offensive, exodus</span>
      </h1>
      <div className="header-actions">
        <ShareButton />
        {mode === 'explore' && (
          <button
            type="button"
            className="embed-button"
            onClick={() => {
              // The snippet fixes the time on screen: playback would change it under the reader.
              appStore.getState().pause();
              setEmbedding(true);
            }}
          >
            Embed…
          </button>
        )}
        <ModeSwitch />
      </div>
      {embedding && <EmbedDialog onClose={() => setEmbedding(false)} />}
    </header>
  );
}
