import type { TemplateDef } from '../builder';

const OFF = 'offline';
const ON = 'online';

export const eventRecommendation: TemplateDef = {
  id: 'event-recommendation',
  title: 'Event recommendation',
  problem: 'recommendation',
  brief:
    'Design the personalised event feed of an Eventbrite-like platform: recommend upcoming events (concerts, meetups, classes) that a user is likely to register for. Events are short-lived, local and mostly new.',
  zones: [
    { id: OFF, label: 'Offline: data and training', zone: 'offline', cols: [0, 5] },
    { id: ON, label: 'Online: candidate sources, streaming features, serving and monitoring', zone: 'online', cols: [0, 5] },
  ],
  nodes: [
    {
      id: 'req', kind: 'requirements', at: [0, 0],
      props: {
        goal: 'More event registrations (tickets sold) from the personalised feed',
        scale: '100M users (10M daily), 1M upcoming events at a time (+50k a day), each live for a few weeks; ~700 feed loads/s at peak',
        qps: 2000, latencyBudgetMs: 200, realtime: true,
      },
    },
    {
      id: 'obj', kind: 'ml-objective', at: [1, 0],
      props: {
        task: 'ranking',
        label: 'Registered before the earlier of 7 days after the impression and the event start = 1; impressed, not registered = 0',
        labelSource: 'user-feedback',
        labelDelay: 'Up to 7 days, shorter for events that start sooner (the label closes at the event start)',
        positiveRate: 0.02,
        split: 'time',
        calibrated: false,
        loss: 'Binary cross-entropy (pointwise learning-to-rank)',
        offlineMetric: 'nDCG@10 and mAP on the following week of impressions; slices for new users and small cities',
        onlineMetric: 'Registrations per session (primary); feed CTR, share of small hosts and p99 latency as guardrails',
      },
    },
    {
      id: 'note-cold', kind: 'note', at: [2, 0],
      props: { text: 'Cold start both ways: every event is new (rank on host, category, price, place, time, never the event id); new users get popular-nearby.' },
    },
    {
      id: 'note-label', kind: 'note', at: [3, 0],
      props: { text: 'Label window: an event tomorrow has only a day to collect registrations; close its label at the event start, do not count it as a negative.' },
    },

    // Offline
    { id: 'lake', kind: 'data-warehouse', label: 'Data warehouse', zone: OFF, at: [1, 3.1], props: { tool: 'Snowflake', notes: 'Impressions with served features, registrations, events, the social graph.' } },
    { id: 'social', kind: 'database', label: 'Social graph', zone: OFF, at: [0, 2.1], props: { tool: 'Cassandra', notes: 'Friends, and follows of hosts.' } },
    {
      id: 'examples', kind: 'batch-etl', label: 'Training examples', zone: OFF, at: [2, 3.1],
      props: { tool: 'Spark', notes: 'Joins impressions with registrations until min(7 days, event start); an impression is final only after that.' },
    },
    {
      id: 'featpipe', kind: 'feature-pipeline', label: 'Batch features', zone: OFF, at: [2, 2.1],
      props: { tool: 'Spark', notes: 'User-category affinity, usual travel distance, price range; host quality and past sell-through.' },
    },
    { id: 'orch', kind: 'orchestrator', label: 'Training pipeline', zone: OFF, at: [3, 3.1], props: { tool: 'Airflow', notes: 'Daily retrain; drift alerts start one early.' } },
    {
      id: 'train', kind: 'training-job', label: 'Learning-to-rank training', zone: OFF, at: [3, 2.1],
      props: { tool: 'XGBoost', notes: 'GBDT on ~200 social, location, time and content features; candidate source as a feature.' },
    },
    { id: 'eval', kind: 'offline-eval', label: 'Offline evaluation', zone: OFF, at: [4, 3.1], props: { tool: 'backtest', notes: 'Time-split: train on weeks 1-4, test on week 5; slices by city size and new users.' } },
    { id: 'registry', kind: 'model-registry', label: 'Model registry', zone: OFF, at: [5, 3.1], props: { tool: 'MLflow Model Registry' } },

    // Online: request path
    { id: 'client', kind: 'client-app', label: 'Event app', zone: ON, at: [0, 6.2], props: { tool: 'iOS, Android, web', latencyMs: 40 } },
    { id: 'api', kind: 'prediction-api', label: 'Event feed service', zone: ON, at: [1, 6.2], props: { parallel: true, tool: 'gRPC', latencyMs: 10, notes: 'Calls the four candidate sources in parallel and merges ~2,500 events.' } },
    {
      id: 'geo', kind: 'search-index', label: 'Location and time filter', zone: ON, at: [2, 6.2],
      props: { tool: 'Elasticsearch (geo_point, date range)', latencyMs: 20, notes: 'Events within the user\'s radius (or online) in the next 30 days, not sold out: ~2,000.' },
    },
    {
      id: 'cgsocial', kind: 'candidate-generation', label: 'Friends going', zone: ON, at: [2, 7.2],
      props: { actsAs: ['cache'], tool: 'Redis (registrations by friend)', latencyMs: 10, notes: 'Upcoming events friends registered for, nearby or online.' },
    },
    {
      id: 'cghost', kind: 'candidate-generation', label: 'Followed hosts', zone: ON, at: [2, 8.2],
      props: { actsAs: ['cache'], tool: 'Redis (upcoming events by host)', latencyMs: 5, notes: 'Upcoming events of hosts the user follows or registered with before.' },
    },
    {
      id: 'cgcold', kind: 'candidate-generation', label: 'Popular nearby (cold start)', zone: ON, at: [2, 5.2],
      props: { actsAs: ['cache'], tool: 'Redis sorted sets by city', latencyMs: 5, notes: 'Selling fast in the user\'s city and onboarding categories: the main source for new users.' },
    },
    { id: 'fs', kind: 'feature-store', label: 'Feature store', zone: ON, at: [3, 9.2], props: { tool: 'Feast (Redis online)', latencyMs: 10, notes: 'One definition for training and serving; stream features land in seconds.' } },
    {
      id: 'ranking', kind: 'ranking', label: 'LTR ranker', zone: ON, at: [3, 6.2],
      props: { fallback: 'Popularity order within the location and time filter', tool: 'GBDT', latencyMs: 40, notes: 'Scores ~2,500 candidates; includes the online feature fetch.' },
    },
    {
      id: 'rerank', kind: 're-ranking', label: 'Re-ranking and policy', zone: ON, at: [4, 6.2],
      props: { tool: 'diversity, freshness, business rules', latencyMs: 10, notes: 'Drops registered and sold-out events, mixes categories and hosts, boosts new events (exploration), labels promoted ones.' },
    },

    // Online: streams and monitoring
    { id: 'events', kind: 'event-log', label: 'Impressions and registrations', zone: ON, at: [0, 8.2], props: { tool: 'Kafka topic', notes: 'Impressions with position and request id; clicks, registrations, shares.' } },
    {
      id: 'stream', kind: 'stream-processor', label: 'Streaming features', zone: ON, at: [1, 9.2],
      props: { tool: 'Flink', notes: 'Friends registered per event, registrations in the last hour, seats left; fills the friends-going lists.' },
    },
    { id: 'eventsdb', kind: 'database', label: 'Events and users', zone: ON, at: [0, 9.2], props: { tool: 'PostgreSQL', notes: 'Event venue, time, category, price, capacity; user home location.' } },
    { id: 'indexer', kind: 'stream-processor', label: 'Event indexer (CDC)', zone: ON, at: [1, 8.2], props: { tool: 'Kafka Streams', notes: 'New and edited events searchable within a minute.' } },
    { id: 'plog', kind: 'prediction-logging', label: 'Impression and feature logging', zone: ON, at: [4, 7.2], props: { logsFeatures: true, tool: 'feature and prediction logs' } },
    { id: 'ab', kind: 'ab-test', label: 'A/B experiments', zone: ON, at: [5, 7.2], props: { tool: 'A/B test', notes: 'Registrations per user, guarded by host-side fairness (share of small hosts).' } },
    { id: 'dash', kind: 'monitoring-dashboard', label: 'Monitoring and alerts', zone: ON, at: [4, 8.2], props: { tool: 'Prometheus, Grafana', notes: 'Latency, empty-feed rate (small towns), CTR and registrations by city.' } },
    { id: 'drift', kind: 'drift-detection', label: 'Drift detection', zone: ON, at: [5, 6.2], props: { tool: 'Evidently (PSI)', notes: 'Feature and score drift: seasons, holidays, a new city launch.' } },
  ],
  edges: [
    ['client', 'api', 'request'],
    ['client', 'events', 'stream', 'impressions, registrations'],
    ['events', 'lake', 'stream'],
    ['events', 'stream', 'stream'],
    ['social', 'lake', 'data'],
    ['social', 'stream', 'data', 'friend lists'],
    ['eventsdb', 'indexer', 'data'],
    ['indexer', 'geo', 'stream', 'upserts'],
    ['indexer', 'cghost', 'stream'],
    ['lake', 'examples', 'data'],
    ['lake', 'featpipe', 'data'],
    ['featpipe', 'fs', 'data', 'daily features'],
    ['stream', 'fs', 'stream', 'social, popularity'],
    ['stream', 'cgsocial', 'stream'],
    ['stream', 'cgcold', 'stream'],
    ['examples', 'train', 'data'],
    ['orch', 'train', 'control'],
    ['train', 'eval', 'model'],
    ['eval', 'registry', 'model'],
    ['registry', 'ranking', 'model'],
    ['api', 'geo', 'request'],
    ['api', 'cgsocial', 'request'],
    ['api', 'cghost', 'request'],
    ['api', 'cgcold', 'request'],
    ['geo', 'ranking', 'request'],
    ['cgsocial', 'ranking', 'request'],
    ['cghost', 'ranking', 'request'],
    ['cgcold', 'ranking', 'request'],
    ['fs', 'ranking', 'data'],
    ['ranking', 'rerank', 'request'],
    ['rerank', 'plog', 'data', 'feed shown'],
    ['plog', 'ab', 'data'],
    ['plog', 'dash', 'data'],
    ['plog', 'drift', 'data'],
    ['plog', 'events', 'feedback', 'served features'],
    ['drift', 'orch', 'control', 'retrain'],
  ],
};
