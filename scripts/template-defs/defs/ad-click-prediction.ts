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
    { id: OFF, label: 'Offline: labels and continual training', zone: 'offline' },
    { id: ON, label: 'Online: features, ad serving and monitoring', zone: 'online' },
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
      id: 'obj', kind: 'ml-objective', at: [0, 1.3],
      props: {
        task: 'classification',
        label: 'Click within 30 minutes of the impression = 1, else 0',
        loss: 'Binary cross-entropy (log loss) with the ad position as a feature, set to the top slot at serving (position debiasing), on a calibrated output',
        offlineMetric: 'Normalised cross-entropy (NCE) and calibration (predicted / observed CTR); AUC',
        onlineMetric: 'Revenue per 1,000 impressions, CTR, advertiser ROI, ad hide rate',
      },
    },
    { id: 'client', kind: 'client-app', label: 'Feed app', at: [0, 6], props: { tool: 'iOS, Android, web', latencyMs: 40, notes: 'Requests ads for the slots of the next feed page.' } },
    {
      id: 'note-calibration', kind: 'note', at: [0, 2.6],
      props: { text: 'The auction multiplies pCTR by the bid, so calibration matters as much as ranking: track predicted / observed CTR per segment.' },
    },
    {
      id: 'note-fresh', kind: 'note', at: [0, 3.9],
      props: { text: 'Freshness vs cost: ads and trends change hourly, so the model is warm-started every hour; a full retrain runs weekly.' },
    },
    {
      id: 'note-delay', kind: 'note', at: [0, 7.5],
      props: { text: 'Delayed labels: a negative is final only after 30 min; late clicks are rare and corrected in the weekly retrain.' },
    },

    // Offline
    { id: 'events', kind: 'event-log', label: 'Impressions and clicks', zone: OFF, at: [1, 1.5], props: { tool: 'Kafka topic', notes: 'Each impression carries a request id to join the click to.' } },
    { id: 'lake', kind: 'data-warehouse', label: 'Data lake', zone: OFF, at: [2, 0.3], props: { tool: 'Hive', notes: '90 days of joined examples for the weekly retrain and backfills.' } },
    {
      id: 'joiner', kind: 'stream-processor', label: 'Label joiner', zone: OFF, at: [2, 2.2],
      props: { tool: 'Flink', notes: 'Joins served features with clicks in a 30-min window; emits the negative when the window closes.' },
    },
    { id: 'featpipe', kind: 'feature-pipeline', label: 'Batch features', zone: OFF, at: [3, 3], props: { tool: 'Spark', notes: 'User interest topics, advertiser and ad historical CTR (smoothed).' } },
    {
      id: 'validate', kind: 'data-validation', label: 'Data validation', zone: OFF, at: [4, 1.5],
      props: { tool: 'TFDV', notes: 'Hourly training windows are checked: a broken logger must not reach the live model an hour later.' },
    },
    { id: 'orch', kind: 'orchestrator', label: 'Training scheduler', zone: OFF, at: [4, 3], props: { tool: 'Kubeflow Pipelines', notes: 'Hourly warm start, weekly full retrain.' } },
    {
      id: 'train', kind: 'training-job', label: 'Continual CTR training', zone: OFF, at: [5, 1.5],
      props: { tool: 'PyTorch (DCN-v2)', notes: 'Cross network learns feature crosses (user x ad category); hashed sparse ids; warm-started from the live weights.' },
    },
    {
      id: 'eval', kind: 'offline-eval', label: 'Progressive validation', zone: OFF, at: [6, 1.5],
      props: { tool: 'replay on the next hour', notes: 'NCE and calibration on the hour after the training window, per country and ad format.' },
    },
    { id: 'registry', kind: 'model-registry', label: 'Model registry', zone: OFF, at: [7, 1.5], props: { tool: 'MLflow Model Registry' } },

    // Online
    { id: 'rtfeat', kind: 'stream-processor', label: 'Real-time features', zone: ON, at: [2, 7.5], props: { tool: 'Flink', notes: 'Ad CTR in the last hour, the user\'s last clicks and ad frequency.' } },
    {
      id: 'fs', kind: 'feature-store', label: 'Feature store', zone: ON, at: [4, 7.5],
      props: { tool: 'Feast (Redis online)', notes: 'Served features are logged and joined to labels (log and wait): training sees exactly what serving saw.' },
    },
    { id: 'adsdb', kind: 'database', label: 'Campaigns and ads', zone: ON, at: [1, 8.8], props: { tool: 'MySQL', notes: 'Targeting, bids, budgets, creatives.' } },
    { id: 'indexer', kind: 'stream-processor', label: 'Ad index updater (CDC)', zone: ON, at: [3, 8.8], props: { tool: 'Kafka Streams', notes: 'Paused campaigns and spent budgets leave the index within seconds.' } },
    { id: 'api', kind: 'prediction-api', label: 'Ad server', zone: ON, at: [5, 6], props: { tool: 'gRPC', latencyMs: 10 } },
    {
      id: 'cg', kind: 'candidate-generation', label: 'Ad retrieval', zone: ON, at: [6, 6],
      props: { tool: 'targeting match + budget filter', latencyMs: 5, notes: 'Ads whose targeting matches the user and that have budget left.' },
    },
    { id: 'adidx', kind: 'search-index', label: 'Targeting index', zone: ON, at: [7, 6.6], props: { tool: 'Elasticsearch', latencyMs: 15, notes: 'Returns ~1,000 eligible ads.' } },
    {
      id: 'ranking', kind: 'ranking', label: 'CTR model', zone: ON, at: [8, 7],
      props: { fallback: "Last hour's pCTR per ad from the cache when the model times out", tool: 'DCN on Triton', latencyMs: 30, notes: 'pCTR for ~1,000 ads; includes the feature fetch.' },
    },
    {
      id: 'auction', kind: 're-ranking', label: 'Calibration and auction', zone: ON, at: [9, 7],
      props: { tool: 'isotonic calibration, GSP auction, pacing', latencyMs: 5, notes: 'Calibrated pCTR x bid = eCPM; second-price auction, budget pacing, frequency caps, ad load policy.' },
    },
    { id: 'plog', kind: 'prediction-logging', label: 'Served ads and features', zone: ON, at: [10, 7], props: { tool: 'feature and prediction logs', notes: 'Features, pCTR and auction outcome per impression.' } },
    { id: 'ab', kind: 'ab-test', label: 'A/B experiments', zone: ON, at: [11, 5.8], props: { tool: 'A/B test', notes: 'Revenue and advertiser ROI, with user-side guardrails (hides, session length).' } },
    { id: 'dash', kind: 'monitoring-dashboard', label: 'Monitoring and alerts', zone: ON, at: [11, 7], props: { tool: 'Prometheus, Grafana', notes: 'Calibration and NCE per hour, revenue, latency, feature freshness.' } },
    { id: 'drift', kind: 'drift-detection', label: 'Drift detection', zone: ON, at: [11, 8.2], props: { tool: 'Evidently (PSI)', notes: 'Feature and pCTR drift; new ad formats and events.' } },
  ],
  edges: [
    ['client', 'api', 'request', 'ad request'],
    ['client', 'events', 'stream', 'impressions, clicks'],
    ['events', 'lake', 'data'],
    ['events', 'joiner', 'stream', 'clicks'],
    ['events', 'rtfeat', 'stream'],
    ['joiner', 'validate', 'stream', 'labelled examples'],
    ['lake', 'validate', 'data', 'weekly full set'],
    ['lake', 'featpipe', 'data'],
    ['validate', 'train', 'data'],
    ['orch', 'train', 'control'],
    ['train', 'eval', 'model'],
    ['eval', 'registry', 'model', 'approved'],
    ['registry', 'ranking', 'model', 'hourly'],
    ['featpipe', 'fs', 'data'],
    ['rtfeat', 'fs', 'stream'],
    ['adsdb', 'indexer', 'data', 'changes'],
    ['indexer', 'adidx', 'stream', 'upserts'],
    ['indexer', 'fs', 'stream', 'ad attributes'],
    ['api', 'cg', 'request', 'user, context'],
    ['cg', 'adidx', 'request', 'targeting query'],
    ['adidx', 'ranking', 'request', '~1k eligible ads'],
    ['fs', 'ranking', 'data', 'online features'],
    ['ranking', 'auction', 'request', 'pCTR'],
    ['auction', 'plog', 'data', 'winners'],
    ['plog', 'ab', 'data', 'metrics per arm'],
    ['plog', 'dash', 'data'],
    ['plog', 'drift', 'data'],
    ['ab', 'registry', 'control', 'promote'],
    ['plog', 'joiner', 'feedback', 'served features'],
    ['drift', 'orch', 'control', 'retrain'],
  ],
};
