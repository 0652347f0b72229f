// Each formula of domain.md section 4 ("Sizing") against a worked example written out by hand,
// among them the four the interviewer raised (issue 21).
import { describe, expect, it } from 'vitest';
import { GPUS, RULES_OF_THUMB, gpuSpec } from '../../../src/domain/sizing/rulesOfThumb';
import {
  derivedPeakQps,
  designScale,
  fmtBytes,
  fmtCount,
  indexMemory,
  llmLoad,
  reviewLoad,
  scoringLoad,
  sizeDiagram,
  storageFigures,
} from '../../../src/domain/sizing/sizing';
import { diagram } from '../checker/helpers';

describe('peak QPS', () => {
  it('is DAU x requests per user per day / 86,400 x peak factor', () => {
    // 100,000,000 x 20 = 2,000,000,000 requests a day; / 86,400 = 23,148.1 QPS on average; x 3 = 69,444.4 at the peak.
    const f = derivedPeakQps(100e6, 20, 3);
    expect(f.value).toBeCloseTo(69_444.44, 1);
    expect(f.text).toBe('69.4K QPS');
    expect(f.how).toContain('100,000,000 DAU x 20 requests per user per day / 86,400 s = 23.1K QPS on average x 3 peak factor');
  });

  it('takes the peak as the average when no factor is given, and says so', () => {
    const f = derivedPeakQps(86_400, 1);
    expect(f.value).toBe(1);
    expect(f.how).toContain('no peak factor given');
  });

  it('uses the card\'s QPS where it is given, and still shows the derived one', () => {
    const s = designScale(diagram([['req', 'requirements', { qps: 5000, dau: 100e6, requestsPerUserPerDay: 20, peakFactor: 3 }]]));
    expect(s.peakQps?.value).toBe(5000);
    expect(s.figures.map((f) => f.id)).toEqual(['peak-qps', 'derived-qps']);
    const derived = designScale(diagram([['req', 'requirements', { dau: 100e6, requestsPerUserPerDay: 20, peakFactor: 3 }]]));
    expect(derived.peakQps?.value).toBeCloseTo(69_444.44, 1);
  });
});

describe('index memory', () => {
  it('5 billion image vectors of 768 fp32 dimensions are 15.4 TB per replica: thirty 512 GB nodes', () => {
    // 5,000,000,000 x 768 x 4 B = 15,360,000,000,000 B = 15.36 TB; / 512 GB = 30 shards; x 2 replicas = 30.72 TB.
    const m = indexMemory({ items: 5e9, dimensions: 768, bytesPerDimension: 4, replicas: 2 });
    expect(m.perReplica).toBe(15_360_000_000_000);
    expect(m.total).toBe(30_720_000_000_000);
    expect(m.shardsNeeded).toBe(30);
    expect(fmtBytes(m.perReplica)).toBe('15.4 TB');
    expect(m.figures[0].how).toBe('5,000,000,000 items x 768 dimensions x 4 B = 15.4 TB (raw vectors; an HNSW graph adds its links)');
  });

  it('divides by the shards; PQ codes shrink it', () => {
    // 5e9 x 768 x 4 / 32 shards = 480 GB per shard: fits a 512 GB node.
    expect(indexMemory({ items: 5e9, dimensions: 768, bytesPerDimension: 4, shards: 32 }).perShard).toBe(480e9);
    // PQ with 64 one-byte codes over 768 dimensions: 64 / 768 B per dimension -> 5e9 x 64 B = 320 GB.
    expect(indexMemory({ items: 5e9, dimensions: 768, bytesPerDimension: 64 / 768 }).perReplica).toBeCloseTo(320e9, -3);
  });
});

describe('scoring load', () => {
  it('500k QPS x 1,000 candidates is 5 x 10^8 scores a second', () => {
    // 500,000 x 1,000 = 500,000,000 scores/s; at 10 µs each = 5,000 replica-seconds per second -> 5,000 replicas;
    // one request: 1,000 x 10 µs = 10 ms.
    const r = scoringLoad({ qps: 500_000, candidates: 1000, costPerCandidateUs: 10, replicas: 100, latencyMs: 5 });
    expect(r.scoresPerSec).toBe(5e8);
    expect(fmtCount(r.scoresPerSec!)).toBe('500M');
    expect(r.replicasNeeded).toBe(5000);
    expect(r.perRequestMs).toBe(10);
    expect(r.checks).toEqual([
      expect.objectContaining({ id: 'latency', need: 10, have: 5, over: true }),
      expect.objectContaining({ id: 'replicas', need: 5000, have: 100, over: true }),
    ]);
  });

  it('a pre-ranker that keeps 100 candidates fits', () => {
    // 500,000 x 100 x 10 µs = 500 replicas; 100 x 10 µs = 1 ms per request.
    const r = scoringLoad({ qps: 500_000, candidates: 100, costPerCandidateUs: 10, replicas: 600, latencyMs: 5 });
    expect(r.replicasNeeded).toBe(500);
    expect(r.checks.every((c) => !c.over)).toBe(true);
  });
});

describe('LLM serving', () => {
  it('70B parameters, 6k-token prompts at 15 QPS: 90k prefill tokens a second, ~4 x 8 H100', () => {
    // Prefill: 15 x 6,000 = 90,000 tokens/s; decode: 15 x 200 = 3,000 tokens/s.
    // One H100: 989 TFLOPS x 50 % / (2 x 70e9 FLOPs per token) = 3,532 prefill tokens/s; at 10 %, 706 decode tokens/s.
    // 90,000 / 3,532 + 3,000 / 706 = 25.5 + 4.2 = 29.7 GPUs busy.
    // Weights: 70e9 x 2 B = 140 GB; at most 70 % of 80 GB each -> 2.5 -> 3 -> replicas of 4 GPUs.
    // ceil(29.7 / 4) = 8 replicas x 4 = 32 GPUs = 4 nodes of 8.
    const r = llmLoad({ qps: 15, promptTokens: 6000, outputTokens: 200, modelParamsB: 70, gpu: gpuSpec('H100'), gpus: 16 });
    expect(r.prefill).toBe(90_000);
    expect(r.decode).toBe(3_000);
    expect(r.replicaGpus).toBe(4);
    expect(r.gpusNeeded).toBe(32);
    expect(r.figures.find((f) => f.id === 'gpus-needed')?.text).toBe('~4 x 8 H100');
    expect(r.checks).toEqual([expect.objectContaining({ id: 'gpus', need: 32, have: 16, over: true })]);
  });

  it('a 7B model on L4s fits in one GPU per replica', () => {
    // 7e9 x 2 B = 14 GB <= 70 % of 24 GB: replicas of 1. 2 QPS x 1,000 prompt tokens = 2,000 tokens/s;
    // one L4: 121 TFLOPS x 50 % / 14e9 = 4,321 tokens/s -> 1 GPU.
    const r = llmLoad({ qps: 2, promptTokens: 1000, outputTokens: 0, modelParamsB: 7, gpu: gpuSpec('l4'), gpus: 1 });
    expect(r.replicaGpus).toBe(1);
    expect(r.gpusNeeded).toBe(1);
    expect(r.checks[0].over).toBe(false);
  });

  it('reads the GPU type from free text, whole word', () => {
    expect(gpuSpec('8x H100 SXM')?.name).toBe('H100');
    expect(gpuSpec('a100-80gb')?.name).toBe('A100');
    expect(gpuSpec('TPU v5e')).toBeUndefined();
    expect(gpuSpec('L40S')?.name).toBe('L40S');
  });
});

describe('storage', () => {
  it('is events per day x bytes per event, x the retention', () => {
    // 1,000,000,000 x 500 B = 500 GB a day; x 90 days = 45 TB.
    const [day, all] = storageFigures({ eventsPerDay: 1e9, bytesPerEvent: 500, retentionDays: 90 });
    expect(day.value).toBe(500e9);
    expect(day.text).toBe('500 GB/day');
    expect(all.value).toBe(45e12);
    expect(all.text).toBe('45 TB');
  });
});

describe('review queue', () => {
  it('800 million street-view tiles a month with 1 % to review is 8 million reviews', () => {
    // 800,000,000 / 30 = 26,666,667 tiles a day; x 1 % = 266,667 reviews a day (8,000,000 a month).
    // At 200 reviews an hour: 1,333 hours a day / 6 productive hours = 222.2 -> 223 reviewers.
    const r = reviewLoad({ itemsPerDay: 800e6 / 30, reviewShare: 0.01, reviewsPerHour: 200, reviewers: 100 });
    expect(Math.round(r.reviews)).toBe(266_667);
    expect(Math.round(r.reviews * 30)).toBe(8_000_000);
    expect(r.reviewersNeeded).toBe(223);
    expect(r.figures[0].how).toContain('(8M a month)');
    expect(r.checks).toEqual([expect.objectContaining({ need: 223, have: 100, over: true })]);
  });
});

describe('per component', () => {
  it('gives each sized component its line, and an index without items takes the catalogue size', () => {
    const d = diagram([
      ['req', 'requirements', { qps: 15, items: 5e9 }],
      ['ann', 'vector-db', { dimensions: 768 }],
      ['llm', 'llm-server', { promptTokens: 6000, outputTokens: 200, modelParamsB: 70, gpu: 'H100' }],
      ['log', 'event-log', { eventsPerDay: 1e9, bytesPerEvent: 500, retentionDays: 90 }],
      ['rank', 'ranking', {}],
    ]);
    const { nodes } = sizeDiagram(d);
    expect(nodes.map((n) => [n.node.id, n.line])).toEqual([
      ['ann', '15.4 TB RAM'],
      ['llm', '~4 x 8 H100'],
      ['log', '45 TB'],
    ]);
    expect(nodes[0].figures[0].how).toContain('links; catalogue size from the Requirements card; fp32 assumed)');
  });

  it('says what is missing instead of guessing', () => {
    const { nodes } = sizeDiagram(diagram([['ann', 'vector-db', { items: 1e6 }], ['llm', 'llm-server', { gpu: 'TPU v5e' }]]));
    expect(nodes[0].missing).toEqual(['dimensions']);
    expect(nodes[0].line).toBeUndefined();
    expect(nodes[1].missing).toContain('a GPU type the table knows (not "TPU v5e")');
  });

  it('survives numbers too large to multiply', () => {
    const m = indexMemory({ items: 1e300, dimensions: 1e300, bytesPerDimension: 4 });
    expect(fmtBytes(m.perReplica)).toBe('too large to compute');
  });
});

describe('rules of thumb', () => {
  it('every constant and GPU names its source', () => {
    for (const r of Object.values(RULES_OF_THUMB)) {
      expect(r.what.length).toBeGreaterThan(10);
      expect(r.source.length).toBeGreaterThan(10);
    }
    for (const g of GPUS) expect(g.source).toMatch(/datasheet|AWS/);
  });
});
