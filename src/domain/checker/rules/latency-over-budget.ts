/**
 * latency-over-budget: the slowest chain of online calls takes longer than the latency
 * budget in the requirements. Latency adds up along the request path, so a design whose
 * per-component estimates exceed the budget cannot meet its own requirement.
 *
 * Condition: a `requirements` node sets `latencyBudgetMs` (with several, the smallest budget
 * applies), and the heaviest walk along `request` edges, starting at a `client-app` (or, when
 * there is none, at a `prediction-api`), exceeds it. Each node's `latencyMs` counts once
 * (missing, negative or non-finite = 0); the nodes of a cycle form one block whose latencies
 * add once.
 */
import { nodeLabel, type DiagramNode } from '../../diagram';
import { heaviestWalk } from '../../graph';
import { idsOf, inDiagramOrder, type Rule } from '../context';

/** One finding, naming the nodes of the slowest request path, when it exceeds the budget. */
export const latencyOverBudget: Rule = (ctx) => {
  let budget = Infinity;
  for (const req of ctx.ofKind('requirements')) {
    const b = req.props?.latencyBudgetMs;
    if (typeof b === 'number' && Number.isFinite(b) && b < budget) budget = b;
  }
  if (budget === Infinity) return [];
  const clients = ctx.ofKind('client-app');
  const starts = clients.length > 0 ? clients : ctx.ofKind('prediction-api');
  if (starts.length === 0) return [];
  const nodes = ctx.diagram.nodes;
  const latency = (_id: string, i: number) => latencyOf(nodes[i]);
  const walk = heaviestWalk(ctx.requestGraph, idsOf(starts), latency);
  if (!walk || walk.total <= budget) return [];
  let slow = ctx.node(walk.nodeIds[0])!;
  for (const id of walk.nodeIds) {
    const node = ctx.node(id)!;
    if (latencyOf(node) > latencyOf(slow)) slow = node;
  }
  return [
    {
      rule: 'latency-over-budget',
      severity: 'error',
      stage: 'serving',
      nodeIds: inDiagramOrder(ctx, walk.nodeIds),
      message: `The slowest request path takes ${fmt(walk.total)} ms, over the ${fmt(budget)} ms budget; its slowest step is "${nodeLabel(slow)}" (${fmt(latencyOf(slow))} ms): cache, precompute or use a lighter model there.`,
      hint: 'Latency adds up along the request path: cache hot results, precompute candidates in batch, keep the expensive model for a few candidates, or distil and quantise it.',
    },
  ];
};

/** A node's latency estimate: missing, negative or non-finite counts as 0. */
function latencyOf(node: DiagramNode): number {
  const v = node.props?.latencyMs;
  return typeof v === 'number' && Number.isFinite(v) && v > 0 ? v : 0;
}

function fmt(ms: number): string {
  return Number.isInteger(ms) ? String(ms) : ms.toFixed(1);
}
