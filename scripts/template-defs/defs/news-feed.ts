import type { TemplateDef } from '../builder';

/** News feed: unseen posts -> multi-task ranker on streaming + batch features -> re-ranking and policy. */
export const newsFeed: TemplateDef = {
  id: 'news-feed',
  title: 'News feed ranking',
  problem: 'recommendation',
  brief:
    "Design the news feed of a social network: when a user opens the app, rank the posts they have not yet seen from friends, groups and pages they follow, so that the most meaningful ones come first.",
  zones: [
    { id: 'offline', label: 'Offline: training data, training and evaluation', zone: 'offline', cols: [0, 5] },
    { id: 'online', label: 'Online: feed serving, integrity and monitoring', zone: 'online', cols: [0, 5] },
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
      id: 'obj', kind: 'ml-objective', at: [1, 0],
      props: {
        task: 'ranking',
        label: 'Per (user, post) impression: click, like, comment, share, hide, dwell > 10 s, from engagement events',
        labelSource: 'user-feedback',
        labelDelay: 'Engagement counted for 24 h after the impression',
        split: 'time',
        calibrated: true,
        loss: 'Sum of per-task binary cross-entropies (multi-task heads on a shared trunk); the pre-ranker is distilled from the ranker',
        offlineMetric: 'Per-task ROC-AUC and normalised cross-entropy; NDCG@10 of the weighted score on next-day data',
        onlineMetric: 'Meaningful interactions per DAU (primary); time spent, hide and report rates and p99 latency as guardrails',
      },
    },
    {
      id: 'note-mtl', kind: 'note', at: [2, 0],
      props: { text: 'Funnel: ~1,500 unseen posts -> light pre-ranker keeps ~300 (20 ms) -> multi-task DNN (80 ms); heads combined by tunable weights.' },
    },
    {
      id: 'note-skew', kind: 'note', at: [3, 0],
      props: { text: 'Log features at serving: training rows are exactly what the model saw, and a new feature is logged for weeks (or backfilled) before it is used.' },
    },
    {
      id: 'note-cold', kind: 'note', zone: 'offline', at: [5, 2.1],
      props: { text: 'Cold start: a new user with few friends gets popular posts from onboarding interests and suggested pages until the graph fills in.' },
    },

    // Offline
    {
      id: 'wh', kind: 'data-warehouse', label: 'Engagement & impression lake', zone: 'offline', at: [1, 3.1],
      props: { tool: 'Hive', notes: 'Raw events and the impression log with its served features, partitioned by day.' },
    },
    {
      id: 'tsb', kind: 'batch-etl', label: 'Training-set builder', zone: 'offline', at: [2, 2.1],
      props: {
        tool: 'Spark',
        notes: 'Joins each logged impression (features as served) with its engagement within 24 h; downsamples negatives; excludes bot sessions.',
      },
    },
    {
      id: 'fp', kind: 'feature-pipeline', label: 'Batch features', zone: 'offline', at: [2, 3.1],
      props: { tool: 'Spark', notes: 'User-author affinity, 28-day engagement rates, topic interests, post content embeddings from pretrained text and image encoders.' },
    },
    {
      id: 'orch', kind: 'orchestrator', label: 'Daily pipeline', zone: 'offline', at: [3, 3.1],
      props: { tool: 'Airflow', notes: 'Daily full retrain (after the batch features land) and hourly incremental fine-tunes on fresh impressions.' },
    },
    {
      id: 'train', kind: 'training-job', label: 'Ranker and pre-ranker training', zone: 'offline', at: [3, 2.1],
      props: { tool: 'PyTorch (TorchRec)', notes: 'Shared trunk with embedding tables for user, author and post ids; one head per engagement type; the pre-ranker distilled from it.' },
    },
    {
      id: 'eval', kind: 'offline-eval', label: 'Offline evaluation', zone: 'offline', at: [4, 3.1],
      props: { tool: 'held-out set (next day)', notes: 'Per-task AUC and calibration on the next day, sliced by new users and new posts; must beat the current model.' },
    },

    // Online: release and request path
    {
      id: 'reg', kind: 'model-registry', label: 'Model registry', zone: 'online', at: [5, 7.2],
      props: { tool: 'MLflow Model Registry', notes: 'Pre-ranker and ranker released together; the A/B winner becomes the production version.' },
    },
    {
      id: 'client', kind: 'client-app', label: 'Mobile & web app', zone: 'online', at: [0, 6.2],
      props: { tool: 'iOS, Android, web', latencyMs: 60, notes: 'Mobile network round trip; the app prefetches the next page while the user scrolls.' },
    },
    {
      id: 'api', kind: 'prediction-api', label: 'Feed service', zone: 'online', at: [1, 6.2],
      props: { parallel: true, tool: 'gRPC', latencyMs: 15, notes: 'Calls both candidate sources in parallel, returns a page of 20 posts and keeps the rest for the next page.' },
    },
    {
      id: 'cg', kind: 'candidate-generation', label: 'Unseen-post retrieval', zone: 'online', at: [2, 6.2],
      props: {
        tool: 'inventory fan-out + seen-filter (Bloom)',
        latencyMs: 40,
        notes: 'Posts of the last 48 h from followed friends, groups and pages, minus seen ones; caps per author; ~1,500 candidates.',
      },
    },
    {
      id: 'cgcold', kind: 'candidate-generation', label: 'Popular posts (cold start)', zone: 'online', at: [2, 7.2],
      props: { actsAs: ['cache'], tool: 'Redis sorted sets by interest and country', latencyMs: 5, notes: 'Popular posts on the onboarding interests: fills the feed of new users with few connections.' },
    },
    {
      id: 'fs', kind: 'feature-store', label: 'Feature store', zone: 'online', at: [3, 8.2],
      props: { tool: 'Feast (Redis online, Hive offline)', latencyMs: 15, notes: 'User, author, post and affinity features, and each post\'s integrity scores.' },
    },
    {
      id: 'prerank', kind: 'ranking', label: 'Light pre-ranker', zone: 'online', at: [3, 6.2],
      props: { tool: 'two-tower dot product on cached embeddings', latencyMs: 20, notes: 'Scores ~1,500 candidates and keeps ~300 for the heavy ranker.' },
    },
    {
      id: 'rank', kind: 'ranking', label: 'Multi-task ranker', zone: 'online', at: [4, 6.2],
      props: { fallback: 'Unseen posts in pre-ranker order (chronological if it is down too)',
        tool: 'DNN (MMoE) on Triton GPUs',
        latencyMs: 80,
        notes: 'Scores ~300 posts per engagement head; feature reads are included.',
      },
    },
    {
      id: 'rr', kind: 're-ranking', label: 'Re-ranking & integrity policy', zone: 'online', at: [5, 6.2],
      props: {
        tool: 'diversity, freshness, integrity demotions',
        latencyMs: 15,
        notes: 'No more than two posts in a row from one author or format; demotes posts by integrity score; ~5% exploration slots for new posts and creators.',
      },
    },

    // Online: posts, streams, integrity and monitoring
    {
      id: 'db', kind: 'database', label: 'Posts & social graph', zone: 'online', at: [1, 5.2],
      props: { tool: 'MySQL + graph store (TAO-like)', notes: 'Who follows whom; recent posts per author.' },
    },
    {
      id: 'integ', kind: 'model-server', label: 'Integrity classifiers', zone: 'online', at: [2, 5.2],
      props: { tool: 'Triton (XLM-R, ViT heads)', notes: 'Scores each new post once for misinformation, clickbait, engagement bait and hate; scores land in the feature store.' },
    },
    {
      id: 'ev', kind: 'event-log', label: 'Engagement events', zone: 'online', at: [0, 8.2],
      props: { tool: 'Kafka topic', notes: 'Impressions, clicks, likes, comments, shares, hides, dwell time: the labels and the raw input of streaming features.' },
    },
    {
      id: 'sp', kind: 'stream-processor', label: 'Streaming features', zone: 'online', at: [1, 8.2],
      props: { tool: 'Flink', notes: "Post engagement velocity (last 5 min / 1 h), the user's last-N interactions, session context." },
    },
    {
      id: 'log', kind: 'prediction-logging', label: 'Impression and feature log', zone: 'online', at: [4, 7.2],
      props: { logsFeatures: true, tool: 'feature and prediction logs', notes: 'What was shown, at which position, with every feature and score used: the training rows, and the history of a new feature.' },
    },
    {
      id: 'dash', kind: 'monitoring-dashboard', label: 'Dashboards & alerts', zone: 'online', at: [4, 8.2],
      props: { tool: 'Prometheus, Grafana', notes: 'Latency, empty feeds, per-task calibration, engagement by surface, prevalence of demoted content.' },
    },
    {
      id: 'ab', kind: 'ab-test', label: 'A/B tests', zone: 'online', at: [5, 8.2],
      props: {
        tool: 'A/B test (Statsig)',
        notes: 'Per-user buckets; ship on meaningful interactions with hide and report rates as guardrails; watch novelty effects over 2+ weeks.',
      },
    },
    {
      id: 'drift', kind: 'drift-detection', label: 'Drift & calibration', zone: 'online', at: [5, 5.2],
      props: { tool: 'Evidently (PSI)', notes: 'Feature drift and predicted vs observed rates per task; alerts trigger an early retrain.' },
    },
  ],
  edges: [
    ['client', 'api', 'request'],
    ['client', 'ev', 'stream', 'engagement'],
    ['ev', 'sp', 'stream'],
    ['ev', 'wh', 'stream'],
    ['sp', 'fs', 'stream', 'real-time features'],
    ['db', 'cg', 'data'],
    ['db', 'integ', 'data'],
    ['integ', 'fs', 'data', 'integrity scores'],
    ['api', 'cg', 'request'],
    ['api', 'cgcold', 'request'],
    ['cg', 'prerank', 'request'],
    ['cgcold', 'prerank', 'request'],
    ['prerank', 'rank', 'request', '~300'],
    ['fs', 'prerank', 'data'],
    ['fs', 'rank', 'data'],
    ['rank', 'rr', 'request'],
    ['rr', 'log', 'data'],
    ['log', 'dash', 'data'],
    ['log', 'drift', 'data'],
    ['log', 'ab', 'data'],
    ['ab', 'reg', 'control', 'promote winner'],
    ['log', 'ev', 'feedback', 'served features'],
    ['wh', 'tsb', 'data'],
    ['wh', 'fp', 'data'],
    ['fp', 'fs', 'data', 'batch features'],
    ['tsb', 'train', 'data'],
    ['orch', 'train', 'control'],
    ['drift', 'orch', 'control', 'retrain'],
    ['train', 'eval', 'model'],
    ['eval', 'reg', 'model'],
    ['reg', 'prerank', 'model'],
    ['reg', 'rank', 'model'],
  ],
};
