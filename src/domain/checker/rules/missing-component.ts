/**
 * missing-component: the design names a problem (recommendation, fraud, RAG ...) but no component
 * plays a role that every strong answer to that problem has, e.g. candidate generation in a
 * recommender or guardrails around an LLM. Roles, not box names: a rules engine that does the
 * re-ranking (`actsAs: ["re-ranking"]`) is the re-ranking step. One finding per missing group.
 */
import { kindInfo } from '../../catalogue';
import type { ProblemId } from '../../diagram';
import { describeGroup, missingGroups, problemProfile } from '../../profiles';
import type { Rule } from '../context';

const HINTS: Record<ProblemId, string> = {
  generic: '',
  recommendation: 'A recommender is a funnel: cheap candidate generation over millions of items, a precise ranker over hundreds, then re-ranking for diversity, freshness, exploration and policy.',
  'visual-search': 'Visual search embeds images into one vector space (contrastive learning) and finds neighbours with an approximate nearest-neighbour index.',
  'video-search': 'Video search combines embedding retrieval (text-video encoders, ANN) with lexical search on titles, tags and transcripts.',
  'search-ranking': 'Search ranking retrieves candidates (lexical and embedding) and orders them with a learning-to-rank model.',
  'ad-click': 'Ad click prediction ranks ads by calibrated CTR on fresh features, usually from a stream into a feature store.',
  fraud: 'Fraud detection scores transactions on fresh aggregates (a stream or an online feature store) in real time, with rules and human review for uncertain cases.',
  eta: 'ETA prediction needs live traffic and supply features: a stream computes them and a feature store or cache serves them.',
  'content-moderation': "Content moderation needs human review for uncertain and appealed cases; reviewers' decisions are the labels (or a labeling pipeline).",
  rag: 'Retrieval-augmented generation embeds documents into an index, retrieves them for the query, generates with an LLM and checks the answer with guardrails.',
};

/** One finding per group of the problem profile that no node plays. */
export const missingComponent: Rule = (ctx) => {
  const profile = problemProfile(ctx.diagram.problem);
  if (profile.needs.length === 0) return [];
  return missingGroups(profile, { has: (k) => ctx.has(k) }).map((group) => {
    const stage = kindInfo(group[0]).stage;
    return {
      rule: 'missing-component' as const,
      severity: 'warning' as const,
      ...(stage ? { stage } : {}),
      nodeIds: [],
      message: `${profile.label} designs need ${describeGroup(group)}, and nothing here plays ${group.length > 1 ? 'either' : 'it'}: add ${group.length > 1 ? 'one of them' : 'it'}, or mark the component that does this job ("Also acts as").`,
      hint: HINTS[profile.id],
    };
  });
};
