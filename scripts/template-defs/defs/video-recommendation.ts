import type { TemplateDef } from '../builder';

const OFF = 'offline';
const ON = 'online';

export const videoRecommendation: TemplateDef = {
  id: 'video-recommendation',
  title: 'Video recommendation',
  problem: 'recommendation',
  brief:
    'Design the home-feed video recommendations of a YouTube-scale platform. Recommend a personalised list of videos when a user opens the app, maximising long-term watch time.',
  zones: [
    { id: OFF, label: 'Offline: data, features and training', zone: 'offline', cols: [0, 5] },
    { id: ON, label: 'Online: release, serving and monitoring', zone: 'online', cols: [0, 5] },
  ],
  nodes: [
    {
      id: 'req', kind: 'requirements', at: [0, 0],
      props: {
        goal: 'Maximise long-term watch time and satisfaction on the home feed',
        scale: '1B daily users x ~20 feed loads = 230k/s on average, ~500k/s at peak; 10B videos, +500k uploads a day',
        qps: 500000, latencyBudgetMs: 200, realtime: true,
        dau: 1e9, requestsPerUserPerDay: 20, peakFactor: 2.2, items: 1e10,
        eventsPerDay: 2e11, bytesPerEvent: 100, retentionDays: 7,
        notes: 'Sizing: 1B DAU x 20 feed loads / 86,400 s x 2.2 (evening peak) = ~500k QPS. Events: 20B loads x ~10 impressions = 200B a day at ~100 B each (ids, position, model version), kept 7 days in Kafka.',
      },
    },
    {
      id: 'obj', kind: 'ml-objective', at: [1, 0],
      props: {
        task: 'ranking',
        label: 'Per impression: watched >= 50 % (or 30 s), liked, shared; negative: impressed and skipped',
        labelSource: 'user-feedback',
        labelDelay: 'Watch outcomes are final 24 h after the impression',
        positiveRate: 0.06,
        split: 'time',
        calibrated: true,
        loss: 'Multi-task BCE per engagement head + watch-time regression; position is a feature, fixed to the top slot at serving (position debiasing)',
        offlineMetric: 'Recall@500 of retrieval; NDCG@20, AUC and calibration (ECE) per head on the next day',
        onlineMetric: 'Watch time per daily user (primary); 7-day retention, survey satisfaction and p99 latency as guardrails',
      },
    },
    {
      id: 'note-cold', kind: 'note', at: [2, 0],
      props: { text: 'Cold start: new users get trending in their country and onboarding topics until a few watches; new videos get a content vector and ~5 % fresh slots.' },
    },
    {
      id: 'note-release', kind: 'note', at: [3, 0],
      props: { text: 'One release: user tower and video index come from the same model version. Serving flips to vN only once index vN is built; mixed versions break retrieval silently.' },
    },
    {
      id: 'note-funnel', kind: 'note', at: [4, 0],
      props: { text: 'Funnel: ~1,000 candidates -> light pre-ranker keeps ~300 -> heavy ranker -> re-ranking -> 20 shown. At 500k QPS: 5e8 cheap scores/s, then 1.5e8 heavy ones.' },
    },

    // Offline
    { id: 'meta', kind: 'database', label: 'Video and channel metadata', zone: OFF, at: [1, 3.1], props: { tool: 'MySQL', notes: 'Title, topics, language, duration, creator; the content features of the video tower.' } },
    { id: 'lake', kind: 'data-warehouse', label: 'Data lake (90 days)', zone: OFF, at: [1, 2.1], props: { tool: 'BigQuery', notes: 'Impressions with their served features, outcomes and metadata, partitioned by day.' } },
    {
      id: 'examples', kind: 'batch-etl', label: 'Training examples', zone: OFF, at: [2, 2.1],
      props: { tool: 'Spark', notes: 'Joins each logged impression (features as served) with its outcome after 24 h; negatives: impressed, not watched; caps heavy users and drops bots.' },
    },
    { id: 'batchfeat', kind: 'feature-pipeline', label: 'Batch features', zone: OFF, at: [2, 3.1], props: { tool: 'Spark', notes: 'User watch-history aggregates, video watch % and like rate, creator stats; daily into the online store.' } },
    {
      id: 'validate', kind: 'data-validation', label: 'Data validation', zone: OFF, at: [3, 2.1],
      props: { tool: 'TFDV', notes: 'Schema and distribution checks on each day of examples: a logging bug must not reach the daily retrain.' },
    },
    { id: 'orch', kind: 'orchestrator', label: 'Daily retraining', zone: OFF, at: [3, 3.1], props: { tool: 'Airflow', notes: 'Daily warm-started retrain of both models; a drift alert starts one early.' } },
    {
      id: 'twotower', kind: 'embedding-model', label: 'Two-tower training', zone: OFF, at: [4, 2.1],
      props: { tool: 'TensorFlow Recommenders', pretrained: false, notes: 'In-batch negatives with logQ correction; the video tower reads content features so a new upload gets a vector at once.' },
    },
    {
      id: 'rankertrain', kind: 'training-job', label: 'Ranker and pre-ranker training', zone: OFF, at: [4, 3.1],
      props: { tool: 'PyTorch', notes: 'Multi-task ranker (click, watch %, like, share heads); the pre-ranker is distilled from it so the two stages agree.' },
    },
    {
      id: 'eval', kind: 'offline-eval', label: 'Offline evaluation gate', zone: OFF, at: [5, 2.6],
      props: { tool: 'replay on the next day', notes: 'Recall@500, NDCG@20, AUC and ECE per head; new-user and per-country slices must not regress.' },
    },

    // Online: release
    {
      id: 'registry', kind: 'model-registry', label: 'Model registry', zone: ON, at: [3, 5.2],
      props: { tool: 'MLflow Model Registry', notes: 'A release is one version of four artefacts (user tower, video index, pre-ranker, ranker); rollback flips them together.' },
    },
    {
      id: 'embedjob', kind: 'batch-inference', label: 'Embed catalogue (video tower vN)', zone: ON, at: [4, 5.2],
      props: { tool: 'Ray batch (GPU)', notes: 'Embeds all 10B videos with tower vN into a new index; new uploads every 15 min.' },
    },
    { id: 'ab', kind: 'ab-test', label: 'A/B experiments', zone: ON, at: [5, 8.2], props: { tool: 'A/B test', notes: 'Ship on watch time and 7-day retention with satisfaction and latency guardrails; CTR alone rewards clickbait.' } },

    // Online: request path
    { id: 'client', kind: 'client-app', label: 'Mobile and web app', zone: ON, at: [0, 6.2], props: { tool: 'iOS, Android, web', latencyMs: 40, notes: 'Network round trip, counted in the 200 ms budget.' } },
    { id: 'api', kind: 'prediction-api', label: 'Home-feed service', zone: ON, at: [1, 6.2], props: { parallel: true, tool: 'gRPC', latencyMs: 10, notes: 'Calls the candidate sources in parallel, merges ~1,000 candidates (800 two-tower, 100 fresh, 100 trending), dedupes watched videos.' } },
    {
      id: 'cgann', kind: 'candidate-generation', label: 'Two-tower retrieval', zone: ON, at: [2, 6.2],
      props: {
        tool: 'two-tower + ANN', latencyMs: 10, candidates: 800, costPerCandidateUs: 5, replicas: 2400,
        notes: 'User tower vN on session and history features; top-800 from index vN. ~5 µs per returned candidate (ANN probe and fetch): 4 ms a request, ~2,000 replica-cores at the peak.',
      },
    },
    { id: 'cgfresh', kind: 'candidate-generation', label: 'Fresh uploads (< 48 h)', zone: ON, at: [2, 7.2], props: { actsAs: ['cache'], tool: 'Redis (uploads by topic)', latencyMs: 10, notes: 'Recent uploads on the user\'s topics: new videos get impressions before they have interactions. ~100 per request.' } },
    {
      id: 'cgcold', kind: 'candidate-generation', label: 'Trending and cold start', zone: ON, at: [2, 8.2],
      props: { actsAs: ['cache'], tool: 'Redis sorted sets', latencyMs: 5, notes: 'Trending by country and language, onboarding topics: the only source for new and logged-out users. ~100 per request.' },
    },
    {
      id: 'prerank', kind: 'ranking', label: 'Light pre-ranker', zone: ON, at: [3, 6.2],
      props: {
        tool: 'small MLP on cached embeddings', latencyMs: 15, candidates: 1000, costPerCandidateUs: 5, replicas: 3000,
        notes: 'Scores ~1,000 candidates at ~5 µs each (5 ms of its 15 ms) and keeps ~300 for the heavy ranker: 500k QPS x 1,000 = 5e8 scores/s, ~2,500 replica-cores busy at the peak, 3,000 with headroom.',
      },
    },
    {
      id: 'ranker', kind: 'ranking', label: 'Multi-task ranker', zone: ON, at: [4, 6.2],
      props: { fallback: 'The pre-ranker order; the trending list when retrieval fails too', tool: 'DNN (multi-task) on Triton', latencyMs: 60, candidates: 300, costPerCandidateUs: 20, replicas: 3600,
        notes: 'Scores ~300 candidates on ~500 features; weighted sum of calibrated heads. A GPU replica scores ~50k candidates/s batched (20 µs each): 1.5e8 scores/s need ~3,000 GPUs, 3,600 with headroom. Without the pre-ranker, 1,000 candidates a request would need 10,000.',
      },
    },
    { id: 'fs', kind: 'feature-store', label: 'Feature store', zone: ON, at: [2, 5.2], props: { tool: 'Feast (Redis online)', latencyMs: 10, notes: 'Batch and session features for ~300 candidates in one batched read.' } },
    {
      id: 'rerank', kind: 're-ranking', label: 'Re-ranking and policy', zone: ON, at: [5, 6.2],
      props: { tool: 'diversity, freshness, exploration', latencyMs: 10, notes: 'Drops watched and policy-flagged videos, caps per creator, boosts freshness, fills ~5 % exploration slots and logs their propensity.' },
    },

    // Online: events and monitoring
    { id: 'events', kind: 'event-log', label: 'Impression and watch events', zone: ON, at: [0, 8.2], props: { tool: 'Kafka topic', notes: 'Impressions carry request id, position and model version, so outcomes join what was shown.' } },
    { id: 'stream', kind: 'stream-processor', label: 'Real-time features', zone: ON, at: [1, 8.2], props: { tool: 'Flink', notes: 'Session features (last 20 watches) and view velocity for trending, seconds fresh.' } },
    {
      id: 'plog', kind: 'prediction-logging', label: 'Impression and feature log', zone: ON, at: [4, 7.2],
      props: { logsFeatures: true, tool: 'feature and prediction logs', notes: 'The served list with the features and scores used: tomorrow\'s training rows, free of skew.' },
    },
    { id: 'dash', kind: 'monitoring-dashboard', label: 'Monitoring and alerts', zone: ON, at: [4, 8.2], props: { tool: 'Prometheus, Grafana', notes: 'p99 latency per stage, empty-feed rate, watch time per model version.' } },
    { id: 'drift', kind: 'drift-detection', label: 'Drift detection', zone: ON, at: [5, 5.2], props: { tool: 'Evidently (PSI)', notes: 'Feature and score drift against training; an alert starts a retrain.' } },
  ],
  edges: [
    ['client', 'api', 'request'],
    ['client', 'events', 'stream', 'impressions, watches'],
    ['events', 'lake', 'stream'],
    ['events', 'stream', 'stream'],
    ['meta', 'lake', 'data'],
    ['lake', 'examples', 'data'],
    ['lake', 'batchfeat', 'data'],
    ['examples', 'validate', 'data'],
    ['validate', 'twotower', 'data'],
    ['validate', 'rankertrain', 'data'],
    ['batchfeat', 'fs', 'data', 'daily features'],
    ['stream', 'fs', 'stream', 'session features'],
    ['orch', 'rankertrain', 'control'],
    ['twotower', 'eval', 'model'],
    ['rankertrain', 'eval', 'model'],
    ['eval', 'registry', 'model', 'approved vN'],
    ['registry', 'embedjob', 'model'],
    ['registry', 'cgann', 'model', 'user tower vN'],
    ['registry', 'prerank', 'model'],
    ['registry', 'ranker', 'model'],
    ['embedjob', 'cgann', 'data', 'index vN'],
    ['api', 'cgann', 'request'],
    ['api', 'cgfresh', 'request'],
    ['api', 'cgcold', 'request'],
    ['cgann', 'prerank', 'request'],
    ['cgfresh', 'prerank', 'request'],
    ['cgcold', 'prerank', 'request'],
    ['prerank', 'ranker', 'request', '~300'],
    ['ranker', 'fs', 'request'],
    ['ranker', 'rerank', 'request'],
    ['rerank', 'plog', 'data', 'served list'],
    ['plog', 'dash', 'data'],
    ['plog', 'drift', 'data'],
    ['plog', 'ab', 'data', 'metrics per arm'],
    ['plog', 'events', 'feedback', 'served features'],
    ['drift', 'orch', 'control', 'retrain'],
  ],
};
