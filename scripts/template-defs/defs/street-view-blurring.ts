import type { TemplateDef } from '../builder';

/** Street-view blurring: an offline-only batch system; detector on tiles -> recall-first policy -> blur -> publish. */
export const streetViewBlurring: TemplateDef = {
  id: 'street-view-blurring',
  title: 'Street view blurring',
  problem: 'generic',
  brief:
    'Design a system that detects and blurs faces and licence plates in street-level panoramas before they are published, for a mapping product that captures hundreds of millions of images a month.',
  zones: [{ id: 'offline', label: 'Offline: batch detection, blurring, review, archive re-processing and retraining', zone: 'offline', cols: [0, 5] }],
  nodes: [
    {
      id: 'req', kind: 'requirements', at: [0, 0],
      props: {
        goal: 'Publish street imagery only after every face and licence plate is blurred (privacy law), with little over-blurring',
        scale: '~100M new panoramas/month (~8 tiles each) plus a 1B-image archive backfill',
        realtime: false,
        eventsPerDay: 3.33e6, bytesPerEvent: 8e6, retentionDays: 1095,
        notes: 'A batch system: throughput and recall matter, latency does not; imagery is published only once processed. Sizing: 100M panoramas a month = 3.33M a day at ~8 MB (8 tiles of ~1 MB JPEG); originals kept ~3 years (until recaptured) for re-processing.',
      },
    },
    {
      id: 'obj', kind: 'ml-objective', at: [1, 0],
      props: {
        task: 'detection',
        label: 'Bounding boxes of faces and licence plates drawn by human annotators, including tiny, blurred and occluded ones; split by capture drive so near-duplicate tiles never straddle train and test',
        labelSource: 'human-annotation',
        positiveRate: 0.3,
        split: 'group',
        calibrated: false,
        loss: 'Focal loss (classification) + GIoU loss (box regression)',
        offlineMetric: 'Recall at IoU 0.3 (target >= 99.5%) by box size, country and lighting; precision second',
        onlineMetric: 'Privacy complaints (missed blurs) per million published images (primary); share of tiles sent to review and over-blur rate as guardrails',
      },
    },
    {
      id: 'note-recall', kind: 'note', at: [2, 0],
      props: { text: 'Recall over precision: a missed face is a privacy breach, a blurred tree costs little. Thresholds target >= 99.5% recall on every slice.' },
    },
    {
      id: 'note-batch', kind: 'note', at: [3, 0],
      props: { text: 'Batch, not online: imagery can wait hours before publishing, so use large models, multi-scale inference and cheap preemptible GPUs.' },
    },

    // Batch pipeline
    {
      id: 'raw', kind: 'object-storage', label: 'Raw panoramas', zone: 'offline', at: [0, 3.1],
      props: { tool: 'GCS', notes: 'Unblurred originals: encrypted, restricted access, never published.' },
    },
    {
      id: 'iqa', kind: 'data-validation', label: 'Image QA', zone: 'offline', at: [1, 2.1],
      props: { tool: 'image checks (exposure, corruption, GPS)', notes: 'Drops corrupt, black or badly exposed captures before they use GPU time.' },
    },
    {
      id: 'tile', kind: 'batch-etl', label: 'Tiling & preprocessing', zone: 'offline', at: [2, 2.1],
      props: { tool: 'Beam', notes: 'Cuts 360-degree panoramas into overlapping, undistorted tiles so faces at tile edges are not missed.' },
    },
    {
      id: 'bi', kind: 'batch-inference', label: 'Face & plate detector', zone: 'offline', at: [3, 2.1],
      props: { tool: 'Ray batch (GPU)', notes: 'Runs the registered detector on ~1B tiles a month, multi-scale for tiny faces; the archive backfill runs on spare capacity.' },
    },
    {
      id: 'policy', kind: 'rules-engine', label: 'Blur policy', zone: 'offline', at: [4, 2.1],
      props: { tool: 'thresholds per class', notes: 'Low thresholds for >= 99.5% recall: blur when in doubt; mid-confidence tiles also go to review.' },
    },
    {
      id: 'blur', kind: 'custom', label: 'Blurring', zone: 'offline', at: [5, 2.1],
      props: { stage: 'serving', tool: 'OpenCV (Gaussian blur + mask)', notes: 'Irreversible blur of each box plus a margin, stitched back into the panorama.' },
    },
    {
      id: 'pub', kind: 'object-storage', label: 'Published imagery', zone: 'offline', at: [5, 3.1],
      props: { tool: 'GCS + CDN', notes: 'Only blurred panoramas ever reach the public.' },
    },
    {
      id: 'lab', kind: 'labeling', label: 'Box annotation', zone: 'offline', at: [5, 4.1],
      props: { tool: 'Label Studio (human raters)', notes: 'Raters draw face and plate boxes; double annotation on a sample for quality; the active-learning queue (low-confidence and reported tiles) comes first.' },
    },
    {
      id: 'train', kind: 'training-job', label: 'Detector training', zone: 'offline', at: [1, 5.1],
      props: { tool: 'PyTorch (RetinaNet)', notes: 'Pretrained backbone fine-tuned on two classes; heavy augmentation (motion blur, night, rain).' },
    },
    {
      id: 'eval', kind: 'offline-eval', label: 'Recall-first evaluation', zone: 'offline', at: [2, 5.1],
      props: { tool: 'held-out set', notes: 'Recall by box size, country, lighting and camera; a new model may not lose recall on any slice.' },
    },
    {
      id: 'reg', kind: 'model-registry', label: 'Model registry', zone: 'offline', at: [2, 4.1],
      props: { tool: 'MLflow Model Registry', notes: 'Each published image records the detector version, so a fix can re-process what an old model saw.' },
    },
    {
      id: 'review', kind: 'human-review', label: 'Review queue', zone: 'offline', at: [4, 3.1],
      props: {
        tool: 'trained reviewers', itemsPerDay: 26666667, reviewShare: 0.01, reviewsPerHour: 600, reviewers: 80,
        notes: 'Sized for ~1 % of ~800M tiles a month (26.7M a day) = 8M reviews a month at ~6 s each (600 an hour): ~440 reviewer-hours a day, 75 reviewers on shift at 6 productive hours; 80 staffed (~110 people with weekends). The policy band is tuned to that capacity.',
      },
    },
    {
      id: 'dash', kind: 'monitoring-dashboard', label: 'Pipeline dashboards', zone: 'offline', at: [5, 5.1],
      props: { tool: 'Prometheus, Grafana', notes: 'Throughput, backlog, share sent to review, blurred area per image, complaints.' },
    },
    {
      id: 'reproc', kind: 'batch-inference', label: 'Archive re-processing', zone: 'offline', at: [3, 3.1],
      props: { tool: 'Ray batch (preemptible GPUs)', notes: 'When a detector with better recall ships, re-runs it on the originals of everything published by older versions (the log says which) and re-blurs the new finds.' },
    },
    {
      id: 'orch', kind: 'orchestrator', label: 'Retraining pipeline', zone: 'offline', at: [1, 4.1],
      props: { tool: 'Kubeflow Pipelines', notes: 'Monthly retrain once enough new labels arrive, or early on a drift alert.' },
    },
    {
      id: 'reports', kind: 'external-data', label: 'User blur requests', zone: 'offline', at: [3, 4.1],
      props: { tool: '"Report a problem" form', notes: 'People ask for a face, plate or house to be blurred: a legal duty and a signal of misses.' },
    },
    {
      id: 'log', kind: 'prediction-logging', label: 'Detection log', zone: 'offline', at: [4, 5.1],
      props: { logsFeatures: true, tool: 'feature and prediction logs', notes: 'Boxes, scores and policy decisions per tile, with the model version.' },
    },
    {
      id: 'drift', kind: 'drift-detection', label: 'Drift detection', zone: 'offline', at: [3, 5.1],
      props: { tool: 'Evidently', notes: 'Score and box-count distributions per country and camera: new regions, rigs or snow shift them.' },
    },
  ],
  edges: [
    ['raw', 'iqa', 'data'],
    ['iqa', 'tile', 'data'],
    ['tile', 'bi', 'data'],
    ['bi', 'policy', 'data'],
    ['policy', 'blur', 'data'],
    ['policy', 'review', 'data', 'uncertain tiles'],
    ['reports', 'review', 'data'],
    ['review', 'blur', 'data', 'corrected boxes'],
    ['blur', 'pub', 'data'],
    ['raw', 'lab', 'data'],
    ['lab', 'train', 'data'],
    ['train', 'eval', 'model'],
    ['eval', 'reg', 'model'],
    ['reg', 'bi', 'model'],
    ['bi', 'log', 'data'],
    ['log', 'dash', 'data'],
    ['log', 'drift', 'data'],
    ['log', 'lab', 'feedback'],
    ['review', 'lab', 'feedback', 'corrections'],
    ['orch', 'train', 'control'],
    ['reg', 'reproc', 'model'],
    ['raw', 'reproc', 'data'],
    ['reproc', 'policy', 'data'],
    ['drift', 'orch', 'control', 'retrain'],
  ],
};
