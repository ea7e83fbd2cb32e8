/** Entry: fonts for the page, the store read from the URL, then the app. */
import './fonts.css';
import './app.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { startEmbedBridge } from './embed/bridge';
import { fetchBasemap } from './state/dataset-fetch';
import { loadEngine } from './state/load-engine';
import { startPlayback } from './state/playback-driver';
import { appStore } from './state/store';
import { startUrlSync } from './state/url-sync';

startUrlSync(appStore);
window.__appStore = appStore;
startPlayback(appStore);
// After the URL is read: the bridge starts only for an embed whose link names its host's origin.
startEmbedBridge(appStore);
const base = new URL(import.meta.env.BASE_URL, document.baseURI).href;
// What the first drawn map needs starts now, in parallel with React: the data, the basemap, and
// (outside an embed, whose still picture comes first) the map's code, which brings MapLibre and its
// worker. Waiting for React to render and ask for them cost a second (docs/architecture.md#data-flow).
void loadEngine(appStore, base);
void fetchBasemap(base);
if (appStore.getState().mode !== 'embed') void import('./map/MapView');

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
