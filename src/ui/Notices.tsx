/** Notices about the link or the map: what was wrong and what is shown instead. Text only. */
import { useApp } from '../state/store';

export function Notices() {
  const notices = useApp((s) => s.notices);
  const dismiss = useApp((s) => s.dismissNotice);
  const dismissAll = useApp((s) => s.dismissAllNotices);
  return (
    <div className="notices" role="status" aria-live="polite" data-testid="notices">
      {notices.length > 0 && (
        <ul className="notice-list">
          {notices.map((n, i) => (
            <li className="notice" key={`${n.code}:${n.param}:${n.message}`} data-code={n.code}>
              <span>{n.message}</span>
              <button type="button" className="notice-close" onClick={() => dismiss(i)} aria-label="Dismiss notice">
                ×
              </button>
            </li>
          ))}
          {notices.length > 1 && (
            <li className="notice-all">
              <button type="button" onClick={dismissAll}>
                Dismiss all {notices.length}
              </button>
            </li>
          )}
        </ul>
      )}
    </div>
  );
}
