import type { TemplateDef } from '../builder';

/** People you may know: friends-of-friends candidates, link prediction scored in a daily batch, online filters. */
export const peopleYouMayKnow: TemplateDef = {
  id: 'people-you-may-know',
  title: 'People you may know',
  problem: 'recommendation',
  brief:
    'Design "People You May Know" for a social network with 1B users: suggest accounts a user is likely to send a friend request to and that will accept it.',
  zones: [
    { id: 'offline', label: 'Offline: daily candidates, privacy filter, scoring and training', zone: 'offline', cols: [0, 5] },
    { id: 'online', label: 'Online: read, fresh path for new users, filter and order', zone: 'online', cols: [0, 5] },
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
      id: 'obj', kind: 'ml-objective', at: [1, 0],
      props: {
        task: 'ranking',
        label: 'Shown suggestion -> friend request sent and accepted within 14 days (positive); shown and ignored or dismissed (negative)',
        labelSource: 'user-feedback',
        labelDelay: 'Up to 14 days: a request must be sent and accepted',
        positiveRate: 0.02,
        split: 'time',
        calibrated: false,
        loss: 'Binary cross-entropy on P(request sent and accepted) (pointwise link prediction)',
        offlineMetric: 'ROC-AUC and recall@20 on held-out impressions (time split), by new vs established users',
        onlineMetric: 'Accepted friend requests per DAU (primary); ignored-request, block and report rates and p99 latency as guardrails',
      },
    },
    {
      id: 'client', kind: 'client-app', label: 'Mobile & web app', zone: 'online', at: [0, 6.2],
      props: { tool: 'iOS, Android, web', latencyMs: 60, notes: 'Mobile network round trip to the PYMK module.' },
    },
    {
      id: 'note-batch', kind: 'note', at: [2, 0],
      props: { text: 'Daily batch precompute: 2-hop joins and scoring ~300B pairs are far too slow per request; online only reads a list and filters it in <20 ms.' },
    },
    {
      id: 'note-label', kind: 'note', zone: 'offline', at: [5, 2.1],
      props: { text: 'Label = request sent AND accepted, not just sent: optimising for sends would reward spammy suggestions that recipients ignore.' },
    },
    {
      id: 'note-privacy', kind: 'note', at: [3, 0],
      props: { text: 'Privacy: contacts and profile views are used only with consent and never explained in the UI ("you viewed them"); a suggestion must not reveal them.' },
    },

    // Online: fresh path and privacy
    {
      id: 'fresh', kind: 'candidate-generation', label: 'New-user suggestions (fresh)', zone: 'online', at: [1, 7.2],
      props: {
        fallback: 'Popular accounts in the user\'s city and school when the fresh path times out',
        tool: 'graph store 2-hop on first friends + consented contact matches', latencyMs: 30,
        notes: 'For users younger than the daily batch or with < 5 friends: 2-hop of their first friends, same school or company, consented contact matches, scored by the same model.',
      },
    },
    {
      id: 'privacy', kind: 'rules-engine', label: 'Privacy controls on signals', zone: 'offline', at: [2, 3.1],
      props: { tool: 'consent and policy filter', notes: 'Drops contact-book matches without consent, never uses profile views as a visible reason, removes minors from adult suggestions, honours opt-outs.' },
    },
    {
      id: 'ev', kind: 'event-log', label: 'Friend-request events', zone: 'online', at: [0, 8.2],
      props: { tool: 'Kafka topic', notes: 'Requests sent, accepted, ignored; suggestions dismissed; new friendships and blocks.' },
    },
    {
      id: 'sp', kind: 'stream-processor', label: 'Real-time exclusions', zone: 'online', at: [1, 8.2],
      props: { tool: 'Flink', notes: 'Within seconds, excludes pairs that became friends, have a pending request or were dismissed, and blocked users.' },
    },
    {
      id: 'api', kind: 'prediction-api', label: 'PYMK service', zone: 'online', at: [1, 6.2],
      props: { tool: 'gRPC', latencyMs: 10, notes: 'Reads the precomputed list and exclusion sets, asks the re-ranker for the final order, returns 10-20 suggestions.' },
    },
    {
      id: 'cache', kind: 'cache', label: 'Precomputed suggestions', zone: 'online', at: [3, 6.2],
      props: { tool: 'Redis (KV)', latencyMs: 3, notes: 'Top-200 scored candidates per user, loaded daily, plus exclusion sets kept fresh by the stream.' },
    },
    {
      id: 'rr', kind: 're-ranking', label: 'Filters & re-ranking', zone: 'online', at: [3, 7.2],
      props: {
        fallback: 'The precomputed order without the diversity rules',
        tool: 'business rules, diversity',
        latencyMs: 15,
        notes: 'Drops excluded pairs; limits suggestions from one school or company; demotes accounts whose requests are often ignored (spam); ~5% exploration slots.',
      },
    },
    {
      id: 'log', kind: 'prediction-logging', label: 'Impression log', zone: 'online', at: [5, 7.2],
      props: { logsFeatures: true, tool: 'feature and prediction logs', notes: 'Which suggestions were shown, where, with the features and score used: the training rows.' },
    },
    {
      id: 'dash', kind: 'monitoring-dashboard', label: 'Dashboards & alerts', zone: 'online', at: [5, 8.2],
      props: { tool: 'Prometheus, Grafana', notes: 'Acceptance rate, users with no suggestions, latency, age of the daily batch.' },
    },
    {
      id: 'ab', kind: 'ab-test', label: 'A/B tests', zone: 'online', at: [5, 6.2],
      props: {
        tool: 'A/B test (GrowthBook)',
        notes: 'Suggestions touch the recipient too (network effects): randomise by graph cluster when measuring accepted requests.',
      },
    },
    {
      id: 'drift', kind: 'drift-detection', label: 'Drift detection', zone: 'online', at: [4, 6.2],
      props: { tool: 'Evidently (PSI)', notes: 'Score and feature distributions by country and cohort, share of new users; alerts trigger a retrain.' },
    },

    // Offline
    {
      id: 'db', kind: 'database', label: 'Social graph', zone: 'offline', at: [0, 3.1],
      props: { tool: 'MySQL (TAO-like graph store)', notes: 'Friendships, blocks, profile attributes (schools, employers, cities).' },
    },
    {
      id: 'wh', kind: 'data-warehouse', label: 'Graph & event lake', zone: 'offline', at: [1, 2.1],
      props: { tool: 'Hive', notes: 'Daily graph snapshot, friend-request events and the impression log.' },
    },
    {
      id: 'orch', kind: 'orchestrator', label: 'Daily DAG', zone: 'offline', at: [1, 4.1],
      props: { tool: 'Airflow', notes: 'Daily: snapshot, candidates, features, scoring, cache load. Weekly (or on drift): retrain.' },
    },
    {
      id: 'cg', kind: 'candidate-generation', label: 'Friends-of-friends', zone: 'offline', at: [2, 4.1],
      props: { actsAs: ['batch-inference'], 
        tool: 'Spark 2-hop join',
        notes: '2-hop neighbours ranked by mutual friends, capped at ~1k per user; plus same school or company and contact-book matches for users with few friends.',
      },
    },
    {
      id: 'fp', kind: 'feature-pipeline', label: 'Pair features', zone: 'offline', at: [3, 2.1],
      props: {
        tool: 'Spark (GraphFrames)',
        notes: 'Mutual friends, Adamic-Adar, common schools, employers and cities, contact-book match, interaction and profile-view signals.',
      },
    },
    {
      id: 'tsb', kind: 'batch-etl', label: 'Training-set builder', zone: 'offline', at: [1, 3.1],
      props: {
        tool: 'Spark',
        notes: 'Joins each logged impression (with the features used to score it) to request and accept events within 14 days.',
      },
    },
    {
      id: 'fs', kind: 'feature-store', label: 'Feature store', zone: 'offline', at: [4, 2.1],
      props: { tool: 'Feast (offline: Hive)', notes: 'One definition of the pair and user features for training and for the daily scoring job.' },
    },
    {
      id: 'train', kind: 'training-job', label: 'Link-prediction model', zone: 'offline', at: [2, 2.1],
      props: {
        tool: 'LightGBM',
        notes: 'GBDT on pair features: cheap enough to score hundreds of billions of pairs a day; GNN (GraphSAGE) embeddings can join later as features.',
      },
    },
    {
      id: 'eval', kind: 'offline-eval', label: 'Offline evaluation', zone: 'offline', at: [3, 3.1],
      props: { tool: 'held-out set (time split)', notes: 'AUC and recall@20 on the next week of impressions, by new users and by country; must beat production.' },
    },
    {
      id: 'reg', kind: 'model-registry', label: 'Model registry', zone: 'offline', at: [4, 3.1],
      props: { tool: 'MLflow Model Registry' },
    },
    {
      id: 'rank', kind: 'ranking', label: 'Daily batch scoring', zone: 'offline', at: [5, 4.1],
      props: {
        tool: 'LightGBM on Spark',
        notes: 'Scores ~1k candidates for each active user every day (~300B pairs on a CPU cluster); inactive users refresh weekly.',
      },
    },
  ],
  edges: [
    ['client', 'api', 'request'],
    ['client', 'ev', 'stream', 'requests, accepts'],
    ['ev', 'sp', 'stream'],
    ['ev', 'wh', 'stream'],
    ['sp', 'cache', 'stream', 'exclusions'],
    ['api', 'cache', 'request'],
    ['cache', 'rr', 'data'],
    ['api', 'rr', 'request'],
    ['rr', 'log', 'data'],
    ['log', 'dash', 'data'],
    ['log', 'drift', 'data'],
    ['log', 'ab', 'data'],
    ['ab', 'reg', 'control', 'promote winner'],
    ['log', 'ev', 'feedback', 'served features'],
    ['db', 'wh', 'data'],
    ['wh', 'cg', 'data'],
    ['wh', 'privacy', 'data', 'raw signals'],
    ['privacy', 'fp', 'data'],
    ['api', 'fresh', 'request'],
    ['fresh', 'rr', 'data'],
    ['db', 'fresh', 'data', 'first friends'],
    ['fp', 'fs', 'data'],
    ['fs', 'rank', 'data'],
    ['cg', 'rank', 'data'],
    ['rank', 'cache', 'data', 'top-200 / user, daily'],
    ['wh', 'tsb', 'data'],
    ['tsb', 'train', 'data'],
    ['orch', 'cg', 'control'],
    ['orch', 'tsb', 'control'],
    ['drift', 'orch', 'control', 'retrain'],
    ['train', 'eval', 'model'],
    ['eval', 'reg', 'model'],
    ['reg', 'rank', 'model'],
  ],
};
