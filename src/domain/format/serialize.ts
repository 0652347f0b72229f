import type { Diagram, DiagramEdge, DiagramNode, NodeProps, Suppression } from '../diagram';
import { isDangerousKey } from './json';
import { CURRENT_VERSION } from './migrations';
import { coordinatesWithin, MAX_COORD, MAX_EDGES, MAX_FILE_BYTES, MAX_FILE_SIZE_TEXT, MAX_NODES } from './limits';
import { DEFAULT_TITLE, FORMAT_ID, KNOWN_PROPS, KNOWN_PROP_TYPES } from './schema';

/**
 * The serializer: a Diagram out as the file format of domain.md section 7, with a fixed key order
 * so that saving the same diagram twice gives the same bytes and files diff well.
 * Key order: format, version, title, problem, brief, nodes (id, kind, label, parent, position,
 * props: known keys in KNOWN_PROPS order, then unknown keys sorted), edges (id, source, target,
 * kind, label), suppressions (rule, nodeIds, reason). Empty props and suppressions are omitted;
 * every edge kind is written.
 */

/** The diagram as a plain file object (keys in file order), ready for JSON.stringify. */
export function toFileObject(d: Diagram): Record<string, unknown> {
  const file: Record<string, unknown> = {
    format: FORMAT_ID,
    version: CURRENT_VERSION,
    title: d.title ?? DEFAULT_TITLE,
    problem: d.problem ?? 'generic',
  };
  if (d.brief !== undefined) file.brief = d.brief;
  file.nodes = (d.nodes ?? []).map(nodeToFile);
  file.edges = (d.edges ?? []).map(edgeToFile);
  const suppressions = d.suppressions ?? [];
  if (suppressions.length > 0) file.suppressions = suppressions.map(suppressionToFile);
  return file;
}

/** The diagram as file text: JSON with a 2-space indent and a stable key order, ending in a newline. */
export function serializeDiagram(d: Diagram): string {
  return `${JSON.stringify(toFileObject(d), null, 2)}\n`;
}

function nodeToFile(n: DiagramNode): Record<string, unknown> {
  const out: Record<string, unknown> = { id: n.id, kind: n.kind };
  if (n.label !== undefined) out.label = n.label;
  if (n.parent !== undefined) out.parent = n.parent;
  out.position = { x: n.position.x, y: n.position.y };
  const props = propsToFile(n.props ?? {});
  if (props) out.props = props;
  return out;
}

function propsToFile(props: NodeProps): Record<string, unknown> | undefined {
  const out: Record<string, unknown> = {};
  let any = false;
  for (const [key] of KNOWN_PROPS) {
    const v = props[key];
    if (v === undefined) continue;
    out[key] = Array.isArray(v) ? [...v] : v;
    any = true;
  }
  const unknown = Object.keys(props)
    .filter((k) => !KNOWN_PROP_TYPES.has(k) && !isDangerousKey(k) && props[k] !== undefined)
    .sort();
  for (const key of unknown) {
    out[key] = canonical(props[key]);
    any = true;
  }
  return any ? out : undefined;
}

/** A free-form value with object keys sorted at every depth, so equal values serialise alike. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (typeof value !== 'object' || value === null) return value;
  const src = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(src).sort()) {
    if (isDangerousKey(key) || src[key] === undefined) continue;
    out[key] = canonical(src[key]);
  }
  return out;
}

function edgeToFile(e: DiagramEdge): Record<string, unknown> {
  const out: Record<string, unknown> = { id: e.id, source: e.source, target: e.target, kind: e.kind ?? 'data' };
  if (e.label !== undefined) out.label = e.label;
  return out;
}

function suppressionToFile(s: Suppression): Record<string, unknown> {
  const out: Record<string, unknown> = { rule: s.rule };
  if (s.nodeIds !== undefined) out.nodeIds = [...s.nodeIds];
  out.reason = s.reason;
  return out;
}

/** The UTF-8 size of a string, as TextEncoder would write it (a lone surrogate as U+FFFD, 3 bytes). */
export function utf8Bytes(text: string): number {
  let bytes = text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) continue;
    if (c < 0x800) bytes += 1;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 2; // a pair: 2 units, 4 bytes
      i++;
    } else bytes += 2;
  }
  return bytes;
}

const elementBytes = new WeakMap<object, number>();

/** Bytes one node or edge takes in the compact file (JSON without whitespace). */
function elementFileBytes(el: DiagramNode | DiagramEdge, toFile: (x: never) => Record<string, unknown>): number {
  let n = elementBytes.get(el);
  if (n === undefined) {
    n = utf8Bytes(JSON.stringify(toFile(el as never)));
    elementBytes.set(el, n);
  }
  return n;
}

let headCache: { title: string; problem: string; brief: string | undefined; suppressions: readonly Suppression[]; bytes: number } | null = null;

/**
 * The exact UTF-8 size of the diagram's compact file (`JSON.stringify(toFileObject(d))`, what
 * storage keeps and what Save writes when the indented file would pass the limit), without writing
 * it: each node and edge is measured once (kept by object and by list, which the store shares
 * between states), so checking a change against the file limit costs a pass at most, never a
 * serialisation.
 */
export function fileByteLength(d: Diagram): number {
  const title = d.title ?? DEFAULT_TITLE;
  const problem = d.problem ?? 'generic';
  const suppressions = d.suppressions ?? [];
  let head = headCache;
  if (!head || head.title !== title || head.problem !== problem || head.brief !== d.brief || head.suppressions !== suppressions) {
    const empty = JSON.stringify(toFileObject({ title, problem, ...(d.brief !== undefined ? { brief: d.brief } : {}), nodes: [], edges: [], suppressions }));
    head = headCache = { title, problem, brief: d.brief, suppressions, bytes: utf8Bytes(empty) };
  }
  return head.bytes + listBytes(d.nodes ?? [], nodeToFile as (x: never) => Record<string, unknown>) + listBytes(d.edges ?? [], edgeToFile as (x: never) => Record<string, unknown>);
}

const listCache = new WeakMap<readonly object[], number>();

/** Bytes a node or edge list adds to the compact file, kept by list (most edits change one list or none). */
function listBytes(items: readonly (DiagramNode | DiagramEdge)[], toFile: (x: never) => Record<string, unknown>): number {
  if (!items.length) return 0;
  let bytes = listCache.get(items);
  if (bytes === undefined) {
    bytes = items.length - 1; // the commas between the items
    for (const it of items) bytes += elementFileBytes(it, toFile);
    listCache.set(items, bytes);
  }
  return bytes;
}

/**
 * The text Save writes: the indented file (serializeDiagram), or the compact one when the indent
 * would take it over `maxBytes`, so that every design the editor holds saves as a file it opens.
 */
export function serializeForFile(d: Diagram, maxBytes: number): string {
  const pretty = serializeDiagram(d);
  return pretty.length <= maxBytes / 3 || utf8Bytes(pretty) <= maxBytes ? pretty : `${JSON.stringify(toFileObject(d))}\n`;
}

/** Why the parser would refuse this diagram for one of the limits (counts, coordinates, size), or null when it is within them all. */
export function limitProblem(d: Diagram): string | null {
  if (d.nodes.length > MAX_NODES) return `it has ${d.nodes.length.toLocaleString('en-US')} nodes; a design holds at most ${MAX_NODES.toLocaleString('en-US')}`;
  if (d.edges.length > MAX_EDGES) return `it has ${d.edges.length.toLocaleString('en-US')} connections; a design holds at most ${MAX_EDGES.toLocaleString('en-US')}`;
  if (!coordinatesWithin(d.nodes)) return `a component lies beyond ±${MAX_COORD.toLocaleString('en-US')}, the farthest a design may reach`;
  if (fileByteLength(d) > MAX_FILE_BYTES) return `it is larger than ${MAX_FILE_SIZE_TEXT}, the most a design file holds`;
  return null;
}
