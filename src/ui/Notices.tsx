/** Notices about the link or the map: what was wrong and what is shown instead. Text only. */
import { useApp } from '../state/store';

export function Notices() {
  const notices = useApp((s) => s.notices);
  const dismiss = useApp((s) => s.dismissNotice);
  return (
    <div className="notices" role="status" aria-live="polite" data-testid="notices">
      {notices.map((n, i) => (
        <div className="notice" key={`${n.code}:${n.param}:${n.message}`} data-code={n.code}>
          <span>{n.message}</span>
          <button type="button" className="notice-close" onClick={() => dismiss(i)} aria-label="Dismiss notice">
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
