/** Loads the bundled dataset once (same origin), builds the engine and hands it to the store. */
import { prepareDataset, type RawDataset } from '../timeline/dataset';
import { createEngine } from '../timeline/scene';
import type { AppStore } from './store';

export async function loadEngine(store: AppStore, baseUrl: string): Promise<void> {
  try {
    const response = await fetch(`${baseUrl}generated/dataset.json`);
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    const raw = (await response.json()) as RawDataset;
    store.getState().setEngine(createEngine(prepareDataset(raw)));
  } catch (e) {
    store.getState().addNotice({
      code: 'map-error',
      param: '',
      message: `The dataset could not be loaded (${(e as Error).message}); the basemap is shown without events.`,
    });
  }
}
