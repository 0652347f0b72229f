import { isKindId, KIND_IDS, kindInfo, type KindId } from './catalogue';
import type { Diagram, DiagramNode, EdgeKind } from './diagram';
import { isStageId, type StageId } from './stages';

/**
 * Roles the checker, the comparison and the edge-kind proposal use (domain.md section 2). A node
 * plays the roles of its own kind and of every kind in its `props.actsAs`: a rules engine that does
 * the re-ranking (`actsAs: ["re-ranking"]`) is a re-ranking step, a custom node can act as any kind.
 * The rules judge roles, not box names.
 */

const INFERENCE = new Set<KindId>([
  'model-server',
  'batch-inference',
  'prediction-api',
  'candidate-generation',
  'ranking',
  're-ranking',
  'llm-server',
]);
const MONITORS = new Set<KindId>(['prediction-logging', 'monitoring-dashboard', 'drift-detection']);

/** Kinds a node can act as besides its own: every component kind, not cards, notes, zones or `custom`. */
const NOT_ACTABLE = new Set<string>(['requirements', 'ml-objective', 'note', 'group', 'custom']);
export const ACTS_AS_KINDS: readonly KindId[] = KIND_IDS.filter((k) => !NOT_ACTABLE.has(k));
const ACTABLE = new Set<KindId>(ACTS_AS_KINDS);

export type NodeLike = Pick<DiagramNode, 'kind' | 'props'>;

/** The kinds in a node's `actsAs` that it can act as (unknown ids, cards, notes and zones dropped), in order, without repeats. */
export function actsAs(n: NodeLike): KindId[] {
  const raw = n.props?.actsAs;
  if (!Array.isArray(raw)) return [];
  const out: KindId[] = [];
  for (const k of raw) if (isKindId(k) && ACTABLE.has(k) && k !== n.kind && !out.includes(k)) out.push(k);
  return out;
}

/** Every kind a node plays: its own, then those it acts as. */
export function kindsOf(n: NodeLike): KindId[] {
  const extra = actsAs(n);
  return extra.length === 0 ? [n.kind] : [n.kind, ...extra];
}

/** True when the node plays this kind (its own or by `actsAs`). */
export function plays(n: NodeLike, kind: KindId): boolean {
  return n.kind === kind || actsAs(n).includes(kind);
}

export const playsAny = (n: NodeLike, set: ReadonlySet<KindId>): boolean => kindsOf(n).some((k) => set.has(k));
export const isPretrained = (n: NodeLike) => n.props?.pretrained === true;

/** A trainer: a training job, or an embedding model that is not pretrained. */
export const isTrainer = (n: NodeLike): boolean =>
  plays(n, 'training-job') || (plays(n, 'embedding-model') && !isPretrained(n));
/** An inference node, including a pretrained embedding model. */
export const isInference = (n: NodeLike): boolean =>
  playsAny(n, INFERENCE) || (plays(n, 'embedding-model') && isPretrained(n));
/** A monitor node. */
export const isMonitor = (n: NodeLike): boolean => playsAny(n, MONITORS);
/** The stages a node belongs to: its kind's (a custom node's own `stage`) and those of the kinds it acts as. */
export function nodeStages(n: NodeLike): StageId[] {
  const out: StageId[] = [];
  const add = (s: StageId | null | undefined) => {
    if (s && !out.includes(s)) out.push(s);
  };
  if (n.kind === 'custom') add(isStageId(n.props?.stage) ? n.props.stage : null);
  else add(kindInfo(n.kind).stage);
  for (const k of actsAs(n)) add(kindInfo(k).stage);
  return out;
}

const LOOKUPS = new Set<KindId>(['feature-store', 'cache', 'vector-db', 'search-index', 'rules-engine', 'guardrails']);
const MODEL_TARGETS = new Set<KindId>(['offline-eval', 'model-registry', 'ab-test']);
const STREAM_SOURCES = new Set<KindId>(['client-app', 'message-queue', 'stream-processor']);
const STREAM_TARGETS = new Set<KindId>(['message-queue', 'stream-processor']);

/** True when the node is itself called: it has an incoming `request` edge (line 1 of section 3). */
export function isCalled(d: Pick<Diagram, 'edges'>, id: string): boolean {
  return d.edges.some((e) => e.target === id && e.kind === 'request');
}

/** Line 1 of section 3: a client calling a model, a model calling a model, or a called model looking something up. */
export function isCall(source: NodeLike, target: NodeLike, sourceIsCalled: boolean): boolean {
  if (plays(source, 'client-app') && isInference(target)) return true;
  if (!isInference(source)) return false;
  return isInference(target) || (sourceIsCalled && playsAny(target, LOOKUPS));
}

/** Line 2 of section 3: from a trainer, an evaluation or a registry into an evaluation, a registry, an A/B test or an inference node. */
export function movesModel(source: NodeLike, target: NodeLike): boolean {
  return (
    (isTrainer(source) || plays(source, 'offline-eval') || plays(source, 'model-registry')) &&
    (playsAny(target, MODEL_TARGETS) || isInference(target))
  );
}

/** An alert: from drift detection or monitoring into a trainer or an orchestrator. */
export function isAlert(source: NodeLike, target: NodeLike): boolean {
  return (plays(source, 'drift-detection') || plays(source, 'monitoring-dashboard')) && (isTrainer(target) || plays(target, 'orchestrator'));
}

/**
 * The edge kind proposed when the user connects source to target (domain.md section 3, the first
 * line that applies). `sourceIsCalled`: the source has an incoming `request` edge, so a lookup it
 * makes is on the request path (an offline embedder writing into an index is not).
 */
export function proposeEdgeKind(source: NodeLike, target: NodeLike, sourceIsCalled = false): EdgeKind {
  // 1. Online calls.
  if (isCall(source, target, sourceIsCalled)) return 'request';
  // 2. A model moving on.
  if (movesModel(source, target)) return 'model';
  // 3. Triggers.
  if (plays(source, 'orchestrator') || isAlert(source, target)) return 'control';
  // 4. Monitoring flowing back.
  if (isMonitor(source) && nodeStages(target).includes('data')) return 'feedback';
  // 5. Streams.
  if (playsAny(source, STREAM_SOURCES) || playsAny(target, STREAM_TARGETS)) return 'stream';
  return 'data';
}

