// The rules revision 2 added, which read what a design says (its cards, its edges' kinds, its tools):
// a fires / does-not-fire pair for each, and the readings an interviewer would argue about.
import { describe, expect, it } from 'vitest';
import type { NodeProps } from '../../../src/domain/diagram';
import { diagram, extend, findings, type E, type N } from './helpers';

const objective = (props: NodeProps): N => ['obj', 'ml-objective', props];

describe('requirements-incomplete', () => {
  it('fires on a card without a goal or scale, listing what is missing', () => {
    const f = findings(diagram([['req', 'requirements', { qps: 10 }]]), 'requirements-incomplete');
    expect(f).toEqual([expect.objectContaining({ severity: 'warning', stage: 'requirements', nodeIds: ['req'] })]);
    expect(f[0].message).toContain('a goal');
    expect(f[0].message).not.toContain('scale');
  });

  it('asks an online design for its latency budget, a batch design not', () => {
    const online = diagram([['req', 'requirements', { goal: 'g', qps: 100, realtime: true }]]);
    expect(findings(online, 'requirements-incomplete')[0].message).toContain('a latency budget');
    const batch = diagram([['req', 'requirements', { goal: 'g', scale: '1M rows nightly' }]]);
    expect(findings(batch, 'requirements-incomplete')).toEqual([]);
    const filled = diagram([['req', 'requirements', { goal: 'g', qps: 100, realtime: true, latencyBudgetMs: 200 }]]);
    expect(findings(filled, 'requirements-incomplete')).toEqual([]);
  });
});

describe('objective-incomplete', () => {
  it('fires on an empty card, listing task, label and offline metric', () => {
    const f = findings(diagram([objective({})]), 'objective-incomplete');
    expect(f).toEqual([expect.objectContaining({ severity: 'warning', stage: 'framing', nodeIds: ['obj'] })]);
    expect(f[0].message).toContain('a task, a label and an offline metric');
  });

  it('asks an online design for an online metric', () => {
    const card = objective({ task: 'ranking', label: 'click', offlineMetric: 'NDCG@10' });
    expect(findings(diagram([card, ['app', 'client-app']]), 'objective-incomplete')[0].message).toContain('an online metric');
    expect(findings(diagram([card]), 'objective-incomplete')).toEqual([]);
  });
});

describe('edge-kind-mismatch', () => {
  it('asks for a model edge from the registry to the server, with a one-click fix', () => {
    const d = diagram([['reg', 'model-registry'], ['server', 'model-server']], [['reg', 'server', 'data']]);
    const f = findings(d, 'edge-kind-mismatch');
    expect(f).toEqual([
      expect.objectContaining({
        severity: 'warning',
        nodeIds: ['reg', 'server'],
        edgeIds: ['e0'],
        fix: { action: 'set-edge-kind', edgeId: 'e0', kind: 'model', label: 'Make it a model edge' },
      }),
    ]);
    expect(findings(diagram([['reg', 'model-registry'], ['server', 'model-server']], [['reg', 'server', 'model']]), 'edge-kind-mismatch')).toEqual([]);
  });

  it('asks for a control edge from drift detection into training, not feedback', () => {
    const d = diagram([['drift', 'drift-detection'], ['train', 'training-job']], [['drift', 'train', 'feedback']]);
    expect(findings(d, 'edge-kind-mismatch')[0].fix).toMatchObject({ action: 'set-edge-kind', kind: 'control' });
    const ok = diagram([['drift', 'drift-detection'], ['orch', 'orchestrator']], [['drift', 'orch', 'control']]);
    expect(findings(ok, 'edge-kind-mismatch')).toEqual([]);
  });

  it('turns round a request that points into the client app', () => {
    const d = diagram([['api', 'prediction-api'], ['app', 'client-app']], [['api', 'app', 'request']]);
    expect(findings(d, 'edge-kind-mismatch')[0].fix).toEqual({ action: 'reverse-edge', edgeId: 'e0', label: 'Turn it round' });
    expect(findings(diagram([['api', 'prediction-api'], ['app', 'client-app']], [['app', 'api', 'request']]), 'edge-kind-mismatch')).toEqual([]);
  });

  it('leaves edges whose kind fits alone: a monitor feeding data back, a store feeding training', () => {
    const d = diagram(
      [['plog', 'prediction-logging'], ['wh', 'data-warehouse'], ['fs', 'feature-store'], ['train', 'training-job']],
      [['plog', 'wh', 'feedback'], ['fs', 'train', 'data'], ['wh', 'train', 'data']],
    );
    expect(findings(d, 'edge-kind-mismatch')).toEqual([]);
  });
});

describe('metric-mismatch', () => {
  const fraud = (offlineMetric: string, extra: NodeProps = {}) =>
    diagram([objective({ task: 'classification', label: 'chargeback', offlineMetric, ...extra })], [], { problem: 'fraud' });

  it('fires on accuracy alone at 0.1 % fraud', () => {
    const f = findings(fraud('Accuracy on held-out data'), 'metric-mismatch');
    expect(f).toEqual([expect.objectContaining({ severity: 'warning', nodeIds: ['obj'] })]);
    expect(f[0].message).toMatch(/accuracy/i);
  });

  it('does not fire when a threshold metric stands beside accuracy', () => {
    expect(findings(fraud('accuracy, PR-AUC'), 'metric-mismatch')).toEqual([]);
    expect(findings(fraud('Accuracy and recall at 1% FPR'), 'metric-mismatch')).toEqual([]);
  });

  it('reads the positive rate for a generic problem, and the offline evaluation nodes', () => {
    const generic = (rate: number) => diagram([objective({ task: 'classification', label: 'l', offlineMetric: 'accuracy', positiveRate: rate })]);
    expect(findings(generic(0.02), 'metric-mismatch')[0].message).toContain('2 %');
    expect(findings(generic(0.4), 'metric-mismatch')).toEqual([]);
    const withEval = extend(generic(0.02), [['ev', 'offline-eval', { notes: 'PR-AUC on a backtest' }]]);
    expect(findings(withEval, 'metric-mismatch')).toEqual([]);
  });

  it('asks a ranking task for a ranking metric, a regression for an error metric, generation for more than perplexity', () => {
    const task = (t: NodeProps['task'], offlineMetric: string) => diagram([objective({ task: t, label: 'l', offlineMetric })]);
    expect(findings(task('ranking', 'AUC'), 'metric-mismatch')).toHaveLength(1);
    expect(findings(task('ranking', 'nDCG@10'), 'metric-mismatch')).toEqual([]);
    expect(findings(task('retrieval', 'Recall@200'), 'metric-mismatch')).toEqual([]);
    expect(findings(task('regression', 'R2'), 'metric-mismatch')).toHaveLength(1);
    expect(findings(task('regression', 'MAE in minutes'), 'metric-mismatch')).toEqual([]);
    expect(findings(task('generation', 'perplexity'), 'metric-mismatch')).toHaveLength(1);
    expect(findings(task('generation', 'perplexity and faithfulness on a golden set'), 'metric-mismatch')).toEqual([]);
  });
});

describe('leaky-split', () => {
  const timeOrdered: N[] = [['ev', 'event-log'], ['train', 'training-job']];
  const edges: E[] = [['ev', 'train']];

  it('fires on a random split when an event log feeds training, naming the card and the evaluations', () => {
    const d = diagram([objective({ offlineMetric: 'AUC on a random 80/20 split' }), ...timeOrdered, ['oe', 'offline-eval']], edges);
    expect(findings(d, 'leaky-split')).toEqual([expect.objectContaining({ severity: 'warning', nodeIds: ['obj', 'oe'] })]);
  });

  it('does not fire on a time split, and time wins where a text names both', () => {
    expect(findings(diagram([objective({ split: 'time', offlineMetric: 'AUC' }), ...timeOrdered], edges), 'leaky-split')).toEqual([]);
    const both = diagram([objective({ offlineMetric: 'AUC on a random split, then an out-of-time backtest' }), ...timeOrdered], edges);
    expect(findings(both, 'leaky-split')).toEqual([]);
  });

  it('reads the problem as time-ordered, and leaves static data alone', () => {
    const byProblem = diagram([objective({ split: 'random' })], [], { problem: 'eta' });
    expect(findings(byProblem, 'leaky-split')).toHaveLength(1);
    const images = diagram([objective({ split: 'random' }), ['s3', 'object-storage'], ['train', 'training-job']], [['s3', 'train']]);
    expect(findings(images, 'leaky-split')).toEqual([]);
  });

  it('does not read "random negatives" in the loss as a random split', () => {
    const d = diagram([objective({ loss: 'sampled softmax with random negatives', offlineMetric: 'recall@100' }), ...timeOrdered], edges);
    expect(findings(d, 'leaky-split')).toEqual([]);
  });
});

describe('uncalibrated-scores', () => {
  it('fires on 1:1 negative downsampling with no recalibration', () => {
    const d = diagram([objective({ loss: 'BCE on 1:1 downsampled negatives' })]);
    expect(findings(d, 'uncalibrated-scores')).toEqual([expect.objectContaining({ severity: 'warning', nodeIds: ['obj'] })]);
  });

  it('does not fire once the card says calibrated, or a calibration step is named', () => {
    expect(findings(diagram([objective({ loss: 'BCE on downsampled negatives', calibrated: true })]), 'uncalibrated-scores')).toEqual([]);
    const words = diagram([objective({ loss: 'BCE on downsampled negatives' }), ['t', 'training-job', { notes: 'isotonic recalibration after training' }]]);
    expect(findings(words, 'uncalibrated-scores')).toEqual([]);
  });

  it('asks an ad-click design for calibration (pCTR x bid), and log loss alone is no evidence', () => {
    const ads = diagram([objective({ offlineMetric: 'log loss, AUC' })], [], { problem: 'ad-click' });
    expect(findings(ads, 'uncalibrated-scores')).toHaveLength(1);
    const ece = diagram([objective({ offlineMetric: 'log loss, ECE' })], [], { problem: 'ad-click' });
    expect(findings(ece, 'uncalibrated-scores')).toEqual([]);
  });

  it('does not fire where scores are not probabilities and nothing was downsampled', () => {
    expect(findings(diagram([objective({ loss: 'BCE', task: 'classification' })]), 'uncalibrated-scores')).toEqual([]);
    expect(findings(diagram([objective({ loss: 'BCE, no downsampling' })]), 'uncalibrated-scores')).toEqual([]);
  });

  it('reads downsampling in a component that feeds the trainer', () => {
    const d = diagram([objective({}), ['ds', 'batch-etl', {}, '1:1 negative downsampling'], ['t', 'training-job']], [['ds', 't']]);
    expect(findings(d, 'uncalibrated-scores')).toHaveLength(1);
  });
});

describe('label-delay', () => {
  const fraud = (props: NodeProps) => diagram([objective(props)], [], { problem: 'fraud' });

  it('fires on fraud labels with no maturity window', () => {
    expect(findings(fraud({ label: 'is_fraud column' }), 'label-delay')).toEqual([expect.objectContaining({ severity: 'warning', nodeIds: ['obj'] })]);
  });

  it('does not fire once the delay is written, as a field or in the label', () => {
    expect(findings(fraud({ labelDelay: 'chargebacks mature in 60-90 days' }), 'label-delay')).toEqual([]);
    expect(findings(fraud({ label: 'chargeback within 90 days' }), 'label-delay')).toEqual([]);
  });

  it('does not take "once a day" or a metric window for a label delay', () => {
    const ads = diagram([objective({ label: 'Clicked (joined to impressions once a day)', onlineMetric: '7-day retention' })], [], { problem: 'ad-click' });
    expect(findings(ads, 'label-delay')).toHaveLength(1);
  });

  it('asks for it whenever labels are outcomes, and not for clicks on a generic design', () => {
    expect(findings(diagram([objective({ labelSource: 'outcome' })]), 'label-delay')).toHaveLength(1);
    expect(findings(diagram([objective({ label: 'actual arrival time' })]), 'label-delay')).toHaveLength(1);
    expect(findings(diagram([objective({ label: 'clicked' })]), 'label-delay')).toEqual([]);
  });

  it('reads the trainers too', () => {
    const d = diagram([objective({}), ['t', 'training-job', { notes: 'trains on transactions older than 90 days' }]], [], { problem: 'fraud' });
    expect(findings(d, 'label-delay')).toEqual([]);
  });
});

describe('no-guardrail-metric', () => {
  const online = (onlineMetric: string | undefined, ab: NodeProps = {}) =>
    diagram([objective(onlineMetric ? { onlineMetric } : {}), ['app', 'client-app'], ['ab', 'ab-test', ab, 'A/B test']]);

  it('fires on an A/B test judged by CTR alone', () => {
    expect(findings(online('CTR'), 'no-guardrail-metric')).toEqual([expect.objectContaining({ severity: 'warning', nodeIds: ['ab'] })]);
  });

  it('does not fire with a primary metric and a guardrail, as parts or as metrics in the test notes', () => {
    expect(findings(online('CTR; guardrail: p99 latency'), 'no-guardrail-metric')).toEqual([]);
    expect(findings(online('watch time with retention'), 'no-guardrail-metric')).toEqual([]);
    expect(findings(online('CTR', { notes: 'guardrails: latency and complaint rate' }), 'no-guardrail-metric')).toEqual([]);
  });

  it('does not fire on a batch design or without an online evaluation', () => {
    expect(findings(diagram([objective({ onlineMetric: 'CTR' }), ['ab', 'ab-test']]), 'no-guardrail-metric')).toEqual([]);
    expect(findings(diagram([objective({ onlineMetric: 'CTR' }), ['app', 'client-app']]), 'no-guardrail-metric')).toEqual([]);
  });
});

describe('unguarded-automation', () => {
  const fraud = (extraNodes: N[] = [], extraEdges: E[] = []) =>
    diagram(
      [['app', 'client-app'], ['api', 'prediction-api'], ['ms', 'model-server'], ['rules', 'rules-engine', {}, 'Decline if score > 0.5'], ...extraNodes],
      [['app', 'api', 'request'], ['api', 'ms', 'request'], ['ms', 'rules', 'request'], ...extraEdges],
      { problem: 'fraud' },
    );

  it('fires on a hard decline rule with no review queue, naming the decision makers', () => {
    expect(findings(fraud(), 'unguarded-automation')).toEqual([expect.objectContaining({ severity: 'warning', nodeIds: ['ms', 'rules'] })]);
  });

  it('does not fire once the decisions lead to a human review queue', () => {
    expect(findings(fraud([['rev', 'human-review']], [['rules', 'rev']]), 'unguarded-automation')).toEqual([]);
  });

  it('does not take a review queue reached only from earlier steps as guarding the decision', () => {
    expect(findings(fraud([['rev', 'human-review']], [['app', 'rev']]), 'unguarded-automation')).toHaveLength(1);
  });

  it('applies to fraud and moderation designs only', () => {
    expect(findings({ ...fraud(), problem: 'recommendation' }, 'unguarded-automation')).toEqual([]);
    expect(findings({ ...fraud(), problem: 'content-moderation' }, 'unguarded-automation')).toHaveLength(1);
  });
});

describe('no-fallback', () => {
  const path = (props: NodeProps = {}, extra: N[] = [], extraEdges: E[] = []) =>
    diagram([['app', 'client-app'], ['api', 'prediction-api'], ['rank', 'ranking', props], ...extra], [['app', 'api', 'request'], ['api', 'rank', 'request'], ...extraEdges]);

  it('fires (info) when nothing on the request path says what answers when the model is down', () => {
    expect(findings(path(), 'no-fallback')).toEqual([expect.objectContaining({ severity: 'info', nodeIds: ['api', 'rank'] })]);
  });

  it('does not fire with a fallback on a model, or a cache or rules engine on the path', () => {
    expect(findings(path({ fallback: 'popular items from the cache' }), 'no-fallback')).toEqual([]);
    expect(findings(path({}, [['c', 'cache']], [['api', 'c', 'request']]), 'no-fallback')).toEqual([]);
    // A cache off the request path does not answer for the model.
    expect(findings(path({}, [['c', 'cache']], [['c', 'rank', 'data']]), 'no-fallback')).toHaveLength(1);
  });
});

describe('tool-misfit', () => {
  it('fires on Airflow as a stream queue, Redis as a warehouse, Elasticsearch as a feature store', () => {
    const d = diagram([
      ['q', 'message-queue', { tool: 'Airflow' }],
      ['wh', 'data-warehouse', { tool: 'Redis' }],
      ['fs', 'feature-store', { tool: 'Elasticsearch' }],
    ]);
    const f = findings(d, 'tool-misfit');
    expect(f.map((x) => x.nodeIds[0])).toEqual(['q', 'wh', 'fs']);
    expect(f[0]).toMatchObject({ severity: 'warning' });
    expect(f[0].message).toContain('Airflow');
  });

  it('takes the longest name: Kafka Streams is a stream processor, not a broker', () => {
    expect(findings(diagram([['sp', 'stream-processor', { tool: 'Kafka Streams' }]]), 'tool-misfit')).toEqual([]);
    expect(findings(diagram([['sp', 'stream-processor', { tool: 'Kafka' }]]), 'tool-misfit')).toHaveLength(1);
  });

  it('does not fire when one named product fits, for unknown tools, for custom nodes, or for a kind the node acts as', () => {
    expect(findings(diagram([['fs', 'feature-store', { tool: 'Feast (Redis online)' }]]), 'tool-misfit')).toEqual([]);
    expect(findings(diagram([['x', 'ranking', { tool: 'in-house GBDT' }]]), 'tool-misfit')).toEqual([]);
    expect(findings(diagram([['c', 'custom', { tool: 'Airflow' }]]), 'tool-misfit')).toEqual([]);
    expect(findings(diagram([['cg', 'candidate-generation', { tool: 'Redis', actsAs: ['cache'] }]]), 'tool-misfit')).toEqual([]);
  });
});

describe('tool-retired', () => {
  it('fires (info) on TorchServe and TGI, naming maintained alternatives', () => {
    const d = diagram([['ms', 'model-server', { tool: 'TorchServe' }], ['llm', 'llm-server', { tool: 'TGI' }]]);
    const f = findings(d, 'tool-retired');
    expect(f.map((x) => [x.severity, x.nodeIds[0]])).toEqual([['info', 'ms'], ['info', 'llm']]);
    expect(f[0].message).toContain('Triton');
    expect(f[1].message).toContain('vLLM');
  });

  it('does not fire on maintained servers', () => {
    expect(findings(diagram([['ms', 'model-server', { tool: 'Triton' }], ['llm', 'llm-server', { tool: 'SGLang' }]]), 'tool-retired')).toEqual([]);
  });
});
