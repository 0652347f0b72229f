/**
 * Tool fit (domain.md section 4, "Tool fit"): the products the domain knows by category and the
 * kinds each category fits, and the products that are archived or in maintenance mode. A node's
 * free-text `tool` is read whole-word, case-insensitive, longest name first ("Kafka Streams" is a
 * stream processor, not a broker); a text that names none of these products is never a misfit.
 *
 * Beyond the table of domain.md (which allows more products): feature stores (Feast, Tecton,
 * Hopsworks), experimentation platforms and guardrail libraries; and a prediction log may live in a
 * broker topic, a warehouse table, object storage or a database, batch compute and tracking tools
 * may run an offline evaluation.
 */
import type { KindId } from './catalogue';

export interface ToolCategory {
  id: string;
  label: string;
  products: readonly string[];
  fits: readonly KindId[];
}

export const TOOL_CATEGORIES: readonly ToolCategory[] = [
  { id: 'broker', label: 'broker', products: ['Kafka', 'Kinesis', 'Pub/Sub', 'Pulsar', 'RabbitMQ', 'SQS', 'Redpanda', 'Event Hubs'], fits: ['event-log', 'message-queue', 'prediction-logging'] },
  {
    id: 'stream',
    label: 'stream processor',
    products: ['Flink', 'Spark Structured Streaming', 'Kafka Streams', 'Dataflow', 'Beam', 'ksqlDB'],
    fits: ['stream-processor', 'feature-pipeline', 'batch-etl'],
  },
  {
    id: 'batch',
    label: 'batch compute',
    products: ['Spark', 'dbt', 'pandas', 'Ray', 'Dask', 'Polars', 'DuckDB', 'Beam', 'Glue', 'EMR'],
    fits: ['batch-etl', 'feature-pipeline', 'batch-inference', 'data-validation', 'training-job', 'stream-processor', 'labeling', 'embedding-model', 'offline-eval'],
  },
  {
    id: 'warehouse',
    label: 'warehouse / lake',
    products: ['BigQuery', 'Snowflake', 'Delta Lake', 'Hive', 'Redshift', 'Iceberg', 'Databricks', 'ClickHouse', 'Hudi'],
    fits: ['data-warehouse', 'feature-store', 'object-storage', 'event-log', 'prediction-logging'],
  },
  { id: 'object-storage', label: 'object storage', products: ['S3', 'GCS', 'Azure Blob', 'MinIO'], fits: ['object-storage', 'data-warehouse', 'model-registry', 'event-log', 'prediction-logging'] },
  {
    id: 'oltp',
    label: 'OLTP database',
    products: ['PostgreSQL', 'Postgres', 'MySQL', 'Cassandra', 'DynamoDB', 'MongoDB', 'Spanner', 'Bigtable', 'ScyllaDB'],
    fits: ['database', 'feature-store', 'cache', 'event-log', 'vector-db', 'prediction-logging'],
  },
  { id: 'kv', label: 'key-value store / cache', products: ['Redis', 'Memcached', 'Aerospike', 'Valkey'], fits: ['cache', 'feature-store', 'database'] },
  { id: 'search', label: 'search engine', products: ['Elasticsearch', 'OpenSearch', 'Solr', 'Vespa'], fits: ['search-index', 'vector-db', 'candidate-generation'] },
  {
    id: 'vector',
    label: 'vector index',
    products: ['Pinecone', 'Milvus', 'Qdrant', 'FAISS', 'pgvector', 'Weaviate', 'ScaNN', 'hnswlib'],
    fits: ['vector-db', 'candidate-generation', 'search-index'],
  },
  { id: 'orchestrator', label: 'orchestrator', products: ['Airflow', 'Prefect', 'Kubeflow Pipelines', 'Dagster', 'Argo'], fits: ['orchestrator'] },
  {
    id: 'framework',
    label: 'ML framework',
    products: ['PyTorch', 'TensorFlow', 'XGBoost', 'LightGBM', 'CatBoost', 'Ray Train', 'JAX', 'scikit-learn', 'Keras', 'DGL', 'PyG'],
    fits: ['training-job', 'embedding-model', 'ranking', 'candidate-generation', 're-ranking', 'batch-inference', 'model-server', 'hyperparameter-tuning'],
  },
  {
    id: 'model-server',
    label: 'model server',
    products: ['Triton', 'KServe', 'TF Serving', 'BentoML', 'Ray Serve', 'TorchServe', 'Seldon'],
    fits: ['model-server', 'prediction-api', 'ranking', 'candidate-generation', 're-ranking', 'embedding-model', 'llm-server', 'batch-inference'],
  },
  {
    id: 'llm-server',
    label: 'LLM server',
    products: ['vLLM', 'SGLang', 'TensorRT-LLM', 'TGI', 'Text Generation Inference', 'Ollama'],
    fits: ['llm-server', 'embedding-model', 'model-server'],
  },
  { id: 'metrics', label: 'metrics and dashboards', products: ['Prometheus', 'Grafana', 'Datadog'], fits: ['monitoring-dashboard', 'drift-detection'] },
  { id: 'drift', label: 'drift monitoring', products: ['Evidently', 'NannyML', 'WhyLabs', 'Arize'], fits: ['drift-detection', 'monitoring-dashboard'] },
  { id: 'tracking', label: 'experiment tracking', products: ['MLflow', 'Weights & Biases', 'W&B', 'Comet'], fits: ['experiment-tracking', 'model-registry', 'offline-eval'] },
  { id: 'tuning', label: 'tuning', products: ['Ray Tune', 'Optuna', 'Katib', 'Hyperopt'], fits: ['hyperparameter-tuning'] },
  { id: 'labeling', label: 'labeling', products: ['Label Studio', 'SageMaker Ground Truth', 'Scale AI', 'Labelbox'], fits: ['labeling', 'human-review'] },
  { id: 'validation', label: 'data validation', products: ['Great Expectations', 'TFDV', 'Deequ', 'Soda'], fits: ['data-validation'] },
  { id: 'feature-store', label: 'feature store', products: ['Feast', 'Tecton', 'Hopsworks'], fits: ['feature-store'] },
  { id: 'experiments', label: 'experimentation platform', products: ['Statsig', 'GrowthBook', 'Optimizely', 'Eppo'], fits: ['ab-test'] },
  { id: 'guardrails', label: 'guardrails', products: ['Presidio', 'NeMo Guardrails', 'Llama Guard'], fits: ['guardrails'] },
];

/** Products archived or in maintenance mode, with the maintained alternatives a hint names. */
export const RETIRED_TOOLS: readonly { product: string; names: readonly string[]; status: string; instead: string }[] = [
  {
    product: 'TorchServe',
    names: ['TorchServe'],
    status: 'was archived in August 2025',
    instead: 'Triton, KServe, TF Serving, BentoML or Ray Serve (vLLM or SGLang for LLMs)',
  },
  {
    product: 'TGI',
    names: ['TGI', 'Text Generation Inference'],
    status: 'is in maintenance mode',
    instead: 'vLLM, SGLang or TensorRT-LLM',
  },
];

const L = String.raw`\p{L}\p{N}`;
const escape = (s: string) => s.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&').replace(/ /g, String.raw`[\s-]+`);

/** A product name as a lookup key: lower case, spaces and hyphens as one space. */
const keyOf = (name: string) => name.toLowerCase().replace(/[\s-]+/g, ' ');

/** Every product name and the categories that list it. */
const BY_NAME = new Map<string, ToolCategory[]>();
const SPELLINGS = new Set<string>();
for (const c of TOOL_CATEGORIES) {
  for (const p of c.products) {
    SPELLINGS.add(p.toLowerCase());
    const key = keyOf(p);
    BY_NAME.set(key, [...(BY_NAME.get(key) ?? []), c]);
  }
}
const RETIRED_BY_NAME = new Map(RETIRED_TOOLS.flatMap((r) => r.names.map((n) => [keyOf(n), r] as const)));
const NAMES = [...SPELLINGS].sort((a, b) => b.length - a.length);
const PRODUCT_RE = new RegExp(`(?<![${L}])(?:${NAMES.map(escape).join('|')})(?![${L}])`, 'giu');

/** A product named in a tool text, with its categories. */
export interface NamedProduct {
  /** As written in the text. */
  text: string;
  categories: ToolCategory[];
  /** Set when the product is archived or in maintenance mode. */
  retired?: (typeof RETIRED_TOOLS)[number];
}

/** The well-known products a tool text names, in text order (longest names first where they overlap). */
export function productsIn(tool: string | undefined): NamedProduct[] {
  if (!tool) return [];
  const text = tool.length > 2000 ? tool.slice(0, 2000) : tool;
  const out: NamedProduct[] = [];
  PRODUCT_RE.lastIndex = 0;
  for (let m = PRODUCT_RE.exec(text); m !== null; m = PRODUCT_RE.exec(text)) {
    const key = keyOf(m[0]);
    const categories = BY_NAME.get(key) ?? [];
    const retired = RETIRED_BY_NAME.get(key);
    out.push(retired ? { text: m[0], categories, retired } : { text: m[0], categories });
  }
  return out;
}

/** True when a product fits one of the kinds. */
export function productFits(p: NamedProduct, kinds: readonly KindId[]): boolean {
  return p.categories.some((c) => c.fits.some((k) => kinds.includes(k)));
}
