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
    { id: OFF, label: 'Offline: data, training, evaluation and indexing', zone: 'offline', cols: [0, 5] },
    { id: ON, label: 'Online: query serving and monitoring', zone: 'online', cols: [0, 5] },
  ],
  nodes: [
    {
      id: 'req', kind: 'requirements', at: [0, 0],
      props: {
        goal: 'Return visually similar, shoppable images for a photo or a crop: more saves and product clicks per search',
        scale: '200M monthly users (~7M a day, ~5 searches each): ~35M visual searches a day (~400/s on average, ~1,500/s at peak); 5B catalogue images, +20M a day',
        qps: 1500, latencyBudgetMs: 300, realtime: true,
        dau: 7e6, requestsPerUserPerDay: 5, peakFactor: 3.7, items: 5e9,
        notes: 'Sizing: 7M daily searchers x 5 searches / 86,400 s = ~400/s; searches bunch in the evening and at weekends (peak factor ~3.7): ~1,500/s.',
      },
    },
    {
      id: 'obj', kind: 'ml-objective', at: [1, 0],
      props: {
        task: 'retrieval',
        label: 'Positive pairs: the query crop and the result clicked or saved; augmented views of one image for pretraining',
        labelSource: 'user-feedback',
        split: 'time',
        loss: 'Contrastive (InfoNCE) with in-batch and mined hard negatives',
        offlineMetric: 'Recall@100 and mAP on human-rated query sets, per category; MRR',
        onlineMetric: 'Saves and product clicks per search (primary); zero-click rate and p99 latency as guardrails',
      },
    },
    {
      id: 'note-switch', kind: 'note', at: [2, 0],
      props: { text: 'An encoder change costs a re-embed of 5B images (~20k GPU-hours) and two full indexes (2x memory) until the A/B test picks one.' },
    },
    {
      id: 'note-cost', kind: 'note', at: [3, 0],
      props: { text: 'Recall vs cost: 96-byte IVF-PQ codes find the top 1,000 (480 GB); exact re-scoring needs the full vectors: 5B x 768 x 2 B = 7.7 TB a replica.' },
    },
    {
      id: 'note-crop', kind: 'note', at: [4, 0],
      props: { text: 'Detect first: a street photo holds a bag, shoes and a coat. The user picks an object (the largest by default) and only that crop is embedded.' },
    },

    // Offline
    { id: 'lake', kind: 'data-warehouse', label: 'Data lake', zone: OFF, at: [1, 2.1], props: { tool: 'Delta Lake', notes: 'Search sessions: query crop, results shown with positions, clicks, saves, dwell.' } },
    { id: 'images', kind: 'object-storage', label: 'Catalogue images', zone: OFF, at: [5, 2.1], props: { tool: 'S3', notes: '5B images with product and seller metadata; +20M a day.' } },
    {
      id: 'pairs', kind: 'batch-etl', label: 'Training pairs', zone: OFF, at: [2, 2.1],
      props: { tool: 'Spark', notes: 'Query-save pairs plus self-supervised augmentations (crop, colour, blur); hard negatives: shown above the save but skipped.' },
    },
    { id: 'orch', kind: 'orchestrator', label: 'Training pipeline', zone: OFF, at: [2, 3.1], props: { tool: 'Kubeflow Pipelines', notes: 'Monthly fine-tune (an encoder change is expensive); a drift alert starts one early.' } },
    {
      id: 'encoder', kind: 'embedding-model', label: 'Image encoder (contrastive)', zone: OFF, at: [3, 2.1],
      props: { tool: 'SigLIP ViT-B/16 fine-tuned (PyTorch)', pretrained: false, notes: 'Starts from pretrained weights; 768-d normalised output (the ViT-B width), cosine similarity.' },
    },
    { id: 'labels', kind: 'labeling', label: 'Human relevance ratings', zone: OFF, at: [3, 3.1], props: { tool: 'human raters', notes: 'Rated query-result sets per category: clicks alone favour popular, eye-catching images.' } },
    { id: 'eval', kind: 'offline-eval', label: 'Offline evaluation', zone: OFF, at: [4, 2.1], props: { tool: 'held-out set', notes: 'Recall@100 and mAP on rated sets per category (fashion, home, food) and on last month\'s queries.' } },

    // Online: release
    { id: 'registry', kind: 'model-registry', label: 'Model registry', zone: OFF, at: [4, 3.1], props: { tool: 'MLflow Model Registry', notes: 'Encoder vN+1 is released only with its index; the query encoder and index versions are pinned together.' } },
    {
      id: 'embedjob', kind: 'batch-inference', label: 'Catalogue embedding job', zone: OFF, at: [5, 3.1],
      props: { tool: 'Ray batch (GPU)', notes: 'A new encoder: re-embeds all 5B images into index vN+1 (~2 days on 1,000 GPUs). New uploads: every 10 min into both indexes.' },
    },
    { id: 'annnext', kind: 'vector-db', label: 'ANN index vN+1 (new encoder)', zone: ON, at: [4, 5.3], props: {
        tool: 'FAISS (IVF-PQ, sharded)', latencyMs: 40,
        notes: 'Built next to the live index; serves the B arm (~10 % of traffic, one replica of the 7.68 TB of vN: 24 more shards while both live), replaces vN when the test wins.',
      }, },

    // Online: request path
    { id: 'client', kind: 'client-app', label: 'Camera / image app', zone: ON, at: [0, 5.3], props: { tool: 'iOS, Android, web', latencyMs: 60, notes: 'Uploads a resized JPEG (or a crop box); the network counts in the budget.' } },
    { id: 'api', kind: 'prediction-api', label: 'Visual search service', zone: ON, at: [1, 5.3], props: { tool: 'gRPC', latencyMs: 10, notes: 'Decodes and resizes the image; routes the A/B arm to its encoder and index version.' } },
    {
      id: 'detect', kind: 'model-server', label: 'Object detection and crop', zone: ON, at: [2, 5.3],
      props: { fallback: 'The whole image, uncropped', tool: 'Triton (RT-DETR fine-tuned on product classes)', latencyMs: 25, notes: 'Boxes for bags, shoes, furniture...; crops the chosen object.' },
    },
    {
      id: 'qenc', kind: 'model-server', label: 'Query image encoder', zone: ON, at: [3, 5.3],
      props: { fallback: 'Text search on the catalogue with the detected category and colour', tool: 'Triton (GPU, dynamic batching)', latencyMs: 20, notes: 'The same encoder version as the index it queries.' },
    },
    { id: 'ann', kind: 'vector-db', label: 'ANN index vN (live)', zone: ON, at: [4, 6.3], props: {
        tool: 'FAISS (IVF-PQ, sharded)', latencyMs: 40, items: 5e9, dimensions: 768, bytesPerDimension: 2, shards: 24, replicas: 3,
        notes: 'Top-1,000 by approximate cosine on the PQ codes, then exact re-scoring on the full vectors: 5B x 768 x 2 B (fp16; 15.4 TB in fp32) = 7.68 TB a replica, 24 shards of 320 GB on 512 GB nodes that also hold the codes (20 GB a shard). 3 replicas (23 TB) for 1,500 QPS and a zone failure.',
      }, },
    {
      id: 'rerank', kind: 're-ranking', label: 'Re-rank: duplicates, safety', zone: ON, at: [5, 5.3],
      props: { tool: 'business rules', latencyMs: 15, notes: 'Collapses near-duplicates, drops unsafe and out-of-stock items, keeps variety across sellers.' },
    },
    { id: 'meta', kind: 'database', label: 'Catalogue metadata', zone: ON, at: [5, 6.3], props: { tool: 'DynamoDB', notes: 'Safety flags, stock, seller, duplicate cluster id.' } },

    // Online: events and monitoring
    { id: 'events', kind: 'event-log', label: 'Search and click events', zone: ON, at: [0, 7.3], props: { tool: 'Kafka topic', notes: 'Query image id, results shown, clicks, saves, dwell.' } },
    {
      id: 'plog', kind: 'prediction-logging', label: 'Query and result log', zone: ON, at: [3, 6.3],
      props: { tool: 'feature and prediction logs', notes: 'Crop, encoder version, results with scores: what each arm showed.' },
    },
    { id: 'ab', kind: 'ab-test', label: 'A/B: encoder vN vs vN+1', zone: ON, at: [3, 7.3], props: { tool: 'A/B test', notes: 'Each arm queries its own index; ship on saves per search, guarded by zero-click rate and latency.' } },
    { id: 'dash', kind: 'monitoring-dashboard', label: 'Monitoring and alerts', zone: ON, at: [4, 7.3], props: { tool: 'Prometheus, Grafana', notes: 'p99 latency, zero-click rate, index lag, CTR by category.' } },
    { id: 'drift', kind: 'drift-detection', label: 'Query drift detection', zone: ON, at: [1, 6.3], props: { tool: 'Evidently', notes: 'Query-embedding distribution vs training: seasonal photos, new product types.' } },
  ],
  edges: [
    ['client', 'api', 'request'],
    ['client', 'events', 'stream', 'clicks, saves'],
    ['events', 'lake', 'stream'],
    ['lake', 'pairs', 'data'],
    ['pairs', 'encoder', 'data'],
    ['orch', 'pairs', 'control'],
    ['encoder', 'eval', 'model'],
    ['labels', 'eval', 'data', 'rated sets'],
    ['eval', 'registry', 'model', 'approved'],
    ['registry', 'qenc', 'model'],
    ['registry', 'detect', 'model'],
    ['registry', 'embedjob', 'model'],
    ['images', 'embedjob', 'data', 'new and all images'],
    ['annnext', 'ann', 'data', 'swap'],
    ['embedjob', 'annnext', 'data', 're-embed 5B'],
    ['api', 'detect', 'request', 'photo'],
    ['detect', 'qenc', 'request', 'crop'],
    ['qenc', 'ann', 'request'],
    ['qenc', 'annnext', 'request', 'B arm'],
    ['ann', 'rerank', 'request'],
    ['annnext', 'rerank', 'request'],
    ['meta', 'rerank', 'data'],
    ['rerank', 'plog', 'data'],
    ['plog', 'ab', 'data'],
    ['plog', 'dash', 'data'],
    ['plog', 'drift', 'data'],
    ['plog', 'events', 'feedback'],
    ['drift', 'orch', 'control', 'retrain'],
  ],
};
