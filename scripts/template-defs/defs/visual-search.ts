import type { TemplateDef } from '../builder';

const OFF = 'offline';
const ON = 'online';

export const visualSearch: TemplateDef = {
  id: 'visual-search',
  title: 'Visual search',
  problem: 'visual-search',
  brief:
    'Design a visual search system like Pinterest Lens: a user takes a photo or crops part of an image and gets visually similar images and products from a catalogue of billions, ranked by similarity.',
  zones: [
    { id: OFF, label: 'Offline: data, training and indexing', zone: 'offline' },
    { id: ON, label: 'Online: query serving and monitoring', zone: 'online' },
  ],
  nodes: [
    {
      id: 'req', kind: 'requirements', at: [0, 0],
      props: {
        goal: 'Return visually similar, shoppable images for a photo or crop; more clicks and saves on results',
        scale: '200M monthly users, 1B visual searches a month, 5B catalogue images (+20M a day)',
        qps: 1500, latencyBudgetMs: 300, realtime: true,
      },
    },
    {
      id: 'obj', kind: 'ml-objective', at: [0, 1.3],
      props: {
        task: 'retrieval',
        label: 'Positive pairs: query image and the result the user clicked or saved; augmented views of one image',
        loss: 'Contrastive (InfoNCE) with in-batch and mined hard negatives',
        offlineMetric: 'Recall@K and mAP on human-rated query sets; MRR',
        onlineMetric: 'Result CTR, saves and product clicks per search, zero-click rate',
      },
    },
    { id: 'client', kind: 'client-app', label: 'Camera / image app', at: [0, 6], props: { tool: 'iOS, Android, web', latencyMs: 60, notes: 'Uploads a resized JPEG (or a crop box); the network counts in the budget.' } },
    {
      id: 'note-version', kind: 'note', at: [0, 2.6],
      props: { text: 'Query and catalogue vectors must come from the same encoder: a new model means re-embedding 5B images and a blue/green index swap.' },
    },
    {
      id: 'note-cost', kind: 'note', at: [0, 3.9],
      props: { text: 'Recall vs cost: IVF-PQ compresses 5B vectors to fit in memory; exact re-scoring of the top-1000 recovers precision.' },
    },
    {
      id: 'note-fresh', kind: 'note', at: [0, 7.5],
      props: { text: 'Freshness: new images are embedded in 10-minute micro-batches; a full rebuild only when the encoder changes.' },
    },

    // Offline
    { id: 'images', kind: 'object-storage', label: 'Catalogue images', zone: OFF, at: [1, 3], props: { tool: 'S3' } },
    { id: 'events', kind: 'event-log', label: 'Search and click events', zone: OFF, at: [1, 1], props: { tool: 'Kafka topic', notes: 'Query image id, results shown, clicks, saves, dwell.' } },
    { id: 'lake', kind: 'data-warehouse', label: 'Data lake', zone: OFF, at: [2, 1], props: { tool: 'Delta Lake' } },
    { id: 'orch', kind: 'orchestrator', label: 'Training pipeline', zone: OFF, at: [2, 0], props: { tool: 'Kubeflow Pipelines', notes: 'Weekly fine-tune; a drift alert starts one early.' } },
    {
      id: 'pairs', kind: 'batch-etl', label: 'Training pairs', zone: OFF, at: [3, 1.9],
      props: { tool: 'Spark', notes: 'Query-click pairs plus self-supervised augmentations (crop, colour, blur); hard negatives from results shown but skipped.' },
    },
    {
      id: 'encoder', kind: 'embedding-model', label: 'Image encoder (contrastive)', zone: OFF, at: [4, 1.5],
      props: { tool: 'CLIP ViT-B/16 fine-tuned (PyTorch)', pretrained: false, notes: 'Starts from a pretrained ViT; fine-tuned on engagement pairs. 256-d normalised output, cosine similarity.' },
    },
    { id: 'labels', kind: 'labeling', label: 'Human relevance ratings', zone: OFF, at: [4, 0.2], props: { tool: 'human raters', notes: 'Rated query-result sets for evaluation; clicks alone favour popular, eye-catching images.' } },
    { id: 'eval', kind: 'offline-eval', label: 'Offline evaluation', zone: OFF, at: [5, 1.5], props: { tool: 'held-out set', notes: 'Recall@K and mAP on rated sets, per category (fashion, home, food).' } },
    { id: 'registry', kind: 'model-registry', label: 'Model registry', zone: OFF, at: [6, 1.5], props: { tool: 'MLflow Model Registry' } },
    {
      id: 'embedjob', kind: 'batch-inference', label: 'Catalogue embedding job', zone: OFF, at: [7, 3],
      props: { tool: 'Ray batch (GPU)', notes: 'Embeds new images every 10 min; re-embeds all 5B on a new encoder.' },
    },

    // Online
    { id: 'api', kind: 'prediction-api', label: 'Visual search service', zone: ON, at: [6, 6], props: { tool: 'gRPC', latencyMs: 10, notes: 'Decodes and resizes the image, applies the crop box.' } },
    { id: 'qenc', kind: 'model-server', label: 'Query image encoder', zone: ON, at: [7, 6], props: { fallback: 'Text search on the catalogue with category and colour filters', tool: 'Triton (GPU, dynamic batching)', latencyMs: 25 } },
    {
      id: 'ann', kind: 'vector-db', label: 'ANN index (5B vectors)', zone: ON, at: [8, 6],
      props: { tool: 'FAISS (IVF-PQ, sharded)', latencyMs: 40, notes: 'Top-1000 by approximate cosine, then exact re-scoring.' },
    },
    {
      id: 'rerank', kind: 're-ranking', label: 'Re-rank: duplicates, safety', zone: ON, at: [9, 6],
      props: { tool: 'business rules', latencyMs: 15, notes: 'Collapses near-duplicates, drops unsafe and out-of-stock items, keeps variety across sellers.' },
    },
    { id: 'meta', kind: 'database', label: 'Catalogue metadata', zone: ON, at: [8, 7.4], props: { tool: 'DynamoDB', notes: 'Safety flags, stock, seller, duplicate cluster id.' } },
    { id: 'plog', kind: 'prediction-logging', label: 'Query and result logs', zone: ON, at: [10, 6], props: { tool: 'feature and prediction logs' } },
    { id: 'ab', kind: 'ab-test', label: 'A/B experiments', zone: ON, at: [11, 4.9], props: { tool: 'A/B test', notes: 'A new encoder ships with its own index; compare saves and product clicks per search.' } },
    { id: 'dash', kind: 'monitoring-dashboard', label: 'Monitoring and alerts', zone: ON, at: [11, 6.1], props: { tool: 'Prometheus, Grafana', notes: 'p99 latency, zero-click rate, index lag, CTR by category.' } },
    { id: 'drift', kind: 'drift-detection', label: 'Query drift detection', zone: ON, at: [11, 7.3], props: { tool: 'Evidently', notes: 'Query-embedding distribution vs training (seasonal photos, new product types).' } },
  ],
  edges: [
    ['client', 'api', 'request', 'photo or crop'],
    ['client', 'events', 'stream', 'clicks, saves'],
    ['images', 'pairs', 'data'],
    ['images', 'embedjob', 'data', 'new and all images'],
    ['events', 'lake', 'data'],
    ['lake', 'pairs', 'data', 'engaged pairs'],
    ['pairs', 'encoder', 'data'],
    ['orch', 'pairs', 'control'],
    ['orch', 'encoder', 'control'],
    ['encoder', 'eval', 'model'],
    ['labels', 'eval', 'data', 'rated sets'],
    ['eval', 'registry', 'model', 'approved'],
    ['registry', 'embedjob', 'model', 'same encoder'],
    ['registry', 'qenc', 'model'],
    ['embedjob', 'ann', 'data', 'catalogue vectors'],
    ['api', 'qenc', 'request', 'image'],
    ['qenc', 'ann', 'request', 'query vector'],
    ['ann', 'rerank', 'request', 'top-1000'],
    ['meta', 'rerank', 'data', 'flags, stock'],
    ['rerank', 'plog', 'data', 'results shown'],
    ['plog', 'ab', 'data', 'metrics per arm'],
    ['plog', 'dash', 'data'],
    ['plog', 'drift', 'data'],
    ['ab', 'registry', 'control', 'promote'],
    ['plog', 'lake', 'feedback', 'queries, results'],
    ['drift', 'orch', 'control', 'retrain'],
  ],
};
