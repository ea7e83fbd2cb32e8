/** Switches for the dataset's layers; the choice is kept in the URL's `layers`. */
import { LAYERS } from '../state/layers';
import { DOT_SCALES, useApp } from '../state/store';

export function LayerPanel() {
  const visible = useApp((s) => s.layers);
  const setVisible = useApp((s) => s.setLayerVisible);
  const dotScale = useApp((s) => s.dotScale);
  const setDotScale = useApp((s) => s.setDotScale);
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
            {l.id === 'exodus' && (
              <select
                className="dot-scale"
                aria-label="People per dot"
                value={dotScale}
                onChange={(e) => setDotScale(Number(e.currentTarget.value))}
              >
                {DOT_SCALES.map((n) => (
                  <option key={n} value={n}>
                    {n === 1 ? 'one dot per person' : `one dot per ${n} people`}
                  </option>
                ))}
              </select>
            )}
          </span>
        </label>
      ))}
    </fieldset>
  );
}
