import { err, ok, type Result } from '../result';

/**
 * A small XML reader for the files the importers take (draw.io's `mxfile`, an SVG's metadata):
 * elements, attributes, text and CDATA, with the five predefined entities and character
 * references. It is iterative (no recursion, so deep nesting cannot exhaust the stack), expands no
 * entity of a DTD (a DOCTYPE with an internal subset is refused, so "billion laughs" cannot
 * happen) and never touches a DOM, so the browser and the command line read files the same way.
 * Not a validating parser: namespaces are kept as part of names, and unknown entities stay as text.
 */

export interface XmlElement {
  name: string;
  /** Attributes by name, without prototype (a `__proto__` attribute is just a key). */
  attrs: Map<string, string>;
  children: XmlElement[];
  /** The element's own text (and CDATA), concatenated; text of children is not included. */
  text: string;
}

const NAME = /[A-Za-z_:][-A-Za-z0-9_:.]*/y;
const PREDEFINED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** Text with XML's predefined entities and character references replaced; other `&name;` stay as written. */
export function decodeXmlEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#x[0-9a-fA-F]{1,6}|#[0-9]{1,7}|[A-Za-z]{2,8});/g, (m, ref: string) => {
    if (ref[0] === '#') {
      const code = ref[1] === 'x' ? Number.parseInt(ref.slice(2), 16) : Number.parseInt(ref.slice(1), 10);
      return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : '';
    }
    return PREDEFINED[ref] ?? m;
  });
}

function lineAt(text: string, index: number): number {
  let line = 1;
  for (let i = 0; i < index && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/** Parses XML text into its root element, or says where it is broken. */
export function parseXml(text: string): Result<XmlElement, string> {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  let i = 0;
  const fail = (at: number, why: string) => err(`not valid XML (line ${lineAt(src, at)}): ${why}`);
  const addText = (t: string) => {
    const top = stack[stack.length - 1];
    if (top) top.text += t;
    else if (t.trim()) return false;
    return true;
  };
  while (i < src.length) {
    const lt = src.indexOf('<', i);
    if (lt === -1) {
      if (!addText(decodeXmlEntities(src.slice(i)))) return fail(i, 'text outside the root element');
      break;
    }
    if (lt > i && !addText(decodeXmlEntities(src.slice(i, lt)))) return fail(i, 'text outside the root element');
    if (src.startsWith('<!--', lt)) {
      const end = src.indexOf('-->', lt + 4);
      if (end === -1) return fail(lt, 'a comment is not closed');
      i = end + 3;
      continue;
    }
    if (src.startsWith('<![CDATA[', lt)) {
      const end = src.indexOf(']]>', lt + 9);
      if (end === -1) return fail(lt, 'a CDATA section is not closed');
      if (!addText(src.slice(lt + 9, end))) return fail(lt, 'text outside the root element');
      i = end + 3;
      continue;
    }
    if (src.startsWith('<?', lt)) {
      const end = src.indexOf('?>', lt + 2);
      if (end === -1) return fail(lt, 'a processing instruction is not closed');
      i = end + 2;
      continue;
    }
    if (src.startsWith('<!', lt)) {
      const end = src.indexOf('>', lt + 2);
      if (end === -1) return fail(lt, 'a declaration is not closed');
      const decl = src.slice(lt, end + 1);
      if (/^<!DOCTYPE/i.test(decl) && decl.includes('[')) return fail(lt, 'a DOCTYPE with its own entity declarations is not read');
      i = end + 1;
      continue;
    }
    if (src[lt + 1] === '/') {
      NAME.lastIndex = lt + 2;
      const m = NAME.exec(src);
      if (!m) return fail(lt, 'a closing tag has no name');
      const close = src.indexOf('>', NAME.lastIndex);
      if (close === -1 || src.slice(NAME.lastIndex, close).trim()) return fail(lt, `the closing tag </${m[0]}> is not closed`);
      const top = stack.pop();
      if (!top) return fail(lt, `</${m[0]}> closes nothing`);
      if (top.name !== m[0]) return fail(lt, `</${m[0]}> closes <${top.name}>`);
      i = close + 1;
      continue;
    }
    NAME.lastIndex = lt + 1;
    const m = NAME.exec(src);
    if (!m) return fail(lt, 'a "<" that starts no tag (write &lt; in text)');
    const el: XmlElement = { name: m[0], attrs: new Map(), children: [], text: '' };
    let j = NAME.lastIndex;
    let selfClosing = false;
    for (;;) {
      while (j < src.length && /\s/.test(src[j])) j++;
      if (j >= src.length) return fail(lt, `the tag <${el.name}> is not closed`);
      if (src[j] === '>') {
        j++;
        break;
      }
      if (src.startsWith('/>', j)) {
        selfClosing = true;
        j += 2;
        break;
      }
      NAME.lastIndex = j;
      const a = NAME.exec(src);
      if (!a) return fail(j, `unexpected “${src[j]}” in the tag <${el.name}>`);
      j = NAME.lastIndex;
      while (j < src.length && /\s/.test(src[j])) j++;
      if (src[j] !== '=') return fail(j, `the attribute ${a[0]} of <${el.name}> has no value`);
      j++;
      while (j < src.length && /\s/.test(src[j])) j++;
      const quote = src[j];
      if (quote !== '"' && quote !== "'") return fail(j, `the value of ${a[0]} is not quoted`);
      const end = src.indexOf(quote, j + 1);
      if (end === -1) return fail(j, `the value of ${a[0]} is not closed`);
      const raw = src.slice(j + 1, end);
      if (raw.includes('<')) return fail(j, `the value of ${a[0]} holds a raw "<"`);
      if (el.attrs.has(a[0])) return fail(j, `<${el.name}> has the attribute ${a[0]} twice`);
      el.attrs.set(a[0], decodeXmlEntities(raw.replace(/[\t\n\r]/g, ' ')));
      j = end + 1;
    }
    const parent = stack[stack.length - 1];
    if (parent) parent.children.push(el);
    else if (root) return fail(lt, 'a second root element');
    else root = el;
    if (!selfClosing) stack.push(el);
    i = j;
  }
  if (stack.length) return fail(src.length, `<${stack[stack.length - 1].name}> is not closed`);
  if (!root) return err('not valid XML: there is no element in it');
  return ok(root);
}

/** The first element of a tree (the root included) with that name, breadth first. */
export function findElement(root: XmlElement, name: string): XmlElement | undefined {
  const queue = [root];
  for (let k = 0; k < queue.length; k++) {
    if (queue[k].name === name) return queue[k];
    for (const c of queue[k].children) queue.push(c);
  }
  return undefined;
}

/** Plain text of an HTML label (draw.io's `html=1`): line breaks from br, div and p, tags dropped, entities decoded. */
export function htmlToText(html: string): string {
  const text = html
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<(div|p|li|h[1-6]|tr)(\s[^>]*)?>/gi, '\n')
    .replace(/<\/(div|p|li|h[1-6]|tr)\s*>/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&nbsp;/g, ' ');
  return decodeXmlEntities(text)
    .replace(/\u00a0/g, ' ')
    .replace(/[ \t]*\n[ \t\n]*/g, '\n')
    .trim();
}
