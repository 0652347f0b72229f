import { isKindId, kindInfo, type KindId } from './catalogue';
import type { Diagram, DiagramNode, EdgeKind } from './diagram';

/**
 * The roles the edge-kind proposal needs at first paint (domain.md sections 2 and 3): a node's
 * `actsAs` and its role bits; the rest of the roles live in roleRules.ts, loaded with the checker. A node
 * plays the roles of its own kind and of every kind in its `props.actsAs`: a rules engine that does
 * the re-ranking (`actsAs: ["re-ranking"]`) is a re-ranking step, a custom node can act as any kind.
 * The rules judge roles, not box names.
 */

const INFERENCE = new Set<KindId>([
  'model-server',
  'batch-inference',
  'prediction-api',
  'candidate-generation',
  'ranking',
  're-ranking',
  'llm-server',
]);

/** Kinds a node can act as besides its own: every component kind, not cards, notes, zones or `custom`. */
const NOT_ACTABLE = new Set<string>(['requirements', 'ml-objective', 'note', 'group', 'custom']);
const actable = (k: unknown): k is KindId => isKindId(k) && !NOT_ACTABLE.has(k);

export type NodeLike = Pick<DiagramNode, 'kind' | 'props'>;

/** The kinds in a node's `actsAs` that it can act as (unknown ids, cards, notes and zones dropped), in order, without repeats. */
export function actsAs(n: NodeLike): KindId[] {
  const raw = n.props?.actsAs;
  if (!Array.isArray(raw) || raw.length === 0) return NONE;
  const out: KindId[] = [];
  for (const k of raw) if (actable(k) && k !== n.kind && !out.includes(k)) out.push(k);
  return out;
}

// Most nodes act as nothing else: their kinds are one shared, never-mutated array per kind, so the
// role tests of a 10,000-node check allocate nothing for them.
const NONE: KindId[] = [];
export const acting = (n: NodeLike): boolean => Array.isArray(n.props?.actsAs) && (n.props.actsAs as unknown[]).length > 0;

export const isPretrained = (n: NodeLike) => n.props?.pretrained === true;

/**
 * The roles the edge proposal and the checker test most, as bits of one number per node: for a
 * node that acts as nothing else (nearly all) one table lookup by kind, so a 10,000-node check
 * tests roles without allocating.
 */
export const ROLE = {
  trainer: 1 << 0,
  inference: 1 << 1,
  pretrained: 1 << 2,
  monitor: 1 << 3,
  client: 1 << 4,
  evaluation: 1 << 5,
  registry: 1 << 6,
  abTest: 1 << 7,
  orchestrator: 1 << 8,
  alert: 1 << 9,
  lookup: 1 << 10,
  streamSource: 1 << 11,
  streamTarget: 1 << 12,
  dataStage: 1 << 13,
  servingStage: 1 << 14,
} as const;

const BY_KIND: Partial<Record<KindId, number>> = {
  'training-job': ROLE.trainer,
  'llm-server': ROLE.inference | ROLE.pretrained,
  'client-app': ROLE.client | ROLE.streamSource,
  'offline-eval': ROLE.evaluation,
  'model-registry': ROLE.registry,
  'ab-test': ROLE.abTest,
  orchestrator: ROLE.orchestrator,
  'drift-detection': ROLE.monitor | ROLE.alert,
  'monitoring-dashboard': ROLE.monitor | ROLE.alert,
  'prediction-logging': ROLE.monitor,
  'message-queue': ROLE.streamSource | ROLE.streamTarget,
  'stream-processor': ROLE.streamSource | ROLE.streamTarget,
  'feature-store': ROLE.lookup,
  cache: ROLE.lookup,
  'vector-db': ROLE.lookup,
  'search-index': ROLE.lookup,
  'rules-engine': ROLE.lookup,
  guardrails: ROLE.lookup,
};

const KIND_MASK = new Map<string, number>();
/** The role bits of one kind (an embedding model's depend on whether it is pretrained). */
function kindMask(kind: KindId, pretrained: boolean): number {
  const key = kind === 'embedding-model' && pretrained ? 'embedding-model+' : kind;
  let m = KIND_MASK.get(key);
  if (m === undefined) {
    m = BY_KIND[kind] ?? 0;
    if (INFERENCE.has(kind)) m |= ROLE.inference;
    if (kind === 'embedding-model') m |= pretrained ? ROLE.inference | ROLE.pretrained : ROLE.trainer;
    const stage = kindInfo(kind).stage;
    if (stage === 'data') m |= ROLE.dataStage;
    if (stage === 'serving') m |= ROLE.servingStage;
    KIND_MASK.set(key, m);
  }
  return m;
}

/** The role bits of a node: its own kind's, those of the kinds it acts as, and a custom node's data stage. */
export function roleMask(n: NodeLike): number {
  const pretrained = isPretrained(n);
  let m = kindMask(n.kind, pretrained);
  if (n.kind === 'custom') m |= n.props?.stage === 'data' ? ROLE.dataStage : n.props?.stage === 'serving' ? ROLE.servingStage : 0;
  if (acting(n)) for (const k of actsAs(n)) m |= kindMask(k, pretrained);
  return m;
}

export const has = (m: number, bits: number) => (m & bits) !== 0;

/** True when the node is itself called: it has an incoming `request` edge (line 1 of section 3). */
export function isCalled(d: Pick<Diagram, 'edges'>, id: string): boolean {
  return d.edges.some((e) => e.target === id && e.kind === 'request');
}

/** Line 1 of section 3, on role bits: a client calling a model, a model calling a model, or a called model looking something up. */
export function isCall(s: number, t: number, sourceIsCalled: boolean): boolean {
  if (has(s, ROLE.client) && has(t, ROLE.inference)) return true;
  if (!has(s, ROLE.inference)) return false;
  return has(t, ROLE.inference) || (sourceIsCalled && has(t, ROLE.lookup));
}

/** Line 2 of section 3, on role bits: from a trainer, an evaluation or a registry into an evaluation, a registry, an A/B test or an inference node. */
export function movesModel(s: number, t: number): boolean {
  return has(s, ROLE.trainer | ROLE.evaluation | ROLE.registry) && has(t, ROLE.evaluation | ROLE.registry | ROLE.abTest | ROLE.inference);
}

/** An alert, on role bits: from drift detection or monitoring into a trainer or an orchestrator. */
export function isAlert(s: number, t: number): boolean {
  return has(s, ROLE.alert) && has(t, ROLE.trainer | ROLE.orchestrator);
}

/** The proposal of section 3 on two nodes' role bits (see proposeEdgeKind). */
export function proposeFromMasks(s: number, t: number, sourceIsCalled: boolean): EdgeKind {
  // 1. Online calls.
  if (isCall(s, t, sourceIsCalled)) return 'request';
  // 2. A model moving on.
  if (movesModel(s, t)) return 'model';
  // 3. Triggers.
  if (has(s, ROLE.orchestrator) || isAlert(s, t)) return 'control';
  // 4. Monitoring flowing back into the data.
  if (has(s, ROLE.monitor) && has(t, ROLE.dataStage)) return 'feedback';
  // 5. Streams.
  if (has(s, ROLE.streamSource) || has(t, ROLE.streamTarget)) return 'stream';
  return 'data';
}

/**
 * The edge kind proposed when the user connects source to target (domain.md section 3, the first
 * line that applies). `sourceIsCalled`: the source has an incoming `request` edge, so a lookup it
 * makes is on the request path (an offline embedder writing into an index is not).
 */
export function proposeEdgeKind(source: NodeLike, target: NodeLike, sourceIsCalled = false): EdgeKind {
  return proposeFromMasks(roleMask(source), roleMask(target), sourceIsCalled);
}

