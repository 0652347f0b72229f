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
  /** One line a learner understands. */
  description: string;
  /** Icon id (a lucide icon name in kebab case); the UI maps it to a component. */
  icon: string;
}

type Row = [KindId, string, StageId | null, readonly string[], string, string];

const ROWS: Row[] = [
  ['requirements', 'Requirements', 'requirements', [], 'The business goal, scale, QPS and latency budget the design must meet.', 'clipboard-list'],
  ['ml-objective', 'ML objective', 'framing', [], 'The ML task: input, output, label, loss and the offline and online metrics.', 'target'],
  ['client-app', 'Client app', null, ['web', 'iOS', 'Android'], 'The user-facing app that sends requests and produces events.', 'smartphone'],
  ['event-log', 'Event log (clicks, views)', 'data', ['Kafka topic', 'Segment', 'Snowplow'], 'Raw user interactions (clicks, views, purchases): the usual source of implicit labels.', 'mouse-pointer-click'],
  ['database', 'Database (OLTP)', 'data', ['PostgreSQL', 'MySQL', 'Cassandra', 'DynamoDB'], 'The transactional store of users, items and orders that the product runs on.', 'database'],
  ['object-storage', 'Object storage', 'data', ['S3', 'GCS', 'Azure Blob'], 'Cheap, durable storage for files: images, videos, documents and datasets.', 'archive'],
  ['external-data', 'External data', 'data', ['partner feeds', 'public datasets'], 'Data from outside the company: partner feeds, public datasets, third-party signals.', 'globe'],
  ['message-queue', 'Stream / message queue', 'data', ['Kafka', 'Kinesis', 'Pub/Sub', 'Pulsar'], 'A durable log that moves events between services in real time.', 'rows-3'],
  ['stream-processor', 'Stream processor', 'data', ['Flink', 'Spark Structured Streaming', 'Kafka Streams'], 'Computes features and aggregates over events as they arrive (e.g. counts in the last 5 minutes).', 'waves'],
  ['batch-etl', 'Batch ETL', 'data', ['Spark', 'Beam', 'dbt'], 'Scheduled jobs that clean, join and reshape large datasets.', 'shuffle'],
  ['data-warehouse', 'Data warehouse / lake', 'data', ['BigQuery', 'Snowflake', 'Delta Lake', 'Hive'], 'The analytical store where historical data is kept and queried for training.', 'warehouse'],
  ['data-validation', 'Data validation', 'data', ['Great Expectations', 'TFDV'], 'Checks schemas, ranges and distributions so bad data never reaches training.', 'shield-check'],
  ['labeling', 'Labeling', 'data', ['Label Studio', 'SageMaker Ground Truth', 'human raters'], 'Humans (or rules) attach ground-truth labels to examples.', 'tags'],
  ['feature-pipeline', 'Feature engineering', 'data', ['Spark', 'Flink', 'pandas'], 'Turns raw data into model inputs: aggregates, embeddings, crosses.', 'wrench'],
  ['feature-store', 'Feature store', 'data', ['Feast', 'Tecton', 'Hopsworks', 'Redis (online)', 'DynamoDB (online)'], 'Serves the same features to training (offline) and inference (online) to avoid skew.', 'boxes'],
  ['training-job', 'Training job', 'model', ['PyTorch', 'TensorFlow', 'XGBoost', 'LightGBM', 'Ray Train'], 'Fits the model on labelled data and produces a trained artifact.', 'dumbbell'],
  ['embedding-model', 'Embedding model', 'model', ['two-tower', 'CLIP', 'BERT', 'word2vec'], 'Maps users, items, text or images to vectors so similar things lie close together.', 'orbit'],
  ['hyperparameter-tuning', 'Hyperparameter tuning', 'model', ['Ray Tune', 'Optuna', 'Katib'], 'Searches learning rates, depths and sizes for the best validation score.', 'sliders-horizontal'],
  ['experiment-tracking', 'Experiment tracking', 'model', ['MLflow Tracking', 'Weights & Biases'], 'Records every run: code, data version, parameters and metrics, so results can be reproduced.', 'flask-conical'],
  ['orchestrator', 'Pipeline orchestrator', 'model', ['Airflow', 'Prefect', 'Kubeflow Pipelines', 'Dagster'], 'Schedules and chains the pipeline steps: ingest, train, evaluate, deploy.', 'workflow'],
  ['offline-eval', 'Offline evaluation', 'evaluation', ['held-out set', 'backtest', 'replay'], 'Scores a candidate model on held-out data before it may ship.', 'clipboard-check'],
  ['ab-test', 'Online evaluation', 'evaluation', ['A/B test', 'shadow mode', 'champion/challenger', 'interleaving', 'Statsig', 'GrowthBook'], 'Compares models on live traffic (A/B test, shadow mode) against the business metric.', 'split'],
  ['model-registry', 'Model registry', 'serving', ['MLflow Model Registry', 'W&B', 'SageMaker'], 'Versions trained models with their metrics and decides which one is live.', 'library'],
  ['model-server', 'Model server', 'serving', ['Triton', 'KServe', 'TorchServe', 'TF Serving', 'BentoML', 'Ray Serve'], 'Runs the model behind an endpoint and answers predictions online.', 'server'],
  ['batch-inference', 'Batch inference', 'serving', ['Spark job', 'Ray batch'], 'Scores many inputs on a schedule and stores the predictions for later lookup.', 'layers'],
  ['prediction-api', 'Prediction service / API', 'serving', ['REST', 'gRPC'], 'The service the product calls; it fetches features, calls models and returns results.', 'plug'],
  ['candidate-generation', 'Candidate generation', 'serving', ['two-tower + ANN', 'collaborative filtering'], 'Narrows millions of items to a few hundred plausible ones, fast.', 'filter'],
  ['ranking', 'Ranking model', 'serving', ['GBDT', 'DNN', 'DCN'], 'Scores each candidate precisely with rich features and orders them.', 'list-ordered'],
  ['re-ranking', 'Re-ranking / policy', 'serving', ['diversity', 'freshness', 'business rules'], 'Adjusts the final list for diversity, freshness, exploration and policy.', 'arrow-up-down'],
  ['vector-db', 'Vector DB / ANN index', 'serving', ['Pinecone', 'Milvus', 'Qdrant', 'FAISS', 'pgvector'], 'Finds the nearest vectors to a query among millions in milliseconds.', 'radar'],
  ['search-index', 'Search index', 'serving', ['Elasticsearch', 'OpenSearch'], 'An inverted index for keyword (lexical) search over text.', 'search'],
  ['cache', 'Cache', 'serving', ['Redis', 'Memcached'], 'Keeps hot results or features in memory to cut latency and cost.', 'zap'],
  ['rules-engine', 'Rules engine', 'serving', ['heuristics', 'fallback rules'], 'Hand-written rules that block, allow or fall back when the model cannot decide.', 'scale'],
  ['human-review', 'Human review queue', 'serving', ['moderators', 'analysts'], 'People review uncertain or high-stakes cases; their decisions become labels.', 'user-check'],
  ['llm-server', 'LLM server', 'serving', ['vLLM', 'TGI', 'TensorRT-LLM'], 'Serves a large language model with batching and KV-cache for generation.', 'bot'],
  ['guardrails', 'Guardrails', 'serving', ['safety filters', 'PII redaction'], 'Filters inputs and outputs for safety, PII and policy before they reach users.', 'shield-alert'],
  ['prediction-logging', 'Prediction logging', 'monitoring', ['feature and prediction logs'], 'Logs every request, its features and the prediction, for debugging, labels and retraining.', 'scroll-text'],
  ['monitoring-dashboard', 'Monitoring and alerts', 'monitoring', ['Prometheus', 'Grafana'], 'Dashboards and alerts on latency, errors and model metrics.', 'activity'],
  ['drift-detection', 'Drift detection', 'monitoring', ['Evidently', 'NannyML (KS test, PSI)'], 'Alerts when input or prediction distributions move away from training (KS test, PSI).', 'trending-up-down'],
  ['note', 'Note', null, [], 'A sticky note for assumptions, trade-offs and open questions.', 'sticky-note'],
  ['group', 'Zone (offline / online)', null, [], 'A labelled area that groups components, e.g. the offline and the online part.', 'square-dashed'],
  ['custom', 'Custom component', null, [], 'Anything the catalogue lacks; you choose its stage.', 'puzzle'],
];

/** The catalogue, in palette order within each group. */
export const CATALOGUE: readonly KindInfo[] = ROWS.map(([id, label, stage, tools, description, icon]) => ({
  id,
  label,
  stage,
  group: stage ?? 'other',
  tools,
  description,
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
