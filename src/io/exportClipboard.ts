/**
 * Writing exports (a PNG, Mermaid text) to the system clipboard. Callers pass promises and call these functions synchronously
 * inside the user's click or key press: Safari accepts a clipboard write only within that
 * gesture, and a ClipboardItem whose value is a Promise<Blob> lets the content arrive later.
 */

/** Why the browser cannot put `type` on the clipboard, or null when it can. */
export function clipboardProblem(type: string): string | null {
  const what = type === 'image/png' ? 'images' : 'text';
  if (typeof window !== 'undefined' && window.isSecureContext === false) return `The browser allows copying ${what} only on a secure (https) page.`;
  const clipboard = typeof navigator !== 'undefined' ? navigator.clipboard : undefined;
  const canWriteItems = !!clipboard?.write && typeof ClipboardItem !== 'undefined';
  if (type === 'text/plain' && !canWriteItems && clipboard?.writeText) return null;
  if (!canWriteItems) return `This browser cannot put ${what} on the clipboard.`;
  if (typeof ClipboardItem.supports === 'function' && !ClipboardItem.supports(type)) return `This browser cannot put ${what} on the clipboard.`;
  return null;
}

/** Puts a blob of `type` on the clipboard once `data` resolves; the write starts now. */
export function writeClipboard(type: string, data: Promise<Blob>): Promise<void> {
  if (typeof ClipboardItem === 'undefined' || !navigator.clipboard?.write) {
    if (type !== 'text/plain' || !navigator.clipboard?.writeText) return Promise.reject(new Error(clipboardProblem(type) ?? 'The clipboard is not available.'));
    return data.then((b) => b.text()).then((t) => navigator.clipboard.writeText(t));
  }
  try {
    return navigator.clipboard.write([new ClipboardItem({ [type]: data })]);
  } catch (e) {
    return Promise.reject(e);
  }
}
