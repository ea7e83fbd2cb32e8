/**
 * The static picture as a small tree of SVG elements: rendered by React (StaticMap.tsx), which
 * escapes every attribute and text itself, or serialised to an SVG document here, escaping every
 * attribute value and text node (place names come from data: markup is never built from them).
 */

export interface SvgNode {
  tag: string;
  attrs: Record<string, string | number>;
  children?: SvgNode[];
  /** Text content, for <text>, <tspan>, <textPath> and <title>. */
  text?: string;
}

export function el(tag: string, attrs: Record<string, string | number | undefined>, children?: SvgNode[]): SvgNode {
  const clean: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(attrs)) if (v !== undefined && v !== '') clean[k] = v;
  return children ? { tag, attrs: clean, children } : { tag, attrs: clean };
}

export function textEl(tag: string, attrs: Record<string, string | number | undefined>, text: string): SvgNode {
  return { ...el(tag, attrs), text };
}

// C0 controls other than tab, line feed and carriage return are not allowed in XML at all.
// biome-ignore lint/suspicious/noControlCharactersInRegex: removing them is the point.
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;

export function escapeXml(text: string): string {
  return text
    .replace(CONTROL, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

const NAME = /^[a-zA-Z][a-zA-Z0-9:-]*$/;

/** One element and its children as markup; names must be plain identifiers, values are escaped. */
export function serialize(node: SvgNode): string {
  if (!NAME.test(node.tag)) throw new Error(`svg: bad element name ${node.tag}`);
  let out = `<${node.tag}`;
  for (const [k, v] of Object.entries(node.attrs)) {
    if (!NAME.test(k)) throw new Error(`svg: bad attribute name ${k}`);
    out += ` ${k}="${escapeXml(String(v))}"`;
  }
  const inner = (node.text !== undefined ? escapeXml(node.text) : '') + (node.children ?? []).map(serialize).join('');
  return inner ? `${out}>${inner}</${node.tag}>` : `${out}/>`;
}
