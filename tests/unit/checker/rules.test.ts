// The structural rules of domain.md section 4 (revision 2): a fires / does-not-fire pair for each,
// and the cases of the rule table that read subtly, each in its own test.
import { describe, expect, it } from 'vitest';
import { runChecks } from '../../../src/domain/checker/runChecks';
import { complete, diagram, extend, findings } from './helpers';

describe('the complete batch design', () => {
  it('raises no finding at all, and covers all seven stages', () => {
    const r = runChecks(complete());
    expect(r.findings).toEqual([]);
    expect(Object.values(r.stages).every(Boolean)).toBe(true);
  });
});

describe('missing-stage', () => {
  const withoutMonitoring = diagram(
    [
      ['req', 'requirements', { goal: 'g', qps: 10 }],
      ['obj', 'ml-objective', { task: 'classification', label: 'l', offlineMetric: 'PR-AUC' }],
      ['db', 'database'],
      ['train', 'training-job'],
      ['eval', 'offline-eval'],
      ['server', 'model-server'],
    ],
    [['db', 'train'], ['train', 'eval', 'model'], ['eval', 'server', 'model']],
  );

  it('fires as an error, with the stage and no nodes, for a missing pipeline stage', () => {
    const f = findings(withoutMonitoring, 'missing-stage');
    expect(f).toEqual([expect.objectContaining({ severity: 'error', stage: 'monitoring', nodeIds: [] })]);
  });

  it('does not fire once a monitor is present', () => {
    expect(findings(extend(withoutMonitoring, [['drift', 'drift-detection']]), 'missing-stage')).toEqual([]);
  });

  it('counts a custom node by its stage, but not a custom node without one, nor a note', () => {
    const custom = extend(withoutMonitoring, [['c', 'custom', { stage: 'monitoring' }]]);
    expect(findings(custom, 'missing-stage')).toEqual([]);
    const bare = extend(withoutMonitoring, [['c', 'custom'], ['n', 'note', { text: 'monitoring later' }]]);
    expect(findings(bare, 'missing-stage').map((f) => f.stage)).toEqual(['monitoring']);
  });

  it('leaves requirements and framing uncovered by empty cards, naming the card and what it lacks', () => {
    const d = extend(
      diagram([['req', 'requirements'], ['obj', 'ml-objective']]),
      [['drift', 'drift-detection']],
    );
    const f = findings(d, 'missing-stage');
    const req = f.find((x) => x.stage === 'requirements')!;
    const obj = f.find((x) => x.stage === 'framing')!;
    expect(req).toMatchObject({ severity: 'error', nodeIds: ['req'] });
    expect(req.message).toMatch(/a goal and a scale or QPS/);
    expect(obj).toMatchObject({ severity: 'error', nodeIds: ['obj'] });
    expect(obj.message).toMatch(/a task, a label and an offline metric/);
    expect(runChecks(d).stages).toMatchObject({ requirements: false, framing: false, monitoring: true });
  });

  it('covers requirements with a goal and a QPS (or a scale), framing with a task, a label and an offline metric', () => {
    const d = diagram([
      ['req', 'requirements', { goal: 'cut fraud losses', qps: 3000 }],
      ['obj', 'ml-objective', { task: 'classification', label: 'chargeback within 90 days', offlineMetric: 'PR-AUC' }],
    ]);
    expect(runChecks(d).stages).toMatchObject({ requirements: true, framing: true });
    const scale = diagram([['req', 'requirements', { goal: 'g', scale: '50M payments a day' }]]);
    expect(runChecks(scale).stages.requirements).toBe(true);
    const blank = diagram([['req', 'requirements', { goal: '   ', qps: 3000 }]]);
    expect(runChecks(blank).stages.requirements).toBe(false);
  });

  it('does not light serving with a model registry (or cache, or index) alone', () => {
    const d = diagram([['reg', 'model-registry'], ['c', 'cache'], ['v', 'vector-db']]);
    expect(runChecks(d).stages.serving).toBe(false);
    expect(findings(d, 'missing-stage').map((f) => f.stage)).toContain('serving');
    expect(runChecks(extend(d, [['s', 'model-server']])).stages.serving).toBe(true);
  });

  it('covers the model stage with a pretrained model: nothing to train is a valid design', () => {
    const llm = diagram([['llm', 'llm-server']]);
    expect(runChecks(llm).stages.model).toBe(true);
    const emb = diagram([['e', 'embedding-model', { pretrained: true }]]);
    expect(runChecks(emb).stages).toMatchObject({ model: true, serving: true });
  });

  it('counts the stages of the kinds a node acts as', () => {
    const d = diagram([['x', 'rules-engine', { actsAs: ['re-ranking'] }]]);
    expect(runChecks(d).stages.serving).toBe(true);
    expect(runChecks(diagram([['x', 'rules-engine']])).stages.serving).toBe(false);
  });

  it('fires for all seven stages on an empty diagram, all errors', () => {
    const f = findings(diagram([]), 'missing-stage');
    expect(f).toHaveLength(7);
    expect(f.every((x) => x.severity === 'error')).toBe(true);
  });
});

describe('orphan-node', () => {
  const base = diagram(
    [
      ['db', 'database'],
      ['etl', 'batch-etl'],
      ['lonely', 'cache'],
    ],
    [['db', 'etl']],
  );

  it('fires for a node without edges, with its stage', () => {
    const f = findings(base, 'orphan-node');
    expect(f).toEqual([expect.objectContaining({ severity: 'warning', stage: 'serving', nodeIds: ['lonely'] })]);
  });

  it('does not fire once the node has one edge, in either direction', () => {
    expect(findings(extend(base, [], [['etl', 'lonely']]), 'orphan-node')).toEqual([]);
    expect(findings(extend(base, [], [['lonely', 'db']]), 'orphan-node')).toEqual([]);
  });

  it('ignores notes, zones, requirements and the ML objective', () => {
    const d = extend(base, [
      ['n', 'note', { text: 'hi' }],
      ['g', 'group'],
      ['r', 'requirements'],
      ['o', 'ml-objective'],
    ]);
    expect(findings(d, 'orphan-node').map((f) => f.nodeIds)).toEqual([['lonely']]);
  });

  it('does not count an edge to a note as a connection', () => {
    const d = extend(base, [['n', 'note', { text: 'why a cache?' }]], [['lonely', 'n']]);
    expect(findings(d, 'orphan-node').map((f) => f.nodeIds)).toEqual([['lonely']]);
  });

  it('names the node in the message', () => {
    const d = diagram([['x', 'cache', {}, 'Hot items cache']]);
    expect(findings(d, 'orphan-node')[0].message).toContain('"Hot items cache"');
  });
});

describe('no-serving-path', () => {
  const base = diagram(
    [
      ['db', 'database'],
      ['etl', 'batch-etl'],
      ['server', 'model-server'],
    ],
    [['db', 'etl'], ['etl', 'db']],
  );

  it('fires when no data-stage node reaches an inference node (with a cycle among the data nodes)', () => {
    expect(findings(base, 'no-serving-path')).toEqual([expect.objectContaining({ severity: 'error', stage: 'serving', nodeIds: [] })]);
  });

  it('does not fire with one edge from the data to the server', () => {
    expect(findings(extend(base, [], [['etl', 'server']]), 'no-serving-path')).toEqual([]);
  });

  it('counts a lookup: a server that calls a feature store reads from it', () => {
    const d = diagram([['fs', 'feature-store'], ['server', 'model-server']], [['server', 'fs', 'request']]);
    expect(findings(d, 'no-serving-path')).toEqual([]);
    const data = diagram([['fs', 'feature-store'], ['server', 'model-server']], [['server', 'fs', 'data']]);
    expect(findings(data, 'no-serving-path')).toHaveLength(1);
  });

  it('does not fire without inference nodes or without data-stage nodes', () => {
    expect(findings(diagram([['db', 'database']]), 'no-serving-path')).toEqual([]);
    expect(findings(diagram([['s', 'model-server']]), 'no-serving-path')).toEqual([]);
  });
});

describe('no-model-handoff', () => {
  const base = diagram(
    [
      ['t1', 'training-job'],
      ['server', 'model-server'],
      ['t2', 'embedding-model'],
    ],
    [['server', 't1']],
  );

  it('fires, naming the trainers in diagram order, when no trainer reaches inference', () => {
    expect(findings(base, 'no-model-handoff')).toEqual([expect.objectContaining({ severity: 'error', nodeIds: ['t1', 't2'] })]);
  });

  it('does not fire with one model edge from a trainer to the server', () => {
    expect(findings(extend(base, [], [['t2', 'server', 'model']]), 'no-model-handoff')).toEqual([]);
  });

  it('does not ask a pretrained design for a handoff: it has no trainer', () => {
    const d = diagram([['api', 'prediction-api'], ['llm', 'llm-server']], [['api', 'llm', 'request']]);
    expect(findings(d, 'no-model-handoff')).toEqual([]);
  });
});

describe('no-model-registry', () => {
  const base = diagram(
    [
      ['train', 'training-job'],
      ['reg', 'model-registry'],
      ['server', 'model-server'],
    ],
    [['train', 'server', 'model'], ['reg', 'server', 'model']],
  );

  it('fires when the trainer reaches the server but never through the registry', () => {
    expect(findings(base, 'no-model-registry')).toEqual([expect.objectContaining({ severity: 'warning', stage: 'serving', nodeIds: ['train'] })]);
  });

  it('does not fire once the registry is on a trainer-to-inference model path', () => {
    expect(findings(extend(base, [], [['train', 'reg', 'model']]), 'no-model-registry')).toEqual([]);
  });

  it('fires when the registry is on a loop but off the model path (the path would have to come back)', () => {
    // train -> server, and a warm-start loop server -> reg -> train: going round it and back is no path "through" reg.
    const d = diagram(
      [['train', 'training-job'], ['reg', 'model-registry'], ['server', 'model-server']],
      [['train', 'server', 'model'], ['server', 'reg', 'model'], ['reg', 'train', 'model']],
    );
    expect(findings(d, 'no-model-registry')).toHaveLength(1);
    // The same loop with the registry between trainer and server is a release path.
    const onPath = diagram(
      [['train', 'training-job'], ['reg', 'model-registry'], ['server', 'model-server']],
      [['train', 'reg', 'model'], ['reg', 'server', 'model'], ['server', 'train', 'model']],
    );
    expect(findings(onPath, 'no-model-registry')).toEqual([]);
  });

  it('follows model edges only: a registry reached by a data edge versions nothing that is served', () => {
    const d = diagram(
      [['train', 'training-job'], ['reg', 'model-registry'], ['server', 'model-server']],
      [['train', 'reg', 'data'], ['reg', 'server', 'model'], ['train', 'server', 'model']],
    );
    expect(findings(d, 'no-model-registry')).toHaveLength(1);
  });

  it('credits a node that acts as a registry', () => {
    const d = diagram(
      [['train', 'training-job'], ['x', 'experiment-tracking', { actsAs: ['model-registry'] }], ['server', 'model-server']],
      [['train', 'x', 'model'], ['x', 'server', 'model']],
    );
    expect(findings(d, 'no-model-registry')).toEqual([]);
  });

  it('stays quiet when there is no handoff at all (no-model-handoff reports that)', () => {
    const d = diagram([['train', 'training-job'], ['server', 'model-server']]);
    expect(findings(d, 'no-model-registry')).toEqual([]);
    expect(findings(d, 'no-model-handoff')).toHaveLength(1);
  });
});

describe('no-eval-gate', () => {
  const base = diagram(
    [
      ['train', 'training-job'],
      ['reg', 'model-registry'],
      ['eval', 'offline-eval'],
      ['server', 'model-server'],
    ],
    [['train', 'reg', 'model'], ['reg', 'server', 'model'], ['train', 'eval', 'model']],
  );

  it('fires when evaluation is a side report beside the path to serving', () => {
    expect(findings(base, 'no-eval-gate')).toEqual([expect.objectContaining({ severity: 'warning', stage: 'evaluation', nodeIds: ['train'] })]);
  });

  it('does not fire when the evaluation gates the registry', () => {
    expect(findings(extend(base, [], [['eval', 'reg', 'model']]), 'no-eval-gate')).toEqual([]);
  });

  it('does not count an evaluation fed by a data edge: it sees no model', () => {
    const d = diagram(
      [['train', 'training-job'], ['eval', 'offline-eval'], ['server', 'model-server']],
      [['train', 'eval', 'data'], ['eval', 'server', 'model'], ['train', 'server', 'model']],
    );
    expect(findings(d, 'no-eval-gate')).toHaveLength(1);
  });

  it('does not count an evaluation that reports back to training (a cycle is no gate)', () => {
    const d = diagram(
      [['train', 'training-job'], ['eval', 'offline-eval'], ['server', 'model-server']],
      [['train', 'eval', 'model'], ['eval', 'train', 'model'], ['train', 'server', 'model']],
    );
    expect(findings(d, 'no-eval-gate')).toHaveLength(1);
  });
});

describe('no-online-eval', () => {
  const base = diagram([['app', 'client-app'], ['server', 'model-server']], [['app', 'server', 'request']]);

  it('fires for an online design with inference and no online evaluation', () => {
    expect(findings(base, 'no-online-eval')).toEqual([expect.objectContaining({ severity: 'warning', stage: 'evaluation', nodeIds: [] })]);
  });

  it('does not fire with an Online evaluation node, or a node acting as one', () => {
    expect(findings(extend(base, [['ab', 'ab-test']]), 'no-online-eval')).toEqual([]);
    expect(findings(extend(base, [['x', 'custom', { actsAs: ['ab-test'] }]]), 'no-online-eval')).toEqual([]);
  });

  it('treats realtime requirements or a prediction API as online, and a batch design as not', () => {
    const batch = diagram([['b', 'batch-inference'], ['req', 'requirements', { realtime: false }]]);
    expect(findings(batch, 'no-online-eval')).toEqual([]);
    const realtime = diagram([['b', 'batch-inference'], ['req', 'requirements', { realtime: true }]]);
    expect(findings(realtime, 'no-online-eval')).toHaveLength(1);
    expect(findings(diagram([['api', 'prediction-api']]), 'no-online-eval')).toHaveLength(1);
  });
});

describe('monitoring-detached', () => {
  const base = diagram(
    [
      ['server', 'model-server'],
      ['plog', 'prediction-logging'],
      ['drift', 'drift-detection'],
    ],
    [['plog', 'drift'], ['drift', 'server', 'control']],
  );

  it('fires, naming every monitor, when none is fed from serving', () => {
    expect(findings(base, 'monitoring-detached')).toEqual([
      expect.objectContaining({ severity: 'error', stage: 'monitoring', nodeIds: ['plog', 'drift'] }),
    ]);
  });

  it('does not fire once the server feeds the prediction log', () => {
    expect(findings(extend(base, [], [['server', 'plog']]), 'monitoring-detached')).toEqual([]);
  });

  it('reads a request backwards: a log the server calls is not fed by it, a monitor that calls the server is', () => {
    expect(findings(extend(base, [], [['server', 'plog', 'request']]), 'monitoring-detached')).toHaveLength(1);
    expect(findings(extend(base, [], [['plog', 'server', 'request']]), 'monitoring-detached')).toEqual([]);
  });

  it('does not count a control edge as feeding', () => {
    expect(findings(extend(base, [], [['server', 'plog', 'control']]), 'monitoring-detached')).toHaveLength(1);
  });
});

describe('no-retraining-loop', () => {
  const base = diagram(
    [
      ['train', 'training-job'],
      ['server', 'model-server'],
      ['drift', 'drift-detection'],
    ],
    [['train', 'server', 'model'], ['server', 'drift']],
  );

  it('fires when no monitor leads back to a trainer and nothing schedules it', () => {
    expect(findings(base, 'no-retraining-loop')).toEqual([expect.objectContaining({ severity: 'warning', stage: 'monitoring', nodeIds: ['train'] })]);
  });

  it('does not fire with a control edge from drift detection to training', () => {
    expect(findings(extend(base, [], [['drift', 'train', 'control']]), 'no-retraining-loop')).toEqual([]);
  });

  it('accepts a nightly scheduled retrain: a control edge from an orchestrator', () => {
    const d = extend(base, [['orch', 'orchestrator', {}, 'Nightly retrain']], [['orch', 'train', 'control']]);
    expect(findings(d, 'no-retraining-loop')).toEqual([]);
    // A schedule that starts the job whose output trains the model counts too.
    const viaEtl = extend(base, [['orch', 'orchestrator'], ['etl', 'batch-etl']], [['orch', 'etl', 'control'], ['etl', 'train']]);
    expect(findings(viaEtl, 'no-retraining-loop')).toEqual([]);
  });

  it('does not count an orchestrator linked by a data edge, nor a model edge from the monitor', () => {
    const d = extend(base, [['orch', 'orchestrator']], [['orch', 'train', 'data'], ['drift', 'train', 'model']]);
    expect(findings(d, 'no-retraining-loop')).toHaveLength(1);
  });
});

describe('no-label-source', () => {
  const trainOn = (labelSource: string | undefined, nodes: Parameters<typeof diagram>[0], edges: Parameters<typeof diagram>[1]) =>
    diagram([['obj', 'ml-objective', labelSource ? { labelSource: labelSource as never } : {}], ...nodes], edges);

  it('fires once per unlabelled trainer (a label source downstream does not count)', () => {
    const d = diagram(
      [['lab', 'labeling'], ['t1', 'training-job'], ['t2', 'training-job'], ['x', 'event-log']],
      [['lab', 't1'], ['t2', 'x']],
    );
    expect(findings(d, 'no-label-source')).toEqual([expect.objectContaining({ severity: 'warning', stage: 'data', nodeIds: ['t2'] })]);
  });

  it('never takes a prediction log alone as labels: it is a label only once joined with outcomes', () => {
    const d = diagram([['plog', 'prediction-logging'], ['t', 'training-job']], [['plog', 't', 'feedback']]);
    expect(findings(d, 'no-label-source')).toHaveLength(1);
    const joined = extend(d, [['ev', 'event-log', {}, 'Chargebacks']], [['ev', 't']]);
    expect(findings(joined, 'no-label-source')).toEqual([]);
  });

  it("takes moderators' decisions as labels when the objective says labels are human annotations", () => {
    const nodes: Parameters<typeof diagram>[0] = [['rev', 'human-review', {}, 'Moderators'], ['t', 'training-job']];
    expect(findings(trainOn('human-annotation', nodes, [['rev', 't', 'feedback']]), 'no-label-source')).toEqual([]);
    // Recognised in the label text too.
    const text = diagram([['obj', 'ml-objective', { label: "moderators' decisions on reported posts" }], ...nodes], [['rev', 't']]);
    expect(findings(text, 'no-label-source')).toEqual([]);
  });

  it('follows the label source: user feedback comes from an event log or the client, not from labeling', () => {
    const lab: Parameters<typeof diagram>[0] = [['lab', 'labeling'], ['t', 'training-job']];
    expect(findings(trainOn('user-feedback', lab, [['lab', 't']]), 'no-label-source')).toHaveLength(1);
    const ev: Parameters<typeof diagram>[0] = [['ev', 'event-log'], ['t', 'training-job']];
    expect(findings(trainOn('user-feedback', ev, [['ev', 't']]), 'no-label-source')).toEqual([]);
    expect(findings(trainOn('human-annotation', ev, [['ev', 't']]), 'no-label-source')).toHaveLength(1);
  });

  it('asks nothing of self-supervised training or a design with no training', () => {
    const nodes: Parameters<typeof diagram>[0] = [['obj2', 'object-storage'], ['emb', 'embedding-model']];
    expect(findings(trainOn(undefined, nodes, [['obj2', 'emb']]), 'no-label-source')).toHaveLength(1);
    expect(findings(trainOn('self-supervised', nodes, [['obj2', 'emb']]), 'no-label-source')).toEqual([]);
    const text = diagram([['obj', 'ml-objective', { label: 'contrastive pairs of augmented views' }], ...nodes], [['obj2', 'emb']]);
    expect(findings(text, 'no-label-source')).toEqual([]);
  });

  it('follows long paths: an event log through ETL and features', () => {
    const d = diagram(
      [['ev', 'event-log'], ['etl', 'batch-etl'], ['fs', 'feature-store'], ['t', 'training-job']],
      [['ev', 'etl'], ['etl', 'fs'], ['fs', 't']],
    );
    expect(findings(d, 'no-label-source')).toEqual([]);
  });
});

describe('training-serving-skew', () => {
  const base = diagram(
    [
      ['fp', 'feature-pipeline'],
      ['fs', 'feature-store'],
      ['train', 'training-job'],
      ['server', 'model-server'],
    ],
    [['fp', 'fs'], ['fs', 'train'], ['train', 'server', 'model'], ['fs', 'server']],
  );

  it('does not fire when one feature store feeds both sides', () => {
    expect(findings(base, 'training-serving-skew')).toEqual([]);
  });

  it('fires for two feature implementations, naming the producers on both sides', () => {
    const d = diagram(
      [['etl', 'batch-etl', {}, '30-day aggregates'], ['sp', 'stream-processor', {}, '7-day aggregates'], ['train', 'training-job'], ['server', 'model-server']],
      [['etl', 'train'], ['sp', 'server', 'stream'], ['train', 'server', 'model']],
    );
    const f = findings(d, 'training-serving-skew');
    expect(f).toEqual([expect.objectContaining({ severity: 'warning', stage: 'data', nodeIds: ['etl', 'sp'] })]);
    expect(f[0].message).toContain('"7-day aggregates"');
    expect(f[0].message).toContain('"30-day aggregates"');
  });

  it('reads a lookup backwards: a server that calls the feature store is fed by it', () => {
    const d = diagram(
      [['fs', 'feature-store'], ['sp', 'stream-processor'], ['train', 'training-job'], ['server', 'model-server']],
      [['sp', 'fs', 'stream'], ['server', 'fs', 'request'], ['train', 'server', 'model']],
    );
    expect(findings(d, 'training-serving-skew')).toHaveLength(1);
    expect(findings(extend(d, [], [['fs', 'train']]), 'training-serving-skew')).toEqual([]);
  });

  it('accepts log-and-wait only when the log records the served features', () => {
    const d = diagram(
      [['sp', 'stream-processor'], ['train', 'training-job'], ['server', 'model-server'], ['plog', 'prediction-logging', {}, 'Prediction log']],
      [['sp', 'server', 'stream'], ['train', 'server', 'model'], ['server', 'plog'], ['plog', 'train', 'feedback']],
    );
    expect(findings(d, 'training-serving-skew')).toHaveLength(1);
    const flag = { ...d, nodes: d.nodes.map((n) => (n.id === 'plog' ? { ...n, props: { logsFeatures: true } } : n)) };
    expect(findings(flag, 'training-serving-skew')).toEqual([]);
    const words = { ...d, nodes: d.nodes.map((n) => (n.id === 'plog' ? { ...n, label: 'Served features and scores' } : n)) };
    expect(findings(words, 'training-serving-skew')).toEqual([]);
    // "no features" in its label says the opposite.
    const none = { ...d, nodes: d.nodes.map((n) => (n.id === 'plog' ? { ...n, label: 'Scores only, no features' } : n)) };
    expect(findings(none, 'training-serving-skew')).toHaveLength(1);
  });

  it('does not count features that reach serving only through the trainer or through an index', () => {
    const viaTrainer = diagram(
      [['fs', 'feature-store'], ['train', 'training-job'], ['server', 'model-server']],
      [['fs', 'train'], ['train', 'server', 'model']],
    );
    expect(findings(viaTrainer, 'training-serving-skew')).toEqual([]);
    const viaIndex = diagram(
      [['etl', 'batch-etl'], ['vdb', 'vector-db'], ['train', 'training-job'], ['cg', 'candidate-generation']],
      [['etl', 'vdb'], ['cg', 'vdb', 'request'], ['train', 'cg', 'model']],
    );
    expect(findings(viaIndex, 'training-serving-skew')).toEqual([]);
  });
});

describe('stale-index', () => {
  const base = diagram(
    [
      ['vdb', 'vector-db'],
      ['api', 'prediction-api'],
    ],
    [['api', 'vdb', 'request']],
  );

  it('fires per index that nothing writes to (a lookup is no write)', () => {
    expect(findings(base, 'stale-index')).toEqual([expect.objectContaining({ severity: 'warning', stage: 'serving', nodeIds: ['vdb'] })]);
  });

  it('accepts an index fed by a change-data-capture sink (a stream)', () => {
    const d = extend(base, [['db', 'database', {}, 'Listings DB'], ['cdc', 'stream-processor', {}, 'Debezium CDC']], [['db', 'cdc', 'stream'], ['cdc', 'vdb', 'stream']]);
    expect(findings(d, 'stale-index')).toEqual([]);
  });

  it('accepts a server that upserts at write time, and a model edge that ships a built index', () => {
    expect(findings(extend(base, [['s', 'model-server']], [['s', 'vdb', 'data']]), 'stale-index')).toEqual([]);
    expect(findings(extend(base, [['b', 'batch-inference']], [['b', 'vdb', 'model']]), 'stale-index')).toEqual([]);
  });

  it('does not count a control or feedback edge as a write', () => {
    expect(findings(extend(base, [['o', 'orchestrator']], [['o', 'vdb', 'control']]), 'stale-index')).toHaveLength(1);
  });
});

describe('feedback-loop-risk', () => {
  const base = diagram(
    [
      ['cand', 'candidate-generation'],
      ['rank', 'ranking'],
      ['rr', 're-ranking', {}, 'Business rules'],
      ['plog', 'prediction-logging'],
      ['train', 'training-job'],
    ],
    [['cand', 'rank', 'request'], ['rank', 'rr', 'request'], ['rr', 'plog'], ['plog', 'train', 'feedback'], ['train', 'rank', 'model']],
  );

  it('fires when the recommender trains on its own output and nothing says how it explores, even with a re-ranking step', () => {
    expect(findings(base, 'feedback-loop-risk')).toEqual([expect.objectContaining({ severity: 'warning', nodeIds: ['cand', 'rank'] })]);
  });

  it('does not fire once the re-ranking step names its exploration', () => {
    const d = { ...base, nodes: base.nodes.map((n) => (n.id === 'rr' ? { ...n, label: 'Diversity caps, 5% epsilon-greedy slots' } : n)) };
    expect(findings(d, 'feedback-loop-risk')).toEqual([]);
  });

  it('reads the trainers and the objective label and loss too, and a rules engine acting as re-ranking', () => {
    const loss = extend(base, [['obj', 'ml-objective', { loss: 'position-debiased BCE' }]]);
    expect(findings(loss, 'feedback-loop-risk')).toEqual([]);
    const rules = diagram(
      [['cand', 'candidate-generation'], ['rank', 'ranking'], ['re', 'rules-engine', { actsAs: ['re-ranking'] }, 'Caps and exploration'], ['plog', 'prediction-logging'], ['train', 'training-job']],
      [['cand', 'rank', 'request'], ['rank', 're', 'request'], ['re', 'plog'], ['plog', 'train', 'feedback'], ['train', 'rank', 'model']],
    );
    expect(findings(rules, 'feedback-loop-risk')).toEqual([]);
  });

  it('does not fire when nothing served leads back to training', () => {
    const d = diagram(
      [['cand', 'candidate-generation'], ['rank', 'ranking'], ['plog', 'prediction-logging'], ['train', 'training-job']],
      [['cand', 'rank', 'request'], ['rank', 'plog'], ['train', 'rank', 'model']],
    );
    expect(findings(d, 'feedback-loop-risk')).toEqual([]);
  });
});

describe('latency-over-budget', () => {
  // Nodes declared out of walk order to check that nodeIds come back in diagram order.
  const base = diagram(
    [
      ['server', 'model-server', { latencyMs: 80 }],
      ['req', 'requirements', { latencyBudgetMs: 100 }],
      ['app', 'client-app', { latencyMs: 10 }],
      ['api', 'prediction-api', { latencyMs: 20 }],
    ],
    [['app', 'api', 'request'], ['api', 'server', 'request']],
  );

  it('fires with the nodes of the costliest request path, in diagram order', () => {
    const f = findings(base, 'latency-over-budget');
    expect(f).toEqual([expect.objectContaining({ severity: 'error', nodeIds: ['server', 'app', 'api'] })]);
    expect(f[0].message).toContain('110 ms');
  });

  it('does not fire when the path fits the budget', () => {
    const d = { ...base, nodes: base.nodes.map((n) => (n.id === 'server' ? { ...n, props: { latencyMs: 70 } } : n)) };
    expect(findings(d, 'latency-over-budget')).toEqual([]);
  });

  it('adds up a star of sequential calls, and counts only the slowest when the caller is parallel', () => {
    const star = (parallel: boolean) =>
      diagram(
        [
          ['req', 'requirements', { latencyBudgetMs: 100 }],
          ['app', 'client-app', { latencyMs: 10 }],
          ['api', 'prediction-api', { latencyMs: 10, parallel }, 'Feed API'],
          ['a', 'candidate-generation', { latencyMs: 30 }, 'ANN'],
          ['b', 'candidate-generation', { latencyMs: 30 }, 'Trending'],
          ['c', 'candidate-generation', { latencyMs: 40 }, 'Fresh'],
        ],
        [['app', 'api', 'request'], ['api', 'a', 'request'], ['api', 'b', 'request'], ['api', 'c', 'request']],
      );
    const f = findings(star(false), 'latency-over-budget');
    expect(f).toHaveLength(1);
    expect(f[0].message).toContain('120 ms');
    expect(f[0].message).toMatch(/"Feed API" calls .* one after another/);
    expect(findings(star(true), 'latency-over-budget')).toEqual([]); // 10 + 10 + 40 = 60
  });

  it('counts a callee that two callers share once', () => {
    const d = diagram(
      [
        ['req', 'requirements', { latencyBudgetMs: 100 }],
        ['app', 'client-app'],
        ['a', 'candidate-generation', { latencyMs: 20 }],
        ['b', 'candidate-generation', { latencyMs: 20 }],
        ['fs', 'feature-store', { latencyMs: 50 }],
      ],
      [['app', 'a', 'request'], ['app', 'b', 'request'], ['a', 'fs', 'request'], ['b', 'fs', 'request']],
    );
    expect(findings(d, 'latency-over-budget')).toEqual([]); // 20 + 20 + 50 = 90, not 140
  });

  it('follows request edges only, and counts a request cycle once', () => {
    const data = { ...base, edges: base.edges.map((e) => (e.target === 'server' ? { ...e, kind: 'data' as const } : e)) };
    expect(findings(data, 'latency-over-budget')).toEqual([]);
    const cyc = (budget: number) =>
      diagram(
        [['req', 'requirements', { latencyBudgetMs: budget }], ['app', 'client-app'], ['a', 'model-server', { latencyMs: 50 }], ['b', 'ranking', { latencyMs: 60 }]],
        [['app', 'a', 'request'], ['a', 'b', 'request'], ['b', 'a', 'request']],
      );
    expect(findings(cyc(100), 'latency-over-budget').map((f) => f.nodeIds)).toEqual([['app', 'a', 'b']]);
    expect(findings(cyc(110), 'latency-over-budget')).toEqual([]);
  });

  it('starts at a prediction API only when there is no client app', () => {
    const d = diagram(
      [['req', 'requirements', { latencyBudgetMs: 100 }], ['api', 'prediction-api', { latencyMs: 60 }], ['server', 'model-server', { latencyMs: 60 }]],
      [['api', 'server', 'request']],
    );
    expect(findings(d, 'latency-over-budget').map((f) => f.nodeIds)).toEqual([['api', 'server']]);
    expect(findings(extend(d, [['app', 'client-app']]), 'latency-over-budget')).toEqual([]);
  });

  it('does nothing without a budget, and uses the smallest of several budgets', () => {
    const noBudget = { ...base, nodes: base.nodes.filter((n) => n.id !== 'req') };
    expect(findings(noBudget, 'latency-over-budget')).toEqual([]);
    const two = extend(noBudget, [['r1', 'requirements', { latencyBudgetMs: 500 }], ['r2', 'requirements', { latencyBudgetMs: 90 }]]);
    expect(findings(two, 'latency-over-budget')).toHaveLength(1);
  });
});

describe('missing-component', () => {
  const rec = diagram([['cand', 'candidate-generation'], ['rank', 'ranking']], [['cand', 'rank', 'request']], { problem: 'recommendation' });

  it('fires once per missing group of the profile, as a warning with the stage of its kinds', () => {
    expect(findings(rec, 'missing-component')).toEqual([expect.objectContaining({ severity: 'warning', stage: 'serving', nodeIds: [] })]);
    expect(findings(rec, 'missing-component')[0].message).toContain('Re-ranking');
  });

  it('does not fire once the role is played: a re-ranking node, or a rules engine acting as one', () => {
    expect(findings(extend(rec, [['rr', 're-ranking']]), 'missing-component')).toEqual([]);
    expect(findings(extend(rec, [['rules', 'rules-engine', { actsAs: ['re-ranking'] }]]), 'missing-component')).toEqual([]);
    expect(findings(extend(rec, [['c', 'custom', { actsAs: ['re-ranking'] }]]), 'missing-component')).toEqual([]);
  });

  it('takes a review queue as the labels of a moderation design, and a feature store for fraud', () => {
    const mod = diagram([['rev', 'human-review']], [], { problem: 'content-moderation' });
    expect(findings(mod, 'missing-component')).toEqual([]);
    const fraud = diagram([['fs', 'feature-store'], ['rev', 'human-review']], [], { problem: 'fraud' });
    expect(findings(fraud, 'missing-component')).toEqual([]);
  });

  it('needs nothing for a generic design, and reports every group on an empty RAG design', () => {
    expect(findings(diagram([]), 'missing-component')).toEqual([]);
    const rag = findings(diagram([], [], { problem: 'rag' }), 'missing-component');
    expect(rag.map((f) => f.stage)).toEqual(['model', 'serving', 'serving', 'serving']);
  });
});
