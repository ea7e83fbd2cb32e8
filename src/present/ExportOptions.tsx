/** The export panel's options: what to record, at which size and speed, and how long the video will be. */
import type { RefObject } from 'react';
import type { Chapter } from '../timeline/chapters';
import { EXPORT_SPEEDS, formatDuration, type RecordingPlan, SIZE_PRESETS } from './export-plan';

export function ExportOptions({
  chapters,
  scope,
  sizeId,
  speed,
  plan,
  disabled,
  onScope,
  onSize,
  onSpeed,
  firstFieldRef,
}: {
  chapters: readonly Chapter[] | undefined;
  scope: string;
  sizeId: string;
  speed: number;
  plan: RecordingPlan | null;
  disabled: boolean;
  onScope: (scope: string) => void;
  onSize: (id: string) => void;
  onSpeed: (speed: number) => void;
  /** The Record field, which takes focus when the panel opens. */
  firstFieldRef: RefObject<HTMLSelectElement | null>;
}) {
  return (
    <>
      <div className="export-fields">
        <label>
          Record
          <select
            className="export-select"
            ref={firstFieldRef}
            value={scope}
            disabled={disabled}
            onChange={(e) => onScope(e.currentTarget.value)}
          >
            <option value="story">The whole story</option>
            {chapters?.map((c, i) => (
              <option key={c.id} value={c.id}>
                Chapter {i + 1}: {c.title}
              </option>
            ))}
          </select>
        </label>
        <label>
          Size
          <select
            className="export-select"
            value={sizeId}
            disabled={disabled}
            onChange={(e) => onSize(e.currentTarget.value)}
          >
            {SIZE_PRESETS.map((p) => (
              <option key={p.id} value={p.id}>
                {p.label}
              </option>
            ))}
          </select>
        </label>
        <label>
          Speed
          <select
            className="export-select"
            value={speed}
            disabled={disabled}
            onChange={(e) => onSpeed(Number(e.currentTarget.value))}
          >
            {EXPORT_SPEEDS.map((s) => (
              <option key={s} value={s}>
                {s}×
              </option>
            ))}
          </select>
        </label>
      </div>
      <p className="export-note">
        {plan ? `Video about ${formatDuration(plan.totalMs)} long. ` : ''}
        The date, caption and attribution are drawn into the picture.
      </p>
    </>
  );
}
