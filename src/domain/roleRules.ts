/**
 * The roles only the checker, the comparison and the inspector read (domain.md section 2): data
 * origins, pretrained models, feature producers, indexes, label sources by the objective's label
 * source, the stages a node covers, and what an edge's kind contradicts. Kept apart from roles.ts,
 * which the canvas needs at first paint for the edge-kind proposal.
 */
import { KIND_IDS, kindInfo, type KindId } from './catalogue';
import type { EdgeKind, LabelSource } from './diagram';
import { acting, actsAs, has, isAlert, isCall, movesModel, ROLE, roleMask, type NodeLike } from './roles';
import { isStageId, type StageId } from './stages';

/** Kinds a node can act as besides its own: every component kind, not cards, notes, zones or `custom`. */
export const ACTS_AS_KINDS: readonly KindId[] = KIND_IDS.filter((k) => !['requirements', 'ml-objective', 'note', 'group', 'custom'].includes(k));

const ALONE = new Map<KindId, KindId[]>();
/** Every kind a node plays: its own, then those it acts as (do not mutate the result). */
export function kindsOf(n: NodeLike): KindId[] {
  if (!acting(n)) {
    let one = ALONE.get(n.kind);
    if (!one) ALONE.set(n.kind, (one = [n.kind]));
    return one;
  }
  const extra = actsAs(n);
  return extra.length === 0 ? [n.kind] : [n.kind, ...extra];
}

/** True when the node plays this kind (its own or by `actsAs`). */
export function plays(n: NodeLike, kind: KindId): boolean {
  return n.kind === kind || (acting(n) && actsAs(n).includes(kind));
}

export const playsAny = (n: NodeLike, set: ReadonlySet<KindId>): boolean =>
  set.has(n.kind) || (acting(n) && actsAs(n).some((k) => set.has(k)));
/** A trainer: a training job, or an embedding model that is not pretrained. */
export const isTrainer = (n: NodeLike): boolean => has(roleMask(n), ROLE.trainer);
/** An inference node, including a pretrained embedding model. */
export const isInference = (n: NodeLike): boolean => has(roleMask(n), ROLE.inference);
/** A monitor node. */
export const isMonitor = (n: NodeLike): boolean => has(roleMask(n), ROLE.monitor);
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



const DATA_ORIGINS = new Set<KindId>(['event-log', 'database', 'object-storage', 'external-data', 'client-app']);
const FEATURE_PRODUCERS = new Set<KindId>(['feature-pipeline', 'feature-store', 'stream-processor', 'batch-etl']);
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

/** A data origin: where data enters the system. */
export const isDataOrigin = (n: NodeLike): boolean => playsAny(n, DATA_ORIGINS);
/** A pretrained model: an LLM server, or an embedding model marked pretrained (choosing and adapting it is the model step). */
export const isPretrainedModel = (n: NodeLike): boolean => (roleMask(n) & ROLE.pretrained) !== 0;
/** A feature producer: feature engineering, a feature store, a stream processor or batch ETL. */
export const isFeatureProducer = (n: NodeLike): boolean => playsAny(n, FEATURE_PRODUCERS);
/** A vector DB or search index: holds items, not features. */
export const isIndex = (n: NodeLike): boolean => playsAny(n, INDEXES);
/**
 * A label source for the objective's label source (undefined: the card says none). A prediction log
 * is never one by itself: a log of predictions is not a label until joined with what happened.
 */
export const isLabelSourceFor = (n: NodeLike, source: LabelSource | undefined): boolean =>
  playsAny(n, LABEL_SOURCE_KINDS[source ?? 'unknown']);

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
  return mismatchFromMasks(roleMask(source), roleMask(target), kind, sourceIsCalled);
}

const MODEL: EdgeKindMismatch = { expected: 'model', why: 'model' };
const REVERSE: EdgeKindMismatch = { expected: 'reverse', why: 'request-into-client' };
const CONTROL: EdgeKindMismatch = { expected: 'control', why: 'alert' };

/** edgeKindMismatch on the two ends' role bits (roleMask), for checks over many edges. */
export function mismatchFromMasks(s: number, t: number, kind: EdgeKind, sourceIsCalled: boolean): EdgeKindMismatch | null {
  if (kind !== 'model' && !isCall(s, t, sourceIsCalled) && movesModel(s, t)) return MODEL;
  if (kind === 'request' && (t & ROLE.client) !== 0) return REVERSE;
  if (kind !== 'control' && isAlert(s, t)) return CONTROL;
  return null;
}
