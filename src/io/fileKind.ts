import { looksLikeMermaid } from './mermaidParse';

/**
 * Which files go to the importers (Excalidraw, draw.io, Mermaid, our own PNG and SVG) rather than
 * straight to the file format's parser: told by the name, or by the first bytes. Small, so the
 * file-opening code can decide before it loads the importers.
 */

export { looksLikeMermaid };

/** A file name's last extension, lower case, with its dot ('' for none). */
export const extension = (name: string) => /(\.[^./\\]+)$/.exec(name.toLowerCase())?.[1] ?? '';

/** File name extensions the importers read (besides .json). */
export const IMPORT_EXTENSIONS = ['.excalidraw', '.drawio', '.xml', '.mmd', '.mermaid', '.png', '.svg'] as const;

/** Text of a file: UTF-8 (a byte order mark is dropped), or UTF-16 when it starts with a UTF-16 byte order mark. */
export function decodeText(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  const text = new TextDecoder('utf-8').decode(bytes);
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/**
 * True when a file should go through the importers rather than straight to the file format's
 * parser: by its name, or by its first bytes (a PNG, XML, an Excalidraw file, Mermaid text).
 */
export function needsImporter(name: string, head: Uint8Array): boolean {
  if ((IMPORT_EXTENSIONS as readonly string[]).includes(extension(name))) return true;
  if (head.length >= 4 && head[0] === 0x89 && head[1] === 0x50 && head[2] === 0x4e && head[3] === 0x47) return true;
  const text = decodeText(head).trimStart();
  return text.startsWith('<') || /^\{\s*"type"\s*:\s*"excalidraw/.test(text) || looksLikeMermaid(text);
}

