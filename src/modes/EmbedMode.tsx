/** Embed: a fixed view for an iframe. The URL sets time, view, layers and names; the reader can open the full map. */
import { useApp } from '../state/store';
import { serializeUrlState } from '../state/url-state';
import { formatReadable } from '../time/iso';
import { readableAt } from '../ui/readable-time';

export function EmbedCaption() {
  const state = useApp((s) => s);
  const full = `${window.location.pathname}${serializeUrlState({ ...state, mode: 'explore' })}`;
  return (
    <div className="embed-caption">
      <time data-testid="time-readout">
        {state.engine ? readableAt(state.engine, state.t).text : formatReadable(state.t)}
      </time>
      <a href={full} target="_blank" rel="noopener noreferrer">
        Open the full map
      </a>
    </div>
  );
}
