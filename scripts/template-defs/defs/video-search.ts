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
    { id: OFF, label: 'Offline: content understanding, training and evaluation', zone: 'offline', cols: [0, 5] },
    { id: ON, label: 'Online: indexing, query serving and monitoring', zone: 'online', cols: [0, 5] },
  ],
  nodes: [
    {
      id: 'req', kind: 'requirements', at: [0, 0],
      props: {
        goal: 'Return the most relevant videos for a text query: more watch time from search, fewer reformulations',
        scale: '2B users (~1B a day, ~3 searches each): ~3B searches a day (~35k/s on average, ~80k/s at peak); 1B videos, +3M uploads a day, 30+ languages',
        qps: 80000, latencyBudgetMs: 200, realtime: true,
        dau: 1e9, requestsPerUserPerDay: 3, peakFactor: 2.3, items: 1e9,
        eventsPerDay: 3e9, bytesPerEvent: 1000, retentionDays: 7,
        notes: 'Sizing: 1B daily users x 3 searches / 86,400 s = ~35k/s, x 2.3 at the evening peak = ~80k/s. Search logs: one ~1 KB record per search (query, results with positions, clicks, watch time), 7 days in Kafka before the lake.',
      },
    },
    {
      id: 'obj', kind: 'ml-objective', at: [1, 0],
      props: {
        task: 'retrieval',
        label: '(query, video) positive when the click led to > 30 s of watch; human relevance grades for evaluation',
        labelSource: 'user-feedback',
        split: 'time',
        loss: 'Contrastive (InfoNCE) between text and video towers; LambdaMART with position-debiased clicks for the fusion ranker',
        offlineMetric: 'Recall@500 of each retriever; NDCG@10 and MRR of the final list on graded queries, per language',
        onlineMetric: 'Watch time from search (primary); reformulation rate, abandonment and p99 latency as guardrails',
      },
    },
    {
      id: 'note-hybrid', kind: 'note', at: [2, 0],
      props: { text: 'Hybrid retrieval: the inverted index nails names, titles and what is said (transcripts); embeddings catch meaning and videos with poor titles.' },
    },
    {
      id: 'note-fresh', kind: 'note', at: [3, 0],
      props: { text: 'Freshness vs cost: title and tags are searchable within a minute of upload; transcripts follow in ~1 h, frame embeddings within hours.' },
    },
    {
      id: 'note-bias', kind: 'note', zone: OFF, at: [5, 2.1],
      props: { text: 'Click labels carry position bias: train on clicks with watch time and a position feature; judge on human-graded queries.' },
    },

    // Offline
    { id: 'videos', kind: 'object-storage', label: 'Video files', zone: OFF, at: [0, 3.1], props: { tool: 'GCS', notes: 'Uploads land here before processing.' } },
    {
      id: 'asr', kind: 'batch-inference', label: 'Speech-to-text and frame sampling', zone: OFF, at: [1, 4.1],
      props: { tool: 'Ray batch (GPU), Whisper large-v3', notes: 'A transcript per video (language detected) and one frame per 2 s; pretrained models, run once per upload.' },
    },
    { id: 'lake', kind: 'data-warehouse', label: 'Data lake', zone: OFF, at: [1, 2.1], props: { tool: 'BigQuery', notes: 'Search logs with served features, video metadata, transcripts.' } },
    {
      id: 'pairs', kind: 'batch-etl', label: 'Query-video pairs', zone: OFF, at: [1, 3.1],
      props: { tool: 'Spark', notes: 'Positives: click + > 30 s watch; negatives: shown above the click but skipped, plus in-batch; joins each video\'s transcript and frames.' },
    },
    { id: 'orch', kind: 'orchestrator', label: 'Training pipeline', zone: OFF, at: [0, 4.1], props: { tool: 'Airflow', notes: 'Weekly retrain of both models; a drift alert starts one early.' } },
    {
      id: 'dual', kind: 'embedding-model', label: 'Text-video dual encoder', zone: OFF, at: [2, 2.1],
      props: { tool: 'two towers (PyTorch)', pretrained: false, notes: 'Text tower: multilingual BERT; video tower: ViT over frames + transcript; both project to 256-d. Starts from pretrained weights.' },
    },
    { id: 'rankertrain', kind: 'training-job', label: 'Fusion ranker training', zone: OFF, at: [2, 3.1], props: { tool: 'LightGBM (LambdaMART)', notes: 'Features: BM25 per field, cosine, popularity, freshness, language match, position (debiasing).' } },
    { id: 'labels', kind: 'labeling', label: 'Human relevance grades', zone: OFF, at: [2, 4.1], props: { tool: 'human raters', notes: '5-point grades on ~20k sampled queries per language and quarter.' } },
    { id: 'eval', kind: 'offline-eval', label: 'Offline evaluation', zone: OFF, at: [3, 3.1], props: { tool: 'held-out set', notes: 'NDCG@10 on graded queries, recall@500 per retriever, per-language slices; must beat production.' } },
    { id: 'registry', kind: 'model-registry', label: 'Model registry', zone: OFF, at: [3, 4.1], props: { tool: 'MLflow Model Registry', notes: 'Text and video towers versioned together with their index.' } },
    { id: 'videmb', kind: 'batch-inference', label: 'Video embedding job', zone: OFF, at: [4, 4.1], props: { tool: 'Ray batch (GPU)', notes: 'Samples frames from the video files and embeds them with the video tower: new uploads hourly, a full re-embed into a new index on a new model.' } },

    // Online: indexing
    { id: 'meta', kind: 'database', label: 'Video metadata', zone: ON, at: [1, 8.3], props: { tool: 'MySQL', notes: 'Title, tags, description, language, upload time, channel.' } },
    { id: 'indexer', kind: 'stream-processor', label: 'Near-real-time indexer', zone: ON, at: [2, 7.3], props: { tool: 'Flink', notes: 'Change stream of new and edited videos (and their view counts) into the index within a minute; adds the transcript when speech-to-text finishes.' } },

    // Online: request path
    { id: 'client', kind: 'client-app', label: 'Search box (apps, web)', zone: ON, at: [0, 7.3], props: { tool: 'iOS, Android, web', latencyMs: 40 } },
    { id: 'api', kind: 'prediction-api', label: 'Search service', zone: ON, at: [1, 7.3], props: { tool: 'gRPC', latencyMs: 10, notes: 'Paginates, caches head queries (~30 % of traffic) for 5 min.' } },
    {
      id: 'qu', kind: 'model-server', label: 'Query understanding and text encoder', zone: ON, at: [2, 6.3],
      props: { parallel: true, tool: 'Triton (BERT: spelling, language, intent; text tower)', latencyMs: 20, notes: 'Spell correction, language ID, intent (music, how-to, news), rewrites, and the query vector from the text tower; queries both retrievers in parallel.' },
    },
    { id: 'ann', kind: 'vector-db', label: 'Video ANN index', zone: ON, at: [3, 6.3], props: {
        tool: 'Milvus (HNSW)', latencyMs: 20, items: 1e9, dimensions: 256, bytesPerDimension: 2, shards: 4, replicas: 40,
        notes: 'Top-500 by cosine. 1B videos x 256 dims x 2 B (fp16) = 512 GB a replica: 4 shards of 128 GB (+~64 GB of HNSW links each). ~1.5k QPS per shard node at recall 0.95 (assumed; measure it): 80k QPS less ~30 % from the head-query cache needs ~40 replicas, 160 nodes.',
      } },
    { id: 'sidx', kind: 'search-index', label: 'Inverted index: titles, tags, transcripts', zone: ON, at: [3, 7.3], props: { tool: 'Elasticsearch (BM25)', latencyMs: 25, notes: 'Per-field BM25; transcripts catch what is said but not written.' } },
    {
      id: 'fusion', kind: 'ranking', label: 'Fusion ranker', zone: ON, at: [4, 7.3],
      props: { fallback: 'Lexical results from the inverted index only', tool: 'GBDT (LambdaMART)', latencyMs: 35, candidates: 800, costPerCandidateUs: 15, replicas: 1200,
        notes: 'Merges both top-500 lists and scores ~800 videos on BM25 per field, cosine, and the popularity and freshness fields of the index documents. ~15 µs a candidate for ~500 trees on one core: 12 ms a query; 80k QPS x 800 = 64M scores/s keep ~960 cores busy, 1,200 with headroom.',
      },
    },
    {
      id: 'rerank', kind: 're-ranking', label: 'Re-rank and policy', zone: ON, at: [5, 7.3],
      props: { tool: 'diversity, freshness, business rules', latencyMs: 10, notes: 'Collapses re-uploads, removes policy-flagged videos, diversifies channels, boosts fresh news.' },
    },

    // Online: events and monitoring
    { id: 'events', kind: 'event-log', label: 'Search logs', zone: ON, at: [0, 9.3], props: { tool: 'Kafka topic', notes: 'Query, results shown with positions, clicks, watch time.' } },
    { id: 'plog', kind: 'prediction-logging', label: 'Query and result logging', zone: ON, at: [4, 8.3], props: { logsFeatures: true, tool: 'feature and prediction logs', notes: 'Results with the features and scores used: the ranker\'s training rows.' } },
    { id: 'ab', kind: 'ab-test', label: 'Interleaving, then A/B', zone: ON, at: [3, 9.3], props: { tool: 'interleaving, A/B test', notes: 'Interleaving finds ranking wins with ~10x less traffic; A/B confirms watch time and latency.' } },
    { id: 'dash', kind: 'monitoring-dashboard', label: 'Monitoring and alerts', zone: ON, at: [5, 8.3], props: { tool: 'Prometheus, Grafana', notes: 'p99 latency, zero-result rate, index lag, CTR by language.' } },
    { id: 'drift', kind: 'drift-detection', label: 'Query drift detection', zone: ON, at: [1, 6.3], props: { tool: 'Evidently', notes: 'New query topics (news events) and embedding drift.' } },
  ],
  edges: [
    ['client', 'api', 'request'],
    ['client', 'events', 'stream', 'clicks, watch time'],
    ['videos', 'asr', 'data'],
    ['asr', 'indexer', 'data', 'transcripts'],
    ['events', 'lake', 'stream'],
    ['meta', 'indexer', 'data', 'changes'],
    ['indexer', 'sidx', 'stream'],
    ['lake', 'pairs', 'data'],
    ['pairs', 'dual', 'data'],
    ['pairs', 'rankertrain', 'data'],
    ['orch', 'pairs', 'control'],
    ['dual', 'eval', 'model'],
    ['rankertrain', 'eval', 'model'],
    ['labels', 'eval', 'data', 'graded queries'],
    ['eval', 'registry', 'model'],
    ['registry', 'videmb', 'model'],
    ['registry', 'qu', 'model', 'text tower'],
    ['registry', 'fusion', 'model'],
    ['videmb', 'ann', 'data'],
    ['api', 'qu', 'request'],
    ['qu', 'ann', 'request'],
    ['qu', 'sidx', 'request', 'rewritten query'],
    ['ann', 'fusion', 'request'],
    ['sidx', 'fusion', 'request'],
    ['fusion', 'rerank', 'request'],
    ['rerank', 'plog', 'data'],
    ['plog', 'ab', 'data'],
    ['plog', 'dash', 'data'],
    ['events', 'drift', 'stream'],
    ['plog', 'events', 'feedback'],
    ['drift', 'orch', 'control', 'retrain'],
  ],
};
