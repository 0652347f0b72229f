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
    { id: OFF, label: 'Offline: data and training', zone: 'offline' },
    { id: ON, label: 'Online: streaming features, serving and monitoring', zone: 'online' },
  ],
  nodes: [
    {
      id: 'req', kind: 'requirements', at: [0, 0],
      props: {
        goal: 'More event registrations (tickets sold) from the personalised feed',
        scale: '100M users (10M daily), 1M upcoming events at a time (+50k a day), each live for a few weeks',
        qps: 2000, latencyBudgetMs: 200, realtime: true,
      },
    },
    {
      id: 'obj', kind: 'ml-objective', at: [0, 1.3],
      props: {
        task: 'ranking',
        label: 'Registered within 7 days of the impression = 1; impressed, not registered = 0',
        loss: 'Binary cross-entropy (pointwise learning-to-rank)',
        offlineMetric: 'nDCG@10 and mAP on the following week of impressions',
        onlineMetric: 'Registrations per session, feed CTR, ticket revenue',
      },
    },
    { id: 'client', kind: 'client-app', label: 'Event app', at: [0, 6], props: { tool: 'iOS, Android, web', latencyMs: 40 } },
    {
      id: 'note-cold', kind: 'note', at: [0, 2.6],
      props: { text: 'Every event is a cold-start item: rank on host, category, price, place and time features, never on the event id.' },
    },
    {
      id: 'note-fresh', kind: 'note', at: [0, 3.9],
      props: { text: '"3 friends are going" changes by the minute: social and popularity counts come from the stream, the rest daily.' },
    },
    {
      id: 'note-explore', kind: 'note', at: [0, 7.5],
      props: { text: 'Exploration: new events get a few boosted slots so they collect registrations before they are over.' },
    },

    // Offline
    { id: 'social', kind: 'database', label: 'Social graph', zone: OFF, at: [1, 0.4], props: { tool: 'Cassandra', notes: 'Friends and follows of hosts.' } },
    {
      id: 'events', kind: 'event-log', label: 'Impressions and registrations', zone: OFF, at: [1, 2.2],
      props: { tool: 'Kafka topic', notes: 'Impressions with position and request id; clicks, registrations, shares.' },
    },
    { id: 'lake', kind: 'data-warehouse', label: 'Data warehouse', zone: OFF, at: [2, 1.3], props: { tool: 'Snowflake' } },
    { id: 'orch', kind: 'orchestrator', label: 'Training pipeline', zone: OFF, at: [2, 3.1], props: { tool: 'Airflow', notes: 'Daily retrain; drift alerts start one early.' } },
    {
      id: 'examples', kind: 'batch-etl', label: 'Training examples', zone: OFF, at: [3, 0.5],
      props: { tool: 'Spark', notes: 'Joins impressions with registrations in the next 7 days; waits 7 days for the label.' },
    },
    {
      id: 'featpipe', kind: 'feature-pipeline', label: 'Batch features', zone: OFF, at: [3, 2.1],
      props: { tool: 'Spark', notes: 'User-category affinity, usual travel distance, price range; host quality and past sell-through.' },
    },
    {
      id: 'train', kind: 'training-job', label: 'Learning-to-rank training', zone: OFF, at: [5, 1.3],
      props: { tool: 'XGBoost', notes: 'GBDT on ~200 social, location, time and content features; a DNN only once data allows.' },
    },
    { id: 'eval', kind: 'offline-eval', label: 'Offline evaluation', zone: OFF, at: [6, 1.3], props: { tool: 'backtest', notes: 'Time-split: train on weeks 1-4, test on week 5; slices by city size and new users.' } },
    { id: 'registry', kind: 'model-registry', label: 'Model registry', zone: OFF, at: [7, 1.3], props: { tool: 'MLflow Model Registry' } },

    // Online
    {
      id: 'stream', kind: 'stream-processor', label: 'Streaming features', zone: ON, at: [2, 8],
      props: { tool: 'Flink', notes: 'Friends registered per event, registrations in the last hour, seats left.' },
    },
    { id: 'fs', kind: 'feature-store', label: 'Feature store', zone: ON, at: [4, 8], props: { tool: 'Feast (Redis online)', notes: 'One definition for training and serving; stream features land in seconds.' } },
    { id: 'eventsdb', kind: 'database', label: 'Events and users', zone: ON, at: [1, 9], props: { tool: 'PostgreSQL', notes: 'Event venue, time, category, price, capacity; user home location.' } },
    { id: 'indexer', kind: 'stream-processor', label: 'Event indexer (CDC)', zone: ON, at: [3, 9], props: { tool: 'Kafka Streams', notes: 'New and edited events searchable within a minute.' } },
    { id: 'api', kind: 'prediction-api', label: 'Event feed service', zone: ON, at: [5, 6], props: { tool: 'gRPC', latencyMs: 10 } },
    {
      id: 'cg', kind: 'candidate-generation', label: 'Location and time filter', zone: ON, at: [6, 6],
      props: { tool: 'geo + date range query', latencyMs: 5, notes: 'Events within the user\'s radius (or online) in the next 30 days, not sold out.' },
    },
    { id: 'geo', kind: 'search-index', label: 'Geo and date index', zone: ON, at: [7, 6.6], props: { tool: 'Elasticsearch (geo_point)', latencyMs: 20, notes: 'Returns ~2,000 events ordered by distance and popularity.' } },
    {
      id: 'ranking', kind: 'ranking', label: 'LTR ranker', zone: ON, at: [8, 7],
      props: { fallback: 'Popularity order within the location and time filter', tool: 'GBDT', latencyMs: 40, notes: 'Scores ~2,000 candidates; includes the online feature fetch.' },
    },
    {
      id: 'rerank', kind: 're-ranking', label: 'Re-ranking and policy', zone: ON, at: [9, 7],
      props: { tool: 'diversity, freshness, business rules', latencyMs: 10, notes: 'Drops registered and sold-out events, mixes categories and hosts, boosts new events, labels promoted ones.' },
    },
    { id: 'plog', kind: 'prediction-logging', label: 'Impression and feature logging', zone: ON, at: [10, 7], props: { tool: 'feature and prediction logs' } },
    { id: 'ab', kind: 'ab-test', label: 'A/B experiments', zone: ON, at: [11, 5.8], props: { tool: 'A/B test', notes: 'Registrations per user, guarded by host-side fairness (share of small hosts).' } },
    { id: 'dash', kind: 'monitoring-dashboard', label: 'Monitoring and alerts', zone: ON, at: [11, 7], props: { tool: 'Prometheus, Grafana', notes: 'Latency, empty-feed rate (small towns), CTR and registrations by city.' } },
    { id: 'drift', kind: 'drift-detection', label: 'Drift detection', zone: ON, at: [11, 8.2], props: { tool: 'Evidently (PSI)', notes: 'Feature and score drift: seasons, holidays, a new city launch.' } },
  ],
  edges: [
    ['client', 'api', 'request', 'feed request'],
    ['client', 'events', 'stream', 'impressions, registrations'],
    ['events', 'lake', 'data'],
    ['events', 'stream', 'stream'],
    ['social', 'lake', 'data'],
    ['social', 'stream', 'data', 'friend lists'],
    ['eventsdb', 'lake', 'data'],
    ['eventsdb', 'indexer', 'data', 'changes'],
    ['indexer', 'geo', 'stream', 'upserts'],
    ['lake', 'examples', 'data'],
    ['lake', 'featpipe', 'data'],
    ['featpipe', 'fs', 'data'],
    ['stream', 'fs', 'stream', 'social, popularity'],
    ['examples', 'train', 'data', 'labelled impressions'],
    ['fs', 'train', 'data', 'point-in-time features'],
    ['orch', 'examples', 'control'],
    ['orch', 'train', 'control'],
    ['train', 'eval', 'model'],
    ['eval', 'registry', 'model', 'approved'],
    ['registry', 'ranking', 'model'],
    ['api', 'cg', 'request', 'location, dates'],
    ['cg', 'geo', 'request', 'geo + date query'],
    ['geo', 'ranking', 'request', '~2k candidates'],
    ['fs', 'ranking', 'data', 'online features'],
    ['ranking', 'rerank', 'request', 'scored'],
    ['rerank', 'plog', 'data', 'feed shown'],
    ['plog', 'ab', 'data', 'metrics per arm'],
    ['plog', 'dash', 'data'],
    ['plog', 'drift', 'data'],
    ['ab', 'registry', 'control', 'promote'],
    ['plog', 'lake', 'feedback', 'logged features'],
    ['drift', 'orch', 'control', 'retrain'],
  ],
};
