/**
 * "Your data": the analyst's own GeoJSON and CSV files, imported in a worker, kept in the browser
 * and drawn on the map on the same time slider. Everything from a file is rendered as text.
 */
import { type DragEvent, useEffect, useState } from 'react';
import { importsStore, type TimeMode, useImports } from '../import/imports-store';
import { visible } from '../import/sanitize';
import type { ListedLayer } from '../import/types';
import { PALETTE } from '../look/palette';
import './ImportPanel.css';

/** Messages shown at once; the rest are counted. */
const SHOWN_ERRORS = 20;

const count = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

/** Offers text as a file download through a blob: URL (a navigation, which the CSP allows). */
function download(text: string, name: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  // The download has started by the next task; the URL is not needed after that.
  window.setTimeout(() => URL.revokeObjectURL(url), 1000);
}

async function exportLayer(layer: ListedLayer, format: 'geojson' | 'csv'): Promise<void> {
  const file = await importsStore.getState().exportLayer(layer.id, format);
  if (file) download(file.text, file.name, format === 'csv' ? 'text/csv;charset=utf-8' : 'application/geo+json');
}

function LayerItem({ layer }: { layer: ListedLayer }) {
  const { featureCount, stats } = layer;
  const remove = useImports((s) => s.remove);
  // A name from a file, with bidi overrides and other invisible characters spelt out.
  const name = visible(layer.name, 200);
  const swapped = stats.swapped ?? 0;
  return (
    <li className="import-layer" data-layer-id={layer.id}>
      <span className="import-swatch" style={{ background: PALETTE.imported }} aria-hidden="true" />
      <div className="import-layer-body">
        <bdi className="import-layer-name">{name}</bdi>
        <small className="import-layer-stats" data-testid="import-stats">
          {count(featureCount, 'feature')}
          {' · '}
          {layer.dateField === null ? 'no dates, always shown' : `${count(stats.dated, 'dated', 'dated')}`}
          {stats.outsideRegion > 0 && ` · ${count(stats.outsideRegion, 'outside', 'outside')} the map's region`}
          {swapped > 0 && ` (${swapped.toLocaleString('en-US')} perhaps written latitude first)`}
          {stats.rewoundRings > 0 && ` · ${count(stats.rewoundRings, 'ring')} rewound`}
        </small>
        <div className="import-actions">
          <button
            type="button"
            onClick={() => void exportLayer(layer, 'geojson')}
            aria-label={`Export ${name} as GeoJSON`}
          >
            GeoJSON
          </button>
          <button type="button" onClick={() => void exportLayer(layer, 'csv')} aria-label={`Export ${name} as CSV`}>
            CSV
          </button>
          <button type="button" onClick={() => void remove(layer.id)} aria-label={`Remove ${name}`}>
            Remove
          </button>
        </div>
      </div>
    </li>
  );
}

function ImportErrors() {
  const errors = useImports((s) => s.errors);
  const total = useImports((s) => s.errorCount);
  const dismiss = useImports((s) => s.dismissErrors);
  if (total === 0) return null;
  const shown = errors.slice(0, SHOWN_ERRORS);
  return (
    <div className="import-errors" role="alert" data-testid="import-errors">
      <p>Not imported, and nothing already loaded was changed:</p>
      <ul>
        {shown.map((e, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: the list is replaced whole, never reordered
          <li key={i} data-code={e.code}>
            {e.message}
          </li>
        ))}
      </ul>
      {total > shown.length && <p>…and {count(total - shown.length, 'more problem')}.</p>}
      <button type="button" onClick={dismiss}>
        Dismiss
      </button>
    </div>
  );
}

export function ImportPanel() {
  const layers = useImports((s) => s.layers);
  const status = useImports((s) => s.status);
  const current = useImports((s) => s.current);
  const progress = useImports((s) => s.progress);
  const message = useImports((s) => s.message);
  const timeMode = useImports((s) => s.timeMode);
  const [over, setOver] = useState(false);
  useEffect(() => {
    void importsStore.getState().load();
  }, []);

  const importFiles = (files: FileList | null) => {
    if (files?.length) void importsStore.getState().importFiles([...files]);
  };
  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    importFiles(e.dataTransfer.files);
  };

  return (
    <section className="panel import-panel" aria-label="Your data">
      <h2>Your data</h2>
      {/* biome-ignore lint/a11y/noStaticElementInteractions: dropping is pointer-only; the file input inside serves the keyboard */}
      <div
        className={`import-drop${over ? ' is-over' : ''}`}
        data-testid="import-drop"
        onDragOver={(e) => {
          e.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={onDrop}
      >
        <p>Drop a GeoJSON file or a CSV with latitude, longitude and a date (ACLED exports work as they are).</p>
        <input
          type="file"
          accept=".geojson,.json,.csv"
          multiple
          aria-label="Choose files to import"
          disabled={status === 'importing'}
          onChange={(e) => {
            importFiles(e.currentTarget.files);
            e.currentTarget.value = '';
          }}
        />
      </div>
      {status === 'importing' && (
        <div className="import-progress" data-testid="import-progress">
          <progress max={1} value={progress} aria-label="Import progress" />
          <span>
            Reading <bdi>{visible(current ?? '', 120)}</bdi>… {Math.round(progress * 100)}%
          </span>
          <button type="button" onClick={() => importsStore.getState().cancel()}>
            Cancel
          </button>
        </div>
      )}
      <p className="import-status" role="status">
        {message}
      </p>
      <ImportErrors />
      {layers.length > 0 && (
        <>
          <ul className="import-layers" aria-label="Imported layers">
            {layers.map((l) => (
              <LayerItem key={l.id} layer={l} />
            ))}
          </ul>
          <label className="import-time-mode">
            Dated features show
            <select
              value={timeMode}
              onChange={(e) => importsStore.getState().setTimeMode(e.currentTarget.value as TimeMode)}
            >
              <option value="cumulative">up to the slider's date</option>
              <option value="instant">on the slider's day only</option>
            </select>
          </label>
        </>
      )}
    </section>
  );
}
