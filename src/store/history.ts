import type { Diagram } from '../domain/diagram';

/**
 * One undo step: a whole-diagram snapshot and the design it belongs to. Opening a file starts a
 * new design as one undo step, so the design id travels with the history: undoing the open brings
 * back the previous design's id and content together, and autosave never writes one design's
 * content under another's id.
 */
export interface Snapshot {
  diagram: Diagram;
  design: string;
}

/** Undo history of whole-diagram snapshots. Snapshots share structure, so each step is cheap. */
export interface History {
  past: Snapshot[];
  future: Snapshot[];
  /** Key and time of the last recorded step, so a burst of edits to one field is one step. */
  lastKey?: string;
  lastAt?: number;
}

export const HISTORY_LIMIT = 200;
export const COALESCE_MS = 1000;

export const emptyHistory = (): History => ({ past: [], future: [] });

/** Records `before` as an undo step, unless it continues a burst of edits with the same key. */
export function record(h: History, before: Snapshot, key: string | undefined, now: number): History {
  if (key && h.lastKey === key && h.lastAt !== undefined && now - h.lastAt < COALESCE_MS) {
    return { ...h, future: [], lastAt: now };
  }
  const past = h.past.length >= HISTORY_LIMIT ? h.past.slice(h.past.length - HISTORY_LIMIT + 1) : h.past.slice();
  past.push(before);
  return { past, future: [], lastKey: key, lastAt: now };
}

/** Steps back: returns the snapshot to show and the new history, or null when there is nothing to undo. */
export function undo(h: History, current: Snapshot): { snapshot: Snapshot; history: History } | null {
  if (!h.past.length) return null;
  const past = h.past.slice();
  const snapshot = past.pop()!;
  return { snapshot, history: { past, future: [current, ...h.future] } };
}

/** Steps forward again after an undo. */
export function redo(h: History, current: Snapshot): { snapshot: Snapshot; history: History } | null {
  if (!h.future.length) return null;
  const [snapshot, ...future] = h.future;
  return { snapshot, history: { past: [...h.past, current], future } };
}

/** Drops every step of a design (deleted, renamed or replaced elsewhere), so undo can never bring back stale content of it. */
export function forget(h: History, design: string): History {
  const keep = (s: Snapshot) => s.design !== design;
  if (h.past.every(keep) && h.future.every(keep)) return h;
  return { past: h.past.filter(keep), future: h.future.filter(keep) };
}

/** Moves every step of design `from` to design `to` (the open diagram continues as a copy). */
export function rebase(h: History, from: string, to: string): History {
  const move = (s: Snapshot) => (s.design === from ? { ...s, design: to } : s);
  return { ...h, past: h.past.map(move), future: h.future.map(move) };
}
