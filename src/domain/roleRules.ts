/**
 * The roles only the checker, the comparison and the inspector read (domain.md section 2): data
 * origins, pretrained models, feature producers, indexes, label sources by the objective's label
 * source, the stages a node covers, and what an edge's kind contradicts. Kept apart from roles.ts,
 * which the canvas needs at first paint for the edge-kind proposal.
 */
import { kindInfo, type KindId } from './catalogue';
import type { EdgeKind, LabelSource } from './diagram';
import { isAlert, isCall, isInference, kindsOf, movesModel, playsAny, ROLE, roleMask, type NodeLike } from './roles';
import { isStageId, type StageId } from './stages';

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
