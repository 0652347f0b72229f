/**
 * training-serving-skew: the design engineers features, but no feature store serves the same
 * features to both training and inference. When offline and online features come from
 * different code or data, the model sees inputs in production it never saw in training, and
 * silently gets worse.
 *
 * Condition: a `feature-pipeline` or `feature-store` is present, and no `feature-store` both
 * reaches a trainer (by any path) and reaches an inference node by a path on which no node is
 * a trainer. The path to inference must avoid trainers because every store that feeds
 * training reaches serving through the trained model; what matters is the direct online read.
 * The endpoints (a feature store, an inference node) are never trainers, so whether they
 * "count" does not change the outcome.
 */
import { walk } from '../../graph';
import { firstName, idsOf, names, type Rule } from '../context';

/** One finding, naming the feature pipelines and stores, when no store feeds both sides. */
export const trainingServingSkew: Rule = (ctx) => {
  const stores = ctx.ofKind('feature-store');
  const pipelines = ctx.ofKind('feature-pipeline');
  if (stores.length === 0 && pipelines.length === 0) return [];
  const { trainers, inference } = ctx.roles;
  if (stores.length > 0) {
    const toTrainer = walk(ctx.graph, idsOf(trainers), 'backward', { strict: true });
    const toInference = walk(ctx.graph, idsOf(inference), 'backward', { avoid: idsOf(trainers) });
    if (stores.some((s) => toTrainer.has(s.id) && toInference.has(s.id))) return [];
  }
  const involved = ctx.components.filter((n) => n.kind === 'feature-store' || n.kind === 'feature-pipeline');
  const message =
    stores.length === 0
      ? `Features from ${names(pipelines)} may be computed one way for training and another for serving: add a Feature store that feeds both the training job and the serving path.`
      : `No feature store feeds both training and serving: connect ${firstName(stores)} to the training job and, not through it, to the inference service.`;
  return [
    {
      rule: 'training-serving-skew',
      severity: 'warning',
      stage: 'data',
      nodeIds: idsOf(involved),
      message,
      hint: 'Training-serving skew: one feature definition served offline and online avoids it, and point-in-time joins keep training features free of future leakage.',
    },
  ];
};
