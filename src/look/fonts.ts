/**
 * Fonts for map labels, shipped with the app: MapLibre draws glyphs locally from these files (the
 * style's `font-faces`), so there is no glyph server. Noto Sans covers Latin, Latin Extended
 * (Azerbaijani ə ğ ı ş ç) and Cyrillic; Noto Sans Armenian covers Armenian. Each file is only
 * fetched when a label needs a character in its range.
 */

import cyrillic400i from '@fontsource/noto-sans/files/noto-sans-cyrillic-400-italic.woff2?url';
import cyrillic400 from '@fontsource/noto-sans/files/noto-sans-cyrillic-400-normal.woff2?url';
import cyrillic600 from '@fontsource/noto-sans/files/noto-sans-cyrillic-600-normal.woff2?url';
import latin400i from '@fontsource/noto-sans/files/noto-sans-latin-400-italic.woff2?url';
import latin400 from '@fontsource/noto-sans/files/noto-sans-latin-400-normal.woff2?url';
import latin600 from '@fontsource/noto-sans/files/noto-sans-latin-600-normal.woff2?url';
import latinExt400i from '@fontsource/noto-sans/files/noto-sans-latin-ext-400-italic.woff2?url';
import latinExt400 from '@fontsource/noto-sans/files/noto-sans-latin-ext-400-normal.woff2?url';
import latinExt600 from '@fontsource/noto-sans/files/noto-sans-latin-ext-600-normal.woff2?url';
import armenian400 from '@fontsource/noto-sans-armenian/files/noto-sans-armenian-armenian-400-normal.woff2?url';
import armenian600 from '@fontsource/noto-sans-armenian/files/noto-sans-armenian-armenian-600-normal.woff2?url';
import type { FontFacesSpecification } from '@maplibre/maplibre-gl-style-spec';

// Unicode ranges as Fontsource declares them for each subset.
const LATIN = [
  'U+0000-00FF',
  'U+0131',
  'U+0152-0153',
  'U+02BB-02BC',
  'U+02C6',
  'U+02DA',
  'U+02DC',
  'U+2000-206F',
  'U+20AC',
  'U+2122',
  'U+2212',
];
const LATIN_EXT = [
  'U+0100-02BA',
  'U+02BD-02C5',
  'U+02C7-02CC',
  'U+02CE-02D7',
  'U+02DD-02FF',
  'U+0304',
  'U+0308',
  'U+0329',
  'U+1E00-1E9F',
  'U+A720-A7FF',
];
const CYRILLIC = ['U+0301', 'U+0400-045F', 'U+0490-0491', 'U+04B0-04B1', 'U+2116'];
const ARMENIAN = ['U+0530-058F', 'U+FB13-FB17'];

/** The text-font names the style's symbol layers use. */
export const FONT = { regular: 'Map Sans Regular', bold: 'Map Sans Bold', italic: 'Map Sans Italic' } as const;

/** The faces as absolute URLs under the app's base URL: MapLibre loads them from its worker. */
function faces(base: string, latin: string, latinExt: string, cyrillic: string, armenian: string) {
  const absolute = (url: string) => new URL(url, base).href;
  return [
    { url: absolute(latin), 'unicode-range': LATIN },
    { url: absolute(latinExt), 'unicode-range': LATIN_EXT },
    { url: absolute(cyrillic), 'unicode-range': CYRILLIC },
    { url: absolute(armenian), 'unicode-range': ARMENIAN },
  ];
}

export function fontFaces(baseUrl: string): FontFacesSpecification {
  return {
    [FONT.regular]: faces(baseUrl, latin400, latinExt400, cyrillic400, armenian400),
    [FONT.bold]: faces(baseUrl, latin600, latinExt600, cyrillic600, armenian600),
    // Armenian has no italic in Noto; upright Armenian sits in the italic stack.
    [FONT.italic]: faces(baseUrl, latin400i, latinExt400i, cyrillic400i, armenian400),
  };
}
