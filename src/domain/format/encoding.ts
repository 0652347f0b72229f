import { MAX_FILE_BYTES } from './limits';

/**
 * How the bytes of a diagram file become text, the same in the app and the command-line checker:
 * UTF-8 (with or without a byte order mark), or UTF-16 in either byte order when the file starts
 * with its byte order mark (what Windows editors write as "Unicode"). Bytes that are not valid in
 * the encoding become U+FFFD, as a browser reads them; the parser then refuses or keeps the text.
 */

/** The text of a diagram file's bytes (see the top of this file). */
export function decodeDiagramBytes(bytes: Uint8Array): string {
  let encoding = 'utf-8';
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) encoding = 'utf-16le';
  else if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) encoding = 'utf-16be';
  // TextDecoder drops the byte order mark of the encoding it reads.
  return new TextDecoder(encoding).decode(bytes);
}

/**
 * Largest file either reads before decoding: the text limit (MAX_FILE_BYTES of UTF-8, checked by the
 * parser after decoding) as UTF-16, which takes up to twice the bytes.
 */
export const MAX_FILE_READ_BYTES = 2 * MAX_FILE_BYTES;
