/** A recording under way: its progress bar, frames done and time left, and how to stop it. */
import { progressText } from './export-wording';
import type { RecordProgress } from './recorder';

export function ExportProgress({ progress }: { progress: RecordProgress | null }) {
  return (
    <div className="export-progress">
      <progress max={100} value={Math.round((progress?.fraction ?? 0) * 100)} aria-label="Recording progress" />
      <span className="export-count" data-testid="export-count">
        {progressText(progress)}
      </span>
      <span className="export-hint">Esc cancels</span>
    </div>
  );
}
