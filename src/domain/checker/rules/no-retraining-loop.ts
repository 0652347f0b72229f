/**
 * no-retraining-loop: models are trained, but nothing ever starts training again: no monitor feeds
 * or triggers a trainer (a path of data, stream, feedback or control edges from prediction logging,
 * monitoring or drift detection), and no orchestrator runs it on a schedule (a control edge into it,
 * or into a job whose output feeds it). Data
 * and concept drift then make the model stale with no way to refresh it: the pipeline is one-shot.
 * A nightly scheduled retrain is a loop.
 */
import { filterEdges } from '../../graph';
import { firstName, idsOf, names, type Rule } from '../context';

/** One finding, naming the trainers, when none is fed or triggered from a monitor or run by an orchestrator. */
export const noRetrainingLoop: Rule = (ctx) => {
  const { trainers, monitors } = ctx.roles;
  if (trainers.length === 0) return [];
  const loop = ctx.memo('graph:loop', () => filterEdges(ctx.graph, ['data', 'stream', 'feedback', 'control']));
  if (monitors.length > 0) {
    if (ctx.marked(ctx.reach(loop, monitors, 'forward', true), trainers).length > 0) return [];
  }
  // A schedule: an orchestrator's control edge into a trainer, or into a job whose output feeds one.
  const orchestrators = ctx.playing('orchestrator');
  if (orchestrators.length > 0) {
    const runs = ctx.marked(ctx.reach(ctx.triggerGraph, orchestrators, 'forward', true), ctx.components);
    if (ctx.marked(ctx.reach(loop, runs, 'forward'), trainers).length > 0) return [];
  }
  const message =
    monitors.length === 0
      ? `Nothing ever starts ${names(trainers)} again: schedule it from a Pipeline orchestrator (a control edge), or add Drift detection and draw a control edge (alert) or a feedback edge (logged outcomes) back to training.`
      : `No monitor leads back to ${names(trainers)} and no schedule runs it: draw a feedback edge (logged outcomes) or a control edge (drift alert) from ${firstName(monitors)} towards training, or a control edge from a Pipeline orchestrator.`;
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
