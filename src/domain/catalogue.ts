import type { StageId } from './stages';

/** Every component kind of domain.md section 2. Ids are contracts: never rename one. */
export const KIND_IDS = [
  'requirements',
  'ml-objective',
  'client-app',
  'event-log',
  'database',
  'object-storage',
  'external-data',
  'message-queue',
  'stream-processor',
  'batch-etl',
  'data-warehouse',
  'data-validation',
  'labeling',
  'feature-pipeline',
  'feature-store',
  'training-job',
  'embedding-model',
  'hyperparameter-tuning',
  'experiment-tracking',
  'orchestrator',
  'offline-eval',
  'ab-test',
  'model-registry',
  'model-server',
  'batch-inference',
  'prediction-api',
  'candidate-generation',
  'ranking',
  're-ranking',
  'vector-db',
  'search-index',
  'cache',
  'rules-engine',
  'human-review',
  'llm-server',
  'guardrails',
  'prediction-logging',
  'monitoring-dashboard',
  'drift-detection',
  'note',
  'group',
  'custom',
] as const;

export type KindId = (typeof KIND_IDS)[number];

/** Palette groups: the seven stages in interview order, then everything without a stage. */
export type PaletteGroup = StageId | 'other';

export interface KindInfo {
  id: KindId;
  label: string;
  /** The stage the kind belongs to; null for actors, notes, zones and custom (which carries its own). */
  stage: StageId | null;
  group: PaletteGroup;
  /** Real products offered first in the tool picker. */
  tools: readonly string[];
  /** Icon id (a lucide icon name in kebab case); the UI maps it to a component. */
  icon: string;
}

// What a kind is, for a learner, is the first line of its card (content/componentCards.ts, loaded on demand).
type Row = [KindId, string, StageId | null, readonly string[], string];

const ROWS: Row[] = [
  ['requirements', 'Requirements', 'requirements', [], 'clipboard-list'],
  ['ml-objective', 'ML objective', 'framing', [], 'target'],
  ['client-app', 'Client app', null, ['web', 'iOS', 'Android'], 'smartphone'],
  ['event-log', 'Event log (clicks, views)', 'data', ['Kafka topic', 'Segment', 'Snowplow'], 'mouse-pointer-click'],
  ['database', 'Database (OLTP)', 'data', ['PostgreSQL', 'MySQL', 'Cassandra', 'DynamoDB'], 'database'],
  ['object-storage', 'Object storage', 'data', ['S3', 'GCS', 'Azure Blob'], 'archive'],
  ['external-data', 'External data', 'data', ['partner feeds', 'public datasets'], 'globe'],
  ['message-queue', 'Stream / message queue', 'data', ['Kafka', 'Kinesis', 'Pub/Sub', 'Pulsar'], 'rows-3'],
  ['stream-processor', 'Stream processor', 'data', ['Flink', 'Spark Structured Streaming', 'Kafka Streams'], 'waves'],
  ['batch-etl', 'Batch ETL', 'data', ['Spark', 'Beam', 'dbt'], 'shuffle'],
  ['data-warehouse', 'Data warehouse / lake', 'data', ['BigQuery', 'Snowflake', 'Delta Lake', 'Hive'], 'warehouse'],
  ['data-validation', 'Data validation', 'data', ['Great Expectations', 'TFDV'], 'shield-check'],
  ['labeling', 'Labeling', 'data', ['Label Studio', 'SageMaker Ground Truth', 'human raters'], 'tags'],
  ['feature-pipeline', 'Feature engineering', 'data', ['Spark', 'Flink', 'pandas'], 'wrench'],
  ['feature-store', 'Feature store', 'data', ['Feast', 'Tecton', 'Hopsworks', 'Redis (online)', 'DynamoDB (online)'], 'boxes'],
  ['training-job', 'Training job', 'model', ['PyTorch', 'TensorFlow', 'XGBoost', 'LightGBM', 'Ray Train'], 'dumbbell'],
  ['embedding-model', 'Embedding model', 'model', ['two-tower', 'CLIP', 'BERT', 'word2vec'], 'orbit'],
  ['hyperparameter-tuning', 'Hyperparameter tuning', 'model', ['Ray Tune', 'Optuna', 'Katib'], 'sliders-horizontal'],
  ['experiment-tracking', 'Experiment tracking', 'model', ['MLflow Tracking', 'Weights & Biases'], 'flask-conical'],
  ['orchestrator', 'Pipeline orchestrator', 'model', ['Airflow', 'Prefect', 'Kubeflow Pipelines', 'Dagster'], 'workflow'],
  ['offline-eval', 'Offline evaluation', 'evaluation', ['held-out set', 'backtest', 'replay'], 'clipboard-check'],
  ['ab-test', 'Online evaluation', 'evaluation', ['A/B test', 'shadow mode', 'champion/challenger', 'interleaving', 'Statsig', 'GrowthBook'], 'split'],
  ['model-registry', 'Model registry', 'serving', ['MLflow Model Registry', 'W&B', 'SageMaker'], 'library'],
  ['model-server', 'Model server', 'serving', ['Triton', 'KServe', 'TorchServe', 'TF Serving', 'BentoML', 'Ray Serve'], 'server'],
  ['batch-inference', 'Batch inference', 'serving', ['Spark job', 'Ray batch'], 'layers'],
  ['prediction-api', 'Prediction service / API', 'serving', ['REST', 'gRPC'], 'plug'],
  ['candidate-generation', 'Candidate generation', 'serving', ['two-tower + ANN', 'collaborative filtering'], 'filter'],
  ['ranking', 'Ranking model', 'serving', ['GBDT', 'DNN', 'DCN'], 'list-ordered'],
  ['re-ranking', 'Re-ranking / policy', 'serving', ['diversity', 'freshness', 'business rules'], 'arrow-up-down'],
  ['vector-db', 'Vector DB / ANN index', 'serving', ['Pinecone', 'Milvus', 'Qdrant', 'FAISS', 'pgvector'], 'radar'],
  ['search-index', 'Search index', 'serving', ['Elasticsearch', 'OpenSearch'], 'search'],
  ['cache', 'Cache', 'serving', ['Redis', 'Memcached'], 'zap'],
  ['rules-engine', 'Rules engine', 'serving', ['heuristics', 'fallback rules'], 'scale'],
  ['human-review', 'Human review queue', 'serving', ['moderators', 'analysts'], 'user-check'],
  ['llm-server', 'LLM server', 'serving', ['vLLM', 'TGI', 'TensorRT-LLM'], 'bot'],
  ['guardrails', 'Guardrails', 'serving', ['safety filters', 'PII redaction'], 'shield-alert'],
  ['prediction-logging', 'Prediction logging', 'monitoring', ['feature and prediction logs'], 'scroll-text'],
  ['monitoring-dashboard', 'Monitoring and alerts', 'monitoring', ['Prometheus', 'Grafana'], 'activity'],
  ['drift-detection', 'Drift detection', 'monitoring', ['Evidently', 'NannyML (KS test, PSI)'], 'trending-up-down'],
  ['note', 'Note', null, [], 'sticky-note'],
  ['group', 'Zone (offline / online)', null, [], 'square-dashed'],
  ['custom', 'Custom component', null, [], 'puzzle'],
];

/** The catalogue, in palette order within each group. */
export const CATALOGUE: readonly KindInfo[] = ROWS.map(([id, label, stage, tools, icon]) => ({
  id,
  label,
  stage,
  group: stage ?? 'other',
  tools,
  icon,
}));

const BY_ID = new Map<string, KindInfo>(CATALOGUE.map((k) => [k.id, k]));

/** The catalogue entry of a kind. */
export function kindInfo(kind: KindId): KindInfo {
  return BY_ID.get(kind)!;
}

/** True when the value is a catalogue kind id. */
export function isKindId(value: unknown): value is KindId {
  return typeof value === 'string' && BY_ID.has(value);
}

/** True when a palette entry matches a search query (label, kind id or any tool name; case-insensitive). */
export function kindMatches(kind: KindInfo, query: string): boolean {
  const q = query.trim().toLowerCase();
  if (!q) return true;
  return (
    kind.label.toLowerCase().includes(q) ||
    kind.id.includes(q) ||
    kind.tools.some((t) => t.toLowerCase().includes(q))
  );
}
