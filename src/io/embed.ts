import extractChunks from 'png-chunks-extract';
import encodeChunks from 'png-chunks-encode';
import { decode as decodeText, encode as encodeText } from 'png-chunk-text';
import { err, ok, type Result } from '../domain/result';
import { findElement, parseXml, type XmlElement } from '../domain/import/xml';

/**
 * The diagram inside an exported picture, so that opening the PNG or SVG again gives the design
 * back, editable. The payload is the share link's (`v1.` + base64url of the raw-deflated file
 * JSON: shareLink.ts). A PNG carries it in a `tEXt` chunk whose keyword is EMBED_KEY; an SVG in
 * an element of its `<metadata>`. PNG chunks are read and written with png-chunks-extract,
 * png-chunks-encode and png-chunk-text.
 */

/** The keyword of the PNG text chunk and the type of the SVG metadata element. */
export const EMBED_KEY = 'application/vnd.mlsd-canvas+json';
/** The element of an SVG's metadata that holds the payload. */
export const SVG_ELEMENT = 'mlsd:diagram';
const SVG_NS = 'https://mlsd-canvas.dev/ns/diagram';

const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** True when the bytes start with the PNG signature. */
export function isPng(bytes: Uint8Array): boolean {
  return bytes.length >= 8 && SIGNATURE.every((b, i) => bytes[i] === b);
}

/**
 * Where the chunk lengths of a PNG would run past its end (a cut or hostile file), checked before
 * the chunk library reads it: the library allocates each chunk at its stated length, so a bogus
 * 4 GB length must never reach it.
 */
function layoutProblem(bytes: Uint8Array): string | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let at = 8;
  while (at + 8 <= bytes.length) {
    const length = view.getUint32(at);
    const type = String.fromCharCode(bytes[at + 4], bytes[at + 5], bytes[at + 6], bytes[at + 7]);
    if (at + 12 + length > bytes.length) return 'it is cut short (a chunk runs past the end of the file)';
    if (type === 'IEND') return undefined;
    at += 12 + length;
  }
  return 'it is cut short (it has no end chunk)';
}

function chunksOf(png: Uint8Array): Result<{ name: string; data: Uint8Array }[], string> {
  if (!isPng(png)) return err('it is not a PNG image');
  const problem = layoutProblem(png);
  if (problem) return err(problem);
  try {
    return ok(extractChunks(png));
  } catch (e) {
    return err(`it is damaged (${e instanceof Error ? e.message : String(e)})`);
  }
}

/** The PNG with the payload in a text chunk before its end (replacing one it already had). */
export function embedInPng(png: Uint8Array, payload: string): Uint8Array {
  const chunks = chunksOf(png);
  if (!chunks.ok) throw new Error(`The picture could not carry the diagram: ${chunks.error}.`);
  const kept = chunks.value.filter((c) => !(c.name === 'tEXt' && textKeyword(c.data) === EMBED_KEY));
  const end = kept.findIndex((c) => c.name === 'IEND');
  kept.splice(end === -1 ? kept.length : end, 0, encodeText(EMBED_KEY, payload));
  return encodeChunks(kept);
}

function textKeyword(data: Uint8Array): string {
  const zero = data.indexOf(0);
  return String.fromCharCode(...data.subarray(0, zero === -1 ? Math.min(data.length, 80) : Math.min(zero, 80)));
}

/** What a PNG carries: our payload, draw.io's diagram (its "mxfile" chunk), or neither; or why the PNG cannot be read. */
export function readPngText(png: Uint8Array): Result<{ payload?: string; drawio?: string }, string> {
  const chunks = chunksOf(png);
  if (!chunks.ok) return chunks;
  const out: { payload?: string; drawio?: string } = {};
  for (const c of chunks.value) {
    if (c.name !== 'tEXt' && c.name !== 'iTXt') continue;
    const keyword = textKeyword(c.data);
    if (keyword !== EMBED_KEY && keyword !== 'mxfile') continue;
    let text: string;
    if (c.name === 'tEXt') {
      try {
        text = decodeText(c.data).text;
      } catch {
        continue;
      }
    } else {
      // iTXt: keyword, 0, compression flag, method, language tag, 0, translated keyword, 0, text (UTF-8). Uncompressed only.
      const zero = c.data.indexOf(0);
      if (c.data[zero + 1] !== 0) continue;
      const lang = c.data.indexOf(0, zero + 3);
      const translated = lang === -1 ? -1 : c.data.indexOf(0, lang + 1);
      if (translated === -1) continue;
      text = new TextDecoder().decode(c.data.subarray(translated + 1));
    }
    if (keyword === EMBED_KEY) out.payload = text;
    else {
      try {
        out.drawio = decodeURIComponent(text);
      } catch {
        // Not draw.io's encoding: ignore the chunk.
      }
    }
  }
  return ok(out);
}

/** The SVG with the payload in its metadata, right after the root tag. */
export function svgWithPayload(svg: string, payload: string): string {
  const root = /<svg\b[^>]*>/.exec(svg);
  if (!root) return svg;
  const at = root.index + root[0].length;
  const metadata = `\n<metadata><${SVG_ELEMENT} xmlns:mlsd="${SVG_NS}" type="${EMBED_KEY}">${payload}</${SVG_ELEMENT}></metadata>`;
  return svg.slice(0, at) + metadata + svg.slice(at);
}

/** What an SVG carries: our payload, a draw.io diagram (draw.io's editable SVG keeps it in `content`), or neither. */
export function readSvgText(svg: string): Result<{ payload?: string; drawio?: string }, string> {
  const parsed = parseXml(svg);
  if (!parsed.ok) return err(`it is not a readable SVG file (${parsed.error})`);
  const root = parsed.value;
  if (root.name !== 'svg' && !root.name.endsWith(':svg')) return err(`it is not an SVG image (its root element is <${root.name}>)`);
  const out: { payload?: string; drawio?: string } = {};
  const holder = findPayloadElement(root);
  if (holder) out.payload = holder.text.trim();
  const content = root.attrs.get('content');
  if (content && /^\s*<(mxfile|mxGraphModel)[\s>]/.test(content)) out.drawio = content;
  return ok(out);
}

function findPayloadElement(root: XmlElement): XmlElement | undefined {
  const metadata = findElement(root, 'metadata');
  if (!metadata) return undefined;
  const queue = [metadata];
  for (let k = 0; k < queue.length; k++) {
    const el = queue[k];
    if (el.name === SVG_ELEMENT || el.attrs.get('type') === EMBED_KEY) return el;
    for (const c of el.children) queue.push(c);
  }
  return undefined;
}
