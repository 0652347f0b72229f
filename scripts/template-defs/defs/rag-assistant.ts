import type { TemplateDef } from '../builder';

/** RAG assistant: chunk -> embed -> index on change; query -> guardrails -> hybrid retrieval -> reranker -> LLM -> guardrails. */
export const ragAssistant: TemplateDef = {
  id: 'rag-assistant',
  title: 'RAG assistant over company documents',
  problem: 'rag',
  brief:
    "Design an internal assistant that answers employees' questions from the company's documents (wiki, policies, tickets, PDFs) with cited sources, and never reveals a document the asker is not allowed to read.",
  zones: [
    { id: 'offline', label: 'Offline: indexing, reranker training and the golden-set gate', zone: 'offline', cols: [0, 5] },
    { id: 'online', label: 'Online: permission-filtered retrieval, generation, guardrails and monitoring', zone: 'online', cols: [0, 5] },
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
        dau: 50000, requestsPerUserPerDay: 2, peakFactor: 13, items: 5e7,
        notes: 'Budget = time to the first streamed token; the full answer streams over 5-10 s. Sizing: 50k employees x 2 questions = 100k a day; they fall in ~8 work hours (x3) and bunch ~4x at the morning peak: peak factor ~13 over the daily average, ~15/s.',
      },
    },
    {
      id: 'obj', kind: 'ml-objective', at: [1, 0],
      props: {
        task: 'generation',
        label: 'Helpful, grounded answers: thumbs, citation clicks and expert grades; (query, chunk) relevance for the reranker',
        labelSource: 'human-annotation',
        split: 'time',
        loss: 'Reranker: binary cross-entropy on (query, chunk) relevance with hard negatives; LLM and embedder used as-is',
        offlineMetric: 'Retrieval recall@20 and nDCG@10 on the golden set; answer faithfulness and citation accuracy (LLM-as-judge, expert-checked)',
        onlineMetric: 'Ticket deflection (primary); thumbs-up rate, citation click-through, time to first token and zero permission leaks as guardrails',
      },
    },
    {
      id: 'client', kind: 'client-app', label: 'Assistant UI', zone: 'online', at: [0, 7.2],
      props: { tool: 'web, Slack bot', latencyMs: 50, notes: 'Streams the answer with numbered citations; thumbs and "not helpful" buttons.' },
    },
    {
      id: 'note-acl', kind: 'note', at: [2, 0],
      props: { text: "Permissions at retrieval time: filter chunks by the user's ACL groups inside the index query and re-check before the prompt; never trust the LLM to withhold." },
    },
    {
      id: 'note-gate', kind: 'note', at: [3, 0],
      props: { text: 'Every change goes through the golden set: a new prompt, LLM, embedder or reranker is a candidate version, scored on ~2k expert questions before any user sees it.' },
    },
    {
      id: 'note-reindex', kind: 'note', zone: 'offline', at: [5, 2.1],
      props: { text: 'Re-index on change: edits, deletes and ACL changes reach the indexes within minutes via the change stream; a nightly reconciliation catches misses.' },
    },

    // Online
    {
      id: 'api', kind: 'prediction-api', label: 'Assistant API', zone: 'online', at: [1, 7.2],
      props: { tool: 'REST (streaming)', latencyMs: 20, notes: "Authenticates, loads the user's ACL groups and conversation, rewrites follow-ups into standalone questions." },
    },
    {
      id: 'fb', kind: 'event-log', label: 'Feedback events', zone: 'online', at: [0, 8.2],
      props: { tool: 'Kafka topic', notes: 'Thumbs up/down, citation clicks, copy-to-ticket, keyed by trace id.' },
    },
    {
      id: 'gin', kind: 'guardrails', label: 'Input guardrails', zone: 'online', at: [2, 7.2],
      props: { tool: 'safety filters (prompt-injection, PII)', latencyMs: 40, notes: 'Blocks prompt injection and out-of-scope requests; masks secrets pasted into questions.' },
    },
    {
      id: 'cg', kind: 'candidate-generation', label: 'Hybrid retrieval', zone: 'online', at: [3, 7.2],
      props: {
        parallel: true,
        tool: 'bge-large query embedder + BM25 + dense, RRF merge',
        latencyMs: 20,
        notes: 'Embeds the question (same embedder version as the index), queries both indexes in parallel with the user\'s ACL groups as a filter, fuses by reciprocal rank into ~100 chunks.',
      },
    },
    {
      id: 'vdb', kind: 'vector-db', label: 'Chunk vector index', zone: 'online', at: [4, 6.2],
      props: {
        tool: 'Qdrant (HNSW)', latencyMs: 25, items: 5e7, dimensions: 1024, bytesPerDimension: 4, replicas: 2,
        notes: 'Vectors with ACL groups, source and version as payload filters. 50M chunks x 1,024 dims (bge-large) x 4 B = 205 GB a replica, one node; the HNSW links add ~10 %. Two replicas for failover.',
      },
    },
    {
      id: 'si', kind: 'search-index', label: 'Keyword index (BM25)', zone: 'online', at: [3, 6.2],
      props: { tool: 'OpenSearch', latencyMs: 25, notes: 'Exact terms dense vectors miss: ticket ids, product codes, acronyms.' },
    },
    {
      id: 'acl', kind: 'database', label: 'Permission service (ACL groups)', zone: 'online', at: [1, 8.2],
      props: { tool: 'directory groups synced from the sources', latencyMs: 10, notes: 'The asker\'s groups, resolved per request and passed to both index queries as a filter: a chunk the user may not read is never retrieved.' },
    },
    {
      id: 'prompts', kind: 'experiment-tracking', label: 'Prompt and LLM candidates', zone: 'offline', at: [4, 4.1],
      props: { tool: 'MLflow (prompt versions)', notes: 'A prompt edit, a new LLM or a new embedder is logged as a candidate and must pass the golden-set gate like a reranker.' },
    },
    {
      id: 'rerank', kind: 'ranking', label: 'Cross-encoder reranker', zone: 'online', at: [4, 7.2],
      props: {
        tool: 'fine-tuned cross-encoder on Triton', latencyMs: 80, candidates: 100, costPerCandidateUs: 500, replicas: 2,
        notes: 'Scores ~100 (query, chunk) pairs on a GPU (~0.5 ms a 512-token pair: 50 ms a question); the biggest quality lever after chunking. 15 QPS keep one GPU busy three quarters of the time: two for failover.',
      },
    },
    {
      id: 'ctx', kind: 're-ranking', label: 'Context builder', zone: 'online', at: [5, 7.2],
      props: {
        tool: 'diversity, freshness, business rules',
        latencyMs: 10,
        notes: 'Re-checks ACLs, drops near-duplicates, prefers the latest version of a policy, spreads across documents (MMR), packs ~8 chunks into the token budget.',
      },
    },
    {
      id: 'llm', kind: 'llm-server', label: 'LLM', zone: 'online', at: [4, 8.2],
      props: { fallback: 'A smaller hosted model; else the retrieved passages with their links', 
        tool: 'vLLM (Llama 3.1 70B Instruct)',
        latencyMs: 900,
        promptTokens: 6000, outputTokens: 250, modelParamsB: 70, gpu: 'H100', gpus: 32,
        notes: 'Time to first token with a ~6k-token prompt; instructed to answer only from the context, cite chunk ids, or say it does not know. Sizing: 15 QPS x 6k = 90k prefill tokens/s; 140 GB of fp16 weights need 4 H100s a replica (tensor parallel); ~3.5k prefill tokens/s per H100: 8 replicas, 4 nodes of 8 H100.',
      },
    },
    {
      id: 'gout', kind: 'guardrails', label: 'Output guardrails', zone: 'online', at: [5, 9.2],
      props: {
        tool: 'PII redaction, grounding check (buffered streaming)',
        latencyMs: 60,
        notes: 'Checked before it is shown: the stream is buffered a sentence at a time and released only after citation, grounding, PII and policy checks pass.',
      },
    },
    {
      id: 'log', kind: 'prediction-logging', label: 'Trace log', zone: 'online', at: [1, 10.2],
      props: { logsFeatures: true, tool: 'feature and prediction logs', notes: 'Question, retrieved and cited chunks with scores, prompt version, answer, latency and tokens per trace.' },
    },
    {
      id: 'dash', kind: 'monitoring-dashboard', label: 'Dashboards & alerts', zone: 'online', at: [3, 10.2],
      props: { tool: 'Prometheus, Grafana', notes: 'Time to first token, cost per answer, thumbs-up and refusal rates, guardrail hits, index freshness.' },
    },
    {
      id: 'ab', kind: 'ab-test', label: 'A/B tests', zone: 'online', at: [2, 8.2],
      props: { tool: 'A/B test (GrowthBook)', notes: 'Prompt, reranker and LLM versions by user; thumbs-up and ticket deflection decide.' },
    },
    {
      id: 'drift', kind: 'drift-detection', label: 'Quality & drift monitor', zone: 'online', at: [2, 6.2],
      props: {
        tool: 'LLM-as-judge on sampled traces, Evidently',
        notes: 'Groundedness and retrieval hit rate on sampled traces; new question topics the corpus does not cover.',
      },
    },

    // Offline
    {
      id: 'src', kind: 'external-data', label: 'Document sources', zone: 'offline', at: [0, 2.1],
      props: { tool: 'Confluence, Google Drive, Jira connectors', notes: 'Wiki pages, policies, tickets and PDFs with their permissions.' },
    },
    {
      id: 'cdc', kind: 'message-queue', label: 'Document change events', zone: 'offline', at: [1, 2.1],
      props: { tool: 'Kafka', notes: 'Webhooks and a nightly crawl emit create, update, delete and permission-change events.' },
    },
    {
      id: 'chunk', kind: 'batch-etl', label: 'Parse, chunk & tag', zone: 'offline', at: [2, 4.1],
      props: {
        tool: 'Spark + Unstructured',
        notes: 'Parses PDF, HTML and docs; ~500-token chunks along headings with overlap; attaches ACLs, URL and version; deletes become tombstones.',
      },
    },
    {
      id: 'demb', kind: 'embedding-model', label: 'Chunk embedder', zone: 'offline', at: [3, 4.1],
      props: {
        tool: 'BERT (bge-large, pretrained)',
        pretrained: true,
        notes: 'Pretrained, not fine-tuned: a new embedder means re-embedding all 50M chunks into a fresh index, then switching.',
      },
    },
    {
      id: 'orch', kind: 'orchestrator', label: 'Training pipeline', zone: 'offline', at: [0, 4.1],
      props: { tool: 'Airflow', notes: 'Weekly: training pairs, fine-tune, evaluate, register; earlier on a quality alert.' },
    },
    {
      id: 'tsb', kind: 'batch-etl', label: 'Training pairs', zone: 'offline', at: [1, 4.1],
      props: {
        tool: 'Spark',
        notes: 'Positives: cited chunks of upvoted answers and expert labels; negatives: retrieved but unused or downvoted, plus BM25 hard negatives.',
      },
    },
    {
      id: 'train', kind: 'training-job', label: 'Reranker fine-tuning', zone: 'offline', at: [2, 2.1],
      props: { tool: 'PyTorch (cross-encoder)', notes: 'Fine-tunes an open cross-encoder on company (query, chunk) pairs.' },
    },
    {
      id: 'reg', kind: 'model-registry', label: 'Model and prompt registry', zone: 'offline', at: [3, 2.1],
      props: { tool: 'MLflow Model Registry', notes: 'Reranker, prompt and LLM versions that passed the gate, with their golden-set scores; serving reads the released ones.' },
    },
    {
      id: 'lab', kind: 'labeling', label: 'Golden set & expert grades', zone: 'offline', at: [2, 3.1],
      props: {
        tool: 'human raters (domain experts)',
        notes: 'Experts write ~2k questions with the right chunks and answers, and grade sampled traces: the eval set and the strongest labels.',
      },
    },
    {
      id: 'eval', kind: 'offline-eval', label: 'RAG evaluation', zone: 'offline', at: [3, 3.1],
      props: {
        tool: 'golden set (Ragas, LLM-as-judge)',
        notes: 'Recall@20 and nDCG@10 of retrieval + rerank; faithfulness and citation accuracy of answers; no regression allowed.',
      },
    },
  ],
  edges: [
    ['client', 'api', 'request'],
    ['client', 'fb', 'stream', 'thumbs, clicks'],
    ['api', 'gin', 'request'],
    ['gin', 'cg', 'request'],
    ['api', 'acl', 'request'],
    ['cg', 'vdb', 'request'],
    ['cg', 'si', 'request'],
    ['cg', 'rerank', 'request'],
    ['rerank', 'ctx', 'request'],
    ['ctx', 'llm', 'request'],
    ['llm', 'gout', 'request'],
    ['gout', 'log', 'data'],
    ['log', 'dash', 'data'],
    ['log', 'drift', 'data'],
    ['log', 'ab', 'data'],
    ['ab', 'reg', 'control'],
    ['src', 'cdc', 'data'],
    ['cdc', 'chunk', 'stream'],
    ['chunk', 'demb', 'data'],
    ['demb', 'vdb', 'data'],
    ['chunk', 'si', 'data', 'text + ACLs'],
    ['fb', 'tsb', 'stream'],
    ['log', 'fb', 'feedback', 'traces'],
    ['log', 'lab', 'feedback'],
    ['lab', 'train', 'data'],
    ['lab', 'eval', 'data'],
    ['tsb', 'train', 'data'],
    ['orch', 'tsb', 'control'],
    ['drift', 'orch', 'control', 'retrain'],
    ['train', 'eval', 'model'],
    ['prompts', 'eval', 'model', 'candidates'],
    ['eval', 'reg', 'model'],
    ['reg', 'rerank', 'model'],
    ['reg', 'llm', 'model', 'prompt + LLM version'],
  ],
};
