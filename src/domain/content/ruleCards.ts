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

// In the order of domain.md's rule table (revision 2). Each card must agree with its rule's
// condition there: what the rule accepts, the card must not call a mistake.
const CARDS: Record<RuleId, CardBody> = {
  'missing-stage': {
    title: 'Every stage of the pipeline needs an owner',
    failure:
      'A stage is skipped or only named (an empty requirements or objective card), so the system has a gap: nothing is measured, ' +
      'nothing is served, or nobody notices decay.',
    example:
      'A model ships with no monitoring. User behaviour shifts over a few months, quality decays without any error, and the team only ' +
      'finds out when a quarterly business review asks why conversions fell.',
    strongAnswer:
      'Walk the seven stages in order and time-box each; fill in the requirements and objective cards, not just place them. With a ' +
      'pretrained model, choosing and adapting it is the model stage. Where you skip depth, draw the part and say so in its ' +
      'notes ("standard, out of scope").',
    study: ['The ML system design interview framework', 'Time-boxing a 45-minute design', 'ML technical debt (hidden feedback, glue code)'],
  },
  'requirements-incomplete': {
    title: 'Pin the goal, the scale and the latency budget first',
    failure:
      'The requirements card lacks the goal, the scale or, online, the latency budget, so every later choice (batch or real time, ' +
      'model size, index sharding) rests on a guess.',
    example:
      'A candidate draws a GPU cross-encoder that rescores every candidate, then learns the feed must answer in 100 ms at 50,000 QPS. ' +
      'Half the diagram is redrawn in the last ten minutes, and the evaluation and monitoring stages are never reached.',
    strongAnswer:
      'Ask first, then write the answers down: the business goal and how it is measured, users and peak QPS (daily requests / 86,400 ' +
      'x peak factor), the p99 latency budget, and constraints such as privacy or cost. Where the interviewer leaves a number open, ' +
      'state an assumption.',
    study: [
      'Clarifying questions in ML system design',
      'Back-of-envelope estimates: QPS, storage, memory',
      'Latency budgets: p50 vs p99',
      'Functional vs non-functional requirements',
    ],
  },
  'objective-incomplete': {
    title: 'Frame the ML task before drawing the pipeline',
    failure:
      'The objective card lacks a task, a label, an offline metric or, online, an online metric, so nothing says what the model ' +
      'learns or how anyone will know that it works.',
    example:
      'A team builds features and a training pipeline for "better recommendations" and only at review argues about the label: ' +
      'clicks, watch time or purchases. Each needs different data, and the offline metric they tracked measured none of them.',
    strongAnswer:
      'Write the task type, the label and where it comes from, the loss, an offline metric that fits the task (PR-AUC for rare ' +
      'positives, NDCG for rankings) and the online metric it should move. Say how the two could disagree.',
    study: [
      'Framing a business goal as an ML task',
      'Proxy labels and what they optimise',
      'Offline vs online metrics',
      'Losses: pointwise, pairwise, listwise',
    ],
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
      'Put the registry on the model path: register each model with its metrics, data snapshot and training run, promote through ' +
      'aliases or stages, and let serving load what is promoted, so rollback points it at the previous version.',
    study: ['Model versioning and lineage', 'Rollback strategies', 'Model cards', 'Reproducible training (data and code versions)'],
  },
  'no-eval-gate': {
    title: 'No model ships without beating the current one',
    failure:
      'A retrained model reaches serving without passing an offline check (at most a side report nobody acts on), so a bad ' +
      'training run reaches users directly.',
    example:
      'An automated daily retrain runs on a partial day of data after an upstream logging bug. No gate compares it with production, ' +
      'and the degraded model is deployed automatically.',
    strongAnswer:
      'The model passes through an automatic gate on its way to serving: candidate and production on the same time-based held-out ' +
      'set, overall and per slice, with thresholds that block promotion.',
    study: ['Time-based splits and data leakage', 'Slice-based evaluation', 'Calibration, also after negative downsampling', 'Significance of offline deltas'],
  },
  'edge-kind-mismatch': {
    title: 'Say what flows on each arrow',
    failure:
      'An arrow\'s kind contradicts its ends: a trained model drawn as data, a call pointing into the client, an alert drawn as ' +
      'training data. The diagram then claims something the system does not do.',
    example:
      'A drift detector is wired into training as "feedback", as if its alerts were training rows. In the discussion it turns out ' +
      'nothing ever starts a retrain: the alert was meant to trigger a job, and nobody owned that trigger.',
    strongAnswer:
      'Choose the kind from what moves: model for an artifact going to evaluation, a registry or a server; request from caller to ' +
      'callee; control for a schedule or alert that starts a job; feedback for labels and logs flowing back to training.',
    study: [
      'Data flow vs control flow',
      'Model artifacts and their promotion',
      'The request path vs offline pipelines',
      'Event-driven retraining triggers',
    ],
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
      'labels arrive and are joined with the logged predictions.',
    study: ['Silent failures in ML systems', 'Prediction logging', 'Proxy metrics while labels are delayed', 'Data quality monitoring'],
  },
  'no-retraining-loop': {
    title: 'A model that never retrains decays',
    failure: 'Training runs once: no schedule starts it and no monitor feeds or triggers it, so the model goes stale as the world changes.',
    example:
      'A fraud model is trained once. Fraudsters change tactics, so the same inputs now mean fraud (concept drift) and recall falls; ' +
      'a new payment method shifts the inputs themselves (data drift), and good customers start being declined.',
    strongAnswer:
      'Retrain on a schedule set by how fast data changes (an orchestrator), and on alerts, always through the evaluation gate. PSI ' +
      'and KS watch inputs (data drift); concept drift, a changed link from inputs to labels, shows only in performance on fresh labels.',
    study: [
      'Data drift vs concept drift',
      'Drift tests: PSI, Kolmogorov-Smirnov (numeric), chi-square (categorical)',
      'Performance estimation before labels arrive (e.g. CBPE)',
      'Continual learning and retraining cadence',
      'Delayed labels',
    ],
  },
  'no-label-source': {
    title: 'Say where the labels come from',
    failure:
      'A supervised trainer is fed by nothing that records what really happened, so it cannot be trained, evaluated or retrained.',
    example:
      'A design feeds the prediction log into training as its labels. The log holds what the model said, not what happened, so ' +
      'each retrain learns to agree with the last model and its mistakes harden. Joined with outcomes, the same log is a label.',
    strongAnswer:
      'Name the label and its source: user feedback, human review (moderators\' decisions are labels) or outcomes such as ' +
      'chargebacks, with its delay, noise and bias. Self-supervised and pretrained-only designs need no labels: say which yours is.',
    study: [
      'Implicit vs explicit feedback',
      'Joining predictions with outcomes',
      'Self-supervised and contrastive learning',
      'Position bias and selection bias',
      'Active learning and weak supervision',
    ],
  },
  'training-serving-skew': {
    title: 'Train and serve on the same features',
    failure: 'Features are computed one way for training and another for serving, so the model sees unfamiliar inputs in production.',
    example:
      'A feature\'s definition changes in the batch pipeline only (a 7-day window becomes 30 days) while the online code keeps the ' +
      'old one. Quality drops with no error anywhere.',
    strongAnswer:
      'Define each feature once: a feature store serves it offline with point-in-time correct joins and online at low latency. Or ' +
      'log the features as served and train on that log (log-and-wait). Compare the two distributions.',
    study: ['Point-in-time correct joins', 'Data leakage', 'Log-and-wait (training on logged features)', 'Skew detection (e.g. TFDV)'],
  },
  'stale-index': {
    title: 'Indexes must be built and refreshed',
    failure: 'Nothing writes to the index, so retrieval returns stale, deleted or incompatible results.',
    example:
      'A stale ANN index keeps serving deleted or out-of-stock items. Or the embedding model is retrained and queries use new ' +
      'vectors against an index of old ones, and retrieval quality collapses.',
    strongAnswer:
      'Something writes to every index: a batch builder, a stream or change-data-capture sink, or the service that upserts at ' +
      'write time. Embed with the query model\'s version, and on a new version rebuild and swap atomically after a recall check.',
    study: [
      'ANN indexes (HNSW, IVF-PQ)',
      'Change data capture into search indexes',
      'Embedding versioning and backfills',
      'Blue/green index swaps',
    ],
  },
  'feedback-loop-risk': {
    title: 'A model trained on its own choices narrows',
    failure:
      'The model learns only from what it chose to show, so exposure concentrates on what already wins, new items get no data, and ' +
      'its errors reinforce themselves.',
    example:
      'A feed learns from its own impressions: each retrain shows more of what got clicks, so sessions narrow and can drift to more ' +
      'extreme content while CTR rises. Fraud, moderation, ads and search loop too: labels exist only for what the model let ' +
      'through or showed.',
    strongAnswer:
      'Say how it explores: epsilon-greedy or bandit slots, diversity and freshness in re-ranking, logged propensities to debias ' +
      'training. Judge launches on long-term metrics (retention) and integrity guardrails (reports, policy violations), not CTR alone.',
    study: [
      'Exploration: epsilon-greedy, Thompson sampling, contextual bandits',
      'Inverse propensity scoring and position bias',
      'Selective labels (fraud, moderation)',
      'Filter bubbles and diversity metrics',
      'Long-term and integrity guardrail metrics',
    ],
  },
  'latency-over-budget': {
    title: 'The request path must fit the latency budget',
    failure:
      'The calls on the request path add up to more than the budget (sequential calls sum, parallel ones cost the slowest), so ' +
      'requests time out or fall back.',
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
      "Know the canonical architecture (multi-stage recommender, RAG, streaming fraud) and say why each part is there, or why you " +
      'leave one out. A part may play a role under another name, such as a rules engine that does the re-ranking.',
    study: ['Multi-stage recommendation: retrieval, ranking, re-ranking', 'Retrieval-augmented generation', 'Velocity features for fraud', 'Two-stage retrieval'],
  },
  'metric-mismatch': {
    title: 'The metric must fit the task and the class balance',
    failure:
      'The offline metric cannot tell a good model from a bad one: accuracy on rare positives, no ranking metric for a ranking, ' +
      'perplexity alone for generated answers.',
    example:
      'At a 0.1 % fraud rate, a model that approves every payment scores 99.9 % accuracy and catches nothing. The team reports the ' +
      'accuracy, ships, and learns from the chargebacks that recall was near zero.',
    strongAnswer:
      'Match the metric to the decision: PR-AUC, and precision and recall at the operating threshold, for rare positives; NDCG or ' +
      'recall@k for rankings; MAE or quantile loss for regression; faithfulness and human evaluation for generation.',
    study: [
      'PR-AUC vs ROC-AUC under class imbalance',
      'Choosing an operating threshold',
      'Ranking metrics: NDCG, MAP, MRR, recall@k',
      'Evaluating generation: faithfulness, human eval',
    ],
  },
  'leaky-split': {
    title: 'Time-ordered data needs a time split',
    failure:
      'A random split of time-ordered data puts the future into the training set, so offline scores are inflated and the model ' +
      'disappoints on next week\'s traffic.',
    example:
      'A click model is evaluated on a random 80/20 split of a month of logs. It trains on rows from after the ones it is tested ' +
      'on, so trends and sessions leak across the split: offline AUC is far above what it reaches live, and the A/B test shows no gain.',
    strongAnswer:
      'Train on the past and test on a later period, as production will: an out-of-time split or a rolling backtest, with a gap for ' +
      'label maturity. Split by user or group where one entity would otherwise sit on both sides, and build features point-in-time.',
    study: [
      'Out-of-time validation and backtesting',
      'Temporal and target leakage',
      'Point-in-time correct joins',
      'Group splits (by user, by session)',
    ],
  },
  'uncalibrated-scores': {
    title: 'Scores used as probabilities must be calibrated',
    failure:
      'Scores set a price, a threshold or an expected value, but nothing makes them match real frequencies, and downsampling ' +
      'negatives shifts them further.',
    example:
      'An ad model is trained with 1:1 negative downsampling, so its predicted CTRs run far above the true rate. pCTR x bid then ' +
      'overbids in every auction and spend jumps on launch day, though AUC, blind to calibration, looked fine.',
    strongAnswer:
      'Undo the sampling (q = p / (p + (1 - p) / w), w the share of negatives kept), then calibrate on held-out data with Platt ' +
      'scaling or isotonic regression. Report calibration (ECE, a reliability plot) beside AUC and recheck it after every retrain.',
    study: [
      'Platt scaling and isotonic regression',
      'Correcting for negative downsampling',
      'Expected calibration error and reliability plots',
      'Why ranking metrics ignore calibration',
    ],
  },
  'label-delay': {
    title: 'Outcome labels arrive late: say when they mature',
    failure:
      'Labels that arrive late (chargebacks, conversions) are joined too early, so recent positives look negative and both ' +
      'training and evaluation are biased.',
    example:
      'A fraud model retrains daily on the last month, reading "no chargeback yet" as legitimate. Chargebacks take weeks to months, so ' +
      'the newest fraud is labelled good and the model learns to pass exactly the latest attack.',
    strongAnswer:
      'State the delay (chargebacks mature in 60-90 days, a conversion in days) and a maturity window: train on mature rows, or ' +
      'model the delay (delayed-feedback models, importance weights). Meanwhile watch proxies such as analyst-confirmed fraud.',
    study: [
      'Delayed feedback in conversion modelling',
      'Label maturity windows',
      'Proxy metrics while labels lag',
      'Performance estimation before labels arrive',
    ],
  },
  'no-guardrail-metric': {
    title: 'A launch needs guardrails beside its primary metric',
    failure:
      'The online test watches one metric, so a win on it can hide harm elsewhere: latency, retention, complaints, revenue, good ' +
      'customers declined.',
    example:
      'A new ranker raises CTR in its A/B test and ships. The clickbait it promotes shortens sessions and lowers return visits over ' +
      'the following months, which the test never measured.',
    strongAnswer:
      'Name one primary metric and a few guardrails that must not get worse (p99 latency, errors, retention, complaint or appeal ' +
      'rate, good users declined), with thresholds fixed before the test starts. Keep a long-term holdout for slow effects.',
    study: [
      'Overall evaluation criterion and guardrail metrics',
      'Long-term holdouts and surrogate metrics',
      'Sample ratio mismatch',
      'Multiple testing in A/B tests',
    ],
  },
  'unguarded-automation': {
    title: 'Automated decisions need a person who can stop them',
    failure:
      'The model declines payments or removes posts with no review queue and no human override, so one bad release acts on ' +
      'everyone before anyone notices.',
    example:
      'A fraud model ships with a broken feature and scores every payment as risky. "Decline if score > 0.5" then declines all ' +
      'legitimate traffic within minutes; revenue stops and support floods, yet no service errors, so nobody is paged.',
    strongAnswer:
      'Route by score band: approve the clearly good, decline only the clearly bad, send the middle and appeals to a review ' +
      'queue. A decline-rate alert pages a person, a circuit breaker falls back to rules when the rate spikes, and you choose ' +
      'fail-open or fail-closed per risk.',
    study: [
      'Score bands and review queues',
      'Decline-rate alerts and circuit breakers',
      'Fail-open vs fail-closed',
      'Appeals and reviews as labels',
      'Staged rollouts: shadow, canary',
    ],
  },
  'no-fallback': {
    title: 'Say what answers when the model does not',
    failure:
      'The request path ends in a model with no fallback, cache or rules, so a timeout or outage of one server becomes an error ' +
      'page or an empty screen.',
    example:
      'The ranking service slows under a traffic spike and its calls time out. With no cached or popular list behind it, the home ' +
      'feed shows an error to every user until the service recovers.',
    strongAnswer:
      'Give each model on the request path a timeout and a degraded answer: a cached result, a popular or rules-based list, the ' +
      'previous model, or a safe default decision. Say whether it fails open or closed, and monitor how often the fallback serves.',
    study: ['Timeouts, retries and circuit breakers', 'Graceful degradation', 'Fail-open vs fail-closed', 'Caching precomputed results'],
  },
  'tool-misfit': {
    title: 'Each tool must do the job of its box',
    failure:
      'A box names a product built for another job (Airflow as a stream queue, Redis as a warehouse), so the design promises what ' +
      'its tool cannot do.',
    example:
      'A design uses a search engine as its feature store. Point-in-time training sets, feature versions and millisecond key ' +
      'lookups are then built by hand, and the search cluster becomes an unplanned database that nobody sized.',
    strongAnswer:
      'Name a product only when you can say why it fits: its category, the access pattern (scan, key lookup, stream, schedule), its ' +
      'latency and its cost. When unsure, name the category (a key-value store, a stream processor) instead.',
    study: [
      'OLTP vs OLAP vs key-value stores',
      'Brokers vs stream processors vs orchestrators',
      'Access patterns drive storage choices',
      'What a feature store provides',
    ],
  },
  'tool-retired': {
    title: 'Prefer tools that are still maintained',
    failure: 'A box names a product that is archived or in maintenance mode, so new models, hardware support and fixes will not reach it.',
    example:
      'A team standardises on a serving framework shortly before its maintainers stop development. A year later new model ' +
      'architectures and GPU kernels are unsupported, and the migration lands in the middle of a launch.',
    strongAnswer:
      'Check a tool\'s status before you pick it. TorchServe was archived in August 2025: use Triton, KServe, BentoML or Ray Serve. ' +
      'TGI is in maintenance mode: use vLLM or SGLang. If you keep a retired tool, say why and how you will move off it.',
    study: [
      'Model servers: Triton, KServe, BentoML, Ray Serve',
      'LLM inference engines: vLLM, SGLang, TensorRT-LLM',
      'Judging the health of an open-source project',
      'Migrating a platform component safely',
    ],
  },
  'capacity-ranking-throughput': {
    title: 'Score only as many candidates as the hardware can',
    failure:
      'A scoring stage is asked for more candidates per second (peak QPS x candidates x cost per candidate) than its replicas ' +
      'deliver, or for more time per request than its latency, so it queues, times out or costs a fortune.',
    example:
      'A feed sends 1,000 candidates per request to a heavy ranker at 500k QPS: 5 x 10^8 scores a second. Without a light ' +
      'pre-ranker the ranker fleet would need thousands of GPUs and still miss the latency budget.',
    strongAnswer:
      'Write the arithmetic: QPS x candidates x cost. Use a cascade (retrieval for thousands, a pre-ranker for hundreds, the ' +
      'heavy ranker for the last hundred), batch on the server, and size the replicas from the peak, not the average.',
    study: ['Multi-stage ranking cascades', 'Pre-rankers and distillation', 'Peak vs average load', 'Batching on model servers'],
  },
  'capacity-index-memory': {
    title: 'An index must fit the machines it runs on',
    failure:
      'An index holds more vectors than one machine\'s memory (items x dimensions x bytes per dimension) and is not sharded, so ' +
      'it cannot be built or served as drawn.',
    example:
      'Exact re-scoring over 5 billion image vectors at 768 dimensions in fp32 needs about 15 TB of RAM per replica: thirty ' +
      'large machines, not the one box on the diagram.',
    strongAnswer:
      'Compute the index size out loud, then shard it, compress it (fp16, int8, product quantisation), and keep full-precision ' +
      'vectors on disk for re-scoring the top few hundred only.',
    study: ['Product quantisation (PQ) and IVF', 'HNSW memory overhead', 'Sharding and replicas of ANN indexes', 'Two-stage retrieval with re-scoring'],
  },
  'capacity-gpus': {
    title: 'Count the GPUs an LLM needs at the peak',
    failure:
      'An LLM server\'s prefill and decode tokens per second at the peak need more GPUs than the design gives it, so requests ' +
      'queue and time-to-first-token explodes.',
    example:
      'A 70B model with 6,000-token prompts at 15 QPS prefills about 90,000 tokens a second: three to four 8 x H100 servers, ' +
      'where the design drew one GPU box.',
    strongAnswer:
      'Size prefill (compute-bound, ~2 FLOPs per parameter per token) and decode (bandwidth-bound) separately, in whole model ' +
      'replicas; cut prompt tokens (fewer, better chunks), cache prefixes, and consider a smaller or quantised model.',
    study: ['Prefill vs decode', 'Tensor parallelism', 'KV cache and paged attention', 'Prompt caching', 'Quantisation (FP8, INT4)'],
  },
  'capacity-review-queue': {
    title: 'Staff the review queue for what it receives',
    failure:
      'A human review queue receives more items a day (items x review share) than its reviewers can clear, so the backlog grows ' +
      'without bound and reviews arrive too late to matter.',
    example:
      'A street-view pipeline processes 800 million tiles a month and sends 1 % for review: 8 million reviews a month, hundreds ' +
      'of reviewers, where the design drew a small team.',
    strongAnswer:
      'Size the queue: items x review share / (reviews per hour x productive hours). Send only the uncertain band to people, ' +
      'prioritise by reach or risk, sample the rest for quality, and watch the backlog.',
    study: ['Human-in-the-loop review', 'Confidence thresholds and abstention', 'Queueing: arrival vs service rate', 'Active learning from reviews'],
  },
  'capacity-latency-unset': {
    title: 'Give every step on the request path a latency',
    failure:
      'The design has a latency budget, but some component on the request path has no latency estimate, so the budget check ' +
      'adds up less than the path really spends.',
    example:
      'A design budgets 200 ms and gives the ranker 40 ms, but the feature lookups, the ANN query and the re-ranker are left ' +
      'blank; in production the path takes 350 ms.',
    strongAnswer:
      'Split the budget along the path: estimate each call (a cache hit ~1 ms, a feature fetch ~5-10 ms, an ANN query ~10 ms, ' +
      'a ranker 20-50 ms), mark calls made together as parallel, and keep headroom for the tail.',
    study: ['Latency budgets', 'Tail latency (p99)', 'Parallel fan-out', 'Timeouts per call'],
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
