/**
 * no-guardrail-metric: an online experiment is judged by one metric. A launch decided on CTR alone
 * ships clickbait; one on accuracy alone says nothing of latency, complaints or revenue. Strong
 * answers name a primary metric and guardrails that must not get worse (latency, retention,
 * complaints, decline rate, revenue ...).
 *
 * Counts the larger of the number of parts of the card's online metric (split at commas,
 * semicolons, "+", "and", "plus", "with") and the number of distinct online metrics recognised in
 * it and in the online evaluation nodes' texts; fires, in an online design with an online
 * evaluation, when that is at most one.
 */
import type { ProblemId } from '../../diagram';
import { metricParts, termsIn } from '../../vocabulary';
import { idsOf, names, textsOf, type Rule } from '../context';

const EXAMPLE: Partial<Record<ProblemId, string>> = {
  generic: 'conversion; guardrails: p99 latency, complaint rate',
  recommendation: 'watch time; guardrails: 28-day retention, p99 latency',
  'ad-click': 'revenue; guardrails: CTR, ad hide rate, p99 latency',
  fraud: 'fraud loss; guardrails: decline rate, p99 latency',
  'content-moderation': 'prevalence; guardrails: appeal rate, p99 latency',
  rag: 'answer acceptance; guardrails: p95 latency, complaint rate',
  'search-ranking': 'conversion; guardrails: p99 latency, zero-result rate',
};

/** One finding, naming the online evaluation nodes, when a launch has no guardrail metric. */
export const noGuardrailMetric: Rule = (ctx) => {
  if (!ctx.online) return [];
  const tests = ctx.playing('ab-test');
  if (tests.length === 0) return [];
  const online = ctx.objective?.card.props.onlineMetric;
  const parts = metricParts(online).length;
  const distinct = termsIn([online, ...tests.flatMap(textsOf)], 'online-metric').size;
  if (Math.max(parts, distinct) > 1) return [];
  const named = online && online.trim() ? `only "${online.trim()}"` : 'no online metric';
  return [
    {
      rule: 'no-guardrail-metric',
      severity: 'warning',
      stage: 'evaluation',
      nodeIds: idsOf(tests),
      message: `${names(tests)} ${tests.length === 1 ? 'judges' : 'judge'} a launch by ${named}: name a primary metric and the guardrails it must not hurt (e.g. "${EXAMPLE[ctx.diagram.problem] ?? EXAMPLE.generic}") in the ML objective's online metric.`,
      hint: 'An experiment decides on one primary metric, fixed before it starts, and guardrail metrics that must not regress (latency, retention, complaints, decline or appeal rate); a long-term holdout catches slow harm.',
    },
  ];
};
