/**
 * Switches and drawing order for the dataset's layers, both kept in the URL's `layers` (first on
 * top). Hidden layers follow the shown ones.
 */
import { LAYERS } from '../state/layers';
import { appStore, DOT_SCALES, useApp } from '../state/store';

export function LayerPanel() {
  const visible = useApp((s) => s.layers);
  const dotScale = useApp((s) => s.dotScale);
  const s = appStore.getState();
  const byId = new Map(LAYERS.map((l) => [l.id, l]));
  const ordered = [...visible.flatMap((id) => byId.get(id) ?? []), ...LAYERS.filter((l) => !visible.includes(l.id))];
  return (
    <fieldset className="panel layer-panel">
      <legend>Layers, top first</legend>
      {ordered.map((l) => {
        const shown = visible.includes(l.id);
        const i = visible.indexOf(l.id);
        return (
          <div key={l.id} className="layer-row">
            <input
              id={`layer-${l.id}`}
              type="checkbox"
              checked={shown}
              onChange={(e) => s.setLayerVisible(l.id, e.currentTarget.checked)}
              data-layer={l.id}
            />
            <label htmlFor={`layer-${l.id}`}>
              {l.label}
              {l.caveat && <small className="caveat">{l.caveat}</small>}
            </label>
            {shown && (
              <span className="order">
                <button
                  type="button"
                  aria-label={`Move “${l.label}” up`}
                  disabled={i === 0}
                  onClick={() => s.moveLayer(l.id, 1)}
                >
                  ↑
                </button>
                <button
                  type="button"
                  aria-label={`Move “${l.label}” down`}
                  disabled={i === visible.length - 1}
                  onClick={() => s.moveLayer(l.id, -1)}
                >
                  ↓
                </button>
              </span>
            )}
            {l.id === 'exodus' && (
              <select
                className="dot-scale"
                aria-label="People per dot"
                value={dotScale}
                onChange={(e) => s.setDotScale(Number(e.currentTarget.value))}
              >
                {DOT_SCALES.map((n) => (
                  <option key={n} value={n}>
                    {n === 1 ? 'one dot per person' : `one dot per ${n} people`}
                  </option>
                ))}
              </select>
            )}
          </div>
        );
      })}
    </fieldset>
  );
}
