/** The title bar of explore and present: the title, Share and the mode switch. Embeds have none. */
import { ModeSwitch } from '../ui/ModeSwitch';
import { ShareButton } from '../ui/ShareButton';

export function AppHeader() {
  return (
    <header className="app-header">
      <h1>
        Nagorno-Karabakh 2022–2023 <span className="subtitle">blockade, offensive, exodus</span>
      </h1>
      <div className="header-actions">
        <ShareButton />
        <ModeSwitch />
      </div>
    </header>
  );
}
