/**
 * capacity-latency-unset (info): the design has a latency budget, and a component on the request
 * path has no latency estimate, so the budget check adds up less than the design spends.
 *
 * The request path starts at a client app (where there is none, at a prediction API) and follows
 * request edges; the client app itself is not a cost.
 */
import { idsOf, names, type Rule } from '../context';

/** One finding, naming the components on the request path without a latencyMs. */
export const capacityLatencyUnset: Rule = (ctx) => {
  const hasBudget = ctx.ofKind('requirements').some((r) => typeof r.props.latencyBudgetMs === 'number' && Number.isFinite(r.props.latencyBudgetMs));
  if (!hasBudget) return [];
  const clients = ctx.playing('client-app');
  const starts = clients.length > 0 ? clients : ctx.playing('prediction-api');
  if (starts.length === 0) return [];
  const path = ctx.reach(ctx.requestGraph, starts, 'forward');
  const unset = ctx
    .marked(path, ctx.components)
    .filter((n) => n.kind !== 'client-app' && !(typeof n.props.latencyMs === 'number' && Number.isFinite(n.props.latencyMs)));
  if (unset.length === 0) return [];
  return [
    {
      rule: 'capacity-latency-unset',
      severity: 'info',
      stage: 'serving',
      nodeIds: idsOf(unset),
      message: `${names(unset)} ${unset.length === 1 ? 'is' : 'are'} on the request path without a latency: give ${unset.length === 1 ? 'it' : 'each'} a latency estimate in ms, so the budget check adds up the whole path.`,
      hint: 'A latency budget is split along the request path: every call on it costs time. Estimate each step (a cache hit ~1 ms, a feature lookup ~5 ms, a ranker 20-50 ms) and check the sum.',
    },
  ];
};
