import { PROBLEM_IDS, nodeLabel, type Diagram, type DiagramNode } from '../domain/diagram';
import { clampCoord, MAX_COORD, MAX_EDGES, MAX_FILE_BYTES, MAX_FILE_SIZE_TEXT, MAX_NODES } from '../domain/format/limits';
import { parseDiagram, parseDiagramText } from '../domain/format/parse';
import { DEFAULT_TITLE } from '../domain/format/schema';
import { fileByteLength, toFileObject } from '../domain/format/serialize';
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

/** A stored design as read: its diagram, the revision its listing has (0: none, -1: unreadable), and what had to be repaired. */
export interface StoredDesign {
  diagram: Diagram;
  /** The listing record: the stored one, or one rebuilt from the diagram when it was missing or damaged. */
  meta: DesignMeta;
  /** Revision of the stored listing record: the one a write must expect (0: missing, -1: damaged). */
  rev: number;
  /** What was repaired, in words ("its listing record was rebuilt"); empty when the design was read as stored. */
  repairs: string[];
  /** True when the stored data itself was changed by a repair (beyond the file limits): keep the original aside. */
  dataRepaired: boolean;
}

/**
 * Reads a stored design through the file parser. Stored data is ours, not a foreign file: a design
 * an older version stored beyond the file limits (coordinates, counts, size) is repaired, and a
 * missing or damaged listing record is rebuilt from intact data; both say what was repaired. Data
 * that cannot be read at all (corrupt, or from a newer app) is an error, to be kept aside.
 */
export function readStoredDesign(id: string, meta: unknown, data: unknown, now = Date.now()): Result<StoredDesign, string> {
  if (typeof data !== 'object' || data === null || typeof (data as DesignData).text !== 'string') {
    return err(isDesignMeta(meta) ? 'its diagram data is missing' : 'its listing record is damaged and its diagram data is missing');
  }
  const read = readStoredText((data as DesignData).text);
  if (!read.ok) return read;
  const { diagram, repairs } = read.value;
  const rev = meta === undefined ? 0 : isDesignMeta(meta) ? meta.rev : -1;
  if (isDesignMeta(meta)) {
    return ok({ diagram, meta, rev, repairs, dataRepaired: repairs.length > 0 });
  }
  return ok({
    diagram,
    meta: designMeta(id, diagram, 0, now),
    rev,
    repairs: [...repairs, `its listing record was ${meta === undefined ? 'missing' : 'damaged'} and was rebuilt from its data`],
    dataRepaired: repairs.length > 0,
  });
}

/**
 * The diagram of a stored text, repaired to the file limits when it was stored beyond them (by an
 * older version): coordinates held within ±MAX_COORD, lists cut to the counts (with the connections
 * and zones that pointed at what was cut), the longest texts shortened to the size. Text that is
 * not a diagram at all stays an error.
 */
export function readStoredText(text: string): Result<{ diagram: Diagram; repairs: string[] }, string> {
  const first = parseDiagramText(text);
  if (first.ok) return ok({ diagram: first.value, repairs: [] });
  let raw: unknown;
  try {
    raw = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch {
    return err(first.error.message);
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return err(first.error.message);
  const file = raw as Record<string, unknown>;
  const repairs: string[] = [];
  if (Array.isArray(file.nodes)) {
    let nodes = file.nodes as unknown[];
    if (nodes.length > MAX_NODES) {
      repairs.push(`only its first ${MAX_NODES.toLocaleString('en-US')} of ${nodes.length.toLocaleString('en-US')} nodes were kept`);
      nodes = nodes.slice(0, MAX_NODES);
    }
    let moved = 0;
    const ids = new Set<unknown>();
    for (const n of nodes) {
      if (typeof n !== 'object' || n === null) continue;
      const node = n as Record<string, unknown>;
      ids.add(node.id);
      const pos = node.position as Record<string, unknown> | undefined;
      if (typeof pos !== 'object' || pos === null) continue;
      for (const k of ['x', 'y']) {
        const v = pos[k];
        if (typeof v === 'number' && Number.isFinite(v) && Math.abs(v) > MAX_COORD) {
          pos[k] = clampCoord(v);
          moved++;
        }
      }
    }
    if (moved) repairs.push(`${moved === 1 ? 'a coordinate beyond' : `${moved} coordinates beyond`} ±${MAX_COORD.toLocaleString('en-US')} ${moved === 1 ? 'was' : 'were'} brought to that edge`);
    for (const n of nodes) {
      const node = n as Record<string, unknown> | null;
      if (node && typeof node === 'object' && node.parent !== undefined && !ids.has(node.parent)) delete node.parent;
    }
    file.nodes = nodes;
    if (Array.isArray(file.edges)) {
      let edges = (file.edges as unknown[]).filter((e) => {
        const edge = e as Record<string, unknown> | null;
        return !edge || typeof edge !== 'object' || (ids.has(edge.source) && ids.has(edge.target));
      });
      if (edges.length > MAX_EDGES) {
        repairs.push(`only its first ${MAX_EDGES.toLocaleString('en-US')} of ${edges.length.toLocaleString('en-US')} connections were kept`);
        edges = edges.slice(0, MAX_EDGES);
      } else if (edges.length < (file.edges as unknown[]).length) {
        repairs.push('connections to the nodes that were not kept were dropped');
      }
      file.edges = edges;
    }
  }
  const parsed = parseDiagram(file);
  if (!parsed.ok) return err(first.error.message);
  const diagram = shortenToFit(parsed.value, repairs);
  return ok({ diagram, repairs });
}

/** The diagram with its longest texts shortened until its file fits MAX_FILE_BYTES (each shortening noted). */
function shortenToFit(d: Diagram, repairs: string[]): Diagram {
  let out = d;
  for (let round = 0; round < 50 && fileByteLength(out) > MAX_FILE_BYTES; round++) {
    // The longest text of the design, wherever it is.
    let best: { len: number; where: string; cut: (keep: number) => Diagram } | null = null;
    const offer = (value: unknown, where: string, cut: (keep: number) => Diagram) => {
      if (typeof value === 'string' && (!best || value.length > best.len)) best = { len: value.length, where, cut };
    };
    const cur = out;
    const short = (text: string, keep: number) => `${text.slice(0, keep)}…`;
    offer(cur.title, 'the title', (k) => ({ ...cur, title: short(cur.title, k) }));
    if (cur.brief !== undefined) offer(cur.brief, 'the brief', (k) => ({ ...cur, brief: short(cur.brief!, k) }));
    cur.nodes.forEach((n, i) => {
      const name = `“${nodeLabel(n).slice(0, 40)}”`;
      const replace = (node: DiagramNode) => ({ ...cur, nodes: cur.nodes.map((m, j) => (j === i ? node : m)) });
      if (n.label !== undefined) offer(n.label, `the name of ${name}`, (k) => replace({ ...n, label: short(n.label!, k) }));
      for (const [key, v] of Object.entries(n.props)) {
        if (typeof v === 'string') offer(v, `the ${key} of ${name}`, (k) => replace({ ...n, props: { ...n.props, [key]: short(v, k) } }));
      }
    });
    cur.edges.forEach((e, i) => {
      if (e.label !== undefined) offer(e.label, 'a connection label', (k) => ({ ...cur, edges: cur.edges.map((f, j) => (j === i ? { ...e, label: short(e.label!, k) } : f)) }));
    });
    const found = best as { len: number; where: string; cut: (keep: number) => Diagram } | null;
    if (!found || found.len < 2) break;
    const excess = fileByteLength(out) - MAX_FILE_BYTES;
    // Up to 3 bytes a character, and the ellipsis: cut enough in one go, never everything.
    const keep = Math.max(0, Math.min(found.len - 1, found.len - Math.ceil(excess / 1) - 16));
    out = found.cut(keep);
    repairs.push(`${found.where} was cut to ${keep.toLocaleString('en-US')} characters to fit the ${MAX_FILE_SIZE_TEXT} of a design file`);
  }
  return out;
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

/**
 * A journal entry (changes a closing tab put aside) made safe to settle: its text read through the
 * parser and written again with a listing record built from it, or why it cannot be used. An entry
 * whose text is damaged must never replace a stored design.
 */
export function checkJournalEntry(entry: unknown): Result<{ key: string; id: string; base: number; meta: Omit<DesignMeta, 'rev'>; text: string }, string> {
  if (typeof entry !== 'object' || entry === null) return err('the entry is not a record');
  const e = entry as Record<string, unknown>;
  if (typeof e.key !== 'string' || typeof e.id !== 'string' || !Number.isInteger(e.base) || (e.base as number) < 0) return err('the entry is damaged');
  if (typeof e.text !== 'string') return err('its diagram text is missing');
  const parsed = parseDiagramText(e.text);
  if (!parsed.ok) return err(parsed.error.message);
  const at = typeof e.meta === 'object' && e.meta !== null && Number.isFinite((e.meta as DesignMeta).updatedAt) ? (e.meta as DesignMeta).updatedAt : Date.now();
  const { rev: _rev, ...meta } = designMeta(e.id, parsed.value, 0, at);
  return ok({ key: e.key, id: e.id, base: e.base as number, meta, text: designText(parsed.value) });
}
