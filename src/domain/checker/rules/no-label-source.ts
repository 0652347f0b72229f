/**
 * no-label-source: a trainer is fed by no source of its labels. Supervised training needs ground
 * truth, and which components count depends on what the objective card says the labels are
 * (domain.md section 2): user feedback comes from an event log or the client; human annotation from
 * labeling or a review queue (moderators' decisions are labels); outcomes from an event log, a
 * database, labeling or review; unknown, from any of these. A prediction log is never a label by
 * itself: a log of predictions is not a label until joined with what happened. Self-supervised
 * training and designs with nothing to train need none.
 */
import { nodeLabel, type LabelSource } from '../../diagram';
import type { Rule } from '../context';
import type { Finding } from '../types';

const SAID: Partial<Record<LabelSource, string>> = {
  'user-feedback': 'labels are user feedback',
  'human-annotation': 'labels are human annotations',
  outcome: 'labels are outcomes',
};

const WHERE: Record<string, string> = {
  'user-feedback': 'the Event log of user actions (or the Client app) that records them',
  'human-annotation': 'Labeling or the Human review queue whose decisions are the labels',
  outcome: 'the Event log or Database where the outcomes land (joined to the predictions they judge)',
  unknown: 'Labeling, a Human review queue, or the Event log or Database where outcomes land',
};

/** One finding per trainer that no label source feeds. */
export const noLabelSource: Rule = (ctx) => {
  const { trainers } = ctx.roles;
  if (trainers.length === 0) return [];
  const source = ctx.objective?.labelSource;
  if (source === 'self-supervised' || source === 'none') return [];
  const labelled = new Set(ctx.marked(ctx.reach(ctx.feedsGraph, ctx.labelSources, 'forward', true), trainers));
  const findings: Finding[] = [];
  for (const t of trainers) {
    if (labelled.has(t)) continue;
    const said = source ? ` (the objective says ${SAID[source]})` : '';
    findings.push({
      rule: 'no-label-source',
      severity: 'warning',
      stage: 'data',
      nodeIds: [t.id],
      message: `"${nodeLabel(t)}" is fed no labels${said}: connect ${WHERE[source ?? 'unknown']} upstream of it.`,
      hint: 'Supervised training needs ground truth: explicit labels from raters or implicit ones from user actions, joined to the features as they were at prediction time; a prediction log becomes a label only when joined with outcomes.',
    });
  }
  return findings;
};
