import { KIND_TOOLS } from './kindTools';
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
}

// What a kind is, for a learner, is the first line of its card (content/componentCards.ts), and the
// tools it offers are in kindTools.ts: both load after the first paint. Its icon is in kindIcons.ts.
type Row = [KindId, string, StageId | null];

const ROWS: Row[] = [
  ['requirements', 'Requirements', 'requirements'],
  ['ml-objective', 'ML objective', 'framing'],
  ['client-app', 'Client app', null],
  ['event-log', 'Event log (clicks, views)', 'data'],
  ['database', 'Database (OLTP)', 'data'],
  ['object-storage', 'Object storage', 'data'],
  ['external-data', 'External data', 'data'],
  ['message-queue', 'Stream / message queue', 'data'],
  ['stream-processor', 'Stream processor', 'data'],
  ['batch-etl', 'Batch ETL', 'data'],
  ['data-warehouse', 'Data warehouse / lake', 'data'],
  ['data-validation', 'Data validation', 'data'],
  ['labeling', 'Labeling', 'data'],
  ['feature-pipeline', 'Feature engineering', 'data'],
  ['feature-store', 'Feature store', 'data'],
  ['training-job', 'Training job', 'model'],
  ['embedding-model', 'Embedding model', 'model'],
  ['hyperparameter-tuning', 'Hyperparameter tuning', 'model'],
  ['experiment-tracking', 'Experiment tracking', 'model'],
  ['orchestrator', 'Pipeline orchestrator', 'model'],
  ['offline-eval', 'Offline evaluation', 'evaluation'],
  ['ab-test', 'Online evaluation', 'evaluation'],
  ['model-registry', 'Model registry', 'serving'],
  ['model-server', 'Model server', 'serving'],
  ['batch-inference', 'Batch inference', 'serving'],
  ['prediction-api', 'Prediction service / API', 'serving'],
  ['candidate-generation', 'Candidate generation', 'serving'],
  ['ranking', 'Ranking model', 'serving'],
  ['re-ranking', 'Re-ranking / policy', 'serving'],
  ['vector-db', 'Vector DB / ANN index', 'serving'],
  ['search-index', 'Search index', 'serving'],
  ['cache', 'Cache', 'serving'],
  ['rules-engine', 'Rules engine', 'serving'],
  ['human-review', 'Human review queue', 'serving'],
  ['llm-server', 'LLM server', 'serving'],
  ['guardrails', 'Guardrails', 'serving'],
  ['prediction-logging', 'Prediction logging', 'monitoring'],
  ['monitoring-dashboard', 'Monitoring and alerts', 'monitoring'],
  ['drift-detection', 'Drift detection', 'monitoring'],
  ['note', 'Note', null],
  ['group', 'Zone (offline / online)', null],
  ['custom', 'Custom component', null],
];

/** The catalogue, in palette order within each group. */
export const CATALOGUE: readonly KindInfo[] = ROWS.map(([id, label, stage]) => ({
  id,
  label,
  stage,
  group: stage ?? 'other',
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

/** True when a palette entry matches a search query (label, kind id or any of its tools; case-insensitive). */
export function kindMatches(kind: KindInfo, query: string): boolean {
  const q = query.trim().toLowerCase();
  if (!q) return true;
  return kind.label.toLowerCase().includes(q) || kind.id.includes(q) || KIND_TOOLS[kind.id].some((t) => t.toLowerCase().includes(q));
}
