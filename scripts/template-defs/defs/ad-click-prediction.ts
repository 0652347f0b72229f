import type { TemplateDef } from '../builder';

const OFF = 'offline';
const ON = 'online';

export const adClickPrediction: TemplateDef = {
  id: 'ad-click-prediction',
  title: 'Ad click prediction',
  problem: 'ad-click',
  brief:
    'Design the click-through-rate prediction behind the ads in a social feed: for each ad request, predict the probability that the user clicks each eligible ad, so the auction can rank ads by expected value.',
  zones: [
    { id: OFF, label: 'Offline: labels and continual training', zone: 'offline', cols: [0, 5] },
    { id: ON, label: 'Online: features, ad serving and monitoring', zone: 'online', cols: [0, 5] },
  ],
  nodes: [
    {
      id: 'req', kind: 'requirements', at: [0, 0],
      props: {
        goal: 'Maximise ad revenue with relevant ads: a calibrated pCTR for every candidate ad in the auction',
        scale: '1B daily users, 10M active ads, 100B ad impressions a day (~3 ad slots per request)',
        qps: 400000, latencyBudgetMs: 150, realtime: true,
      },
    },
    {
      id: 'obj', kind: 'ml-objective', at: [1, 0],
      props: {
        task: 'classification',
        label: 'Click within 30 minutes of the impression = 1, else 0',
        labelSource: 'user-feedback',
        labelDelay: '30-minute attribution window; a negative is final only when it closes',
        positiveRate: 0.01,
        split: 'time',
        calibrated: true,
        loss: 'Binary cross-entropy (log loss) on negatives downsampled to 10 %, recalibrated; ad position as a feature, set to the top slot at serving (position debiasing)',
        offlineMetric: 'Normalised cross-entropy (NCE) and calibration (predicted / observed CTR); AUC',
        onlineMetric: 'Revenue per 1,000 impressions (primary); CTR, advertiser ROI, ad hide rate and p99 latency as guardrails',
      },
    },
    {
      id: 'note-calibration', kind: 'note', at: [2, 0],
      props: { text: 'Downsampling negatives to w = 10 % inflates pCTR: recalibrate q = p / (p + (1 - p) / w) before the auction multiplies it by the bid.' },
    },
    {
      id: 'note-position', kind: 'note', at: [3, 0],
      props: { text: 'Position bias: top slots get clicks for being on top. Train with position as a feature, serve with it fixed, so ads are compared fairly.' },
    },
    {
      id: 'note-delay', kind: 'note', zone: 'offline', at: [5, 2.1],
      props: { text: 'Continual training: warm start every hour on windows whose labels are final (30 min); late clicks are corrected in the weekly retrain.' },
    },

    // Offline
    {
      id: 'joiner', kind: 'stream-processor', label: 'Label joiner', zone: OFF, at: [0, 2.1],
      props: { tool: 'Flink', notes: 'Joins served features with clicks in a 30-min window; emits the negative when the window closes.' },
    },
    { id: 'lake', kind: 'data-warehouse', label: 'Data lake', zone: OFF, at: [1, 3.1], props: { tool: 'Hive', notes: '90 days of joined examples for the weekly retrain and backfills.' } },
    {
      id: 'downsample', kind: 'batch-etl', label: 'Negative downsampling', zone: OFF, at: [2, 2.1],
      props: { tool: 'Spark / Flink', notes: 'Keeps all clicks and 10 % of the negatives (w = 0.1), recorded with the model so serving can recalibrate.' },
    },
    { id: 'featpipe', kind: 'feature-pipeline', label: 'Batch features', zone: OFF, at: [2, 3.1], props: { tool: 'Spark', notes: 'User interest topics, advertiser and ad historical CTR (smoothed), category CTR priors for new ads.' } },
    {
      id: 'validate', kind: 'data-validation', label: 'Data validation', zone: OFF, at: [3, 2.1],
      props: { tool: 'TFDV', notes: 'Hourly training windows are checked: a broken logger must not reach the live model an hour later.' },
    },
    { id: 'orch', kind: 'orchestrator', label: 'Training scheduler', zone: OFF, at: [3, 3.1], props: { tool: 'Kubeflow Pipelines', notes: 'Hourly warm start, weekly full retrain.' } },
    {
      id: 'train', kind: 'training-job', label: 'Continual CTR training', zone: OFF, at: [4, 2.1],
      props: { tool: 'PyTorch (DCN-v2)', notes: 'Cross network learns feature crosses (user x ad category); hashed sparse ids; warm-started from the live weights.' },
    },
    {
      id: 'eval', kind: 'offline-eval', label: 'Progressive validation', zone: OFF, at: [4, 3.1],
      props: { tool: 'replay on the next hour', notes: 'NCE and calibration (after recalibration) on the hour after the training window, per country, ad format and new ads.' },
    },

    // Online: release and request path
    { id: 'registry', kind: 'model-registry', label: 'Model registry', zone: ON, at: [3, 5.2], props: { tool: 'MLflow Model Registry', notes: 'Each version carries its sampling rate w for recalibration.' } },
    { id: 'client', kind: 'client-app', label: 'Feed app', zone: ON, at: [0, 6.2], props: { tool: 'iOS, Android, web', latencyMs: 40, notes: 'Requests ads for the slots of the next feed page.' } },
    { id: 'api', kind: 'prediction-api', label: 'Ad server', zone: ON, at: [1, 6.2], props: { tool: 'gRPC', latencyMs: 10 } },
    {
      id: 'adidx', kind: 'candidate-generation', label: 'Ad retrieval (targeting index)', zone: ON, at: [2, 6.2],
      props: { tool: 'Elasticsearch targeting match + budget filter', latencyMs: 15, notes: '~1,000 ads whose targeting matches the user and that have budget left.' },
    },
    {
      id: 'fs', kind: 'feature-store', label: 'Feature store', zone: ON, at: [2, 5.2],
      props: { tool: 'Feast (Redis online)', latencyMs: 10, notes: 'Served features are logged and joined to labels (log and wait): training sees exactly what serving saw.' },
    },
    {
      id: 'coldstart', kind: 'cache', label: 'New-ad priors', zone: ON, at: [3, 8.2],
      props: { tool: 'Redis', latencyMs: 2, notes: 'Cold start: an ad with < 1k impressions gets its advertiser and category CTR as features and a share of exploration slots.' },
    },
    {
      id: 'ranking', kind: 'ranking', label: 'CTR model', zone: ON, at: [3, 6.2],
      props: { fallback: "Last hour's pCTR per ad from the cache when the model times out", tool: 'DCN on Triton', latencyMs: 30, notes: 'pCTR for ~1,000 ads; includes the feature fetch.' },
    },
    {
      id: 'auction', kind: 're-ranking', label: 'Recalibration and auction', zone: ON, at: [4, 6.2],
      props: { tool: 'recalibration, isotonic, GSP auction, pacing', latencyMs: 5, notes: 'Undoes the downsampling, then calibrated pCTR x bid = eCPM; second-price auction, pacing, frequency caps, 2 % exploration for new ads.' },
    },

    // Online: streams and monitoring
    { id: 'events', kind: 'event-log', label: 'Impressions and clicks', zone: ON, at: [0, 5.2], props: { tool: 'Kafka topic', notes: 'Each impression carries a request id and position to join the click to.' } },
    { id: 'rtfeat', kind: 'stream-processor', label: 'Real-time features', zone: ON, at: [1, 5.2], props: { tool: 'Flink', notes: 'Ad CTR in the last hour, the user\'s last clicks and ad frequency.' } },
    { id: 'adsdb', kind: 'database', label: 'Campaigns and ads', zone: ON, at: [0, 7.2], props: { tool: 'MySQL', notes: 'Targeting, bids, budgets, creatives.' } },
    { id: 'indexer', kind: 'stream-processor', label: 'Ad index updater (CDC)', zone: ON, at: [1, 7.2], props: { tool: 'Kafka Streams', notes: 'New ads are live in seconds; paused campaigns and spent budgets leave the index.' } },
    { id: 'plog', kind: 'prediction-logging', label: 'Served ads and features', zone: ON, at: [5, 6.2], props: { logsFeatures: true, tool: 'feature and prediction logs', notes: 'Features, position, pCTR and auction outcome per impression.' } },
    { id: 'ab', kind: 'ab-test', label: 'A/B experiments', zone: ON, at: [2, 8.2], props: { tool: 'A/B test', notes: 'Revenue and advertiser ROI, with user-side guardrails (hides, session length).' } },
    { id: 'dash', kind: 'monitoring-dashboard', label: 'Monitoring and alerts', zone: ON, at: [4, 8.2], props: { tool: 'Prometheus, Grafana', notes: 'Calibration and NCE per hour, revenue, latency, feature freshness.' } },
    { id: 'drift', kind: 'drift-detection', label: 'Drift detection', zone: ON, at: [5, 5.2], props: { tool: 'Evidently (PSI)', notes: 'Feature and pCTR drift; new ad formats and events.' } },
  ],
  edges: [
    ['client', 'api', 'request'],
    ['client', 'events', 'stream', 'impressions, clicks'],
    ['events', 'lake', 'data'],
    ['events', 'joiner', 'stream'],
    ['events', 'rtfeat', 'stream'],
    ['joiner', 'downsample', 'stream'],
    ['lake', 'downsample', 'data'],
    ['lake', 'featpipe', 'data'],
    ['downsample', 'validate', 'data'],
    ['validate', 'train', 'data'],
    ['orch', 'train', 'control'],
    ['train', 'eval', 'model'],
    ['eval', 'registry', 'model', 'approved'],
    ['registry', 'ranking', 'model', 'hourly'],
    ['featpipe', 'fs', 'data'],
    ['featpipe', 'coldstart', 'data', 'category priors'],
    ['rtfeat', 'fs', 'stream'],
    ['adsdb', 'indexer', 'data'],
    ['indexer', 'adidx', 'stream', 'upserts'],
    ['api', 'adidx', 'request'],
    ['adidx', 'ranking', 'request'],
    ['fs', 'ranking', 'data'],
    ['coldstart', 'ranking', 'data'],
    ['ranking', 'auction', 'request'],
    ['auction', 'plog', 'data'],
    ['plog', 'ab', 'data'],
    ['plog', 'dash', 'data'],
    ['plog', 'drift', 'data'],
    ['ab', 'registry', 'control', 'promote'],
    ['plog', 'joiner', 'feedback', 'served features'],
    ['drift', 'orch', 'control', 'retrain'],
  ],
};
