/**
 * no-model-registry: a trained model reaches serving along model edges, but no such path passes
 * through a model registry. Without a registry there is no versioned record of which model is live,
 * with which data and metrics, and no clean way to promote, audit or roll back a release. "Through"
 * means on the way from the trainer to the server: a registry that only sits on a loop back to
 * training (a warm start) does not version what is served.
 */
import { firstName, names, type Rule } from '../context';
import { modelPathThrough, trainersServingByModel } from './no-eval-gate';

/** One finding, naming those trainers, when no trainer-to-inference model path passes a registry. */
export const noModelRegistry: Rule = (ctx) => {
  const serving = trainersServingByModel(ctx);
  if (serving.length === 0) return [];
  if (modelPathThrough(ctx, 'model-registry')) return [];
  return [
    {
      rule: 'no-model-registry',
      severity: 'warning',
      stage: 'serving',
      nodeIds: serving.map((n) => n.id),
      message: `Models from ${names(serving)} go to serving without a Model registry on the way: put one between training and ${firstName(ctx.roles.inference, 'serving')} (trainer -> registry -> server, model edges).`,
      hint: 'A model registry versions each model with its metrics and lineage, so a release can be promoted, audited and rolled back.',
    },
  ];
};
