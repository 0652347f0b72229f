import type { KindId } from '../catalogue';

/** A learning card for one component kind, in the voice of a senior ML engineer. */
export interface ComponentCard {
  kind: KindId;
  /** One sentence: what it is. */
  what: string;
  /** When to use it. */
  whenToUse: string;
  /** When not to. */
  whenNot: string;
  /** 2-3 trade-offs. */
  tradeoffs: string[];
  /** 2-3 questions an interviewer asks about it; the first is the one practice mode asks. */
  followUps: string[];
  /** Typical tools (at least those the catalogue offers for the kind), each with when it fits. */
  tools: { name: string; when: string }[];
}

type CardBody = Omit<ComponentCard, 'kind'>;

const tool = (name: string, when: string) => ({ name, when });

const CARDS: Record<KindId, CardBody> = {
  requirements: {
    what: 'The card where you pin the business goal, scale, QPS, latency budget and constraints before drawing any pipeline.',
    whenToUse:
      'Always, first. Write the answers here: the goal, the scale or QPS and, online, the latency budget; an empty card covers no stage.',
    whenNot: 'Do not restate the prompt or list every product feature: keep only the numbers and constraints that change the design.',
    tradeoffs: [
      'Clarifying vs designing: five focused minutes pay back, fifteen rarely do.',
      'Assuming numbers keeps momentum vs risks the wrong scale: say them aloud (peak QPS = daily requests / 86,400 x peak factor).',
    ],
    followUps: [
      'Which requirement, if it changed, would change your design the most?',
      'What is the peak QPS and the p99 latency budget?',
      'What is explicitly out of scope?',
    ],
    tools: [],
  },
  'ml-objective': {
    what: 'The card that frames the problem as an ML task: input, output, label, loss, and the offline and online metrics.',
    whenToUse:
      'Right after requirements. Set the task, the label and its source and delay, the loss, both metrics and the split; the rest of ' +
      'the diagram should follow from them.',
    whenNot: 'Do not reach for ML by reflex: if rules or a lookup meet the goal, say so, and keep ML for where it beats that baseline.',
    tradeoffs: [
      'A proxy label (clicks) is plentiful and fast vs the real goal (satisfaction, revenue) is sparse and delayed.',
      'Pointwise log loss gives calibrated scores vs pairwise or listwise losses match ranking metrics more closely.',
    ],
    followUps: [
      'Why this label, and how could optimising it hurt the business goal?',
      'What if the offline metric improves and the online metric does not?',
      'What baseline must the model beat?',
    ],
    tools: [],
  },
  'client-app': {
    what: 'The user-facing web or mobile app: it sends prediction requests and emits the events that become features and labels.',
    whenToUse: 'In any online design: it starts the request path (the latency rule walks from it) and shows where feedback comes from.',
    whenNot: 'Leave it out of purely offline designs (nightly scoring, internal analytics) where no user waits on a prediction.',
    tradeoffs: [
      'On-device inference cuts latency and keeps data local vs smaller models, slower rollouts, app-version spread.',
      'Client-side logging is rich vs lossy (ad blockers, offline devices, clock skew); server-side logs are more reliable.',
    ],
    followUps: [
      'What does the app show if the prediction service times out?',
      'How do you tie a click in the app to the prediction that was shown?',
    ],
    tools: [
      tool('web', 'Ship changes daily; ad blockers can drop client-side events.'),
      tool('iOS', 'Releases pass App Store review and users update slowly: keep ranking logic server-side.'),
      tool('Android', 'Wide device range: on-device models must fit low-end hardware.'),
    ],
  },
  'event-log': {
    what: 'An append-only record of user interactions (impressions, clicks, views, purchases) that feeds features and implicit labels.',
    whenToUse: 'Whenever labels come from behaviour: feeds, search, ads. Log impressions as well as clicks, or you have no negatives.',
    whenNot: 'It is not the source of truth for transactional state (orders, balances): read that from the database or its change stream.',
    tradeoffs: [
      'Implicit feedback is abundant and free vs noisy, and biased by position and by what the current model chose to show.',
      'Logging more fields eases debugging and new features vs storage cost and privacy duties (retention, consent).',
    ],
    followUps: [
      'How do you get negative examples from this log?',
      'How do you correct for position bias in clicks?',
      'How do you join a click to the features served at that moment?',
    ],
    tools: [
      tool('Kafka topic', 'You already run Kafka: streaming and batch jobs both consume the topic.'),
      tool('Segment', 'Managed SDKs for web and mobile that route events to the warehouse and other tools; paid.'),
      tool('Snowplow', 'Schema-validated event pipeline you can host; fits when data quality and ownership matter.'),
    ],
  },
  database: {
    what: 'The transactional (OLTP) store the product runs on: users, items, orders and accounts in their current state.',
    whenToUse: 'As the source of entity data (item metadata, profiles) and of labels that live in business state (a purchase, a chargeback).',
    whenNot: 'Never run training scans against the production OLTP database: copy to a warehouse by batch export or change data capture.',
    tradeoffs: [
      'Reading features straight from it is fresh vs adds load and latency to the database the product depends on.',
      'Relational stores give joins and transactions vs wide-column and key-value stores scale writes horizontally.',
    ],
    followUps: [
      'How does this data reach training without hurting production?',
      'A row is updated after the event: how do you avoid training on the future value?',
    ],
    tools: [
      tool('PostgreSQL', 'Default relational choice: transactions, rich SQL, extensions such as pgvector.'),
      tool('MySQL', 'Relational, run at scale with read replicas; pick it where the company already does.'),
      tool('Cassandra', 'Write-heavy, multi-region, tunable consistency; queries must follow the partition key.'),
      tool('DynamoDB', 'Managed key-value on AWS, single-digit-ms reads at scale; design access patterns up front.'),
    ],
  },
  'object-storage': {
    what: 'Cheap, durable blob storage for files: images, videos, documents, model artifacts and training sets in columnar files.',
    whenToUse: 'For media and documents, raw dumps, Parquet training sets and model artifacts; it is the lake under most warehouses.',
    whenNot: 'Not for lookups on the request path or small, frequent updates: per-request latency and cost are too high.',
    tradeoffs: [
      'Very cheap per GB and durable vs slow per request, with per-request charges that hurt for millions of tiny files.',
      'Open table formats (Parquet, Delta, Iceberg) keep data portable vs you own compaction, layout and access control.',
    ],
    followUps: [
      'How do you version the exact dataset a model was trained on?',
      "How would you delete one user's data from stored training sets?",
    ],
    tools: [
      tool('S3', 'AWS; its API is the de facto standard that most tools speak.'),
      tool('GCS', 'Google Cloud; pairs with BigQuery and Vertex AI.'),
      tool('Azure Blob', 'Azure; pairs with Azure ML and Databricks on Azure.'),
    ],
  },
  'external-data': {
    what: 'Data from outside the company: partner feeds, public datasets, purchased or third-party signals.',
    whenToUse: 'When internal data cannot cover the task: cold start, pretraining, enrichment (weather, maps, device reputation).',
    whenNot: 'When the licence or privacy terms are unclear, or the signal will not be available at serving time with the same freshness.',
    tradeoffs: [
      'Extra coverage and signal vs dependence on a provider whose schema, quality or price can change without notice.',
      'Public datasets give a fast start vs differ from your traffic, so offline wins may not transfer.',
    ],
    followUps: [
      'What happens to the model if the partner feed stops or changes format?',
      'Is this data available at serving time, or only in training?',
    ],
    tools: [
      tool('partner feeds', 'Contracted data with an SLA; validate every delivery, because one day it will break.'),
      tool('public datasets', 'Pretraining, benchmarks, cold start; check the licence allows commercial use.'),
    ],
  },
  'message-queue': {
    what: 'A durable, ordered log of events that decouples producers from consumers and lets several consumers read the same stream.',
    whenToUse: 'When events must reach features, models or logs within seconds, or several systems consume the same events.',
    whenNot: 'When daily freshness is enough: a file drop into object storage is simpler and cheaper.',
    tradeoffs: [
      'Decoupling and replay from an offset vs one more distributed system to size, run and monitor.',
      'At-least-once delivery is the norm: consumers must tolerate duplicates, or you pay for exactly-once machinery.',
    ],
    followUps: [
      'What happens when a consumer falls hours behind?',
      'How do you handle duplicate or out-of-order events?',
    ],
    tools: [
      tool('Kafka', 'The default: high throughput, replay by offset, large ecosystem; self-run or managed.'),
      tool('Kinesis', 'Managed on AWS, shards or on-demand capacity; simple if you are all-in on AWS.'),
      tool('Pub/Sub', 'Managed on GCP, no partitions to size; ordering only within an ordering key.'),
      tool('Pulsar', 'Brokers separate from storage, multi-tenancy, tiered storage; smaller ecosystem.'),
    ],
  },
  'stream-processor': {
    what: 'A job that computes over events as they arrive: windowed counts, aggregates, joins and real-time features.',
    whenToUse: 'When features must be seconds or minutes fresh: fraud velocity counts, ETA traffic, session features, trending items.',
    whenNot: 'When hourly or daily freshness is enough: batch is cheaper and easier to test, backfill and debug.',
    tradeoffs: [
      'Fresh features vs harder backfills: the same logic must also produce historical values for training.',
      'Event-time windows with watermarks handle late events correctly vs add delay and state to manage.',
    ],
    followUps: [
      'How do you backfill this feature for training data?',
      'How do you handle late or out-of-order events?',
      'What happens to features when the job restarts?',
    ],
    tools: [
      tool('Flink', 'Event-at-a-time streaming, event time, large exactly-once state; the usual low-latency pick.'),
      tool('Spark Structured Streaming', 'Micro-batches by default; reuse Spark batch code when seconds of delay are fine.'),
      tool('Kafka Streams', 'A library inside your service, Kafka in and out; no cluster to run, tied to Kafka.'),
    ],
  },
  'batch-etl': {
    what: 'Scheduled jobs that clean, join and reshape large datasets: the usual route from raw logs to training tables.',
    whenToUse: 'To build training sets, daily features, labels and backfills, wherever hours of staleness are acceptable.',
    whenNot: 'When a decision needs signals from the last few minutes: pair it with a stream processor for those features.',
    tradeoffs: [
      'Simple, testable and cheap per record vs stale by the schedule interval.',
      'Full rewrites are simple and idempotent vs incremental runs are cheaper but must handle late data.',
    ],
    followUps: [
      'How do you make the training join point-in-time correct?',
      'What happens downstream when a job fails or runs late?',
    ],
    tools: [
      tool('Spark', 'Large joins and aggregations in Python, SQL or Scala; the default for big ETL.'),
      tool('Beam', 'One model for batch and streaming; runs on Dataflow, Flink or Spark.'),
      tool('dbt', 'SQL-first transformations in the warehouse with tests and lineage; ideal for tabular features.'),
    ],
  },
  'data-warehouse': {
    what: 'The analytical store of historical data (warehouse or lakehouse), queried to build training sets, labels and reports.',
    whenToUse: 'As the offline source of truth: training data, batch features, evaluation sets, and A/B test analysis.',
    whenNot: 'Not on the request path: queries take seconds, not milliseconds. Serve from a feature store or cache.',
    tradeoffs: [
      'Managed warehouses start fast vs cost grows with data scanned or compute time: partition and cluster tables.',
      'A lakehouse (open tables on object storage) avoids lock-in and serves Spark and SQL vs more to operate.',
    ],
    followUps: [
      'How do you rebuild the exact training set of a model from six months ago?',
      'How do you keep future data from leaking into training rows?',
    ],
    tools: [
      tool('BigQuery', 'Serverless on GCP; pay per data scanned or reserve slots.'),
      tool('Snowflake', 'Multi-cloud; storage separate from compute, warehouses sized per workload.'),
      tool('Delta Lake', 'ACID tables on object storage with time travel: reproducible training sets.'),
      tool('Hive', 'Hadoop-era SQL and metastore; met in older stacks, rarely a new choice.'),
    ],
  },
  'data-validation': {
    what: 'Automated checks on schema, ranges, nulls and distributions that stop bad data before it reaches training or serving.',
    whenToUse: 'Between ingestion and training, and on serving features: anywhere an upstream change could silently corrupt the model.',
    whenNot: 'Do not gate on dozens of brittle thresholds nobody owns; start with schema, nulls, volume and a few key distributions.',
    tradeoffs: [
      'Strict checks stop corrupted data vs false alarms halt pipelines and teach people to ignore alerts.',
      'Blocking keeps the last good model serving vs warning ships on time but risks training on bad data.',
    ],
    followUps: [
      'Validation fails at 2 a.m.: do you block the pipeline or proceed?',
      'Which check would catch a feature that is suddenly all nulls?',
    ],
    tools: [
      tool('Great Expectations', 'Declarative expectations on tables and dataframes with readable reports.'),
      tool('TFDV', 'Infers a schema from statistics; flags anomalies, drift and training-serving skew (TFX).'),
    ],
  },
  labeling: {
    what: 'A process in which humans (or rules, or models) attach ground-truth labels to examples for training and evaluation.',
    whenToUse: 'When behaviour gives no label or a poor one: moderation, detection boxes, relevance judgements, clean evaluation sets.',
    whenNot: 'When implicit feedback (purchases, arrival times) already gives the label at scale; keep humans for evaluation and edge cases.',
    tradeoffs: [
      'Expert labels are accurate vs slow and costly; crowd labels scale but need guidelines, overlap and agreement checks.',
      'Active learning (label what the model is unsure of) saves budget vs skews the labelled set away from real traffic.',
    ],
    followUps: [
      'How do you measure and improve label quality?',
      'Which examples do you send for labelling first?',
      'How do you protect raters who see harmful content?',
    ],
    tools: [
      tool('Label Studio', 'Open-source labelling UI for text, images, audio and video; you bring the raters.'),
      tool('SageMaker Ground Truth', 'Managed on AWS with public, vendor or private workforces and optional auto-labelling.'),
      tool('human raters', "Guidelines and agreement checks: Cohen's kappa for two raters, Fleiss' kappa or Krippendorff's alpha for more."),
    ],
  },
  'feature-pipeline': {
    what: 'The code that turns raw data into model inputs: aggregates, ratios, encodings, crosses and embeddings.',
    whenToUse: 'Whenever the model needs more than raw columns, e.g. 7-day click counts, user-item affinity, text embeddings.',
    whenNot: 'Avoid separate training and serving implementations of one feature; if unavoidable, test them against each other.',
    tradeoffs: [
      'Hand-made features make GBDTs strong and debuggable vs deep models learn interactions but need more data.',
      'Precomputing features cuts serving latency vs stale values and storage for every entity.',
    ],
    followUps: [
      'Which features must be computed at request time, and which can be precomputed?',
      'How do you make sure online and offline code compute the same value?',
    ],
    tools: [
      tool('Spark', 'Batch features over long history, and backfills.'),
      tool('Flink', 'Streaming features with event-time windows.'),
      tool('pandas', 'Prototypes on one machine; port to Spark or Flink before production scale.'),
    ],
  },
  'feature-store': {
    what: 'Defines features once and serves them offline (point-in-time training sets) and online (low-latency lookups).',
    whenToUse: 'When several models share features, or online features must match training: fraud, ads, ETA, feeds.',
    whenNot: 'One model with a few request-time features rarely needs one: a table, a key-value store and shared code may do.',
    tradeoffs: [
      'Consistent online and offline features and reuse vs the cost of running one more platform, with its own on-call.',
      'Streaming writes keep online features fresh vs cost more and add moving parts over daily batch loads.',
    ],
    followUps: [
      'What happens when the online store is down?',
      'How does it build point-in-time correct training data?',
      'How fresh are its features, and how do you know?',
    ],
    tools: [
      tool('Feast', 'Open source: a registry over your own offline and online stores; you run the compute.'),
      tool('Tecton', 'Managed; also computes batch, streaming and on-demand features. Bought by Databricks in 2025: weigh lock-in.'),
      tool('Hopsworks', 'Feature platform with its own online store (RonDB); self-hosted or managed.'),
      tool('Redis (online)', 'In-memory online store with sub-ms to low-ms reads; cost grows with memory.'),
      tool('DynamoDB (online)', 'Managed online store on AWS; single-digit-ms reads, pay per request or capacity.'),
    ],
  },
  'training-job': {
    what: 'The job that fits a model on labelled data and produces a versioned artifact with its metrics.',
    whenToUse: 'In every design that learns: say what it trains, on which data window, how often and on what hardware.',
    whenNot: 'When a pretrained model used as-is is good enough (a public encoder, a hosted LLM); then show how you evaluate it.',
    tradeoffs: [
      'GBDTs on tabular features train fast and are strong vs deep models learn from sequences, text and images at higher cost.',
      'Frequent retraining tracks drift vs costs compute and needs a solid automatic evaluation gate.',
    ],
    followUps: [
      'How often do you retrain, and on which data window?',
      'How do you split train and test without leakage?',
      'How do you handle class imbalance?',
    ],
    tools: [
      tool('PyTorch', 'The default for deep models.'),
      tool('TensorFlow', 'Deep models in existing TF or TFX stacks; mature TF Serving and on-device (LiteRT) paths.'),
      tool('XGBoost', 'Gradient-boosted trees on tabular data; the strong baseline.'),
      tool('LightGBM', 'Gradient-boosted trees; fast on large tables with many features.'),
      tool('Ray Train', 'Distributes PyTorch, TensorFlow or XGBoost training over a cluster from Python.'),
    ],
  },
  'embedding-model': {
    what: 'A model that maps users, items, text or images to vectors so that similar things lie close: the basis of retrieval.',
    whenToUse: 'For retrieval, similarity search, content-based cold start, and ranking features. Set pretrained when used as-is.',
    whenNot: 'When exact keyword or ID match is what users need, or a few tabular features solve it: vectors add index and version work.',
    tradeoffs: [
      'Pretrained encoders work on day one vs fine-tuned ones fit your domain but need labels and a training pipeline.',
      'A new embedding version improves quality vs forces re-embedding the corpus and rebuilding the index.',
    ],
    followUps: [
      'How do you train it: which positives and which negatives?',
      'What happens to the index when you retrain this model?',
    ],
    tools: [
      tool('two-tower', 'Query and item towers trained on interactions with in-batch negatives; items precomputed for ANN.'),
      tool('CLIP / SigLIP', 'Image-text encoders for visual and text-to-image search, zero-shot; SigLIP often beats CLIP at equal size.'),
      tool('BGE / E5 / GTE', 'Open text embedding families, strong untuned (see MTEB): the usual start for semantic search and RAG.'),
      tool('BERT', 'Older baseline: needs fine-tuning (Sentence-BERT) to embed sentences well; modern encoders beat it untuned.'),
      tool('word2vec', 'Older, cheap baseline: item vectors from session sequences (item2vec) for similar items.'),
    ],
  },
  'hyperparameter-tuning': {
    what: 'Automated search over hyperparameters (learning rate, depth, layer sizes) scored on a validation set.',
    whenToUse: 'Once the model family is chosen and tuning has measurable headroom; rerun it periodically, not on every retrain.',
    whenNot: 'Before you have a baseline and a clean validation split, or when better data and features would move the metric more.',
    tradeoffs: [
      'Bayesian search (TPE) with early stopping needs far fewer trials vs grid search, simple but wasteful.',
      'Tuning gains vs compute cost and overfitting the validation set: keep a final test set untouched.',
    ],
    followUps: [
      'How do you stop tuning from overfitting the validation set?',
      'Which hyperparameters matter most for your model?',
    ],
    tools: [
      tool('Ray Tune', 'Distributed trials with schedulers such as ASHA and PBT across a cluster.'),
      tool('Optuna', 'Light Python library; TPE sampling and pruning of poor trials.'),
      tool('Katib', 'Kubernetes-native tuning in Kubeflow; each trial runs as a job.'),
    ],
  },
  'experiment-tracking': {
    what: 'A record of every run: code and data version, parameters, metrics and artifacts, so results can be compared and reproduced.',
    whenToUse: 'As soon as more than one person or a handful of runs exist; link every registered model back to its run.',
    whenNot: 'It is not a registry or a deployment process: it records runs, it does not decide what goes live.',
    tradeoffs: [
      'Logging everything makes runs reproducible vs clutter unless runs are named and tagged consistently.',
      'Self-hosted keeps data in-house vs hosted tools give richer dashboards and collaboration, for a fee.',
    ],
    followUps: [
      'Could you reproduce the model that is live today?',
      'How do you tie a run to the exact data snapshot it used?',
    ],
    tools: [
      tool('MLflow Tracking', 'Open source, self-hosted or managed; pairs with the MLflow Model Registry.'),
      tool('Weights & Biases', 'Hosted tracking with rich dashboards, sweeps and reports; popular for deep learning.'),
    ],
  },
  orchestrator: {
    what: 'Schedules and chains pipeline steps (ingest, validate, train, evaluate, deploy) with retries, dependencies and history.',
    whenToUse: 'When several dependent steps run on a schedule or a trigger, e.g. a drift alert that starts retraining.',
    whenNot: 'Not for per-request or streaming work: it runs batch steps over minutes, not events in milliseconds.',
    tradeoffs: [
      'Central scheduling with retries and lineage vs one more service whose outage stalls every pipeline.',
      'Task DAGs (Airflow) are widely known vs asset-based tools (Dagster) model data dependencies directly.',
    ],
    followUps: [
      'What happens when the training step fails halfway?',
      'What triggers retraining: a schedule, a drift alert, or new data?',
    ],
    tools: [
      tool('Airflow', 'The mature default for scheduled DAGs, with a large operator ecosystem.'),
      tool('Prefect', 'Python-native flows with dynamic tasks; light to start.'),
      tool('Kubeflow Pipelines', 'Containerised ML steps on Kubernetes; fits teams already on Kubeflow.'),
      tool('Dagster', 'Asset-centric: tables and models as assets with lineage and freshness checks.'),
    ],
  },
  'offline-eval': {
    what: 'Scores a candidate model on held-out data before it may ship, and compares it with the production model.',
    whenToUse: 'Between training and the registry, as an automatic gate: overall metrics, per-slice metrics and calibration.',
    whenNot: "Never the last word for interactive systems: logged data reflects the old model's choices, so confirm online.",
    tradeoffs: [
      'Random splits are easy vs time-based splits mimic production and expose leakage; use time for anything temporal.',
      'One aggregate metric is simple vs slice metrics catch regressions hidden in averages (new users, small markets).',
    ],
    followUps: [
      'What must a candidate beat to replace the current model?',
      'Which slices do you check, and why?',
      'Why might offline gains not show up online?',
    ],
    tools: [
      tool('held-out set', 'A test split never used for training or tuning; time-based when data is temporal.'),
      tool('backtest', 'Train on the past, test on a later period, over several windows: forecasting, fraud, ETA.'),
      tool('replay', 'Off-policy evaluation on logs (e.g. inverse propensity scoring); blind where the old policy never acted.'),
    ],
  },
  'ab-test': {
    what: 'Compares models on live traffic against the business metric before a full rollout: A/B tests, shadow mode, interleaving.',
    whenToUse: 'For any online model whose offline metrics may not predict user behaviour: recommenders, search, ads, pricing.',
    whenNot: 'When traffic is too small to reach significance in reasonable time, or a bad decision is too costly: start with shadow mode.',
    tradeoffs: [
      'A/B tests measure the causal business effect vs need weeks of traffic and expose some users to a worse model.',
      'Interleaving detects ranking differences with far less traffic vs measures preference, not long-term metrics.',
    ],
    followUps: [
      'How long do you run the test, and how do you size it?',
      'Which guardrail metrics would stop the test?',
      'How do you account for novelty effects?',
    ],
    tools: [
      tool('A/B test', 'Random split of users: the standard for causal impact on business metrics.'),
      tool('shadow mode', 'The new model scores live traffic without acting: safe check of latency, errors, agreement.'),
      tool('champion/challenger', 'A challenger takes a slice of traffic and replaces the champion only if it wins.'),
      tool('interleaving', "Mixes two rankers' results in one list; far more sensitive for ranking comparisons."),
      tool('Statsig', 'Hosted experimentation and feature flags with variance reduction (CUPED).'),
      tool('GrowthBook', 'Open-source feature flags and experiments computed from your warehouse.'),
    ],
  },
  'model-registry': {
    what: 'A versioned catalogue of trained models with their metrics, lineage and status, which decides what is live.',
    whenToUse: 'Between evaluation and serving whenever models are retrained: rollback and audit become a pointer change.',
    whenNot: 'A one-off batch model run by one person may not need one; a versioned path with metadata can suffice.',
    tradeoffs: [
      'Auditable promotion and fast rollback vs process overhead if every promotion waits for a manual approval.',
      'Platform registries integrate with their serving vs tie you to that platform.',
    ],
    followUps: [
      'How do you roll back a bad model, and how long does it take?',
      'What metadata do you store with each version?',
    ],
    tools: [
      tool('MLflow Model Registry', 'Open source: versions, aliases and lineage to MLflow runs.'),
      tool('W&B', 'Hosted registry linked to W&B runs and artifacts.'),
      tool('SageMaker', 'SageMaker Model Registry with approval status; deploys to SageMaker endpoints.'),
    ],
  },
  'model-server': {
    what: 'Runs trained models behind an endpoint and answers predictions online, handling batching, scaling and versions.',
    whenToUse: 'When predictions are needed at request time and the model is heavier than a library call inside the API.',
    whenNot: 'When predictions can be precomputed (batch inference plus lookup), or a small model runs in-process in the API.',
    tradeoffs: [
      'Dynamic batching raises GPU throughput vs adds queueing delay: tune the maximum wait against the budget.',
      "Triton's multi-framework serving and dynamic batching vs operational weight; simpler servers cover one framework.",
    ],
    followUps: [
      'How do you scale it for peak traffic?',
      'How do you roll out a new model version safely?',
      'What is the fallback when it is down or slow?',
    ],
    tools: [
      tool('Triton', 'NVIDIA: TensorRT, ONNX, PyTorch and TF backends, dynamic batching; GPU-first.'),
      tool('KServe', 'Kubernetes-native serving with autoscaling, scale to zero and canary rollouts.'),
      tool('TorchServe', 'PyTorch serving, archived in August 2025 (no more fixes): use Triton, KServe or BentoML instead.'),
      tool('TF Serving', 'Mature serving of TensorFlow SavedModels with versions, over gRPC and REST.'),
      tool('BentoML', 'Packages Python models and code into services and containers; fast path to an API.'),
      tool('Ray Serve', 'Composes several Python models with autoscaling on Ray; ensembles and LLM apps.'),
    ],
  },
  'batch-inference': {
    what: 'Scores many inputs on a schedule and stores the predictions for lookup, instead of computing them per request.',
    whenToUse: 'When inputs are known ahead and results may lag: daily recommendations, people you may know, offline image jobs.',
    whenNot: 'When the prediction depends on request-time context (query, session, transaction), or the input space is too big to enumerate.',
    tradeoffs: [
      'Cheap, simple serving (a key lookup) vs stale results, and compute spent on users who never come back.',
      'Large batches use GPUs efficiently vs new users and items get nothing until the next run.',
    ],
    followUps: [
      'How do you serve a user who signed up after the last run?',
      'How long does a full run take, and what if it fails?',
    ],
    tools: [
      tool('Spark job', 'Score large tables where the data already lives; CPU models, pandas UDFs.'),
      tool('Ray batch', 'Ray Data pipelines that keep GPUs busy on images, video or text.'),
    ],
  },
  'prediction-api': {
    what: 'The service the product calls: it validates the request, fetches features, calls models and returns the result.',
    whenToUse: 'In every online design: it owns the request path, timeouts, fallbacks and prediction logging.',
    whenNot: 'Batch-only systems that write predictions to a table or key-value store do not need one.',
    tradeoffs: [
      'One orchestrating service keeps logic in one place vs becomes a latency and deployment bottleneck.',
      'Sequential calls are simple vs parallel fan-out with timeouts is faster but harder to reason about.',
    ],
    followUps: [
      'What does it return when a downstream call times out?',
      'Where does each millisecond of the latency budget go?',
    ],
    tools: [
      tool('REST', 'JSON over HTTP: easy for clients and for debugging.'),
      tool('gRPC', 'Protobuf over HTTP/2: lower overhead and typed contracts between services.'),
    ],
  },
  'candidate-generation': {
    what: 'The first retrieval stage: narrows millions of items to hundreds of plausible ones in a few milliseconds.',
    whenToUse: 'In recommenders and search when the catalogue is too large for the ranker to score every item.',
    whenNot: 'When the catalogue is small enough (thousands of items) for the ranker to score all of them within budget.',
    tradeoffs: [
      'Several sources (embeddings, popular, fresh, social) raise recall and help cold start vs more merging and dedup.',
      'Cheap models keep it fast vs lose recall, and an item missed here can never be ranked.',
    ],
    followUps: [
      'How do you measure the recall of this stage?',
      'How are new items retrieved before they have interactions?',
    ],
    tools: [
      tool('two-tower + ANN', 'Embed users and items, fetch the nearest items from an ANN index; huge catalogues.'),
      tool('collaborative filtering', 'Matrix factorisation or item-item co-occurrence; strong with history, weak on new items.'),
    ],
  },
  ranking: {
    what: 'Scores each candidate precisely with rich user, item and context features, and orders the list.',
    whenToUse: 'After candidate generation, when a heavier model on hundreds of items still fits the latency budget.',
    whenNot: 'When candidates are few and order barely matters; a simple score or rules may do.',
    tradeoffs: [
      'Richer features and bigger models raise accuracy vs latency grows with candidates x model cost.',
      'Multi-task heads (click, like, dwell) capture more of the goal vs their weighting is a business decision.',
    ],
    followUps: [
      'Which label and loss does it train on?',
      'How do you handle position bias in its training data?',
      'How many candidates can you score within budget?',
    ],
    tools: [
      tool('GBDT', 'Gradient-boosted trees (e.g. LambdaMART); strong on tabular features, cheap on CPU.'),
      tool('DNN', 'Deep ranker with embeddings for sparse IDs and sequences; needs more data and compute.'),
      tool('DCN', 'Deep & Cross Network: learns explicit feature crosses; common in CTR prediction.'),
    ],
  },
  're-ranking': {
    what: 'The last pass over the ranked list: filters, diversity, freshness, exploration, business and policy rules.',
    whenToUse: 'In every recommender and feed: remove seen or unavailable items, diversify and explore before showing.',
    whenNot: 'Do not hide core relevance logic in ad-hoc rules; if a rule shapes quality, make it a feature or objective and test it.',
    tradeoffs: [
      'Diversity and exploration protect long-term engagement and give new items a chance vs a small short-term CTR cost.',
      'Hand-written rules ship fast vs pile up and interact in ways nobody can explain: version and test them.',
    ],
    followUps: [
      'How do you add exploration without hurting users?',
      'How do you measure the effect of diversity?',
    ],
    tools: [
      tool('diversity', 'Cap items per creator or topic, or use MMR; no near-duplicates on one screen.'),
      tool('freshness', 'Boost new items so they collect feedback; the boost decays with age.'),
      tool('business rules', 'Availability, age limits, blocked content, contractual boosts.'),
    ],
  },
  'vector-db': {
    what: 'Stores embeddings and returns the approximate nearest neighbours of a query vector among millions in milliseconds.',
    whenToUse: 'For embedding retrieval (candidates, visual or semantic search, RAG, dedup), filled by a batch or streaming index builder.',
    whenNot: 'For a small corpus, an in-process FAISS index or pgvector in your existing Postgres may beat running a new database.',
    tradeoffs: [
      'Approximate search gives up a little recall for large speed-ups: tune HNSW or IVF parameters against recall@k.',
      'Metadata filters are convenient vs can cut recall or speed when a filter is very selective.',
    ],
    followUps: [
      'How do you keep the index fresh as items are added and deleted?',
      'What happens when you retrain the embedding model?',
      'How do you measure ANN recall?',
    ],
    tools: [
      tool('Pinecone', 'Managed service: no ops, pay for usage.'),
      tool('Milvus', 'Open-source, distributed, many index types including GPU; for very large collections.'),
      tool('Qdrant', 'Open-source, written in Rust; strong filtering on payload fields.'),
      tool('FAISS', 'A library, not a database: in-process indexes; you own persistence, updates, sharding.'),
      tool('pgvector', 'Postgres extension (HNSW, IVFFlat): vectors beside relational data at moderate scale.'),
    ],
  },
  'search-index': {
    what: 'An inverted index for keyword (lexical) search, with BM25 scoring, filters and facets over text fields.',
    whenToUse: 'When exact terms matter (names, SKUs, rare words), and as a retrieval source beside embeddings in hybrid search.',
    whenNot: 'Alone, when meaning matters more than words (paraphrases, images): add embedding retrieval.',
    tradeoffs: [
      'Lexical search is exact, explainable and cheap vs misses synonyms and paraphrases.',
      'Hybrid lexical + vector retrieval raises recall vs needs score fusion (e.g. reciprocal rank fusion) and two indexes.',
    ],
    followUps: [
      'How do you merge lexical and embedding results?',
      'How fast does a new or deleted document show up in results?',
    ],
    tools: [
      tool('Elasticsearch', 'The common default: BM25, filters, aggregations, and k-NN vector search.'),
      tool('OpenSearch', 'Apache-2.0 fork of Elasticsearch, governed by a Linux Foundation body; managed on AWS.'),
    ],
  },
  cache: {
    what: 'An in-memory store of hot results or features that cuts latency and load on slower systems.',
    whenToUse: 'When the same keys are read often: popular queries, precomputed recommendations, user features, embeddings.',
    whenNot: 'When results are unique per request so the hit rate will be low, or when any staleness is unacceptable.',
    tradeoffs: [
      'Lower latency and cost vs staleness: set the TTL from how fast the value changes.',
      'A high hit rate saves compute vs a cold cache after a restart can stampede the backend.',
    ],
    followUps: [
      'What is the TTL, and what happens on a miss?',
      'How do you invalidate cached results when the model changes?',
    ],
    tools: [
      tool('Redis', 'Data structures, persistence, replication; often also the online feature store. Valkey is a BSD-licensed fork.'),
      tool('Memcached', 'Simple multi-threaded key-value cache; no persistence or data types.'),
    ],
  },
  'rules-engine': {
    what: 'Hand-written rules that block, allow or fall back when the model is unavailable or must be overridden.',
    whenToUse: 'For hard constraints (regulation, blocklists), known patterns, cold start before a model, and fallbacks.',
    whenNot: 'Do not let rules grow into a shadow model nobody can evaluate: move stable patterns into model features.',
    tradeoffs: [
      'Rules react at once to a new attack pattern vs are brittle and easy for adversaries to probe.',
      'Each rule is easy to explain vs hundreds of them interact unpredictably and block good users.',
    ],
    followUps: [
      'When a rule and the model disagree, which wins?',
      "How do you measure a rule's false positives?",
    ],
    tools: [
      tool('heuristics', 'Thresholds and lists written by analysts: the fastest response to a new pattern.'),
      tool('fallback rules', 'Safe default when the model times out, e.g. a popularity list.'),
    ],
  },
  'human-review': {
    what: 'A queue where people review uncertain or high-stakes cases; their decisions act on the case and become labels.',
    whenToUse: 'When errors are costly and the model is unsure: moderation, fraud, appeals. Route by score band.',
    whenNot: 'For high-volume, low-stakes decisions where review costs more than the error, or answers are needed in milliseconds.',
    tradeoffs: [
      'People decide hard cases well vs cost, delay and fixed capacity: size the queue to reviewer hours.',
      'Review decisions are valuable labels vs biased: they only cover the cases the model sent.',
    ],
    followUps: [
      'Which cases go to review, and how do you size the queue?',
      'How do reviewer decisions flow back into training?',
    ],
    tools: [
      tool('moderators', 'Trained reviewers with policy guidelines and wellbeing support.'),
      tool('analysts', 'Fraud or risk analysts who investigate cases and write new rules.'),
    ],
  },
  'llm-server': {
    what: 'Serves a large language model for generation, with continuous batching, KV-cache management and token streaming.',
    whenToUse: 'When the product generates or reasons over text (assistants, RAG answers, extraction) with models you host.',
    whenNot: 'When a hosted API meets cost, latency and privacy needs, or a small classifier does the job far cheaper.',
    tradeoffs: [
      'Self-hosting gives control, privacy and lower cost at scale vs GPU capacity planning and upgrades are yours.',
      'Larger models answer better vs cost more per token and slow the first token; quantisation helps.',
    ],
    followUps: [
      'What are your time-to-first-token and tokens-per-second targets?',
      'How many GPUs do you need at peak?',
      'How do you evaluate answer quality?',
    ],
    tools: [
      tool('vLLM', 'Open source; PagedAttention and continuous batching: the common default.'),
      tool('TGI', 'Hugging Face Text Generation Inference; in maintenance mode, prefer vLLM or SGLang.'),
      tool('TensorRT-LLM', 'NVIDIA: compiled engines for top throughput on NVIDIA GPUs, at a higher build cost.'),
      tool('SGLang', 'Open source; prefix caching (RadixAttention) and fast structured output.'),
    ],
  },
  guardrails: {
    what: 'Checks on inputs and outputs for safety, PII, policy and prompt injection before content reaches the model or users.',
    whenToUse: 'In every generative or user-facing content system: RAG assistants, chatbots, any output users see unreviewed.',
    whenNot: 'Guardrails do not fix a weak model or retrieval: do not stack filters to hide quality problems.',
    tradeoffs: [
      'Stricter filters block more harm vs refuse more legitimate requests: measure both rates.',
      'Classifier checks add latency to every request vs run cheap checks inline and heavy ones after the fact.',
    ],
    followUps: [
      'How do you measure false refusals?',
      'How do you defend against prompt injection in retrieved documents?',
    ],
    tools: [
      tool('safety filters', 'Classifiers on prompts and outputs (e.g. Llama Guard) with policy thresholds.'),
      tool('PII redaction', 'Detect and mask personal data in prompts, logs and outputs (e.g. Presidio).'),
    ],
  },
  'prediction-logging': {
    what: 'Logs each request with the features as served, the model version and the prediction, to join later with the outcome.',
    whenToUse: 'In every production model: it feeds monitoring and debugging, and, joined with outcomes, training on served features.',
    whenNot: 'Do not log personal data you do not need; sample high-volume, low-value traffic rather than logging it all.',
    tradeoffs: [
      'Training on logged served features removes skew vs storage cost and privacy review.',
      'Full logs ease debugging vs sampling cuts cost; keep everything for the decisions that matter.',
      'A log of predictions is not a label: only its join with what happened (a click, a chargeback) is, and that join sets the delay.',
    ],
    followUps: [
      'How do you join predictions with labels that arrive weeks later?',
      'Which fields do you log, and for how long?',
    ],
    tools: [
      tool('feature and prediction logs', 'Request id, model version, served features, scores and action, to a stream and the warehouse.'),
    ],
  },
  'monitoring-dashboard': {
    what: 'Dashboards and alerts on system health (latency, errors, load) and model health (score distribution, outcomes).',
    whenToUse: 'For every service on the request path and every model; alert on symptoms users feel, with owners and runbooks.',
    whenNot: 'A dashboard nobody watches is not monitoring: do not add charts without an alert or an owner.',
    tradeoffs: [
      'More alerts catch more issues vs alert fatigue: alert on a few symptoms, chart the rest.',
      'System metrics are immediate vs quality needs late labels: watch proxies (score shift, CTR) meanwhile.',
    ],
    followUps: [
      'What would you alert on in the first week?',
      'How do you notice the model is wrong when no service is erroring?',
    ],
    tools: [
      tool('Prometheus', 'Pull-based metrics and alert rules for service and model counters.'),
      tool('Grafana', 'Dashboards and alerts over Prometheus, logs and other sources.'),
    ],
  },
  'drift-detection': {
    what:
      'Compares live inputs and predictions with training data (data drift); concept drift, a changed link from inputs to labels, ' +
      'shows only against labels.',
    whenToUse: 'When the world shifts under the model (fraud, prices, trends) and labels arrive late; it can trigger retraining.',
    whenNot: 'Drift alone does not prove the model got worse: do not retrain on every alert, check performance or its estimate.',
    tradeoffs: [
      'KS suits numeric features and on large samples flags tiny, harmless shifts; categorical ones need chi-square or Jensen-Shannon.',
      'PSI is easy to threshold vs depends on the binning and misses changes within a bin.',
      'Estimated performance (CBPE) warns before labels come vs needs calibrated scores and assumes no concept drift.',
    ],
    followUps: [
      'Data drift or concept drift: how do you tell them apart?',
      'What threshold triggers retraining, and who decides?',
    ],
    tools: [
      tool('Evidently', 'Open-source reports and tests for data drift and quality.'),
      tool('NannyML', 'Estimates performance before labels arrive (CBPE) and finds data drift; concept drift needs labels.'),
      tool('KS test', 'Two-sample test for numeric features only; with large samples tiny shifts are significant.'),
      tool('chi-square / Jensen-Shannon', 'Categorical features: a chi-square test on category counts, or the bounded Jensen-Shannon distance.'),
      tool('PSI', 'Population stability index over bins; rule of thumb: below 0.1 stable, above 0.25 a major shift.'),
    ],
  },
  note: {
    what: 'A sticky note for assumptions, trade-offs, open questions and numbers you want the interviewer to see.',
    whenToUse: 'To state assumptions (scale, label delay), record a trade-off you chose, or park a question to come back to.',
    whenNot: "Not for paragraphs: if a note describes a component, draw the component and put the reasoning in its notes.",
    tradeoffs: [
      'Written assumptions keep you and the interviewer aligned vs time spent writing instead of talking.',
      'Notes show reasoning vs clutter the canvas: keep each to a line or two.',
    ],
    followUps: [
      'Which assumption in your notes, if wrong, would change the design most?',
      'Why did you pick this option over the alternative you noted?',
    ],
    tools: [],
  },
  group: {
    what: 'A labelled zone that groups components, usually the offline (training) part and the online (request-path) part.',
    whenToUse: 'To split offline from online, so the latency-critical path and the batch world are obvious at a glance.',
    whenNot: 'Do not nest zones or use them as decoration: two or three zones are usually enough.',
    tradeoffs: [
      'A clear offline/online border shows where consistency is at risk (features, models) vs layout time.',
      'Zones by timing (offline, online) vs by owner or system: pick the split the discussion needs.',
    ],
    followUps: [
      'What crosses the border between your offline and online zones, and how often?',
      'Which components in the online zone must meet the latency budget?',
    ],
    tools: [],
  },
  custom: {
    what: 'Any component the catalogue lacks (a routing engine, a geocoder, an ad auction); you name it and choose its stage.',
    whenToUse: 'When a domain-specific part matters to the design. Set its stage so it counts for coverage, and its tool if known.',
    whenNot:
      'When a catalogue kind fits. If none does, list the kinds it also acts as (trainer, inference, ranking ...) so the checker ' +
      'knows its role.',
    tradeoffs: [
      'Precise domain naming vs the checker knows its role only from its stage and the kinds it acts as.',
      'One custom box hides detail vs several standard boxes expose it to questions: go deep where it matters.',
    ],
    followUps: [
      'What does this component do that a standard one does not, and who owns it?',
      'What is its latency, and how does it fail?',
    ],
    tools: [],
  },
};

/** The component card of every catalogue kind. */
export const COMPONENT_CARDS: Record<KindId, ComponentCard> = Object.fromEntries(
  (Object.keys(CARDS) as KindId[]).map((kind) => [kind, { kind, ...CARDS[kind] }]),
) as Record<KindId, ComponentCard>;

/** The component card of a kind. */
export function componentCard(kind: KindId): ComponentCard {
  return COMPONENT_CARDS[kind];
}

/** The follow-up question number `index` of a kind, wrapping around its list (negative indexes count from the end). */
export function followUpFor(kind: KindId, index: number): string {
  const qs = COMPONENT_CARDS[kind].followUps;
  const i = Number.isFinite(index) ? Math.trunc(index) : 0;
  return qs[((i % qs.length) + qs.length) % qs.length];
}
