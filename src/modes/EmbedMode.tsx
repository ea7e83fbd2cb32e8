/** Embed: a fixed view for an iframe. The URL sets time, view, layers and names; the reader can open the full map. */
import { useDisplayTime } from '../state/display-time';
import { appStore, useApp } from '../state/store';
import { serializeUrlState } from '../state/url-state';
import { pickUrlState } from '../state/url-sync';
import { formatReadable } from '../time/iso';
import { readableAt } from '../ui/readable-time';

export function EmbedCaption() {
  const t = useDisplayTime();
  const engine = useApp((s) => s.engine);
  // Re-rendered with the time and names; the rest of the link is read from the store as it is now.
  useApp((s) => s.names);
  const full = `${window.location.pathname}${serializeUrlState({ ...pickUrlState(appStore.getState()), mode: 'explore', t })}`;
  return (
    <div className="embed-caption">
      <time data-testid="time-readout">{engine ? readableAt(engine, t).text : formatReadable(t)}</time>
      <a href={full} target="_blank" rel="noopener noreferrer">
        Open the full map
      </a>
    </div>
  );
}
