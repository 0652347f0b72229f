/**
 * no-serving-path: the design has data and it has inference, but no data ever reaches an inference
 * node (directly, through features, through a lookup the server makes, or through the trained
 * model). Then the serving side has nothing to compute its inputs from: the two halves of the
 * design are drawn but not joined. Any edge kind counts, and a request returns data to its caller
 * (a model server that calls a feature store reads from it).
 */
import { firstName, type Rule } from '../context';

/** One finding when no path leads from a data-stage node to an inference node. */
export const noServingPath: Rule = (ctx) => {
  const { dataStage, inference } = ctx.roles;
  if (dataStage.length === 0 || inference.length === 0) return [];
  if (ctx.linked(ctx.flowGraph, dataStage, inference)) return [];
  const origins = dataStage.filter((n) => ctx.roles.dataOrigins.includes(n));
  return [
    {
      rule: 'no-serving-path',
      severity: 'error',
      stage: 'serving',
      nodeIds: [],
      message: `No data reaches serving: connect the data (e.g. ${firstName(origins.length > 0 ? origins : dataStage)}) to ${firstName(inference)}, directly, through features or through the model.`,
      hint: 'At prediction time the model needs the same inputs it was trained on, so a path must lead from the data to the inference service.',
    },
  ];
};
