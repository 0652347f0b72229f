/**
 * objective-incomplete: an ML objective card is on the canvas but does not frame the task: the task
 * type, the label the model learns, an offline metric, and for a design that answers online the
 * online metric the launch is judged by. A framing without a label or metrics cannot be evaluated.
 */
import { listGaps, objectiveGaps } from '../../cards';
import { nodeLabel } from '../../diagram';
import type { Rule } from '../context';
import type { Finding } from '../types';

/** One finding per ML objective card that lacks a task, a label, an offline metric or (online design) an online metric. */
export const objectiveIncomplete: Rule = (ctx) => {
  const findings: Finding[] = [];
  for (const card of ctx.ofKind('ml-objective')) {
    const gaps = objectiveGaps(card, ctx.online);
    if (gaps.length === 0) continue;
    findings.push({
      rule: 'objective-incomplete',
      severity: 'warning',
      stage: 'framing',
      nodeIds: [card.id],
      message: `"${nodeLabel(card)}" lacks ${listGaps(gaps)}: write ${gaps.length === 1 ? 'it' : 'them'} on the card.`,
      hint: 'A framing names the task (classification, ranking ...), the label and where it comes from, the offline metric that gates a release and the online metric it should move.',
    });
  }
  return findings;
};
