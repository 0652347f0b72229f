/**
 * monitoring-detached: monitors are drawn but nothing from serving flows into them. A
 * dashboard or drift detector with no live inputs and predictions watches nothing, so the
 * design only looks monitored.
 */
import { reachableFrom } from '../../graph';
import { idsOf, names, type Rule } from '../context';

/** One finding, naming the monitors, when no monitor is reachable from a serving-stage node. */
export const monitoringDetached: Rule = (ctx) => {
  const { monitors, servingStage } = ctx.roles;
  if (monitors.length === 0) return [];
  const reached = reachableFrom(ctx.graph, idsOf(servingStage), { strict: true });
  if (monitors.some((m) => reached.has(m.id))) return [];
  const from = ctx.roles.inference.length > 0 ? names(ctx.roles.inference, 1) : 'the model server';
  const verb = monitors.length === 1 ? 'receives' : 'receive';
  return [
    {
      rule: 'monitoring-detached',
      severity: 'error',
      stage: 'monitoring',
      nodeIds: idsOf(monitors),
      message: `${names(monitors)} ${verb} nothing from serving: feed ${monitors.length === 1 ? 'it' : 'them'} from ${from}, e.g. through Prediction logging.`,
      hint: 'Monitoring needs the live inputs and predictions: without them, drift (PSI, Kolmogorov-Smirnov test), latency and error alerts cannot be computed.',
    },
  ];
};
