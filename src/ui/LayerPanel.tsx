/** Switches for the dataset's layers; the choice is kept in the URL's `layers`. */
import { LAYERS } from '../state/layers';
import { useApp } from '../state/store';

export function LayerPanel() {
  const visible = useApp((s) => s.layers);
  const setVisible = useApp((s) => s.setLayerVisible);
  return (
    <fieldset className="panel layer-panel">
      <legend>Layers</legend>
      {LAYERS.map((l) => (
        <label key={l.id} className="layer-row">
          <input
            type="checkbox"
            checked={visible.includes(l.id)}
            onChange={(e) => setVisible(l.id, e.currentTarget.checked)}
            data-layer={l.id}
          />
          <span>
            {l.label}
            {l.caveat && <small className="caveat">{l.caveat}</small>}
          </span>
        </label>
      ))}
    </fieldset>
  );
}
