import { describe, expect, it } from 'vitest';
import { countBySeverity, findingKey, runChecks, RULES } from '../../../src/domain/checker/runChecks';
import { RULE_IDS, type Finding } from '../../../src/domain/checker/types';
import type { Diagram, Suppression } from '../../../src/domain/diagram';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseDiagram } from '../../../src/domain/format/parse';
import { complete, diagram, extend } from './helpers';

/** One of the interviewer's example designs (tests/fixtures/examples). */
function example(name: string): Diagram {
  const r = parseDiagram(JSON.parse(readFileSync(resolve(import.meta.dirname, `../../fixtures/examples/${name}.json`), 'utf8')));
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

const withSuppressions = (d: Diagram, suppressions: Suppression[]): Diagram => ({ ...d, suppressions });

describe('runChecks', () => {
  it('has one rule per rule id', () => {
    expect(Object.keys(RULES)).toEqual([...RULE_IDS]);
  });

  it('sorts errors, then warnings, then info, keeping rule order within a severity', () => {
    const d = diagram([['db', 'database'], ['c', 'cache']]);
    const { findings } = runChecks(d);
    const order = { error: 0, warning: 1, info: 2 };
    for (let i = 1; i < findings.length; i++) {
      expect(order[findings[i - 1].severity]).toBeLessThanOrEqual(order[findings[i].severity]);
    }
    const rank = (r: string) => RULE_IDS.indexOf(r as never);
    for (let i = 1; i < findings.length; i++) {
      if (findings[i - 1].severity === findings[i].severity) expect(rank(findings[i - 1].rule)).toBeLessThanOrEqual(rank(findings[i].rule));
    }
    expect(findings.filter((f) => f.severity === 'warning').map((f) => f.rule)).toEqual(['orphan-node', 'orphan-node']);
    expect(findings.filter((f) => f.severity === 'error').map((f) => f.rule)).toEqual(Array(6).fill('missing-stage'));
  });

  it('reports stage coverage', () => {
    const r = runChecks(diagram([['db', 'database'], ['c', 'custom', { stage: 'framing' }], ['n', 'note']]));
    expect(r.stages).toEqual({
      requirements: false,
      framing: true,
      data: true,
      model: false,
      evaluation: false,
      serving: false,
      monitoring: false,
    });
  });

  it('ignores edges to nodes that do not exist instead of failing', () => {
    const d = extend(complete(), [], [['train', 'ghost']]);
    expect(runChecks(d).findings).toEqual([]);
  });

  it('walks a 10,000-node chain and a 10,000-node cycle without overflowing the stack', () => {
    const n = 10_000;
    const nodes: Parameters<typeof diagram>[0] = [
      ['req', 'requirements', { latencyBudgetMs: 5 }],
      ['app', 'client-app', { latencyMs: 1 }],
    ];
    const edges: Parameters<typeof diagram>[1] = [['app', 's0', 'request']];
    for (let i = 0; i < n; i++) {
      nodes.push([`s${i}`, 'model-server', { latencyMs: 1 }]);
      if (i > 0) edges.push([`s${i - 1}`, `s${i}`, 'request']);
    }
    const chain = runChecks(diagram(nodes, edges));
    const lat = chain.findings.find((f) => f.rule === 'latency-over-budget')!;
    expect(lat.nodeIds).toHaveLength(n + 1);
    expect(lat.message).toContain(`${n + 1} ms`);
    const cycle = runChecks(diagram(nodes, [...edges, [`s${n - 1}`, 's0', 'request']]));
    expect(cycle.findings.find((f) => f.rule === 'latency-over-budget')!.nodeIds).toHaveLength(n + 1);
  });
});

describe('suppressions', () => {
  const base = diagram([
    ['db', 'database'],
    ['a', 'cache'],
    ['b', 'cache'],
  ]);

  it('without nodeIds, suppress every finding of the rule, with the reason', () => {
    const r = runChecks(withSuppressions(base, [{ rule: 'orphan-node', reason: 'sketch' }]));
    expect(r.findings.some((f) => f.rule === 'orphan-node')).toBe(false);
    expect(r.suppressed.map((s) => [s.finding.nodeIds, s.reason])).toEqual([
      [['db'], 'sketch'],
      [['a'], 'sketch'],
      [['b'], 'sketch'],
    ]);
  });

  it('with nodeIds, suppress only the findings whose nodes are all listed', () => {
    const r = runChecks(withSuppressions(base, [{ rule: 'orphan-node', nodeIds: ['a', 'db'], reason: 'later' }]));
    expect(r.findings.filter((f) => f.rule === 'orphan-node').map((f) => f.nodeIds)).toEqual([['b']]);
    expect(r.suppressed.map((s) => s.finding.nodeIds)).toEqual([['db'], ['a']]);
  });

  it('with nodeIds, do not suppress a finding that names nodes outside the list', () => {
    const d = diagram([['t1', 'training-job'], ['t2', 'training-job'], ['s', 'model-server']], [['s', 't1'], ['s', 't2']]);
    const partial = runChecks(withSuppressions(d, [{ rule: 'no-model-handoff', nodeIds: ['t1'], reason: 'x' }]));
    expect(partial.findings.some((f) => f.rule === 'no-model-handoff')).toBe(true);
    const full = runChecks(withSuppressions(d, [{ rule: 'no-model-handoff', nodeIds: ['t2', 't1'], reason: 'x' }]));
    expect(full.findings.some((f) => f.rule === 'no-model-handoff')).toBe(false);
  });

  it('with nodeIds, never suppress a finding without nodes; without them, do', () => {
    const listed = runChecks(withSuppressions(base, [{ rule: 'missing-stage', nodeIds: ['db'], reason: 'x' }]));
    expect(listed.findings.filter((f) => f.rule === 'missing-stage')).toHaveLength(6);
    const all = runChecks(withSuppressions(base, [{ rule: 'missing-stage', reason: 'x' }]));
    expect(all.findings.filter((f) => f.rule === 'missing-stage')).toHaveLength(0);
    expect(all.suppressed).toHaveLength(6);
  });

  it('treat an empty nodeIds list like an absent one', () => {
    const r = runChecks(withSuppressions(base, [{ rule: 'missing-stage', nodeIds: [], reason: 'x' }]));
    expect(r.findings.filter((f) => f.rule === 'missing-stage')).toHaveLength(0);
  });

  it('are ignored without a reason, or for another rule', () => {
    const blank = runChecks(withSuppressions(base, [{ rule: 'orphan-node', reason: '  ' }]));
    expect(blank.suppressed).toEqual([]);
    const other = runChecks(withSuppressions(base, [{ rule: 'stale-index', reason: 'x' }]));
    expect(other.suppressed).toEqual([]);
  });

  it('keep suppressed errors out of the error count', () => {
    const r = runChecks(withSuppressions(base, [{ rule: 'missing-stage', reason: 'x' }]));
    expect(countBySeverity(r.findings).error).toBe(0);
  });
});

describe('findingKey and countBySeverity', () => {
  const f = (over: Partial<Finding>): Finding => ({
    rule: 'orphan-node',
    severity: 'warning',
    nodeIds: [],
    message: 'm',
    hint: 'h',
    ...over,
  });

  it('keys ignore node order and message for findings with nodes', () => {
    expect(findingKey(f({ nodeIds: ['b', 'a'], message: 'x' }))).toBe(findingKey(f({ nodeIds: ['a', 'b'], message: 'y' })));
    expect(findingKey(f({ nodeIds: ['a'] }))).not.toBe(findingKey(f({ nodeIds: ['a'], stage: 'data' })));
    expect(findingKey(f({ nodeIds: ['a,b'] }))).not.toBe(findingKey(f({ nodeIds: ['a', 'b'] })));
  });

  it('keys are unique across a real result, including several missing components in one stage', () => {
    const r = runChecks(diagram([['x', 'cache'], ['y', 'cache']], [], { problem: 'rag' }));
    const keys = r.findings.map(findingKey);
    expect(r.findings.filter((x) => x.rule === 'missing-component' && x.stage === 'serving')).toHaveLength(3);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('counts by severity', () => {
    expect(countBySeverity([f({ severity: 'error' }), f({}), f({}), f({ severity: 'info' })])).toEqual({
      error: 1,
      warning: 2,
      info: 1,
    });
  });
});

describe('messages', () => {
  it('are short, and every finding of every rule has a hint', () => {
    const designs = [
      diagram([]),
      diagram([['c', 'cache']], [], { problem: 'rag' }),
      diagram(
        [
          ['app', 'client-app'],
          ['req', 'requirements', { latencyBudgetMs: 1 }],
          ['cand', 'candidate-generation', { latencyMs: 9 }],
          ['rank', 'ranking'],
          ['fp', 'feature-pipeline'],
          ['t', 'training-job'],
          ['plog', 'prediction-logging'],
          ['v', 'vector-db'],
        ],
        [['app', 'cand', 'request'], ['cand', 'rank', 'request'], ['plog', 't'], ['fp', 't'], ['v', 'cand']],
      ),
      diagram([['t', 'training-job'], ['s', 'model-server'], ['c', 'cache']], [['t', 's', 'model']]),
      ...['fraud-weak', 'ads-weak-calibration', 'llm-summarizer-pretrained'].map(example),
      diagram(
        [
          ['req', 'requirements', { realtime: true }],
          ['obj', 'ml-objective', { task: 'ranking', offlineMetric: 'AUC' }],
          ['reg', 'model-registry'],
          ['ms', 'model-server', { tool: 'TorchServe' }],
          ['q', 'message-queue', { tool: 'Airflow' }],
          ['app', 'client-app'],
        ],
        [['reg', 'ms', 'data'], ['app', 'ms', 'request']],
      ),
    ];
    designs.push(
      diagram(
        [
          ['req', 'requirements', { qps: 500_000, latencyBudgetMs: 200 }],
          ['app', 'client-app'],
          ['rank', 'ranking', { candidates: 1000, costPerCandidateUs: 10, replicas: 100, latencyMs: 5 }],
          ['ann', 'vector-db', { items: 5e9, dimensions: 768, bytesPerDimension: 4, latencyMs: 10 }],
          ['llm', 'llm-server', { promptTokens: 6000, modelParamsB: 70, gpu: 'H100', gpus: 8 }],
          ['rev', 'human-review', { itemsPerDay: 26_666_667, reviewShare: 0.01, reviewsPerHour: 200, reviewers: 50 }],
        ],
        [['app', 'rank', 'request'], ['rank', 'ann', 'request'], ['rank', 'llm', 'request']],
      ),
    );
    const seen = new Set<string>();
    for (const d of designs) {
      for (const f of runChecks(d).findings) {
        seen.add(f.rule);
        expect(f.hint.length).toBeGreaterThan(20);
        expect(f.message.length, f.message).toBeLessThan(240);
        expect(f.message.split(/[.;] /).length).toBeLessThanOrEqual(3);
      }
    }
    expect([...seen].sort()).toEqual([...RULE_IDS].sort());
  });
});
