/**
 * latency-over-budget: the request path costs more than the latency budget in the requirements, so
 * the design cannot meet its own requirement.
 *
 * The request path starts at a client app (where there is none, at a prediction API) and follows
 * `request` edges from caller to callee. A node costs its own `latencyMs` plus the sum of its
 * callees' costs: calls made one after another add up. Where the node is marked `parallel` (it
 * awaits its calls together) only the slowest callee counts. Each node counts once (a callee two
 * callers share, the nodes of a cycle). With several Requirements cards the smallest budget applies.
 */
import { nodeLabel, type DiagramNode } from '../../diagram';
import { costliestRequestPath, successors } from '../../graph';
import { idsOf, names, type Rule } from '../context';

/** One finding, naming the nodes whose latencies add up, when the costliest request path exceeds the budget. */
export const latencyOverBudget: Rule = (ctx) => {
  let budget = Infinity;
  for (const req of ctx.ofKind('requirements')) {
    const b = req.props.latencyBudgetMs;
    if (typeof b === 'number' && Number.isFinite(b) && b < budget) budget = b;
  }
  if (budget === Infinity) return [];
  const clients = ctx.playing('client-app');
  const starts = clients.length > 0 ? clients : ctx.playing('prediction-api');
  if (starts.length === 0) return [];
  const nodes = ctx.diagram.nodes;
  const g = ctx.requestGraph;
  const cost = costliestRequestPath(g, idsOf(starts), (i) => latencyOf(nodes[i]), (i) => nodes[i].props.parallel === true);
  if (!cost || cost.total <= budget) return [];
  const onPath = cost.nodeIds.map((id) => ctx.node(id)!);
  let slow = onPath[0];
  for (const n of onPath) if (latencyOf(n) > latencyOf(slow)) slow = n;
  // A caller that makes several calls one after another: the likeliest thing to fix by marking it parallel.
  const inPath = new Set(cost.nodeIds);
  let fanOut: { caller: DiagramNode; callees: DiagramNode[] } | null = null;
  for (const n of onPath) {
    if (n.props.parallel === true) continue;
    const callees = successors(g, n.id).filter((id) => inPath.has(id)).map((id) => ctx.node(id)!);
    if (callees.length > 1 && (!fanOut || callees.length > fanOut.callees.length)) fanOut = { caller: n, callees };
  }
  const sequential = fanOut
    ? ` "${nodeLabel(fanOut.caller)}" calls ${names(fanOut.callees)} one after another, so their times add up: if it awaits them together, tick "Calls in parallel" on it; otherwise`
    : '';
  return [
    {
      rule: 'latency-over-budget',
      severity: 'error',
      stage: 'serving',
      nodeIds: cost.nodeIds,
      message: `The request path takes ${fmt(cost.total)} ms, over the ${fmt(budget)} ms budget; its slowest step is "${nodeLabel(slow)}" (${fmt(latencyOf(slow))} ms).${sequential}${sequential ? ' c' : ' C'}ache, precompute or use a lighter model there.`,
      hint: 'Latency adds up along the request path: calls made one after another sum, calls awaited together cost the slowest. Cache hot results, precompute candidates in batch, keep the expensive model for a few candidates, or distil and quantise it.',
    },
  ];
};

/** A node's latency estimate: missing, negative or non-finite counts as 0. */
export function latencyOf(node: DiagramNode): number {
  const v = node.props.latencyMs;
  return typeof v === 'number' && Number.isFinite(v) && v > 0 ? v : 0;
}

function fmt(ms: number): string {
  return Number.isInteger(ms) ? String(ms) : ms.toFixed(1);
}
