import { CATALOGUE, type KindId } from '../catalogue';
import { cleanText } from '../export/text';
import { KIND_TOOLS } from '../kindTools';

/**
 * What a box drawn in another tool is, read from its text through the catalogue: the name words of
 * each kind (its label, its id, and the names people commonly write for it) and the products each
 * kind offers as tools (kindTools.ts). "Feature store (Feast)" is a `feature-store` with tool Feast,
 * "Kafka" a `message-queue`, a box we cannot place is `custom`.
 */

/** How a box's text was read. */
export interface Recognised {
  kind: KindId;
  /** The name to show; absent when the box named only a product (the catalogue label then shows). */
  label?: string;
  /** The product or detail named beside the name. */
  tool?: string;
  /** What decided the kind: a name word, a product, or nothing (custom). */
  by: 'name' | 'tool' | 'none';
}

/** Names people write for each kind beyond its catalogue label and id (matched as whole words, plurals alike). */
const NAMES: Partial<Record<KindId, readonly string[]>> = {
  requirements: ['requirements', 'business goal', 'business requirements'],
  'ml-objective': ['ml objective', 'objective', 'ml task'],
  'client-app': ['client', 'user', 'app', 'mobile app', 'web app', 'frontend', 'browser', 'customer'],
  'event-log': ['event log', 'event', 'clickstream', 'click stream', 'click log', 'user event', 'impression', 'activity log'],
  database: ['database', 'db', 'oltp', 'sql database', 'rdbms'],
  'object-storage': ['object storage', 'object store', 'blob storage', 'blob store', 'bucket', 'file storage'],
  'external-data': ['external data', 'third party data', 'partner data', 'partner feed', 'public dataset'],
  'message-queue': ['message queue', 'queue', 'message bus', 'event bus', 'broker', 'pub sub', 'event stream', 'topic'],
  'stream-processor': ['stream processor', 'stream processing', 'streaming', 'streaming job', 'real time processing'],
  'batch-etl': ['batch etl', 'etl', 'elt', 'batch job', 'batch processing', 'data pipeline', 'ingestion'],
  'data-warehouse': ['data warehouse', 'warehouse', 'data lake', 'lake', 'lakehouse'],
  'data-validation': ['data validation', 'validation', 'data quality', 'data check'],
  labeling: ['labeling', 'labelling', 'annotation', 'label', 'labeler', 'rater'],
  'feature-pipeline': ['feature engineering', 'feature pipeline', 'feature extraction', 'feature computation', 'feature job'],
  'feature-store': ['feature store'],
  'training-job': ['training job', 'training', 'trainer', 'model training', 'train', 'retraining', 'fine tuning'],
  'embedding-model': ['embedding model', 'embedding', 'encoder', 'two tower', 'embedder'],
  'hyperparameter-tuning': ['hyperparameter tuning', 'hyperparameter search', 'hpo', 'tuning'],
  'experiment-tracking': ['experiment tracking', 'experiment tracker', 'tracking'],
  orchestrator: ['pipeline orchestrator', 'orchestrator', 'orchestration', 'scheduler', 'dag', 'workflow'],
  'offline-eval': ['offline evaluation', 'offline eval', 'evaluation', 'eval', 'backtest', 'offline metric'],
  'ab-test': ['online evaluation', 'a b test', 'ab test', 'a b testing', 'experiment', 'online experiment', 'shadow mode', 'canary', 'interleaving'],
  'model-registry': ['model registry', 'registry', 'model store'],
  'model-server': ['model server', 'model serving', 'inference server', 'serving', 'inference service', 'model service', 'inference', 'scorer'],
  'batch-inference': ['batch inference', 'batch scoring', 'batch prediction', 'offline scoring', 'offline inference'],
  'prediction-api': ['prediction service', 'prediction api', 'api', 'api gateway', 'gateway', 'backend', 'endpoint'],
  'candidate-generation': ['candidate generation', 'candidate', 'retrieval', 'candidate retrieval', 'recall', 'retriever'],
  ranking: ['ranking model', 'ranking', 'ranker', 'scoring model', 'ltr', 'learning to rank'],
  're-ranking': ['re ranking', 'reranking', 'reranker', 're ranker', 'policy', 'filtering', 'business rule', 'blending'],
  'vector-db': ['vector db', 'vector database', 'vector index', 'vector store', 'ann', 'ann index', 'nearest neighbour', 'nearest neighbor'],
  'search-index': ['search index', 'inverted index', 'search engine', 'keyword index', 'lexical index', 'bm25'],
  cache: ['cache', 'caching', 'kv store', 'key value store'],
  'rules-engine': ['rules engine', 'rule engine', 'rule', 'heuristic'],
  'human-review': ['human review queue', 'human review', 'review queue', 'manual review', 'moderation queue', 'human in the loop', 'moderator', 'analyst'],
  'llm-server': ['llm server', 'llm', 'language model', 'llm serving', 'llm inference', 'generator'],
  guardrails: ['guardrail', 'safety filter', 'content filter', 'moderation filter'],
  'prediction-logging': ['prediction logging', 'prediction log', 'inference log', 'logging', 'feature log'],
  'monitoring-dashboard': ['monitoring and alerts', 'monitoring', 'dashboard', 'alert', 'alerting', 'observability', 'metrics'],
  'drift-detection': ['drift detection', 'drift', 'drift monitor', 'skew detection'],
};

/** Well-known products beyond the kinds' own tool lists, each with the kind it most often is. */
const MORE_PRODUCTS: ReadonlyArray<readonly [string, KindId]> = [
  ['Postgres', 'database'],
  ['MongoDB', 'database'],
  ['Spanner', 'database'],
  ['RabbitMQ', 'message-queue'],
  ['SQS', 'message-queue'],
  ['Redpanda', 'message-queue'],
  ['Kafka Connect', 'message-queue'],
  ['Dataflow', 'stream-processor'],
  ['Spark Streaming', 'stream-processor'],
  ['Redshift', 'data-warehouse'],
  ['Iceberg', 'data-warehouse'],
  ['Databricks', 'data-warehouse'],
  ['ClickHouse', 'data-warehouse'],
  ['MinIO', 'object-storage'],
  ['Deequ', 'data-validation'],
  ['Labelbox', 'labeling'],
  ['Scale AI', 'labeling'],
  ['Argo', 'orchestrator'],
  ['MLflow', 'experiment-tracking'],
  ['Comet', 'experiment-tracking'],
  ['Seldon', 'model-server'],
  ['Weaviate', 'vector-db'],
  ['ScaNN', 'vector-db'],
  ['hnswlib', 'vector-db'],
  ['Solr', 'search-index'],
  ['Vespa', 'search-index'],
  ['Aerospike', 'cache'],
  ['SGLang', 'llm-server'],
  ['Ollama', 'llm-server'],
  ['Datadog', 'monitoring-dashboard'],
  ['WhyLabs', 'drift-detection'],
  ['Arize', 'drift-detection'],
  ['Optuna', 'hyperparameter-tuning'],
  ['Hyperopt', 'hyperparameter-tuning'],
];

/** Text as comparable words: lower case, letters and digits only, single spaces, plural "s" dropped, padded with spaces. */
export function words(text: string): string {
  const tokens = text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .map((t) => (t.length > 3 && t.endsWith('s') && !t.endsWith('ss') ? t.slice(0, -1) : t));
  return ` ${tokens.join(' ')} `;
}

interface Phrase {
  words: string;
  kind: KindId;
  /** As written in the catalogue (products: the tool text a match sets). */
  text: string;
  order: number;
}

const KIND_ORDER = new Map(CATALOGUE.map((k, i) => [k.id, i]));

function byLength(a: Phrase, b: Phrase): number {
  return b.words.length - a.words.length || a.order - b.order;
}

/** Name words of every kind: its catalogue label (and its parts around "/", without a "(...)"), its id, and NAMES. */
const NAME_PHRASES: readonly Phrase[] = (() => {
  const out: Phrase[] = [];
  const seen = new Set<string>();
  const add = (text: string, kind: KindId) => {
    const w = words(text);
    if (w.trim() === '' || seen.has(w)) return;
    seen.add(w);
    out.push({ words: w, kind, text, order: KIND_ORDER.get(kind)! });
  };
  for (const k of CATALOGUE) {
    if (k.id === 'custom' || k.id === 'note' || k.id === 'group') continue;
    add(k.label, k.id);
    add(k.id, k.id);
    for (const n of NAMES[k.id] ?? []) add(n, k.id);
    for (const part of k.label.replace(/\s*\(.*?\)/g, '').split(/\s*\/\s*/)) add(part, k.id);
  }
  return out.sort(byLength);
})();

/** Products: every kind's tools (the first kind listing one wins), then MORE_PRODUCTS; "Redis (online)" counts as Redis only where no kind lists Redis itself. */
const PRODUCT_PHRASES: readonly Phrase[] = (() => {
  const out: Phrase[] = [];
  const seen = new Set<string>();
  const add = (text: string, kind: KindId) => {
    const w = words(text);
    if (w.trim() === '' || seen.has(w)) return;
    seen.add(w);
    out.push({ words: w, kind, text, order: KIND_ORDER.get(kind)! });
  };
  const tools = CATALOGUE.flatMap((k) => KIND_TOOLS[k.id].map((t) => [t, k.id] as const));
  for (const [t, kind] of tools) if (!t.includes('(')) add(t, kind);
  for (const [t, kind] of MORE_PRODUCTS) add(t, kind);
  for (const [t, kind] of tools) if (t.includes('(')) add(t.replace(/\s*\(.*$/, ''), kind);
  return out.sort(byLength);
})();

function firstMatch(phrases: readonly Phrase[], text: string): Phrase | undefined {
  if (text.trim() === '') return undefined;
  for (const p of phrases) if (text.includes(p.words)) return p;
  return undefined;
}

/** The text as written by the user for the words of a phrase: "feast" in "Store (FEAST)" gives "FEAST". */
function asWritten(source: string, phrase: Phrase): string {
  const target = phrase.words.trim().split(' ');
  const pattern = target.map((w) => `${w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}s?`).join('[^\\p{L}\\p{N}]+');
  const m = new RegExp(`(?<![\\p{L}\\p{N}])${pattern}(?![\\p{L}\\p{N}])`, 'iu').exec(source.normalize('NFKD').replace(/\p{M}+/gu, ''));
  return m ? m[0] : phrase.text;
}

/** Folds a box's text to one trimmed line. */
function line(text: string): string {
  return cleanText(text).replace(/\s+/g, ' ').trim();
}

/**
 * Reads a box's text as a component: the first line is its name, a last "(...)" part or the lines
 * below name the tool. The name's words pick the kind (the longest match wins); failing that, a
 * product named anywhere does; failing both, the box is `custom`.
 */
export function recognise(text: string): Recognised {
  const lines = cleanText(text)
    .split('\n')
    .map((l) => l.replace(/\s+/g, ' ').trim())
    .filter(Boolean);
  let name = lines[0] ?? '';
  let detail = lines.slice(1).join(' ').replace(/^\((.*)\)$/, '$1').trim();
  // "Feature store (Feast)": a closing parenthesis that names a product is the tool.
  const paren = /^(.*\S)\s*\(([^()]+)\)$/.exec(name);
  if (paren && !detail && firstMatch(PRODUCT_PHRASES, words(paren[2]))) {
    name = paren[1];
    detail = paren[2].trim();
  }
  const nameWords = words(name);
  const byName = firstMatch(NAME_PHRASES, nameWords);
  const product = firstMatch(PRODUCT_PHRASES, words(`${name} ${detail}`));
  const out = (kind: KindId, by: Recognised['by'], label: string | undefined, tool: string | undefined): Recognised => {
    const r: Recognised = { kind, by };
    if (label) r.label = label;
    if (tool) r.tool = tool;
    return r;
  };
  // A name that is exactly a product ("Kafka topic") is that product's kind, whatever words it holds; it
  // keeps its name when that also reads as a kind's name ("A/B tests"), else shows the catalogue label.
  if (product && product.words === nameWords) {
    return byName ? out(product.kind, 'tool', name, detail || undefined) : out(product.kind, 'tool', undefined, detail || asWritten(name, product));
  }
  if (byName) {
    // A product named inside the name ("Redis cache") is its tool; descriptive tool words ("analysts") are not.
    const named = product && /^[\p{Lu}\p{N}]/u.test(product.text) ? asWritten(name, product) : undefined;
    const tool = detail || named;
    return out(byName.kind, 'name', name || undefined, tool && words(tool) !== nameWords ? tool : undefined);
  }
  if (product) {
    const written = detail ? detail : asWritten(name, product);
    // A box that only names the product ("Kafka") shows the catalogue label, with the product as its tool.
    const onlyProduct = words(name) === product.words || words(name) === words(written);
    return out(product.kind, 'tool', onlyProduct ? undefined : name, written);
  }
  return out('custom', 'none', name || undefined, detail || undefined);
}

/** A text for a message: one line, cut at 60 characters. */
export function shortText(text: string): string {
  const t = line(text);
  return t.length > 60 ? `${t.slice(0, 59)}…` : t;
}
