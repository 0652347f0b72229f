import { PROBLEM_IDS, type Diagram } from '../domain/diagram';
import { parseDiagramText } from '../domain/format/parse';
import { DEFAULT_TITLE } from '../domain/format/schema';
import { toFileObject } from '../domain/format/serialize';
import { err, ok, type Result } from '../domain/result';
import type { DesignSummary } from '../store/filesSlice';

/**
 * The records My designs keeps in IndexedDB, and the decisions about them that need no browser:
 * what a record says, whether stored data can be read or must be kept aside, what to do when
 * another tab saved the open design. src/io/designDb.ts does the IndexedDB calls.
 */

/** The listing part of a stored design (small: My designs reads all of them). */
export interface DesignMeta extends DesignSummary {
  /** Counts the writes of this design, across tabs: a write that expects another revision is refused. */
  rev: number;
}

/** The diagram of a stored design: the file format's JSON text, as a saved file would hold it. */
export interface DesignData {
  id: string;
  text: string;
}

/** Stored data that could not be read, kept aside under its own key instead of being overwritten. */
export interface BackupRecord {
  key: string;
  id: string;
  title: string;
  reason: string;
  at: number;
  /** The stored records exactly as they were found. */
  meta: unknown;
  data: unknown;
}

const PROBLEMS: ReadonlySet<string> = new Set(PROBLEM_IDS);

/** The number of components in a diagram (zones and notes are not components). */
export function componentCount(d: Diagram): number {
  let n = 0;
  for (const node of d.nodes) if (node.kind !== 'group' && node.kind !== 'note') n++;
  return n;
}

/** The listing record of a diagram about to be stored with revision `rev`. */
export function designMeta(id: string, d: Diagram, rev: number, updatedAt: number): DesignMeta {
  return { id, title: d.title, problem: d.problem, componentCount: componentCount(d), updatedAt, rev };
}

/** The stored text of a diagram: the file format without indentation. */
export function designText(d: Diagram): string {
  return JSON.stringify(toFileObject(d));
}

/** True for a diagram with nothing in it yet: such a design is not stored until the user adds something. */
export function isBlankDiagram(d: Diagram): boolean {
  return (
    d.nodes.length === 0 &&
    d.edges.length === 0 &&
    d.suppressions.length === 0 &&
    !d.brief &&
    d.problem === 'generic' &&
    d.title === DEFAULT_TITLE
  );
}

/** True when a stored listing record has every field My designs needs. */
export function isDesignMeta(v: unknown): v is DesignMeta {
  if (typeof v !== 'object' || v === null) return false;
  const m = v as Record<string, unknown>;
  return (
    typeof m.id === 'string' &&
    typeof m.title === 'string' &&
    typeof m.problem === 'string' &&
    PROBLEMS.has(m.problem) &&
    Number.isInteger(m.componentCount) &&
    Number.isFinite(m.updatedAt) &&
    Number.isInteger(m.rev) &&
    (m.rev as number) > 0
  );
}

/**
 * Reads a stored design through the file parser: its diagram and revision, or why it cannot be
 * read (corrupt, or made by a newer mlsd-canvas). Such data is kept aside, never overwritten.
 */
export function readStoredDesign(meta: unknown, data: unknown): Result<{ diagram: Diagram; meta: DesignMeta }, string> {
  if (!isDesignMeta(meta)) return err('its listing record is damaged');
  if (typeof data !== 'object' || data === null || typeof (data as DesignData).text !== 'string') {
    return err('its diagram data is missing');
  }
  const parsed = parseDiagramText((data as DesignData).text);
  if (!parsed.ok) return err(parsed.error.message);
  return ok({ diagram: parsed.value, meta });
}

/** The key a kept-aside record is stored under: the design id and when it was set aside. */
export function backupKey(id: string, at: number): string {
  return `${id}@${new Date(at).toISOString()}`;
}

/** The title of a kept-aside record, for the list: the stored title when one can be read. */
export function backupTitle(meta: unknown, id: string): string {
  const title = typeof meta === 'object' && meta !== null ? (meta as { title?: unknown }).title : undefined;
  return typeof title === 'string' && title.trim() ? title : `Design ${id}`;
}

/** "Title (copy)", or "(copy 2)" and so on when that title is taken. */
export function copyTitle(title: string, taken: readonly string[]): string {
  const base = title.replace(/ \(copy(?: \d+)?\)$/, '');
  const used = new Set(taken);
  if (!used.has(`${base} (copy)`)) return `${base} (copy)`;
  for (let n = 2; ; n++) if (!used.has(`${base} (copy ${n})`)) return `${base} (copy ${n})`;
}

/** What a tab does when another tab saved a design: nothing, take their version, or ask the user. */
export type RemoteSaveAction = 'ignore' | 'reload' | 'conflict';

/**
 * Decides on another tab's save of design `id`. A tab never overwrites that save blindly: with no
 * unsaved change it shows their version; with one, it asks (reload theirs, or keep mine as a copy).
 */
export function onRemoteSave(input: { isOpen: boolean; unsaved: boolean; knownRev: number; remoteRev: number }): RemoteSaveAction {
  if (!input.isOpen || input.remoteRev <= input.knownRev) return 'ignore';
  return input.unsaved ? 'conflict' : 'reload';
}

/** True for a storage failure caused by a full quota (thrown directly, or as the name of an aborted transaction's error). */
export function isQuotaError(e: unknown): boolean {
  if (typeof e !== 'object' || e === null) return false;
  const name = (e as { name?: unknown }).name;
  return name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED';
}

/** What the header says when a save failed, and what the user can do about it (`saveKeys`: the Save shortcut as shown). */
export function saveFailureMessage(e: unknown, saveKeys = 'Ctrl+S'): string {
  if (isQuotaError(e)) {
    return `Browser storage is full. Save a file (${saveKeys}) to keep this design, or delete designs you no longer need in My designs.`;
  }
  const why = typeof e === 'object' && e !== null && 'message' in e ? String((e as Error).message) : String(e);
  return `This browser refused to save (${why || 'unknown error'}). Save a file (${saveKeys}) to keep this design.`;
}

/** A stored design's text saved under a new id with a "(copy)" title, or null when the text cannot be read. */
export function copyRecord(text: string, id: string, now: number): { meta: DesignMeta; text: string } | null {
  const parsed = parseDiagramText(text);
  if (!parsed.ok) return null;
  const d = { ...parsed.value, title: copyTitle(parsed.value.title, []) };
  return { meta: designMeta(id, d, 0, now), text: designText(d) };
}

/** Sorts designs for My designs: most recently changed first, then by title. */
export function sortDesigns<T extends DesignSummary>(designs: readonly T[]): T[] {
  return [...designs].sort((a, b) => b.updatedAt - a.updatedAt || a.title.localeCompare(b.title));
}

/** When a design last changed, as My designs shows it ("just now", "5 min ago", "yesterday", "3 Mar 2025"). */
export function formatWhen(at: number, now: number): string {
  const s = Math.round((now - at) / 1000);
  if (s < 45) return 'just now';
  const min = Math.round(s / 60);
  if (min < 60) return `${min} min ago`;
  const h = Math.round(min / 60);
  const then = new Date(at);
  const today = new Date(now);
  const sameDay = then.toDateString() === today.toDateString();
  if (sameDay) return `${h} h ago`;
  const yesterday = new Date(now);
  yesterday.setDate(yesterday.getDate() - 1);
  if (then.toDateString() === yesterday.toDateString()) return 'yesterday';
  return then.toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'short',
    ...(then.getFullYear() !== today.getFullYear() ? { year: 'numeric' } : {}),
  });
}
