/**
 * capacity-ranking-throughput: a candidate-generation, ranking or re-ranking stage scores more
 * candidates per second at the peak QPS than its replicas can (candidates x cost per candidate),
 * or more time per request than its own latency allows (500k QPS x 1,000 candidates is 5 x 10^8
 * scores a second: without a light pre-ranker nothing fits).
 */
import { nodeLabel } from '../../diagram';
import type { Rule } from '../context';
import type { Finding } from '../types';
import { capacitySizings } from './capacitySizing';

/** One finding per scoring stage short of replicas or of latency. */
export const capacityRankingThroughput: Rule = (ctx) => {
  const out: Finding[] = [];
  for (const s of capacitySizings(ctx)) {
    if (s.kind !== 'scoring') continue;
    const short = s.checks.filter((c) => c.over);
    if (short.length === 0) continue;
    out.push({
      rule: 'capacity-ranking-throughput',
      severity: 'warning',
      stage: 'serving',
      nodeIds: [s.node.id],
      message: `"${nodeLabel(s.node)}" ${short.map((c) => c.text).join(', and ')}: add replicas, score fewer candidates (a light pre-ranker in front), or make each score cheaper.`,
      hint: 'Scoring cost is QPS x candidates x cost per candidate. A cascade keeps it affordable: cheap retrieval for thousands, a light pre-ranker for hundreds, the heavy ranker for the last few hundred.',
    });
  }
  return out;
};
