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
  /** Icon id (a lucide icon name in kebab case); the UI maps it to a component. */
  icon: string;
}

// What a kind is, for a learner, is the first line of its card (content/componentCards.ts), and the
// tools it offers are in kindTools.ts: both load after the first paint.
type Row = [KindId, string, StageId | null, string];

const ROWS: Row[] = [
  ['requirements', 'Requirements', 'requirements', 'clipboard-list'],
  ['ml-objective', 'ML objective', 'framing', 'target'],
  ['client-app', 'Client app', null, 'smartphone'],
  ['event-log', 'Event log (clicks, views)', 'data', 'mouse-pointer-click'],
  ['database', 'Database (OLTP)', 'data', 'database'],
  ['object-storage', 'Object storage', 'data', 'archive'],
  ['external-data', 'External data', 'data', 'globe'],
  ['message-queue', 'Stream / message queue', 'data', 'rows-3'],
  ['stream-processor', 'Stream processor', 'data', 'waves'],
  ['batch-etl', 'Batch ETL', 'data', 'shuffle'],
  ['data-warehouse', 'Data warehouse / lake', 'data', 'warehouse'],
  ['data-validation', 'Data validation', 'data', 'shield-check'],
  ['labeling', 'Labeling', 'data', 'tags'],
  ['feature-pipeline', 'Feature engineering', 'data', 'wrench'],
  ['feature-store', 'Feature store', 'data', 'boxes'],
  ['training-job', 'Training job', 'model', 'dumbbell'],
  ['embedding-model', 'Embedding model', 'model', 'orbit'],
  ['hyperparameter-tuning', 'Hyperparameter tuning', 'model', 'sliders-horizontal'],
  ['experiment-tracking', 'Experiment tracking', 'model', 'flask-conical'],
  ['orchestrator', 'Pipeline orchestrator', 'model', 'workflow'],
  ['offline-eval', 'Offline evaluation', 'evaluation', 'clipboard-check'],
  ['ab-test', 'Online evaluation', 'evaluation', 'split'],
  ['model-registry', 'Model registry', 'serving', 'library'],
  ['model-server', 'Model server', 'serving', 'server'],
  ['batch-inference', 'Batch inference', 'serving', 'layers'],
  ['prediction-api', 'Prediction service / API', 'serving', 'plug'],
  ['candidate-generation', 'Candidate generation', 'serving', 'filter'],
  ['ranking', 'Ranking model', 'serving', 'list-ordered'],
  ['re-ranking', 'Re-ranking / policy', 'serving', 'arrow-up-down'],
  ['vector-db', 'Vector DB / ANN index', 'serving', 'radar'],
  ['search-index', 'Search index', 'serving', 'search'],
  ['cache', 'Cache', 'serving', 'zap'],
  ['rules-engine', 'Rules engine', 'serving', 'scale'],
  ['human-review', 'Human review queue', 'serving', 'user-check'],
  ['llm-server', 'LLM server', 'serving', 'bot'],
  ['guardrails', 'Guardrails', 'serving', 'shield-alert'],
  ['prediction-logging', 'Prediction logging', 'monitoring', 'scroll-text'],
  ['monitoring-dashboard', 'Monitoring and alerts', 'monitoring', 'activity'],
  ['drift-detection', 'Drift detection', 'monitoring', 'trending-up-down'],
  ['note', 'Note', null, 'sticky-note'],
  ['group', 'Zone (offline / online)', null, 'square-dashed'],
  ['custom', 'Custom component', null, 'puzzle'],
];

/** The catalogue, in palette order within each group. */
export const CATALOGUE: readonly KindInfo[] = ROWS.map(([id, label, stage, icon]) => ({
  id,
  label,
  stage,
  group: stage ?? 'other',
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

/** True when a palette entry matches a search query (label, kind id, or one of `tools`: its KIND_TOOLS; case-insensitive). */
export function kindMatches(kind: KindInfo, query: string, tools: readonly string[]): boolean {
  const q = query.trim().toLowerCase();
  if (!q) return true;
  return kind.label.toLowerCase().includes(q) || kind.id.includes(q) || tools.some((t) => t.toLowerCase().includes(q));
}
