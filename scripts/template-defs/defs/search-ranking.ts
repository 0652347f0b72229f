import type { TemplateDef } from '../builder';

/** Search ranking: query understanding -> lexical + embedding retrieval -> learning-to-rank -> business rules. */
export const searchRanking: TemplateDef = {
  id: 'search-ranking',
  title: 'Search ranking',
  problem: 'search-ranking',
  brief:
    'Design the product search of an e-commerce marketplace: given a text query, return the most relevant products, ordered so that shoppers find and buy what they want.',
  zones: [
    { id: 'offline', label: 'Offline: labels, training and evaluation', zone: 'offline', cols: [0, 5] },
    { id: 'online', label: 'Online: release, indexing, the query path and monitoring', zone: 'online', cols: [0, 5] },
  ],
  nodes: [
    {
      id: 'req', kind: 'requirements', at: [0, 0],
      props: {
        goal: 'Help shoppers find and buy: maximise purchases per search while keeping results relevant',
        scale: '100M products; 50M searches/day (~600/s on average, ~3k/s at sales peaks); ~1M catalogue changes/day',
        qps: 3000,
        latencyBudgetMs: 250,
        realtime: true,
        notes: 'End-to-end budget on mobile; if ANN times out the page still renders from lexical results.',
      },
    },
    {
      id: 'obj', kind: 'ml-objective', at: [1, 0],
      props: {
        task: 'ranking',
        label: 'Graded relevance per (query, product): purchase 3 > add-to-cart 2 > click 1 > skip 0, position-debiased; human ratings for sampled queries',
        labelSource: 'user-feedback',
        labelDelay: 'Purchases within 24 h of the search',
        split: 'time',
        loss: 'LambdaMART (NDCG-weighted pairwise loss)',
        offlineMetric: 'NDCG@10 on held-out sessions and on the rater set; retrieval recall@500',
        onlineMetric: 'Purchases per search (primary); revenue per search, zero-result and reformulation rates and p99 latency as guardrails',
      },
    },
    {
      id: 'client', kind: 'client-app', label: 'Shopper app', zone: 'online', at: [0, 7.2],
      props: { tool: 'web, iOS, Android', latencyMs: 60, notes: 'Network round trip; results render progressively.' },
    },
    {
      id: 'note-hybrid', kind: 'note', at: [2, 0],
      props: { text: 'Hybrid retrieval: BM25 nails exact terms (brands, part numbers), embeddings catch synonyms and vague queries. Run both, fuse, let LTR decide.' },
    },
    {
      id: 'note-bias', kind: 'note', at: [3, 0],
      props: { text: 'Clicks are position-biased: correct with inverse propensity (from light result randomisation) and check with human ratings, or the ranker relearns the old order.' },
    },
    {
      id: 'note-towers', kind: 'note', zone: 'offline', at: [0, 2.1],
      props: { text: 'The towers must match: re-embed the whole catalogue when the product tower changes, and ship the query tower with that index version.' },
    },

    // Online: catalogue indexing
    {
      id: 'db', kind: 'database', label: 'Product catalogue', zone: 'online', at: [2, 8.2],
      props: { tool: 'PostgreSQL', notes: 'Titles, attributes, price and stock: the source of both indexes.' },
    },
    {
      id: 'cdc', kind: 'message-queue', label: 'Catalogue changes (CDC)', zone: 'online', at: [1, 9.2],
      props: { tool: 'Kafka + Debezium', notes: 'Every insert, price or stock change as an event.' },
    },
    {
      id: 'upd', kind: 'stream-processor', label: 'Index updater', zone: 'online', at: [2, 9.2],
      props: { tool: 'Flink', notes: 'Builds search documents and upserts them within a minute; stock-outs at once.' },
    },
    // Online: query path
    {
      id: 'api', kind: 'prediction-api', label: 'Search service', zone: 'online', at: [1, 7.2],
      props: { tool: 'gRPC', latencyMs: 10, notes: 'Orchestrates the stages with per-stage timeouts (lexical-only fallback) and paginates.' },
    },
    {
      id: 'qu', kind: 'model-server', label: 'Query understanding and query tower', zone: 'online', at: [2, 7.2],
      props: {
        tool: 'KServe (BERT intent + spelling; query tower)',
        latencyMs: 20,
        notes: 'Spelling correction, category and attribute intent (brand, size, colour), rewriting, and the query vector from the query tower of the index version; cached for head queries.',
      },
    },
    {
      id: 'cg', kind: 'candidate-generation', label: 'Hybrid retrieval', zone: 'online', at: [3, 7.2],
      props: {
        parallel: true,
        tool: 'BM25 + two-tower ANN, RRF merge',
        latencyMs: 5,
        notes: 'Queries the lexical and the ANN index in parallel and merges them by reciprocal-rank fusion into ~1,000 candidates.',
      },
    },
    {
      id: 'vdb', kind: 'vector-db', label: 'Product ANN index', zone: 'online', at: [4, 9.2],
      props: { tool: 'Milvus (HNSW)', latencyMs: 15, notes: 'Semantic matches for vague and long-tail queries; filtered by category intent.' },
    },
    {
      id: 'si', kind: 'search-index', label: 'Lexical index (BM25)', zone: 'online', at: [1, 8.2],
      props: { tool: 'Elasticsearch', latencyMs: 30, notes: 'Exact matches: brands, model numbers and rare terms that embeddings blur.' },
    },
    {
      id: 'rank', kind: 'ranking', label: 'Learning-to-rank', zone: 'online', at: [4, 7.2],
      props: { fallback: 'Lexical BM25 order from the index', 
        tool: 'LightGBM LambdaMART',
        latencyMs: 60,
        notes: 'Scores ~1,000 candidates on query-product, product and user features; a distilled cross-encoder on the top 50 is the next step.',
      },
    },
    {
      id: 'rr', kind: 're-ranking', label: 'Business rules', zone: 'online', at: [5, 7.2],
      props: {
        tool: 'business rules, diversity',
        latencyMs: 5,
        notes: 'Drops out-of-stock and restricted items, diversifies brands and sellers, places sponsored slots, explores new products a little.',
      },
    },
    {
      id: 'ev', kind: 'event-log', label: 'Search & engagement logs', zone: 'online', at: [0, 9.2],
      props: { tool: 'Kafka topic', notes: 'Queries, clicks, add-to-carts and purchases with their positions.' },
    },
    {
      id: 'fs', kind: 'feature-store', label: 'Feature store', zone: 'online', at: [3, 9.2],
      props: {
        tool: 'Feast (Redis online, Hive offline)',
        latencyMs: 10,
        notes: 'Product CTR and conversion, price, ratings, query-product engagement: the same definitions for training and serving.',
      },
    },
    {
      id: 'log', kind: 'prediction-logging', label: 'Search impression log', zone: 'online', at: [4, 8.2],
      props: { logsFeatures: true, tool: 'feature and prediction logs', notes: 'Query, results with positions, features and scores: training rows and position-bias estimates.' },
    },
    {
      id: 'dash', kind: 'monitoring-dashboard', label: 'Dashboards & alerts', zone: 'online', at: [5, 9.2],
      props: { tool: 'Prometheus, Grafana', notes: 'Latency per stage, zero-result rate, CTR and conversion by query segment.' },
    },
    {
      id: 'ab', kind: 'ab-test', label: 'Interleaving & A/B', zone: 'online', at: [5, 8.2],
      props: {
        tool: 'interleaving, A/B test',
        notes: 'Interleaving picks the better ranker with far less traffic; an A/B test then confirms purchases and revenue before the registry promotes it.',
      },
    },
    {
      id: 'drift', kind: 'drift-detection', label: 'Query & feature drift', zone: 'online', at: [5, 6.2],
      props: { tool: 'Evidently', notes: 'New queries (seasons, trends) and feature shifts; alerts trigger retraining.' },
    },

    // Offline
    {
      id: 'lab', kind: 'labeling', label: 'Human relevance ratings', zone: 'offline', at: [1, 2.1],
      props: { tool: 'human raters', notes: 'Graded judgments on sampled head and tail queries: de-biases clicks and forms the rater test set.' },
    },
    {
      id: 'wh', kind: 'data-warehouse', label: 'Search log lake', zone: 'offline', at: [1, 3.1],
      props: { tool: 'Hive', notes: 'Search sessions, impressions with their served features, purchases.' },
    },
    {
      id: 'orch', kind: 'orchestrator', label: 'Daily pipeline', zone: 'offline', at: [2, 4.1],
      props: { tool: 'Airflow', notes: 'Daily features and training sets; weekly retrain of both models, or on a drift alert.' },
    },
    {
      id: 'tsb', kind: 'batch-etl', label: 'Training-set builder', zone: 'offline', at: [2, 2.1],
      props: {
        tool: 'Spark',
        notes: 'Graded labels from sessions, inverse-propensity weights for position bias, features as logged, skipped results as negatives.',
      },
    },
    {
      id: 'fp', kind: 'feature-pipeline', label: 'Ranking features', zone: 'offline', at: [2, 3.1],
      props: { tool: 'Spark', notes: 'Smoothed query-product CTR and conversion, product quality, price competitiveness, text-match scores.' },
    },
    {
      id: 'train', kind: 'training-job', label: 'LTR training', zone: 'offline', at: [3, 4.1],
      props: { tool: 'LightGBM', notes: 'LambdaMART on ~100 features; hyperparameters chosen on rater NDCG.' },
    },
    {
      id: 'tt', kind: 'embedding-model', label: 'Two-tower training', zone: 'offline', at: [3, 2.1],
      props: {
        tool: 'two-tower (PyTorch)',
        pretrained: false,
        notes: 'Query and product towers trained on query -> purchased or clicked product pairs with in-batch negatives.',
      },
    },
    {
      id: 'eval', kind: 'offline-eval', label: 'Offline evaluation', zone: 'offline', at: [4, 3.1],
      props: {
        tool: 'held-out set + rater set',
        notes: 'NDCG@10 on next-week sessions and on the rater set; retrieval recall@500; must beat production on both.',
      },
    },
    {
      id: 'reg', kind: 'model-registry', label: 'Model registry', zone: 'offline', at: [4, 4.1],
      props: { tool: 'MLflow Model Registry', notes: 'Ranker and the matching query and product towers, versioned together.' },
    },
    {
      id: 'bi', kind: 'batch-inference', label: 'Catalogue embeddings', zone: 'online', at: [3, 6.2],
      props: { tool: 'Ray batch (GPU)', notes: 'Embeds all 100M products with the registered product tower: full rebuild on a new model, changed items daily.' },
    },
  ],
  edges: [
    ['client', 'api', 'request'],
    ['client', 'ev', 'stream', 'clicks, purchases'],
    ['api', 'qu', 'request'],
    ['qu', 'cg', 'request'],
    ['cg', 'si', 'request'],
    ['cg', 'vdb', 'request'],
    ['cg', 'rank', 'request'],
    ['fs', 'rank', 'data'],
    ['rank', 'rr', 'request'],
    ['rr', 'log', 'data'],
    ['log', 'dash', 'data'],
    ['log', 'drift', 'data'],
    ['log', 'ab', 'data'],
    ['log', 'ev', 'feedback', 'served features'],
    ['db', 'cdc', 'data'],
    ['cdc', 'upd', 'stream'],
    ['upd', 'si', 'stream'],
    ['ev', 'wh', 'stream'],
    ['wh', 'tsb', 'data'],
    ['lab', 'tsb', 'data'],
    ['wh', 'fp', 'data'],
    ['fp', 'fs', 'data'],
    ['db', 'bi', 'data'],
    ['tsb', 'train', 'data'],
    ['tsb', 'tt', 'data'],
    ['train', 'eval', 'model'],
    ['tt', 'eval', 'model'],
    ['eval', 'reg', 'model'],
    ['reg', 'rank', 'model'],
    ['reg', 'qu', 'model', 'query tower'],
    ['reg', 'bi', 'model'],
    ['bi', 'vdb', 'data', 'index vN'],
    ['orch', 'train', 'control'],
    ['orch', 'tt', 'control'],
    ['drift', 'orch', 'control', 'retrain'],
  ],
};
