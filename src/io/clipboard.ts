import { fragmentFromText, fragmentToText } from '../domain/clipboard';
import type { Fragment } from '../domain/fragment';

/** The in-app clipboard: always written on copy, read when the browser refuses the system clipboard. */
let inApp: Fragment | null = null;

/** Copies a fragment to the system clipboard (as JSON text, so another tab can paste it) and to the in-app one. */
export async function writeFragment(f: Fragment): Promise<void> {
  inApp = f;
  try {
    await navigator.clipboard.writeText(fragmentToText(f));
  } catch {
    // Refused (no permission, no focus): the in-app clipboard still works within this tab.
  }
}

/** The fragment to paste: the system clipboard's when it holds one of ours, else the in-app one. */
export async function readFragment(): Promise<Fragment | null> {
  try {
    const text = await navigator.clipboard.readText();
    const f = fragmentFromText(text);
    if (f) return f;
  } catch {
    // Reading refused: fall back to what this tab copied.
  }
  return inApp;
}
