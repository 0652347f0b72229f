/**
 * capacity-gpus: an LLM server's prefill and decode tokens per second at the peak QPS need more
 * GPUs of its type than it has (70B parameters with 6k-token prompts at 15 QPS is ~90k prefill
 * tokens a second: three to four 8 x H100 nodes).
 */
import { nodeLabel } from '../../diagram';
import type { Rule } from '../context';
import type { Finding } from '../types';
import { capacitySizings } from './capacitySizing';

/** One finding per LLM server short of GPUs. */
export const capacityGpus: Rule = (ctx) => {
  const out: Finding[] = [];
  for (const s of capacitySizings(ctx)) {
    if (s.kind !== 'llm') continue;
    const c = s.checks.find((x) => x.id === 'gpus' && x.over);
    if (!c) continue;
    out.push({
      rule: 'capacity-gpus',
      severity: 'warning',
      stage: 'serving',
      nodeIds: [s.node.id],
      message: `"${nodeLabel(s.node)}" ${c.text}: add GPUs, shorten the prompts (retrieve fewer chunks), cache prompt prefixes, or serve a smaller model.`,
      hint: 'Prefill is compute-bound (about 2 FLOPs per parameter per prompt token), decode is bandwidth-bound; GPUs come in whole model replicas. Prompt length drives the cost of RAG.',
    });
  }
  return out;
};
