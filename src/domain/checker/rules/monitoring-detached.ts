/**
 * monitoring-detached: monitors are drawn but no serving-stage node feeds any of them. A
 * dashboard or drift detector with no live inputs and predictions watches nothing, so the
 * design only looks monitored. Feeds: data, stream and feedback edges, and request edges read
 * backwards (a server that calls a logging service is not fed by it, but one it calls is).
 */
import { firstName, idsOf, names, type Rule } from '../context';

/** One finding, naming the monitors, when no monitor is reachable from a serving-stage node. */
export const monitoringDetached: Rule = (ctx) => {
  const { monitors, servingStage } = ctx.roles;
  if (monitors.length === 0) return [];
  if (ctx.marked(ctx.reach(ctx.feedsGraph, servingStage, 'forward', true), monitors).length > 0) return [];
  const from = ctx.roles.inference.length > 0 ? firstName(ctx.roles.inference) : 'the model server';
  const verb = monitors.length === 1 ? 'receives' : 'receive';
  const logs = monitors.filter((m) => m.kind === 'prediction-logging');
  const into = firstName(logs.length > 0 ? logs : monitors);
  return [
    {
      rule: 'monitoring-detached',
      severity: 'error',
      stage: 'monitoring',
      nodeIds: idsOf(monitors),
      message: `${names(monitors)} ${verb} nothing from serving: draw an edge from ${from} into ${into} so monitoring sees live inputs and predictions.`,
      hint: 'Monitoring needs the live inputs and predictions: without them, drift (PSI, Kolmogorov-Smirnov test), latency and error alerts cannot be computed.',
    },
  ];
};
