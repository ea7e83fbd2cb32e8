/**
 * The engine built from a dataset bundle, once per bundle: the app's store and the embed's still
 * picture are handed the same bundle object (state/dataset-fetch.ts shares one fetch), so they share
 * one engine and can never show two versions of the data.
 */
import { prepareDataset, type RawDataset } from './dataset';
import { createEngine, type Engine } from './scene';

const engines = new WeakMap<RawDataset, Engine>();

export function engineOf(raw: RawDataset): Engine {
  let engine = engines.get(raw);
  if (!engine) {
    engine = createEngine(prepareDataset(raw));
    engines.set(raw, engine);
  }
  return engine;
}
