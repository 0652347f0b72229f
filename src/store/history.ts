import type { Diagram } from '../domain/diagram';

/** Undo history of whole-diagram snapshots. Snapshots share structure, so each step is cheap. */
export interface History {
  past: Diagram[];
  future: Diagram[];
  /** Key and time of the last recorded step, so a burst of edits to one field is one step. */
  lastKey?: string;
  lastAt?: number;
}

export const HISTORY_LIMIT = 200;
export const COALESCE_MS = 1000;

export const emptyHistory = (): History => ({ past: [], future: [] });

/** Records `before` as an undo step, unless it continues a burst of edits with the same key. */
export function record(h: History, before: Diagram, key: string | undefined, now: number): History {
  if (key && h.lastKey === key && h.lastAt !== undefined && now - h.lastAt < COALESCE_MS) {
    return { ...h, future: [], lastAt: now };
  }
  const past = h.past.length >= HISTORY_LIMIT ? h.past.slice(h.past.length - HISTORY_LIMIT + 1) : h.past.slice();
  past.push(before);
  return { past, future: [], lastKey: key, lastAt: now };
}

/** Steps back: returns the diagram to show and the new history, or null when there is nothing to undo. */
export function undo(h: History, current: Diagram): { diagram: Diagram; history: History } | null {
  if (!h.past.length) return null;
  const past = h.past.slice();
  const diagram = past.pop()!;
  return { diagram, history: { past, future: [current, ...h.future] } };
}

/** Steps forward again after an undo. */
export function redo(h: History, current: Diagram): { diagram: Diagram; history: History } | null {
  if (!h.future.length) return null;
  const [diagram, ...future] = h.future;
  return { diagram, history: { past: [...h.past, current], future } };
}
