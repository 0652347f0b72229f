import type { TemplateDef } from '../builder';

const OFF = 'offline';
const ON = 'online';

export const videoSearch: TemplateDef = {
  id: 'video-search',
  title: 'Video search',
  problem: 'video-search',
  brief:
    'Design the search of a YouTube-scale video platform: given a text query, return the most relevant videos out of a billion, using both what is shown and said in the videos and their titles and tags.',
  zones: [
    { id: OFF, label: 'Offline: data, training and indexing', zone: 'offline' },
    { id: ON, label: 'Online: indexing, serving and monitoring', zone: 'online' },
  ],
  nodes: [
    {
      id: 'req', kind: 'requirements', at: [0, 0],
      props: {
        goal: 'Return the most relevant videos for a text query: more watch time from search, fewer reformulations',
        scale: '2B users, ~3B searches a day, 1B videos (+3M uploads a day), 30+ languages',
        qps: 40000, latencyBudgetMs: 200, realtime: true,
      },
    },
    {
      id: 'obj', kind: 'ml-objective', at: [0, 1.3],
      props: {
        task: 'retrieval',
        label: '(query, video) positive when the click led to > 30 s of watch; human relevance grades for evaluation',
        loss: 'Contrastive (InfoNCE) between text and video towers; LambdaMART for the fusion ranker',
        offlineMetric: 'Recall@1000 of each retriever; nDCG@10 and MRR of the final list on rated queries',
        onlineMetric: 'Search CTR, watch time from search, reformulation and abandonment rate',
      },
    },
    { id: 'client', kind: 'client-app', label: 'Search box (apps, web)', at: [0, 6], props: { tool: 'iOS, Android, web', latencyMs: 40 } },
    {
      id: 'note-hybrid', kind: 'note', at: [0, 2.6],
      props: { text: 'Hybrid retrieval: the inverted index nails exact names and titles, the embeddings catch meaning and videos with poor titles.' },
    },
    {
      id: 'note-fresh', kind: 'note', at: [0, 3.9],
      props: { text: 'Freshness vs cost: titles and tags are searchable within a minute; frame embeddings and ASR follow within hours.' },
    },
    {
      id: 'note-bias', kind: 'note', at: [0, 7.5],
      props: { text: 'Click labels carry position bias: train on clicks with watch time, evaluate on human-graded queries.' },
    },

    // Offline
    { id: 'videos', kind: 'object-storage', label: 'Video files', zone: OFF, at: [1, 0], props: { tool: 'GCS' } },
    { id: 'events', kind: 'event-log', label: 'Search logs', zone: OFF, at: [1, 2.6], props: { tool: 'Kafka topic', notes: 'Query, results shown with positions, clicks, watch time.' } },
    {
      id: 'prep', kind: 'batch-inference', label: 'Frame sampling and ASR', zone: OFF, at: [2, 0],
      props: { tool: 'Ray batch (GPU), Whisper', notes: 'One frame per 2 s and a transcript per video; pretrained models, rerun only for new uploads.' },
    },
    { id: 'lake', kind: 'data-warehouse', label: 'Data lake', zone: OFF, at: [2, 2], props: { tool: 'BigQuery' } },
    { id: 'orch', kind: 'orchestrator', label: 'Training pipeline', zone: OFF, at: [2, 3.5], props: { tool: 'Airflow', notes: 'Weekly retrain of both models; a drift alert starts one early.' } },
    {
      id: 'pairs', kind: 'batch-etl', label: 'Query-video pairs', zone: OFF, at: [3, 1],
      props: { tool: 'Spark', notes: 'Positives: click + > 30 s watch; negatives: shown above the click but skipped, plus in-batch.' },
    },
    { id: 'featpipe', kind: 'feature-pipeline', label: 'Ranking features', zone: OFF, at: [3, 2.1], props: { tool: 'Spark', notes: 'Video popularity, freshness, channel authority, query-video language match.' } },
    {
      id: 'dual', kind: 'embedding-model', label: 'Text-video dual encoder', zone: OFF, at: [5, 0.3],
      props: { tool: 'CLIP-style two towers (PyTorch)', pretrained: false, notes: 'Text tower: multilingual BERT; video tower: ViT over frames + transcript. Starts from pretrained weights.' },
    },
    { id: 'rankertrain', kind: 'training-job', label: 'Fusion ranker training', zone: OFF, at: [5, 1.6], props: { tool: 'LightGBM (LambdaMART)' } },
    { id: 'labels', kind: 'labeling', label: 'Human relevance grades', zone: OFF, at: [5, 3], props: { tool: 'human raters', notes: '5-point grades on sampled queries, per language.' } },
    { id: 'eval', kind: 'offline-eval', label: 'Offline evaluation', zone: OFF, at: [6, 1], props: { tool: 'held-out set', notes: 'nDCG@10 on graded queries, recall@1000 per retriever, per-language slices.' } },
    { id: 'registry', kind: 'model-registry', label: 'Model registry', zone: OFF, at: [7, 1], props: { tool: 'MLflow Model Registry' } },
    { id: 'videmb', kind: 'batch-inference', label: 'Video embedding job', zone: OFF, at: [8, 0], props: { tool: 'Ray batch (GPU)', notes: 'Video tower over new uploads hourly; full re-embed on a new model.' } },

    // Online
    { id: 'meta', kind: 'database', label: 'Video metadata', zone: ON, at: [1, 7.6], props: { tool: 'MySQL', notes: 'Title, tags, description, language, upload time.' } },
    { id: 'indexer', kind: 'stream-processor', label: 'Near-real-time indexer', zone: ON, at: [3, 7.6], props: { tool: 'Flink', notes: 'Change stream of new and edited videos; adds transcripts when ASR finishes.' } },
    {
      id: 'fs', kind: 'feature-store', label: 'Feature store', zone: ON, at: [4, 8.8],
      props: { tool: 'Feast (Redis online)', notes: 'Same features for LambdaMART training and serving.' },
    },
    { id: 'api', kind: 'prediction-api', label: 'Search service', zone: ON, at: [7, 6], props: { tool: 'gRPC', latencyMs: 10, notes: 'Normalises and spell-corrects the query, detects language, fans out to both retrievers.' } },
    { id: 'qenc', kind: 'model-server', label: 'Query text encoder', zone: ON, at: [8, 5.2], props: { tool: 'Triton', latencyMs: 15, notes: 'Text tower; popular queries cached.' } },
    { id: 'ann', kind: 'vector-db', label: 'Video ANN index', zone: ON, at: [9, 5.2], props: { tool: 'Milvus (HNSW)', latencyMs: 20, notes: 'Top-500 by cosine.' } },
    { id: 'sidx', kind: 'search-index', label: 'Inverted index (titles, tags, transcripts)', zone: ON, at: [9, 7.6], props: { tool: 'Elasticsearch (BM25)', latencyMs: 25, notes: 'Top-500 lexical matches.' } },
    {
      id: 'fusion', kind: 'ranking', label: 'Fusion ranker', zone: ON, at: [10, 6.6],
      props: { fallback: 'Lexical results from the inverted index only', tool: 'GBDT (LambdaMART)', latencyMs: 35, notes: 'Merges both candidate lists; features: BM25, cosine, popularity, freshness. Includes the feature fetch.' },
    },
    {
      id: 'rerank', kind: 're-ranking', label: 'Re-rank and policy', zone: ON, at: [11, 6.6],
      props: { tool: 'diversity, freshness, business rules', latencyMs: 10, notes: 'Collapses re-uploads, removes policy-flagged videos, diversifies channels, boosts fresh news.' },
    },
    { id: 'plog', kind: 'prediction-logging', label: 'Query and result logging', zone: ON, at: [12, 6.6], props: { tool: 'feature and prediction logs' } },
    { id: 'ab', kind: 'ab-test', label: 'A/B and interleaving', zone: ON, at: [13, 5.4], props: { tool: 'interleaving', notes: 'Interleaving detects ranking wins with 10x less traffic; A/B confirms watch time.' } },
    { id: 'dash', kind: 'monitoring-dashboard', label: 'Monitoring and alerts', zone: ON, at: [13, 6.6], props: { tool: 'Prometheus, Grafana', notes: 'p99 latency, zero-result rate, index lag, CTR by language.' } },
    { id: 'drift', kind: 'drift-detection', label: 'Query drift detection', zone: ON, at: [13, 7.8], props: { tool: 'Evidently', notes: 'New query topics (news events) and embedding drift.' } },
  ],
  edges: [
    ['client', 'api', 'request', 'query'],
    ['client', 'events', 'stream', 'clicks, watch time'],
    ['videos', 'prep', 'data'],
    ['prep', 'pairs', 'data', 'frames, transcripts'],
    ['prep', 'videmb', 'data', 'frames'],
    ['prep', 'indexer', 'data', 'transcripts'],
    ['events', 'lake', 'data'],
    ['meta', 'lake', 'data'],
    ['meta', 'indexer', 'data', 'changes'],
    ['indexer', 'sidx', 'stream', 'upserts'],
    ['lake', 'pairs', 'data'],
    ['lake', 'featpipe', 'data'],
    ['featpipe', 'fs', 'data'],
    ['pairs', 'dual', 'data'],
    ['pairs', 'rankertrain', 'data', 'click labels'],
    ['fs', 'rankertrain', 'data', 'point-in-time features'],
    ['orch', 'pairs', 'control'],
    ['orch', 'dual', 'control'],
    ['orch', 'rankertrain', 'control'],
    ['dual', 'eval', 'model'],
    ['rankertrain', 'eval', 'model'],
    ['labels', 'eval', 'data', 'graded queries'],
    ['eval', 'registry', 'model', 'approved'],
    ['registry', 'videmb', 'model', 'video tower'],
    ['registry', 'qenc', 'model', 'text tower'],
    ['registry', 'fusion', 'model'],
    ['videmb', 'ann', 'data', 'video embeddings'],
    ['api', 'qenc', 'request'],
    ['qenc', 'ann', 'request', 'query vector'],
    ['api', 'sidx', 'request', 'query terms'],
    ['ann', 'fusion', 'request', 'semantic top-500'],
    ['sidx', 'fusion', 'request', 'lexical top-500'],
    ['fs', 'fusion', 'data', 'online features'],
    ['fusion', 'rerank', 'request'],
    ['rerank', 'plog', 'data', 'results shown'],
    ['plog', 'ab', 'data', 'metrics per arm'],
    ['plog', 'dash', 'data'],
    ['plog', 'drift', 'data'],
    ['ab', 'registry', 'control', 'promote'],
    ['plog', 'lake', 'feedback', 'logged features'],
    ['drift', 'orch', 'control', 'retrain'],
  ],
};
