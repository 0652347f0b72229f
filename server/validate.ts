import * as decoding from 'lib0/decoding';
import * as Y from 'yjs';
import {
  MAX_EDGES,
  MAX_TEXT,
  PRIVATE_ROOTS,
  ROOM_ROOTS,
  readClock,
  readEdgeEntry,
  readMeta,
  readNodeEntry,
  readSuppressions,
  roots,
} from '../src/collab/docModel';
import { MAX_NODES } from '../src/domain/format/parse';
import { STAGES } from '../src/domain/stages';

/** Largest awareness message a peer may send (a cursor, a selection and a drag frame fit in far less). */
export const MAX_AWARENESS_BYTES = 64 * 1024;

/**
 * Checks what writers send before the server applies it: each update is first applied to a shadow
 * copy of the document, and the entries it touched are read as the clients read them (the file
 * parser, entry by entry: src/collab/docModel.ts). An update that would put in an entry a file could
 * not hold, a root type the model does not have, or more nodes or edges than the format allows is
 * refused: it never reaches the document, the other peers or the SQLite file. The shadow follows the
 * real document (updates from Redis included) and is rebuilt after a refusal.
 */
export class WriteGuard {
  private shadow: Y.Doc;
  private touched = { nodes: new Set<string>(), edges: new Set<string>(), meta: false, suppressions: false, interview: false, private: new Set<string>() };
  private readonly follow = (update: Uint8Array) => Y.applyUpdate(this.shadow, update);

  constructor(
    private readonly doc: Y.Doc,
    private readonly isPrivate: boolean,
  ) {
    this.shadow = this.makeShadow();
    doc.on('update', this.follow);
  }

  destroy(): void {
    this.doc.off('update', this.follow);
    this.shadow.destroy();
  }

  private makeShadow(): Y.Doc {
    const shadow = new Y.Doc();
    Y.applyUpdate(shadow, Y.encodeStateAsUpdate(this.doc));
    const t = this.touched;
    if (this.isPrivate) {
      shadow.getMap('private').observe((ev) => ev.keysChanged.forEach((k) => t.private.add(k)));
    } else {
      const r = roots(shadow);
      const mark = (set: Set<string>) => (events: Y.YEvent<Y.AbstractType<unknown>>[]) => {
        for (const ev of events) {
          if (ev.path.length) set.add(String(ev.path[0]));
          else for (const k of ev.keys.keys()) set.add(k);
        }
      };
      r.nodes.observeDeep(mark(t.nodes));
      r.edges.observeDeep(mark(t.edges));
      r.meta.observeDeep(() => (t.meta = true));
      r.suppressions.observeDeep(() => (t.suppressions = true));
      r.interview.observeDeep(() => (t.interview = true));
      r.rubric.observeDeep(() => (t.interview = true));
    }
    return shadow;
  }

  private reset() {
    const t = this.touched;
    t.nodes.clear();
    t.edges.clear();
    t.private.clear();
    t.meta = t.suppressions = t.interview = false;
  }

  /** Null when the update may be applied, else why not (as `path: problem`). */
  check(update: Uint8Array): string | null {
    this.reset();
    let problem: string | null;
    try {
      Y.applyUpdate(this.shadow, update);
      problem = this.isPrivate ? this.checkPrivate() : this.checkRoom();
    } catch (e) {
      problem = `the update could not be read (${e instanceof Error ? e.message : String(e)})`;
    }
    if (problem) {
      this.shadow.destroy();
      this.shadow = this.makeShadow();
    }
    this.reset();
    return problem;
  }

  private checkRoots(allowed: readonly string[]): string | null {
    for (const name of this.shadow.share.keys()) if (!allowed.includes(name)) return `unknown part "${name.slice(0, 40)}" of the document`;
    return null;
  }

  private checkRoom(): string | null {
    const bad = this.checkRoots(ROOM_ROOTS);
    if (bad) return bad;
    const r = roots(this.shadow);
    if (r.nodes.size > MAX_NODES) return `nodes: more than ${MAX_NODES.toLocaleString('en-US')} nodes`;
    if (r.edges.size > MAX_EDGES) return `edges: more than ${MAX_EDGES.toLocaleString('en-US')} edges`;
    for (const id of this.touched.nodes) {
      const m = r.nodes.get(id);
      if (m === undefined) continue;
      const e = readNodeEntry(id, m);
      if (!e.ok) return e.message;
    }
    for (const id of this.touched.edges) {
      const m = r.edges.get(id);
      if (m === undefined) continue;
      const e = readEdgeEntry(id, m);
      if (!e.ok) return e.message;
    }
    if (this.touched.meta) {
      for (const key of r.meta.keys()) if (!['title', 'problem', 'brief'].includes(key)) return `meta: unknown field "${key.slice(0, 40)}"`;
      const m = readMeta(r.meta);
      if (m.refused.length) return m.refused[0].message;
    }
    if (this.touched.suppressions) {
      if (r.suppressions.length > 10_000) return 'suppressions: too many';
      const s = readSuppressions(r.suppressions);
      if (s.refused.length) return s.refused[0].message;
    }
    if (this.touched.interview) {
      for (const [key, v] of r.interview.entries()) {
        if (key === 'clock') {
          if (!readClock(v)) return 'interview.clock: not a timer';
        } else if (key === 'ended') {
          if (typeof v !== 'boolean') return 'interview.ended: must be true or false';
        } else if (key === 'templateId') {
          if (v !== null && (typeof v !== 'string' || v.length > 200)) return 'interview.templateId: must be a template id';
        } else return `interview: unknown field "${key.slice(0, 40)}"`;
      }
      for (const [key, v] of r.rubric.entries()) {
        if (!['scores', 'notes', 'sharedAt'].includes(key)) return `rubric: unknown field "${key.slice(0, 40)}"`;
        if (v instanceof Y.AbstractType || JSON.stringify(v ?? null).length > MAX_TEXT * STAGES.length) return `rubric.${key}: not a rubric value`;
      }
    }
    return null;
  }

  private checkPrivate(): string | null {
    const bad = this.checkRoots(PRIVATE_ROOTS);
    if (bad) return bad;
    const m = this.shadow.getMap('private');
    for (const key of this.touched.private) {
      if (!m.has(key)) continue;
      const v = m.get(key);
      const note = /^note:([0-6])$/.exec(key);
      const score = /^score:([0-6])$/.exec(key);
      if (note) {
        if (typeof v !== 'string' || v.length > MAX_TEXT) return `${key}: must be text up to ${MAX_TEXT.toLocaleString('en-US')} characters`;
      } else if (score) {
        if (v !== null && (typeof v !== 'number' || !Number.isInteger(v) || v < 1 || v > 4)) return `${key}: must be a score from 1 to 4`;
      } else if (key === 'templateId') {
        if (v !== null && (typeof v !== 'string' || v.length > 200)) return 'templateId: must be a template id';
      } else return `unknown field "${key.slice(0, 40)}"`;
    }
    return null;
  }
}

/** What a client message carries: a document update (to check), an awareness update (size only), or something else. */
export function readMessage(data: Uint8Array): { kind: 'update'; update: Uint8Array } | { kind: 'awareness'; bytes: number } | { kind: 'other' } {
  const d = decoding.createDecoder(data);
  decoding.readVarString(d); // document name
  const type = decoding.readVarUint(d);
  if (type === 0 || type === 4) {
    const step = decoding.readVarUint(d);
    if (step === 1 || step === 2) return { kind: 'update', update: decoding.readVarUint8Array(d) };
    return { kind: 'other' };
  }
  if (type === 1) return { kind: 'awareness', bytes: data.byteLength };
  return { kind: 'other' };
}
