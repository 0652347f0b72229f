import { kindInfo, type KindId } from './catalogue';
import { isStageId, type StageId } from './stages';

/** Edge kinds of domain.md section 3. */
export const EDGE_KINDS = ['data', 'stream', 'request', 'model', 'feedback', 'control'] as const;
export type EdgeKind = (typeof EDGE_KINDS)[number];

export const EDGE_KIND_INFO: Record<EdgeKind, { label: string; description: string }> = {
  data: { label: 'Data', description: 'batch data' },
  stream: { label: 'Stream', description: 'events through a queue or stream processor' },
  request: { label: 'Request', description: 'an online call on the request path' },
  model: { label: 'Model', description: 'a trained artifact moving to a registry or server' },
  feedback: { label: 'Feedback', description: 'labels or logs flowing back towards training' },
  control: { label: 'Control', description: 'a trigger or schedule' },
};

/** Problem profiles of domain.md section 5. */
export const PROBLEM_IDS = [
  'generic',
  'recommendation',
  'visual-search',
  'video-search',
  'search-ranking',
  'ad-click',
  'fraud',
  'eta',
  'content-moderation',
  'rag',
] as const;
export type ProblemId = (typeof PROBLEM_IDS)[number];

export const PROBLEM_LABELS: Record<ProblemId, string> = {
  generic: 'Generic',
  recommendation: 'Recommendation',
  'visual-search': 'Visual search',
  'video-search': 'Video search',
  'search-ranking': 'Search ranking',
  'ad-click': 'Ad click prediction',
  fraud: 'Fraud detection',
  eta: 'ETA prediction',
  'content-moderation': 'Content moderation',
  rag: 'Retrieval-augmented generation',
};

/** `ml-objective` task types. */
export const ML_TASKS = ['classification', 'ranking', 'regression', 'retrieval', 'generation', 'detection'] as const;
export type MlTask = (typeof ML_TASKS)[number];

/** How offline evaluation holds data out (ml-objective `split`). */
export const SPLITS = ['random', 'time', 'user', 'group'] as const;
export type Split = (typeof SPLITS)[number];

/** Where training labels come from (ml-objective `labelSource`). */
export const LABEL_SOURCES = ['user-feedback', 'human-annotation', 'outcome', 'self-supervised', 'none'] as const;
export type LabelSource = (typeof LABEL_SOURCES)[number];

/** Zone tints of a `group` node. */
export const ZONES = ['offline', 'online'] as const;
export type Zone = (typeof ZONES)[number];

export interface XY {
  x: number;
  y: number;
}

/**
 * Node properties. All optional; unknown fields are kept so they survive a round trip.
 * Known: tool, notes, latencyMs, actsAs, parallel, fallback; custom: stage; embedding-model: pretrained;
 * prediction-logging: logsFeatures; group: width, height, zone; note: text; requirements: goal, scale,
 * qps, latencyBudgetMs, realtime; ml-objective: task, label, loss, offlineMetric, onlineMetric,
 * labelSource, labelDelay, positiveRate, split, calibrated (domain.md section 2, revision 2).
 */
export interface NodeProps {
  tool?: string;
  notes?: string;
  latencyMs?: number;
  stage?: StageId;
  pretrained?: boolean;
  width?: number;
  height?: number;
  zone?: Zone;
  text?: string;
  goal?: string;
  scale?: string;
  qps?: number;
  latencyBudgetMs?: number;
  realtime?: boolean;
  task?: MlTask;
  label?: string;
  loss?: string;
  offlineMetric?: string;
  onlineMetric?: string;
  /** Other kinds this node plays (a rules engine that does the re-ranking: `["re-ranking"]`). */
  actsAs?: KindId[];
  /** Awaits its outgoing request calls together: the slowest counts, not their sum. */
  parallel?: boolean;
  /** What answers when this node fails or times out. */
  fallback?: string;
  /** A prediction log that records the features as they were served. */
  logsFeatures?: boolean;
  labelSource?: LabelSource;
  labelDelay?: string;
  /** Share of positive examples, 0-1. */
  positiveRate?: number;
  split?: Split;
  calibrated?: boolean;
  // Sizing (domain.md section 4, revision 2); see src/domain/sizing.
  dau?: number;
  requestsPerUserPerDay?: number;
  peakFactor?: number;
  /** Items in the catalogue (requirements) or in the index (vector-db, search-index). */
  items?: number;
  dimensions?: number;
  /** 4 fp32, 2 fp16, 1 int8, or the bytes of a PQ code per dimension. */
  bytesPerDimension?: number;
  replicas?: number;
  shards?: number;
  /** Candidates scored per request. */
  candidates?: number;
  costPerCandidateUs?: number;
  promptTokens?: number;
  outputTokens?: number;
  /** Model size in billions of parameters. */
  modelParamsB?: number;
  /** GPU type: H100, A100, L4 ... */
  gpu?: string;
  gpus?: number;
  eventsPerDay?: number;
  bytesPerEvent?: number;
  retentionDays?: number;
  itemsPerDay?: number;
  /** Share of items sent to review, 0-1. */
  reviewShare?: number;
  reviewsPerHour?: number;
  reviewers?: number;
  [extra: string]: unknown;
}

export interface DiagramNode {
  id: string;
  kind: KindId;
  /** Name shown on the node; when absent the catalogue label is shown. */
  label?: string;
  /** Top-left corner; relative to the parent zone when `parent` is set. */
  position: XY;
  /** Id of the enclosing `group` node. */
  parent?: string;
  props: NodeProps;
}

export interface DiagramEdge {
  id: string;
  source: string;
  target: string;
  kind: EdgeKind;
  label?: string;
}

export interface Suppression {
  rule: string;
  nodeIds?: string[];
  reason: string;
}

/** A diagram in memory: the file format of domain.md section 7 with its defaults filled in. */
export interface Diagram {
  title: string;
  problem: ProblemId;
  brief?: string;
  nodes: DiagramNode[];
  edges: DiagramEdge[];
  suppressions: Suppression[];
}

/** A blank diagram. */
export function emptyDiagram(title = 'Untitled design'): Diagram {
  return { title, problem: 'generic', nodes: [], edges: [], suppressions: [] };
}

/** The name a node shows: its label, or the catalogue label of its kind. */
export function nodeLabel(node: Pick<DiagramNode, 'kind' | 'label'>): string {
  return node.label ?? kindInfo(node.kind).label;
}

/** The stage a node belongs to: the catalogue's, or for a custom node the one it names. */
export function nodeStage(node: DiagramNode): StageId | null {
  if (node.kind === 'custom') return isStageId(node.props.stage) ? node.props.stage : null;
  return kindInfo(node.kind).stage;
}

/** Default size of a new zone. */
export const DEFAULT_ZONE_SIZE = { width: 520, height: 320 } as const;

/** Nominal box of a component node on the canvas, used for layout, overlap checks and drops. */
export const NODE_SIZE = { width: 168, height: 60 } as const;

/** A node's nominal box size: a zone's own size, otherwise the component size. */
export function nodeSize(node: DiagramNode): { width: number; height: number } {
  if (node.kind === 'group') {
    return {
      width: typeof node.props.width === 'number' ? node.props.width : DEFAULT_ZONE_SIZE.width,
      height: typeof node.props.height === 'number' ? node.props.height : DEFAULT_ZONE_SIZE.height,
    };
  }
  return NODE_SIZE;
}

/** A node's top-left corner in diagram (absolute) coordinates, following its parent chain (for one node; absolutePositions for many). */
export function absolutePosition(node: DiagramNode, byId: ReadonlyMap<string, DiagramNode>): XY {
  let x = node.position.x;
  let y = node.position.y;
  let parentId = node.parent;
  const seen = new Set<string>([node.id]);
  while (parentId && !seen.has(parentId)) {
    seen.add(parentId);
    const parent = byId.get(parentId);
    if (!parent) break;
    x += parent.position.x;
    y += parent.position.y;
    parentId = parent.parent;
  }
  return { x, y };
}

/**
 * A value per node computed from its parent's (undefined at the top level), in one linear pass: each node's value is
 * computed once (a chain of 20,000 nested zones costs 20,000 steps, not 200 million). A parent cycle (which no parsed
 * diagram has) counts each member once, from the first met, as if the cycle were the top level.
 */
function foldOverParents<T>(nodes: readonly DiagramNode[], own: (node: DiagramNode, parentValue: T | undefined) => T): Map<string, T> {
  const byId = new Map<string, DiagramNode>();
  for (const n of nodes) if (!byId.has(n.id)) byId.set(n.id, n);
  const out = new Map<string, T>();
  const chain: DiagramNode[] = [];
  const onChain = new Set<string>();
  for (const n of nodes) {
    if (out.has(n.id)) continue;
    chain.length = 0;
    onChain.clear();
    let cur: DiagramNode | undefined = n;
    while (cur && !out.has(cur.id) && !onChain.has(cur.id)) {
      onChain.add(cur.id);
      chain.push(cur);
      cur = cur.parent !== undefined ? byId.get(cur.parent) : undefined;
    }
    let value = cur && out.has(cur.id) ? out.get(cur.id) : undefined;
    for (let i = chain.length - 1; i >= 0; i--) {
      value = own(chain[i], value);
      out.set(chain[i].id, value);
    }
  }
  return out;
}

/** Every node's top-left corner in diagram (absolute) coordinates: its position plus its parent's corner. */
export function absolutePositions(nodes: readonly DiagramNode[]): Map<string, XY> {
  return foldOverParents<XY>(nodes, (n, p) => ({ x: (p?.x ?? 0) + n.position.x, y: (p?.y ?? 0) + n.position.y }));
}

/** How many zones each node sits in (0 at the top level); a parent cycle counts each member once. */
export function nestingDepths(nodes: readonly DiagramNode[]): Map<string, number> {
  return foldOverParents<number>(nodes, (_n, p) => (p === undefined ? 0 : p + 1));
}

/** The ids of each zone's direct children (a node whose parent is missing is nobody's child). */
export function childrenOf(nodes: readonly DiagramNode[]): Map<string, DiagramNode[]> {
  const ids = new Set<string>();
  for (const n of nodes) ids.add(n.id);
  const out = new Map<string, DiagramNode[]>();
  for (const n of nodes) {
    if (n.parent === undefined || n.parent === n.id || !ids.has(n.parent)) continue;
    const list = out.get(n.parent);
    if (list) list.push(n);
    else out.set(n.parent, [n]);
  }
  return out;
}

/** Nodes reordered so that every zone comes before its children (stable otherwise), as React Flow needs. Iterative and linear. */
export function sortParentsFirst(nodes: readonly DiagramNode[]): DiagramNode[] {
  const byId = new Map<string, DiagramNode>();
  for (const n of nodes) if (!byId.has(n.id)) byId.set(n.id, n);
  let inOrder = true;
  const seen = new Set<string>();
  for (const n of nodes) {
    if (n.parent && !seen.has(n.parent) && byId.has(n.parent)) inOrder = false;
    seen.add(n.id);
  }
  if (inOrder) return nodes.slice();
  const placed = new Set<DiagramNode>();
  const out: DiagramNode[] = [];
  const chain: DiagramNode[] = [];
  const onChain = new Set<DiagramNode>();
  for (const n of nodes) {
    if (placed.has(n)) continue;
    // The node and its unplaced ancestors, placed outermost first (a cycle stops the climb).
    chain.length = 0;
    onChain.clear();
    let cur: DiagramNode | undefined = n;
    while (cur && !placed.has(cur) && !onChain.has(cur)) {
      onChain.add(cur);
      chain.push(cur);
      cur = cur.parent !== undefined ? byId.get(cur.parent) : undefined;
    }
    for (let i = chain.length - 1; i >= 0; i--) {
      placed.add(chain[i]);
      out.push(chain[i]);
    }
  }
  return out;
}

/**
 * The innermost zone whose box contains the point (absolute coordinates), or undefined.
 * `exclude` names nodes that cannot be the answer (a dragged zone and everything inside it).
 */
export function zoneAt(
  nodes: readonly DiagramNode[],
  point: XY,
  exclude: ReadonlySet<string> = new Set(),
  at: ReadonlyMap<string, XY> = absolutePositions(nodes),
): DiagramNode | undefined {
  let best: DiagramNode | undefined;
  let bestArea = Infinity;
  for (const n of nodes) {
    if (n.kind !== 'group' || exclude.has(n.id)) continue;
    const { x, y } = at.get(n.id) ?? n.position;
    const { width, height } = nodeSize(n);
    if (point.x < x || point.y < y || point.x > x + width || point.y > y + height) continue;
    const area = width * height;
    if (area <= bestArea) {
      best = n;
      bestArea = area;
    }
  }
  return best;
}

/** Ids of a node and everything nested inside it. Linear. */
export function withDescendants(nodes: readonly DiagramNode[], id: string, children: ReadonlyMap<string, DiagramNode[]> = childrenOf(nodes)): Set<string> {
  const out = new Set([id]);
  const stack = [id];
  while (stack.length) {
    for (const c of children.get(stack.pop()!) ?? []) {
      if (out.has(c.id)) continue;
      out.add(c.id);
      stack.push(c.id);
    }
  }
  return out;
}

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The box around some boxes; empty at the origin for none. */
export function boxesBounds(boxes: Iterable<Box>): Box {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const b of boxes) {
    minX = Math.min(minX, b.x);
    minY = Math.min(minY, b.y);
    maxX = Math.max(maxX, b.x + b.width);
    maxY = Math.max(maxY, b.y + b.height);
  }
  if (minX === Infinity) return { x: 0, y: 0, width: 0, height: 0 };
  return { x: minX, y: minY, width: maxX - minX, height: maxY - minY };
}

/** The box around every node (absolute coordinates, nominal sizes); empty at the origin for no nodes. */
export function nodesBounds(nodes: readonly DiagramNode[]): Box {
  const at = absolutePositions(nodes);
  return boxesBounds(nodes.map((n) => ({ ...at.get(n.id)!, ...nodeSize(n) })));
}
