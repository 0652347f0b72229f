import type { KindId } from './catalogue';

/**
 * Each catalogue kind's icon id: a lucide icon name in kebab case, which the UI maps to its shapes
 * (ui/icons.ts). The page draws a kind's icon from the sprite in index.html by the kind alone
 * (ui/SpriteIcon.tsx's kindIconId), so the first load carries none of these names; the sprite, the
 * exports and the tests read them here.
 */
export const KIND_ICONS: Readonly<Record<KindId, string>> = {
  requirements: 'clipboard-list',
  'ml-objective': 'target',
  'client-app': 'smartphone',
  'event-log': 'mouse-pointer-click',
  database: 'database',
  'object-storage': 'archive',
  'external-data': 'globe',
  'message-queue': 'rows-3',
  'stream-processor': 'waves',
  'batch-etl': 'shuffle',
  'data-warehouse': 'warehouse',
  'data-validation': 'shield-check',
  labeling: 'tags',
  'feature-pipeline': 'wrench',
  'feature-store': 'boxes',
  'training-job': 'dumbbell',
  'embedding-model': 'orbit',
  'hyperparameter-tuning': 'sliders-horizontal',
  'experiment-tracking': 'flask-conical',
  orchestrator: 'workflow',
  'offline-eval': 'clipboard-check',
  'ab-test': 'split',
  'model-registry': 'library',
  'model-server': 'server',
  'batch-inference': 'layers',
  'prediction-api': 'plug',
  'candidate-generation': 'filter',
  ranking: 'list-ordered',
  're-ranking': 'arrow-up-down',
  'vector-db': 'radar',
  'search-index': 'search',
  cache: 'zap',
  'rules-engine': 'scale',
  'human-review': 'user-check',
  'llm-server': 'bot',
  guardrails: 'shield-alert',
  'prediction-logging': 'scroll-text',
  'monitoring-dashboard': 'activity',
  'drift-detection': 'trending-up-down',
  note: 'sticky-note',
  group: 'square-dashed',
  custom: 'puzzle',
};
