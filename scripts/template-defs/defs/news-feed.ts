import type { TemplateDef } from '../builder';

/** News feed: unseen posts -> multi-task ranker on streaming + batch features -> re-ranking and policy. */
export const newsFeed: TemplateDef = {
  id: 'news-feed',
  title: 'News feed ranking',
  problem: 'recommendation',
  brief:
    "Design the news feed of a social network: when a user opens the app, rank the posts they have not yet seen from friends, groups and pages they follow, so that the most meaningful ones come first.",
  zones: [
    { id: 'online', label: 'Online: feed serving path', zone: 'online' },
    { id: 'offline', label: 'Offline: training data, training and evaluation', zone: 'offline' },
  ],
  nodes: [
    {
      id: 'req', kind: 'requirements', at: [0, 0],
      props: {
        goal: 'Rank unseen posts from friends, groups and pages so each session starts with the most meaningful content',
        scale: '2B DAU x ~10 feed loads a day (~230k/s on average, ~500k/s at peak); ~1,500 unseen posts per load; 1B new posts/day',
        qps: 500000,
        latencyBudgetMs: 300,
        realtime: true,
        notes: 'End-to-end budget for the first screen on mobile; about 200 ms of it is server side.',
      },
    },
    {
      id: 'obj', kind: 'ml-objective', at: [0, 1],
      props: {
        task: 'ranking',
        label: 'Per (user, post) impression: click, like, comment, share, hide, dwell > 10 s, from engagement events',
        loss: 'Sum of per-task binary cross-entropies (multi-task heads on a shared trunk)',
        offlineMetric: 'Per-task ROC-AUC and normalised cross-entropy; NDCG@10 of the weighted score on next-day data',
        onlineMetric: 'Meaningful interactions and time spent per DAU; hide and report rates as guardrails',
      },
    },
    {
      id: 'client', kind: 'client-app', label: 'Mobile & web app', at: [0, 2],
      props: { tool: 'iOS, Android, web', latencyMs: 60, notes: 'Mobile network round trip; the app prefetches the next page while the user scrolls.' },
    },
    {
      id: 'note-mtl', kind: 'note', at: [0, 4.5],
      props: { text: 'Multi-task heads (click, like, comment, share, hide, dwell) combined by tunable weights: product can change priorities without retraining.' },
    },
    {
      id: 'note-skew', kind: 'note', at: [0, 6],
      props: { text: 'Train on features logged at serving time, not recomputed later, to avoid skew; streaming features make a breaking post rankable within seconds.' },
    },
    {
      id: 'note-loop', kind: 'note', at: [0, 7.5],
      props: { text: 'The model only learns from what it showed: re-ranking keeps exploration slots and diversity so new creators and topics still get impressions.' },
    },

    // Online
    {
      id: 'ev', kind: 'event-log', label: 'Engagement events', zone: 'online', at: [1, 3],
      props: { tool: 'Kafka topic', notes: 'Impressions, clicks, likes, comments, shares, hides, dwell time: the labels and the raw input of streaming features.' },
    },
    {
      id: 'sp', kind: 'stream-processor', label: 'Streaming features', zone: 'online', at: [2, 3],
      props: { tool: 'Flink', notes: "Post engagement velocity (last 5 min / 1 h), the user's last-N interactions, session context." },
    },
    {
      id: 'db', kind: 'database', label: 'Posts & social graph', zone: 'online', at: [5, 1],
      props: { tool: 'MySQL + graph store (TAO-like)', notes: 'Who follows whom; recent posts per author.' },
    },
    {
      id: 'fs', kind: 'feature-store', label: 'Feature store', zone: 'online', at: [6, 3],
      props: { tool: 'Feast (Redis online, Hive offline)', notes: 'User, author, post and user-author affinity features; one definition serves training backfills and online reads.' },
    },
    {
      id: 'api', kind: 'prediction-api', label: 'Feed service', zone: 'online', at: [5, 2],
      props: { tool: 'gRPC', latencyMs: 15, notes: 'Assembles the request, calls retrieval and ranking, returns a page of 20 posts and keeps the rest for the next page.' },
    },
    {
      id: 'cg', kind: 'candidate-generation', label: 'Unseen-post retrieval', zone: 'online', at: [6, 2],
      props: {
        tool: 'inventory fan-out + seen-filter (Bloom)',
        latencyMs: 40,
        notes: 'Posts of the last 48 h from followed friends, groups and pages, minus seen ones; caps per author; ~1,500 candidates.',
      },
    },
    {
      id: 'rank', kind: 'ranking', label: 'Multi-task ranker', zone: 'online', at: [7, 2],
      props: { fallback: 'Unseen posts in pre-ranker order (chronological if it is down too)', 
        tool: 'DNN (MMoE) on Triton GPUs',
        latencyMs: 100,
        notes: 'Two passes: a light model prunes ~1,500 to ~300, then the multi-task DNN scores them; feature reads are included.',
      },
    },
    {
      id: 'rr', kind: 're-ranking', label: 'Re-ranking & policy', zone: 'online', at: [8, 2],
      props: {
        tool: 'diversity, freshness, business rules',
        latencyMs: 15,
        notes: 'No more than two posts in a row from one author or format; freshness decay; integrity demotions; ~5% exploration slots for new posts and creators.',
      },
    },
    {
      id: 'log', kind: 'prediction-logging', label: 'Impression log', zone: 'online', at: [9, 2],
      props: { tool: 'feature and prediction logs', notes: 'What was shown, at which position, with the features and scores used: the training rows.' },
    },
    {
      id: 'dash', kind: 'monitoring-dashboard', label: 'Dashboards & alerts', zone: 'online', at: [10, 1],
      props: { tool: 'Prometheus, Grafana', notes: 'Latency, empty feeds, per-task calibration, engagement by surface.' },
    },
    {
      id: 'ab', kind: 'ab-test', label: 'A/B tests', zone: 'online', at: [10, 2],
      props: {
        tool: 'A/B test (Statsig)',
        notes: 'Per-user buckets; ship on meaningful interactions and time spent with hide and report rates as guardrails; watch novelty effects over 2+ weeks.',
      },
    },
    {
      id: 'drift', kind: 'drift-detection', label: 'Drift & calibration', zone: 'online', at: [10, 3],
      props: { tool: 'Evidently (PSI)', notes: 'Feature drift and predicted vs observed rates per task; alerts trigger an early retrain.' },
    },

    // Offline
    {
      id: 'wh', kind: 'data-warehouse', label: 'Engagement & impression lake', zone: 'offline', at: [2, 5.5],
      props: { tool: 'Hive', notes: 'Raw events and the impression log, partitioned by day.' },
    },
    {
      id: 'tsb', kind: 'batch-etl', label: 'Training-set builder', zone: 'offline', at: [3, 5.5],
      props: {
        tool: 'Spark',
        notes: 'Joins each logged impression with its engagement within 24 h; downsamples negatives; excludes low-quality (bot) sessions.',
      },
    },
    {
      id: 'orch', kind: 'orchestrator', label: 'Daily pipeline', zone: 'offline', at: [3, 6.5],
      props: { tool: 'Airflow', notes: 'Daily full retrain (after the batch features land) and hourly incremental fine-tunes on fresh impressions.' },
    },
    {
      id: 'train', kind: 'training-job', label: 'Multi-task training', zone: 'offline', at: [4, 5.5],
      props: { tool: 'PyTorch (TorchRec)', notes: 'Shared trunk with embedding tables for user, author and post ids; one head per engagement type.' },
    },
    {
      id: 'eval', kind: 'offline-eval', label: 'Offline evaluation', zone: 'offline', at: [5, 5.5],
      props: { tool: 'held-out set (next day)', notes: 'Per-task AUC and calibration on the next day, sliced by new users and new posts; must beat the current model.' },
    },
    {
      id: 'fp', kind: 'feature-pipeline', label: 'Batch features', zone: 'offline', at: [3, 4.5],
      props: { tool: 'Spark', notes: 'User-author affinity, 28-day engagement rates, topic interests, post content embeddings from pretrained text and image encoders.' },
    },
    {
      id: 'reg', kind: 'model-registry', zone: 'offline', at: [6, 5.5],
      props: { tool: 'MLflow Model Registry', notes: 'Versions with their offline metrics; the A/B winner becomes the production version.' },
    },
  ],
  edges: [
    ['client', 'api', 'request', 'load feed'],
    ['client', 'ev', 'stream', 'engagement'],
    ['ev', 'sp', 'stream'],
    ['ev', 'wh', 'stream', 'raw events'],
    ['sp', 'fs', 'stream', 'real-time features'],
    ['db', 'cg', 'data', 'recent posts'],
    ['api', 'cg', 'request'],
    ['cg', 'rank', 'request'],
    ['fs', 'rank', 'data', 'online features'],
    ['rank', 'rr', 'request'],
    ['rr', 'log', 'data'],
    ['log', 'dash', 'data'],
    ['log', 'drift', 'data'],
    ['log', 'ab', 'data'],
    ['ab', 'reg', 'control', 'promote winner'],
    ['log', 'wh', 'feedback', 'impressions + features'],
    ['wh', 'tsb', 'data'],
    ['wh', 'fp', 'data'],
    ['fp', 'fs', 'data', 'batch features'],
    ['tsb', 'train', 'data'],
    ['orch', 'train', 'control'],
    ['drift', 'orch', 'control', 'retrain trigger'],
    ['train', 'eval', 'model'],
    ['eval', 'reg', 'model'],
    ['reg', 'rank', 'model', 'production version'],
  ],
};
