import { cleanText } from './text';

/** Name used when the diagram has no title (or none that survives sanitising). */
export const UNTITLED_FILE_NAME = 'Untitled design';

const MAX_STEM = 100;
// Reserved device names on Windows: "CON.png" cannot be saved there.
const RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])$/i;

/**
 * A safe download file name from a diagram title ("Fraud detection" -> "Fraud detection.png"):
 * runs of characters that no file system accepts become one "-", whitespace runs one space, no leading or
 * trailing dots, dashes or spaces, at most 100 characters before the extension.
 */
export function exportFileName(title: string | undefined, extension: string): string {
  let stem = cleanText(title ?? '')
    .replace(/[\\/:*?"<>|]+/g, '-')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[.\s-]+|[.\s-]+$/g, '');
  const chars = Array.from(stem);
  if (chars.length > MAX_STEM) stem = chars.slice(0, MAX_STEM).join('').replace(/[.\s-]+$/, '');
  if (!stem) stem = UNTITLED_FILE_NAME;
  if (RESERVED.test(stem)) stem = `${stem}-diagram`;
  const ext = extension.startsWith('.') ? extension : `.${extension}`;
  return stem + ext;
}
