/**
 * feedback-loop-risk: a recommender (a candidate-generation or ranking role) trains on its own
 * output (a trainer is fed from an inference or monitor node: what it showed and what users then
 * did), and nothing says how it breaks the loop. Such a system learns only from what it chose to
 * show: it narrows what users see, amplifies popularity and position bias, and can drift towards
 * ever more extreme content. Exploration, diversity, randomised slots with logged propensities or
 * position debiasing, named in the re-ranking step, the trainers or the objective's label and loss,
 * are how strong answers break it.
 */
import { mentions } from '../../vocabulary';
import { idsOf, names, textsOf, type Rule } from '../context';

/** One finding, naming the candidate generators and rankers, when a self-trained recommender says nothing of exploration. */
export const feedbackLoopRisk: Rule = (ctx) => {
  const roles = new Set([...ctx.playing('candidate-generation'), ...ctx.playing('ranking')]);
  const recommenders = ctx.components.filter((n) => roles.has(n));
  if (recommenders.length === 0) return [];
  const { inference, monitors, trainers } = ctx.roles;
  if (trainers.length === 0) return [];
  const fed = ctx.reach(ctx.feedsGraph, [...inference, ...monitors], 'forward', true);
  if (ctx.marked(fed, trainers).length === 0) return [];
  const card = ctx.objective?.card;
  const texts = [
    ...ctx.playing('re-ranking').flatMap(textsOf),
    ...trainers.flatMap(textsOf),
    ...(card ? [card.props.label, card.props.loss] : []),
  ];
  if (mentions(texts, 'exploration')) return [];
  const rerank = ctx.playing('re-ranking');
  const where = rerank.length > 0 ? `in ${names(rerank.slice(0, 1))}` : 'in a Re-ranking / policy step';
  return [
    {
      rule: 'feedback-loop-risk',
      severity: 'warning',
      stage: 'serving',
      nodeIds: idsOf(recommenders),
      message: `${names(recommenders, 2)} ${recommenders.length === 1 ? 'learns' : 'learn'} from what ${recommenders.length === 1 ? 'it' : 'they'} showed, and nothing says how the loop is broken: write the exploration ${where} ("5% epsilon-greedy slots", diversity, position debiasing).`,
      hint: 'Exploration (epsilon-greedy, Thompson sampling), diversity and logged propensities for counterfactual evaluation keep a recommender from only confirming its own past choices; long-term and integrity guardrail metrics catch a loop that narrows what users see.',
    },
  ];
};
