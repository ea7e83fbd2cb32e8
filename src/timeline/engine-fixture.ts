/** The engine built from the real files under data/, for tests that pin the engine to the data. */
import { loadDataset, readCatalogue } from '../../scripts/data-files';
import { bundleDataset } from '../../scripts/dataset-bundle';
import { prepareDataset } from './dataset';
import { createEngine, type Engine } from './scene';

let engine: Engine | undefined;

export function realEngine(): Engine {
  engine ??= createEngine(prepareDataset(bundleDataset(loadDataset().files, readCatalogue())));
  return engine;
}
