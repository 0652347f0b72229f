import { isKindId, kindInfo, type KindId } from './catalogue';
import type { Diagram, DiagramNode, EdgeKind } from './diagram';
import { isStageId, type StageId } from './stages';
import type { LabelSource } from './vocabulary';

/**
 * Roles the checker, the comparison and the edge-kind proposal use (domain.md section 2). A node
 * plays the roles of its own kind and of every kind in its `props.actsAs`: a rules engine that does
 * the re-ranking (`actsAs: ["re-ranking"]`) is a re-ranking step, a custom node can act as any kind.
 * The rules judge roles, not box names.
 */

const DATA_ORIGINS = new Set<KindId>(['event-log', 'database', 'object-storage', 'external-data', 'client-app']);
const INFERENCE = new Set<KindId>([
  'model-server',
  'batch-inference',
  'prediction-api',
  'candidate-generation',
  'ranking',
  're-ranking',
  'llm-server',
]);
const FEATURE_PRODUCERS = new Set<KindId>(['feature-pipeline', 'feature-store', 'stream-processor', 'batch-etl']);
const MONITORS = new Set<KindId>(['prediction-logging', 'monitoring-dashboard', 'drift-detection']);
const INDEXES = new Set<KindId>(['vector-db', 'search-index']);

/** Label-source roles by the objective's label source; `unknown` when the card says none. */
const LABEL_SOURCE_KINDS: Record<LabelSource | 'unknown', ReadonlySet<KindId>> = {
  'user-feedback': new Set(['event-log', 'client-app']),
  'human-annotation': new Set(['labeling', 'human-review']),
  outcome: new Set(['event-log', 'database', 'labeling', 'human-review']),
  'self-supervised': new Set(),
  none: new Set(),
  unknown: new Set(['labeling', 'human-review', 'event-log', 'database']),
};

/** Kinds a node can act as besides its own: every component kind, not cards, notes, zones or `custom`. */
export const ACTS_AS_KINDS: readonly KindId[] = (
  [
    'client-app', 'event-log', 'database', 'object-storage', 'external-data', 'message-queue', 'stream-processor', 'batch-etl',
    'data-warehouse', 'data-validation', 'labeling', 'feature-pipeline', 'feature-store', 'training-job', 'embedding-model',
    'hyperparameter-tuning', 'experiment-tracking', 'orchestrator', 'offline-eval', 'ab-test', 'model-registry', 'model-server',
    'batch-inference', 'prediction-api', 'candidate-generation', 'ranking', 're-ranking', 'vector-db', 'search-index', 'cache',
    'rules-engine', 'human-review', 'llm-server', 'guardrails', 'prediction-logging', 'monitoring-dashboard', 'drift-detection',
  ] as KindId[]
);
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

const playsAny = (n: NodeLike, set: ReadonlySet<KindId>): boolean => kindsOf(n).some((k) => set.has(k));
const isPretrained = (n: NodeLike) => n.props?.pretrained === true;

/** A data origin: where data enters the system. */
export const isDataOrigin = (n: NodeLike): boolean => playsAny(n, DATA_ORIGINS);
/** A trainer: a training job, or an embedding model that is not pretrained. */
export const isTrainer = (n: NodeLike): boolean =>
  plays(n, 'training-job') || (plays(n, 'embedding-model') && !isPretrained(n));
/** A pretrained model: an LLM server, or an embedding model marked pretrained (choosing and adapting it is the model step). */
export const isPretrainedModel = (n: NodeLike): boolean =>
  plays(n, 'llm-server') || (plays(n, 'embedding-model') && isPretrained(n));
/** An inference node, including a pretrained embedding model. */
export const isInference = (n: NodeLike): boolean =>
  playsAny(n, INFERENCE) || (plays(n, 'embedding-model') && isPretrained(n));
/** A feature producer: feature engineering, a feature store, a stream processor or batch ETL. */
export const isFeatureProducer = (n: NodeLike): boolean => playsAny(n, FEATURE_PRODUCERS);
/** A monitor node. */
export const isMonitor = (n: NodeLike): boolean => playsAny(n, MONITORS);
/** A vector DB or search index: holds items, not features. */
export const isIndex = (n: NodeLike): boolean => playsAny(n, INDEXES);
/**
 * A label source for the objective's label source (undefined: the card says none). A prediction log
 * is never one by itself: a log of predictions is not a label until joined with what happened.
 */
export const isLabelSourceFor = (n: NodeLike, source: LabelSource | undefined): boolean =>
  playsAny(n, LABEL_SOURCE_KINDS[source ?? 'unknown']);

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

/**
 * The pipeline stages a node covers (domain.md section 4): data by a data-stage kind, model by a
 * model-stage kind or a pretrained model, evaluation by offline or online evaluation, serving by an
 * inference node only (a registry, cache or index alone serves nothing), monitoring by a monitor.
 * A custom node covers its own `stage`. Requirements and framing are covered by filled cards only.
 */
export function coveredStages(n: NodeLike): StageId[] {
  const out: StageId[] = [];
  const add = (s: StageId) => {
    if (!out.includes(s)) out.push(s);
  };
  if (n.kind === 'custom' && isStageId(n.props?.stage)) add(n.props.stage);
  for (const k of kindsOf(n)) {
    const s = kindInfo(k).stage;
    if (s === 'data' || s === 'model' || s === 'evaluation' || s === 'monitoring') add(s);
  }
  if (isPretrainedModel(n)) add('model');
  if (isInference(n)) add('serving');
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
function isCall(source: NodeLike, target: NodeLike, sourceIsCalled: boolean): boolean {
  if (plays(source, 'client-app') && isInference(target)) return true;
  if (!isInference(source)) return false;
  return isInference(target) || (sourceIsCalled && playsAny(target, LOOKUPS));
}

/** Line 2 of section 3: from a trainer, an evaluation or a registry into an evaluation, a registry, an A/B test or an inference node. */
function movesModel(source: NodeLike, target: NodeLike): boolean {
  return (
    (isTrainer(source) || plays(source, 'offline-eval') || plays(source, 'model-registry')) &&
    (playsAny(target, MODEL_TARGETS) || isInference(target))
  );
}

/** An alert: from drift detection or monitoring into a trainer or an orchestrator. */
function isAlert(source: NodeLike, target: NodeLike): boolean {
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

/** What is wrong with an edge's kind, and the fix: the kind to choose, or reversing the edge. */
export interface EdgeKindMismatch {
  expected: EdgeKind | 'reverse';
  why: 'model' | 'request-into-client' | 'alert';
}

/**
 * Why an edge's kind contradicts its ends (rule `edge-kind-mismatch`), with the kind to choose; null
 * when it fits. A model moving from a trainer, evaluation or registry must be a `model` edge; a call
 * goes from caller to callee, so a `request` edge never points into a client app; an alert from drift
 * detection or monitoring into training or an orchestrator triggers (`control`), it carries no data.
 * A model edge is asked for where line 2 of section 3 would propose one (line 1 comes first).
 */
export function edgeKindMismatch(
  source: NodeLike,
  target: NodeLike,
  kind: EdgeKind,
  sourceIsCalled = false,
): EdgeKindMismatch | null {
  if (kind !== 'model' && !isCall(source, target, sourceIsCalled) && movesModel(source, target)) return { expected: 'model', why: 'model' };
  if (kind === 'request' && plays(target, 'client-app')) return { expected: 'reverse', why: 'request-into-client' };
  if (kind !== 'control' && isAlert(source, target)) return { expected: 'control', why: 'alert' };
  return null;
}
