import type { TemplateDef } from '../builder';

/** RAG assistant: chunk -> embed -> index on change; query -> guardrails -> hybrid retrieval -> reranker -> LLM -> guardrails. */
export const ragAssistant: TemplateDef = {
  id: 'rag-assistant',
  title: 'RAG assistant over company documents',
  problem: 'rag',
  brief:
    "Design an internal assistant that answers employees' questions from the company's documents (wiki, policies, tickets, PDFs) with cited sources, and never reveals a document the asker is not allowed to read.",
  zones: [
    { id: 'online', label: 'Online: answer path', zone: 'online' },
    { id: 'offline', label: 'Offline: indexing and reranker training', zone: 'offline' },
  ],
  nodes: [
    {
      id: 'req', kind: 'requirements', at: [0, 0],
      props: {
        goal: 'Correct, cited answers from internal documents that deflect support tickets, with no permission leaks',
        scale: '50k employees, ~100k questions/day (~3.5/s over work hours, ~15/s at peak); 5M documents (~50M chunks), ~50k changes/day',
        qps: 15,
        latencyBudgetMs: 2000,
        realtime: true,
        notes: 'Budget = time to the first streamed token; the full answer streams over 5-10 s.',
      },
    },
    {
      id: 'obj', kind: 'ml-objective', at: [0, 1],
      props: {
        task: 'generation',
        label: 'Helpful, grounded answers: thumbs, citation clicks and expert grades; (query, chunk) relevance for the reranker',
        loss: 'Reranker: binary cross-entropy on (query, chunk) relevance with hard negatives; LLM and embedder used as-is',
        offlineMetric: 'Retrieval recall@20 and nDCG@10 on the golden set; answer faithfulness and citation accuracy (LLM-as-judge, expert-checked)',
        onlineMetric: 'Thumbs-up rate, ticket deflection, citation click-through; zero permission leaks as the hard guardrail',
      },
    },
    {
      id: 'client', kind: 'client-app', label: 'Assistant UI', at: [0, 2],
      props: { tool: 'web, Slack bot', latencyMs: 50, notes: 'Streams the answer with numbered citations; thumbs and "not helpful" buttons.' },
    },
    {
      id: 'note-acl', kind: 'note', at: [0, 4.5],
      props: { text: "Permissions at retrieval time: filter chunks by the user's ACL groups inside the index query and re-check before the prompt; never trust the LLM to withhold." },
    },
    {
      id: 'note-rerank', kind: 'note', at: [0, 6],
      props: { text: 'Fine-tune the reranker, not the LLM: cheap, learns company jargon from feedback, lifts answers most; the LLM stays frozen and swappable.' },
    },
    {
      id: 'note-reindex', kind: 'note', at: [0, 7.5],
      props: { text: 'Re-index on change: edits, deletes and ACL changes reach the indexes within minutes via the change stream; a nightly reconciliation catches misses.' },
    },

    // Online
    {
      id: 'api', kind: 'prediction-api', label: 'Assistant API', zone: 'online', at: [1, 2],
      props: { tool: 'REST (streaming)', latencyMs: 20, notes: "Authenticates, loads the user's ACL groups and conversation, rewrites follow-ups into standalone questions." },
    },
    {
      id: 'fb', kind: 'event-log', label: 'Feedback events', zone: 'online', at: [1, 3],
      props: { tool: 'Kafka topic', notes: 'Thumbs up/down, citation clicks, copy-to-ticket, keyed by trace id.' },
    },
    {
      id: 'gin', kind: 'guardrails', label: 'Input guardrails', zone: 'online', at: [2, 2],
      props: { tool: 'safety filters (prompt-injection, PII)', latencyMs: 40, notes: 'Blocks prompt injection and out-of-scope requests; masks secrets pasted into questions.' },
    },
    {
      id: 'cg', kind: 'candidate-generation', label: 'Hybrid retrieval', zone: 'online', at: [3, 2],
      props: {
        tool: 'BM25 + dense, RRF merge',
        latencyMs: 60,
        notes: 'Keyword and vector search in parallel (~40 ms, included), both ACL-filtered, fused by reciprocal rank into ~100 chunks.',
      },
    },
    {
      id: 'qemb', kind: 'embedding-model', label: 'Query embedder', zone: 'online', at: [4, 0],
      props: { tool: 'BERT (bge-large, pretrained)', pretrained: true, latencyMs: 15, notes: 'The same model and version as the chunk embedder, or the vectors do not match.' },
    },
    {
      id: 'vdb', kind: 'vector-db', label: 'Chunk vector index', zone: 'online', at: [5, 0],
      props: { tool: 'Qdrant (HNSW)', latencyMs: 25, notes: 'Vectors with ACL groups, source and version as payload filters.' },
    },
    {
      id: 'si', kind: 'search-index', label: 'Keyword index (BM25)', zone: 'online', at: [4, 1],
      props: { tool: 'OpenSearch', latencyMs: 25, notes: 'Exact terms dense vectors miss: ticket ids, product codes, acronyms.' },
    },
    {
      id: 'rerank', kind: 'ranking', label: 'Cross-encoder reranker', zone: 'online', at: [6, 2],
      props: { tool: 'fine-tuned cross-encoder on Triton', latencyMs: 80, notes: 'Scores ~100 (query, chunk) pairs on a GPU; the biggest quality lever after chunking.' },
    },
    {
      id: 'ctx', kind: 're-ranking', label: 'Context builder', zone: 'online', at: [7, 2],
      props: {
        tool: 'diversity, freshness, business rules',
        latencyMs: 10,
        notes: 'Re-checks ACLs, drops near-duplicates, prefers the latest version of a policy, spreads across documents (MMR), packs ~8 chunks into the token budget.',
      },
    },
    {
      id: 'llm', kind: 'llm-server', label: 'LLM', zone: 'online', at: [8, 2],
      props: { fallback: 'A smaller hosted model; else the retrieved passages with their links', 
        tool: 'vLLM (Llama 3.1 70B Instruct)',
        latencyMs: 900,
        notes: 'Time to first token with a ~6k-token prompt; instructed to answer only from the context, cite chunk ids, or say it does not know.',
      },
    },
    {
      id: 'gout', kind: 'guardrails', label: 'Output guardrails', zone: 'online', at: [9, 2],
      props: {
        tool: 'PII redaction, grounding check',
        latencyMs: 60,
        notes: 'Checks the streamed answer: citations must point at retrieved chunks, PII redacted, policy filters; unsupported claims flagged.',
      },
    },
    {
      id: 'log', kind: 'prediction-logging', label: 'Trace log', zone: 'online', at: [10, 2],
      props: { tool: 'feature and prediction logs', notes: 'Question, retrieved and cited chunks with scores, prompt version, answer, latency and tokens per trace.' },
    },
    {
      id: 'dash', kind: 'monitoring-dashboard', label: 'Dashboards & alerts', zone: 'online', at: [11, 1],
      props: { tool: 'Prometheus, Grafana', notes: 'Time to first token, cost per answer, thumbs-up and refusal rates, guardrail hits, index freshness.' },
    },
    {
      id: 'ab', kind: 'ab-test', label: 'A/B tests', zone: 'online', at: [11, 2],
      props: { tool: 'A/B test (GrowthBook)', notes: 'Prompt, reranker and LLM versions by user; thumbs-up and ticket deflection decide.' },
    },
    {
      id: 'drift', kind: 'drift-detection', label: 'Quality & drift monitor', zone: 'online', at: [11, 3],
      props: {
        tool: 'LLM-as-judge on sampled traces, Evidently',
        notes: 'Groundedness and retrieval hit rate on sampled traces; new question topics the corpus does not cover.',
      },
    },

    // Offline
    {
      id: 'src', kind: 'external-data', label: 'Document sources', zone: 'offline', at: [1, 4.5],
      props: { tool: 'Confluence, Google Drive, Jira connectors', notes: 'Wiki pages, policies, tickets and PDFs with their permissions.' },
    },
    {
      id: 'cdc', kind: 'message-queue', label: 'Document change events', zone: 'offline', at: [2, 4.5],
      props: { tool: 'Kafka', notes: 'Webhooks and a nightly crawl emit create, update, delete and permission-change events.' },
    },
    {
      id: 'chunk', kind: 'batch-etl', label: 'Parse, chunk & tag', zone: 'offline', at: [3, 4.5],
      props: {
        tool: 'Spark + Unstructured',
        notes: 'Parses PDF, HTML and docs; ~500-token chunks along headings with overlap; attaches ACLs, URL and version; deletes become tombstones.',
      },
    },
    {
      id: 'demb', kind: 'embedding-model', label: 'Chunk embedder', zone: 'offline', at: [4, 4.5],
      props: {
        tool: 'BERT (bge-large, pretrained)',
        pretrained: true,
        notes: 'Pretrained, not fine-tuned: a new embedder means re-embedding all 50M chunks into a fresh index, then switching.',
      },
    },
    {
      id: 'orch', kind: 'orchestrator', label: 'Training pipeline', zone: 'offline', at: [1, 5.5],
      props: { tool: 'Airflow', notes: 'Weekly: training pairs, fine-tune, evaluate, register; earlier on a quality alert.' },
    },
    {
      id: 'tsb', kind: 'batch-etl', label: 'Training pairs', zone: 'offline', at: [2, 5.5],
      props: {
        tool: 'Spark',
        notes: 'Positives: cited chunks of upvoted answers and expert labels; negatives: retrieved but unused or downvoted, plus BM25 hard negatives.',
      },
    },
    {
      id: 'train', kind: 'training-job', label: 'Reranker fine-tuning', zone: 'offline', at: [3, 5.5],
      props: { tool: 'PyTorch (cross-encoder)', notes: 'Fine-tunes an open cross-encoder on company (query, chunk) pairs.' },
    },
    {
      id: 'reg', kind: 'model-registry', zone: 'offline', at: [5, 5.5],
      props: { tool: 'MLflow Model Registry', notes: 'Reranker versions with their golden-set scores.' },
    },
    {
      id: 'lab', kind: 'labeling', label: 'Golden set & expert grades', zone: 'offline', at: [2, 6.5],
      props: {
        tool: 'human raters (domain experts)',
        notes: 'Experts write ~2k questions with the right chunks and answers, and grade sampled traces: the eval set and the strongest labels.',
      },
    },
    {
      id: 'eval', kind: 'offline-eval', label: 'RAG evaluation', zone: 'offline', at: [4, 6.5],
      props: {
        tool: 'golden set (Ragas, LLM-as-judge)',
        notes: 'Recall@20 and nDCG@10 of retrieval + rerank; faithfulness and citation accuracy of answers; no regression allowed.',
      },
    },
  ],
  edges: [
    ['client', 'api', 'request'],
    ['client', 'fb', 'stream', 'thumbs, citation clicks'],
    ['api', 'gin', 'request'],
    ['gin', 'cg', 'request'],
    ['cg', 'qemb', 'request'],
    ['qemb', 'vdb', 'request'],
    ['cg', 'si', 'request', 'top-50 BM25'],
    ['cg', 'rerank', 'request', '~100 chunks'],
    ['rerank', 'ctx', 'request'],
    ['ctx', 'llm', 'request'],
    ['llm', 'gout', 'request'],
    ['gout', 'log', 'data'],
    ['log', 'dash', 'data'],
    ['log', 'drift', 'data'],
    ['log', 'ab', 'data'],
    ['ab', 'reg', 'control', 'promote winner'],
    ['src', 'cdc', 'data'],
    ['cdc', 'chunk', 'stream'],
    ['chunk', 'demb', 'data', 'chunks'],
    ['demb', 'vdb', 'data', 'vectors + ACLs'],
    ['chunk', 'si', 'data', 'chunk text + ACLs'],
    ['fb', 'tsb', 'stream'],
    ['log', 'tsb', 'feedback', 'traces'],
    ['log', 'lab', 'feedback', 'sampled traces'],
    ['lab', 'train', 'data', 'expert labels'],
    ['lab', 'eval', 'data', 'golden set'],
    ['tsb', 'train', 'data'],
    ['orch', 'tsb', 'control'],
    ['drift', 'orch', 'control'],
    ['train', 'eval', 'model', 'candidate'],
    ['eval', 'reg', 'model', 'passes gate'],
    ['reg', 'rerank', 'model', 'reranker'],
  ],
};
