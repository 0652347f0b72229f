import type { RuleId } from '../checker/types';

/** The "why it matters" card of a checker rule: the failure, a real pattern of it, and how to avoid it. */
export interface RuleCard {
  rule: RuleId;
  title: string;
  /** The failure the rule prevents. */
  failure: string;
  /** A real-world pattern of that failure (a pattern, not a named incident). */
  example: string;
  /** How strong answers avoid it. */
  strongAnswer: string;
  /** Concepts to study. */
  study: string[];
}

type CardBody = Omit<RuleCard, 'rule'>;

const CARDS: Record<RuleId, CardBody> = {
  'missing-stage': {
    title: 'Every stage of the pipeline needs an owner',
    failure: 'A whole stage is skipped, so the system has a gap: nothing is measured, nothing is served, or nobody notices decay.',
    example:
      'A model ships with no monitoring. User behaviour shifts over a few months, quality decays without any error, and the team only ' +
      'finds out when a quarterly business review asks why conversions fell.',
    strongAnswer:
      'Walk the seven stages in order and time-box each. Where you skip depth, say so on the canvas ("monitoring: standard, out of ' +
      'scope") rather than leaving a silent hole.',
    study: ['The ML system design interview framework', 'Time-boxing a 45-minute design', 'ML technical debt (hidden feedback, glue code)'],
  },
  'orphan-node': {
    title: 'A box with no arrows does nothing',
    failure: 'A component is drawn but not wired in, so it solves nothing and reads as naming tools rather than designing.',
    example:
      'A feature store sits beside the pipeline, but training reads the warehouse and serving computes features in the API. The team ' +
      'pays for the store and still has training-serving skew.',
    strongAnswer:
      'Every component has an input and an output, and you can say what flows on each edge: batch data, events, requests, models, ' +
      'feedback or triggers.',
    study: ['Data flow vs control flow in ML pipelines', 'Online vs offline components', 'Explaining a design by tracing one request'],
  },
  'no-serving-path': {
    title: 'Serving needs data too',
    failure: 'No path brings data to inference, so at request time the model has no features, or only defaults.',
    example:
      'A model is trained on rich warehouse features, but at serving only the request payload is available. Missing features fall ' +
      'back to defaults and online quality is far below the offline numbers.',
    strongAnswer:
      'Trace one request end to end: which features exist at request time, where each is read from (feature store, cache, request) ' +
      'and how fresh it is.',
    study: ['Online vs offline features', 'Feature freshness and staleness', 'Request-time vs precomputed features', 'Online feature stores'],
  },
  'no-model-handoff': {
    title: 'The trained model has to reach serving',
    failure: 'Nothing carries the trained artifact to inference, so deployment is manual, unrepeatable and impossible to audit.',
    example:
      'Model files are copied by hand from a notebook to a server. Preprocessing differs between the two, the served model is not ' +
      'the one that was evaluated, and nobody can rebuild it.',
    strongAnswer:
      'Show the artifact moving trainer -> evaluation -> registry -> server, packaged with its preprocessing, deployed by a pipeline ' +
      'rather than by hand.',
    study: ['Model packaging (ONNX, TorchScript, SavedModel)', 'CI/CD for ML and MLOps maturity levels', 'Preprocessing inside the model graph'],
  },
  'no-model-registry': {
    title: 'Versions make rollback a pointer flip',
    failure: 'Without a registry there is no record of which model is live, what produced it, or what to roll back to.',
    example:
      'A retrained model hurts a key metric. The team cannot tell which data and code produced the previous good version, so ' +
      'rollback means retraining from guesswork while the bad model serves.',
    strongAnswer:
      'Register each model with its metrics, data snapshot and training run; promote through aliases or stages; roll back by ' +
      'pointing serving at the previous version.',
    study: ['Model versioning and lineage', 'Rollback strategies', 'Model cards', 'Reproducible training (data and code versions)'],
  },
  'no-eval-gate': {
    title: 'No model ships without beating the current one',
    failure: 'A retrained model goes live without an offline check, so a bad training run reaches users directly.',
    example:
      'An automated daily retrain runs on a partial day of data after an upstream logging bug. No gate compares it with production, ' +
      'and the degraded model is deployed automatically.',
    strongAnswer:
      'An automatic gate compares candidate and production on the same time-based held-out set, overall and per slice, with ' +
      'thresholds that block promotion.',
    study: ['Time-based splits and data leakage', 'Slice-based evaluation', 'Calibration, also after negative downsampling', 'Significance of offline deltas'],
  },
  'no-online-eval': {
    title: 'Offline wins must be confirmed online',
    failure: 'A model is judged on offline metrics only, and offline gains can be neutral or harmful for the real business metric.',
    example:
      "A recommender with better offline NDCG lowers engagement in production: the logs it was evaluated on only contain what the " +
      'old model chose to show, so offline and online disagree.',
    strongAnswer:
      'Shadow mode first for risky systems, then an A/B test with one primary metric, guardrail metrics, a sample size from a power ' +
      'analysis, and a gradual ramp.',
    study: ['A/B testing: power and sample size', 'CUPED variance reduction', 'Novelty effects', 'Interleaving', 'Shadow deployment, champion/challenger'],
  },
  'monitoring-detached': {
    title: 'Monitors must watch what is served',
    failure: 'Monitoring exists but sees nothing from serving, so silent model failures pass unnoticed.',
    example:
      'An upstream join breaks and a key feature becomes null at serving. The model still answers, with confident but wrong scores; ' +
      'no request errors, so infrastructure dashboards stay green.',
    strongAnswer:
      'Log features and predictions at serving; monitor input quality and score distributions at once, and outcome metrics once ' +
      'labels arrive.',
    study: ['Silent failures in ML systems', 'Prediction logging', 'Proxy metrics while labels are delayed', 'Data quality monitoring'],
  },
  'no-retraining-loop': {
    title: 'A model that never retrains decays',
    failure: 'Nothing feeds monitoring or new labels back to training, so the model goes stale as the world changes.',
    example:
      'A fraud model is trained once. Fraudsters adapt and recall falls; a legitimate shift (a new payment method, holiday ' +
      'shopping) looks unusual to it, and good customers start being declined.',
    strongAnswer:
      'Retrain on a schedule set by how fast data changes, and on triggers (drift or performance alerts), always through the ' +
      'evaluation gate, with new labels joined in.',
    study: [
      'Data drift vs concept drift',
      'Drift tests: PSI, Kolmogorov-Smirnov',
      'Continual learning and retraining cadence',
      'Delayed labels',
      'Warm-start vs from-scratch training',
    ],
  },
  'no-label-source': {
    title: 'Say where the labels come from',
    failure: 'A supervised model has no label source, so it cannot be trained, evaluated or retrained.',
    example:
      'A team plans a classifier but has no labels at scale. Hand-labelling is slow, so they fall back on a convenient proxy such ' +
      'as clicks, and the model learns to reward clickbait.',
    strongAnswer:
      'Name the label, its source (implicit feedback, human review, outcomes), its delay, noise and bias. Fraud chargebacks can ' +
      'arrive weeks after the payment.',
    study: ['Implicit vs explicit feedback', 'Delayed labels', 'Position bias and selection bias', 'Active learning and weak supervision'],
  },
  'training-serving-skew': {
    title: 'Train and serve on the same features',
    failure: 'Features are computed one way for training and another for serving, so the model sees unfamiliar inputs in production.',
    example:
      'A feature\'s definition changes in the batch pipeline only (a 7-day window becomes 30 days) while the online code keeps the ' +
      'old one. Quality drops with no error anywhere.',
    strongAnswer:
      'Define each feature once; a feature store serves it offline with point-in-time correct joins and online at low latency. ' +
      'Log served features and compare distributions.',
    study: ['Point-in-time correct joins', 'Data leakage', 'Log-and-wait (training on logged features)', 'Skew detection (e.g. TFDV)'],
  },
  'stale-index': {
    title: 'Indexes must be built and refreshed',
    failure: 'Nothing builds or refreshes the index, so retrieval returns stale, deleted or incompatible results.',
    example:
      'A stale ANN index keeps serving deleted or out-of-stock items. Or the embedding model is retrained and queries use new ' +
      'vectors against an index of old ones, and retrieval quality collapses.',
    strongAnswer:
      'An index builder embeds items with the same model version as queries, upserts and deletes incrementally, and swaps ' +
      'versioned indexes atomically after a recall check.',
    study: ['ANN indexes (HNSW, IVF-PQ)', 'Embedding versioning and backfills', 'Blue/green index swaps', 'Recall@k of ANN vs exact search'],
  },
  'feedback-loop-risk': {
    title: 'A recommender that learns only from itself narrows',
    failure: 'The model trains on what it showed, so popular items get more exposure, new items never get data, and the feed narrows.',
    example:
      'Engagement-optimised feeds that learn only from their own impressions can amplify sensational or extreme content, because ' +
      'it gets clicks, and starve new creators of exposure.',
    strongAnswer:
      'A re-ranking stage adds exploration, diversity and freshness; log the probability each item was shown, correct position ' +
      'bias, and track long-term metrics.',
    study: ['Exploration: epsilon-greedy, Thompson sampling, contextual bandits', 'Inverse propensity scoring', 'Popularity bias', 'Position bias'],
  },
  'latency-over-budget': {
    title: 'The request path must fit the latency budget',
    failure: 'The components on the request path add up to more than the budget, so requests time out or fall back.',
    example:
      'A ranking service calls a feature store, scores a thousand candidates and calls an LLM, in sequence. p99 latency exceeds the ' +
      'budget and timeouts serve a fallback list.',
    strongAnswer:
      'Give each component a share of the p99 budget; parallelise calls, cache, precompute in batch, cut candidates, and distil or ' +
      'quantise models. Set timeouts with fallbacks.',
    study: ['p50 vs p99 and tail latency under fan-out', 'Knowledge distillation and quantisation', 'Caching and precomputation', 'Timeouts and fallbacks'],
  },
  'missing-component': {
    title: 'Each problem type has a canonical shape',
    failure: 'The design lacks a part its problem type depends on, so a known requirement of that domain goes unmet.',
    example:
      'A fraud system built only on nightly batch features misses a burst of card-testing transactions within minutes: velocity ' +
      'features need a stream processor.',
    strongAnswer:
      "Know the canonical architecture (multi-stage recommender, RAG, streaming fraud) and say why each part is there, or why " +
      'you leave one out.',
    study: ['Multi-stage recommendation: retrieval, ranking, re-ranking', 'Retrieval-augmented generation', 'Velocity features for fraud', 'Two-stage retrieval'],
  },
};

/** The rule card of every checker rule. */
export const RULE_CARDS: Record<RuleId, RuleCard> = Object.fromEntries(
  (Object.keys(CARDS) as RuleId[]).map((rule) => [rule, { rule, ...CARDS[rule] }]),
) as Record<RuleId, RuleCard>;

/** The "why it matters" card of a rule. */
export function ruleCard(rule: RuleId): RuleCard {
  return RULE_CARDS[rule];
}
