/**
 * no-online-eval: an online product serves a model but never tests it on live traffic. Offline
 * metrics are proxies; only an online experiment shows whether a new model moves the business
 * metric, and catches regressions before every user sees them.
 */
import type { Rule } from '../context';

/** One finding when an online design has inference nodes and nothing plays Online evaluation. */
export const noOnlineEval: Rule = (ctx) => {
  if (!ctx.online || ctx.roles.inference.length === 0 || ctx.has('ab-test')) return [];
  return [
    {
      rule: 'no-online-eval',
      severity: 'warning',
      stage: 'evaluation',
      nodeIds: [],
      message: 'This online design never tests a model on live traffic: add Online evaluation (an A/B test, shadow mode or champion/challenger) before a new model takes all traffic.',
      hint: 'Offline gains do not guarantee business impact; an A/B test, interleaving or a shadow deployment measures the online metric, with a significance test, before full rollout.',
    },
  ];
};
