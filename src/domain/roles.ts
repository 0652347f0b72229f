import type { KindId } from './catalogue';
import type { DiagramNode, EdgeKind } from './diagram';

/** Roles the checker and the edge-kind proposal use (domain.md section 2). */

const DATA_ORIGINS = new Set<KindId>(['event-log', 'database', 'object-storage', 'external-data', 'client-app']);
const LABEL_SOURCES = new Set<KindId>(['labeling', 'event-log', 'human-review', 'prediction-logging']);
const INFERENCE = new Set<KindId>([
  'model-server',
  'batch-inference',
  'prediction-api',
  'candidate-generation',
  'ranking',
  're-ranking',
  'llm-server',
]);
const INDEX_BUILDER_KINDS = new Set<KindId>(['embedding-model', 'batch-etl', 'batch-inference', 'feature-pipeline', 'stream-processor']);
const MONITORS = new Set<KindId>(['prediction-logging', 'monitoring-dashboard', 'drift-detection']);

type NodeLike = Pick<DiagramNode, 'kind' | 'props'>;

const isPretrained = (n: NodeLike) => n.props?.pretrained === true;

/** A data origin: where data enters the system. */
export const isDataOrigin = (n: NodeLike): boolean => DATA_ORIGINS.has(n.kind);
/** A trainer: a training job, or an embedding model that is not pretrained. */
export const isTrainer = (n: NodeLike): boolean =>
  n.kind === 'training-job' || (n.kind === 'embedding-model' && !isPretrained(n));
/** A label source. */
export const isLabelSource = (n: NodeLike): boolean => LABEL_SOURCES.has(n.kind);
/** An inference node, including a pretrained embedding model. */
export const isInference = (n: NodeLike): boolean =>
  INFERENCE.has(n.kind) || (n.kind === 'embedding-model' && isPretrained(n));
/** A node that can build or refresh an index. */
export const isIndexBuilder = (n: NodeLike): boolean => isTrainer(n) || INDEX_BUILDER_KINDS.has(n.kind);
/** A monitor node. */
export const isMonitor = (n: NodeLike): boolean => MONITORS.has(n.kind);

const DATA_OR_MODEL_STAGE = new Set<KindId>([
  'event-log', 'database', 'object-storage', 'external-data', 'message-queue', 'stream-processor', 'batch-etl',
  'data-warehouse', 'data-validation', 'labeling', 'feature-pipeline', 'feature-store',
  'training-job', 'embedding-model', 'hyperparameter-tuning', 'experiment-tracking', 'orchestrator',
]);

/** The edge kind proposed when the user connects source to target (domain.md section 3). */
export function proposeEdgeKind(source: NodeLike, target: NodeLike): EdgeKind {
  if (source.kind === 'client-app' || (isInference(source) && isInference(target))) return 'request';
  if (
    (isTrainer(source) || source.kind === 'offline-eval') &&
    (target.kind === 'model-registry' || target.kind === 'ab-test' || isInference(target))
  )
    return 'model';
  if (source.kind === 'orchestrator') return 'control';
  if (isMonitor(source) && (DATA_OR_MODEL_STAGE.has(target.kind) || (target.kind === 'custom' && (target.props?.stage === 'data' || target.props?.stage === 'model'))))
    return 'feedback';
  if (source.kind === 'message-queue' || source.kind === 'stream-processor') return 'stream';
  return 'data';
}
