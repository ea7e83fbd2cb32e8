/** Loads the bundled dataset once (same origin), builds the engine and hands it to the store. */
import { engineOf } from '../timeline/engine-of';
import { fetchDataset } from './dataset-fetch';
import type { AppStore } from './store';

export async function loadEngine(store: AppStore, baseUrl: string): Promise<void> {
  try {
    // The same engine object as the embed's still picture builds from the same bundle.
    store.getState().setEngine(engineOf(await fetchDataset(baseUrl)));
  } catch (e) {
    store.getState().addNotice({
      code: 'map-error',
      param: '',
      message: `The dataset could not be loaded (${(e as Error).message}); the basemap is shown without events.`,
    });
  }
}
