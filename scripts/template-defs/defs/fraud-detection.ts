import type { TemplateDef } from '../builder';

/** Fraud detection: streaming aggregates, GBDT + rules, delayed labels, shadow and champion/challenger. */
export const fraudDetection: TemplateDef = {
  id: 'fraud-detection',
  title: 'Fraud detection',
  problem: 'fraud',
  brief:
    'Design a system that scores every card payment for fraud in real time and decides to approve, step up (3-D Secure) or decline it, for a payments company processing 50M transactions a day.',
  zones: [
    { id: 'offline', label: 'Offline: delayed labels, training, calibration and evaluation', zone: 'offline', cols: [0, 5] },
    { id: 'online', label: 'Online: blocklists, real-time scoring, decisions and monitoring', zone: 'online', cols: [0, 5] },
  ],
  nodes: [
    {
      id: 'req', kind: 'requirements', at: [0, 0],
      props: {
        goal: 'Cut card-fraud losses while keeping false declines of good customers low',
        scale: '50M payments/day (~600/s on average, ~3k/s at peak), ~0.1% fraud, ~$2.5B processed a day',
        qps: 3000,
        latencyBudgetMs: 100,
        realtime: true,
        notes: 'The risk check runs inside the card authorisation, which times out at ~300 ms end to end.',
      },
    },
    {
      id: 'obj', kind: 'ml-objective', at: [1, 0],
      props: { calibrated: true, 
        task: 'classification',
        label: 'Fraud = chargeback or analyst-confirmed fraud within 90 days; legit once 90 days pass undisputed',
        labelSource: 'outcome',
        labelDelay: 'Chargebacks arrive 30-90 days after the payment; analyst verdicts within days',
        positiveRate: 0.001,
        split: 'time',
        loss: 'Binary log loss on legit downsampled 1:50 (the only imbalance correction: no class weights on top); isotonic calibration on an untouched month before thresholds',
        offlineMetric: 'PR-AUC; recall and $-weighted recall at a fixed 0.5% decline rate (out-of-time)',
        onlineMetric: 'Fraud loss in bps of volume (primary); false-decline rate, step-up rate, review queue load and p99 latency as guardrails',
      },
    },
    {
      id: 'client', kind: 'client-app', label: 'Checkout / payment gateway', zone: 'online', at: [0, 6.2],
      props: { tool: 'web, iOS, Android checkout', latencyMs: 10, notes: 'Network hop from the authorisation flow to the risk service.' },
    },
    {
      id: 'note-labels', kind: 'note', at: [2, 0],
      props: { text: 'Delayed labels: chargebacks arrive 30-90 days late. Train on matured windows, use analyst verdicts as early labels, watch score drift meanwhile.' },
    },
    {
      id: 'note-bias', kind: 'note', at: [3, 0],
      props: { text: 'Declined payments never get labels: step up or let through a tiny random slice of would-be declines, weighted by 1/p, so training sees what the model blocks.' },
    },
    {
      id: 'note-rules', kind: 'note', zone: 'offline', at: [5, 2.1],
      props: { text: 'Fail safe: on a scorer or feature-store timeout, approve small payments on known cards (fail open) and step up the rest (fail closed).' },
    },

    // Online: streaming features and the scoring path.
    {
      id: 'tx', kind: 'message-queue', label: 'Transactions stream', zone: 'online', at: [0, 5.2],
      props: { tool: 'Kafka', notes: 'Every authorisation attempt, partitioned by card id.' },
    },
    {
      id: 'agg', kind: 'stream-processor', label: 'Streaming aggregates', zone: 'online', at: [1, 7.2],
      props: {
        tool: 'Flink',
        notes: 'Velocity per card, device, IP and merchant over 1 min / 1 h / 24 h windows; amount vs the card\'s usual; new device or country. Seconds fresh.',
      },
    },
    {
      id: 'fs', kind: 'feature-store', label: 'Feature store', zone: 'online', at: [3, 7.2],
      props: {
        tool: 'Feast (Redis online, Delta offline)',
        latencyMs: 5,
        notes: 'One feature definition for both sides: point-in-time joins for training, <5 ms reads for scoring, so no training-serving skew.',
      },
    },
    {
      id: 'api', kind: 'prediction-api', label: 'Risk decision service', zone: 'online', at: [1, 6.2],
      props: {
        tool: 'gRPC',
        latencyMs: 10,
        notes: 'Reads aggregates from the feature store (~5 ms), adds request-time features (amount, MCC, country mismatch), returns approve / step-up / decline with reason codes.',
      },
    },
    {
      id: 'scorer', kind: 'model-server', label: 'Fraud scorer (GBDT)', zone: 'online', at: [3, 6.2],
      props: {
        fallback: 'Timeout at 30 ms (scorer or feature store): fail open (approve, flag for review) under $100 on a known card and device, fail closed (step-up) above',
        tool: 'Triton (FIL backend)',
        latencyMs: 8,
        notes: 'GBDT inference is ~1 ms on CPU; outputs a calibrated probability. Runs the champion and a shadow challenger side by side on the same features.',
      },
    },
    {
      id: 'rules', kind: 'rules-engine', label: 'Rules & decision policy', zone: 'online', at: [4, 6.2],
      props: {
        tool: 'rules engine',
        latencyMs: 5,
        notes: 'Thresholds on the calibrated probability per merchant segment map to approve / step-up (3-D Secure) / decline; analysts add rules for a new attack in minutes.',
      },
    },
    {
      id: 'block', kind: 'rules-engine', label: 'Blocklist rules', zone: 'online', at: [2, 6.2],
      props: { tool: 'rules engine (in-memory lists)', latencyMs: 3, notes: 'Before the model: blocked cards, devices and IPs, sanctions lists, impossible travel. A hit declines at once; the rest is scored.' },
    },
    {
      id: 'calib', kind: 'training-job', label: 'Calibration (isotonic)', zone: 'offline', at: [3, 3.1],
      props: { tool: 'scikit-learn IsotonicRegression', notes: 'Fitted on an untouched out-of-time month: undoes the 1:50 downsampling so thresholds and $ expected loss read true probabilities.' },
    },
    {
      id: 'review', kind: 'human-review', label: 'Analyst review queue', zone: 'online', at: [2, 5.2],
      props: { tool: 'analysts (case manager)', notes: 'Borderline and high-value cases; verdicts become labels in days, long before chargebacks.' },
    },
    {
      id: 'log', kind: 'prediction-logging', label: 'Decision log', zone: 'online', at: [3, 5.2],
      props: { logsFeatures: true, tool: 'feature and prediction logs', notes: 'Features, score, model version and decision per payment: label joins, shadow comparison, audits.' },
    },
    {
      id: 'dash', kind: 'monitoring-dashboard', label: 'Dashboards & alerts', zone: 'online', at: [4, 7.2],
      props: { tool: 'Prometheus, Grafana', notes: 'Latency, approve / step-up / decline rates, score distribution, review backlog. A decline rate above 3x normal pages on-call and can pause automatic declines.' },
    },
    {
      id: 'ab', kind: 'ab-test', label: 'Shadow & champion/challenger', zone: 'online', at: [4, 8.2],
      props: {
        tool: 'shadow mode, champion/challenger',
        notes: 'A challenger scores in shadow first (no customer impact), then decides 5-10% of traffic; promote on $ loss and false declines once labels mature.',
      },
    },
    {
      id: 'drift', kind: 'drift-detection', label: 'Feature & score drift', zone: 'online', at: [4, 5.2],
      props: { tool: 'Evidently (PSI)', notes: 'Labels lag by months, so PSI on features and scores is the early warning; an alert triggers retraining.' },
    },

    // Offline: labels, features, training, evaluation.
    {
      id: 'cb', kind: 'external-data', label: 'Chargebacks & disputes', zone: 'offline', at: [0, 2.1],
      props: { tool: 'card-network dispute feeds', notes: 'The main label, 30-90 days after the payment.' },
    },
    {
      id: 'wh', kind: 'data-warehouse', label: 'Transaction history', zone: 'offline', at: [0, 3.1],
      props: { tool: 'Delta Lake' },
    },
    {
      id: 'lab', kind: 'labeling', label: 'Label maturation', zone: 'offline', at: [1, 3.1],
      props: {
        tool: 'rules: join chargebacks + analyst verdicts',
        notes: 'A payment is labelled only after its 90-day window closes; recent weeks are censored, not negative.',
      },
    },
    {
      id: 'bf', kind: 'feature-pipeline', label: 'Batch features', zone: 'offline', at: [2, 3.1],
      props: { tool: 'Spark', notes: '90-day card, merchant and device histories; merchant fraud rates; shared-device graph counts.' },
    },
    {
      id: 'tsb', kind: 'batch-etl', label: 'Training-set builder', zone: 'offline', at: [2, 2.1],
      props: { tool: 'Spark', notes: 'Features as logged at scoring time (no skew) + matured labels; out-of-time split; legit downsampled 1:50, no class weights.' },
    },
    {
      id: 'dv', kind: 'data-validation', label: 'Data validation', zone: 'offline', at: [1, 2.1],
      props: { tool: 'Great Expectations', notes: 'Schema, null rates and value ranges of the payment tables before features are built; upstream schema changes fail loudly.' },
    },
    {
      id: 'orch', kind: 'orchestrator', label: 'Weekly retrain', zone: 'offline', at: [4, 3.1],
      props: { tool: 'Airflow', notes: 'Runs the weekly DAG (training set, training, backtest, registration), or early on a drift alert.' },
    },
    {
      id: 'train', kind: 'training-job', label: 'GBDT training', zone: 'offline', at: [3, 2.1],
      props: { tool: 'XGBoost', notes: 'GBDT: strong on tabular aggregates, ~1 ms CPU inference, SHAP reason codes for analysts.' },
    },
    {
      id: 'eval', kind: 'offline-eval', label: 'Out-of-time backtest', zone: 'offline', at: [4, 2.1],
      props: { tool: 'backtest', notes: 'Last two matured months: recall at a fixed decline rate, $ saved, per merchant segment; must beat the champion.' },
    },
    {
      id: 'reg', kind: 'model-registry', label: 'Model registry', zone: 'online', at: [5, 5.2],
      props: { tool: 'MLflow Model Registry', notes: 'Champion and challenger versions with their backtest metrics.' },
    },
  ],
  edges: [
    ['client', 'api', 'request'],
    ['client', 'tx', 'stream', 'authorisations'],
    ['tx', 'agg', 'stream'],
    ['tx', 'wh', 'stream'],
    ['agg', 'fs', 'stream'],
    ['wh', 'dv', 'data'],
    ['dv', 'bf', 'data'],
    ['bf', 'fs', 'data'],
    ['api', 'block', 'request'],
    ['block', 'scorer', 'request'],
    ['fs', 'scorer', 'data'],
    ['scorer', 'rules', 'request'],
    ['dash', 'rules', 'control', 'pause auto-declines'],
    ['rules', 'review', 'data'],
    ['rules', 'log', 'data'],
    ['log', 'dash', 'data'],
    ['log', 'drift', 'data'],
    ['log', 'ab', 'data'],
    ['ab', 'reg', 'control', 'promote'],
    ['cb', 'lab', 'data'],
    ['review', 'lab', 'data', 'analyst verdicts'],
    ['log', 'lab', 'feedback'],
    ['lab', 'tsb', 'data'],
    ['tsb', 'train', 'data'],
    ['orch', 'train', 'control'],
    ['drift', 'orch', 'control', 'retrain'],
    ['train', 'calib', 'model'],
    ['calib', 'eval', 'model'],
    ['tsb', 'calib', 'data', 'untouched month'],
    ['eval', 'reg', 'model'],
    ['reg', 'scorer', 'model'],
  ],
};
