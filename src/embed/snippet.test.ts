import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EMBED_SANDBOX, embedSnippet, escapeAttribute } from './snippet';

const URL_ = 'https://map.example/?mode=embed&t=2023-09-19T13:45&view=46.7,39.8,8&layers=places&names=hy';

/** The attributes of the one element in an `<iframe …></iframe>` snippet, unescaped. */
function attributesOf(html: string): Record<string, string> {
  const m = /^<iframe ((?:[a-z]+="[^"<>]*" ?)+)><\/iframe>$/.exec(html);
  if (!m?.[1]) throw new Error(`not a lone iframe: ${html}`);
  const out: Record<string, string> = {};
  for (const [, k, v] of m[1].matchAll(/([a-z]+)="([^"]*)"/g)) {
    out[k as string] = (v as string)
      .replaceAll('&lt;', '<')
      .replaceAll('&gt;', '>')
      .replaceAll('&quot;', '"')
      .replaceAll('&#39;', "'")
      .replaceAll('&amp;', '&');
  }
  return out;
}

describe('embedSnippet', () => {
  it('writes the iframe with the sandbox, lazy loading, the referrer policy, fullscreen and a title', () => {
    const html = embedSnippet({ url: URL_, width: 640, height: 480, title: 'Map: the offensive' });
    expect(html).toBe(
      '<iframe src="https://map.example/?mode=embed&amp;t=2023-09-19T13:45&amp;view=46.7,39.8,8&amp;layers=places&amp;names=hy" width="640" height="480" title="Map: the offensive" sandbox="allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox" loading="lazy" referrerpolicy="strict-origin-when-cross-origin" allow="fullscreen"></iframe>',
    );
    expect(attributesOf(html)).toEqual({
      src: URL_,
      width: '640',
      height: '480',
      title: 'Map: the offensive',
      sandbox: EMBED_SANDBOX,
      loading: 'lazy',
      referrerpolicy: 'strict-origin-when-cross-origin',
      allow: 'fullscreen',
    });
  });

  it('keeps the api origin of the link intact', () => {
    const url = `${URL_}&api=${encodeURIComponent('https://news.example')}`;
    expect(attributesOf(embedSnippet({ url, width: '100%', height: 500, title: 'Map' })).src).toBe(url);
  });

  it('escapes every attribute value', () => {
    const hostile = `"><script>alert(1)</script><x a='`;
    const html = embedSnippet({
      url: `https://map.example/?q=${hostile}`,
      width: hostile,
      height: hostile,
      title: hostile,
    });
    expect(html).not.toContain('<script');
    expect(html).not.toMatch(/"[^"]*'/);
    const attrs = attributesOf(html);
    expect(attrs.title).toBe(hostile);
    expect(attrs.width).toBe(hostile);
    expect(attrs.sandbox).toBe(EMBED_SANDBOX);
  });

  it('never lets a title break out of its attribute', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (title) => {
        const attrs = attributesOf(embedSnippet({ url: URL_, width: 600, height: 400, title }));
        return attrs.title === title && attrs.sandbox === EMBED_SANDBOX && Object.keys(attrs).length === 8;
      }),
      { seed: 20_230_919, numRuns: 1000 },
    );
  });

  it('refuses links that are not http(s): a javascript: frame would run as the host page', () => {
    for (const url of [
      'javascript:alert(1)',
      'JAVASCRIPT:alert(1)',
      'data:text/html,<script>1</script>',
      'file:///etc/passwd',
      '/relative',
      '',
    ])
      expect(() => embedSnippet({ url, width: 1, height: 1, title: 't' }), url).toThrow(TypeError);
  });
});

describe('escapeAttribute', () => {
  it('escapes the five HTML-special characters and nothing else', () => {
    expect(escapeAttribute(`&<>"'`)).toBe('&amp;&lt;&gt;&quot;&#39;');
    expect(escapeAttribute('Ստեփանակերտ – Xankəndi')).toBe('Ստեփանակերտ – Xankəndi');
  });
});
