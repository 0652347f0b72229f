/**
 * no-fallback (info): an online design's request path reaches a model, and nothing says what answers
 * when it fails or times out: no inference node on the path has a `fallback`, and no cache or rules
 * engine sits on the path. An interviewer's first follow-up on any online design is "what happens
 * when the model is slow or down?"; the answer (a cached or popular list, the previous model, rules,
 * fail open or fail closed) belongs in the design.
 *
 * The request path starts at a client app (where there is none, at a prediction API) and follows
 * request edges from caller to callee.
 */
import type { ProblemId } from '../../diagram';
import { idsOf, names, type Rule } from '../context';
import { latencyOf } from './latency-over-budget';

const FALLBACK_EXAMPLE: Record<ProblemId, string> = {
  generic: 'the previous model version',
  recommendation: 'popular items from the cache',
  'visual-search': 'text search on the catalogue',
  'video-search': 'lexical search only',
  'search-ranking': 'lexical ranking only',
  'ad-click': 'last hour\'s pCTR per ad from the cache',
  fraud: 'rules only; fail open under $50',
  eta: 'the routing engine\'s ETA',
  'content-moderation': 'hash matching only; queue the rest for review',
  rag: 'a smaller model, or "try again" with the sources',
};

/** One finding, naming the inference nodes on the request path, when none of them has a fallback. */
export const noFallback: Rule = (ctx) => {
  if (!ctx.online) return [];
  const clients = ctx.playing('client-app');
  const starts = clients.length > 0 ? clients : ctx.playing('prediction-api');
  if (starts.length === 0) return [];
  const path = ctx.reach(ctx.requestGraph, starts, 'forward');
  const models = ctx.marked(path, ctx.roles.inference);
  if (models.length === 0) return [];
  if (models.some((n) => typeof n.props.fallback === 'string' && n.props.fallback.trim() !== '')) return [];
  if (ctx.marked(path, [...ctx.playing('cache'), ...ctx.playing('rules-engine')]).length > 0) return [];
  // The model an interviewer asks about: the slowest on the path, else the last one.
  const main = models.reduce((a, b) => (latencyOf(b) >= latencyOf(a) ? b : a));
  return [
    {
      rule: 'no-fallback',
      severity: 'info',
      stage: 'serving',
      nodeIds: idsOf(models),
      message: `Nothing says what answers when ${names([main])} is slow or down: write its Fallback (e.g. "${FALLBACK_EXAMPLE[ctx.diagram.problem]}"), or put a cache or rules engine on the request path.`,
      hint: 'Every online model needs a timeout and a degraded answer: a cached or precomputed result, a simpler model or rules, and a deliberate fail-open or fail-closed choice.',
    },
  ];
};
