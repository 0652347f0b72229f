/**
 * no-model-handoff: models are trained and predictions are served, but no path carries a trained
 * model to the serving side. The served model then cannot be the one that was trained: the
 * deployment step is missing. A design with nothing to train (a pretrained LLM or embedding model)
 * has no trainer and is not asked for one.
 */
import { firstName, idsOf, names, type Rule, type RuleContext } from '../context';

/** One finding, naming the trainers, when no path leads from a trainer to an inference node. */
export const noModelHandoff: Rule = (ctx) => {
  const { trainers, inference } = ctx.roles;
  if (trainers.length === 0 || inference.length === 0) return [];
  if (trainerReachesInference(ctx)) return [];
  return [
    {
      rule: 'no-model-handoff',
      severity: 'error',
      stage: 'serving',
      nodeIds: idsOf(trainers),
      message: `The model trained in ${names(trainers)} never reaches serving: draw a model edge from ${trainers.length === 1 ? 'it' : 'one of them'} to a Model registry or to ${firstName(inference)}.`,
      hint: 'Training produces an artifact; deployment versions it and loads it into the inference service.',
    },
  ];
};

/** True when some path of any edge kinds leads from a trainer to an inference node (shared with other rules). */
export function trainerReachesInference(ctx: RuleContext): boolean {
  return ctx.memo('trainer->inference', () =>
    ctx.linked(ctx.graph, ctx.roles.trainers, ctx.roles.inference),
  );
}
