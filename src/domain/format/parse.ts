import { isKindId, type KindId } from '../catalogue';
import { RULE_IDS, type RuleId } from '../checker/types';
import {
  EDGE_KINDS,
  LABEL_SOURCES,
  ML_TASKS,
  SPLITS,
  PROBLEM_IDS,
  ZONES,
  type Diagram,
  type DiagramEdge,
  type DiagramNode,
  type EdgeKind,
  type NodeProps,
  type ProblemId,
  type Suppression,
} from '../diagram';
import { err, ok, type Result } from '../result';
import { STAGE_IDS } from '../stages';
import { formatError, type FormatError } from './errors';
import { describeValue, isDangerousKey, isRecord, keyPath, own, refuse, Refusal, sanitizeJson } from './json';
import { MAX_COORD, MAX_EDGES, MAX_FILE_BYTES, MAX_NODES } from './limits';
import { CURRENT_VERSION, migrate } from './migrations';
import { DEFAULT_TITLE, FORMAT_ID, KNOWN_PROP_TYPES } from './schema';

export type { FormatError } from './errors';

/**
 * The parser: untrusted JSON in, a Diagram with its defaults filled (or the first refusal, with
 * the path of the offending field) out. The input is read through its own all-optional "raw"
 * types and checked by hand field by field; nothing from it is copied wholesale, so a key like
 * `__proto__` can never land on an object we build.
 * Hand-written rather than built on a schema library (zod, valibot, ajv): it costs nothing in the
 * bundle, and it gives exactly the `path: problem` messages domain.md section 7 asks for.
 */

export { MAX_COORD, MAX_EDGES, MAX_FILE_BYTES, MAX_NODES } from './limits';

/** A file as it arrives: every field optional and unchecked. */
interface RawFile {
  format?: unknown;
  version?: unknown;
  title?: unknown;
  problem?: unknown;
  brief?: unknown;
  nodes?: unknown;
  edges?: unknown;
  suppressions?: unknown;
}

interface RawNode {
  id?: unknown;
  kind?: unknown;
  label?: unknown;
  parent?: unknown;
  position?: unknown;
  props?: unknown;
}

interface RawEdge {
  id?: unknown;
  source?: unknown;
  target?: unknown;
  kind?: unknown;
  label?: unknown;
}

interface RawSuppression {
  rule?: unknown;
  nodeIds?: unknown;
  reason?: unknown;
}

const PROBLEMS: ReadonlySet<string> = new Set(PROBLEM_IDS);
const EDGE_KIND_SET: ReadonlySet<string> = new Set(EDGE_KINDS);
const RULES: ReadonlySet<string> = new Set(RULE_IDS);
const STAGES: ReadonlySet<string> = new Set(STAGE_IDS);
const ZONE_SET: ReadonlySet<string> = new Set(ZONES);
const TASKS: ReadonlySet<string> = new Set(ML_TASKS);
const LABEL_SOURCE_SET: ReadonlySet<string> = new Set(LABEL_SOURCES);
const SPLIT_SET: ReadonlySet<string> = new Set(SPLITS);

/** Parses an untrusted value (e.g. the result of JSON.parse) into a Diagram, or says what is wrong and where. */
export function parseDiagram(input: unknown): Result<Diagram, FormatError> {
  try {
    return ok(readFile(input));
  } catch (e) {
    if (e instanceof Refusal) return err(formatError(e.path, e.problem));
    // A hostile object (throwing getter, proxy, runaway nesting): refuse, never throw.
    return err(formatError('', `could not read this diagram: ${e instanceof Error ? e.message : String(e)}`));
  }
}

/** Parses the text of a diagram file: refuses files over MAX_FILE_BYTES and text that is not JSON. */
export function parseDiagramText(text: string): Result<Diagram, FormatError> {
  if (typeof text !== 'string') return err(formatError('', `not a JSON file: expected text, got ${describeValue(text)}`));
  const bytes = utf8ByteLength(text, MAX_FILE_BYTES);
  if (bytes > MAX_FILE_BYTES) {
    return err(formatError('', `the file is larger than ${MAX_FILE_BYTES / (1024 * 1024)} MB; the app opens files up to that size`));
  }
  let value: unknown;
  try {
    // A UTF-8 byte order mark (left by some editors) is not JSON but is harmless.
    value = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (e) {
    return err(formatError('', `not a JSON file: ${e instanceof Error ? e.message : String(e)}`));
  }
  return parseDiagram(value);
}

/** The UTF-8 size of a string (as TextEncoder would write it), counting no further than just past `limit`. */
function utf8ByteLength(text: string, limit: number): number {
  if (text.length > limit) return text.length; // every UTF-16 unit is at least one byte
  if (text.length * 3 <= limit) return text.length * 3; // no unit is more than three bytes
  let bytes = 0;
  for (let i = 0; i < text.length && bytes <= limit; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        bytes += 4;
        i++;
      } else bytes += 3; // a lone surrogate becomes U+FFFD
    } else bytes += 3;
  }
  return bytes;
}

/** A value for a message: short strings quoted, long ones cut. */
function quote(value: unknown): string {
  if (typeof value === 'string') {
    return JSON.stringify(value.length > 60 ? `${value.slice(0, 60)}…` : value);
  }
  return describeValue(value);
}

function readFile(input: unknown): Diagram {
  if (!isRecord(input)) refuse('', `not an mlsd-canvas file: expected a JSON object, got ${describeValue(input)}`);
  const format = own(input, 'format');
  if (format === undefined) refuse('format', 'missing; this is not an mlsd-canvas file');
  if (format !== FORMAT_ID) refuse('format', `not an mlsd-canvas file (expected "${FORMAT_ID}", got ${quote(format)})`);

  const version = own(input, 'version');
  if (version === undefined) refuse('version', 'missing');
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    refuse('version', `must be a positive integer, got ${typeof version === 'number' ? String(version) : quote(version)}`);
  }
  if (version > CURRENT_VERSION) refuse('version', `made by a newer mlsd-canvas (version ${version}); update to open it`);

  let file: Record<string, unknown> = input;
  if (version < CURRENT_VERSION) {
    const upgraded = migrate(input, version);
    if (!upgraded.ok) refuse(upgraded.error.path, upgraded.error.problem);
    file = upgraded.value;
  }
  const raw: RawFile = {
    title: own(file, 'title'),
    problem: own(file, 'problem'),
    brief: own(file, 'brief'),
    nodes: own(file, 'nodes'),
    edges: own(file, 'edges'),
    suppressions: own(file, 'suppressions'),
  };
  return readCurrent(raw);
}

function readCurrent(raw: RawFile): Diagram {
  const title = optionalString(raw.title, 'title') ?? DEFAULT_TITLE;
  const problem = readProblem(raw.problem);
  const brief = optionalString(raw.brief, 'brief');

  const { nodes, indexById } = readNodes(raw.nodes);
  const edges = readEdges(raw.edges, indexById);
  const suppressions = readSuppressions(raw.suppressions);

  const diagram: Diagram = { title, problem, nodes: orderParentsFirst(nodes, indexById), edges, suppressions };
  if (brief !== undefined) diagram.brief = brief;
  return diagram;
}

function readProblem(value: unknown): ProblemId {
  if (value === undefined) return 'generic';
  if (typeof value !== 'string') refuse('problem', `must be a string, got ${describeValue(value)}`);
  if (!PROBLEMS.has(value)) refuse('problem', `unknown problem ${quote(value)}`);
  return value as ProblemId;
}

function optionalString(value: unknown, path: string): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string') refuse(path, `must be a string, got ${describeValue(value)}`);
  return value;
}

function requiredArray(value: unknown, path: string): unknown[] {
  if (value === undefined) refuse(path, 'missing');
  if (!Array.isArray(value)) refuse(path, `must be an array, got ${describeValue(value)}`);
  return value;
}

function requiredRecord(value: unknown, path: string): Record<string, unknown> {
  if (value === undefined) refuse(path, 'missing');
  if (!isRecord(value)) refuse(path, `must be an object, got ${describeValue(value)}`);
  return value;
}

function requiredId(value: unknown, path: string): string {
  if (value === undefined) refuse(path, 'missing');
  if (typeof value !== 'string') refuse(path, `must be a string, got ${describeValue(value)}`);
  if (value === '') refuse(path, 'must not be empty');
  return value;
}

function coordinate(value: unknown, path: string): number {
  if (value === undefined) refuse(path, 'missing');
  if (typeof value !== 'number') refuse(path, `must be a number, got ${describeValue(value)}`);
  if (!Number.isFinite(value)) refuse(path, `must be a finite number, got ${value}`);
  if (Math.abs(value) > MAX_COORD) refuse(path, `must be within ±${MAX_COORD.toLocaleString('en-US')}, got ${value}`);
  return value === 0 ? 0 : value; // JSON allows -0; the diagram does not need it
}

function readNodes(value: unknown): { nodes: DiagramNode[]; indexById: Map<string, number> } {
  const list = requiredArray(value, 'nodes');
  if (list.length > MAX_NODES) {
    refuse('nodes', `${list.length.toLocaleString('en-US')} nodes; a diagram may have at most ${MAX_NODES.toLocaleString('en-US')}`);
  }
  const nodes: DiagramNode[] = new Array(list.length);
  const indexById = new Map<string, number>();
  for (let i = 0; i < list.length; i++) {
    const path = `nodes[${i}]`;
    const node = readNode(list[i], path);
    const previous = indexById.get(node.id);
    if (previous !== undefined) refuse(`${path}.id`, `duplicate id ${quote(node.id)} (also used by nodes[${previous}])`);
    indexById.set(node.id, i);
    nodes[i] = node;
  }
  // Parents are checked once every id is known, since a zone may come after its children.
  for (let i = 0; i < nodes.length; i++) {
    const parent = nodes[i].parent;
    if (parent === undefined) continue;
    const at = indexById.get(parent);
    if (at === undefined) refuse(`nodes[${i}].parent`, `no node with id ${quote(parent)}`);
    if (nodes[at].kind !== 'group') {
      refuse(`nodes[${i}].parent`, `${quote(parent)} is not a group (zone) but a "${nodes[at].kind}" node`);
    }
  }
  return { nodes, indexById };
}

function readNode(value: unknown, path: string): DiagramNode {
  const obj = requiredRecord(value, path);
  const raw: RawNode = {
    id: own(obj, 'id'),
    kind: own(obj, 'kind'),
    label: own(obj, 'label'),
    parent: own(obj, 'parent'),
    position: own(obj, 'position'),
    props: own(obj, 'props'),
  };
  const id = requiredId(raw.id, `${path}.id`);
  const kind = readKind(raw.kind, `${path}.kind`);
  const label = optionalString(raw.label, `${path}.label`);
  const parent = raw.parent === undefined ? undefined : requiredId(raw.parent, `${path}.parent`);
  const pos = requiredRecord(raw.position, `${path}.position`);
  const position = {
    x: coordinate(own(pos, 'x'), `${path}.position.x`),
    y: coordinate(own(pos, 'y'), `${path}.position.y`),
  };
  const props = raw.props === undefined ? {} : readProps(raw.props, `${path}.props`);
  const node: DiagramNode = { id, kind, position, props };
  if (label !== undefined) node.label = label;
  if (parent !== undefined) node.parent = parent;
  return node;
}

function readKind(value: unknown, path: string): KindId {
  if (value === undefined) refuse(path, 'missing');
  if (typeof value !== 'string') refuse(path, `must be a string, got ${describeValue(value)}`);
  if (!isKindId(value)) refuse(path, `unknown kind ${quote(value)}`);
  return value;
}

function readProps(value: unknown, path: string): NodeProps {
  if (!isRecord(value)) refuse(path, `must be an object, got ${describeValue(value)}`);
  const props: NodeProps = {};
  for (const key of Object.keys(value)) {
    if (isDangerousKey(key)) continue;
    const v = value[key];
    if (v === undefined) continue;
    const at = keyPath(path, key);
    const type = KNOWN_PROP_TYPES.get(key);
    switch (type) {
      case undefined:
        // Unknown extras survive a round trip, as plain JSON.
        props[key] = sanitizeJson(v, at);
        break;
      case 'string':
        if (typeof v !== 'string') refuse(at, `must be a string, got ${describeValue(v)}`);
        props[key] = v;
        break;
      case 'number':
        if (typeof v !== 'number') refuse(at, `must be a number, got ${describeValue(v)}`);
        if (!Number.isFinite(v)) refuse(at, `must be a finite number, got ${v}`);
        props[key] = v === 0 ? 0 : v;
        break;
      case 'boolean':
        if (typeof v !== 'boolean') refuse(at, `must be true or false, got ${describeValue(v)}`);
        props[key] = v;
        break;
      case 'stage':
        props[key] = oneOf(v, STAGES, at, 'stage');
        break;
      case 'zone':
        props[key] = oneOf(v, ZONE_SET, at, 'zone');
        break;
      case 'task':
        props[key] = oneOf(v, TASKS, at, 'task');
        break;
      case 'labelSource':
        props[key] = oneOf(v, LABEL_SOURCE_SET, at, 'label source');
        break;
      case 'split':
        props[key] = oneOf(v, SPLIT_SET, at, 'split');
        break;
      case 'share':
        if (typeof v !== 'number') refuse(at, `must be a number, got ${describeValue(v)}`);
        if (!Number.isFinite(v) || v < 0 || v > 1) refuse(at, `must be a number between 0 and 1, got ${v}`);
        props[key] = v === 0 ? 0 : v;
        break;
      case 'amount':
        if (typeof v !== 'number') refuse(at, `must be a number, got ${describeValue(v)}`);
        if (!Number.isFinite(v) || v < 0) refuse(at, `must be a number of 0 or more, got ${v}`);
        props[key] = v === 0 ? 0 : v;
        break;
      case 'kinds':
        props[key] = readKindList(v, at);
        break;
    }
  }
  return props;
}

function readKindList(value: unknown, path: string): KindId[] {
  if (!Array.isArray(value)) refuse(path, `must be a list of kind ids, got ${describeValue(value)}`);
  const out: KindId[] = [];
  for (let i = 0; i < value.length; i++) out.push(readKind(value[i], `${path}[${i}]`));
  return out;
}

function oneOf(value: unknown, allowed: ReadonlySet<string>, path: string, what: string): string {
  if (typeof value !== 'string') refuse(path, `must be a string, got ${describeValue(value)}`);
  if (!allowed.has(value)) refuse(path, `unknown ${what} ${quote(value)} (one of: ${[...allowed].join(', ')})`);
  return value;
}

function readEdges(value: unknown, indexById: ReadonlyMap<string, number>): DiagramEdge[] {
  const list = requiredArray(value, 'edges');
  if (list.length > MAX_EDGES) {
    refuse('edges', `${list.length.toLocaleString('en-US')} edges; a diagram may have at most ${MAX_EDGES.toLocaleString('en-US')}`);
  }
  const edges: DiagramEdge[] = new Array(list.length);
  const seen = new Map<string, number>();
  for (let i = 0; i < list.length; i++) {
    const path = `edges[${i}]`;
    const obj = requiredRecord(list[i], path);
    const raw: RawEdge = {
      id: own(obj, 'id'),
      source: own(obj, 'source'),
      target: own(obj, 'target'),
      kind: own(obj, 'kind'),
      label: own(obj, 'label'),
    };
    const id = requiredId(raw.id, `${path}.id`);
    const previous = seen.get(id);
    if (previous !== undefined) refuse(`${path}.id`, `duplicate id ${quote(id)} (also used by edges[${previous}])`);
    seen.set(id, i);
    const source = requiredId(raw.source, `${path}.source`);
    if (!indexById.has(source)) refuse(`${path}.source`, `no node with id ${quote(source)}`);
    const target = requiredId(raw.target, `${path}.target`);
    if (!indexById.has(target)) refuse(`${path}.target`, `no node with id ${quote(target)}`);
    let kind: EdgeKind = 'data';
    if (raw.kind !== undefined) {
      if (typeof raw.kind !== 'string') refuse(`${path}.kind`, `must be a string, got ${describeValue(raw.kind)}`);
      if (!EDGE_KIND_SET.has(raw.kind)) {
        refuse(`${path}.kind`, `unknown edge kind ${quote(raw.kind)} (one of: ${EDGE_KINDS.join(', ')})`);
      }
      kind = raw.kind as EdgeKind;
    }
    const label = optionalString(raw.label, `${path}.label`);
    const edge: DiagramEdge = { id, source, target, kind };
    if (label !== undefined) edge.label = label;
    edges[i] = edge;
  }
  return edges;
}

function readSuppressions(value: unknown): Suppression[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) refuse('suppressions', `must be an array, got ${describeValue(value)}`);
  const out: Suppression[] = new Array(value.length);
  for (let i = 0; i < value.length; i++) {
    const path = `suppressions[${i}]`;
    const obj = requiredRecord(value[i], path);
    const raw: RawSuppression = { rule: own(obj, 'rule'), nodeIds: own(obj, 'nodeIds'), reason: own(obj, 'reason') };
    if (raw.rule === undefined) refuse(`${path}.rule`, 'missing');
    if (typeof raw.rule !== 'string') refuse(`${path}.rule`, `must be a string, got ${describeValue(raw.rule)}`);
    if (!RULES.has(raw.rule)) refuse(`${path}.rule`, `unknown rule ${quote(raw.rule)}`);
    const rule = raw.rule as RuleId;
    let nodeIds: string[] | undefined;
    if (raw.nodeIds !== undefined) {
      if (!Array.isArray(raw.nodeIds)) refuse(`${path}.nodeIds`, `must be an array, got ${describeValue(raw.nodeIds)}`);
      nodeIds = new Array(raw.nodeIds.length);
      for (let j = 0; j < raw.nodeIds.length; j++) {
        const id: unknown = raw.nodeIds[j];
        if (typeof id !== 'string') refuse(`${path}.nodeIds[${j}]`, `must be a string, got ${describeValue(id)}`);
        nodeIds[j] = id;
      }
    }
    if (raw.reason === undefined) refuse(`${path}.reason`, 'missing; a suppression needs a reason');
    if (typeof raw.reason !== 'string') refuse(`${path}.reason`, `must be a string, got ${describeValue(raw.reason)}`);
    if (raw.reason.trim() === '') refuse(`${path}.reason`, 'must not be empty; a suppression needs a reason');
    const suppression: Suppression = { rule, reason: raw.reason };
    if (nodeIds !== undefined) suppression.nodeIds = nodeIds;
    out[i] = suppression;
  }
  return out;
}

/**
 * The nodes with every zone before its children (React Flow needs it), otherwise in file order:
 * a node whose zone comes later pulls that zone (and its ancestors) up to just before itself.
 * Refuses a parent cycle. Linear: each node is placed once.
 */
function orderParentsFirst(nodes: DiagramNode[], indexById: ReadonlyMap<string, number>): DiagramNode[] {
  const n = nodes.length;
  const parentIndex = new Int32Array(n).fill(-1);
  let anyParent = false;
  for (let i = 0; i < n; i++) {
    const parent = nodes[i].parent;
    if (parent !== undefined) {
      parentIndex[i] = indexById.get(parent)!;
      anyParent = true;
    }
  }
  if (!anyParent) return nodes;
  const PLACED = 2;
  const ON_CHAIN = 1;
  const state = new Uint8Array(n);
  const out: DiagramNode[] = [];
  const chain: number[] = [];
  for (let i = 0; i < n; i++) {
    if (state[i] === PLACED) continue;
    chain.length = 0;
    let j = i;
    while (j !== -1 && state[j] !== PLACED) {
      if (state[j] === ON_CHAIN) {
        const last = chain[chain.length - 1];
        const loop = chain.slice(chain.indexOf(j)).map((k) => nodes[k].id);
        loop.push(nodes[j].id);
        const shown = loop.length > 6 ? [...loop.slice(0, 5), '…'] : loop;
        refuse(`nodes[${last}].parent`, `zones nest in a cycle: ${shown.map((id) => (id === '…' ? id : quote(id))).join(' -> ')}`);
      }
      state[j] = ON_CHAIN;
      chain.push(j);
      j = parentIndex[j];
    }
    for (let k = chain.length - 1; k >= 0; k--) {
      state[chain[k]] = PLACED;
      out.push(nodes[chain[k]]);
    }
  }
  return out;
}
