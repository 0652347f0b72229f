/**
 * capacity-review-queue: a human review queue gets more reviews a day (items x review share) than
 * its reviewers clear at their reviews per hour (800 million tiles a month with 1 % to review is
 * 8 million reviews).
 */
import { nodeLabel } from '../../diagram';
import type { Rule } from '../context';
import type { Finding } from '../types';
import { capacitySizings } from './capacitySizing';

/** One finding per review queue short of reviewers. */
export const capacityReviewQueue: Rule = (ctx) => {
  const out: Finding[] = [];
  for (const s of capacitySizings(ctx)) {
    if (s.kind !== 'review') continue;
    const c = s.checks.find((x) => x.id === 'reviewers' && x.over);
    if (!c) continue;
    out.push({
      rule: 'capacity-review-queue',
      severity: 'warning',
      stage: 'serving',
      nodeIds: [s.node.id],
      message: `"${nodeLabel(s.node)}" ${c.text}: hire or contract reviewers, send a smaller share to review (only the uncertain band), or sample what is reviewed.`,
      hint: 'A review queue that cannot keep up grows without bound: size it as items x review share / (reviews per hour x productive hours), and send only the uncertain band to people.',
    });
  }
  return out;
};
