/**
 * missing-component: the design names a problem (recommendation, fraud, RAG ...) but lacks a
 * component that every strong answer to that problem has, e.g. candidate generation in a
 * recommender or guardrails around an LLM. One finding per missing group of the profile.
 */
import { kindInfo } from '../../catalogue';
import type { ProblemId } from '../../diagram';
import { describeGroup, missingGroups, problemProfile } from '../../profiles';
import type { Rule } from '../context';

const HINTS: Record<ProblemId, string> = {
  generic: '',
  recommendation: 'A recommender is a funnel: cheap candidate generation over millions of items, a precise ranker over hundreds, then re-ranking for diversity, freshness and policy.',
  'visual-search': 'Visual search embeds images into one vector space (contrastive learning) and finds neighbours with an approximate nearest-neighbour index.',
  'video-search': 'Video search combines embedding retrieval (text-video encoders, ANN) with lexical search on titles and tags.',
  'search-ranking': 'Search ranking retrieves candidates (lexical and embedding) and orders them with a learning-to-rank model.',
  'ad-click': 'Ad click prediction ranks ads by calibrated CTR on fresh features, usually from a stream into a feature store.',
  fraud: 'Fraud detection scores transactions on streaming aggregates in real time, with rules or human review for the uncertain cases.',
  eta: 'ETA prediction needs live traffic and supply features: a stream computes them and a feature store serves them.',
  'content-moderation': 'Content moderation needs human review for uncertain cases and labelled data whose policy definitions stay consistent.',
  rag: 'Retrieval-augmented generation embeds documents into a vector DB, retrieves them for the query, generates with an LLM and filters with guardrails.',
};

/** One finding per group of the problem profile with none of its kinds present. */
export const missingComponent: Rule = (ctx) => {
  const profile = problemProfile(ctx.diagram.problem);
  const present = new Set(ctx.components.map((n) => n.kind));
  return missingGroups(profile, present).map((group) => {
    const stage = kindInfo(group[0]).stage;
    return {
      rule: 'missing-component' as const,
      severity: 'error' as const,
      ...(stage ? { stage } : {}),
      nodeIds: [],
      message: `${profile.label} designs need ${describeGroup(group)}, and this one has none: add ${group.length > 1 ? 'one of them' : 'it'}.`,
      hint: HINTS[profile.id],
    };
  });
};
