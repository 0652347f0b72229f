import { describe, expect, it } from 'vitest';
import { runChecks } from '../../../src/domain/checker/runChecks';
import { complete, diagram, extend, findings } from './helpers';

describe('the complete batch design', () => {
  it('raises no finding at all', () => {
    const r = runChecks(complete());
    expect(r.findings).toEqual([]);
    expect(Object.values(r.stages).every(Boolean)).toBe(true);
  });
});

describe('missing-stage', () => {
  const withoutMonitoring = diagram(
    [
      ['req', 'requirements'],
      ['obj', 'ml-objective'],
      ['db', 'database'],
      ['train', 'training-job'],
      ['eval', 'offline-eval'],
      ['server', 'model-server'],
    ],
    [['db', 'train'], ['train', 'eval'], ['eval', 'server']],
  );

  it('fires as an error, with the stage and no nodes, for a missing pipeline stage', () => {
    const f = findings(withoutMonitoring, 'missing-stage');
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: 'error', stage: 'monitoring', nodeIds: [] });
  });

  it('does not fire once a monitor is present', () => {
    const d = extend(withoutMonitoring, [['drift', 'drift-detection']]);
    expect(findings(d, 'missing-stage')).toEqual([]);
  });

  it('counts a custom node by its stage, but not a custom node without one, nor a note', () => {
    const custom = extend(withoutMonitoring, [['c', 'custom', { stage: 'monitoring' }]]);
    expect(findings(custom, 'missing-stage')).toEqual([]);
    const bare = extend(withoutMonitoring, [['c', 'custom'], ['n', 'note', { text: 'monitoring later' }]]);
    expect(findings(bare, 'missing-stage').map((f) => f.stage)).toEqual(['monitoring']);
  });

  it('is a warning for requirements and framing', () => {
    const d = diagram([['db', 'database']]);
    const f = findings(d, 'missing-stage');
    expect(f.filter((x) => x.severity === 'warning').map((x) => x.stage).sort()).toEqual(['framing', 'requirements']);
    expect(f.filter((x) => x.severity === 'error').map((x) => x.stage)).toEqual([
      'model',
      'evaluation',
      'serving',
      'monitoring',
    ]);
  });

  it('fires for all seven stages on an empty diagram', () => {
    expect(findings(diagram([]), 'missing-stage')).toHaveLength(7);
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

  it('gives a custom node its own stage, and none when it has none', () => {
    const d = diagram([
      ['a', 'custom', { stage: 'model' }],
      ['b', 'custom'],
    ]);
    const f = findings(d, 'orphan-node');
    expect(f.map((x) => x.nodeIds)).toEqual([['a'], ['b']]);
    expect(f[0].stage).toBe('model');
    expect('stage' in f[1]).toBe(false);
  });

  it('names the node in the message', () => {
    const d = diagram([['x', 'cache', {}, 'Hot items cache']]);
    expect(findings(d, 'orphan-node')[0].message).toContain('"Hot items cache"');
  });
});

describe('no-serving-path', () => {
  const base = diagram([
    ['db', 'database'],
    ['etl', 'batch-etl'],
    ['server', 'model-server'],
  ], [['db', 'etl'], ['etl', 'db'], ['server', 'db']]);

  it('fires when no data-stage node reaches an inference node (with a cycle among the data nodes)', () => {
    expect(findings(base, 'no-serving-path')).toEqual([
      expect.objectContaining({ severity: 'error', stage: 'serving', nodeIds: [] }),
    ]);
  });

  it('does not fire with one edge from the data to the server', () => {
    expect(findings(extend(base, [], [['etl', 'server']]), 'no-serving-path')).toEqual([]);
  });

  it('does not fire without inference nodes or without data-stage nodes', () => {
    expect(findings(diagram([['db', 'database']]), 'no-serving-path')).toEqual([]);
    expect(findings(diagram([['s', 'model-server']]), 'no-serving-path')).toEqual([]);
  });

  it('counts a custom node with the data stage as data', () => {
    const d = diagram([['c', 'custom', { stage: 'data' }], ['s', 'model-server']]);
    expect(findings(d, 'no-serving-path')).toHaveLength(1);
    expect(findings(extend(d, [], [['c', 's']]), 'no-serving-path')).toEqual([]);
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
    expect(findings(base, 'no-model-handoff')).toEqual([
      expect.objectContaining({ severity: 'error', nodeIds: ['t1', 't2'] }),
    ]);
  });

  it('does not fire with one model edge from a trainer to the server', () => {
    expect(findings(extend(base, [], [['t2', 'server', 'model']]), 'no-model-handoff')).toEqual([]);
  });

  it('treats a pretrained embedding model as inference, not as a trainer', () => {
    const d = diagram([['emb', 'embedding-model', { pretrained: true }], ['vdb', 'vector-db']], [['emb', 'vdb']]);
    expect(findings(d, 'no-model-handoff')).toEqual([]);
    const t = diagram([['train', 'training-job'], ['emb', 'embedding-model', { pretrained: true }]]);
    expect(findings(t, 'no-model-handoff').map((f) => f.nodeIds)).toEqual([['train']]);
    expect(findings(extend(t, [], [['train', 'emb', 'model']]), 'no-model-handoff')).toEqual([]);
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
    expect(findings(base, 'no-model-registry')).toEqual([
      expect.objectContaining({ severity: 'warning', stage: 'serving', nodeIds: ['train'] }),
    ]);
  });

  it('does not fire once the registry is on a trainer-to-inference path', () => {
    expect(findings(extend(base, [], [['train', 'reg', 'model']]), 'no-model-registry')).toEqual([]);
  });

  it('fires when the registry is reachable from the trainer but leads nowhere', () => {
    const d = diagram(
      [['train', 'training-job'], ['reg', 'model-registry'], ['server', 'model-server']],
      [['train', 'server', 'model'], ['train', 'reg', 'model']],
    );
    expect(findings(d, 'no-model-registry')).toHaveLength(1);
  });

  it('accepts a walk that detours through the registry on a cycle', () => {
    const d = diagram(
      [['train', 'training-job'], ['x', 'experiment-tracking'], ['reg', 'model-registry'], ['server', 'model-server']],
      [['train', 'x'], ['x', 'reg'], ['reg', 'x'], ['x', 'server']],
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

  it('fires when evaluation is a dead end beside the path to serving', () => {
    expect(findings(base, 'no-eval-gate')).toEqual([
      expect.objectContaining({ severity: 'warning', stage: 'evaluation', nodeIds: ['train'] }),
    ]);
  });

  it('does not fire when the evaluation feeds the registry', () => {
    expect(findings(extend(base, [], [['eval', 'reg', 'model']]), 'no-eval-gate')).toEqual([]);
  });
});

describe('no-online-eval', () => {
  const base = diagram(
    [['app', 'client-app'], ['server', 'model-server']],
    [['app', 'server', 'request']],
  );

  it('fires for an online design with inference and no online evaluation', () => {
    expect(findings(base, 'no-online-eval')).toEqual([
      expect.objectContaining({ severity: 'warning', stage: 'evaluation', nodeIds: [] }),
    ]);
  });

  it('does not fire with an Online evaluation node', () => {
    expect(findings(extend(base, [['ab', 'ab-test']]), 'no-online-eval')).toEqual([]);
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

  it('accepts any serving-stage node as the feed, including a custom serving node', () => {
    const reg = diagram([['reg', 'model-registry'], ['dash', 'monitoring-dashboard']], [['reg', 'dash']]);
    expect(findings(reg, 'monitoring-detached')).toEqual([]);
    const custom = diagram([['c', 'custom', { stage: 'serving' }], ['dash', 'monitoring-dashboard']], [['c', 'dash']]);
    expect(findings(custom, 'monitoring-detached')).toEqual([]);
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

  it('fires when no monitor leads back to a trainer', () => {
    expect(findings(base, 'no-retraining-loop')).toEqual([
      expect.objectContaining({ severity: 'warning', stage: 'monitoring', nodeIds: ['train'] }),
    ]);
  });

  it('does not fire with a control edge from drift detection to training (a cycle)', () => {
    expect(findings(extend(base, [], [['drift', 'train', 'control']]), 'no-retraining-loop')).toEqual([]);
  });

  it('fires when there is no monitor at all', () => {
    expect(findings(diagram([['t', 'training-job']]), 'no-retraining-loop').map((f) => f.nodeIds)).toEqual([['t']]);
  });
});

describe('no-label-source', () => {
  const base = diagram(
    [
      ['lab', 'labeling'],
      ['t1', 'training-job'],
      ['t2', 'training-job'],
      ['plog', 'prediction-logging'],
    ],
    [['lab', 't1'], ['t2', 'plog']],
  );

  it('fires once per unlabelled trainer (a label source downstream does not count)', () => {
    expect(findings(base, 'no-label-source')).toEqual([
      expect.objectContaining({ severity: 'warning', stage: 'data', nodeIds: ['t2'] }),
    ]);
  });

  it('does not fire once the prediction log feeds back into the trainer', () => {
    expect(findings(extend(base, [], [['plog', 't2', 'feedback']]), 'no-label-source')).toEqual([]);
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
    [['fp', 'fs'], ['fs', 'train'], ['train', 'server', 'model']],
  );

  it('fires when the store reaches serving only through the trainer', () => {
    expect(findings(base, 'training-serving-skew')).toEqual([
      expect.objectContaining({ severity: 'warning', stage: 'data', nodeIds: ['fp', 'fs'] }),
    ]);
  });

  it('does not fire once the store also feeds the server directly', () => {
    expect(findings(extend(base, [], [['fs', 'server']]), 'training-serving-skew')).toEqual([]);
  });

  it('fires when the store feeds serving but not training', () => {
    const d = diagram(
      [['fs', 'feature-store'], ['fp', 'feature-pipeline'], ['train', 'training-job'], ['server', 'model-server']],
      [['fp', 'train'], ['fs', 'server'], ['train', 'server', 'model']],
    );
    expect(findings(d, 'training-serving-skew').map((f) => f.nodeIds)).toEqual([['fs', 'fp']]);
  });

  it('fires for a feature pipeline without any feature store', () => {
    const d = diagram([['fp', 'feature-pipeline'], ['t', 'training-job'], ['s', 'model-server']], [['fp', 't'], ['fp', 's']]);
    expect(findings(d, 'training-serving-skew').map((f) => f.nodeIds)).toEqual([['fp']]);
  });

  it('does not count a path to inference through another trainer, but does through a pretrained model', () => {
    const viaTrainer = diagram(
      [['fs', 'feature-store'], ['train', 'training-job'], ['emb', 'embedding-model'], ['server', 'model-server']],
      [['fs', 'train'], ['fs', 'emb'], ['emb', 'server']],
    );
    expect(findings(viaTrainer, 'training-serving-skew')).toHaveLength(1);
    const pretrained = diagram(
      [['fs', 'feature-store'], ['train', 'training-job'], ['emb', 'embedding-model', { pretrained: true }]],
      [['fs', 'train'], ['fs', 'emb']],
    );
    expect(findings(pretrained, 'training-serving-skew')).toEqual([]);
  });

  it('does not fire without feature engineering', () => {
    const d = diagram([['db', 'database'], ['t', 'training-job'], ['s', 'model-server']], [['db', 't'], ['t', 's']]);
    expect(findings(d, 'training-serving-skew')).toEqual([]);
  });
});

describe('stale-index', () => {
  const base = diagram(
    [
      ['obj', 'object-storage'],
      ['vdb', 'vector-db'],
      ['emb', 'embedding-model'],
      ['api', 'prediction-api'],
    ],
    [['obj', 'vdb'], ['obj', 'emb'], ['vdb', 'api']],
  );

  it('fires per index with no incoming edge from an index builder', () => {
    expect(findings(base, 'stale-index')).toEqual([
      expect.objectContaining({ severity: 'error', stage: 'serving', nodeIds: ['vdb'] }),
    ]);
  });

  it('does not fire once the embedding model writes into the index', () => {
    expect(findings(extend(base, [], [['emb', 'vdb']]), 'stale-index')).toEqual([]);
  });

  it('needs a direct edge: a builder two hops away does not count', () => {
    const d = diagram(
      [['etl', 'batch-etl'], ['wh', 'data-warehouse'], ['si', 'search-index']],
      [['etl', 'wh'], ['wh', 'si']],
    );
    expect(findings(d, 'stale-index').map((f) => f.nodeIds)).toEqual([['si']]);
    expect(findings(extend(d, [], [['etl', 'si']]), 'stale-index')).toEqual([]);
  });

  it('accepts a pretrained embedding model as a builder', () => {
    const d = diagram([['emb', 'embedding-model', { pretrained: true }], ['vdb', 'vector-db']], [['emb', 'vdb']]);
    expect(findings(d, 'stale-index')).toEqual([]);
  });
});

describe('feedback-loop-risk', () => {
  const base = diagram(
    [
      ['cand', 'candidate-generation'],
      ['rank', 'ranking'],
      ['plog', 'prediction-logging'],
      ['train', 'training-job'],
    ],
    [['cand', 'rank', 'request'], ['rank', 'plog'], ['plog', 'train', 'feedback'], ['train', 'rank', 'model']],
  );

  it('fires when the recommender trains on its own output with no re-ranking', () => {
    expect(findings(base, 'feedback-loop-risk')).toEqual([
      expect.objectContaining({ severity: 'warning', nodeIds: ['cand', 'rank'] }),
    ]);
  });

  it('does not fire with a re-ranking node', () => {
    expect(findings(extend(base, [['rr', 're-ranking']], [['rank', 'rr', 'request']]), 'feedback-loop-risk')).toEqual([]);
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
      ['side', 'cache', { latencyMs: 5 }],
    ],
    [['app', 'api', 'request'], ['api', 'server', 'request'], ['api', 'side', 'request']],
  );

  it('fires with the nodes of the slowest request path, in diagram order', () => {
    const f = findings(base, 'latency-over-budget');
    expect(f).toEqual([expect.objectContaining({ severity: 'error', nodeIds: ['server', 'app', 'api'] })]);
    expect(f[0].message).toContain('110 ms');
  });

  it('does not fire when the budget is one node lighter', () => {
    const d = { ...base, nodes: base.nodes.map((n) => (n.id === 'server' ? { ...n, props: { latencyMs: 70 } } : n)) };
    expect(findings(d, 'latency-over-budget')).toEqual([]);
  });

  it('follows request edges only', () => {
    const d = { ...base, edges: base.edges.map((e) => (e.target === 'server' ? { ...e, kind: 'data' as const } : e)) };
    expect(findings(d, 'latency-over-budget')).toEqual([]);
  });

  it('counts a request cycle once', () => {
    const cyc = (budget: number) =>
      diagram(
        [
          ['req', 'requirements', { latencyBudgetMs: budget }],
          ['app', 'client-app'],
          ['a', 'model-server', { latencyMs: 50 }],
          ['b', 'ranking', { latencyMs: 60 }],
        ],
        [['app', 'a', 'request'], ['a', 'b', 'request'], ['b', 'a', 'request']],
      );
    expect(findings(cyc(100), 'latency-over-budget').map((f) => f.nodeIds)).toEqual([['app', 'a', 'b']]);
    expect(findings(cyc(110), 'latency-over-budget')).toEqual([]);
  });

  it('starts at a prediction API only when there is no client app', () => {
    const nodes: Parameters<typeof diagram>[0] = [
      ['req', 'requirements', { latencyBudgetMs: 100 }],
      ['api', 'prediction-api', { latencyMs: 60 }],
      ['server', 'model-server', { latencyMs: 60 }],
    ];
    const d = diagram(nodes, [['api', 'server', 'request']]);
    expect(findings(d, 'latency-over-budget').map((f) => f.nodeIds)).toEqual([['api', 'server']]);
    const withApp = extend(d, [['app', 'client-app']]);
    expect(findings(withApp, 'latency-over-budget')).toEqual([]);
  });

  it('does nothing without a budget, and uses the smallest of several budgets', () => {
    const noBudget = { ...base, nodes: base.nodes.filter((n) => n.id !== 'req') };
    expect(findings(noBudget, 'latency-over-budget')).toEqual([]);
    const two = extend(noBudget, [['r1', 'requirements', { latencyBudgetMs: 500 }], ['r2', 'requirements', { latencyBudgetMs: 90 }]]);
    expect(findings(two, 'latency-over-budget')).toHaveLength(1);
  });
});

describe('missing-component', () => {
  const rec = diagram(
    [['cand', 'candidate-generation'], ['rank', 'ranking']],
    [['cand', 'rank', 'request']],
    { problem: 'recommendation' },
  );

  it('fires once per missing group of the profile, with the stage of its kinds', () => {
    expect(findings(rec, 'missing-component')).toEqual([
      expect.objectContaining({ severity: 'error', stage: 'serving', nodeIds: [] }),
    ]);
    expect(findings(rec, 'missing-component')[0].message).toContain('Re-ranking');
  });

  it('does not fire once the missing kind is added', () => {
    expect(findings(extend(rec, [['rr', 're-ranking']]), 'missing-component')).toEqual([]);
  });

  it('accepts any kind of an either-or group, and not a custom node', () => {
    const vs = diagram([['emb', 'embedding-model'], ['si', 'search-index']], [], { problem: 'video-search' });
    expect(findings(vs, 'missing-component')).toEqual([]);
    const custom = diagram([['emb', 'embedding-model'], ['c', 'custom', { stage: 'serving' }, 'vector-db']], [], {
      problem: 'video-search',
    });
    expect(findings(custom, 'missing-component')).toHaveLength(1);
  });

  it('needs nothing for a generic design, and reports every group on an empty RAG design', () => {
    expect(findings(diagram([]), 'missing-component')).toEqual([]);
    const rag = findings(diagram([], [], { problem: 'rag' }), 'missing-component');
    expect(rag.map((f) => f.stage)).toEqual(['model', 'serving', 'serving', 'serving']);
  });
});
