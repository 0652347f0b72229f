/**
 * no-model-registry: a trained model reaches serving, but never through a model registry.
 * Without a registry there is no versioned record of which model is live, with which data
 * and metrics, and no clean way to promote, audit or roll back a release.
 */
import { hasPathThrough } from '../../graph';
import { firstName, idsOf, names, type Rule } from '../context';
import { trainerReachesInference } from './no-model-handoff';

/** One finding, naming the trainers, when no trainer-to-inference path passes a registry. */
export const noModelRegistry: Rule = (ctx) => {
  const { trainers, inference } = ctx.roles;
  if (trainers.length === 0 || inference.length === 0 || !trainerReachesInference(ctx)) return [];
  const isRegistry = (id: string) => ctx.node(id)?.kind === 'model-registry';
  if (hasPathThrough(ctx.graph, idsOf(trainers), idsOf(inference), isRegistry)) return [];
  return [
    {
      rule: 'no-model-registry',
      severity: 'warning',
      stage: 'serving',
      nodeIds: idsOf(trainers),
      message: `Models from ${names(trainers)} go to serving without a Model registry: put one between training and ${firstName(inference)}.`,
      hint: 'A model registry versions each model with its metrics and lineage, so a release can be promoted, audited and rolled back.',
    },
  ];
};
