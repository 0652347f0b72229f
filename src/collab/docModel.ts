import * as Y from 'yjs';
import type { Diagram, DiagramEdge, DiagramNode, Suppression } from '../domain/diagram';
import { MAX_NODES, parseDiagram } from '../domain/format/parse';
import { FORMAT_ID } from '../domain/format/schema';
import type { PracticeClock } from '../domain/practiceClock';
import { STAGES } from '../domain/stages';

/**
 * The shared document of a room (Yjs), following React Flow's multiplayer guide: the durable diagram
 * of domain.md section 7 lives here, ephemeral state (drag frames, cursors, selections) in awareness.
 *
 * Layout of the document (root types):
 * - `meta` Y.Map: `title`, `problem`, `brief` (strings);
 * - `nodes` Y.Map of id -> Y.Map { kind, label?, at: { x, y, parent? }, props: Y.Map of JSON values }.
 *   Position and parent travel as one value, so two moves of one node at once settle on one of them,
 *   never on one's zone with the other's coordinates; label, props and position are separate keys,
 *   so a rename and a drag at once both survive;
 * - `edges` Y.Map of id -> Y.Map { source, target, kind, label? };
 * - `suppressions` Y.Array of plain suppression objects;
 * - `interview` Y.Map: the shared practice timer (`clock`, `ended`) and the case study (`templateId`);
 * - `rubric` Y.Map: the scored rubric once the interviewer shares it (`scores`, `notes`, `sharedAt`).
 * React Flow's `selected`, `measured` and drag frames are never written.
 *
 * Everything read from the document goes through the file parser (src/domain/format/parse.ts), entry by
 * entry: an entry a peer wrote that a file could not hold (an unknown kind, a coordinate of 1e308, a
 * string over MAX_TEXT) is refused and left out, the rest of the diagram stays. What concurrent valid
 * edits can leave behind (an edge to a node someone deleted, a zone cycle, two equal edges) is repaired
 * the same way on every peer.
 */

export const MAX_TEXT = 100_000;
/** Most edges a diagram may have (domain.md section 7, revision 2). */
export const MAX_EDGES = 100_000;
/** Longest node or edge id accepted from a peer. */
export const MAX_ID = 200;
/** The root types a room document may have; anything else a peer creates is refused by the server. */
export const ROOM_ROOTS = ['meta', 'nodes', 'edges', 'suppressions', 'interview', 'rubric'] as const;
/** The root types of the interviewer's private document. */
export const PRIVATE_ROOTS = ['private'] as const;

/** An entry of the document that was refused: where (e.g. `nodes["n1"].kind`) and why. */
export interface Refused {
  /** The entry refused as a whole: `node:<id>`, `edge:<id>`, `meta:title`, `suppression:3` … */
  key: string;
  message: string;
}

export interface RoomRoots {
  meta: Y.Map<unknown>;
  nodes: Y.Map<Y.Map<unknown>>;
  edges: Y.Map<Y.Map<unknown>>;
  suppressions: Y.Array<unknown>;
  interview: Y.Map<unknown>;
  rubric: Y.Map<unknown>;
}

/** The root types of a room document. */
export function roots(doc: Y.Doc): RoomRoots {
  return {
    meta: doc.getMap('meta'),
    nodes: doc.getMap('nodes'),
    edges: doc.getMap('edges'),
    suppressions: doc.getArray('suppressions'),
    interview: doc.getMap('interview'),
    rubric: doc.getMap('rubric'),
  };
}

const FILE = { format: FORMAT_ID, version: 1 } as const;

const jsonEqual = (a: unknown, b: unknown): boolean =>
  a === b || (typeof a === 'object' && typeof b === 'object' && a !== null && b !== null && JSON.stringify(a) === JSON.stringify(b));

// ---------------------------------------------------------------- writing (store -> document)

function atOf(n: DiagramNode): { x: number; y: number; parent?: string } {
  return n.parent ? { x: n.position.x, y: n.position.y, parent: n.parent } : { x: n.position.x, y: n.position.y };
}

function newNodeMap(n: DiagramNode): Y.Map<unknown> {
  const m = new Y.Map<unknown>();
  m.set('kind', n.kind);
  if (n.label !== undefined) m.set('label', n.label);
  m.set('at', atOf(n));
  const props = new Y.Map<unknown>();
  for (const [k, v] of Object.entries(n.props)) if (v !== undefined) props.set(k, v);
  m.set('props', props);
  return m;
}

function newEdgeMap(e: DiagramEdge): Y.Map<unknown> {
  const m = new Y.Map<unknown>();
  m.set('source', e.source);
  m.set('target', e.target);
  m.set('kind', e.kind);
  if (e.label !== undefined) m.set('label', e.label);
  return m;
}

function setOrDelete(m: Y.Map<unknown>, key: string, value: unknown) {
  if (value === undefined) {
    if (m.has(key)) m.delete(key);
  } else if (!jsonEqual(m.get(key), value)) m.set(key, value);
}

function writeNode(nodes: Y.Map<Y.Map<unknown>>, prev: DiagramNode | undefined, n: DiagramNode) {
  const m = nodes.get(n.id);
  if (!(m instanceof Y.Map)) {
    nodes.set(n.id, newNodeMap(n));
    return;
  }
  if (prev && prev.kind === n.kind && prev.label === n.label && prev.position === n.position && prev.parent === n.parent && prev.props === n.props) return;
  setOrDelete(m, 'kind', n.kind);
  setOrDelete(m, 'label', n.label);
  setOrDelete(m, 'at', atOf(n));
  if (prev && prev.props === n.props) return;
  let props = m.get('props');
  if (!(props instanceof Y.Map)) {
    props = new Y.Map<unknown>();
    m.set('props', props);
  }
  const p = props as Y.Map<unknown>;
  for (const key of [...p.keys()]) if (!(key in n.props) || n.props[key] === undefined) p.delete(key);
  for (const [k, v] of Object.entries(n.props)) setOrDelete(p, k, v);
}

function writeEdge(edges: Y.Map<Y.Map<unknown>>, e: DiagramEdge) {
  const m = edges.get(e.id);
  if (!(m instanceof Y.Map)) {
    edges.set(e.id, newEdgeMap(e));
    return;
  }
  setOrDelete(m, 'source', e.source);
  setOrDelete(m, 'target', e.target);
  setOrDelete(m, 'kind', e.kind);
  setOrDelete(m, 'label', e.label);
}

/**
 * Writes what changed from `prev` to `next` into the document, in one transaction with `origin`
 * (the undo manager tracks it). Unchanged nodes and edges (the same objects) are skipped; within a
 * changed one only the changed keys are written, so concurrent edits of other keys survive.
 * With `prev` null the whole diagram is written (a room's first content).
 */
export function writeDiagram(doc: Y.Doc, prev: Diagram | null, next: Diagram, origin: unknown): void {
  const r = roots(doc);
  doc.transact(() => {
    if (!prev || prev.title !== next.title) setOrDelete(r.meta, 'title', next.title);
    if (!prev || prev.problem !== next.problem) setOrDelete(r.meta, 'problem', next.problem);
    if (!prev || prev.brief !== next.brief) setOrDelete(r.meta, 'brief', next.brief);
    if (!prev || prev.nodes !== next.nodes) {
      const before = new Map((prev?.nodes ?? []).map((n) => [n.id, n]));
      const live = new Set<string>();
      for (const n of next.nodes) {
        live.add(n.id);
        const old = before.get(n.id);
        if (old !== n || !r.nodes.has(n.id)) writeNode(r.nodes, old, n);
      }
      for (const id of prev ? before.keys() : [...r.nodes.keys()]) if (!live.has(id) && r.nodes.has(id)) r.nodes.delete(id);
    }
    if (!prev || prev.edges !== next.edges) {
      const before = new Map((prev?.edges ?? []).map((e) => [e.id, e]));
      const live = new Set<string>();
      for (const e of next.edges) {
        live.add(e.id);
        if (before.get(e.id) !== e || !r.edges.has(e.id)) writeEdge(r.edges, e);
      }
      for (const id of prev ? before.keys() : [...r.edges.keys()]) if (!live.has(id) && r.edges.has(id)) r.edges.delete(id);
    }
    if (!prev || !jsonEqual(prev.suppressions, next.suppressions)) {
      if (!jsonEqual(r.suppressions.toArray(), next.suppressions)) {
        if (r.suppressions.length) r.suppressions.delete(0, r.suppressions.length);
        r.suppressions.insert(0, next.suppressions.map((s) => ({ ...s, ...(s.nodeIds ? { nodeIds: [...s.nodeIds] } : {}) })));
      }
    }
  }, origin);
}

// ---------------------------------------------------------------- reading (document -> store)

/** A plain value of a Y.Map entry, or INVALID when a peer put a shared type where a value belongs. */
const INVALID = Symbol('invalid');

function plain(v: unknown): unknown {
  return v instanceof Y.AbstractType ? INVALID : v;
}

/** Rewrites a parser path of the one-entry file (`nodes[0].kind`) to name the entry (`nodes["n1"].kind`). */
function entryPath(path: string, from: string, to: string): string {
  return path.startsWith(from) ? `${to}${path.slice(from.length)}` : path ? `${to}.${path}` : to;
}

function tooLong(value: unknown): boolean {
  return typeof value === 'string' && value.length > MAX_TEXT;
}

type Entry<T> = { ok: true; value: T } | { ok: false; message: string };

/** One node entry of the document, checked as a file would check it. Its parent is checked later, with every node known. */
export function readNodeEntry(id: string, m: unknown): Entry<DiagramNode> {
  const at = `nodes[${JSON.stringify(id)}]`;
  if (id.length === 0 || id.length > MAX_ID) return { ok: false, message: `${at}.id: must be 1 to ${MAX_ID} characters` };
  if (!(m instanceof Y.Map)) return { ok: false, message: `${at}: must be a map` };
  const kind = plain(m.get('kind'));
  const label = plain(m.get('label'));
  const place = plain(m.get('at'));
  const propsType = m.get('props');
  let props: Record<string, unknown> | undefined;
  if (propsType instanceof Y.Map) {
    props = Object.create(null) as Record<string, unknown>;
    for (const [k, v] of propsType.entries()) {
      const value = plain(v);
      if (value === INVALID) return { ok: false, message: `${at}.props.${k}: must be a JSON value` };
      if (tooLong(value) || (typeof value === 'object' && value !== null && JSON.stringify(value).length > MAX_TEXT))
        return { ok: false, message: `${at}.props.${k}: longer than ${MAX_TEXT.toLocaleString('en-US')} characters` };
      props[k] = value;
    }
  } else if (propsType !== undefined) return { ok: false, message: `${at}.props: must be a map` };
  if (kind === INVALID || label === INVALID || place === INVALID) return { ok: false, message: `${at}: holds a shared type where a value belongs` };
  if (tooLong(label)) return { ok: false, message: `${at}.label: longer than ${MAX_TEXT.toLocaleString('en-US')} characters` };
  const pos = typeof place === 'object' && place !== null && !Array.isArray(place) ? (place as Record<string, unknown>) : undefined;
  const parent = pos?.parent;
  if (parent !== undefined && (typeof parent !== 'string' || parent === '' || parent.length > MAX_ID))
    return { ok: false, message: `${at}.parent: must be a node id` };
  const raw: Record<string, unknown> = { id, kind, position: pos ? { x: pos.x, y: pos.y } : place };
  if (label !== undefined) raw.label = label;
  if (props !== undefined) raw.props = props;
  const r = parseDiagram({ ...FILE, nodes: [raw], edges: [] });
  if (!r.ok) return { ok: false, message: `${entryPath(r.error.path, 'nodes[0]', at)}: ${r.error.problem}` };
  const node = r.value.nodes[0];
  if (typeof parent === 'string') node.parent = parent;
  return { ok: true, value: node };
}

/** One edge entry, checked as a file would check it (its ends are checked later, against the nodes). */
export function readEdgeEntry(id: string, m: unknown): Entry<DiagramEdge> {
  const at = `edges[${JSON.stringify(id)}]`;
  if (id.length === 0 || id.length > MAX_ID) return { ok: false, message: `${at}.id: must be 1 to ${MAX_ID} characters` };
  if (!(m instanceof Y.Map)) return { ok: false, message: `${at}: must be a map` };
  const source = plain(m.get('source'));
  const target = plain(m.get('target'));
  const kind = plain(m.get('kind'));
  const label = plain(m.get('label'));
  if (tooLong(label)) return { ok: false, message: `${at}.label: longer than ${MAX_TEXT.toLocaleString('en-US')} characters` };
  if ([source, target].some((v) => typeof v !== 'string' || v === '' || v.length > MAX_ID))
    return { ok: false, message: `${at}: source and target must be node ids` };
  const raw: Record<string, unknown> = { id, source, target };
  if (kind !== undefined) raw.kind = kind;
  if (label !== undefined) raw.label = label;
  const stub = (nid: unknown) => ({ id: nid, kind: 'note', position: { x: 0, y: 0 } });
  const ends = source === target ? [stub(source)] : [stub(source), stub(target)];
  const r = parseDiagram({ ...FILE, nodes: ends, edges: [raw] });
  if (!r.ok) return { ok: false, message: `${entryPath(r.error.path, 'edges[0]', at)}: ${r.error.problem}` };
  return { ok: true, value: r.value.edges[0] };
}

/** The title, problem and brief, each checked as a file's; a refused one falls back to its default. */
export function readMeta(meta: Y.Map<unknown>): { title: string; problem: Diagram['problem']; brief?: string; refused: Refused[] } {
  const refused: Refused[] = [];
  const out: { title: string; problem: Diagram['problem']; brief?: string } = { title: 'Untitled design', problem: 'generic' };
  for (const key of ['title', 'problem', 'brief'] as const) {
    const v = plain(meta.get(key));
    if (v === undefined) continue;
    if (tooLong(v)) {
      refused.push({ key: `meta:${key}`, message: `${key}: longer than ${MAX_TEXT.toLocaleString('en-US')} characters` });
      continue;
    }
    const r = parseDiagram({ ...FILE, [key]: v === INVALID ? {} : v, nodes: [], edges: [] });
    if (!r.ok) refused.push({ key: `meta:${key}`, message: r.error.message });
    else if (key === 'title') out.title = r.value.title;
    else if (key === 'problem') out.problem = r.value.problem;
    else out.brief = r.value.brief;
  }
  return { ...out, refused };
}

/** The suppressions, each checked as a file's. */
export function readSuppressions(list: Y.Array<unknown>): { suppressions: Suppression[]; refused: Refused[] } {
  const suppressions: Suppression[] = [];
  const refused: Refused[] = [];
  list.forEach((raw, i) => {
    const v = plain(raw);
    if (v !== INVALID && JSON.stringify(v ?? null).length <= MAX_TEXT) {
      const r = parseDiagram({ ...FILE, nodes: [], edges: [], suppressions: [v] });
      if (r.ok) {
        suppressions.push(r.value.suppressions[0]);
        return;
      }
      refused.push({ key: `suppression:${i}`, message: r.error.message });
    } else refused.push({ key: `suppression:${i}`, message: `suppressions[${i}]: not a valid suppression` });
  });
  return { suppressions, refused };
}

/**
 * Reads a room document into a Diagram, keeping per-entry results between calls: only entries changed
 * since the last read are checked again, and an unchanged node keeps its object (the canvas skips it).
 */
export class DiagramReader {
  private readonly r: RoomRoots;
  private readonly nodeCache = new Map<string, Entry<DiagramNode>>();
  private readonly edgeCache = new Map<string, Entry<DiagramEdge>>();
  private dirtyNodes: Set<string> | null = null; // null: everything
  private dirtyEdges: Set<string> | null = null;
  private order: string[] = [];
  private last: Diagram | null = null;
  private readonly onNodes = (events: Y.YEvent<Y.AbstractType<unknown>>[]) => this.mark(events, 'nodes');
  private readonly onEdges = (events: Y.YEvent<Y.AbstractType<unknown>>[]) => this.mark(events, 'edges');

  constructor(doc: Y.Doc) {
    this.r = roots(doc);
    this.r.nodes.observeDeep(this.onNodes);
    this.r.edges.observeDeep(this.onEdges);
  }

  destroy(): void {
    this.r.nodes.unobserveDeep(this.onNodes);
    this.r.edges.unobserveDeep(this.onEdges);
  }

  private mark(events: Y.YEvent<Y.AbstractType<unknown>>[], which: 'nodes' | 'edges') {
    const set = which === 'nodes' ? this.dirtyNodes : this.dirtyEdges;
    if (!set) return;
    for (const ev of events) {
      if (ev.path.length) set.add(String(ev.path[0]));
      else for (const k of ev.keys.keys()) set.add(k);
    }
  }

  /** The diagram the document holds now, and every entry refused (a refused entry stays refused until a peer rewrites it). */
  read(reuse?: Diagram): { diagram: Diagram; refused: Refused[] } {
    const refused: Refused[] = [];
    // Nodes: check the changed entries again.
    const dn = this.dirtyNodes;
    if (!dn) {
      this.nodeCache.clear();
      for (const [id, m] of this.r.nodes.entries()) this.nodeCache.set(id, readNodeEntry(id, m));
    } else {
      for (const id of dn) {
        const m = this.r.nodes.get(id);
        if (m === undefined) this.nodeCache.delete(id);
        else this.nodeCache.set(id, readNodeEntry(id, m));
      }
    }
    this.dirtyNodes = new Set();
    const de = this.dirtyEdges;
    if (!de) {
      this.edgeCache.clear();
      for (const [id, m] of this.r.edges.entries()) this.edgeCache.set(id, readEdgeEntry(id, m));
    } else {
      for (const id of de) {
        const m = this.r.edges.get(id);
        if (m === undefined) this.edgeCache.delete(id);
        else this.edgeCache.set(id, readEdgeEntry(id, m));
      }
    }
    this.dirtyEdges = new Set();

    // Node order: as last time, new ids after them (sorted, so every peer agrees).
    const known = new Set(this.order);
    const fresh: string[] = [];
    for (const id of this.nodeCache.keys()) if (!known.has(id)) fresh.push(id);
    fresh.sort();
    this.order = [...this.order.filter((id) => this.nodeCache.has(id)), ...fresh];

    const byId = new Map<string, DiagramNode>();
    for (const id of this.order) {
      const e = this.nodeCache.get(id)!;
      if (!e.ok) {
        refused.push({ key: `node:${id}`, message: e.message });
        continue;
      }
      if (byId.size >= MAX_NODES) {
        refused.push({ key: `node:${id}`, message: `nodes: more than ${MAX_NODES.toLocaleString('en-US')} nodes` });
        continue;
      }
      byId.set(id, e.value);
    }
    // Objects equal to those of `reuse` (the diagram on screen) are kept, so the canvas skips them.
    const base = reuse ?? this.last;
    const prevNodes = new Map((base?.nodes ?? []).map((n) => [n.id, n]));
    const nodes: DiagramNode[] = [];
    for (const n of repairParents(byId).values()) {
      // Keep the previous object when nothing changed (entries re-read after a change elsewhere in the same map).
      const p = prevNodes.get(n.id);
      nodes.push(p && sameNode(p, n) ? p : n);
    }

    const prevEdges = new Map((base?.edges ?? []).map((e) => [e.id, e]));
    const edges: DiagramEdge[] = [];
    const seen = new Set<string>();
    const edgeIds = [...this.edgeCache.keys()].sort();
    for (const id of edgeIds) {
      const e = this.edgeCache.get(id)!;
      if (!e.ok) {
        refused.push({ key: `edge:${id}`, message: e.message });
        continue;
      }
      const v = e.value;
      // An edge whose end is gone (deleted by a peer meanwhile) or refused is left out; so is a second equal edge.
      if (!byId.has(v.source) || !byId.has(v.target)) continue;
      const sig = `${v.source}\n${v.target}\n${v.kind}`;
      if (seen.has(sig) || edges.length >= MAX_EDGES) continue;
      seen.add(sig);
      const p = prevEdges.get(id);
      edges.push(p && p.source === v.source && p.target === v.target && p.kind === v.kind && p.label === v.label ? p : v);
    }

    const meta = readMeta(this.r.meta);
    refused.push(...meta.refused);
    const sup = readSuppressions(this.r.suppressions);
    refused.push(...sup.refused);

    const last = base;
    const diagram: Diagram = {
      title: meta.title,
      problem: meta.problem,
      ...(meta.brief !== undefined ? { brief: meta.brief } : {}),
      nodes: last && sameList(last.nodes, nodes) ? last.nodes : nodes,
      edges: last && sameList(last.edges, edges) ? last.edges : edges,
      suppressions: last && jsonEqual(last.suppressions, sup.suppressions) ? last.suppressions : sup.suppressions,
    };
    const unchanged =
      last && last.title === diagram.title && last.problem === diagram.problem && last.brief === diagram.brief &&
      last.nodes === diagram.nodes && last.edges === diagram.edges && last.suppressions === diagram.suppressions;
    this.last = unchanged ? last : diagram;
    return { diagram: this.last!, refused };
  }
}

function sameList<T>(a: readonly T[], b: readonly T[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function sameNode(a: DiagramNode, b: DiagramNode): boolean {
  if (a.kind !== b.kind || a.label !== b.label || a.parent !== b.parent || a.position.x !== b.position.x || a.position.y !== b.position.y) return false;
  const ka = Object.keys(a.props);
  if (ka.length !== Object.keys(b.props).length) return false;
  return ka.every((k) => Object.prototype.hasOwnProperty.call(b.props, k) && jsonEqual(a.props[k], b.props[k]));
}

/**
 * Zones first, every parent a zone that exists, no cycle: a parent that was deleted or refused is dropped
 * (the node stays where its coordinates say), and a cycle that two concurrent moves made is broken at
 * the node with the smallest id. Iterative; returns the nodes in order (zones before their children).
 */
function repairParents(byId: Map<string, DiagramNode>): Map<string, DiagramNode> {
  const fix = (n: DiagramNode): DiagramNode => {
    const { parent: _p, ...rest } = n;
    return rest;
  };
  for (const [id, n] of byId) {
    if (n.parent === undefined) continue;
    const p = byId.get(n.parent);
    if (!p || p.kind !== 'group' || n.parent === id) byId.set(id, fix(n));
  }
  // Break cycles.
  const state = new Map<string, 1 | 2>(); // 1 on the current chain, 2 done
  for (const start of byId.keys()) {
    if (state.get(start) === 2) continue;
    const chain: string[] = [];
    let cur: string | undefined = start;
    while (cur !== undefined && state.get(cur) !== 2) {
      if (state.get(cur) === 1) {
        const loop = chain.slice(chain.indexOf(cur));
        const victim = loop.reduce((a, b) => (a < b ? a : b));
        byId.set(victim, fix(byId.get(victim)!));
        break;
      }
      state.set(cur, 1);
      chain.push(cur);
      cur = byId.get(cur)!.parent;
    }
    for (const id of chain) state.set(id, 2);
  }
  // Zones before their children, otherwise in order.
  const out = new Map<string, DiagramNode>();
  for (const id of byId.keys()) {
    if (out.has(id)) continue;
    const chain: string[] = [];
    let cur: string | undefined = id;
    while (cur !== undefined && !out.has(cur)) {
      chain.push(cur);
      cur = byId.get(cur)!.parent;
    }
    for (let i = chain.length - 1; i >= 0; i--) out.set(chain[i], byId.get(chain[i])!);
  }
  return out;
}

// ---------------------------------------------------------------- interview state

/** The shared timer: a PracticeClock, checked field by field (null when absent or refused). */
export function readClock(value: unknown): PracticeClock | null {
  if (typeof value !== 'object' || value === null || value instanceof Y.AbstractType) return null;
  const v = value as Record<string, unknown>;
  const step = v.step;
  const spent = v.spent;
  const since = v.runningSince;
  if (typeof step !== 'number' || !Number.isInteger(step) || step < 0 || step >= STAGES.length) return null;
  if (!Array.isArray(spent) || spent.length !== STAGES.length || spent.some((s) => typeof s !== 'number' || !Number.isFinite(s) || s < 0 || s > 1e9))
    return null;
  if (since !== null && (typeof since !== 'number' || !Number.isFinite(since) || since < 0)) return null;
  return { step, spent: spent as number[], runningSince: since as number | null };
}

/** Scores 1-4 per step, by step index, from a shared value (entries that are not are dropped). */
export function readScores(value: unknown): Record<number, number> {
  const out: Record<number, number> = {};
  if (typeof value !== 'object' || value === null || value instanceof Y.AbstractType) return out;
  for (let i = 0; i < STAGES.length; i++) {
    const s = (value as Record<string, unknown>)[String(i)];
    if (typeof s === 'number' && Number.isInteger(s) && s >= 1 && s <= 4) out[i] = s;
  }
  return out;
}

/** Notes per step, by step index (strings up to MAX_TEXT). */
export function readStepNotes(value: unknown): Record<number, string> {
  const out: Record<number, string> = {};
  if (typeof value !== 'object' || value === null || value instanceof Y.AbstractType) return out;
  for (let i = 0; i < STAGES.length; i++) {
    const s = (value as Record<string, unknown>)[String(i)];
    if (typeof s === 'string' && s.length <= MAX_TEXT && s.trim()) out[i] = s;
  }
  return out;
}

/** The rubric the interviewer shared, or null. */
export interface SharedRubric {
  scores: Record<number, number>;
  notes: Record<number, string>;
  sharedAt: number;
}

export function readRubric(m: Y.Map<unknown>): SharedRubric | null {
  const at = m.get('sharedAt');
  if (typeof at !== 'number' || !Number.isFinite(at)) return null;
  return { scores: readScores(m.get('scores')), notes: readStepNotes(m.get('notes')), sharedAt: at };
}
