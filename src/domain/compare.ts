/**
 * Compares a design with a reference answer (a case-study template), stage by stage.
 *
 * What is compared: the distinct roles (component kinds) each stage holds. A node plays its own kind
 * and the kinds in its `actsAs` (a rules engine acting as re-ranking matches the reference's
 * re-ranking, a custom component counts for the kinds it acts as); zones, notes, the client app (an
 * actor, in no stage) and custom components that act as nothing are left out (the reference's are
 * listed per stage for information only). A Requirements or ML objective card counts only once it
 * covers its stage (domain.md section 4): an empty card earns nothing. A node whose role matches
 * the reference is not an extra for its other kinds. A design that trains nothing (pretrained
 * models only) is not asked for the training machinery (training job, tuning, tracking,
 * orchestrator, registry): those reference kinds are listed as not needed instead of missing. Where
 * the reference's problem profile (domain.md section 5) accepts either of two kinds and your design
 * uses the other one (a search index where the reference has a vector DB, for video search), the
 * reference kind is done another way: an alternative, counted as covered, and your kind is no extra.
 *
 * The score (0-100) is coverage minus two costs, each shown to the user:
 * - coverage: COMPONENT_POINTS x (reference kinds you have) / (reference kinds), plus
 *   CONNECTION_POINTS x (reference connections you have) / (reference connections). A connection is
 *   a pair of kinds joined by an edge in the reference (feature store -> ranking model); yours counts
 *   when a node of the first kind reaches one of the second in at most two hops (an extra step in
 *   between is fine). Components without the wiring earn only part of the score;
 * - extras: EXTRA_COST points for each kind the reference does without, beyond FREE_EXTRAS
 *   (a strong answer may differ a little; dropping every kind on the canvas must not pay);
 * - soundness: ERROR_COST per checker error and WARNING_COST per warning of your design, at most
 *   MAX_FINDINGS_COST, leaving out `missing-stage` and `missing-component` (coverage already counts
 *   what is absent).
 */
import { CATALOGUE, kindInfo, type KindId } from './catalogue';
import { runChecks } from './checker/runChecks';
import type { CheckResult, Finding, RuleId } from './checker/types';
import { listGaps, type CardGap } from './cards';
import { stageCoverage, type Coverage } from './coverage';
import { nodeLabel, nodeStage, PROBLEM_LABELS, type Diagram, type DiagramNode, type NodeProps, type ProblemId } from './diagram';
import { problemProfile } from './profiles';
import { actsAs } from './roles';
import { isPretrainedModel, isTrainer, kindsOf } from './roleRules';
import { STAGES, STAGE_IDS, type StageId } from './stages';
import { formatNumber } from './export/text';

/** Points for having every kind of component the reference has. */
export const COMPONENT_POINTS = 70;
/** Points for wiring them as the reference does. */
export const CONNECTION_POINTS = 30;
/** Hops within which your design may join a reference connection's two kinds. */
export const CONNECTION_HOPS = 2;
/** Kinds a user may add for free beyond the reference before extras cost points. */
export const FREE_EXTRAS = 3;
/** Points an extra kind costs beyond FREE_EXTRAS. */
export const EXTRA_COST = 4;
/** Points a checker error of your design costs. */
export const ERROR_COST = 3;
/** Points a checker warning of your design costs. */
export const WARNING_COST = 1;
/** The most that checker findings can cost. */
export const MAX_FINDINGS_COST = 30;

/** Rules whose findings say something is absent: coverage already counts that, so they cost nothing. */
const COVERAGE_RULES: ReadonlySet<RuleId> = new Set(['missing-stage', 'missing-component', 'requirements-incomplete', 'objective-incomplete']);

/** What a design that trains nothing does not need (the training machinery of a reference). */
export const TRAINING_MACHINERY: readonly KindId[] = ['training-job', 'hyperparameter-tuning', 'experiment-tracking', 'orchestrator', 'model-registry'];

/** Where a design-wide finding without nodes belongs. */
const RULE_STAGE: Partial<Record<RuleId, StageId>> = {
  'no-serving-path': 'serving',
  'no-online-eval': 'evaluation',
  'no-model-handoff': 'model',
  'no-retraining-loop': 'monitoring',
  'monitoring-detached': 'monitoring',
  'latency-over-budget': 'serving',
};

const CATALOGUE_ORDER = new Map(CATALOGUE.map((k, i) => [k.id, i]));
const byCatalogue = (a: KindId, b: KindId) => CATALOGUE_ORDER.get(a)! - CATALOGUE_ORDER.get(b)!;

/** How one stage of your design compares with the reference's. */
export interface StageComparison {
  stage: StageId;
  /** Kinds of this stage in the reference, in catalogue order. */
  referenceKinds: KindId[];
  /** Kinds of this stage in your design, in catalogue order. */
  yourKinds: KindId[];
  /** Kinds both have. */
  matched: KindId[];
  /** Kinds the reference has and yours lacks. */
  missing: KindId[];
  /** Kinds yours has and the reference does without. */
  extra: KindId[];
  /** Reference kinds your design validly does without (a pretrained design needs no training machinery). */
  notNeeded: KindId[];
  /** Reference kinds your design covers with another kind its problem profile accepts instead. */
  alternatives: Alternative[];
  /** For requirements and framing: what your card lacks before it covers the stage. */
  cardGaps?: CardGap[];
  /** Labels of the reference's custom components in this stage (not scored). */
  referenceCustom: string[];
  yourFindings: Finding[];
  referenceFindings: Finding[];
  status: 'match' | 'covered' | 'partial' | 'missing' | 'empty';
  /** One line on how the stage compares. */
  verdict: string;
}

/** A reference kind done another valid way: your kind stands in for it (the problem profile accepts either). */
export interface Alternative {
  reference: KindId;
  yours: KindId;
}

/** One field of the requirements or ML objective card, both sides. */
export interface CardField {
  key: string;
  label: string;
  yours?: string;
  reference?: string;
}

/** The score and how it was reached. */
export interface Score {
  /** 0-100. */
  total: number;
  /** Reference kinds your design has. */
  covered: number;
  /** Distinct reference kinds compared. */
  referenceCount: number;
  /** Reference connections (kind to kind) your design joins, and how many the reference has. */
  connectionsCovered: number;
  connectionCount: number;
  /** Points for components and for connections; coverage is their sum (0-100), before costs. */
  componentPoints: number;
  connectionPoints: number;
  coverage: number;
  /** Kinds the reference does without. */
  extraCount: number;
  extraCost: number;
  /** Your errors and warnings that cost points (not counting missing stages or components). */
  errors: number;
  warnings: number;
  findingsCost: number;
  /** A word for the score: Strong, Solid, Partial or Early. */
  grade: string;
}

/** A design compared with a reference answer. */
export interface Comparison {
  yourTitle: string;
  referenceTitle: string;
  stages: StageComparison[];
  requirements: CardField[];
  objective: CardField[];
  score: Score;
  /** Reference connections your design does not join, as [from kind, to kind]. */
  missingConnections: [KindId, KindId][];
  yourCheck: CheckResult;
  referenceCheck: CheckResult;
  /** Findings that belong to no stage. */
  otherFindings: { yours: Finding[]; reference: Finding[] };
}

/** The compared kinds a node plays (see the module comment): its own and those it acts as, each with a stage; cards only once they cover their stage. */
export function comparedKinds(n: DiagramNode, coverage: Coverage): KindId[] {
  if (n.kind === 'note' || n.kind === 'group') return [];
  if (n.kind === 'requirements') return coverage.stages.requirements ? ['requirements'] : [];
  if (n.kind === 'ml-objective') return coverage.stages.framing ? ['ml-objective'] : [];
  return kindsOf(n).filter((k) => k !== 'custom' && kindInfo(k).stage !== null);
}

/** The distinct compared kinds of each stage of a diagram, in catalogue order. */
export function kindsByStage(d: Diagram): Record<StageId, KindId[]> {
  const coverage = stageCoverage(d);
  const sets = Object.fromEntries(STAGE_IDS.map((s) => [s, new Set<KindId>()])) as Record<StageId, Set<KindId>>;
  for (const n of d.nodes) for (const k of comparedKinds(n, coverage)) sets[kindInfo(k).stage!].add(k);
  return Object.fromEntries(STAGE_IDS.map((s) => [s, [...sets[s]].sort(byCatalogue)])) as Record<StageId, KindId[]>;
}

/** Kinds of your design that are extras: played by a node none of whose roles the reference has (or stands in for). */
function extraKinds(d: Diagram, referenceKinds: ReadonlySet<KindId>): Set<KindId> {
  const coverage = stageCoverage(d);
  const extras = new Set<KindId>();
  for (const n of d.nodes) {
    const kinds = comparedKinds(n, coverage);
    if (kinds.some((k) => referenceKinds.has(k))) continue;
    for (const k of kinds) extras.add(k);
  }
  return extras;
}

/** True when a design trains nothing and uses a pretrained model: its model step is choosing and adapting one. */
export function isPretrainedDesign(d: Diagram): boolean {
  return !d.nodes.some(isTrainer) && d.nodes.some(isPretrainedModel);
}

/** The stage a finding is about: its own, its first node's, or the rule's; null when none applies. */
export function findingStage(f: Finding, d: Diagram): StageId | null {
  if (f.stage) return f.stage;
  const byId = new Map(d.nodes.map((n) => [n.id, n]));
  for (const id of f.nodeIds) {
    const n = byId.get(id);
    const s = n ? nodeStage(n) : null;
    if (s) return s;
  }
  return RULE_STAGE[f.rule] ?? null;
}

const list = (kinds: readonly KindId[], max = 3): string => {
  const names = kinds.slice(0, max).map((k) => kindInfo(k).label);
  return kinds.length > max ? `${names.join(', ')} and ${kinds.length - max} more` : names.join(', ');
};

/** "a video search design", "an ETA prediction design": the problem in running text. */
function aDesign(problem: ProblemId): string {
  const label = PROBLEM_LABELS[problem];
  const name = /^[A-Z][a-z]/.test(label) ? label[0].toLowerCase() + label.slice(1) : label;
  return `${/^[aeiouAEIOU]/.test(name) ? 'an' : 'a'} ${name} design`;
}

function verdictOf(s: Omit<StageComparison, 'verdict' | 'status'>, problem: ProblemId): Pick<StageComparison, 'verdict' | 'status'> {
  if (s.cardGaps && s.cardGaps.length > 0) {
    const card = s.stage === 'requirements' ? 'Requirements' : 'ML objective';
    return { status: 'missing', verdict: `Your ${card} card does not cover this stage yet: it needs ${listGaps(s.cardGaps)}.` };
  }
  const ref = s.referenceKinds.length;
  const valid = s.notNeeded.length ? ` (${list(s.notNeeded)} not needed: your design trains nothing)` : '';
  const instead = s.alternatives.length
    ? `${s.alternatives.map((a) => `${kindInfo(a.yours).label} in place of ${kindInfo(a.reference).label}`).join(', ')} (${aDesign(problem)} may use either)`
    : '';
  const other = instead ? `; done another valid way: ${instead}` : '';
  const covered = s.matched.length + s.alternatives.length;
  if (!ref && s.notNeeded.length) {
    return s.yourKinds.length
      ? { status: 'covered', verdict: `Covered another valid way: you use ${list(s.yourKinds)}${valid}.` }
      : { status: 'covered', verdict: `Not needed here: your design trains nothing, so it needs no ${list(s.notNeeded)}.` };
  }
  if (!ref && !s.yourKinds.length) return { status: 'empty', verdict: 'Neither design has components here.' };
  if (!ref) return { status: 'covered', verdict: `The reference has nothing here; you added ${list(s.extra)}.` };
  if (!covered) {
    return s.yourKinds.length
      ? { status: 'missing', verdict: `Different choices: the reference uses ${list(s.missing)}; you have ${list(s.extra)}.` }
      : { status: 'missing', verdict: `Not covered: the reference uses ${list(s.missing)}.` };
  }
  if (!s.missing.length) {
    if (instead && !s.matched.length) return { status: 'covered', verdict: `Covered another valid way: ${instead}${valid}.` };
    return s.extra.length
      ? { status: 'covered', verdict: `Covers the reference, plus ${list(s.extra)}${valid}${other}.` }
      : s.notNeeded.length || s.alternatives.length
        ? { status: 'covered', verdict: `Covers the reference${valid}${other}.` }
        : { status: 'match', verdict: 'Matches the reference.' };
  }
  return { status: 'partial', verdict: `${covered} of ${ref} covered; missing ${list(s.missing)}${valid}${other}.` };
}

function gradeOf(total: number): string {
  if (total >= 85) return 'Strong';
  if (total >= 65) return 'Solid';
  if (total >= 40) return 'Partial';
  return 'Early';
}

/** Scores coverage of the reference kinds, minus extras and your checker findings (see the module comment). */
export function scoreOf(
  stages: readonly StageComparison[],
  connections: { covered: number; total: number },
  yourFindings: readonly Finding[],
): Score {
  let covered = 0;
  let referenceCount = 0;
  let extraCount = 0;
  for (const s of stages) {
    covered += s.matched.length + s.alternatives.length;
    referenceCount += s.referenceKinds.length;
    extraCount += s.extra.length;
  }
  const counted = yourFindings.filter((f) => !COVERAGE_RULES.has(f.rule));
  const errors = counted.filter((f) => f.severity === 'error').length;
  const warnings = counted.filter((f) => f.severity === 'warning').length;
  const componentShare = referenceCount ? covered / referenceCount : 0;
  // A reference without connections (never a shipped template) scores on components alone.
  const connectionShare = connections.total ? connections.covered / connections.total : componentShare;
  const componentPoints = Math.round(COMPONENT_POINTS * componentShare);
  const connectionPoints = Math.round(CONNECTION_POINTS * connectionShare);
  const coverage = componentPoints + connectionPoints;
  const extraCost = EXTRA_COST * Math.max(0, extraCount - FREE_EXTRAS);
  const findingsCost = Math.min(MAX_FINDINGS_COST, ERROR_COST * errors + WARNING_COST * warnings);
  const total = Math.max(0, Math.min(100, coverage - extraCost - findingsCost));
  return {
    total,
    covered,
    referenceCount,
    connectionsCovered: connections.covered,
    connectionCount: connections.total,
    componentPoints,
    connectionPoints,
    coverage,
    extraCount,
    extraCost,
    errors,
    warnings,
    findingsCost,
    grade: gradeOf(total),
  };
}

function cardOf(d: Diagram, kind: 'requirements' | 'ml-objective'): NodeProps | undefined {
  return d.nodes.find((n) => n.kind === kind)?.props;
}

function show(v: unknown, unit = ''): string | undefined {
  if (typeof v === 'string') return v.trim() || undefined;
  if (typeof v === 'number' && Number.isFinite(v)) return `${formatNumber(v)}${unit}`;
  if (typeof v === 'boolean') return v ? 'yes' : 'no';
  return undefined;
}

const REQUIREMENT_FIELDS: [keyof NodeProps, string, string?][] = [
  ['goal', 'Business goal'],
  ['scale', 'Scale'],
  ['qps', 'Peak QPS'],
  ['latencyBudgetMs', 'Latency budget', ' ms'],
  ['realtime', 'Real-time'],
];
const OBJECTIVE_FIELDS: [keyof NodeProps, string, string?][] = [
  ['task', 'Task'],
  ['label', 'Label'],
  ['labelSource', 'Label source'],
  ['labelDelay', 'Label delay'],
  ['positiveRate', 'Positive rate'],
  ['loss', 'Loss'],
  ['offlineMetric', 'Offline metric'],
  ['split', 'Split'],
  ['calibrated', 'Calibrated'],
  ['onlineMetric', 'Online metric'],
];

function fields(yours: NodeProps | undefined, ref: NodeProps | undefined, spec: typeof REQUIREMENT_FIELDS): CardField[] {
  return spec.map(([key, label, unit]) => {
    const y = show(yours?.[key], unit);
    const r = show(ref?.[key], unit);
    return { key: String(key), label, ...(y !== undefined ? { yours: y } : {}), ...(r !== undefined ? { reference: r } : {}) };
  });
}

/** Compares your design with a reference answer: per stage kinds, both sides' findings, the cards, a score. */
export function compareDiagrams(yours: Diagram, reference: Diagram): Comparison {
  const yourCheck = runChecks(yours);
  const referenceCheck = runChecks(reference);
  const yk = kindsByStage(yours);
  const rkAll = kindsByStage(reference);
  const coverage = stageCoverage(yours);
  // A pretrained design validly does without the reference's training machinery.
  const skip = new Set<KindId>(isPretrainedDesign(yours) ? TRAINING_MACHINERY : []);
  const rk = Object.fromEntries(STAGE_IDS.map((st) => [st, rkAll[st].filter((k) => !skip.has(k))])) as Record<StageId, KindId[]>;
  const referenceKinds = new Set(STAGE_IDS.flatMap((st) => rk[st]));
  const alternatives = alternativesOf(reference.problem, referenceKinds, new Set(STAGE_IDS.flatMap((st) => yk[st])));
  const standsIn = new Set(alternatives.values());
  const extras = extraKinds(yours, new Set([...referenceKinds, ...standsIn]));
  const conn = compareConnections(yours, reference, skip, alternatives);
  const yourByStage = groupFindings(yourCheck.findings, yours);
  const refByStage = groupFindings(referenceCheck.findings, reference);
  const stages = STAGES.map(({ id }): StageComparison => {
    const mine = new Set(yk[id]);
    const incomplete = id === 'requirements' || id === 'framing' ? coverage.incomplete[id] : undefined;
    const base = {
      stage: id,
      referenceKinds: rk[id],
      yourKinds: yk[id],
      matched: rk[id].filter((k) => mine.has(k)),
      missing: rk[id].filter((k) => !mine.has(k) && !alternatives.has(k)),
      extra: yk[id].filter((k) => extras.has(k) && !standsIn.has(k)),
      notNeeded: rkAll[id].filter((k) => skip.has(k)),
      alternatives: rk[id].filter((k) => alternatives.has(k)).map((k) => ({ reference: k, yours: alternatives.get(k)! })),
      ...(incomplete ? { cardGaps: incomplete.gaps } : {}),
      referenceCustom: reference.nodes.filter((n) => n.kind === 'custom' && actsAs(n).length === 0 && nodeStage(n) === id).map(nodeLabel),
      yourFindings: yourByStage.get(id) ?? [],
      referenceFindings: refByStage.get(id) ?? [],
    };
    return { ...base, ...verdictOf(base, reference.problem) };
  });
  return {
    yourTitle: yours.title,
    referenceTitle: reference.title,
    stages,
    requirements: fields(cardOf(yours, 'requirements'), cardOf(reference, 'requirements'), REQUIREMENT_FIELDS),
    objective: fields(cardOf(yours, 'ml-objective'), cardOf(reference, 'ml-objective'), OBJECTIVE_FIELDS),
    score: scoreOf(stages, { covered: conn.covered, total: conn.total }, yourCheck.findings),
    missingConnections: conn.missing,
    yourCheck,
    referenceCheck,
    otherFindings: { yours: yourByStage.get(null) ?? [], reference: refByStage.get(null) ?? [] },
  };
}

/**
 * Reference kinds your design covers another valid way: the reference's problem profile accepts
 * either of a group's kinds, the reference uses one you lack, and you use another that the
 * reference does not (so it stands in rather than duplicates). Reference kind -> your kind.
 */
export function alternativesOf(problem: ProblemId, referenceKinds: ReadonlySet<KindId>, yourKinds: ReadonlySet<KindId>): Map<KindId, KindId> {
  const out = new Map<KindId, KindId>();
  for (const group of problemProfile(problem).needs) {
    if (group.length < 2) continue;
    const instead = group.find((k) => yourKinds.has(k) && !referenceKinds.has(k));
    if (!instead) continue;
    for (const k of group) if (referenceKinds.has(k) && !yourKinds.has(k) && !out.has(k)) out.set(k, instead);
  }
  return out;
}

function groupFindings(findings: readonly Finding[], d: Diagram): Map<StageId | null, Finding[]> {
  const out = new Map<StageId | null, Finding[]>();
  for (const f of findings) {
    const s = findingStage(f, d);
    const bucket = out.get(s) ?? [];
    bucket.push(f);
    out.set(s, bucket);
  }
  return out;
}

const pairKey = (a: KindId, b: KindId) => `${a}>${b}`;

/** True for a component whose own kind is compared (a kind with a stage, not a card, note, zone or custom node). */
function compared(n: DiagramNode): boolean {
  return n.kind !== 'note' && n.kind !== 'group' && n.kind !== 'custom' && n.kind !== 'requirements' && n.kind !== 'ml-objective' && kindInfo(n.kind).stage !== null;
}

/** The distinct kind-to-kind connections of a diagram's edges, between compared kinds of different kinds. */
export function kindConnections(d: Diagram): [KindId, KindId][] {
  const byId = new Map(d.nodes.map((n) => [n.id, n]));
  const out = new Map<string, [KindId, KindId]>();
  for (const e of d.edges) {
    const a = byId.get(e.source);
    const b = byId.get(e.target);
    if (!a || !b || !compared(a) || !compared(b) || a.kind === b.kind) continue;
    out.set(pairKey(a.kind, b.kind), [a.kind, b.kind]);
  }
  return [...out.values()];
}

/**
 * Which reference connections your design joins within CONNECTION_HOPS hops (by the roles both ends
 * play, a kind that stands in for a reference kind playing that kind too); connections to skipped
 * kinds are not asked for.
 */
function compareConnections(
  yours: Diagram,
  reference: Diagram,
  skip: ReadonlySet<KindId>,
  alternatives: ReadonlyMap<KindId, KindId> = new Map(),
): { covered: number; total: number; missing: [KindId, KindId][] } {
  const byId = new Map(yours.nodes.map((n) => [n.id, n]));
  const next = new Map<string, string[]>();
  for (const e of yours.edges) {
    if (!byId.has(e.source) || !byId.has(e.target)) continue;
    const list = next.get(e.source) ?? [];
    list.push(e.target);
    next.set(e.source, list);
  }
  const joined = new Set<string>();
  const standsFor = new Map<KindId, KindId[]>();
  for (const [ref, mine] of alternatives) standsFor.set(mine, [...(standsFor.get(mine) ?? []), ref]);
  const roles = (n: DiagramNode) => {
    if (n.kind === 'note' || n.kind === 'group') return [];
    const own = kindsOf(n).filter((k) => k !== 'custom' && k !== 'requirements' && k !== 'ml-objective');
    return standsFor.size ? own.flatMap((k) => [k, ...(standsFor.get(k) ?? [])]) : own;
  };
  for (const n of yours.nodes) {
    const from = roles(n);
    if (from.length === 0) continue;
    let frontier = [n.id];
    const seen = new Set(frontier);
    for (let hop = 0; hop < CONNECTION_HOPS; hop++) {
      const further: string[] = [];
      for (const id of frontier) {
        for (const t of next.get(id) ?? []) {
          if (seen.has(t)) continue;
          seen.add(t);
          further.push(t);
          const to = roles(byId.get(t)!);
          for (const a of from) for (const b of to) joined.add(pairKey(a, b));
        }
      }
      frontier = further;
    }
  }
  const wanted = kindConnections(reference)
    .filter(([a, b]) => !skip.has(a) && !skip.has(b))
    .sort(([a1, b1], [a2, b2]) => byCatalogue(a1, a2) || byCatalogue(b1, b2));
  const missing = wanted.filter(([a, b]) => !joined.has(pairKey(a, b)));
  return { covered: wanted.length - missing.length, total: wanted.length, missing };
}
