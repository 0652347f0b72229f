/**
 * What the Requirements and ML objective cards say, and what they still lack (domain.md section 4):
 * a stage counts as covered only when its card is filled, not when the box is on the canvas. Used by
 * the checker, the stage strip, the comparison and practice hints alike.
 */
import type { Diagram, DiagramNode } from './diagram';
import { plays } from './roleRules';

/** What a card can lack, in the order a message lists it. */
export type CardGap = 'goal' | 'scale' | 'latency budget' | 'task' | 'label' | 'offline metric' | 'online metric';

/** How a gap reads in a sentence: "a goal", "a scale or QPS" ... */
export const GAP_WORDS: Record<CardGap, string> = {
  goal: 'a goal',
  scale: 'a scale or QPS',
  'latency budget': 'a latency budget',
  task: 'a task',
  label: 'a label',
  'offline metric': 'an offline metric',
  'online metric': 'an online metric',
};

const filled = (v: unknown): boolean => typeof v === 'string' && v.trim() !== '';
const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/** True for an online design: a client app or a prediction API (own kind or `actsAs`), or realtime requirements. */
export function isOnlineDesign(d: Pick<Diagram, 'nodes'>): boolean {
  return d.nodes.some(
    (n) => plays(n, 'client-app') || plays(n, 'prediction-api') || (n.kind === 'requirements' && n.props.realtime === true),
  );
}

/**
 * What a Requirements card lacks: a goal, a scale or QPS (DAU with requests per user per day give one),
 * and in an online design a latency budget.
 * `forCoverage` leaves out what the stage does not need (the latency budget).
 */
export function requirementsGaps(card: DiagramNode, online: boolean, forCoverage = false): CardGap[] {
  const gaps: CardGap[] = [];
  if (!filled(card.props.goal)) gaps.push('goal');
  // DAU and requests per user per day give the QPS (domain.md section 4, "Sizing").
  const derivedQps = isNumber(card.props.dau) && isNumber(card.props.requestsPerUserPerDay);
  if (!filled(card.props.scale) && !isNumber(card.props.qps) && !derivedQps) gaps.push('scale');
  if (!forCoverage && online && !isNumber(card.props.latencyBudgetMs)) gaps.push('latency budget');
  return gaps;
}

/**
 * What an ML objective card lacks: a task, a label, an offline metric, and in an online design an
 * online metric. `forCoverage` leaves out what the stage does not need (the online metric).
 */
export function objectiveGaps(card: DiagramNode, online: boolean, forCoverage = false): CardGap[] {
  const gaps: CardGap[] = [];
  if (!card.props.task) gaps.push('task');
  if (!filled(card.props.label)) gaps.push('label');
  if (!filled(card.props.offlineMetric)) gaps.push('offline metric');
  if (!forCoverage && online && !filled(card.props.onlineMetric)) gaps.push('online metric');
  return gaps;
}

/** "a goal, a scale or QPS and a latency budget". */
export function listGaps(gaps: readonly CardGap[]): string {
  const words = gaps.map((g) => GAP_WORDS[g]);
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}
