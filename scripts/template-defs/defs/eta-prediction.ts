import type { TemplateDef } from '../builder';

/** ETA prediction: routing-engine ETA + live traffic and supply features -> residual regression model. */
export const etaPrediction: TemplateDef = {
  id: 'eta-prediction',
  title: 'ETA prediction',
  problem: 'eta',
  brief:
    'Design the ETA prediction of a ride-hailing app: predict when a trip will arrive when the rider asks for a quote, and keep the estimate updated during the trip.',
  zones: [
    { id: 'offline', label: 'Offline: labels, training and evaluation', zone: 'offline', cols: [0, 5] },
    { id: 'online', label: 'Online: live speeds, routing, the ETA path and in-trip updates', zone: 'online', cols: [0, 5] },
  ],
  nodes: [
    {
      id: 'req', kind: 'requirements', at: [0, 0],
      props: {
        goal: 'Accurate ETAs at quote time and during the trip: pricing, dispatch and rider trust depend on them',
        scale: '20M trips/day in 500 cities; ~1.5B ETA calls a day from quotes, dispatch (~10 drivers per request) and in-trip updates (~17k/s on average, ~50k/s at peak)',
        qps: 50000,
        latencyBudgetMs: 120,
        realtime: true,
        notes: 'Budget is the rider quote end to end; dispatch and pricing call the same service internally within ~50 ms.',
      },
    },
    {
      id: 'obj', kind: 'ml-objective', at: [1, 0],
      props: { labelDelay: 'Actual arrival is known when the trip ends (minutes to ~2 h)', 
        task: 'regression',
        label: 'Quote: actual arrival minus request time; in-trip update: remaining time from the update to drop-off (seconds); cancelled trips excluded',
        labelSource: 'outcome',
        split: 'time',
        loss: 'Huber loss on the residual over the routing-engine ETA',
        offlineMetric: 'MAE and MAPE by city, hour and trip length; p90 absolute error; bias',
        onlineMetric: 'ETA error (MAE) on completed trips (primary); cancellations after the quote, quote-to-request conversion and p99 latency as guardrails',
      },
    },
    {
      id: 'rider', kind: 'client-app', label: 'Rider app', zone: 'online', at: [0, 6.2],
      props: { tool: 'iOS, Android', latencyMs: 50, notes: 'Mobile network round trip for a quote.' },
    },
    {
      id: 'driver', kind: 'client-app', label: 'Driver app', zone: 'online', at: [0, 8.2],
      props: { tool: 'iOS, Android', notes: 'A GPS ping every ~4 s, plus trip state changes.' },
    },
    {
      id: 'note-residual', kind: 'note', at: [2, 0],
      props: { text: 'Predict the residual over the routing-engine ETA: the route gives a strong physical baseline; ML learns lights, pickups and local quirks with less data.' },
    },
    {
      id: 'note-live', kind: 'note', zone: 'offline', at: [5, 2.1],
      props: { text: 'Traffic changes by the minute: live segment speeds from the GPS stream feed both the router and the model; batch-only features would miss rush hour.' },
    },
    {
      id: 'note-label', kind: 'note', at: [3, 0],
      props: { text: 'In-trip updates are a second task: from a mid-trip position the label is the remaining time to drop-off, not the whole trip; train both on logged features.' },
    },

    // Online
    {
      id: 'gps', kind: 'message-queue', label: 'GPS pings', zone: 'online', at: [0, 7.2],
      props: { tool: 'Kafka', notes: '~1M pings/s at peak, partitioned by H3 cell.' },
    },
    {
      id: 'sp', kind: 'stream-processor', label: 'Live traffic & supply', zone: 'online', at: [2, 7.2],
      props: { tool: 'Flink', notes: 'Map-matches pings to road segments for live speeds; open drivers and demand per H3 cell; 1-minute windows.' },
    },
    {
      id: 'fs', kind: 'feature-store', label: 'Feature store', zone: 'online', at: [3, 7.2],
      props: {
        tool: 'Feast (Redis online, Delta offline)',
        latencyMs: 3,
        notes: 'Live segment speeds, supply and demand per cell, historical speed profiles, pickup dwell times: one definition offline and online.',
      },
    },
    {
      id: 'api', kind: 'prediction-api', label: 'ETA service', zone: 'online', at: [1, 6.2],
      props: { tool: 'gRPC', latencyMs: 8, notes: 'Reads features (~3 ms), calls the router, then the residual model; dispatch and pricing call it too.' },
    },
    {
      id: 'route', kind: 'custom', label: 'Routing engine', zone: 'online', at: [2, 6.2],
      props: {
        stage: 'serving',
        tool: 'OSRM / Valhalla (contraction hierarchies)',
        latencyMs: 20,
        notes: 'Fastest path on the road graph with live segment speeds: route, distance and a physics ETA, the strongest feature.',
      },
    },
    {
      id: 'model', kind: 'model-server', label: 'ETA residual model', zone: 'online', at: [3, 6.2],
      props: { fallback: "The routing engine's ETA, without the residual correction", 
        tool: 'Triton',
        latencyMs: 10,
        notes: 'Corrects the routing ETA from route, time, traffic, supply, weather and pickup features. GBDT first; a DeepETA-style transformer when it pays.',
      },
    },
    {
      id: 'intrip', kind: 'stream-processor', label: 'In-trip re-estimation', zone: 'online', at: [1, 5.2],
      props: { tool: 'Flink', latencyMs: 5, notes: 'Every 30 s of a trip (or on a deviation from the route) asks for the remaining time from the driver\'s position and pushes it to the rider.' },
    },
    {
      id: 'log', kind: 'prediction-logging', label: 'ETA log', zone: 'online', at: [4, 8.2],
      props: { logsFeatures: true, tool: 'feature and prediction logs', notes: 'Every prediction with its features and model version, joined later with the actual arrival.' },
    },
    {
      id: 'dash', kind: 'monitoring-dashboard', label: 'Dashboards & alerts', zone: 'online', at: [5, 8.2],
      props: { tool: 'Prometheus, Grafana', notes: 'MAE and bias by city and hour as trips finish; latency; routing fallbacks.' },
    },
    {
      id: 'ab', kind: 'ab-test', label: 'Switchback tests', zone: 'online', at: [5, 6.2],
      props: {
        tool: 'A/B test (switchback by city and hour)',
        notes: 'ETAs move pricing and dispatch for a whole city, so users interfere: randomise by city x time slice, not by user.',
      },
    },
    {
      id: 'drift', kind: 'drift-detection', label: 'Error & drift monitor', zone: 'online', at: [5, 5.2],
      props: { tool: 'Evidently', notes: 'Holidays, road closures, new cities: error and feature drift per city trigger retraining.' },
    },

    // Offline
    {
      id: 'trips', kind: 'event-log', label: 'Trip events', zone: 'online', at: [0, 9.2],
      props: { tool: 'Kafka topic', notes: 'Pickup and drop-off timestamps: the label.' },
    },
    {
      id: 'wh', kind: 'data-warehouse', label: 'Trip history', zone: 'offline', at: [1, 2.1],
      props: { tool: 'Delta Lake', notes: 'Completed trips, GPS traces and the ETA log.' },
    },
    {
      id: 'orch', kind: 'orchestrator', label: 'Daily pipeline', zone: 'offline', at: [1, 3.1],
      props: { tool: 'Airflow', notes: 'Daily features and training set; weekly retrain, or early on a drift alert.' },
    },
    {
      id: 'tsb', kind: 'batch-etl', label: 'Training-set builder', zone: 'offline', at: [2, 2.1],
      props: { tool: 'Spark', notes: 'Joins each logged prediction to the actual arrival (quote) or the remaining time (in-trip); drops cancelled trips; time-based split.' },
    },
    {
      id: 'fp', kind: 'feature-pipeline', label: 'Historical features', zone: 'offline', at: [2, 3.1],
      props: { tool: 'Spark', notes: 'Segment speed profiles by hour of week, pickup and drop-off dwell per location, holiday and event calendars.' },
    },
    {
      id: 'dv', kind: 'data-validation', label: 'Label & GPS checks', zone: 'offline', at: [3, 2.1],
      props: { tool: 'Great Expectations', notes: 'Rejects impossible speeds, negative or extreme durations and broken traces; checks volumes per city.' },
    },
    {
      id: 'train', kind: 'training-job', label: 'ETA model training', zone: 'offline', at: [4, 2.1],
      props: { tool: 'LightGBM / PyTorch', notes: 'One global model with city features: small cities borrow strength from big ones.' },
    },
    {
      id: 'eval', kind: 'offline-eval', label: 'Backtest by city', zone: 'offline', at: [4, 3.1],
      props: { tool: 'backtest', notes: 'Last two weeks by city, hour and trip length: MAE, p90 error and bias vs production; no large city may regress.' },
    },
    {
      id: 'reg', kind: 'model-registry', label: 'Model registry', zone: 'online', at: [3, 5.2],
      props: { tool: 'MLflow Model Registry' },
    },
  ],
  edges: [
    ['rider', 'api', 'request'],
    ['gps', 'intrip', 'stream'],
    ['intrip', 'api', 'request', 'remaining time'],
    ['driver', 'gps', 'stream'],
    ['driver', 'trips', 'stream'],
    ['gps', 'sp', 'stream'],
    ['gps', 'wh', 'stream'],
    ['sp', 'fs', 'stream'],
    ['fs', 'model', 'data'],
    ['fs', 'route', 'data', 'live segment speeds'],
    ['api', 'route', 'request'],
    ['route', 'model', 'request'],
    ['model', 'log', 'data'],
    ['log', 'dash', 'data'],
    ['log', 'drift', 'data'],
    ['log', 'ab', 'data'],
    ['ab', 'reg', 'control', 'promote'],
    ['log', 'trips', 'feedback', 'served features'],
    ['trips', 'wh', 'stream'],
    ['wh', 'tsb', 'data'],
    ['wh', 'fp', 'data'],
    ['fp', 'fs', 'data'],
    ['tsb', 'dv', 'data'],
    ['dv', 'train', 'data'],
    ['orch', 'fp', 'control'],
    ['orch', 'tsb', 'control'],
    ['drift', 'orch', 'control', 'retrain'],
    ['train', 'eval', 'model'],
    ['eval', 'reg', 'model'],
    ['reg', 'model', 'model'],
  ],
};
