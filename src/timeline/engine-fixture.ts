/**
 * The engine built from the real files under data/, for tests that pin the data on purpose (and say
 * why). A test of how the engine behaves uses synthetic-fixture.ts instead, so an edit to data/
 * cannot break it.
 */
import { loadDataset, readCatalogue } from '../../scripts/data-files';
import { bundleDataset } from '../../scripts/dataset-bundle';
import { prepareDataset } from './dataset';
import { createEngine, type Engine } from './scene';

let engine: Engine | undefined;

export function realEngine(): Engine {
  engine ??= createEngine(prepareDataset(bundleDataset(loadDataset().files, readCatalogue())));
  return engine;
}
