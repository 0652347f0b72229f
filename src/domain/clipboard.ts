import { emptyDiagram } from './diagram';
import { parseDiagram } from './format/parse';
import { toFileObject } from './format/serialize';
import type { Fragment } from './fragment';

export const CLIPBOARD_MARK = 'mlsd-canvas-fragment';

/** Clipboard text of a fragment: a small diagram file, so other apps see readable JSON. */
export function fragmentToText(f: Fragment): string {
  return JSON.stringify({ ...toFileObject({ ...emptyDiagram(CLIPBOARD_MARK), nodes: f.nodes, edges: f.edges }) });
}

/** Reads clipboard text back into a fragment through the file parser; null when it is not one of ours or is invalid. */
export function fragmentFromText(text: string): Fragment | null {
  if (!text.includes(CLIPBOARD_MARK)) return null;
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return null;
  }
  const r = parseDiagram(raw);
  if (!r.ok || r.value.title !== CLIPBOARD_MARK) return null;
  return { nodes: r.value.nodes, edges: r.value.edges };
}

