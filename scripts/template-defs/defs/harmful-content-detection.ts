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
    { id: OFF, label: 'Offline: labels, training and evaluation', zone: 'offline', cols: [0, 5] },
    { id: ON, label: 'Online: hash matching, scoring, enforcement and review', zone: 'online', cols: [0, 5] },
  ],
  nodes: [
    {
      id: 'req', kind: 'requirements', at: [0, 0],
      props: {
        goal: 'Act on harmful posts before they spread, with few wrongful takedowns',
        scale: '3B users, 500M new posts a day (6k/s on average, 15k/s at peak), text, images and video, 70 languages',
        qps: 15000, latencyBudgetMs: 300, realtime: true,
      },
    },
    {
      id: 'obj', kind: 'ml-objective', at: [1, 0],
      props: {
        task: 'classification',
        label: 'Multi-label: one label per harm from moderator decisions and upheld or overturned appeals; user reports as weak labels',
        labelSource: 'human-annotation',
        labelDelay: 'Moderator decisions within ~24 h; appeal outcomes up to 30 days later',
        positiveRate: 0.003,
        split: 'time',
        calibrated: true,
        loss: 'Sum of per-harm binary cross-entropy (multi-task heads), weighted for rare harms',
        offlineMetric: 'PR-AUC per harm; recall at 90 % precision, per language; calibration (ECE) of each head',
        onlineMetric: 'Prevalence (harmful views per 10k views, primary); proactive rate, appeal overturn rate and p99 latency as guardrails',
      },
    },
    {
      id: 'note-hash', kind: 'note', at: [2, 0],
      props: { text: 'Layers by cost: a hash match of known bad media (PDQ, PhotoDNA) removes re-uploads in ~5 ms; only the rest pays for the encoders.' },
    },
    {
      id: 'note-thresholds', kind: 'note', at: [3, 0],
      props: { text: 'Precision vs recall per harm: auto-remove only at very high precision; the uncertain middle band goes to human review.' },
    },
    {
      id: 'note-adversarial', kind: 'note', zone: OFF, at: [0, 3.1],
      props: { text: 'Adversaries adapt (misspellings, text in images): frequent retraining on fresh review decisions beats a perfect static model.' },
    },

    // Offline
    { id: 'labeling', kind: 'labeling', label: 'Labels: decisions and appeals', zone: OFF, at: [1, 4.1], props: { tool: 'moderator decisions + human raters', notes: 'Moderator decisions and appeal outcomes become labels; raters double-label a sample to measure label noise.' } },
    { id: 'lake', kind: 'data-warehouse', label: 'Labelled post archive', zone: OFF, at: [1, 3.1], props: { tool: 'Hive', notes: 'Posts, labels per harm, author features as of posting time.' } },
    { id: 'media', kind: 'object-storage', label: 'Post media and text', zone: OFF, at: [1, 2.1], props: { tool: 'S3' } },
    {
      id: 'dataset', kind: 'batch-etl', label: 'Training set builder', zone: OFF, at: [2, 3.1],
      props: { tool: 'Spark', notes: 'Dedupes near-identical posts, stratifies by harm and language, splits by time to avoid leakage.' },
    },
    { id: 'featpipe', kind: 'feature-pipeline', label: 'Author and reach features', zone: OFF, at: [2, 4.1], props: { tool: 'Spark', notes: 'Account age, prior strikes, follower count, share velocity.' } },
    { id: 'orch', kind: 'orchestrator', label: 'Training pipeline', zone: OFF, at: [4, 4.1], props: { tool: 'Airflow', notes: 'Heads retrained weekly, encoders fine-tuned monthly; drift alerts start a run.' } },
    {
      id: 'train', kind: 'training-job', label: 'Multimodal multi-task training', zone: OFF, at: [3, 3.1],
      props: { tool: 'PyTorch', notes: 'Text (XLM-R) and image (CLIP ViT) encoders, late fusion with author features, one head per harm, calibrated per harm.' },
    },
    {
      id: 'eval', kind: 'offline-eval', label: 'Offline evaluation', zone: OFF, at: [3, 4.1],
      props: { tool: 'held-out set', notes: 'PR-AUC per harm and language on the latest month of decisions; sets per-harm thresholds.' },
    },
    { id: 'registry', kind: 'model-registry', label: 'Model registry', zone: ON, at: [4, 6.3], props: { tool: 'MLflow Model Registry', notes: 'Encoders, heads and thresholds versioned together.' } },

    // Online: request path
    { id: 'client', kind: 'client-app', label: 'Social app', zone: ON, at: [0, 7.3], props: { tool: 'iOS, Android, web', latencyMs: 50, notes: 'Post upload; the check runs before the post is distributed.' } },
    { id: 'api', kind: 'prediction-api', label: 'Integrity service', zone: ON, at: [1, 7.3], props: { tool: 'gRPC', latencyMs: 10, notes: 'Called on every new or edited post, and again when reach crosses a threshold.' } },
    { id: 'hashbank', kind: 'database', label: 'Known-bad hash bank', zone: ON, at: [2, 6.3], props: { tool: 'PDQ / PhotoDNA hashes (industry lists + own removals)', notes: 'Hashes of media confirmed harmful: shared industry lists (child safety, terrorism) and our own confirmed removals.' } },
    {
      id: 'hashmatch', kind: 'rules-engine', label: 'Hash matching (PDQ, PhotoDNA)', zone: ON, at: [2, 7.3],
      props: { tool: 'PDQ, PhotoDNA, TMK+PDQF (video)', latencyMs: 5, notes: 'Perceptual hashes of each image and video; a near match is removed at once without the models.' },
    },
    { id: 'textenc', kind: 'model-server', label: 'Text encoder (XLM-R)', zone: ON, at: [3, 6.3], props: { tool: 'Triton', latencyMs: 30, notes: 'Post text, OCR text and comments; 70 languages.' } },
    { id: 'imgenc', kind: 'model-server', label: 'Image / frame encoder (ViT)', zone: ON, at: [3, 7.3], props: { tool: 'Triton (GPU)', latencyMs: 60, notes: 'Images and video thumbnails at post time; full frames when reach grows.' } },
    {
      id: 'fs', kind: 'feature-store', label: 'Feature store', zone: ON, at: [3, 9.3],
      props: { tool: 'Feast (Redis online)', latencyMs: 10, notes: 'Same author and reach features in training and at scoring time.' },
    },
    {
      id: 'fusion', kind: 'model-server', label: 'Fusion + multi-task heads', zone: ON, at: [4, 7.3],
      props: { fallback: 'Hash matching and text-only scores; uncertain posts held for review instead of distributed', tool: 'Triton', latencyMs: 15, notes: 'One calibrated score per harm.' },
    },
    {
      id: 'enforce', kind: 'rules-engine', label: 'Enforcement policy', zone: ON, at: [5, 7.3],
      props: { tool: 'per-harm thresholds', latencyMs: 5, notes: 'Remove above a high threshold, demote or blur in the middle band, queue uncertain and severe cases.' },
    },

    // Online: reach, review and monitoring
    { id: 'events', kind: 'event-log', label: 'Views, reports and appeals', zone: ON, at: [0, 8.3], props: { tool: 'Kafka topic', notes: 'Reports are weak labels: noisy and biased, but they surface what the model misses.' } },
    { id: 'reach', kind: 'stream-processor', label: 'Reach monitor', zone: ON, at: [2, 9.3], props: { tool: 'Flink', notes: 'Counts views per post; at 1k views re-scores with full frames, at 100k queues an unreviewed post for review.' } },
    {
      id: 'review', kind: 'human-review', label: 'Moderator review queue', zone: ON, at: [0, 9.3],
      props: { tool: 'moderators', notes: 'Ordered by severity x predicted reach; sized for ~0.5 % of posts plus appeals.' },
    },
    { id: 'plog', kind: 'prediction-logging', label: 'Score and decision logs', zone: ON, at: [4, 8.3], props: { tool: 'feature and prediction logs' } },
    {
      id: 'shadow', kind: 'ab-test', label: 'Shadow mode, then A/B', zone: ON, at: [4, 9.3],
      props: { tool: 'shadow mode', notes: 'A new model scores live posts without acting; it may enforce only after matching moderators better than the live one.' },
    },
    { id: 'dash', kind: 'monitoring-dashboard', label: 'Monitoring and alerts', zone: ON, at: [5, 8.3], props: { tool: 'Prometheus, Grafana', notes: 'Prevalence, action rate per harm and language, review backlog, appeal overturns.' } },
    { id: 'drift', kind: 'drift-detection', label: 'Drift detection', zone: ON, at: [5, 6.3], props: { tool: 'Evidently (PSI)', notes: 'Score distribution per harm; new slang and meme formats.' } },
  ],
  edges: [
    ['client', 'api', 'request'],
    ['client', 'events', 'stream', 'views, reports, appeals'],
    ['labeling', 'lake', 'data'],
    ['lake', 'dataset', 'data'],
    ['media', 'dataset', 'data'],
    ['lake', 'featpipe', 'data'],
    ['featpipe', 'fs', 'data'],
    ['dataset', 'train', 'data'],
    ['orch', 'train', 'control'],
    ['train', 'eval', 'model'],
    ['eval', 'registry', 'model', 'approved + thresholds'],
    ['registry', 'textenc', 'model'],
    ['registry', 'imgenc', 'model'],
    ['registry', 'fusion', 'model'],
    ['api', 'hashmatch', 'request'],
    ['hashbank', 'hashmatch', 'data'],
    ['hashmatch', 'textenc', 'request', 'no match'],
    ['hashmatch', 'imgenc', 'request'],
    ['textenc', 'fusion', 'request'],
    ['imgenc', 'fusion', 'request'],
    ['fs', 'fusion', 'data'],
    ['fusion', 'enforce', 'request'],
    ['enforce', 'plog', 'data'],
    ['enforce', 'review', 'data', 'uncertain, severe'],
    ['events', 'reach', 'stream'],
    ['reach', 'review', 'data', 'viral, unreviewed'],
    ['reach', 'api', 'request', 're-score'],
    ['review', 'labeling', 'feedback', 'decisions, appeals'],
    ['plog', 'shadow', 'data'],
    ['plog', 'dash', 'data'],
    ['plog', 'drift', 'data'],
    ['drift', 'orch', 'control', 'retrain'],
  ],
};
