/** The export panel's buttons (Record video, Save PNG, Cancel while recording) and how videos are made here. */
import type { RefObject } from 'react';
import { methodNote } from './export-wording';
import type { VideoMethod } from './recorder';
import type { Busy } from './use-export';

export function ExportActions({
  busy,
  canRecord,
  canSnapshot,
  method,
  onRecord,
  onSavePng,
  onCancel,
  cancelRef,
}: {
  busy: Busy;
  /** A plan and a way to record exist; a picture needs only the story. */
  canRecord: boolean;
  canSnapshot: boolean;
  method: VideoMethod | null | undefined;
  onRecord: () => void;
  onSavePng: () => void;
  onCancel: () => void;
  /** Cancel, which takes focus when a recording starts. */
  cancelRef: RefObject<HTMLButtonElement | null>;
}) {
  return (
    <>
      <div className="export-actions">
        <button
          type="button"
          className="export-button primary"
          disabled={busy !== null || !canRecord}
          onClick={onRecord}
        >
          Record video
        </button>
        <button type="button" className="export-button" disabled={busy !== null || !canSnapshot} onClick={onSavePng}>
          Save PNG
        </button>
        {busy === 'video' && (
          <button ref={cancelRef} type="button" className="export-button export-cancel" onClick={onCancel}>
            Cancel
          </button>
        )}
      </div>
      <p className="export-note export-method" data-testid="export-method">
        {methodNote(method)}
      </p>
    </>
  );
}
