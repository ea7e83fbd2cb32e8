/** The checked data files bundled into the one JSON the app loads (public/generated/dataset.json). */
import type { FeatureCollection } from 'geojson';
import type { RawDataset } from '../src/timeline/dataset';

export function bundleDataset(files: ReadonlyMap<string, unknown>, catalogue: unknown): RawDataset {
  const get = <T>(file: string) => {
    const value = files.get(file);
    if (value === undefined) throw new Error(`dataset: ${file} is missing`);
    return value as T;
  };
  return {
    places: get<FeatureCollection>('places.geojson'),
    routes: get<FeatureCollection>('routes.geojson'),
    areas: get<FeatureCollection>('areas.geojson'),
    arrows: get<FeatureCollection>('offensive-arrows.geojson'),
    events: get<RawDataset['events']>('events.json'),
    series: get<RawDataset['series']>('series.json'),
    claimants: get<RawDataset['claimants']>('claimants.json'),
    catalogue: catalogue as RawDataset['catalogue'],
  };
}
