/**
 * Problem profiles (domain.md section 5, revision 2): what a design for a given problem must
 * contain. Each group is a list of roles (kinds, played by a node's own kind or by `actsAs`) of
 * which at least one must be present; the checker's `missing-component` rule reports every group
 * that no node plays.
 */
import { kindInfo, type KindId } from './catalogue';
import { PROBLEM_IDS, PROBLEM_LABELS, type ProblemId } from './diagram';

export interface ProblemProfile {
  id: ProblemId;
  label: string;
  /** Groups of kinds; the design needs at least one kind of every group. */
  needs: readonly (readonly KindId[])[];
}

const NEEDS: Record<ProblemId, readonly (readonly KindId[])[]> = {
  generic: [],
  recommendation: [['candidate-generation'], ['ranking'], ['re-ranking']],
  'visual-search': [['embedding-model'], ['vector-db']],
  'video-search': [['embedding-model'], ['vector-db', 'search-index']],
  'search-ranking': [['candidate-generation', 'search-index'], ['ranking']],
  'ad-click': [['ranking'], ['stream-processor', 'feature-store']],
  fraud: [['stream-processor', 'feature-store'], ['rules-engine', 'human-review']],
  eta: [['stream-processor'], ['feature-store', 'cache']],
  // Moderators' decisions are labels: a review queue satisfies both lines.
  'content-moderation': [['human-review'], ['labeling', 'human-review']],
  rag: [['embedding-model'], ['vector-db', 'search-index'], ['llm-server'], ['guardrails']],
};

/** Every problem profile, in the order of PROBLEM_IDS. */
export const PROFILES: readonly ProblemProfile[] = PROBLEM_IDS.map((id) => ({
  id,
  label: PROBLEM_LABELS[id],
  needs: NEEDS[id],
}));

const BY_ID = new Map(PROFILES.map((p) => [p.id, p]));

/** The profile of a problem id (the generic profile for an unknown id). */
export function problemProfile(id: ProblemId): ProblemProfile {
  return BY_ID.get(id) ?? BY_ID.get('generic')!;
}

/** The groups of a profile that none of the present kinds satisfies, in profile order. */
export function missingGroups(
  profile: ProblemProfile,
  present: { has(kind: KindId): boolean },
): (readonly KindId[])[] {
  return profile.needs.filter((group) => !group.some((k) => present.has(k)));
}

/** A group in words, e.g. "Candidate generation or Search index". */
export function describeGroup(group: readonly KindId[]): string {
  return group.map((k) => kindInfo(k).label).join(' or ');
}
