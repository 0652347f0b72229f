/**
 * Practice-mode hints: one at a time, never the whole answer.
 *
 * Two sources take turns:
 * - gaps against the reference from the first uncovered stage on, requirements included ("Start
 *   with the requirements: your card still needs a goal"), then on the next hint one kind of
 *   component missing there (the problem's must-have kinds first); a design that trains nothing is
 *   not pointed at the training machinery;
 * - interviewer follow-ups about what the user placed, newest component first ("Your design has
 *   a feature store: what happens when the online store is down?").
 * A component the user has placed and not yet been asked about comes first (unless the last hint
 * was already a question), as an interviewer asks about what was just drawn. An empty requirements or ML objective card
 * (practice starts with one) is not yet something the user placed.
 */
import { kindInfo, type KindId } from './catalogue';
import { listGaps } from './cards';
import { isPretrainedDesign, kindsByStage, TRAINING_MACHINERY } from './compare';
import { stageCoverage } from './coverage';
import { componentCard } from './content/componentCards';
import { KIND_NOUNS, practicePrompt } from './content/practice';
import { stageCard } from './content/stageCards';
import type { Diagram, DiagramNode } from './diagram';
import { problemProfile } from './profiles';
import { STAGES, type StageId } from './stages';

export type HintKind = 'stage' | 'component' | 'question' | 'done';

/** One hint shown to the user. */
export interface Hint {
  /** Identifies what the hint gave away, e.g. "stage:data", "kind:feature-store", "ask:feature-store:0". */
  key: string;
  kind: HintKind;
  stage?: StageId;
  /** The component kind the hint is about (component and question hints). */
  about?: KindId;
  text: string;
}

/** True when the user has put something into a node: any placed component, or a card with a field filled. */
function placedByUser(n: DiagramNode): boolean {
  if (n.kind === 'note' || n.kind === 'group') return false;
  if (n.kind === 'requirements' || n.kind === 'ml-objective') return Object.values(n.props).some((v) => v !== undefined && v !== '');
  return true;
}

/** The distinct kinds the user placed, newest first. */
export function placedKinds(d: Diagram): KindId[] {
  const out: KindId[] = [];
  for (let i = d.nodes.length - 1; i >= 0; i--) {
    const n = d.nodes[i];
    if (placedByUser(n) && !out.includes(n.kind)) out.push(n.kind);
  }
  return out;
}

function timesAsked(given: readonly Hint[], kind: KindId): number {
  return given.filter((h) => h.kind === 'question' && h.about === kind).length;
}

/** The next interviewer question about a placed component: the newest one asked least, while questions remain. */
function questionHint(d: Diagram, given: readonly Hint[], unaskedOnly: boolean): Hint | null {
  let best: { kind: KindId; round: number } | null = null;
  for (const kind of placedKinds(d)) {
    const round = timesAsked(given, kind);
    if (round >= componentCard(kind).followUps.length || (unaskedOnly && round > 0)) continue;
    if (!best || round < best.round) best = { kind, round };
  }
  if (!best) return null;
  return { key: `ask:${best.kind}:${best.round}`, kind: 'question', about: best.kind, text: practicePrompt(best.kind, best.round) };
}

const CARD_HINTS = {
  requirements: { start: 'Start with the requirements', name: 'Requirements', fields: 'the goal and the scale: users, QPS, latency budget' },
  framing: { start: 'Frame the ML task', name: 'ML objective', fields: 'the task, the label and where it comes from, the offline and online metrics' },
} as const;

/** The next gap against the reference: a stage not yet pointed out, then its missing kinds one at a time. */
function gapHint(d: Diagram, reference: Diagram, given: readonly Hint[]): Hint | null {
  const keys = new Set(given.map((h) => h.key));
  const mine = kindsByStage(d);
  const theirs = kindsByStage(reference);
  const mustHave = new Set(problemProfile(reference.problem).needs.flat());
  // A design that trains nothing is not pointed at the reference's training machinery.
  const notNeeded = new Set<KindId>(isPretrainedDesign(d) ? TRAINING_MACHINERY : []);
  const coverage = stageCoverage(d);
  for (const stage of STAGES) {
    const have = new Set(mine[stage.id]);
    const missing = theirs[stage.id].filter((k) => !have.has(k) && !notNeeded.has(k));
    if (!missing.length) continue;
    const card = stage.id === 'requirements' || stage.id === 'framing' ? CARD_HINTS[stage.id] : null;
    if (card && !keys.has(`stage:${stage.id}`)) {
      const gaps = coverage.incomplete[stage.id as 'requirements' | 'framing']?.gaps;
      return {
        key: `stage:${stage.id}`,
        kind: 'stage',
        stage: stage.id,
        text: gaps ? `${card.start}: your ${card.name} card still needs ${listGaps(gaps)}. ${stageCard(stage.id).goal}` : `${card.start}: add the ${card.name} card (${card.fields}). ${stageCard(stage.id).goal}`,
      };
    }
    if (card) continue;
    if (!keys.has(`stage:${stage.id}`)) {
      const n = missing.length;
      const what = have.size
        ? `the reference has ${n} more kind${n === 1 ? '' : 's'} of component here than yours.`
        : `your design has nothing here yet; the reference has ${n} kind${n === 1 ? '' : 's'} of component.`;
      return {
        key: `stage:${stage.id}`,
        kind: 'stage',
        stage: stage.id,
        text: `Step ${stage.step}, ${stage.name}: ${what} ${stageCard(stage.id).goal}`,
      };
    }
    const ordered = [...missing.filter((k) => mustHave.has(k)), ...missing.filter((k) => !mustHave.has(k))];
    const kind = ordered.find((k) => !keys.has(`kind:${k}`));
    if (kind) {
      const noun = KIND_NOUNS[kind];
      return {
        key: `kind:${kind}`,
        kind: 'component',
        stage: stage.id,
        about: kind,
        // The kind's name in brackets only when the noun does not already say it ("an ML objective (ML objective)").
        text: `${stage.name}: the reference uses ${noun}${noun.toLowerCase().includes(kindInfo(kind).label.toLowerCase()) ? '' : ` (${kindInfo(kind).label})`}. ${componentCard(kind).what}`,
      };
    }
  }
  return null;
}

/** The next hint for a practice design against the reference, given the hints shown so far. */
export function nextHint(d: Diagram, reference: Diagram, given: readonly Hint[]): Hint {
  const last = given.at(-1);
  if (!last || last.kind !== 'question') {
    const fresh = questionHint(d, given, true);
    if (fresh) return fresh;
  }
  const gap = gapHint(d, reference, given);
  if (gap) return gap;
  const question = questionHint(d, given, false);
  if (question) return question;
  return {
    key: `done:${given.length}`,
    kind: 'done',
    text: 'No more hints: your design has every kind of component the reference has, and you have heard every follow-up. Check your design, then compare it with the reference.',
  };
}

/** Review questions for the end of a session: one per placed kind in stage order, skipping those already asked. */
export function reviewQuestions(d: Diagram, given: readonly Hint[] = []): string[] {
  const kinds = placedKinds(d);
  const order = (k: KindId) => {
    const s = kindInfo(k).stage;
    return s ? STAGES.findIndex((x) => x.id === s) : STAGES.length;
  };
  kinds.sort((a, b) => order(a) - order(b));
  return kinds.map((k) => practicePrompt(k, timesAsked(given, k)));
}
