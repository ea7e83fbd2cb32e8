import { describe, expect, it } from 'vitest';
import { TIMELINE_END, TIMELINE_START } from '../time/span';
import { createAppStore } from './store';
import { DEFAULT_STATE } from './url-state';

describe('the app store', () => {
  it('starts from the default state with no notices', () => {
    const s = createAppStore().getState();
    expect(s.mode).toBe(DEFAULT_STATE.mode);
    expect(s.notices).toEqual([]);
  });

  it('clamps time to the timeline and ignores non-finite times', () => {
    const store = createAppStore();
    store.getState().setTime(0);
    expect(store.getState().t).toBe(TIMELINE_START);
    store.getState().setTime(Number.MAX_SAFE_INTEGER);
    expect(store.getState().t).toBe(TIMELINE_END);
    store.getState().setTime(Number.NaN);
    expect(store.getState().t).toBe(TIMELINE_END);
  });

  it('rounds the view as the URL writes it, and keeps the same object when nothing changed', () => {
    const store = createAppStore();
    store.getState().setView({ lon: 46.123456, lat: 39.987654, zoom: 8.123 });
    const view = store.getState().view;
    expect(view).toEqual({ lon: 46.1235, lat: 39.9877, zoom: 8.12 });
    store.getState().setView({ lon: 46.12351, lat: 39.98769, zoom: 8.1201 });
    expect(store.getState().view).toBe(view);
  });

  it('switches known layers on and off and ignores unknown ids', () => {
    const store = createAppStore({ ...DEFAULT_STATE, layers: ['places'] });
    store.getState().setLayerVisible('region', true);
    store.getState().setLayerVisible('places', false);
    store.getState().setLayerVisible('__proto__', true);
    expect(store.getState().layers).toEqual(['region']);
  });

  it('shows a notice once, and dismisses it', () => {
    const store = createAppStore();
    const notice = { code: 'map-error', param: '', message: 'x' } as const;
    store.getState().addNotice(notice);
    store.getState().addNotice(notice);
    expect(store.getState().notices).toHaveLength(1);
    store.getState().dismissNotice(0);
    expect(store.getState().notices).toEqual([]);
  });

  it('holds the measurement: points added in order, none that is not finite, emptied when the tool opens or closes', () => {
    const store = createAppStore();
    store.getState().setMeasuring(true);
    store.getState().addMeasurePoint([46.75, 39.82]);
    store.getState().addMeasurePoint([Number.NaN, 39]);
    store.getState().addMeasurePoint([46.4, 39.5]);
    expect(store.getState().measurePoints).toEqual([
      [46.75, 39.82],
      [46.4, 39.5],
    ]);
    store.getState().setMeasuring(false);
    expect(store.getState()).toMatchObject({ measuring: false, measurePoints: [] });
  });
});
