/**
 * What every rule receives: the diagram, its graph (built once) and the role sets the rules
 * share, so no rule recomputes them and no rule walks the graph on its own.
 */
import type { KindId } from '../catalogue';
import { nodeLabel, nodeStage, type Diagram, type DiagramNode } from '../diagram';
import { buildGraph, filterEdges, toIndices, type Graph } from '../graph';
import {
  isDataOrigin,
  isIndexBuilder,
  isInference,
  isLabelSource,
  isMonitor,
  isTrainer,
} from '../roles';
import { STAGE_IDS, type StageId } from '../stages';
import type { Finding } from './types';

/** Node lists by role, each in diagram order. Notes and zones are in none of them. */
export interface Roles {
  trainers: DiagramNode[];
  inference: DiagramNode[];
  monitors: DiagramNode[];
  labelSources: DiagramNode[];
  indexBuilders: DiagramNode[];
  dataOrigins: DiagramNode[];
  /** Nodes whose stage (catalogue or custom) is `data`. */
  dataStage: DiagramNode[];
  /** Nodes whose stage (catalogue or custom) is `serving`. */
  servingStage: DiagramNode[];
}

export interface RuleContext {
  diagram: Diagram;
  /** Graph over edges of every kind (edges touching notes and zones left out). */
  graph: Graph;
  /** Graph over `request` edges only, built on first use. */
  readonly requestGraph: Graph;
  /** Every node except notes and zones, in diagram order. */
  components: DiagramNode[];
  /** The node with this id (the first one, should ids repeat). */
  node(id: string): DiagramNode | undefined;
  roles: Roles;
  /** Stage coverage: true when some node belongs to the stage. */
  stages: Record<StageId, boolean>;
  /** Nodes of a kind, in diagram order (empty when none). */
  ofKind(kind: KindId): DiagramNode[];
  /** True when at least one node of the kind is present. */
  has(kind: KindId): boolean;
  /** True for an online design: a client app or prediction API, or realtime requirements. */
  online: boolean;
  /** Computes a value once per check and shares it between rules. */
  memo<T>(key: string, compute: () => T): T;
}

/** A checker rule: the findings it raises on a diagram. */
export type Rule = (ctx: RuleContext) => Finding[];

/** Builds the shared context of one check run. */
export function buildContext(diagram: Diagram): RuleContext {
  const graph = buildGraph(diagram);
  const components: DiagramNode[] = [];
  const byKind = new Map<KindId, DiagramNode[]>();
  const roles: Roles = {
    trainers: [],
    inference: [],
    monitors: [],
    labelSources: [],
    indexBuilders: [],
    dataOrigins: [],
    dataStage: [],
    servingStage: [],
  };
  const stages = Object.fromEntries(STAGE_IDS.map((s) => [s, false])) as Record<StageId, boolean>;
  let online = false;
  for (const node of diagram.nodes) {
    if (node.kind === 'note' || node.kind === 'group') continue;
    components.push(node);
    const list = byKind.get(node.kind);
    if (list) list.push(node);
    else byKind.set(node.kind, [node]);
    const stage = nodeStage(node);
    if (stage) stages[stage] = true;
    if (stage === 'data') roles.dataStage.push(node);
    if (stage === 'serving') roles.servingStage.push(node);
    if (isTrainer(node)) roles.trainers.push(node);
    if (isInference(node)) roles.inference.push(node);
    if (isMonitor(node)) roles.monitors.push(node);
    if (isLabelSource(node)) roles.labelSources.push(node);
    if (isIndexBuilder(node)) roles.indexBuilders.push(node);
    if (isDataOrigin(node)) roles.dataOrigins.push(node);
    if (
      node.kind === 'client-app' ||
      node.kind === 'prediction-api' ||
      (node.kind === 'requirements' && node.props?.realtime === true)
    ) {
      online = true;
    }
  }
  const cache = new Map<string, unknown>();
  const memo = <T>(key: string, compute: () => T): T => {
    if (!cache.has(key)) cache.set(key, compute());
    return cache.get(key) as T;
  };
  return {
    diagram,
    graph,
    get requestGraph() {
      return memo('graph:request', () => filterEdges(graph, ['request']));
    },
    components,
    node: (id) => {
      const i = graph.indexOf.get(id);
      return i === undefined ? undefined : diagram.nodes[i];
    },
    roles,
    stages,
    ofKind: (kind) => byKind.get(kind) ?? [],
    has: (kind) => byKind.has(kind),
    online,
    memo,
  };
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
