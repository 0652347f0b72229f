import type { Diagram } from '../domain/diagram';
import { formatError, type FormatError } from '../domain/format/errors';
import { MAX_FILE_BYTES, parseDiagram } from '../domain/format/parse';
import { toFileObject } from '../domain/format/serialize';
import { err, type Result } from '../domain/result';

/**
 * Share links carry the whole diagram in the URL hash: `#d=v1.<base64url(deflate-raw(JSON))>`.
 * The hash never reaches a server. Works in browsers and in Node 20 (CompressionStream).
 */

/** The version prefix of the payload in the hash; a future encoding gets `v2.`. */
export const SHARE_PREFIX = 'v1.';
/** Links longer than this may be cut by chat apps, mail clients and some browsers. */
export const LONG_LINK_CHARS = 8000;

const HASH_KEY = 'd';
const BROKEN = 'This share link is broken or incomplete';

/** The URL hash that carries the diagram: `#d=v1.` then the compressed JSON in base64url. */
export async function encodeShareHash(d: Diagram): Promise<string> {
  return `#${HASH_KEY}=${await encodeDiagramPayload(d)}`;
}

/** The diagram as a share link carries it, `v1.` then base64url(deflate-raw(JSON)): also what PNG and SVG exports embed. */
export async function encodeDiagramPayload(d: Diagram): Promise<string> {
  const json = JSON.stringify(toFileObject(d));
  const compressed = await pipeBytes(new TextEncoder().encode(json), new CompressionStream('deflate-raw'));
  return `${SHARE_PREFIX}${toBase64Url(compressed)}`;
}

/**
 * The diagram in a payload made by encodeDiagramPayload, or a clear error that starts with
 * `broken` ("The diagram inside this PNG is damaged"). Never throws.
 */
export async function decodeDiagramPayload(payload: string, brokenWhat: string): Promise<Result<Diagram, FormatError>> {
  try {
    return await decodePayload(payload, (why) => err(formatError('', `${brokenWhat}: ${why}.`)));
  } catch (e) {
    return err(formatError('', `${brokenWhat}: it could not be read (${e instanceof Error ? e.message : String(e)}).`));
  }
}

/** The diagram a share hash carries, or a clear error for a broken link. Never throws. */
export async function decodeShareHash(hash: string): Promise<Result<Diagram, FormatError>> {
  try {
    return await decode(hash);
  } catch (e) {
    return broken(`it could not be read (${e instanceof Error ? e.message : String(e)})`);
  }
}

/** True when a share URL is long enough that some apps may truncate it. */
export function isLongLink(url: string): boolean {
  return url.length > LONG_LINK_CHARS;
}

function broken(why: string): Result<never, FormatError> {
  return err(formatError('', `${BROKEN}: ${why}.`));
}

async function decode(hash: string): Promise<Result<Diagram, FormatError>> {
  if (typeof hash !== 'string') return broken('it carries no diagram');
  const payload = hashParam(hash);
  if (payload === undefined || payload === '') return broken('it carries no diagram');
  return decodePayload(payload, broken);
}

async function decodePayload(payload: string, broken: (why: string) => Result<never, FormatError>): Promise<Result<Diagram, FormatError>> {
  if (!payload.startsWith(SHARE_PREFIX)) {
    const version = /^v(\d+)\./.exec(payload);
    if (version && Number(version[1]) > 1) {
      return broken(`it was made by a newer mlsd-canvas (link version ${version[1]}); update to open it`);
    }
    return broken(`it does not start with "${SHARE_PREFIX}"`);
  }
  const bytes = fromBase64Url(payload.slice(SHARE_PREFIX.length));
  if (!bytes) return broken('its data is not valid base64url (was it cut or edited?)');
  if (bytes.length === 0) return broken('its data is empty');

  let inflated: Uint8Array | 'too-big';
  try {
    inflated = await pipeBytes(bytes, new DecompressionStream('deflate-raw'), MAX_FILE_BYTES);
  } catch {
    return broken('its data could not be decompressed (the link may have been cut short)');
  }
  if (inflated === 'too-big') return broken(`the diagram inside is larger than ${MAX_FILE_BYTES / (1024 * 1024)} MB`);

  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(inflated);
  } catch {
    return broken('its data is not text');
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return broken('its data is not a diagram (not JSON)');
  }
  const parsed = parseDiagram(value);
  if (!parsed.ok) return broken(`the diagram inside is not valid (${parsed.error.message})`);
  return parsed;
}

/** The value of `d=` in a hash like `#d=...` or `#x=1&d=...` (the `#` optional; a whole URL works too). */
function hashParam(hash: string): string | undefined {
  const at = hash.indexOf('#');
  const body = at === -1 ? hash : hash.slice(at + 1);
  for (const part of body.split('&')) {
    const eq = part.indexOf('=');
    if (eq !== -1 && part.slice(0, eq) === HASH_KEY) return part.slice(eq + 1);
  }
  return undefined;
}

/** Runs bytes through a transform stream; with a limit, stops and answers 'too-big' once the output passes it. */
async function pipeBytes(input: Uint8Array<ArrayBuffer>, transform: CompressionStream | DecompressionStream): Promise<Uint8Array>;
async function pipeBytes(
  input: Uint8Array<ArrayBuffer>,
  transform: CompressionStream | DecompressionStream,
  limit: number,
): Promise<Uint8Array | 'too-big'>;
async function pipeBytes(
  input: Uint8Array<ArrayBuffer>,
  transform: CompressionStream | DecompressionStream,
  limit = Infinity,
): Promise<Uint8Array | 'too-big'> {
  const writer = transform.writable.getWriter();
  // Write and close without awaiting: the reader below drives the stream; errors surface on read.
  writer.write(input).catch(() => {});
  writer.close().catch(() => {});
  const reader = transform.readable.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.length;
    if (total > limit) {
      await reader.cancel().catch(() => {});
      return 'too-big';
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const DECODE = (() => {
  const table = new Int16Array(128).fill(-1);
  for (let i = 0; i < ALPHABET.length; i++) table[ALPHABET.charCodeAt(i)] = i;
  return table;
})();

/** Bytes as base64url without padding (RFC 4648 section 5). */
export function toBase64Url(bytes: Uint8Array): string {
  const parts: string[] = [];
  let line = '';
  let i = 0;
  for (; i + 2 < bytes.length; i += 3) {
    const n = (bytes[i] << 16) | (bytes[i + 1] << 8) | bytes[i + 2];
    line += ALPHABET[n >> 18] + ALPHABET[(n >> 12) & 63] + ALPHABET[(n >> 6) & 63] + ALPHABET[n & 63];
    if (line.length >= 8192) {
      parts.push(line);
      line = '';
    }
  }
  const rest = bytes.length - i;
  if (rest === 1) {
    const n = bytes[i] << 16;
    line += ALPHABET[n >> 18] + ALPHABET[(n >> 12) & 63];
  } else if (rest === 2) {
    const n = (bytes[i] << 16) | (bytes[i + 1] << 8);
    line += ALPHABET[n >> 18] + ALPHABET[(n >> 12) & 63] + ALPHABET[(n >> 6) & 63];
  }
  parts.push(line);
  return parts.join('');
}

/** The bytes of a base64url string without padding, or null when it is not valid base64url. */
export function fromBase64Url(text: string): Uint8Array<ArrayBuffer> | null {
  const len = text.length;
  if (len % 4 === 1) return null;
  const out = new Uint8Array(Math.floor((len * 3) / 4));
  let o = 0;
  let buffer = 0;
  let bits = 0;
  for (let i = 0; i < len; i++) {
    const c = text.charCodeAt(i);
    const v = c < 128 ? DECODE[c] : -1;
    if (v < 0) return null;
    buffer = ((buffer << 6) | v) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[o++] = (buffer >> bits) & 0xff;
    }
  }
  return out;
}
