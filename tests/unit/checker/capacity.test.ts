// The sizing rules of domain.md section 4 ("Sizing"): a fires / does-not-fire pair for each.
import { describe, expect, it } from 'vitest';
import { diagram, findings } from './helpers';

describe('capacity-ranking-throughput', () => {
  const ranker = (props: object) =>
    diagram([['req', 'requirements', { qps: 500_000 }], ['rank', 'ranking', { candidates: 1000, costPerCandidateUs: 10, ...props }]]);

  it('fires when the replicas cannot score 5 x 10^8 candidates a second', () => {
    const f = findings(ranker({ replicas: 100 }), 'capacity-ranking-throughput');
    expect(f).toEqual([expect.objectContaining({ severity: 'warning', stage: 'serving', nodeIds: ['rank'] })]);
    expect(f[0].message).toContain('needs 5,000 replicas at the peak, has only 100');
    expect(f[0].message).toContain('pre-ranker');
  });

  it('does not fire when the replicas suffice', () => {
    expect(findings(ranker({ replicas: 5000 }), 'capacity-ranking-throughput')).toEqual([]);
  });

  it('fires when scoring alone takes longer than its latency, and not within it', () => {
    expect(findings(ranker({ latencyMs: 5 }), 'capacity-ranking-throughput')[0].message).toContain('10 ms of scoring per request exceeds its 5 ms latency');
    expect(findings(ranker({ latencyMs: 20 }), 'capacity-ranking-throughput')).toEqual([]);
  });

  it('judges a node that acts as ranking, and says nothing without the inputs', () => {
    const d = diagram([['req', 'requirements', { qps: 1000 }], ['b', 'batch-inference', { actsAs: ['ranking'], candidates: 1000, costPerCandidateUs: 100, replicas: 1 }]]);
    expect(findings(d, 'capacity-ranking-throughput')).toHaveLength(1);
    expect(findings(diagram([['rank', 'ranking', { candidates: 1000, replicas: 1 }]]), 'capacity-ranking-throughput')).toEqual([]);
  });
});

describe('capacity-index-memory', () => {
  const index = (props: object) => diagram([['ann', 'vector-db', { items: 5e9, dimensions: 768, bytesPerDimension: 4, ...props }]]);

  it('fires on 15.4 TB of vectors with no shards', () => {
    const f = findings(index({}), 'capacity-index-memory');
    expect(f).toEqual([expect.objectContaining({ severity: 'warning', nodeIds: ['ann'] })]);
    expect(f[0].message).toContain('needs 15.4 TB of RAM per node, more than the 512 GB one index node holds');
    expect(f[0].message).toContain('30 shards');
  });

  it('does not fire with enough shards, or when compressed to fit', () => {
    expect(findings(index({ shards: 32 }), 'capacity-index-memory')).toEqual([]);
    expect(findings(index({ items: 1e8, bytesPerDimension: 1 }), 'capacity-index-memory')).toEqual([]);
  });

  it('fires when the shards given are too few', () => {
    expect(findings(index({ shards: 4 }), 'capacity-index-memory')[0].message).toContain('needs 3.84 TB of RAM per node split over 4 shards');
  });
});

describe('capacity-gpus', () => {
  const llm = (gpus: number) =>
    diagram([['req', 'requirements', { qps: 15 }], ['llm', 'llm-server', { promptTokens: 6000, outputTokens: 200, modelParamsB: 70, gpu: 'H100', gpus }]]);

  it('fires on one node of 8 H100 for 90k prefill tokens a second', () => {
    const f = findings(llm(8), 'capacity-gpus');
    expect(f).toEqual([expect.objectContaining({ severity: 'warning', nodeIds: ['llm'] })]);
    expect(f[0].message).toContain('needs 32 H100s at the peak, has only 8');
  });

  it('does not fire with four nodes', () => {
    expect(findings(llm(32), 'capacity-gpus')).toEqual([]);
  });
});

describe('capacity-review-queue', () => {
  const queue = (reviewers: number) =>
    diagram([['rev', 'human-review', { itemsPerDay: 800e6 / 30, reviewShare: 0.01, reviewsPerHour: 200, reviewers }]]);

  it('fires when 266,667 reviews a day meet 50 reviewers', () => {
    const f = findings(queue(50), 'capacity-review-queue');
    expect(f).toEqual([expect.objectContaining({ severity: 'warning', nodeIds: ['rev'] })]);
    expect(f[0].message).toContain('needs 223 reviewers a day, has only 50');
  });

  it('does not fire with 223 reviewers', () => {
    expect(findings(queue(223), 'capacity-review-queue')).toEqual([]);
  });
});

describe('capacity-latency-unset', () => {
  const path = (rankLatency?: number) =>
    diagram(
      [
        ['req', 'requirements', { latencyBudgetMs: 200 }],
        ['app', 'client-app'],
        ['api', 'prediction-api', { latencyMs: 5 }],
        ['rank', 'ranking', rankLatency === undefined ? {} : { latencyMs: rankLatency }],
        ['train', 'training-job'],
      ],
      [['app', 'api', 'request'], ['api', 'rank', 'request'], ['train', 'rank', 'model']],
    );

  it('fires (info) naming the request-path components without a latency, not the client or offline parts', () => {
    const f = findings(path(), 'capacity-latency-unset');
    expect(f).toEqual([expect.objectContaining({ severity: 'info', nodeIds: ['rank'] })]);
    expect(f[0].message).toContain('"Ranking model" is on the request path without a latency');
  });

  it('does not fire when every step has one, or without a budget', () => {
    expect(findings(path(30), 'capacity-latency-unset')).toEqual([]);
    const noBudget = path();
    noBudget.nodes[0].props = {};
    expect(findings(noBudget, 'capacity-latency-unset')).toEqual([]);
  });
});

describe('a Requirements card sized by DAU', () => {
  it('has its QPS: DAU and requests per user per day count as the scale', () => {
    const sized = diagram([['req', 'requirements', { goal: 'g', dau: 1e6, requestsPerUserPerDay: 10 }]]);
    expect(findings(sized, 'requirements-incomplete')).toEqual([]);
    const half = diagram([['req', 'requirements', { goal: 'g', dau: 1e6 }]]);
    expect(findings(half, 'requirements-incomplete')[0].message).toContain('a scale or QPS');
  });
});
