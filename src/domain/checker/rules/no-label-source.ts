/**
 * no-label-source: a trainer has no source of labels upstream of it. Supervised training
 * needs ground truth; a design that never says where labels come from (raters, user actions,
 * review decisions, logged outcomes) has skipped one of the hardest parts of the problem.
 */
import { nodeLabel } from '../../diagram';
import { walk } from '../../graph';
import { idsOf, type Rule } from '../context';
import type { Finding } from '../types';

/** One finding per trainer that no label source reaches. */
export const noLabelSource: Rule = (ctx) => {
  const { trainers, labelSources } = ctx.roles;
  if (trainers.length === 0) return [];
  // One walk from every label source at once: a trainer is covered when it is reached.
  const labelled = walk(ctx.graph, idsOf(labelSources), 'forward', { strict: true });
  const findings: Finding[] = [];
  for (const t of trainers) {
    if (labelled.has(t.id)) continue;
    findings.push({
      rule: 'no-label-source',
      severity: 'warning',
      stage: 'data',
      nodeIds: [t.id],
      message: `"${nodeLabel(t)}" has no labels: connect Labeling, an Event log of user actions, a Human review queue or Prediction logging upstream of it.`,
      hint: 'Supervised training needs ground truth: explicit labels from raters or implicit ones from user actions, joined to the features as they were at prediction time.',
    });
  }
  return findings;
};
