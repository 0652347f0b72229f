/**
 * capacity-index-memory: a vector or search index holds more than one node's memory (items x
 * dimensions x bytes per dimension, per replica, split over its shards) and is not sharded enough:
 * 5 billion 768-dimension fp32 vectors are 15 TB, not one machine.
 */
import { nodeLabel } from '../../diagram';
import { fmtBytes, fmtCount } from '../../sizing/sizing';
import type { Rule } from '../context';
import type { Finding } from '../types';
import { capacitySizings } from './capacitySizing';

/** One finding per index whose memory per node exceeds an index node. */
export const capacityIndexMemory: Rule = (ctx) => {
  const out: Finding[] = [];
  for (const s of capacitySizings(ctx)) {
    if (s.kind !== 'index') continue;
    const mem = s.checks.find((c) => c.id === 'memory' && c.over);
    if (!mem) continue;
    const needed = s.figures.find((f) => f.id === 'shards-needed')?.value ?? 0;
    const shards = typeof s.node.props.shards === 'number' && s.node.props.shards > 1 ? ` split over ${fmtCount(s.node.props.shards)} shards` : '';
    out.push({
      rule: 'capacity-index-memory',
      severity: 'warning',
      stage: 'serving',
      nodeIds: [s.node.id],
      message: `"${nodeLabel(s.node)}" needs ${fmtBytes(mem.need)} of RAM per node${shards}, more than the ${fmtBytes(mem.have ?? 0)} one index node holds: give it ${fmtCount(needed)} shards or more, or compress the vectors (fp16, int8, PQ codes).`,
      hint: 'Index memory is items x dimensions x bytes per dimension (plus the graph): shard across nodes, quantise (PQ, int8), or keep full vectors on disk for re-scoring only.',
    });
  }
  return out;
};
