/**
 * The one place where graph walks live. A diagram becomes a directed graph in compressed
 * adjacency form (both directions), built once per diagram; every helper below is iterative
 * (no recursion, so a 10,000-node chain cannot overflow the stack), linear in nodes + edges,
 * and correct on cycles.
 *
 * Conventions shared by every helper:
 * - Node sets are given and returned as node ids. Ids that are not in the graph are ignored.
 * - "A path" is a directed walk along edges: it may repeat nodes. So "a path from A to B
 *   through P" means A ->* p ->* B for some p in P, which is what a designer means by "the
 *   model goes through the registry", and it keeps the test linear (a *simple* path through a
 *   given node is NP-hard to decide in a directed graph).
 * - Paths may have length 0: a node that is in both A and B is a path from A to B. The
 *   checker's role sets (trainers, inference, monitors ...) are disjoint, so its rules never
 *   depend on this; use `upstreamOf` / `strict` when a proper (length >= 1) path is meant.
 * - Nodes to avoid are avoided everywhere on the path, endpoints included: a source in the
 *   avoided set starts nothing, a target in it is never reached.
 * - Edges touching a `note` or `group` node are left out (notes and zones never count for
 *   anything), as are edges whose source or target is not a node of the diagram.
 */
import type { KindId } from './catalogue';
import { EDGE_KINDS, type Diagram, type EdgeKind } from './diagram';

/** A directed graph over a diagram's nodes; node index = position in `diagram.nodes`. */
export interface Graph {
  /** Node ids in diagram order; a node's index is its position here. */
  readonly ids: readonly string[];
  /** Index of each node id. */
  readonly indexOf: ReadonlyMap<string, number>;
  /** Successors of node i are outAdj[outStart[i] .. outStart[i+1]). */
  readonly outStart: Int32Array;
  readonly outAdj: Int32Array;
  /** Predecessors of node i are inAdj[inStart[i] .. inStart[i+1]). */
  readonly inStart: Int32Array;
  readonly inAdj: Int32Array;
  /** Edge kind code (index into EDGE_KINDS) of each entry of outAdj. */
  readonly outKind: Uint8Array;
  /** The edge of each entry of outAdj: its index in `diagram.edges` (a reversed one keeps its edge's index). */
  readonly outEdge: Int32Array;
  /** Number of edges kept. */
  readonly edgeCount: number;
}

export interface GraphOptions {
  /** Keep only edges of these kinds (all kinds when absent). */
  edgeKinds?: readonly EdgeKind[];
  /** Node kinds whose edges are dropped; defaults to `note` and `group`. */
  ignoreKinds?: readonly KindId[];
}

const DEFAULT_IGNORED: readonly KindId[] = ['note', 'group'];

const EDGE_CODE = new Map<string, number>(EDGE_KINDS.map((k, i) => [k, i]));

/** Builds the graph of a diagram, optionally keeping only some edge kinds. */
export function buildGraph(diagram: Pick<Diagram, 'nodes' | 'edges'>, options: GraphOptions = {}): Graph {
  const { nodes, edges } = diagram;
  const n = nodes.length;
  const ids: string[] = new Array(n);
  const indexOf = new Map<string, number>();
  const ignored = new Set<string>(options.ignoreKinds ?? DEFAULT_IGNORED);
  const skip = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const node = nodes[i];
    ids[i] = node.id;
    // On a duplicate id (the parser refuses them) the first node wins.
    if (!indexOf.has(node.id)) indexOf.set(node.id, i);
    if (ignored.has(node.kind)) skip[i] = 1;
  }
  const src = new Int32Array(edges.length);
  const dst = new Int32Array(edges.length);
  const code = new Uint8Array(edges.length);
  const which = new Int32Array(edges.length);
  let m = 0;
  for (let i = 0; i < edges.length; i++) {
    const e = edges[i];
    const s = indexOf.get(e.source);
    const t = indexOf.get(e.target);
    if (s === undefined || t === undefined || skip[s] || skip[t]) continue;
    src[m] = s;
    dst[m] = t;
    code[m] = EDGE_CODE.get(e.kind ?? 'data') ?? 0;
    which[m] = i;
    m++;
  }
  const g = fromEdges(ids, indexOf, m, src, dst, code, which);
  return options.edgeKinds ? filterEdges(g, options.edgeKinds) : g;
}

/** The same graph with only the edges of the given kinds (no id lookups: typed arrays only). */
export function filterEdges(g: Graph, kinds: readonly EdgeKind[]): Graph {
  const keep = new Uint8Array(EDGE_KINDS.length);
  for (const k of kinds) {
    const c = EDGE_CODE.get(k);
    if (c !== undefined) keep[c] = 1;
  }
  const n = g.ids.length;
  const src = new Int32Array(g.edgeCount);
  const dst = new Int32Array(g.edgeCount);
  const code = new Uint8Array(g.edgeCount);
  const which = new Int32Array(g.edgeCount);
  let m = 0;
  for (let v = 0; v < n; v++) {
    for (let k = g.outStart[v]; k < g.outStart[v + 1]; k++) {
      if (!keep[g.outKind[k]]) continue;
      src[m] = v;
      dst[m] = g.outAdj[k];
      code[m] = g.outKind[k];
      which[m] = g.outEdge[k];
      m++;
    }
  }
  return fromEdges(g.ids, g.indexOf, m, src, dst, code, which);
}

function fromEdges(
  ids: readonly string[],
  indexOf: ReadonlyMap<string, number>,
  m: number,
  src: Int32Array,
  dst: Int32Array,
  code: Uint8Array,
  which: Int32Array,
): Graph {
  const n = ids.length;
  const [outStart, outAdj, outKind, outEdge] = csr(n, m, src, dst, code, which);
  const [inStart, inAdj] = csr(n, m, dst, src, null, null);
  return { ids, indexOf, outStart, outAdj, outKind, outEdge, inStart, inAdj, edgeCount: m };
}

/** Counting sort of m edges by `from` into compressed sparse rows (stable: edge order kept), with their kinds and edge indices when given. */
function csr(
  n: number,
  m: number,
  from: Int32Array,
  to: Int32Array,
  code: Uint8Array | null,
  which: Int32Array | null,
): [Int32Array, Int32Array, Uint8Array, Int32Array] {
  const start = new Int32Array(n + 1);
  for (let k = 0; k < m; k++) start[from[k] + 1]++;
  for (let i = 0; i < n; i++) start[i + 1] += start[i];
  const fill = start.slice(0, n);
  const adj = new Int32Array(m);
  const kinds = new Uint8Array(code ? m : 0);
  const edges = new Int32Array(which ? m : 0);
  for (let k = 0; k < m; k++) {
    const at = fill[from[k]]++;
    adj[at] = to[k];
    if (code) kinds[at] = code[k];
    if (which) edges[at] = which[k];
  }
  return [start, adj, kinds, edges];
}

/** Direction of a walk. */
export type Direction = 'forward' | 'backward';

export interface WalkOptions {
  /** Nodes the walk never enters (start nodes included). */
  avoid?: Iterable<string>;
  /** When true, a start node is only in the result if a path of length >= 1 reaches it. */
  strict?: boolean;
}

/** Indices of the given ids that are in the graph. */
export function toIndices(g: Graph, ids: Iterable<string>): number[] {
  const out: number[] = [];
  for (const id of ids) {
    const i = g.indexOf.get(id);
    if (i !== undefined) out.push(i);
  }
  return out;
}

/** A membership mask over the graph's nodes for the given ids. */
export function toMask(g: Graph, ids: Iterable<string>): Uint8Array {
  const mask = new Uint8Array(g.ids.length);
  for (const i of toIndices(g, ids)) mask[i] = 1;
  return mask;
}

/** A set of nodes as a mask over the graph: membership without building a Set of strings. */
export interface NodeMask {
  /** One byte per node index: 1 when the node is in the set. */
  readonly mask: Uint8Array;
  /** True when the node with this id is in the set. */
  has(id: string): boolean;
}

function nodeMask(g: Graph, mask: Uint8Array): NodeMask {
  return {
    mask,
    has: (id) => {
      const i = g.indexOf.get(id);
      return i !== undefined && mask[i] === 1;
    },
  };
}

/**
 * Nodes reachable from `starts` (forward) or reaching them (backward), as a mask; the
 * allocation-light form of `reachableFrom` and `reaching` for hot paths such as the checker.
 */
export function walk(
  g: Graph,
  starts: Iterable<string>,
  direction: Direction,
  options: WalkOptions = {},
): NodeMask {
  const avoid = options.avoid ? toMask(g, options.avoid) : null;
  return nodeMask(g, walkMask(g, toIndices(g, starts), direction, avoid, options.strict));
}

function maskToSet(g: Graph, mask: Uint8Array): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i < mask.length; i++) if (mask[i]) out.add(g.ids[i]);
  return out;
}

/**
 * Marks every node reachable from `starts` in the given direction (index-level core of the
 * walks; breadth-first with an explicit queue). Returns a mask.
 */
export function walkMask(
  g: Graph,
  starts: readonly number[],
  direction: Direction,
  avoid: Uint8Array | null = null,
  strict = false,
): Uint8Array {
  const n = g.ids.length;
  const start = direction === 'forward' ? g.outStart : g.inStart;
  const adj = direction === 'forward' ? g.outAdj : g.inAdj;
  const seen = new Uint8Array(n);
  const queue = new Int32Array(n);
  let head = 0;
  let tail = 0;
  for (const s of starts) {
    if (avoid && avoid[s]) continue;
    if (strict) {
      for (let k = start[s]; k < start[s + 1]; k++) {
        const t = adj[k];
        if (!seen[t] && !(avoid && avoid[t])) {
          seen[t] = 1;
          queue[tail++] = t;
        }
      }
    } else if (!seen[s]) {
      seen[s] = 1;
      queue[tail++] = s;
    }
  }
  while (head < tail) {
    const v = queue[head++];
    for (let k = start[v]; k < start[v + 1]; k++) {
      const t = adj[k];
      if (!seen[t] && !(avoid && avoid[t])) {
        seen[t] = 1;
        queue[tail++] = t;
      }
    }
  }
  return seen;
}

/** Ids of the direct successors of a node (targets of its outgoing edges, repeats removed). */
export function successors(g: Graph, id: string): string[] {
  return neighbours(g, id, g.outStart, g.outAdj);
}

/** Ids of the direct predecessors of a node (sources of its incoming edges, repeats removed). */
export function predecessors(g: Graph, id: string): string[] {
  return neighbours(g, id, g.inStart, g.inAdj);
}

function neighbours(g: Graph, id: string, start: Int32Array, adj: Int32Array): string[] {
  const i = g.indexOf.get(id);
  if (i === undefined) return [];
  const out = new Set<string>();
  for (let k = start[i]; k < start[i + 1]; k++) out.add(g.ids[adj[k]]);
  return [...out];
}

/** Number of edges (in both directions) that touch a node. */
export function degree(g: Graph, id: string): number {
  const i = g.indexOf.get(id);
  return i === undefined ? 0 : degreeAt(g, i);
}

/** Number of edges (in both directions) that touch the node at this index. */
export function degreeAt(g: Graph, i: number): number {
  return g.outStart[i + 1] - g.outStart[i] + g.inStart[i + 1] - g.inStart[i];
}

/** Ids reachable from `sources` (sources included unless `strict`), optionally avoiding nodes. */
export function reachableFrom(g: Graph, sources: Iterable<string>, options: WalkOptions = {}): Set<string> {
  const avoid = options.avoid ? toMask(g, options.avoid) : null;
  return maskToSet(g, walkMask(g, toIndices(g, sources), 'forward', avoid, options.strict));
}

/** Ids from which some node of `targets` is reachable (targets included unless `strict`). */
export function reaching(g: Graph, targets: Iterable<string>, options: WalkOptions = {}): Set<string> {
  const avoid = options.avoid ? toMask(g, options.avoid) : null;
  return maskToSet(g, walkMask(g, toIndices(g, targets), 'backward', avoid, options.strict));
}

/** Ids upstream of a node: those with a path of length >= 1 to it (itself only on a cycle). */
export function upstreamOf(g: Graph, id: string): Set<string> {
  return reaching(g, [id], { strict: true });
}

/** Ids downstream of a node: those a path of length >= 1 reaches (itself only on a cycle). */
export function downstreamOf(g: Graph, id: string): Set<string> {
  return reachableFrom(g, [id], { strict: true });
}

/** True when some path (length >= 0) leads from a node of `from` to a node of `to`. */
export function hasPath(g: Graph, from: Iterable<string>, to: Iterable<string>): boolean {
  return hasPathAvoiding(g, from, to, []);
}

/**
 * True when some path leads from a node of `from` to a node of `to` and enters no node of
 * `avoid` (endpoints included: an avoided source or target does not count).
 */
export function hasPathAvoiding(
  g: Graph,
  from: Iterable<string>,
  to: Iterable<string>,
  avoid: Iterable<string>,
): boolean {
  const avoidMask = toMask(g, avoid);
  const reached = walkMask(g, toIndices(g, from), 'forward', avoidMask);
  for (const t of toIndices(g, to)) if (reached[t]) return true;
  return false;
}

/**
 * True when some path from a node of `from` to a node of `to` passes through a node that
 * satisfies `through` (endpoints count: a source or target satisfying it is on the path).
 * Such a path exists exactly when some such node is forward-reachable from `from` and
 * backward-reachable from `to`: two linear walks and an intersection.
 */
export function hasPathThrough(
  g: Graph,
  from: Iterable<string>,
  to: Iterable<string>,
  through: (id: string) => boolean,
): boolean {
  const fwd = walkMask(g, toIndices(g, from), 'forward');
  const bwd = walkMask(g, toIndices(g, to), 'backward');
  for (let i = 0; i < fwd.length; i++) if (fwd[i] && bwd[i] && through(g.ids[i])) return true;
  return false;
}

/** Strongly connected components of a graph. */
export interface Components {
  /** Number of components. */
  count: number;
  /**
   * Component number of each node index. Components are numbered in reverse topological
   * order: every edge between two components goes from a higher number to a lower one
   * (sinks first), as Tarjan's algorithm emits them.
   */
  componentOf: Int32Array;
  /** Node indices of component c, ascending, are memberNodes[memberStart[c] .. memberStart[c+1]). */
  memberStart: Int32Array;
  memberNodes: Int32Array;
}

/** Strongly connected components by an iterative Tarjan's algorithm (no recursion). */
export function stronglyConnectedComponents(g: Graph): Components {
  const n = g.ids.length;
  const { outStart, outAdj } = g;
  const index = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const onStack = new Uint8Array(n);
  const componentOf = new Int32Array(n).fill(-1);
  const stack = new Int32Array(n);
  let sp = 0;
  // The call stack of the depth-first search: a node and the next edge to look at.
  const callNode = new Int32Array(n);
  const callEdge = new Int32Array(n);
  let cp = 0;
  let counter = 0;
  let count = 0;

  for (let root = 0; root < n; root++) {
    if (index[root] !== -1) continue;
    index[root] = low[root] = counter++;
    stack[sp++] = root;
    onStack[root] = 1;
    callNode[cp] = root;
    callEdge[cp] = outStart[root];
    cp++;
    while (cp > 0) {
      const v = callNode[cp - 1];
      const k = callEdge[cp - 1];
      if (k < outStart[v + 1]) {
        callEdge[cp - 1] = k + 1;
        const w = outAdj[k];
        if (index[w] === -1) {
          index[w] = low[w] = counter++;
          stack[sp++] = w;
          onStack[w] = 1;
          callNode[cp] = w;
          callEdge[cp] = outStart[w];
          cp++;
        } else if (onStack[w] && index[w] < low[v]) {
          low[v] = index[w];
        }
        continue;
      }
      // All edges of v done: pop it, and close its component if v is the component's root.
      cp--;
      if (low[v] === index[v]) {
        let w: number;
        do {
          w = stack[--sp];
          onStack[w] = 0;
          componentOf[w] = count;
        } while (w !== v);
        count++;
      }
      if (cp > 0) {
        const parent = callNode[cp - 1];
        if (low[v] < low[parent]) low[parent] = low[v];
      }
    }
  }
  // Members by component, ascending within each (a counting sort over node indices).
  const memberStart = new Int32Array(count + 1);
  for (let i = 0; i < n; i++) memberStart[componentOf[i] + 1]++;
  for (let c = 0; c < count; c++) memberStart[c + 1] += memberStart[c];
  const fill = memberStart.slice(0, count);
  const memberNodes = new Int32Array(n);
  for (let i = 0; i < n; i++) memberNodes[fill[componentOf[i]]++] = i;
  return { count, componentOf, memberStart, memberNodes };
}

/** The heaviest walk found by `heaviestWalk`. */
export interface HeaviestWalk {
  /** Sum of the weights of the distinct nodes on the walk. */
  total: number;
  /** Nodes of the walk: block after block in walk order, each block's nodes in diagram order. */
  nodeIds: string[];
}

/**
 * The walk starting at a node of `starts` whose distinct nodes weigh the most, each node
 * counted once. Every strongly connected component is one block (a walk can tour a cycle and
 * go on, so all its nodes add once); the blocks form a DAG on which a longest path is found in
 * linear time. `weight` gets a node's id and index and must be non-negative. Ties go to the
 * block whose first node comes first in diagram order. Null when no start is in the graph.
 */
export function heaviestWalk(
  g: Graph,
  starts: Iterable<string>,
  weight: (id: string, index: number) => number,
): HeaviestWalk | null {
  const startIdx = toIndices(g, starts);
  if (startIdx.length === 0) return null;
  const { count, componentOf, memberStart, memberNodes } = stronglyConnectedComponents(g);
  const firstOf = (c: number) => memberNodes[memberStart[c]];
  // Components come sinks first, so every successor block is final before its predecessors.
  const best = new Float64Array(count);
  const next = new Int32Array(count).fill(-1);
  for (let c = 0; c < count; c++) {
    let own = 0;
    let bestNext = -1;
    let bestValue = 0;
    for (let m = memberStart[c]; m < memberStart[c + 1]; m++) {
      const v = memberNodes[m];
      own += weight(g.ids[v], v);
      for (let k = g.outStart[v]; k < g.outStart[v + 1]; k++) {
        const d = componentOf[g.outAdj[k]];
        if (d === c) continue;
        if (bestNext === -1 || best[d] > bestValue || (best[d] === bestValue && firstOf(d) < firstOf(bestNext))) {
          bestNext = d;
          bestValue = best[d];
        }
      }
    }
    next[c] = bestNext;
    best[c] = own + (bestNext === -1 ? 0 : bestValue);
  }
  let first = -1;
  for (const s of startIdx) {
    const c = componentOf[s];
    if (first === -1 || best[c] > best[first] || (best[c] === best[first] && firstOf(c) < firstOf(first))) first = c;
  }
  const nodeIds: string[] = [];
  for (let c = first; c !== -1; c = next[c]) {
    for (let m = memberStart[c]; m < memberStart[c + 1]; m++) nodeIds.push(g.ids[memberNodes[m]]);
  }
  return { total: best[first], nodeIds };
}

// ------------------------------------------------------------------ the path sorts of domain.md section 3

const REQUEST = EDGE_CODE.get('request')!;
const FEEDING = new Set(['data', 'stream', 'feedback'].map((k) => EDGE_CODE.get(k)!));

/** A new graph from a graph's edges: `emit(s, t, code)` for each edge decides what is kept, reversed or added. */
function rebuild(g: Graph, each: (s: number, t: number, code: number, emit: (s: number, t: number, code: number) => void) => void): Graph {
  // Each edge gives at most two (as drawn and read backwards).
  const cap = Math.max(4, g.edgeCount * 2);
  const src = new Int32Array(cap);
  const dst = new Int32Array(cap);
  const code = new Uint8Array(cap);
  const which = new Int32Array(cap);
  let m = 0;
  let current = -1;
  const emit = (s: number, t: number, c: number) => {
    src[m] = s;
    dst[m] = t;
    code[m] = c;
    which[m] = current;
    m++;
  };
  for (let v = 0; v < g.ids.length; v++) {
    for (let k = g.outStart[v]; k < g.outStart[v + 1]; k++) {
      current = g.outEdge[k];
      each(v, g.outAdj[k], g.outKind[k], emit);
    }
  }
  return fromEdges(g.ids, g.indexOf, m, src, dst, code, which);
}

/**
 * The graph along which one node feeds another: `data`, `stream` and `feedback` edges as drawn, and
 * `request` edges read backwards (a model server that calls a feature store is fed by it).
 */
export function feedsGraph(g: Graph): Graph {
  return rebuild(g, (s, t, c, emit) => {
    if (FEEDING.has(c)) emit(s, t, c);
    else if (c === REQUEST) emit(t, s, c);
  });
}

/** Every edge as drawn, and every `request` edge also read backwards (a call returns data): where data can get to by any route. */
export function flowGraph(g: Graph): Graph {
  return rebuild(g, (s, t, c, emit) => {
    emit(s, t, c);
    if (c === REQUEST) emit(t, s, c);
  });
}

/** Strongly connected tangles larger than this are judged by reachability alone (see hasSimplePathThrough). */
export const SIMPLE_PATH_LIMIT = 2000;

/**
 * True when a node satisfying `through` lies on a path from a node of `fromIdx` to a node of `toIdx` (node indices)
 * that never comes back to a node it has left (domain.md section 3, "through X"): on a retraining
 * loop, going round the loop and back does not pass "through" what lies on the loop only.
 *
 * Outside strongly connected components every walk is such a path, so only a candidate on a cycle
 * needs more: the path enters its component at an entry a (a start in it, or a node entered from
 * outside) and leaves it at an exit b (an end in it, or a node with an edge out towards an end);
 * inside, a -> p and p -> b must share no node but p. That part is decided by two breadth-first
 * searches each way (exact on rings and on the loops designs draw; in a tangle of over
 * SIMPLE_PATH_LIMIT nodes the candidate counts when it is reachable both ways). Linear per candidate.
 */
export function hasSimplePathThrough(
  g: Graph,
  fromIdx: readonly number[],
  toIdx: readonly number[],
  through: (index: number) => boolean,
): boolean {
  const fwd = walkMask(g, fromIdx, 'forward');
  const bwd = walkMask(g, toIdx, 'backward');
  const candidates: number[] = [];
  for (let i = 0; i < fwd.length; i++) if (fwd[i] && bwd[i] && through(i)) candidates.push(i);
  if (candidates.length === 0) return false;
  const { componentOf, memberStart } = stronglyConnectedComponents(g);
  const size = (c: number) => memberStart[c + 1] - memberStart[c];
  const isFrom = toMaskIdx(g, fromIdx);
  const isTo = toMaskIdx(g, toIdx);
  for (const p of candidates) {
    const c = componentOf[p];
    if (size(c) === 1 || size(c) > SIMPLE_PATH_LIMIT) return true;
    // Entries and exits of p's component on the way from `from` to `to`.
    const inC = (v: number) => componentOf[v] === c;
    const entry = (v: number) => {
      if (isFrom[v]) return true;
      for (let k = g.inStart[v]; k < g.inStart[v + 1]; k++) {
        const u = g.inAdj[k];
        if (!inC(u) && fwd[u]) return true;
      }
      return false;
    };
    const exit = (v: number) => {
      if (isTo[v]) return true;
      for (let k = g.outStart[v]; k < g.outStart[v + 1]; k++) {
        const w = g.outAdj[k];
        if (!inC(w) && bwd[w]) return true;
      }
      return false;
    };
    if (entry(p) || exit(p)) return true;
    if (disjointThrough(g, p, inC, entry, exit)) return true;
  }
  return false;
}

function toMaskIdx(g: Graph, idx: readonly number[]): Uint8Array {
  const mask = new Uint8Array(g.ids.length);
  for (const i of idx) mask[i] = 1;
  return mask;
}

/**
 * Inside one component: is there an entry a and an exit b with paths a -> p and p -> b that share
 * only p? Tries a shortest a -> p path first (avoiding exits where it can) and then p -> b around it,
 * and the other way round.
 */
function disjointThrough(
  g: Graph,
  p: number,
  inC: (v: number) => boolean,
  entry: (v: number) => boolean,
  exit: (v: number) => boolean,
): boolean {
  const tries: [Direction, (v: number) => boolean, (v: number) => boolean][] = [
    ['backward', entry, exit],
    ['forward', exit, entry],
  ];
  for (const [dir, goal, spare] of tries) {
    for (const avoidSpare of [true, false]) {
      const first = bfsPath(g, p, dir, inC, goal, avoidSpare ? spare : null, null);
      if (!first) continue;
      const used = new Set(first);
      used.delete(p);
      const back: Direction = dir === 'backward' ? 'forward' : 'backward';
      if (bfsPath(g, p, back, inC, spare, null, used)) return true;
    }
  }
  return false;
}

/** A shortest path from p (walking `dir`) to a node satisfying `goal`, inside the component; the nodes on it, p first. */
function bfsPath(
  g: Graph,
  p: number,
  dir: Direction,
  inC: (v: number) => boolean,
  goal: (v: number) => boolean,
  avoid: ((v: number) => boolean) | null,
  blocked: ReadonlySet<number> | null,
): number[] | null {
  const start = dir === 'forward' ? g.outStart : g.inStart;
  const adj = dir === 'forward' ? g.outAdj : g.inAdj;
  const parent = new Map<number, number>([[p, -1]]);
  const queue = [p];
  for (let head = 0; head < queue.length; head++) {
    const v = queue[head];
    for (let k = start[v]; k < start[v + 1]; k++) {
      const w = adj[k];
      if (parent.has(w) || !inC(w) || (blocked && blocked.has(w))) continue;
      parent.set(w, v);
      if (goal(w)) {
        const path: number[] = [];
        for (let x = w; x !== -1; x = parent.get(x)!) path.push(x);
        return path.reverse();
      }
      if (avoid && avoid(w)) continue;
      queue.push(w);
    }
  }
  return null;
}

/** The costliest request path found by `costliestRequestPath`. */
export interface RequestCost {
  /** Milliseconds: the sum of the weights of the nodes that add up. */
  total: number;
  /** The start it is measured from. */
  startId: string;
  /** The nodes whose costs add up, in diagram order. */
  nodeIds: string[];
}

/**
 * The costliest request path from a start (domain.md section 4, `latency-over-budget`): a node costs
 * its own weight plus the sum of its callees' costs, or only the largest of them where `parallel`
 * says it awaits them together; each node counts once (a callee two callers share, a cycle).
 * Parallel nodes keep only their costliest callee (deepest first); then the cost of a start is the
 * weight of everything it reaches. Starts are tried from the largest upper bound (a sum over the
 * component DAG) down, so usually one walk decides. Linear per parallel callee and per start tried.
 */
export function costliestRequestPath(
  g: Graph,
  starts: Iterable<string>,
  weight: (index: number) => number,
  parallel: (index: number) => boolean,
): RequestCost | null {
  const startIdx = toIndices(g, starts);
  if (startIdx.length === 0) return null;
  const n = g.ids.length;
  const { count, componentOf, memberStart, memberNodes } = stronglyConnectedComponents(g);
  // Pruned callees: null = all of outAdj; otherwise the one kept.
  const kept = new Int32Array(n).fill(-1);
  const callees = (v: number, f: (w: number) => void) => {
    if (kept[v] >= 0) f(kept[v]);
    else for (let k = g.outStart[v]; k < g.outStart[v + 1]; k++) f(g.outAdj[k]);
  };
  const seen = new Int32Array(n);
  let stamp = 0;
  const reachWeight = (s: number, collect?: number[]): number => {
    stamp++;
    const queue = [s];
    seen[s] = stamp;
    let total = 0;
    for (let head = 0; head < queue.length; head++) {
      const v = queue[head];
      total += weight(v);
      collect?.push(v);
      callees(v, (w) => {
        if (seen[w] !== stamp) {
          seen[w] = stamp;
          queue.push(w);
        }
      });
    }
    return total;
  };
  // Parallel nodes, deepest (sinks-first component order) first, keep their costliest callee.
  const order: number[] = [];
  for (let c = 0; c < count; c++) {
    for (let m = memberStart[c]; m < memberStart[c + 1]; m++) {
      const v = memberNodes[m];
      if (parallel(v) && g.outStart[v + 1] - g.outStart[v] > 1) order.push(v);
    }
  }
  for (const v of order) {
    let best = -1;
    let bestCost = -1;
    for (let k = g.outStart[v]; k < g.outStart[v + 1]; k++) {
      const w = g.outAdj[k];
      const cost = reachWeight(w);
      if (cost > bestCost) {
        best = w;
        bestCost = cost;
      }
    }
    kept[v] = best;
  }
  // Upper bounds per component (sum over the pruned component DAG; sinks come first).
  const bound = new Float64Array(count);
  const countedBy = new Int32Array(count).fill(-1);
  for (let c = 0; c < count; c++) {
    let own = 0;
    let below = 0;
    for (let m = memberStart[c]; m < memberStart[c + 1]; m++) {
      const v = memberNodes[m];
      own += weight(v);
      callees(v, (w) => {
        const d = componentOf[w];
        if (d !== c && countedBy[d] !== c) {
          countedBy[d] = c;
          below += bound[d];
        }
      });
    }
    bound[c] = own + below;
  }
  const candidates = [...new Set(startIdx)].sort((a, b) => bound[componentOf[b]] - bound[componentOf[a]] || a - b);
  let best: { total: number; start: number } | null = null;
  for (const s of candidates) {
    if (best && bound[componentOf[s]] <= best.total) break;
    const total = reachWeight(s);
    if (!best || total > best.total) best = { total, start: s };
  }
  const nodes: number[] = [];
  reachWeight(best!.start, nodes);
  nodes.sort((a, b) => a - b);
  return { total: best!.total, startId: g.ids[best!.start], nodeIds: nodes.map((i) => g.ids[i]) };
}
