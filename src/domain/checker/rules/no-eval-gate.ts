/**
 * no-eval-gate: a trained model reaches serving along model edges without passing offline
 * evaluation. Then nothing stops a worse model (a bad data day, a bug in training) from replacing a
 * good one. The evaluation must be a gate on the way (trainer -> evaluation -> registry or server):
 * an evaluation fed by a data edge, or one that only reports back to training, is a side report.
 */
import type { KindId } from '../../catalogue';
import type { DiagramNode } from '../../diagram';
import { hasSimplePathThrough } from '../../graph';
import { plays } from '../../roleRules';
import { idsOf, names, type Rule, type RuleContext } from '../context';

/** One finding, naming those trainers, when no trainer-to-inference model path passes offline evaluation. */
export const noEvalGate: Rule = (ctx) => {
  const serving = trainersServingByModel(ctx);
  if (serving.length === 0) return [];
  if (modelPathThrough(ctx, 'offline-eval')) return [];
  return [
    {
      rule: 'no-eval-gate',
      severity: 'warning',
      stage: 'evaluation',
      nodeIds: idsOf(serving),
      message: `Models from ${names(serving)} reach serving ungated: route the model edge through Offline evaluation (trainer -> evaluation -> registry or server), so only a model that beats the current one is promoted.`,
      hint: 'Score each candidate on held-out, time-split data and promote it only if it beats the current model; champion/challenger and shadow deployment extend the gate to live traffic.',
    },
  ];
};

/** The trainers from which a model path (model edges only) leads to an inference node. */
export function trainersServingByModel(ctx: RuleContext): DiagramNode[] {
  return ctx.memo('trainers-serving-by-model', () => {
    const { trainers, inference } = ctx.roles;
    if (trainers.length === 0 || inference.length === 0) return [];
    return ctx.marked(ctx.reach(ctx.modelGraph, inference, 'backward', true), trainers);
  });
}

/** True when some model path from a trainer to an inference node passes through a node playing the kind (never coming back to a node it left). */
export function modelPathThrough(ctx: RuleContext, kind: KindId): boolean {
  const g = ctx.modelGraph;
  const nodes = ctx.diagram.nodes;
  return hasSimplePathThrough(g, ctx.at(ctx.roles.trainers), ctx.at(ctx.roles.inference), (i) => plays(nodes[i], kind));
}
