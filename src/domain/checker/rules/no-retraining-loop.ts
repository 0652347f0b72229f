/**
 * no-retraining-loop: models are trained, but nothing observed after launch ever leads back
 * to training. Data and concept drift then make the model stale with no way to notice and
 * refresh it: the pipeline is one-shot rather than a loop.
 */
import { hasPath } from '../../graph';
import { firstName, idsOf, names, type Rule } from '../context';

/** One finding, naming the trainers, when no path leads from a monitor node to a trainer. */
export const noRetrainingLoop: Rule = (ctx) => {
  const { trainers, monitors } = ctx.roles;
  if (trainers.length === 0) return [];
  if (monitors.length > 0 && hasPath(ctx.graph, idsOf(monitors), idsOf(trainers))) return [];
  const message =
    monitors.length === 0
      ? `Nothing ever triggers retraining of ${names(trainers)}: add Drift detection or Prediction logging and draw a feedback or control edge back to training.`
      : `No monitor leads back to ${names(trainers)}: draw a feedback edge (logged labels) or a control edge (drift alert) from ${firstName(monitors)} towards training.`;
  return [
    {
      rule: 'no-retraining-loop',
      severity: 'warning',
      stage: 'monitoring',
      nodeIds: idsOf(trainers),
      message,
      hint: 'Data and concept drift make models stale; retrain on fresh labels on a schedule or when a drift alert fires, and close the loop in the diagram.',
    },
  ];
};
