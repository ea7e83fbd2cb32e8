/**
 * The shapes shared by the import pipeline: what a parsed file becomes, and every way a file can
 * fail. Error codes are stable (tests and the hostile corpus key on them); messages are for people.
 */
import type { Geometry, Point } from 'geojson';

/** A property value copied from a file: primitives only, so nothing from a file is ever an object graph. */
export type PropValue = string | number | boolean | null;

/** A feature's properties, in a prototype-less record so keys such as `toString` are just data. */
export type Props = Record<string, PropValue>;

export interface ImportedFeature {
  /** A point's [longitude, latitude]; null for other shapes, which are kept whole in `geometry`. */
  coordinates: [number, number] | null;
  /** Lines, polygons and multi-shapes as GeoJSON (rings rewound to RFC 7946 order); null for a point. */
  geometry: Exclude<Geometry, Point> | null;
  /** When it happened (epoch ms), or null when the feature has no date: undated features always show. */
  t: number | null;
  props: Props;
}

export interface ImportedLayer {
  id: string;
  /** The file name without its extension, for people. */
  name: string;
  fileName: string;
  kind: 'geojson' | 'csv';
  features: ImportedFeature[];
  /** The property or column the dates were read from, or null when the file has none. */
  dateField: string | null;
  /** Property names in first-seen order (a CSV's header order), so exports keep the file's columns. */
  columns: string[];
  importedAt: number;
  stats: {
    /** Features with a date. */
    dated: number;
    /** Features with no position inside the map's region: kept, but the map cannot show them. */
    outsideRegion: number;
    /** Polygon rings turned round to RFC 7946 winding (parsers should not reject them, §3.1.6). */
    rewoundRings: number;
    /**
     * Of those outside the region, how many would lie inside it with longitude and latitude
     * swapped (RFC 7946 puts longitude first). Absent in layers kept before it was counted.
     */
    swapped?: number;
  };
}

/** Every code an import can fail with; a unit test holds one fixture per code. */
export const ERROR_CODES = [
  'unsupported-type',
  'too-large',
  'encoding',
  'json-syntax',
  'too-deep',
  'duplicate-key',
  'not-feature-collection',
  'invalid-geojson',
  'no-geometry',
  'bad-coordinate',
  'out-of-range',
  'ring-not-closed',
  'ring-too-short',
  'line-too-short',
  'no-lat-lon-columns',
  'duplicate-column',
  'row-length',
  'csv-syntax',
  'bad-date',
  'end-before-start',
  'too-many-features',
  'too-many-vertices',
  'too-many-columns',
  'empty',
  'unreadable',
  'cancelled',
  'storage',
] as const;

export type ImportErrorCode = (typeof ERROR_CODES)[number];

export interface ImportError {
  code: ImportErrorCode;
  /** Names the file, the feature or spreadsheet row, the field and the rule. Always shown as text. */
  message: string;
  /** 1-based feature number (features[0] is feature 1). */
  feature?: number;
  /** 1-based row as a spreadsheet shows it: the header is row 1. */
  row?: number;
  field?: string;
}

/** Why a file was not imported: `errors` holds at most MAX_REPORTED_ERRORS; `errorCount` is how many there were in all. */
export interface ImportFailure {
  ok: false;
  errors: ImportError[];
  errorCount: number;
}

export type ParseResult = { ok: true; layer: ImportedLayer } | ImportFailure;

/**
 * What the page holds of a kept layer: all but its features, which stay in the import worker and
 * IndexedDB (the map's workers read them from there). What the page needs of them comes with it.
 */
export interface ListedLayer extends Omit<ImportedLayer, 'features'> {
  featureCount: number;
  /** The dated features' times (epoch ms), sorted: what the map's time filter is made from. */
  times: Float64Array;
  /** The kinds of geometry among the features ('Point', 'Polygon'…), which say what style layers it needs. */
  geometryTypes: string[];
}

/** An import as the page sees it: the layer listed, or why the file was refused. */
export type ImportResult = { ok: true; layer: ListedLayer } | ImportFailure;

/** Limits that keep a file from freezing or exhausting the page (docs/reliability.md#limits). */
export const LIMITS = {
  fileBytes: 50 * 1024 * 1024,
  features: 200_000,
  vertices: 1_000_000,
  stringChars: 2_000,
  /** Distinct property names (or CSV columns) in one file. */
  columns: 1_000,
  /**
   * Containers nested in a JSON text, the top-level one being 1. GeoJSON needs 8 (a MultiPolygon's
   * positions); deeper costs JSON.parse seconds and gigabytes, and would overflow recursive checks.
   */
  depth: 64,
} as const;

/** Beyond this many problems a file is plainly the wrong file; more messages would only cost memory. */
export const MAX_REPORTED_ERRORS = 1_000;

/** Identity and time of an import, passed in so parsing stays deterministic under test. */
export interface ImportMeta {
  id: string;
  importedAt: number;
}
