import type { TemplateDef } from '../layout';

const OFF = 'offline';
const ON = 'online';

export const videoRecommendation: TemplateDef = {
  id: 'video-recommendation',
  title: 'Video recommendation',
  problem: 'recommendation',
  brief:
    'Design the home-feed video recommendations of a YouTube-scale platform. Recommend a personalised list of videos when a user opens the app, maximising long-term watch time.',
  zones: [
    { id: OFF, label: 'Offline: data, features and training', zone: 'offline' },
    { id: ON, label: 'Online: serving, streaming and monitoring', zone: 'online' },
  ],
  nodes: [
    {
      id: 'req', kind: 'requirements', at: [0, 0],
      props: {
        goal: 'Maximise long-term watch time and satisfaction on the home feed',
        scale: '1B daily users, 10B videos (+500k uploads a day); ~20 feed loads per user a day, 230k/s on average',
        qps: 500000, latencyBudgetMs: 200, realtime: true,
      },
    },
    {
      id: 'obj', kind: 'ml-objective', at: [0, 1.3],
      props: {
        task: 'ranking',
        label: 'Positive: watched >= 50% or liked/shared; negative: impressed but skipped',
        loss: 'Multi-task: BCE per engagement head + watch-time regression; score = weighted sum of heads',
        offlineMetric: 'Recall@500 (retrieval); nDCG@20 and AUC per head (ranker)',
        onlineMetric: 'Watch time per daily user, 7-day retention, survey satisfaction',
      },
    },
    { id: 'client', kind: 'client-app', label: 'Mobile and web app', at: [0, 6], props: { tool: 'iOS, Android, web', latencyMs: 40, notes: 'Network round trip, counted in the 200 ms budget.' } },
    {
      id: 'note-cold', kind: 'note', at: [0, 2.6],
      props: { text: 'Cold start: new users get trending by country and onboarding topics; new videos get a content-based vector and exploration slots.' },
    },
    {
      id: 'note-fresh', kind: 'note', at: [0, 3.9],
      props: { text: 'Freshness vs cost: ranker retrained daily, new-video embeddings every 15 min, session features streamed in seconds.' },
    },
    {
      id: 'note-bias', kind: 'note', at: [0, 7.5],
      props: { text: 'The model only learns from what it showed: exploration slots and a position feature (fixed at serving) keep the data honest.' },
    },

    // Offline
    { id: 'meta', kind: 'database', label: 'Video and channel metadata', zone: OFF, at: [1, 0], props: { tool: 'MySQL' } },
    {
      id: 'events', kind: 'event-log', label: 'Impression and watch events', zone: OFF, at: [1, 2],
      props: { tool: 'Kafka topic', notes: 'Logged with request id, position and model version so training joins what was shown with what happened.' },
    },
    { id: 'lake', kind: 'data-warehouse', label: 'Data lake (90 days of events)', zone: OFF, at: [2, 1], props: { tool: 'BigQuery' } },
    { id: 'orch', kind: 'orchestrator', label: 'Retraining pipeline', zone: OFF, at: [4, 3], props: { tool: 'Airflow', notes: 'Daily retrain of both models; a drift alert starts one early.' } },
    {
      id: 'examples', kind: 'batch-etl', label: 'Training examples', zone: OFF, at: [3, 0],
      props: { tool: 'Spark', notes: 'Joins impressions with watch outcomes, drops bots, takes negatives from impressed-not-watched, caps heavy users.' },
    },
    { id: 'batchfeat', kind: 'feature-pipeline', label: 'Batch features', zone: OFF, at: [3, 1.8], props: { tool: 'Spark', notes: 'User watch-history aggregates, video CTR and watch %, creator stats; daily.' } },
    {
      id: 'validate', kind: 'data-validation', label: 'Data validation', zone: OFF, at: [4, 0.75],
      props: { tool: 'TFDV', notes: 'Schema and distribution checks on each day of examples: a logging bug must not reach daily training.' },
    },
    {
      id: 'twotower', kind: 'embedding-model', label: 'Two-tower retrieval model', zone: OFF, at: [5, 0],
      props: { tool: 'two-tower (TensorFlow Recommenders)', pretrained: false, notes: 'Video tower uses content + ID features so new uploads get a vector; in-batch negatives with logQ correction.' },
    },
    {
      id: 'rankertrain', kind: 'training-job', label: 'Multi-task ranker training', zone: OFF, at: [5, 1.5],
      props: { tool: 'PyTorch', notes: 'Heads for click, watch %, like, share; warm-started daily from the live weights.' },
    },
    {
      id: 'eval', kind: 'offline-eval', label: 'Offline evaluation gate', zone: OFF, at: [6, 0.75],
      props: { tool: 'held-out next day (replay)', notes: 'Recall@500, nDCG@20 and calibration per head; new-user and per-country slices must not regress.' },
    },
    { id: 'registry', kind: 'model-registry', label: 'Model registry', zone: OFF, at: [7, 0.75], props: { tool: 'MLflow Model Registry' } },
    {
      id: 'embedjob', kind: 'batch-inference', label: 'Video embedding job', zone: OFF, at: [8, 0],
      props: { tool: 'Ray batch', notes: 'Video tower embeds the catalogue daily and new uploads every 15 min.' },
    },

    // Online
    { id: 'stream', kind: 'stream-processor', label: 'Real-time aggregates', zone: ON, at: [2, 7.2], props: { tool: 'Flink', notes: 'Session features (last 20 watches) and view velocity for trending, seconds fresh.' } },
    {
      id: 'fs', kind: 'feature-store', label: 'Feature store', zone: ON, at: [4, 8.4],
      props: { tool: 'Feast (Redis online)', notes: 'One feature definition for training (point-in-time joins) and serving, so no training-serving skew.' },
    },
    { id: 'api', kind: 'prediction-api', label: 'Home-feed service', zone: ON, at: [6, 6], props: { parallel: true, tool: 'gRPC', latencyMs: 10, notes: 'Fans out to the candidate sources in parallel and merges ~1,000 candidates.' } },
    { id: 'cgann', kind: 'candidate-generation', label: 'Personalised retrieval', zone: ON, at: [8, 5], props: { tool: 'two-tower + ANN', latencyMs: 15, notes: 'User tower on session + history features; top-500 by ANN.' } },
    { id: 'cgfresh', kind: 'candidate-generation', label: 'Fresh uploads', zone: ON, at: [8, 6], props: { tool: 'ANN on the <48 h shard', latencyMs: 10, notes: 'Gives new videos impressions before they have interactions.' } },
    {
      id: 'cgtrend', kind: 'candidate-generation', label: 'Trending / cold-start fallback', zone: ON, at: [8, 7],
      props: { actsAs: ['cache'], tool: 'Redis sorted sets', latencyMs: 5, notes: 'Trending by country and language; the only source for new and logged-out users.' },
    },
    { id: 'ann', kind: 'vector-db', label: 'ANN index', zone: ON, at: [9, 8.4], props: { tool: 'FAISS (IVF-PQ)', latencyMs: 15, notes: 'Sharded; the fresh shard is rebuilt every 15 min.' } },
    {
      id: 'ranking', kind: 'ranking', label: 'Multi-task ranker', zone: ON, at: [10, 7.4],
      props: { fallback: 'Trending list from the cache', tool: 'DNN (multi-task) on Triton', latencyMs: 60, notes: 'Scores ~1,000 candidates; includes ~10 ms online feature fetch.' },
    },
    {
      id: 'rerank', kind: 're-ranking', label: 'Re-ranking and policy', zone: ON, at: [11, 7.4],
      props: { tool: 'diversity, freshness, business rules', latencyMs: 10, notes: 'Removes watched and policy-flagged videos, caps per creator, boosts freshness, keeps ~5% exploration slots.' },
    },
    { id: 'ab', kind: 'ab-test', label: 'A/B experiments', zone: ON, at: [13, 6.2], props: { tool: 'A/B test', notes: 'Ship on watch time and retention, not CTR alone (clickbait wins CTR).' } },
    {
      id: 'plog', kind: 'prediction-logging', label: 'Impression and feature logging', zone: ON, at: [12, 7.4],
      props: { tool: 'feature and prediction logs', notes: 'Logs the served list with the features used at serving time: the next training set, free of skew.' },
    },
    { id: 'dash', kind: 'monitoring-dashboard', label: 'Monitoring and alerts', zone: ON, at: [13, 7.4], props: { tool: 'Prometheus, Grafana', notes: 'p99 latency, empty-feed rate, CTR and watch time per model version.' } },
    { id: 'drift', kind: 'drift-detection', label: 'Drift detection', zone: ON, at: [13, 8.6], props: { tool: 'Evidently (PSI)', notes: 'Feature and score drift against training; an alert starts a retrain.' } },
  ],
  edges: [
    ['client', 'api', 'request', 'feed request'],
    ['client', 'events', 'stream', 'impressions, watches'],
    ['events', 'lake', 'data'],
    ['events', 'stream', 'stream'],
    ['meta', 'lake', 'data', 'metadata'],
    ['lake', 'examples', 'data'],
    ['lake', 'batchfeat', 'data'],
    ['batchfeat', 'fs', 'data'],
    ['stream', 'fs', 'stream', 'session features'],
    ['stream', 'cgtrend', 'stream', 'view velocity'],
    ['examples', 'validate', 'data'],
    ['validate', 'twotower', 'data', 'watch pairs'],
    ['validate', 'rankertrain', 'data', 'labelled impressions'],
    ['fs', 'rankertrain', 'data', 'point-in-time features'],
    ['fs', 'ranking', 'data', 'online features'],
    ['orch', 'twotower', 'control'],
    ['orch', 'rankertrain', 'control'],
    ['twotower', 'eval', 'model'],
    ['rankertrain', 'eval', 'model'],
    ['eval', 'registry', 'model', 'approved'],
    ['registry', 'embedjob', 'model', 'video tower'],
    ['registry', 'cgann', 'model', 'user tower'],
    ['registry', 'ranking', 'model'],
    ['embedjob', 'ann', 'data', 'video embeddings'],
    ['api', 'cgann', 'request'],
    ['api', 'cgfresh', 'request'],
    ['api', 'cgtrend', 'request'],
    ['cgann', 'ann', 'request', 'user vector'],
    ['cgfresh', 'ann', 'request'],
    ['ann', 'ranking', 'request', 'top-500'],
    ['cgtrend', 'ranking', 'request'],
    ['ranking', 'rerank', 'request', 'scored'],
    ['rerank', 'plog', 'data', 'served list'],
    ['plog', 'dash', 'data'],
    ['plog', 'drift', 'data'],
    ['plog', 'ab', 'data', 'metrics per arm'],
    ['ab', 'registry', 'control', 'promote'],
    ['plog', 'lake', 'feedback', 'logged features'],
    ['drift', 'orch', 'control', 'retrain'],
  ],
};
