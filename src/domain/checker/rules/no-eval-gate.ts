/**
 * no-eval-gate: a trained model reaches serving without passing offline evaluation. Then
 * nothing stops a worse model (a bad data day, a bug in training) from replacing a good one.
 */
import { hasPathThrough } from '../../graph';
import { firstName, idsOf, names, type Rule } from '../context';
import { trainerReachesInference } from './no-model-handoff';

/** One finding, naming the trainers, when no trainer-to-inference path passes offline evaluation. */
export const noEvalGate: Rule = (ctx) => {
  const { trainers, inference } = ctx.roles;
  if (trainers.length === 0 || inference.length === 0 || !trainerReachesInference(ctx)) return [];
  const isEval = (id: string) => ctx.node(id)?.kind === 'offline-eval';
  if (hasPathThrough(ctx.graph, idsOf(trainers), idsOf(inference), isEval)) return [];
  return [
    {
      rule: 'no-eval-gate',
      severity: 'warning',
      stage: 'evaluation',
      nodeIds: idsOf(trainers),
      message: `Models from ${names(trainers)} reach serving ungated: route them through Offline evaluation before the registry or ${firstName(inference)}.`,
      hint: 'Score each candidate on held-out, time-split data and promote it only if it beats the current model; champion/challenger and shadow deployment extend the gate to live traffic.',
    },
  ];
};
