import { KIND_IDS, kindInfo, type KindId } from '../catalogue';
import { STAGE_IDS } from '../stages';
import { followUpFor } from './componentCards';

/** How a prompt names each kind in a sentence ("Your design has a feature store: ..."). */
export const KIND_NOUNS: Record<KindId, string> = {
  requirements: 'a requirements card',
  'ml-objective': 'an ML objective',
  'client-app': 'a client app',
  'event-log': 'an event log',
  database: 'a database',
  'object-storage': 'object storage',
  'external-data': 'external data',
  'message-queue': 'a message queue',
  'stream-processor': 'a stream processor',
  'batch-etl': 'a batch ETL job',
  'data-warehouse': 'a data warehouse',
  'data-validation': 'data validation',
  labeling: 'a labeling step',
  'feature-pipeline': 'a feature pipeline',
  'feature-store': 'a feature store',
  'training-job': 'a training job',
  'embedding-model': 'an embedding model',
  'hyperparameter-tuning': 'hyperparameter tuning',
  'experiment-tracking': 'experiment tracking',
  orchestrator: 'an orchestrator',
  'offline-eval': 'an offline evaluation',
  'ab-test': 'online evaluation',
  'model-registry': 'a model registry',
  'model-server': 'a model server',
  'batch-inference': 'batch inference',
  'prediction-api': 'a prediction API',
  'candidate-generation': 'candidate generation',
  ranking: 'a ranking model',
  're-ranking': 'a re-ranking stage',
  'vector-db': 'a vector DB',
  'search-index': 'a search index',
  cache: 'a cache',
  'rules-engine': 'a rules engine',
  'human-review': 'a human review queue',
  'llm-server': 'an LLM server',
  guardrails: 'guardrails',
  'prediction-logging': 'prediction logging',
  'monitoring-dashboard': 'monitoring and alerts',
  'drift-detection': 'drift detection',
  note: 'a note',
  group: 'zones',
  custom: 'a custom component',
};

/** Lower-cases the first letter of a question unless it starts an acronym ("What" -> "what", "A/B" stays). */
function lowerFirst(question: string): string {
  return /^[A-Z][a-z]/.test(question) ? question[0].toLowerCase() + question.slice(1) : question;
}

/** Sort key: stage order, kinds without a stage (actors, notes, zones, custom) last, then catalogue order. */
function orderKey(kind: KindId): [number, number] {
  const stage = kindInfo(kind).stage;
  return [stage === null ? STAGE_IDS.length : STAGE_IDS.indexOf(stage), KIND_IDS.indexOf(kind)];
}

/** One practice question about a placed kind: "Your design has <kind>: <follow-up number round>". */
export function practicePrompt(kind: KindId, round = 0): string {
  return `Your design has ${KIND_NOUNS[kind]}: ${lowerFirst(followUpFor(kind, round))}`;
}

/** Practice questions for the kinds a user placed: one per distinct kind, in stage order (round picks which follow-up). */
export function practicePrompts(kinds: readonly KindId[], round = 0): string[] {
  const distinct = [...new Set(kinds)].filter((k) => Object.hasOwn(KIND_NOUNS, k));
  distinct.sort((a, b) => {
    const [sa, ca] = orderKey(a);
    const [sb, cb] = orderKey(b);
    return sa - sb || ca - cb;
  });
  return [...new Set(distinct.map((k) => practicePrompt(k, round)))];
}
