// The templates the interviewer found unsized (issue 21) draw their sizing: the figures src/domain/sizing
// derives from each shipped template are the interviewer's numbers, the capacity rules are silent on
// them, and they stop being silent when the capacity the template states is taken away.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDiagramText } from '../../src/domain/format/parse';
import { runChecks } from '../../src/domain/checker/runChecks';
import type { Diagram } from '../../src/domain/diagram';
import { sizeDiagram, type NodeSizing } from '../../src/domain/sizing/sizing';
import { nodeSizingLines } from '../../src/canvas/sizingLines';

function load(id: string): Diagram {
  const parsed = parseDiagramText(readFileSync(join(__dirname, '..', '..', 'templates', `${id}.json`), 'utf8'));
  if (!parsed.ok) throw new Error(`${id}: ${parsed.error.message}`);
  return parsed.value;
}

function sized(d: Diagram, nodeId: string): NodeSizing {
  const s = sizeDiagram(d).nodes.find((n) => n.node.id === nodeId);
  if (!s) throw new Error(`${nodeId} has no sizing`);
  return s;
}

const figure = (s: NodeSizing, id: string) => {
  const f = s.figures.find((x) => x.id === id);
  if (!f) throw new Error(`${s.node.id} has no figure ${id}: ${s.figures.map((x) => x.id).join(', ')}`);
  return f.value;
};

const capacityFindings = (d: Diagram) => runChecks(d).findings.filter((f) => f.rule.startsWith('capacity-')).map((f) => `${f.rule}: ${f.message}`);

/** The diagram with one node's props changed. */
function withProps(d: Diagram, nodeId: string, props: Record<string, unknown>): Diagram {
  return { ...d, nodes: d.nodes.map((n) => (n.id === nodeId ? { ...n, props: { ...n.props, ...props } } : n)) };
}

const rulesFiring = (d: Diagram) => [...new Set(runChecks(d).findings.filter((f) => f.rule.startsWith('capacity-')).map((f) => f.rule))];

describe('the sized templates', () => {
  it.each(['video-recommendation', 'visual-search', 'video-search', 'rag-assistant', 'street-view-blurring'])(
    '%s: no capacity rule fires, every sized component shows a line, and none lacks an input',
    (id) => {
      const d = load(id);
      expect(capacityFindings(d)).toEqual([]);
      const s = sizeDiagram(d);
      expect(s.nodes.length).toBeGreaterThan(0);
      expect(s.nodes.filter((n) => n.missing.length).map((n) => `${n.node.id}: ${n.missing.join(', ')}`)).toEqual([]);
      const lines = nodeSizingLines(d.nodes);
      for (const n of s.nodes) expect(lines.get(n.node.id), n.node.id).toBeTruthy();
    },
  );

  describe('video recommendation', () => {
    const d = load('video-recommendation');

    it('scores 500k QPS x 1,000 candidates = 5e8 a second at the pre-ranker, and only 500k x 300 = 1.5e8 at the heavy ranker', () => {
      expect(sizeDiagram(d).scale.peakQps?.value).toBe(500_000);
      // DAU x feed loads gives the same peak: 1e9 x 20 / 86,400 = 231,481 on average, x 2.2 = 509,259.
      expect(sizeDiagram(d).scale.figures.find((f) => f.id === 'derived-qps')?.value).toBeCloseTo(509_259, 0);
      const pre = sized(d, 'prerank');
      expect(figure(pre, 'scores-per-second')).toBe(5e8);
      expect(pre.line).toBe('500M scores/s');
      // 5e8 x 5 µs = 2,500 replica-seconds per second.
      expect(figure(pre, 'replicas-needed')).toBe(2500);
      const ranker = sized(d, 'ranker');
      expect(figure(ranker, 'scores-per-second')).toBe(1.5e8);
      // 1.5e8 x 20 µs = 3,000 GPU replicas; 300 x 20 µs = 6 ms of its 60 ms.
      expect(figure(ranker, 'replicas-needed')).toBe(3000);
      expect(figure(ranker, 'time-per-request')).toBe(6);
      expect(figure(sized(d, 'cgann'), 'scores-per-second')).toBe(4e8);
    });

    it('warns once the heavy ranker has fewer replicas than its 1.5e8 scores a second need', () => {
      expect(rulesFiring(withProps(d, 'ranker', { replicas: 2999 }))).toEqual(['capacity-ranking-throughput']);
      // Without the pre-ranker's cut the heavy ranker would score all 1,000: 10,000 replicas.
      expect(rulesFiring(withProps(d, 'ranker', { candidates: 1000 }))).toEqual(['capacity-ranking-throughput']);
    });
  });

  describe('visual search', () => {
    const d = load('visual-search');

    it('holds 5B x 768 fp16 vectors for exact re-scoring: 7.68 TB a replica, 23 TB in three, in 24 shards of 320 GB', () => {
      const ann = sized(d, 'ann');
      expect(figure(ann, 'memory-per-replica')).toBe(5e9 * 768 * 2);
      expect(figure(ann, 'memory-per-replica') / 1e12).toBeCloseTo(7.68, 2);
      expect(figure(ann, 'memory-total') / 1e12).toBeCloseTo(23.04, 2);
      expect(figure(ann, 'memory-per-shard') / 1e9).toBeCloseTo(320, 0);
      expect(ann.line).toBe('7.68 TB / 24 shards');
    });

    it('warns once the index gives no shards (7.68 TB is more than one 512 GB node)', () => {
      expect(rulesFiring(withProps(d, 'ann', { shards: undefined }))).toEqual(['capacity-index-memory']);
    });
  });

  describe('RAG assistant', () => {
    const d = load('rag-assistant');

    it('prefills 15 QPS x 6k tokens = 90k tokens a second on a 70B model: 4 nodes of 8 H100', () => {
      const llm = sized(d, 'llm');
      expect(figure(llm, 'prefill')).toBe(90_000);
      expect(figure(llm, 'weights')).toBe(140e9);
      expect(figure(llm, 'gpus-needed')).toBe(32);
      expect(llm.line).toBe('~4 x 8 H100');
      // 50M chunks x 1,024 dims x 4 B = 204.8 GB: one node.
      expect(figure(sized(d, 'vdb'), 'memory-per-replica')).toBe(204.8e9);
    });

    it('warns once the LLM server has three nodes instead of four', () => {
      expect(rulesFiring(withProps(d, 'llm', { gpus: 24 }))).toEqual(['capacity-gpus']);
    });
  });

  describe('street view blurring', () => {
    const d = load('street-view-blurring');

    it('reviews 1 % of 800M tiles a month = 8M a month, and staffs the reviewers they need', () => {
      const review = sized(d, 'review');
      const perDay = figure(review, 'reviews-per-day');
      expect(perDay * 30).toBeCloseTo(8e6, -2);
      // 266,667 reviews / 600 an hour = 444 hours / 6 productive hours = 75 reviewers; the queue has 80.
      expect(figure(review, 'reviewers-needed')).toBe(75);
      expect(review.node.props.reviewers).toBe(80);
      expect(review.line).toBe('75 reviewers');
    });

    it('warns once the queue has fewer reviewers than it needs', () => {
      expect(rulesFiring(withProps(d, 'review', { reviewers: 60 }))).toEqual(['capacity-review-queue']);
    });
  });

  describe('video search', () => {
    const d = load('video-search');

    it('sizes the ANN index (1B x 256 fp16 = 512 GB a replica in 4 shards) and the fusion ranker (80k QPS x 800 = 64M scores a second)', () => {
      const ann = sized(d, 'ann');
      expect(figure(ann, 'memory-per-replica')).toBe(512e9);
      expect(figure(ann, 'memory-per-shard')).toBe(128e9);
      const fusion = sized(d, 'fusion');
      expect(figure(fusion, 'scores-per-second')).toBe(6.4e7);
      expect(figure(fusion, 'replicas-needed')).toBe(960);
      // 3B searches a day x 1 KB, kept 7 days in the search-log topic.
      expect(figure(sized(d, 'events'), 'storage-retained')).toBe(21e12);
    });

    it('warns once the fusion ranker has fewer replicas than it needs', () => {
      expect(rulesFiring(withProps(d, 'fusion', { replicas: 900 }))).toEqual(['capacity-ranking-throughput']);
    });
  });
});
