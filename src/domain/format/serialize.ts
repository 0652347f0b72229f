import type { Diagram, DiagramEdge, DiagramNode, NodeProps, Suppression } from '../diagram';
import { isDangerousKey } from './json';
import { CURRENT_VERSION } from './migrations';
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
