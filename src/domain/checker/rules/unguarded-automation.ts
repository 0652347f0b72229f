/**
 * unguarded-automation: a fraud or moderation design lets a model or a rule act on its own, with no
 * path to a human review queue. Then a bad release (a broken feature, a shifted score) declines every
 * legitimate payment or removes every post before anyone notices, and borderline or appealed cases
 * have nowhere to go. Strong answers send the uncertain band to review, alert on the decline or
 * removal rate, and keep a person who can stop the automation (a circuit breaker, fail open or
 * closed by choice).
 *
 * Decision makers (domain.md section 2, fraud and content moderation only): every rules engine, and
 * every inference node from which no request, data or stream path leads to another inference node
 * (the last model step). Fires when there are some and no path of any edge kinds leads from one of
 * them to a human review queue.
 */
import type { ProblemId } from '../../diagram';
import { filterEdges, stronglyConnectedComponents, type Graph } from '../../graph';
import { idsOf, names, type Rule } from '../context';

const AUTOMATED: ReadonlySet<ProblemId> = new Set(['fraud', 'content-moderation']);

/** One finding, naming the decision makers, when none of them leads to a review queue. */
export const unguardedAutomation: Rule = (ctx) => {
  if (!AUTOMATED.has(ctx.diagram.problem)) return [];
  const { inference } = ctx.roles;
  const rules = ctx.playing('rules-engine');
  const last = new Set(lastModelSteps(filterEdges(ctx.graph, ['request', 'data', 'stream']), ctx.at(inference)));
  const ruleSet = new Set(rules);
  const deciders = ctx.components.filter((n) => ruleSet.has(n) || last.has(ctx.graph.indexOf.get(n.id)!));
  if (deciders.length === 0) return [];
  const reviews = ctx.playing('human-review');
  if (ctx.linked(ctx.graph, deciders, reviews)) return [];
  const what = ctx.diagram.problem === 'fraud' ? 'declines every legitimate payment' : 'removes every post';
  return [
    {
      rule: 'unguarded-automation',
      severity: 'warning',
      stage: 'serving',
      nodeIds: idsOf(deciders),
      message: `${names(deciders, 2)} ${deciders.length === 1 ? 'acts' : 'act'} with no human in the loop: a bad release ${what}. Send the uncertain band and appeals to a Human review queue; alert on the ${ctx.diagram.problem === 'fraud' ? 'decline' : 'removal'} rate.`,
      hint: 'Score bands (approve / review / act), a review queue sized for the middle band, a decline- or removal-rate alert with a circuit breaker, and a deliberate fail-open or fail-closed choice when the model is down.',
    },
  ];
};

/**
 * The inference nodes (by index) from which no path leads to another inference node: in the
 * component DAG (sinks first), a node is last when its component holds no other inference node and
 * no component below it holds one. Linear.
 */
function lastModelSteps(g: Graph, inference: readonly number[]): number[] {
  const { count, componentOf, memberStart, memberNodes } = stronglyConnectedComponents(g);
  const isInf = new Uint8Array(g.ids.length);
  for (const i of inference) isInf[i] = 1;
  const own = new Int32Array(count);
  const below = new Uint8Array(count);
  for (let c = 0; c < count; c++) {
    for (let m = memberStart[c]; m < memberStart[c + 1]; m++) {
      const v = memberNodes[m];
      if (isInf[v]) own[c]++;
      for (let k = g.outStart[v]; k < g.outStart[v + 1]; k++) {
        const d = componentOf[g.outAdj[k]];
        if (d !== c && (own[d] > 0 || below[d])) below[c] = 1;
      }
    }
  }
  return inference.filter((i) => own[componentOf[i]] === 1 && !below[componentOf[i]]);
}
