/**
 * What every rule receives: the diagram, its graphs (built once, each path sort of domain.md
 * section 3 on first use), the role sets and what the cards say, so no rule recomputes them and no
 * rule walks the graph on its own.
 */
import type { KindId } from '../catalogue';
import { isOnlineDesign } from '../cards';
import { stageCoverage, type Coverage } from '../coverage';
import { nodeLabel, type Diagram, type DiagramNode, type MlTask } from '../diagram';
import { buildGraph, feedsGraph, filterEdges, flowGraph, toIndices, walkMask, type Graph } from '../graph';
import { ROLE, roleMask } from '../roles';
import { isDataOrigin, isFeatureProducer, isIndex, isLabelSourceFor, kindsOf, plays } from '../roleRules';
import type { StageId } from '../stages';
import { isLabelSource, isSplit, labelSourceIn, splitIn, termsIn, type LabelSource, type Split } from '../vocabulary';
import type { Finding } from './types';

/** Node lists by role, each in diagram order. Notes and zones are in none of them. */
export interface Roles {
  trainers: DiagramNode[];
  inference: DiagramNode[];
  pretrained: DiagramNode[];
  monitors: DiagramNode[];
  dataOrigins: DiagramNode[];
  featureProducers: DiagramNode[];
  indexes: DiagramNode[];
  /** Nodes that play a data-stage kind (catalogue, custom stage or `actsAs`). */
  dataStage: DiagramNode[];
  /** Nodes that play a serving-stage kind. */
  servingStage: DiagramNode[];
}

/** What the (first) ML objective card says, its structured fields read from its texts where unset. */
export interface Objective {
  card: DiagramNode;
  task?: MlTask;
  /** Set on the card, or recognised in its label. */
  labelSource?: LabelSource;
  /** Set on the card, or recognised in its offline metric and notes and the offline evaluations' texts (time wins). */
  split?: Split;
  positiveRate?: number;
  calibrated?: boolean;
  /** Ids of the offline metrics named on the card and by offline evaluation nodes. */
  offlineMetrics: Set<string>;
  /** True when some offline metric is written at all (card or evaluation nodes). */
  hasOfflineMetricText: boolean;
}

export interface RuleContext {
  diagram: Diagram;
  /** Graph over edges of every kind, as drawn (edges touching notes and zones left out). */
  graph: Graph;
  /** `request` edges only: the request path, caller to callee. */
  readonly requestGraph: Graph;
  /** `model` edges only: model paths. */
  readonly modelGraph: Graph;
  /** `control` edges only: triggers. */
  readonly triggerGraph: Graph;
  /** Feeds: data, stream and feedback edges, and request edges read backwards. */
  readonly feedsGraph: Graph;
  /** Every edge as drawn plus request edges read backwards: where data can get to. */
  readonly flowGraph: Graph;
  /** Every node except notes and zones, in diagram order. */
  components: DiagramNode[];
  /** The role bits (roleMask) of each node, by its index in the diagram (and the graph). */
  roleMasks: Int32Array;
  /** The node with this id (the first one, should ids repeat). */
  node(id: string): DiagramNode | undefined;
  roles: Roles;
  /** Stage coverage (section 4) and the cards that exist but are incomplete. */
  coverage: Coverage;
  /** Stage coverage: true when the stage is covered. */
  stages: Record<StageId, boolean>;
  /** Nodes whose own kind is this, in diagram order (empty when none). */
  ofKind(kind: KindId): DiagramNode[];
  /** Nodes that play the kind (own kind or `actsAs`), in diagram order. */
  playing(kind: KindId): DiagramNode[];
  /** True when some node plays the kind. */
  has(kind: KindId): boolean;
  /** True for an online design: a client app or prediction API, or realtime requirements. */
  online: boolean;
  /** The first ML objective card, read; null when there is none. */
  objective: Objective | null;
  /** Label sources for the objective's label source (section 2). */
  readonly labelSources: DiagramNode[];
  /** Computes a value once per check and shares it between rules. */
  memo<T>(key: string, compute: () => T): T;
  /** A node's index in the diagram and its graphs (-1 for a node not in them). */
  index(node: DiagramNode): number;
  /** The graph indices of some nodes (by object, no id lookups; memoised per list). */
  at(nodes: readonly DiagramNode[]): number[];
  /**
   * The nodes a walk from `from` reaches in graph g (backward: those that reach them), as a mask by
   * node index; `strict`: by a path of length >= 1; `avoid`: nodes the walk never enters.
   */
  reach(g: Graph, from: readonly DiagramNode[], direction: 'forward' | 'backward', strict?: boolean, avoid?: readonly DiagramNode[]): Uint8Array;
  /** The nodes of a list that a mask marks, in list order. */
  marked(mask: Uint8Array, nodes: readonly DiagramNode[]): DiagramNode[];
  /** True when some path in graph g leads from a node of `from` to a node of `to`. */
  linked(g: Graph, from: readonly DiagramNode[], to: readonly DiagramNode[]): boolean;
}

/** A checker rule: the findings it raises on a diagram. */
export type Rule = (ctx: RuleContext) => Finding[];

/** The texts a component says things in: its name, tool and notes (a note's text). */
export function textsOf(n: DiagramNode): (string | undefined)[] {
  const p = n.props;
  return [n.label, str(p.tool), str(p.notes), n.kind === 'note' ? str(p.text) : undefined];
}

/** Every text of an ML objective card: its name, label, loss, metrics, label delay and notes. */
export function cardTexts(card: DiagramNode): (string | undefined)[] {
  const p = card.props;
  return [card.label, str(p.label), str(p.loss), str(p.offlineMetric), str(p.onlineMetric), str(p.labelDelay), str(p.notes)];
}

/** The card texts that speak about labels (not metrics, whose windows are no label delay): label, loss, label delay, notes. */
export function cardLabelTexts(card: DiagramNode): (string | undefined)[] {
  const p = card.props;
  return [str(p.label), str(p.loss), str(p.labelDelay), str(p.notes)];
}

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/** Builds the shared context of one check run. */
export function buildContext(diagram: Diagram): RuleContext {
  const graph = buildGraph(diagram);
  const components: DiagramNode[] = [];
  const byKind = new Map<KindId, DiagramNode[]>();
  const byRole = new Map<KindId, DiagramNode[]>();
  const roles: Roles = {
    trainers: [],
    inference: [],
    pretrained: [],
    monitors: [],
    dataOrigins: [],
    featureProducers: [],
    indexes: [],
    dataStage: [],
    servingStage: [],
  };
  const roleMasks = new Int32Array(diagram.nodes.length);
  const indexOfNode = new Map<DiagramNode, number>();
  for (let i = 0; i < diagram.nodes.length; i++) {
    const node = diagram.nodes[i];
    // On a duplicate id (the parser refuses them) the graph keeps the first node.
    if (graph.indexOf.get(node.id) === i) indexOfNode.set(node, i);
    if (node.kind === 'note' || node.kind === 'group') continue;
    components.push(node);
    push(byKind, node.kind, node);
    for (const k of kindsOf(node)) push(byRole, k, node);
    const mask = (roleMasks[i] = roleMask(node));
    if (mask & ROLE.dataStage) roles.dataStage.push(node);
    if (mask & ROLE.servingStage) roles.servingStage.push(node);
    if (mask & ROLE.trainer) roles.trainers.push(node);
    if (mask & ROLE.inference) roles.inference.push(node);
    if (mask & ROLE.pretrained) roles.pretrained.push(node);
    if (mask & ROLE.monitor) roles.monitors.push(node);
    if (isDataOrigin(node)) roles.dataOrigins.push(node);
    if (isFeatureProducer(node)) roles.featureProducers.push(node);
    if (isIndex(node)) roles.indexes.push(node);
  }
  const coverage = stageCoverage(diagram);
  const cache = new Map<string, unknown>();
  const memo = <T>(key: string, compute: () => T): T => {
    if (!cache.has(key)) cache.set(key, compute());
    return cache.get(key) as T;
  };
  const objective = readObjective(byKind.get('ml-objective')?.[0], byRole.get('offline-eval') ?? []);
  const indexCache = new WeakMap<readonly DiagramNode[], number[]>();
  const at = (nodes: readonly DiagramNode[]): number[] => {
    let out = indexCache.get(nodes);
    if (!out) {
      out = [];
      for (const n of nodes) {
        const i = indexOfNode.get(n);
        if (i !== undefined) out.push(i);
      }
      indexCache.set(nodes, out);
    }
    return out;
  };
  const maskOf = (nodes: readonly DiagramNode[]) => {
    const m = new Uint8Array(diagram.nodes.length);
    for (const i of at(nodes)) m[i] = 1;
    return m;
  };
  return {
    diagram,
    graph,
    get requestGraph() {
      return memo('graph:request', () => filterEdges(graph, ['request']));
    },
    get modelGraph() {
      return memo('graph:model', () => filterEdges(graph, ['model']));
    },
    get triggerGraph() {
      return memo('graph:control', () => filterEdges(graph, ['control']));
    },
    get feedsGraph() {
      return memo('graph:feeds', () => feedsGraph(graph));
    },
    get flowGraph() {
      return memo('graph:flow', () => flowGraph(graph));
    },
    components,
    roleMasks,
    node: (id) => {
      const i = graph.indexOf.get(id);
      return i === undefined ? undefined : diagram.nodes[i];
    },
    roles,
    coverage,
    stages: coverage.stages,
    ofKind: (kind) => byKind.get(kind) ?? [],
    playing: (kind) => byRole.get(kind) ?? [],
    has: (kind) => byRole.has(kind),
    online: isOnlineDesign(diagram),
    objective,
    get labelSources() {
      return memo('roles:label-sources', () => components.filter((n) => isLabelSourceFor(n, objective?.labelSource)));
    },
    memo,
    index: (node) => indexOfNode.get(node) ?? -1,
    at,
    reach: (g, from, direction, strict = false, avoid) => walkMask(g, at(from), direction, avoid ? maskOf(avoid) : null, strict),
    marked: (mask, nodes) => nodes.filter((n) => {
      const i = indexOfNode.get(n);
      return i !== undefined && mask[i] === 1;
    }),
    linked: (g, from, to) => {
      if (from.length === 0 || to.length === 0) return false;
      const reached = walkMask(g, at(from), 'forward');
      return at(to).some((i) => reached[i] === 1);
    },
  };
}

function push(map: Map<KindId, DiagramNode[]>, k: KindId, n: DiagramNode) {
  const list = map.get(k);
  if (list) list.push(n);
  else map.set(k, [n]);
}

function readObjective(card: DiagramNode | undefined, evals: readonly DiagramNode[]): Objective | null {
  if (!card) return null;
  const p = card.props;
  const evalTexts = evals.flatMap(textsOf);
  const metricTexts = [str(p.offlineMetric), ...evalTexts];
  const o: Objective = {
    card,
    offlineMetrics: termsIn(metricTexts, 'offline-metric'),
    hasOfflineMetricText: metricTexts.some((t) => t !== undefined && t.trim() !== ''),
  };
  if (p.task) o.task = p.task;
  const source = isLabelSource(p.labelSource) ? p.labelSource : labelSourceIn(str(p.label));
  if (source) o.labelSource = source;
  const split = isSplit(p.split) ? p.split : splitIn([str(p.offlineMetric), str(p.notes), ...evalTexts]);
  if (split) o.split = split;
  if (typeof p.positiveRate === 'number' && Number.isFinite(p.positiveRate)) o.positiveRate = p.positiveRate;
  if (typeof p.calibrated === 'boolean') o.calibrated = p.calibrated;
  return o;
}

/** Ids of nodes, in the order given. */
export function idsOf(nodes: readonly DiagramNode[]): string[] {
  return nodes.map((n) => n.id);
}

/** Node names for a message: "A", "B" and "C"; beyond `max`, "A", "B", "C" and 4 more. */
export function names(nodes: readonly DiagramNode[], max = 3): string {
  const quoted = nodes.slice(0, max).map((n) => `"${nodeLabel(n)}"`);
  if (nodes.length > max) return `${quoted.join(', ')} and ${nodes.length - max} more`;
  if (quoted.length <= 1) return quoted.join('');
  return `${quoted.slice(0, -1).join(', ')} and ${quoted[quoted.length - 1]}`;
}

/** The name of the first node for a message ("Label"), or the fallback when there is none. */
export function firstName(nodes: readonly DiagramNode[], fallback = ''): string {
  return nodes.length > 0 ? `"${nodeLabel(nodes[0])}"` : fallback;
}

/** Sorts node ids into diagram order. */
export function inDiagramOrder(ctx: RuleContext, ids: Iterable<string>): string[] {
  const indices = new Int32Array(toIndices(ctx.graph, ids)).sort();
  return Array.from(indices, (i) => ctx.graph.ids[i]);
}

/** True when the node plays one of the kinds. */
export const playsOneOf = (n: DiagramNode, kinds: readonly KindId[]): boolean => kinds.some((k) => plays(n, k));
