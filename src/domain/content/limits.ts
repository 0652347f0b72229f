import type { ComponentCard } from './componentCards';
import type { RuleCard } from './ruleCards';
import type { StageCard } from './stageCards';

/**
 * Length limits of the learning cards. A card must be readable in about 30 seconds
 * (roughly 900 characters of prose at a comfortable reading pace), so every field has a cap
 * and every card a total. Counts are in characters (UTF-16 code units, i.e. `string.length`).
 */
export const CONTENT_LIMITS = {
  component: {
    what: 160,
    whenToUse: 200,
    whenNot: 200,
    tradeoff: 180,
    tradeoffsMin: 2,
    tradeoffsMax: 3,
    followUp: 140,
    followUpsMin: 2,
    followUpsMax: 3,
    toolName: 40,
    toolWhen: 120,
    toolsMax: 8,
    /** what + whenToUse + whenNot + trade-offs + follow-ups: the part read as a card. */
    prose: 900,
    /** Prose plus the tool list (names and lines), as shown in the expanded card. */
    total: 1300,
  },
  rule: {
    title: 60,
    failure: 220,
    example: 340,
    strongAnswer: 320,
    studyItem: 80,
    studyMin: 3,
    studyMax: 6,
    /** Every field together. */
    total: 1150,
  },
  stage: {
    goal: 160,
    question: 140,
    questionsMin: 4,
    questionsMax: 6,
    /** Goal plus questions. */
    total: 900,
  },
} as const;

const sum = (xs: readonly string[]): number => xs.reduce((n, s) => n + s.length, 0);

/** Characters of a component card's prose: what, when, when not, trade-offs and follow-ups. */
export function componentCardProseLength(card: ComponentCard): number {
  return card.what.length + card.whenToUse.length + card.whenNot.length + sum(card.tradeoffs) + sum(card.followUps);
}

/** Characters of a whole component card: its prose plus every tool name and line. */
export function componentCardLength(card: ComponentCard): number {
  return componentCardProseLength(card) + card.tools.reduce((n, t) => n + t.name.length + t.when.length, 0);
}

/** Characters of a whole rule card. */
export function ruleCardLength(card: RuleCard): number {
  return card.title.length + card.failure.length + card.example.length + card.strongAnswer.length + sum(card.study);
}

/** Characters of a whole stage card. */
export function stageCardLength(card: StageCard): number {
  return card.goal.length + sum(card.questions);
}

/** Lower case, parenthetical qualifiers dropped: "NannyML (KS test, PSI)" becomes "nannyml". */
export function normalizeToolName(name: string): string {
  return name
    .replace(/\([^)]*\)/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

/** True when a card's tool name covers a catalogue tool (case-insensitive prefix, qualifiers ignored). */
export function toolCovers(cardToolName: string, catalogueTool: string): boolean {
  const want = normalizeToolName(catalogueTool);
  return want.length > 0 && normalizeToolName(cardToolName).startsWith(want);
}

type Problems = string[];

function checkText(problems: Problems, field: string, value: unknown, max: number): void {
  if (typeof value !== 'string' || value.trim() === '') problems.push(`${field}: empty`);
  else if (value.length > max) problems.push(`${field}: ${value.length} characters, limit ${max}`);
  else if (value !== value.trim()) problems.push(`${field}: leading or trailing spaces`);
}

function checkList(problems: Problems, field: string, values: readonly string[], min: number, max: number, itemMax: number): void {
  if (values.length < min || values.length > max) problems.push(`${field}: ${values.length} items, expected ${min}-${max}`);
  values.forEach((v, i) => checkText(problems, `${field}[${i}]`, v, itemMax));
  if (new Set(values).size !== values.length) problems.push(`${field}: duplicate items`);
}

/** Every way a component card breaks the limits or misses a catalogue tool; empty when it is fine. */
export function componentCardProblems(card: ComponentCard, catalogueTools: readonly string[]): string[] {
  const L = CONTENT_LIMITS.component;
  const p: Problems = [];
  checkText(p, 'what', card.what, L.what);
  checkText(p, 'whenToUse', card.whenToUse, L.whenToUse);
  checkText(p, 'whenNot', card.whenNot, L.whenNot);
  checkList(p, 'tradeoffs', card.tradeoffs, L.tradeoffsMin, L.tradeoffsMax, L.tradeoff);
  checkList(p, 'followUps', card.followUps, L.followUpsMin, L.followUpsMax, L.followUp);
  card.followUps.forEach((q, i) => {
    if (!q.endsWith('?')) p.push(`followUps[${i}]: not a question`);
  });
  if (card.tools.length > L.toolsMax) p.push(`tools: ${card.tools.length} items, limit ${L.toolsMax}`);
  card.tools.forEach((t, i) => {
    checkText(p, `tools[${i}].name`, t.name, L.toolName);
    checkText(p, `tools[${i}].when`, t.when, L.toolWhen);
  });
  for (const tool of catalogueTools) {
    if (!card.tools.some((t) => toolCovers(t.name, tool))) p.push(`tools: catalogue tool "${tool}" missing`);
  }
  const prose = componentCardProseLength(card);
  if (prose > L.prose) p.push(`card prose: ${prose} characters, limit ${L.prose}`);
  const total = componentCardLength(card);
  if (total > L.total) p.push(`card: ${total} characters, limit ${L.total}`);
  return p;
}

/** Every way a rule card breaks the limits; empty when it is fine. */
export function ruleCardProblems(card: RuleCard): string[] {
  const L = CONTENT_LIMITS.rule;
  const p: Problems = [];
  checkText(p, 'title', card.title, L.title);
  checkText(p, 'failure', card.failure, L.failure);
  checkText(p, 'example', card.example, L.example);
  checkText(p, 'strongAnswer', card.strongAnswer, L.strongAnswer);
  checkList(p, 'study', card.study, L.studyMin, L.studyMax, L.studyItem);
  const total = ruleCardLength(card);
  if (total > L.total) p.push(`card: ${total} characters, limit ${L.total}`);
  return p;
}

/** Every way a stage card breaks the limits; empty when it is fine. */
export function stageCardProblems(card: StageCard): string[] {
  const L = CONTENT_LIMITS.stage;
  const p: Problems = [];
  checkText(p, 'goal', card.goal, L.goal);
  checkList(p, 'questions', card.questions, L.questionsMin, L.questionsMax, L.question);
  card.questions.forEach((q, i) => {
    if (!q.endsWith('?')) p.push(`questions[${i}]: not a question`);
  });
  if (!Number.isInteger(card.minutes) || card.minutes <= 0) p.push(`minutes: ${card.minutes} is not a positive integer`);
  const total = stageCardLength(card);
  if (total > L.total) p.push(`card: ${total} characters, limit ${L.total}`);
  return p;
}
