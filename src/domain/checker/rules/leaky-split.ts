/**
 * leaky-split: offline evaluation holds data out at random while the data is time-ordered. A random
 * split trains on rows from after the test rows: the model is graded on a past it has already seen
 * the future of (new fraud patterns, tomorrow's trending items), and the offline numbers promise
 * more than the launch delivers.
 *
 * The split is the card's `split`, or recognised in its offline metric and notes and the offline
 * evaluation nodes' texts (a time split named anywhere wins). The data is time-ordered when an event
 * log, a message queue or a stream processor feeds a trainer, or the problem is fraud, ad click, ETA,
 * recommendation or search ranking.
 */
import type { ProblemId } from '../../diagram';
import { nodeLabel } from '../../diagram';
import { idsOf, names, type Rule } from '../context';

const TIME_ORDERED: ReadonlySet<ProblemId> = new Set(['fraud', 'ad-click', 'eta', 'recommendation', 'search-ranking']);

/** One finding, on the card and any offline evaluation, when a random split meets time-ordered data. */
export const leakySplit: Rule = (ctx) => {
  const o = ctx.objective;
  if (!o || o.split !== 'random') return [];
  const { trainers } = ctx.roles;
  let why = '';
  const streams = [...new Set([...ctx.playing('event-log'), ...ctx.playing('message-queue'), ...ctx.playing('stream-processor')])];
  if (streams.length > 0 && trainers.length > 0) {
    const fed = ctx.reach(ctx.feedsGraph, streams, 'forward', true);
    const trainer = ctx.marked(fed, trainers)[0];
    if (trainer) {
      const upstream = ctx.reach(ctx.feedsGraph, [trainer], 'backward', true);
      why = `"${nodeLabel(trainer)}" learns from ${names(ctx.marked(upstream, streams), 2)}`;
    }
  }
  if (!why && TIME_ORDERED.has(ctx.diagram.problem)) why = 'this problem\'s data arrives over time';
  if (!why) return [];
  const evals = ctx.playing('offline-eval');
  return [
    {
      rule: 'leaky-split',
      severity: 'warning',
      stage: 'evaluation',
      nodeIds: [o.card.id, ...idsOf(evals)],
      message: `A random split on time-ordered data: ${why}. Test on the most recent period instead (train before a date, test after; Split "time").`,
      hint: 'A random split tests on a past the model has seen the future of. Time-ordered data needs an out-of-time split or a rolling backtest (with a gap for labels to mature); keep a user or session on one side when they repeat.',
    },
  ];
};
