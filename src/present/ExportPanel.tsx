/**
 * Export in present mode: a compact "Export…" button opening a small panel to record the story or a
 * chapter as a WebM video, or save the frame on screen as a PNG, at a chosen size, with the date,
 * caption and attribution burned in. The panel says how the video will be made: frame by frame with
 * WebCodecs (smooth, however slowly the machine draws; progress as "frame i of n" with the time left)
 * or, where the browser lacks it, in real time with MediaRecorder. While recording, the rest of the
 * app is held still (a shield over it, keys held back) so nothing fights the recording; Escape or
 * Cancel stops it between two frames. The state and the work are in use-export.ts.
 */
import { useId } from 'react';
import { ExportActions } from './ExportActions';
import { ExportOptions } from './ExportOptions';
import { ExportProgress } from './ExportProgress';
import { ExportReport } from './ExportReport';
import { useExport } from './use-export';

export function ExportPanel() {
  const x = useExport();
  const panelId = useId();
  const titleId = useId();
  const busy = x.busy !== null;

  return (
    <div className="export" data-testid="export">
      {busy && <div className="export-shield" aria-hidden="true" />}
      <button
        ref={x.toggleRef}
        type="button"
        className="export-button export-toggle"
        aria-expanded={x.open}
        aria-controls={panelId}
        aria-haspopup="dialog"
        disabled={busy}
        onClick={x.toggle}
      >
        Export…
      </button>
      {x.open && (
        <section id={panelId} className="export-panel" role="dialog" aria-labelledby={titleId}>
          <div className="export-head">
            <h2 id={titleId} className="export-title">
              Export
            </h2>
            <button
              type="button"
              className="export-button export-close"
              aria-label="Close export"
              disabled={busy}
              onClick={x.close}
            >
              ×
            </button>
          </div>
          <ExportOptions
            chapters={x.engine?.chapters}
            scope={x.scope}
            sizeId={x.sizeId}
            speed={x.speed}
            plan={x.plan}
            disabled={busy}
            onScope={x.setScope}
            onSize={x.setSizeId}
            onSpeed={x.setSpeed}
            firstFieldRef={x.firstFieldRef}
          />
          <ExportActions
            busy={x.busy}
            canRecord={x.plan !== null && Boolean(x.method)}
            canSnapshot={x.engine !== null}
            method={x.method}
            onRecord={x.record}
            onSavePng={x.savePng}
            onCancel={x.cancel}
            cancelRef={x.cancelRef}
          />
          {x.busy === 'video' && <ExportProgress progress={x.progress} />}
          <div ref={x.previewRef} className="export-preview" aria-hidden="true" />
          <ExportReport status={x.status} error={x.error} />
        </section>
      )}
    </div>
  );
}
