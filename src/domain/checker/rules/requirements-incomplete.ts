/**
 * requirements-incomplete: a Requirements card is on the canvas but does not say what the design
 * must meet: the business goal, the scale (users or QPS), and for a design that answers online the
 * latency budget. Without them no later choice (batch or online, which model fits the budget) can be
 * justified, and the latency check has nothing to check against.
 */
import { listGaps, requirementsGaps } from '../../cards';
import { nodeLabel } from '../../diagram';
import type { Rule } from '../context';
import type { Finding } from '../types';

/** One finding per Requirements card that lacks a goal, a scale or QPS, or (online design) a latency budget. */
export const requirementsIncomplete: Rule = (ctx) => {
  const findings: Finding[] = [];
  for (const card of ctx.ofKind('requirements')) {
    const gaps = requirementsGaps(card, ctx.online);
    if (gaps.length === 0) continue;
    findings.push({
      rule: 'requirements-incomplete',
      severity: 'warning',
      stage: 'requirements',
      nodeIds: [card.id],
      message: `"${nodeLabel(card)}" lacks ${listGaps(gaps)}: write ${gaps.length === 1 ? 'it' : 'them'} on the card${gaps.includes('latency budget') ? ' (the p99 the request path must meet, in ms)' : ''}.`,
      hint: 'Pin the numbers before drawing: peak QPS = daily requests / 86,400 x a peak factor; the latency budget is what the whole request path may spend.',
    });
  }
  return findings;
};
