import type { TemplateDef } from '../builder';

/** People you may know: friends-of-friends candidates, link prediction scored in a daily batch, online filters. */
export const peopleYouMayKnow: TemplateDef = {
  id: 'people-you-may-know',
  title: 'People you may know',
  problem: 'recommendation',
  brief:
    'Design "People You May Know" for a social network with 1B users: suggest accounts a user is likely to send a friend request to and that will accept it.',
  zones: [
    { id: 'online', label: 'Online: read, filter and order', zone: 'online' },
    { id: 'offline', label: 'Offline: daily candidates, scoring and training', zone: 'offline' },
  ],
  nodes: [
    {
      id: 'req', kind: 'requirements', at: [0, 0],
      props: {
        goal: 'Grow the social graph: more accepted friend requests per user, without spammy or unwanted suggestions',
        scale: '1B users (300M DAU x ~3 PYMK views a day: ~10k/s on average, ~20k/s at peak); ~300 friends each, 10k-100k friends-of-friends',
        qps: 20000,
        latencyBudgetMs: 150,
        realtime: true,
        notes: 'Scoring is a daily batch; the online path only reads, filters and orders a precomputed list.',
      },
    },
    {
      id: 'obj', kind: 'ml-objective', at: [0, 1],
      props: {
        task: 'ranking',
        label: 'Shown suggestion -> friend request sent and accepted within 14 days (positive); shown and ignored or dismissed (negative)',
        loss: 'Binary cross-entropy on P(request sent and accepted) (pointwise link prediction)',
        offlineMetric: 'ROC-AUC and recall@20 on held-out impressions (time split), by new vs established users',
        onlineMetric: 'Accepted friend requests per DAU; guardrails: ignored-request, block and report rates',
      },
    },
    {
      id: 'client', kind: 'client-app', label: 'Mobile & web app', at: [0, 2],
      props: { tool: 'iOS, Android, web', latencyMs: 60, notes: 'Mobile network round trip to the PYMK module.' },
    },
    {
      id: 'note-batch', kind: 'note', at: [0, 4.5],
      props: { text: 'Daily batch precompute: 2-hop joins and scoring ~300B pairs are far too slow per request; online only reads a list and filters it in <20 ms.' },
    },
    {
      id: 'note-label', kind: 'note', at: [0, 6],
      props: { text: 'Label = request sent AND accepted, not just sent: optimising for sends would reward spammy suggestions that recipients ignore.' },
    },
    {
      id: 'note-cold', kind: 'note', at: [0, 7.5],
      props: { text: 'New users have no 2-hop graph: bootstrap from contact-book uploads, school and workplace, then recompute after their first friendships.' },
    },

    // Online
    {
      id: 'ev', kind: 'event-log', label: 'Friend-request events', zone: 'online', at: [1, 1],
      props: { tool: 'Kafka topic', notes: 'Requests sent, accepted, ignored; suggestions dismissed; new friendships and blocks.' },
    },
    {
      id: 'sp', kind: 'stream-processor', label: 'Real-time exclusions', zone: 'online', at: [2, 1],
      props: { tool: 'Flink', notes: 'Within seconds, excludes pairs that became friends, have a pending request or were dismissed, and blocked users.' },
    },
    {
      id: 'api', kind: 'prediction-api', label: 'PYMK service', zone: 'online', at: [7, 2],
      props: { tool: 'gRPC', latencyMs: 10, notes: 'Reads the precomputed list and exclusion sets, asks the re-ranker for the final order, returns 10-20 suggestions.' },
    },
    {
      id: 'cache', kind: 'cache', label: 'Precomputed suggestions', zone: 'online', at: [8, 1],
      props: { tool: 'Redis (KV)', latencyMs: 3, notes: 'Top-200 scored candidates per user, loaded daily, plus exclusion sets kept fresh by the stream.' },
    },
    {
      id: 'rr', kind: 're-ranking', label: 'Filters & re-ranking', zone: 'online', at: [9, 2],
      props: {
        tool: 'business rules, diversity',
        latencyMs: 15,
        notes: 'Drops excluded pairs; limits suggestions from one school or company; demotes accounts whose requests are often ignored (spam); ~5% exploration slots.',
      },
    },
    {
      id: 'log', kind: 'prediction-logging', label: 'Impression log', zone: 'online', at: [10, 2],
      props: { tool: 'feature and prediction logs', notes: 'Which suggestions were shown, where, with the features and score used: the training rows.' },
    },
    {
      id: 'dash', kind: 'monitoring-dashboard', label: 'Dashboards & alerts', zone: 'online', at: [11, 1],
      props: { tool: 'Prometheus, Grafana', notes: 'Acceptance rate, users with no suggestions, latency, age of the daily batch.' },
    },
    {
      id: 'ab', kind: 'ab-test', label: 'A/B tests', zone: 'online', at: [11, 2],
      props: {
        tool: 'A/B test (GrowthBook)',
        notes: 'Suggestions touch the recipient too (network effects): randomise by graph cluster when measuring accepted requests.',
      },
    },
    {
      id: 'drift', kind: 'drift-detection', label: 'Drift detection', zone: 'online', at: [11, 3],
      props: { tool: 'Evidently (PSI)', notes: 'Score and feature distributions by country and cohort, share of new users; alerts trigger a retrain.' },
    },

    // Offline
    {
      id: 'db', kind: 'database', label: 'Social graph', zone: 'offline', at: [1, 4.5],
      props: { tool: 'MySQL (TAO-like graph store)', notes: 'Friendships, blocks, profile attributes (schools, employers, cities).' },
    },
    {
      id: 'wh', kind: 'data-warehouse', label: 'Graph & event lake', zone: 'offline', at: [2, 4.5],
      props: { tool: 'Hive', notes: 'Daily graph snapshot, friend-request events and the impression log.' },
    },
    {
      id: 'orch', kind: 'orchestrator', label: 'Daily DAG', zone: 'offline', at: [2, 5.5],
      props: { tool: 'Airflow', notes: 'Daily: snapshot, candidates, features, scoring, cache load. Weekly (or on drift): retrain.' },
    },
    {
      id: 'cg', kind: 'candidate-generation', label: 'Friends-of-friends', zone: 'offline', at: [3, 4.5],
      props: { actsAs: ['batch-inference'], 
        tool: 'Spark 2-hop join',
        notes: '2-hop neighbours ranked by mutual friends, capped at ~1k per user; plus same school or company and contact-book matches for users with few friends.',
      },
    },
    {
      id: 'fp', kind: 'feature-pipeline', label: 'Pair features', zone: 'offline', at: [3, 5.5],
      props: {
        tool: 'Spark (GraphFrames)',
        notes: 'Mutual friends, Adamic-Adar, common schools, employers and cities, contact-book match, interaction and profile-view signals.',
      },
    },
    {
      id: 'tsb', kind: 'batch-etl', label: 'Training-set builder', zone: 'offline', at: [3, 6.5],
      props: {
        tool: 'Spark',
        notes: 'Joins each logged impression (with the features used to score it) to request and accept events within 14 days.',
      },
    },
    {
      id: 'fs', kind: 'feature-store', label: 'Feature store', zone: 'offline', at: [4, 5.5],
      props: { tool: 'Feast (offline: Hive)', notes: 'One definition of the pair and user features for training and for the daily scoring job.' },
    },
    {
      id: 'train', kind: 'training-job', label: 'Link-prediction model', zone: 'offline', at: [4, 6.5],
      props: {
        tool: 'LightGBM',
        notes: 'GBDT on pair features: cheap enough to score hundreds of billions of pairs a day; GNN (GraphSAGE) embeddings can join later as features.',
      },
    },
    {
      id: 'eval', kind: 'offline-eval', label: 'Offline evaluation', zone: 'offline', at: [5, 6.5],
      props: { tool: 'held-out set (time split)', notes: 'AUC and recall@20 on the next week of impressions, by new users and by country; must beat production.' },
    },
    {
      id: 'reg', kind: 'model-registry', zone: 'offline', at: [6, 6.5],
      props: { tool: 'MLflow Model Registry' },
    },
    {
      id: 'rank', kind: 'ranking', label: 'Daily batch scoring', zone: 'offline', at: [7, 4.5],
      props: {
        tool: 'LightGBM on Spark',
        notes: 'Scores ~1k candidates for each active user every day (~300B pairs on a CPU cluster); inactive users refresh weekly.',
      },
    },
  ],
  edges: [
    ['client', 'api', 'request', 'open PYMK'],
    ['client', 'ev', 'stream', 'requests, accepts'],
    ['ev', 'sp', 'stream'],
    ['ev', 'wh', 'stream', 'events'],
    ['sp', 'cache', 'stream', 'exclusions'],
    ['api', 'cache', 'request', 'read list'],
    ['cache', 'rr', 'data', '~200 candidates'],
    ['api', 'rr', 'request', 'filter & order'],
    ['rr', 'log', 'data'],
    ['log', 'dash', 'data'],
    ['log', 'drift', 'data'],
    ['log', 'ab', 'data'],
    ['ab', 'reg', 'control', 'promote winner'],
    ['log', 'wh', 'feedback', 'impressions + features'],
    ['db', 'wh', 'data'],
    ['wh', 'cg', 'data'],
    ['wh', 'fp', 'data'],
    ['fp', 'fs', 'data'],
    ['fs', 'rank', 'data', 'pair features'],
    ['cg', 'rank', 'data', '~1k candidates / user'],
    ['rank', 'cache', 'data', 'top-200 / user, daily'],
    ['wh', 'tsb', 'data'],
    ['tsb', 'train', 'data'],
    ['orch', 'cg', 'control'],
    ['orch', 'tsb', 'control'],
    ['drift', 'orch', 'control'],
    ['train', 'eval', 'model'],
    ['eval', 'reg', 'model'],
    ['reg', 'rank', 'model', 'production version'],
  ],
};
