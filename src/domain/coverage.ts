/**
 * Which of the seven stages a design covers (domain.md section 4): requirements and framing by a
 * filled card, the pipeline stages by the roles its components play. The stage strip, the checker's
 * `missing-stage`, the comparison's score and practice hints all read this one answer.
 */
import { isOnlineDesign, objectiveGaps, requirementsGaps, type CardGap } from './cards';
import type { Diagram, DiagramNode } from './diagram';
import { coveredStages } from './roleRules';
import { STAGE_IDS, type StageId } from './stages';

/** A card that is on the canvas but not filled enough to cover its stage. */
export interface IncompleteCard {
  card: DiagramNode;
  gaps: CardGap[];
}

export interface Coverage {
  /** True for each stage the design covers. */
  stages: Record<StageId, boolean>;
  /** For requirements and framing not covered although a card exists: the first such card and what it lacks. */
  incomplete: Partial<Record<'requirements' | 'framing', IncompleteCard>>;
}

/** The stages a diagram covers, and the cards that exist but do not yet cover theirs. */
export function stageCoverage(d: Pick<Diagram, 'nodes'>): Coverage {
  const stages = Object.fromEntries(STAGE_IDS.map((s) => [s, false])) as Record<StageId, boolean>;
  const incomplete: Coverage['incomplete'] = {};
  const online = isOnlineDesign(d);
  for (const n of d.nodes) {
    if (n.kind === 'note' || n.kind === 'group') continue;
    if (n.kind === 'requirements' || n.kind === 'ml-objective') {
      const stage = n.kind === 'requirements' ? 'requirements' : 'framing';
      const gaps = n.kind === 'requirements' ? requirementsGaps(n, online, true) : objectiveGaps(n, online, true);
      if (gaps.length === 0) stages[stage] = true;
      else if (!incomplete[stage]) incomplete[stage] = { card: n, gaps };
      continue;
    }
    for (const s of coveredStages(n)) stages[s] = true;
  }
  if (stages.requirements) delete incomplete.requirements;
  if (stages.framing) delete incomplete.framing;
  return { stages, incomplete };
}
