/**
 * feedback-loop-risk: a recommender that trains on its own output (what it showed and what
 * users then clicked) with no re-ranking step. Such a system narrows what users see and
 * learns only from that: a runaway feedback loop and popularity bias. A re-ranking or policy
 * stage is where exploration, diversity and business rules break the loop.
 */
import { hasPath } from '../../graph';
import { idsOf, names, type Rule } from '../context';

/** One finding, naming the candidate generators and rankers, when the loop has no re-ranking. */
export const feedbackLoopRisk: Rule = (ctx) => {
  const recommenders = ctx.components.filter((n) => n.kind === 'candidate-generation' || n.kind === 'ranking');
  if (recommenders.length === 0 || ctx.has('re-ranking')) return [];
  const { inference, monitors, trainers } = ctx.roles;
  if (!hasPath(ctx.graph, [...idsOf(inference), ...idsOf(monitors)], idsOf(trainers))) return [];
  return [
    {
      rule: 'feedback-loop-risk',
      severity: 'warning',
      stage: 'serving',
      nodeIds: idsOf(recommenders),
      message: `The recommender (${names(recommenders)}) trains on its own output with nothing to widen it: add Re-ranking / policy with exploration and diversity after ${names(recommenders.slice(-1))}.`,
      hint: 'Exploration (epsilon-greedy, Thompson sampling), diversity and logged propensities for counterfactual evaluation keep a recommender from only confirming its own past choices.',
    },
  ];
};
