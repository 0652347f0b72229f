/**
 * training-serving-skew: serving reads engineered features that training never sees from the same
 * producer. When offline and online features come from different code or data (a batch job with a
 * 30-day window for training, a stream with a 7-day one for serving), the model sees inputs in
 * production it never saw in training and silently gets worse.
 *
 * Fires when trainers exist, a feature producer (feature engineering, feature store, stream
 * processor, batch ETL) feeds an inference node by a path through no trainer and no index (a vector
 * DB or search index holds items, not features), no such producer also feeds a trainer by a path
 * through no inference node, and no trainer is fed from a prediction log that records the features
 * as served (`logsFeatures`, or "features" in its texts: log-and-wait, which trains on exactly what
 * serving saw). Feeds: data, stream and feedback edges, and request edges read backwards.
 */
import { mentions } from '../../vocabulary';
import { idsOf, names, textsOf, type Rule } from '../context';

/** One finding, naming the feature producers on both sides, when serving's features do not also feed training. */
export const trainingServingSkew: Rule = (ctx) => {
  const { trainers, inference, indexes, featureProducers } = ctx.roles;
  if (trainers.length === 0 || inference.length === 0 || featureProducers.length === 0) return [];
  const g = ctx.feedsGraph;
  const servingSide = ctx.marked(ctx.reach(g, inference, 'backward', true, [...trainers, ...indexes]), featureProducers);
  if (servingSide.length === 0) return [];
  const trainingSide = ctx.marked(ctx.reach(g, trainers, 'backward', true, inference), featureProducers);
  if (servingSide.some((p) => trainingSide.includes(p))) return [];
  const featureLogs = ctx.playing('prediction-logging').filter((n) => n.props.logsFeatures === true || mentions(textsOf(n), 'features'));
  if (featureLogs.length > 0) {
    if (ctx.marked(ctx.reach(g, featureLogs, 'forward', true), trainers).length > 0) return [];
  }
  const involved = featureProducers.filter((n) => servingSide.includes(n) || trainingSide.includes(n));
  const message =
    trainingSide.length === 0
      ? `Serving reads features from ${names(servingSide, 2)}, training never does: feed it to ${names(trainers.slice(0, 1))} too, or log the served features and train on them ("Logs the served features").`
      : `Serving reads features from ${names(servingSide, 2)}, training from ${names(trainingSide, 2)}: two implementations drift apart. Serve both from one Feature store, or log the served features and train on them.`;
  return [
    {
      rule: 'training-serving-skew',
      severity: 'warning',
      stage: 'data',
      nodeIds: idsOf(involved),
      message,
      hint: 'Training-serving skew: one feature definition served offline and online avoids it, point-in-time joins keep training features free of future leakage, and logging served features (log-and-wait) trains on exactly what serving saw.',
    },
  ];
};
