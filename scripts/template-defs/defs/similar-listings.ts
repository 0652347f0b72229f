import type { TemplateDef } from '../builder';

const OFF = 'offline';
const ON = 'online';

export const similarListings: TemplateDef = {
  id: 'similar-listings',
  title: 'Similar listings',
  problem: 'recommendation',
  brief:
    'Design the "similar listings" carousel of an Airbnb-like site: when a user views a listing, show other listings they are likely to click and book, available for their dates.',
  zones: [
    { id: OFF, label: 'Offline: sessions, embeddings and training', zone: 'offline', cols: [0, 5] },
    { id: ON, label: 'Online: serving, session features and monitoring', zone: 'online', cols: [0, 5] },
  ],
  nodes: [
    {
      id: 'req', kind: 'requirements', at: [0, 0],
      props: {
        goal: 'More bookings from the similar-listings carousel on listing pages',
        scale: '150M users, 7M active listings, 1B listing-page views a month',
        qps: 1000, latencyBudgetMs: 150, realtime: true,
      },
    },
    {
      id: 'obj', kind: 'ml-objective', at: [1, 0],
      props: {
        task: 'ranking',
        label: 'Listings clicked in one search session are similar; ranker: carousel click, booking as a heavier positive',
        labelSource: 'user-feedback',
        labelDelay: 'Clicks within minutes; bookings up to 14 days after the view, attributed to the carousel',
        split: 'time',
        loss: 'Skip-gram over click sessions (booked listing as global context, negatives drawn from the same market); BCE for the ranker',
        offlineMetric: 'Hit rate@10 of the next-clicked listing; nDCG@10 of the ranked carousel',
        onlineMetric: 'Bookings per listing-page view (primary); carousel CTR, share of carousels with >= 4 listings and p99 latency as guardrails',
      },
    },
    { id: 'client', kind: 'client-app', label: 'Listing page', zone: ON, at: [0, 6.2], props: { tool: 'web, iOS, Android', latencyMs: 40 } },
    {
      id: 'note-cold', kind: 'note', at: [2, 0],
      props: { text: 'Cold start: a new listing gets the mean vector of the 3 nearest listings of its type and price within 10 miles.' },
    },
    {
      id: 'note-market', kind: 'note', at: [3, 0],
      props: { text: 'Negatives from the same market: random negatives only teach the model geography, not taste.' },
    },
    {
      id: 'note-fresh', kind: 'note', zone: OFF, at: [5, 2.1],
      props: { text: 'Freshness vs cost: embeddings are retrained daily; availability and price change by the minute and are filtered at request time.' },
    },

    // Offline
    { id: 'events', kind: 'event-log', label: 'Clicks and bookings', zone: ON, at: [0, 7.2], props: { tool: 'Kafka topic', notes: 'Search sessions: clicks with dwell time, carousel impressions, bookings.' } },
    { id: 'lake', kind: 'data-warehouse', label: 'Data lake', zone: OFF, at: [1, 2.1], props: { tool: 'Hive' } },
    { id: 'orch', kind: 'orchestrator', label: 'Training pipeline', zone: OFF, at: [4, 3.1], props: { tool: 'Airflow', notes: 'Daily: sessions, embeddings, index, ranker; drift alerts start a run.' } },
    {
      id: 'sessions', kind: 'batch-etl', label: 'Click-session builder', zone: OFF, at: [2, 2.1],
      props: { tool: 'Spark', notes: 'Splits click sequences at 30-min gaps, drops clicks under 30 s of dwell, tags the booked listing.' },
    },
    { id: 'examples', kind: 'batch-etl', label: 'Ranker examples', zone: OFF, at: [2, 3.1], props: { tool: 'Spark', notes: 'Carousel impressions joined with clicks and bookings.' } },
    { id: 'featpipe', kind: 'feature-pipeline', label: 'Listing features', zone: OFF, at: [1, 3.1], props: { tool: 'Spark', notes: 'Price per night, rating, reviews, capacity, location, host response rate.' } },
    {
      id: 'emb', kind: 'embedding-model', label: 'Listing embeddings (skip-gram)', zone: OFF, at: [3, 2.1],
      props: { tool: 'word2vec', pretrained: false, notes: '32-d vectors from 800M click sessions, with the booked listing as global context.' },
    },
    {
      id: 'rankertrain', kind: 'training-job', label: 'Ranker training', zone: OFF, at: [3, 3.1],
      props: { tool: 'LightGBM', notes: 'Features: cosine to the anchor and to the session\'s clicks, price ratio, distance, rating.' },
    },
    { id: 'eval', kind: 'offline-eval', label: 'Offline evaluation', zone: OFF, at: [4, 2.1], props: { tool: 'held-out sessions', notes: 'Hit rate of the next click within the top 10; nDCG for the ranker; new-listing slice.' } },
    { id: 'registry', kind: 'model-registry', label: 'Model registry', zone: ON, at: [5, 7.2], props: { tool: 'MLflow Model Registry' } },
    {
      id: 'indexjob', kind: 'batch-inference', label: 'Index build + cold start', zone: ON, at: [1, 8.2],
      props: { tool: 'Spark job', notes: 'Loads the day\'s vectors, fills new listings from their neighbours, builds one index per market.' },
    },

    // Online
    { id: 'stream', kind: 'stream-processor', label: 'Session features', zone: ON, at: [1, 7.2], props: { tool: 'Flink', notes: 'Listings the user clicked in the last 30 min, for real-time personalisation.' } },
    { id: 'fs', kind: 'feature-store', label: 'Feature store', zone: ON, at: [2, 8.2], props: { tool: 'Feast (Redis online)', latencyMs: 10, notes: 'Same listing and session features for training and serving.' } },
    { id: 'listings', kind: 'database', label: 'Listings and calendars', zone: ON, at: [0, 5.2], props: { tool: 'PostgreSQL' } },
    { id: 'avail', kind: 'cache', label: 'Availability and price cache', zone: ON, at: [3, 5.2], props: { tool: 'Redis', latencyMs: 5, notes: 'Updated from calendar changes within a minute.' } },
    { id: 'api', kind: 'prediction-api', label: 'Similar-listings service', zone: ON, at: [1, 6.2], props: { tool: 'gRPC', latencyMs: 10, notes: 'Anchor listing, trip dates and guest count.' } },
    { id: 'ann', kind: 'vector-db', label: 'Nearest listings (ANN index)', zone: ON, at: [2, 6.2], props: { actsAs: ['candidate-generation'], tool: 'FAISS (HNSW per market)', latencyMs: 10, notes: 'Looks up the anchor\'s vector, returns the top-200 neighbours in its market.' } },
    {
      id: 'ranking', kind: 'ranking', label: 'Listing ranker', zone: ON, at: [3, 6.2],
      props: { fallback: 'Nearest listings by embedding distance, unranked', tool: 'GBDT', latencyMs: 30, notes: 'Scores 200 candidates; includes the feature fetch.' },
    },
    {
      id: 'filters', kind: 're-ranking', label: 'Availability and price filters', zone: ON, at: [4, 6.2],
      props: { tool: 'business rules', latencyMs: 10, notes: 'Drops listings booked for the dates, outside the guest count or far off the anchor price; one listing per host; one slot explores new listings with few clicks.' },
    },
    { id: 'plog', kind: 'prediction-logging', label: 'Carousel impression logging', zone: ON, at: [4, 8.2], props: { logsFeatures: true, tool: 'feature and prediction logs' } },
    { id: 'ab', kind: 'ab-test', label: 'A/B experiments', zone: ON, at: [5, 6.2], props: { tool: 'A/B test', notes: 'Bookings per listing view, not carousel CTR alone.' } },
    { id: 'dash', kind: 'monitoring-dashboard', label: 'Monitoring and alerts', zone: ON, at: [5, 8.2], props: { tool: 'Prometheus, Grafana', notes: 'Latency, carousels with < 4 listings after filters, CTR by market.' } },
    { id: 'drift', kind: 'drift-detection', label: 'Drift detection', zone: ON, at: [5, 5.2], props: { tool: 'Evidently', notes: 'Seasonal shifts in price and destination mix.' } },
  ],
  edges: [
    ['client', 'api', 'request'],
    ['client', 'events', 'stream', 'clicks, bookings'],
    ['events', 'lake', 'data'],
    ['events', 'stream', 'stream'],
    ['listings', 'lake', 'data'],
    ['listings', 'avail', 'data', 'calendar, price'],
    ['lake', 'sessions', 'data'],
    ['lake', 'examples', 'data'],
    ['lake', 'featpipe', 'data'],
    ['sessions', 'emb', 'data'],
    ['examples', 'rankertrain', 'data'],
    ['featpipe', 'fs', 'data'],
    ['stream', 'fs', 'stream'],
    ['fs', 'rankertrain', 'data', 'point-in-time features'],
    ['orch', 'sessions', 'control'],
    ['orch', 'rankertrain', 'control'],
    ['emb', 'eval', 'model'],
    ['rankertrain', 'eval', 'model'],
    ['eval', 'registry', 'model', 'approved'],
    ['registry', 'indexjob', 'model', 'embeddings'],
    ['registry', 'ranking', 'model'],
    ['indexjob', 'ann', 'data'],
    ['api', 'ann', 'request'],
    ['ann', 'ranking', 'request'],
    ['fs', 'ranking', 'data', 'online features'],
    ['ranking', 'filters', 'request'],
    ['avail', 'filters', 'data', 'availability'],
    ['filters', 'plog', 'data'],
    ['plog', 'ab', 'data'],
    ['plog', 'dash', 'data'],
    ['plog', 'drift', 'data'],
    ['ab', 'registry', 'control', 'promote'],
    ['plog', 'events', 'feedback', 'served features'],
    ['drift', 'orch', 'control', 'retrain'],
  ],
};
