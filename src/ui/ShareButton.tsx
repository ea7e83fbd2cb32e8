/** Copies a link that restores this exact state: time, range, mode, view, layers, filters, naming and selection. */
import { useState } from 'react';
import { appStore } from '../state/store';
import { serializeUrlState } from '../state/url-state';
import { pickUrlState } from '../state/url-sync';

export function ShareButton() {
  const [status, setStatus] = useState<string>('');
  const [fallback, setFallback] = useState<string | null>(null);
  const share = async () => {
    const url = `${window.location.origin}${window.location.pathname}${serializeUrlState(pickUrlState(appStore.getState()))}`;
    try {
      await navigator.clipboard.writeText(url);
      setStatus('Link copied');
      setFallback(null);
    } catch {
      // Without clipboard permission, show the link to copy by hand.
      setFallback(url);
      setStatus('Copy the link below');
    }
    window.setTimeout(() => setStatus(''), 4000);
  };
  return (
    <div className="share">
      <button type="button" onClick={share} data-testid="share">
        Share
      </button>
      <span className="share-status" role="status" aria-live="polite">
        {status}
      </span>
      {fallback && (
        <input
          className="share-url"
          readOnly
          value={fallback}
          aria-label="Link to this view"
          onFocus={(e) => e.currentTarget.select()}
        />
      )}
    </div>
  );
}
