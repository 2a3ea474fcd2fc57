/** A small XML writer: elements as data, escaped on output, so no caller ever concatenates markup. */
export interface XmlElement {
  name: string;
  attrs?: Record<string, string | number | null | undefined>;
  children?: XmlNode[];
}
export type XmlNode = XmlElement | string;

// Characters XML 1.0 does not allow at all (C0 controls but tab/LF/CR, lone surrogates, U+FFFE/FFFF).
// eslint-disable-next-line no-control-regex -- control characters are what is removed
const INVALID_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Text content with &, < and > escaped and characters XML cannot carry removed. */
export function xmlText(value: string): string {
  return value.replace(INVALID_XML, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** An attribute value in double quotes: also escapes the quote and keeps whitespace characters as references. */
export function xmlAttr(value: string): string {
  return xmlText(value).replace(/"/g, '&quot;').replace(/\t/g, '&#9;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;');
}

/** Shorthand for an element; null/undefined children and attributes are dropped. */
export function el(name: string, attrs: XmlElement['attrs'] = {}, ...children: Array<XmlNode | null | undefined | false | Array<XmlNode | null | undefined | false>>): XmlElement {
  return { name, attrs, children: children.flat().filter((c): c is XmlNode => c !== null && c !== undefined && c !== false) };
}

/** Serialises an element tree (compact, no insignificant whitespace). */
export function renderXml(node: XmlNode): string {
  if (typeof node === 'string') return xmlText(node);
  const attrs = Object.entries(node.attrs ?? {})
    .filter(([, v]) => v !== null && v !== undefined)
    .map(([k, v]) => ` ${k}="${xmlAttr(String(v))}"`)
    .join('');
  const children = node.children ?? [];
  if (children.length === 0) return `<${node.name}${attrs}/>`;
  return `<${node.name}${attrs}>${children.map(renderXml).join('')}</${node.name}>`;
}

/** A whole document with its XML declaration. */
export function xmlDocument(root: XmlElement): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n${renderXml(root)}\n`;
}
