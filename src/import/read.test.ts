import { describe, expect, it } from 'vitest';
import { decodeText, parseFile } from './read';
import { LIMITS, type ParseResult } from './types';

const META = { id: 'x', importedAt: 0 };
const utf8 = (text: string) => new TextEncoder().encode(text);
const bytes = (...b: number[]) => new Uint8Array(b);

function failure(r: { text: string } | { failure: ParseResult }) {
  if (!('failure' in r) || r.failure.ok) throw new Error('expected a failure');
  return r.failure.errors[0];
}

describe('decodeText', () => {
  it('decodes UTF-8, dropping a byte order mark, and keeps Armenian and Cyrillic whole', () => {
    expect(decodeText(utf8('\ufefflat,lon,name\n39.8,46.7,Ստեփանակերտ Степанакерт'), 'a.csv')).toEqual({
      text: 'lat,lon,name\n39.8,46.7,Ստեփանակերտ Степанакерт',
    });
  });

  it('names UTF-16 with or without a byte order mark, instead of failing on invisible characters', () => {
    const le = [0xff, 0xfe, ...[...'lat,lon'].flatMap((c) => [c.charCodeAt(0), 0])];
    expect(failure(decodeText(bytes(...le), 'a.csv'))).toMatchObject({
      code: 'encoding',
      message: 'a.csv: the file is UTF-16 text (it starts with a UTF-16 byte order mark); save it as UTF-8',
    });
    expect(failure(decodeText(bytes(...le.slice(2)), 'a.csv'))?.message).toBe(
      'a.csv: the file looks like UTF-16 text (every other byte is 0); save it as UTF-8',
    );
  });

  it('names archives, compressed files, documents and images by their first bytes', () => {
    const cases: [number[], string][] = [
      [[0x50, 0x4b, 0x03, 0x04, 0x14], 'ZIP archive'],
      [[0x1f, 0x8b, 0x08], 'gzip-compressed'],
      [[0x25, 0x50, 0x44, 0x46, 0x2d], 'PDF'],
      [[0x89, 0x50, 0x4e, 0x47, 0x0d], 'PNG'],
      [[0xd0, 0xcf, 0x11, 0xe0, 0xa1], '.xls'],
    ];
    for (const [b, what] of cases) expect(failure(decodeText(bytes(...b), 'x.csv'))?.message).toContain(what);
  });

  it('points at the first byte that is not UTF-8, with its line', () => {
    const text = [...utf8('a,b\nc,d\n'), 0x63, 0xe9, 0x2c];
    expect(failure(decodeText(bytes(...text), 'x.csv'))?.message).toBe(
      'x.csv: the file is not UTF-8 text: byte 9 (0xE9, line 3) is not UTF-8; it may be in another encoding such as Windows-1252: save it as UTF-8',
    );
    // Overlong, surrogate and beyond-U+10FFFF forms are not UTF-8 either.
    for (const bad of [
      [0xc0, 0xaf],
      [0xe0, 0x80, 0xaf],
      [0xed, 0xa0, 0x80],
      [0xf4, 0x90, 0x80, 0x80],
    ]) {
      expect(failure(decodeText(bytes(0x41, ...bad), 'x.csv'))?.message).toContain('byte 1 (0x');
    }
  });
});

describe('parseFile', () => {
  it('checks type and size before decoding, then parses by the file name', () => {
    const big = { byteLength: LIMITS.fileBytes + 1 } as Uint8Array;
    expect(parseFile(big, 'big.geojson', () => {}, META)).toMatchObject({
      ok: false,
      errors: [
        {
          code: 'too-large',
          message: 'big.geojson: the file is 52,428,801 bytes (50.0 MB); the limit is 52,428,800 bytes (50.0 MB)',
        },
      ],
    });
    expect(parseFile(utf8('x'), 'notes.txt', () => {}, META)).toMatchObject({
      ok: false,
      errors: [{ code: 'unsupported-type' }],
    });
    const csv = parseFile(utf8('lat,lon\n39.8,46.7\n'), 'a.CSV', () => {}, META);
    expect(csv.ok && csv.layer.kind).toBe('csv');
    const geo = parseFile(utf8('{"type":"Point","coordinates":[46.7,39.8]}'), 'a.json', () => {}, META);
    expect(geo.ok && geo.layer.kind).toBe('geojson');
  });

  it('calls a file with nothing but white space empty, whatever its type', () => {
    for (const name of ['a.geojson', 'a.csv']) {
      expect(parseFile(utf8(' \n\t\r\n'), name, () => {}, META)).toMatchObject({
        ok: false,
        errors: [{ code: 'empty', message: `${name}: the file is empty` }],
      });
    }
  });
});
