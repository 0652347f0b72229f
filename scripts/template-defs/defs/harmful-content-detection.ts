import type { TemplateDef } from '../builder';

const OFF = 'offline';
const ON = 'online';

export const harmfulContentDetection: TemplateDef = {
  id: 'harmful-content-detection',
  title: 'Harmful content detection',
  problem: 'content-moderation',
  brief:
    'Design a system that detects harmful posts (violence, nudity, hate speech, self-harm) on a social network with text, images and video, and removes, demotes or sends them to human review before many people see them.',
  zones: [
    { id: OFF, label: 'Offline: labels, training and evaluation', zone: 'offline' },
    { id: ON, label: 'Online: scoring, enforcement and review', zone: 'online' },
  ],
  nodes: [
    {
      id: 'req', kind: 'requirements', at: [0, 0],
      props: {
        goal: 'Act on harmful posts before they spread, with few wrongful takedowns',
        scale: '3B users, 500M new posts a day (6k/s on average), text, images and video, 70 languages',
        qps: 15000, latencyBudgetMs: 300, realtime: true,
      },
    },
    {
      id: 'obj', kind: 'ml-objective', at: [0, 1.3],
      props: {
        task: 'classification',
        label: 'Multi-label: one label per harm from moderator decisions; user reports as weak labels',
        loss: 'Sum of per-harm binary cross-entropy (multi-task heads), weighted for rare harms',
        offlineMetric: 'PR-AUC per harm; recall at 90% precision, per language',
        onlineMetric: 'Prevalence (harmful views per 10k views), proactive rate, appeal overturn rate',
      },
    },
    { id: 'client', kind: 'client-app', label: 'Social app', at: [0, 6], props: { tool: 'iOS, Android, web', latencyMs: 50, notes: 'Post upload; the check runs before the post is distributed.' } },
    {
      id: 'note-thresholds', kind: 'note', at: [0, 2.6],
      props: { text: 'Precision vs recall per harm: auto-remove only at very high precision; the uncertain middle band goes to human review.' },
    },
    {
      id: 'note-video', kind: 'note', at: [0, 3.9],
      props: { text: 'Latency vs cost: text and thumbnails are scored at post time; full video frames asynchronously, before reach ramps up.' },
    },
    {
      id: 'note-adversarial', kind: 'note', at: [0, 7.5],
      props: { text: 'Adversaries adapt (misspellings, text in images): frequent retraining on fresh review decisions beats a perfect static model.' },
    },

    // Offline
    { id: 'media', kind: 'object-storage', label: 'Post media and text', zone: OFF, at: [1, 0.3], props: { tool: 'S3' } },
    {
      id: 'labeling', kind: 'labeling', label: 'Labeling', zone: ON, at: [1, 8.8],
      props: { tool: 'moderator decisions + human raters', notes: 'Moderator decisions become labels; raters double-label a random sample to measure label noise.' },
    },
    { id: 'lake', kind: 'data-warehouse', label: 'Labelled post archive', zone: OFF, at: [2, 1.2], props: { tool: 'Hive' } },
    { id: 'orch', kind: 'orchestrator', label: 'Training pipeline', zone: OFF, at: [2, 3.1], props: { tool: 'Airflow', notes: 'Heads retrained weekly, encoders fine-tuned monthly; drift alerts start a run.' } },
    {
      id: 'dataset', kind: 'batch-etl', label: 'Training set builder', zone: OFF, at: [3, 0.6],
      props: { tool: 'Spark', notes: 'Dedupes near-identical posts, stratifies by harm and language, splits by time to avoid leakage.' },
    },
    { id: 'featpipe', kind: 'feature-pipeline', label: 'Author and reach features', zone: OFF, at: [3, 2.1], props: { tool: 'Spark', notes: 'Account age, prior strikes, follower count, share velocity.' } },
    {
      id: 'train', kind: 'training-job', label: 'Multimodal multi-task training', zone: OFF, at: [5, 1.2],
      props: { tool: 'PyTorch', notes: 'Text (XLM-R) and image (CLIP ViT) encoders, late fusion with author features, one head per harm.' },
    },
    {
      id: 'eval', kind: 'offline-eval', label: 'Offline evaluation', zone: OFF, at: [6, 1.2],
      props: { tool: 'held-out set', notes: 'PR-AUC per harm and language on the latest month of decisions; sets per-harm thresholds.' },
    },
    { id: 'registry', kind: 'model-registry', label: 'Model registry', zone: OFF, at: [7, 1.2], props: { tool: 'MLflow Model Registry' } },

    // Online
    { id: 'reports', kind: 'event-log', label: 'User reports and appeals', zone: ON, at: [1, 7.4], props: { tool: 'Kafka topic', notes: 'Weak labels: noisy and biased, but they surface what the model misses.' } },
    {
      id: 'fs', kind: 'feature-store', label: 'Feature store', zone: OFF, at: [4, 3.1],
      props: { tool: 'Feast (Redis online)', notes: 'Same author and reach features in training and at scoring time.' },
    },
    { id: 'api', kind: 'prediction-api', label: 'Integrity service', zone: ON, at: [7, 6], props: { tool: 'gRPC', latencyMs: 10, notes: 'Called on every new or edited post.' } },
    { id: 'textenc', kind: 'model-server', label: 'Text encoder (XLM-R)', zone: ON, at: [8, 5.2], props: { tool: 'Triton', latencyMs: 30, notes: 'Post text, OCR text and comments; 70 languages.' } },
    { id: 'imgenc', kind: 'model-server', label: 'Image / frame encoder (ViT)', zone: ON, at: [8, 6.4], props: { tool: 'Triton (GPU)', latencyMs: 60, notes: 'Images and video thumbnails at post time.' } },
    {
      id: 'fusion', kind: 'model-server', label: 'Fusion + multi-task heads', zone: ON, at: [9, 6.0],
      props: { tool: 'Triton', latencyMs: 15, notes: 'One calibrated score per harm; includes the author feature fetch.' },
    },
    {
      id: 'enforce', kind: 'rules-engine', label: 'Enforcement policy', zone: ON, at: [10, 6.0],
      props: { tool: 'per-harm thresholds', latencyMs: 5, notes: 'Remove above a high threshold, demote or blur in the middle band, queue uncertain and severe cases.' },
    },
    {
      id: 'review', kind: 'human-review', label: 'Moderator review queue', zone: ON, at: [11, 7.5],
      props: { tool: 'moderators', notes: 'Ordered by severity x predicted reach, not arrival time.' },
    },
    { id: 'plog', kind: 'prediction-logging', label: 'Score and decision logs', zone: ON, at: [11, 6.0], props: { tool: 'feature and prediction logs' } },
    {
      id: 'shadow', kind: 'ab-test', label: 'Shadow mode, then A/B', zone: ON, at: [12, 4.9],
      props: { tool: 'shadow mode', notes: 'A new model scores live posts without acting; it may enforce only after matching moderators better than the live one.' },
    },
    { id: 'dash', kind: 'monitoring-dashboard', label: 'Monitoring and alerts', zone: ON, at: [12, 6.1], props: { tool: 'Prometheus, Grafana', notes: 'Prevalence, action rate per harm and language, review backlog, appeal overturns.' } },
    { id: 'drift', kind: 'drift-detection', label: 'Drift detection', zone: ON, at: [12, 7.3], props: { tool: 'Evidently (PSI)', notes: 'Score distribution per harm; new slang and meme formats.' } },
  ],
  edges: [
    ['client', 'api', 'request', 'new post'],
    ['client', 'reports', 'stream', 'reports, appeals'],
    ['media', 'dataset', 'data'],
    ['reports', 'lake', 'data', 'weak labels'],
    ['labeling', 'lake', 'data', 'labels'],
    ['lake', 'dataset', 'data'],
    ['lake', 'featpipe', 'data'],
    ['featpipe', 'fs', 'data'],
    ['dataset', 'train', 'data'],
    ['fs', 'train', 'data', 'point-in-time features'],
    ['orch', 'dataset', 'control'],
    ['orch', 'train', 'control'],
    ['train', 'eval', 'model'],
    ['eval', 'registry', 'model', 'approved + thresholds'],
    ['registry', 'textenc', 'model'],
    ['registry', 'imgenc', 'model'],
    ['registry', 'fusion', 'model'],
    ['api', 'textenc', 'request', 'text'],
    ['api', 'imgenc', 'request', 'images'],
    ['textenc', 'fusion', 'request', 'embedding'],
    ['imgenc', 'fusion', 'request', 'embedding'],
    ['fs', 'fusion', 'data', 'author features'],
    ['fusion', 'enforce', 'request', 'scores per harm'],
    ['enforce', 'review', 'data', 'uncertain, severe'],
    ['reports', 'review', 'data', 'reported posts'],
    ['review', 'labeling', 'data', 'decisions'],
    ['enforce', 'plog', 'data', 'scores, actions'],
    ['plog', 'shadow', 'data', 'shadow vs live'],
    ['plog', 'dash', 'data'],
    ['plog', 'drift', 'data'],
    ['shadow', 'registry', 'control', 'promote'],
    ['plog', 'labeling', 'feedback', 'uncertain samples'],
    ['drift', 'orch', 'control', 'retrain'],
  ],
};
