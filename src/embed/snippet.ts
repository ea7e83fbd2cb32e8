/**
 * The HTML a newsroom pastes to embed the map. Pure: the Embed dialog shows what this returns.
 *
 * The sandbox lets the embed run (scripts, and its own origin for its worker, fonts and storage) and
 * lets "Open the full map" open a normal, unsandboxed tab; it withholds top navigation, forms, modals
 * and downloads. `allow-scripts` with `allow-same-origin` would let a same-origin frame remove its own
 * sandbox (docs/reliability.md#embed-messages); that only matters when the host page shares the map's origin,
 * and a host on the map's own origin needs no sandbox to trust it.
 */

export const EMBED_SANDBOX = 'allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox';

export interface EmbedSnippetOptions {
  /** The embed link, http(s) only. */
  url: string;
  /** Pixels, or an attribute value such as "100%". */
  width: number | string;
  height: number | string;
  /** What the frame shows, for screen readers (required by WCAG 4.1.2). */
  title: string;
}

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text safe inside a double-quoted HTML attribute (and anywhere else in HTML). */
export function escapeAttribute(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);
}

/**
 * The `<iframe>` element for an embed link, every attribute value escaped. Throws a TypeError for a
 * URL that is not http(s): a `javascript:` frame would run in the host page's origin.
 */
export function embedSnippet({ url, width, height, title }: EmbedSnippetOptions): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new TypeError(`Not an absolute URL: ${url.slice(0, 80)}`);
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:')
    throw new TypeError(`Only http(s) links can be embedded, not ${parsed.protocol}`);
  const attributes: [string, string][] = [
    ['src', parsed.href],
    ['width', String(width)],
    ['height', String(height)],
    ['title', title],
    ['sandbox', EMBED_SANDBOX],
    ['loading', 'lazy'],
    ['referrerpolicy', 'strict-origin-when-cross-origin'],
    ['allow', 'fullscreen'],
  ];
  return `<iframe ${attributes.map(([k, v]) => `${k}="${escapeAttribute(v)}"`).join(' ')}></iframe>`;
}
