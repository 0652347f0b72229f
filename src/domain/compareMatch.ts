/**
 * Which of your components matches which of the reference's, and what adding the missing ones means:
 * the component-level view of the comparison (compare.ts compares distinct kinds per stage).
 *
 * Matching follows roles, not box names, as the comparison does: two nodes match when they play a
 * kind in common, their own or one in `actsAs` (a rules engine acting as re-ranking matches the
 * reference's re-ranking). A reference node is
 * - `missing` when it plays a kind the comparison lists as missing (a ghost: one click adds it);
 * - `incomplete` for a requirements or objective card when yours exists but does not cover its stage;
 * - `matched` when one of your nodes plays one of its roles;
 * - `not-needed` when all its kinds are training machinery a design that trains nothing does without;
 * - `alternative` when your design covers it another valid way (its problem profile accepts either
 *   kind: a search index in place of a vector DB for video search);
 * - `unscored` otherwise (notes, zones, a client app, a custom node that acts as nothing).
 *
 * Ghosts are placed on your canvas in the stage column of your own layout (the median x of your
 * components of that stage, interpolated for stages you have not drawn) at the height of the
 * neighbours they connect to in the reference (your matching nodes, or ghosts placed before them),
 * in the first free slot. Where your matched components sit where the reference has them, moved as
 * one block (a design grown from the reference), each ghost takes its reference place, moved the same. Adding ghosts copies the reference components (kind, label, tool, notes,
 * every prop) with the reference's connections to what your design already has, or to the ghosts
 * added with them; an edge kind that would contradict your ends (domain.md section 3) takes the kind
 * they need.
 */
import { kindInfo, type KindId } from './catalogue';
import { alternativesOf, comparedKinds, compareDiagrams, type Comparison } from './compare';
import { stageCoverage } from './coverage';
import {
  absolutePosition,
  NODE_SIZE,
  nodeLabel,
  nodeStage,
  PROBLEM_LABELS,
  zoneAt,
  type Box,
  type Diagram,
  type DiagramEdge,
  type DiagramNode,
  type EdgeKind,
  type NodeProps,
} from './diagram';
import { MAX_COORD, MAX_EDGES, MAX_NODES } from './format/limits';
import { columnOf, LAYOUT_GAP } from './layoutColumns';
import { kindsOf, mismatchFromMasks } from './roleRules';
import { roleMask } from './roles';
import { err, ok, type Result } from './result';
import type { StageId } from './stages';

export type ReferenceStatus = 'matched' | 'missing' | 'incomplete' | 'not-needed' | 'alternative' | 'unscored';
export type YourStatus = 'matched' | 'extra' | 'unscored';

/** How one reference node stands against your design. */
export interface ReferenceNodeMatch {
  status: ReferenceStatus;
  /** Your nodes that play one of its roles (or, for an alternative, stand in for it), best first. */
  yours: string[];
  /** The kinds it shares with them. */
  shared: KindId[];
  /** Its compared kinds that your design lacks. */
  missing: KindId[];
}

/** How one of your nodes stands against the reference. */
export interface YourNodeMatch {
  status: YourStatus;
  /** Reference nodes that play one of its roles, or that it stands in for, best first. */
  reference: string[];
  shared: KindId[];
  /** Reference kinds it stands in for (a valid alternative). */
  insteadOf: KindId[];
}

/** Both designs, node by node. */
export interface ComponentMatch {
  reference: Map<string, ReferenceNodeMatch>;
  yours: Map<string, YourNodeMatch>;
}

const CARDS = new Set<KindId>(['requirements', 'ml-objective']);

/** The kinds a node is matched by: those it plays (cards and the client app included), not a custom node's own kind, nothing for notes and zones. */
function matchKinds(n: DiagramNode): readonly KindId[] {
  if (n.kind === 'note' || n.kind === 'group') return [];
  const ks = kindsOf(n);
  return n.kind === 'custom' ? ks.filter((k) => k !== 'custom') : ks;
}

function indexByKind(nodes: readonly DiagramNode[]): Map<KindId, DiagramNode[]> {
  const out = new Map<KindId, DiagramNode[]>();
  for (const n of nodes) {
    for (const k of matchKinds(n)) {
      const list = out.get(k);
      if (list) list.push(n);
      else out.set(k, [n]);
    }
  }
  return out;
}

/** Nodes of `index` playing any of `kinds`, those whose own kind is `own` first, then those whose own kind is one of the kinds, then by role; each once. */
function candidates(index: ReadonlyMap<KindId, DiagramNode[]>, kinds: readonly KindId[], own: KindId): { ids: string[]; shared: KindId[] } {
  const found = new Map<string, { n: DiagramNode; order: number; rank: number }>();
  const shared: KindId[] = [];
  let order = 0;
  for (const k of kinds) {
    const list = index.get(k);
    if (!list) continue;
    shared.push(k);
    for (const n of list) {
      if (found.has(n.id)) continue;
      const rank = n.kind === own ? 0 : kinds.includes(n.kind) ? 1 : 2;
      found.set(n.id, { n, order: order++, rank });
    }
  }
  const ids = [...found.values()].sort((a, b) => a.rank - b.rank || a.order - b.order).map((x) => x.n.id);
  return { ids, shared };
}

/** Matches your components with the reference's by the roles they play (see the module comment); `cmp` is compareDiagrams(yours, reference). */
export function matchComponents(yours: Diagram, reference: Diagram, cmp: Comparison): ComponentMatch {
  const missing = new Set(cmp.stages.flatMap((s) => s.missing));
  const notNeeded = new Set(cmp.stages.flatMap((s) => s.notNeeded));
  const alternatives = new Map(cmp.stages.flatMap((s) => s.alternatives.map((a) => [a.reference, a.yours] as const)));
  const yourIndex = indexByKind(yours.nodes);
  const refIndex = indexByKind(reference.nodes);
  const refCoverage = stageCoverage(reference);
  const yourCoverage = stageCoverage(yours);

  const refOut = new Map<string, ReferenceNodeMatch>();
  for (const r of reference.nodes) {
    const mk = matchKinds(r);
    if (!mk.length) {
      refOut.set(r.id, { status: 'unscored', yours: [], shared: [], missing: [] });
      continue;
    }
    const { ids, shared } = candidates(yourIndex, mk, r.kind);
    const scored = comparedKinds(r, refCoverage);
    const lacks = scored.filter((k) => missing.has(k));
    let status: ReferenceStatus;
    let mine = ids;
    if (lacks.length) status = CARDS.has(r.kind) && ids.length ? 'incomplete' : 'missing';
    else if (ids.length) status = 'matched';
    else if (scored.length && scored.every((k) => notNeeded.has(k))) status = 'not-needed';
    else if (scored.some((k) => alternatives.has(k))) {
      status = 'alternative';
      mine = candidates(yourIndex, scored.filter((k) => alternatives.has(k)).map((k) => alternatives.get(k)!), r.kind).ids;
    } else status = 'unscored';
    refOut.set(r.id, { status, yours: mine, shared, missing: lacks });
  }

  const yourOut = new Map<string, YourNodeMatch>();
  for (const y of yours.nodes) {
    const mk = matchKinds(y);
    if (!mk.length) {
      yourOut.set(y.id, { status: 'unscored', reference: [], shared: [], insteadOf: [] });
      continue;
    }
    const { ids, shared } = candidates(refIndex, mk, y.kind);
    const insteadOf = [...alternatives].filter(([, mineKind]) => mk.includes(mineKind)).map(([refKind]) => refKind);
    const stands = insteadOf.length ? candidates(refIndex, insteadOf, y.kind).ids.filter((id) => !ids.includes(id)) : [];
    const reference = [...ids, ...stands];
    const status: YourStatus = reference.length ? 'matched' : comparedKinds(y, yourCoverage).length ? 'extra' : 'unscored';
    yourOut.set(y.id, { status, reference, shared, insteadOf });
  }
  return { reference: refOut, yours: yourOut };
}

// ---------------------------------------------------------------- words

const quoted = (n: DiagramNode) => `“${nodeLabel(n)}”`;
const kindLabel = (k: KindId) => kindInfo(k).label;
const more = (n: number) => (n > 1 ? ` and ${n - 1} more` : '');
const listKinds = (ks: readonly KindId[]) => ks.map(kindLabel).join(', ');

/** One sentence on how one of your nodes matches the reference (shown when it is hovered). */
export function describeYours(yours: Diagram, reference: Diagram, match: ComponentMatch, id: string): string {
  const y = yours.nodes.find((n) => n.id === id);
  const m = match.yours.get(id);
  if (!y || !m) return '';
  const refById = new Map(reference.nodes.map((n) => [n.id, n]));
  const first = m.reference.map((rid) => refById.get(rid)).filter((n): n is DiagramNode => !!n);
  if (m.status === 'matched') {
    const same = first.filter((r) => r.kind === y.kind);
    if (same.length) return `Your ${quoted(y)} matches the reference's ${quoted(same[0])}${more(same.length)}.`;
    const role = m.shared.find((k) => k !== y.kind);
    if (role) return `Your ${quoted(y)} plays ${kindLabel(role)}, as the reference's ${quoted(first[0])} does: matched by role.`;
    return `Your ${quoted(y)} stands in for the reference's ${quoted(first[0])} (${listKinds(m.insteadOf)}): ${aDesignOf(reference)} may use either.`;
  }
  if (m.status === 'extra') return `Your ${quoted(y)} is not in the reference: it does without a ${kindLabel(y.kind)}.`;
  if (y.kind === 'client-app') return `Your ${quoted(y)} is an actor, outside the seven stages: not compared.`;
  return `Your ${quoted(y)} is not compared (notes, zones and custom components that act as no kind are left out).`;
}

/** What adding a ghost would connect it to: your nodes (ids), and its reference neighbours that are missing too (ghost ids). */
export function ghostLinks(plan: GhostPlan, id: string): { yours: string[]; ghosts: string[] } {
  const yoursOut = new Set<string>();
  const ghostsOut = new Set<string>();
  for (const e of plan.edges) {
    for (const [a, b] of [[e.source, e.target], [e.target, e.source]] as const) {
      if (!('ghost' in a) || a.ghost !== id) continue;
      if ('yours' in b) yoursOut.add(b.yours);
      else ghostsOut.add(b.ghost);
    }
  }
  return { yours: [...yoursOut], ghosts: [...ghostsOut] };
}

/** The sentence on what one click adds for a ghost: its connections to what you have, or that its neighbours are missing too. */
export function addSentence(reference: Diagram, plan: GhostPlan, id: string): string {
  const links = ghostLinks(plan, id);
  const n = links.yours.length;
  if (n) return `Add it with one click, with its ${n} connection${n === 1 ? '' : 's'} to what you have.`;
  const names = links.ghosts.map((g) => reference.nodes.find((x) => x.id === g)).filter((x): x is DiagramNode => !!x).map(quoted);
  if (!names.length) return 'Add it with one click (it has no connections in the reference).';
  const shown = names.length > 3 ? `${names.slice(0, 3).join(', ')} and ${names.length - 3} more` : names.join(', ');
  return `It connects to nothing you have yet: its neighbours in the reference (${shown}) are missing too; add them with it ("Add all missing"), or after it.`;
}

/** One sentence on how a reference node stands against your design (shown when it is hovered). */
export function describeReference(yours: Diagram, reference: Diagram, match: ComponentMatch, id: string, plan?: GhostPlan): string {
  const r = reference.nodes.find((n) => n.id === id);
  const m = match.reference.get(id);
  if (!r || !m) return '';
  const yourById = new Map(yours.nodes.map((n) => [n.id, n]));
  const mine = m.yours.map((yid) => yourById.get(yid)).filter((n): n is DiagramNode => !!n);
  const name = `The reference's ${quoted(r)}`;
  switch (m.status) {
    case 'matched': {
      const y = mine[0];
      const role = y.kind === r.kind ? '' : `: it plays ${kindLabel(m.shared[0])}, matched by role`;
      return `${name} is matched by your ${quoted(y)}${more(mine.length)}${role}.`;
    }
    case 'missing': {
      const add = plan ? ` ${addSentence(reference, plan, id)}` : '';
      return mine.length
        ? `${name} is partly matched by your ${quoted(mine[0])}; your design has no ${listKinds(m.missing)}.${add}`
        : `${name} (${listKinds(m.missing)}) is missing from your design.${add}`;
    }
    case 'incomplete':
      return `${name}: your ${kindLabel(r.kind)} card does not cover its stage yet. Fill its gaps from the reference with one click.`;
    case 'not-needed':
      return `${name} is not needed: your design trains nothing (pretrained models only), so it needs no ${kindLabel(r.kind)}.`;
    case 'alternative':
      return `${name} is done another valid way: your ${quoted(mine[0])} (${kindLabel(mine[0].kind)}) stands in for it; ${aDesignOf(reference)} may use either.`;
    default:
      return r.kind === 'client-app'
        ? `${name} is an actor, outside the seven stages: not compared.`
        : `${name} is not scored (a note, a zone, or a custom component that acts as no kind).`;
  }
}

function aDesignOf(d: Diagram): string {
  const label = PROBLEM_LABELS[d.problem];
  const name = /^[A-Z][a-z]/.test(label) ? label[0].toLowerCase() + label.slice(1) : label;
  return `${/^[aeiouAEIOU]/.test(name) ? 'an' : 'a'} ${name} design`;
}

// ---------------------------------------------------------------- ghosts

/** A missing reference component as it would land on your canvas. */
export interface Ghost {
  /** The reference node's id. */
  id: string;
  /** The reference node it copies. */
  node: DiagramNode;
  /** The missing kinds it adds. */
  missing: KindId[];
  /** The stages of those kinds: "Add all missing in this stage" adds it. */
  stages: StageId[];
  /** Where it lands: an absolute box on your canvas. */
  box: Box;
  /** The zone of yours it lands in, if any. */
  zone?: string;
}

/** One end of a planned connection: one of your nodes, or a ghost (by reference id). */
export type GhostEnd = { yours: string } | { ghost: string };

/** A reference connection a ghost brings along. */
export interface GhostEdge {
  /** The reference edge's id. */
  id: string;
  source: GhostEnd;
  target: GhostEnd;
  kind: EdgeKind;
  label?: string;
}

/** Every ghost, placed, and the connections they bring. */
export interface GhostPlan {
  ghosts: Ghost[];
  edges: GhostEdge[];
}

const endKey = (e: GhostEnd) => ('yours' in e ? `y:${e.yours}` : `g:${e.ghost}`);

/** The reference connections of the ghosts in `batch`, to your matching nodes or to other ghosts of the batch; each pair of ends once. */
export function ghostEdges(yours: Diagram, reference: Diagram, match: ComponentMatch, batch: ReadonlySet<string>): GhostEdge[] {
  const resolve = (id: string): GhostEnd | null => {
    if (batch.has(id)) return { ghost: id };
    const best = match.reference.get(id)?.yours[0];
    return best ? { yours: best } : null;
  };
  const out: GhostEdge[] = [];
  const seen = new Set<string>();
  for (const e of reference.edges) {
    if (!batch.has(e.source) && !batch.has(e.target)) continue;
    const source = resolve(e.source);
    const target = resolve(e.target);
    if (!source || !target) continue;
    const key = `${endKey(source)}>${endKey(target)}`;
    if (endKey(source) === endKey(target) || seen.has(key)) continue;
    seen.add(key);
    out.push({ id: e.id, source, target, kind: e.kind, ...(e.label ? { label: e.label } : {}) });
  }
  // An edge kind that contradicts the ends it now joins (a model handed to your server drawn as data) takes the kind they need.
  const yourById = new Map(yours.nodes.map((n) => [n.id, n]));
  const refById = new Map(reference.nodes.map((n) => [n.id, n]));
  const nodeOf = (e: GhostEnd) => ('yours' in e ? yourById.get(e.yours)! : refById.get(e.ghost)!);
  const called = new Set<string>();
  for (const e of yours.edges) if (e.kind === 'request') called.add(`y:${e.target}`);
  for (const e of out) if (e.kind === 'request') called.add(endKey(e.target));
  for (const e of out) {
    const fix = mismatchFromMasks(roleMask(nodeOf(e.source)), roleMask(nodeOf(e.target)), e.kind, called.has(endKey(e.source)));
    if (fix && fix.expected !== 'reverse') e.kind = fix.expected;
  }
  return out;
}

const COLUMN_STEP = NODE_SIZE.width + LAYOUT_GAP.column;
const ROW_STEP = NODE_SIZE.height + 28;
const GAP_X = 20;
const GAP_Y = 14;
const MAX_SLOT_TRIES = 400;
/** How far (median) your matched nodes may sit from the reference's places, moved as one block, for the ghosts to take the reference's places too. */
const SAME_PLACE = 40;

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const clampCoord = (v: number) => Math.max(-MAX_COORD + 1000, Math.min(MAX_COORD - 1000, Math.round(v)));

/** Absolute boxes of a diagram's nodes, zones left out. */
function nodeBoxes(d: Diagram): Map<string, Box> {
  const byId = new Map(d.nodes.map((n) => [n.id, n]));
  const out = new Map<string, Box>();
  for (const n of d.nodes) {
    if (n.kind === 'group') continue;
    const p = absolutePosition(n, byId);
    out.set(n.id, { x: p.x, y: p.y, ...NODE_SIZE });
  }
  return out;
}

/** The stage column of a ghost: its own stage's, or (a custom node) that of the first kind it adds. */
function ghostColumn(n: DiagramNode, missing: readonly KindId[]): number {
  if (nodeStage(n) || n.kind === 'client-app' || !missing.length) return columnOf(n);
  return columnOf({ ...n, kind: missing[0] });
}

/** The x of each of the six stage columns in your layout: the median of your components there, the gaps filled in between and beyond. */
function columnXs(yours: Diagram, boxes: ReadonlyMap<string, Box>): number[] {
  const xs: number[][] = [[], [], [], [], [], []];
  for (const n of yours.nodes) {
    if (n.kind === 'note' || n.kind === 'group') continue;
    const b = boxes.get(n.id);
    if (b) xs[Math.min(5, Math.max(0, columnOf(n)))].push(b.x);
  }
  const known = xs.map((list) => (list.length ? median(list) : null));
  const at = known.map((x, i) => (x === null ? -1 : i)).filter((i) => i >= 0);
  if (!at.length) {
    const all = [...boxes.values()];
    const left = all.length ? Math.min(...all.map((b) => b.x)) : 0;
    return known.map((_, i) => left + i * COLUMN_STEP);
  }
  return known.map((x, i) => {
    if (x !== null) return x;
    const before = at.filter((j) => j < i).pop();
    const after = at.find((j) => j > i);
    if (before !== undefined && after !== undefined) return known[before]! + ((known[after]! - known[before]!) * (i - before)) / (after - before);
    if (before !== undefined) return known[before]! + (i - before) * COLUMN_STEP;
    return known[after!]! - (after! - i) * COLUMN_STEP;
  });
}

const overlaps = (a: Box, b: Box) =>
  a.x < b.x + b.width + GAP_X && b.x < a.x + a.width + GAP_X && a.y < b.y + b.height + GAP_Y && b.y < a.y + a.height + GAP_Y;

/** Places every ghost of your design's missing reference components (see the module comment) with the connections they bring. */
export function planGhosts(yours: Diagram, reference: Diagram, match: ComponentMatch): GhostPlan {
  const refById = new Map(reference.nodes.map((n) => [n.id, n]));
  const refBoxes = nodeBoxes(reference);
  const yourBoxes = nodeBoxes(yours);
  const missing = reference.nodes.filter((n) => match.reference.get(n.id)?.status === 'missing');
  const batch = new Set(missing.map((n) => n.id));
  const edges = ghostEdges(yours, reference, match, batch);
  if (!missing.length) return { ghosts: [], edges };

  const cols = columnXs(yours, yourBoxes);
  // Where the reference's layout sits in yours: the median offset of the nodes matched by kind. When
  // your matched nodes sit where the reference has them, moved as one block (a design grown from the
  // reference, or drawn over it), each ghost goes where the reference has it, moved the same way.
  const dxs: number[] = [];
  const dys: number[] = [];
  for (const [rid, m] of match.reference) {
    const r = refById.get(rid)!;
    const mine = m.status === 'matched' ? m.yours[0] : undefined;
    const yb = mine ? yourBoxes.get(mine) : undefined;
    const rb = refBoxes.get(rid);
    if (!yb || !rb || r.kind === 'requirements' || r.kind === 'ml-objective' || yours.nodes.find((n) => n.id === mine)!.kind !== r.kind) continue;
    dxs.push(yb.x - rb.x);
    dys.push(yb.y - rb.y);
  }
  const refTop = Math.min(...[...refBoxes.values()].map((b) => b.y));
  const yourTop = yourBoxes.size ? Math.min(...[...yourBoxes.values()].map((b) => b.y)) : 0;
  const dx = dxs.length ? median(dxs) : 0;
  const dy = dys.length ? median(dys) : yourTop - refTop;
  const spread = (xs: number[], m: number) => median(xs.map((v) => Math.abs(v - m)));
  const translated = dxs.length >= 2 && spread(dxs, dx) <= SAME_PLACE && spread(dys, dy) <= SAME_PLACE;

  const neighbours = new Map<string, GhostEnd[]>();
  for (const e of edges) {
    for (const [a, b] of [[e.source, e.target], [e.target, e.source]] as const) {
      if (!('ghost' in a)) continue;
      const list = neighbours.get(a.ghost);
      if (list) list.push(b);
      else neighbours.set(a.ghost, [b]);
    }
  }

  const order = missing
    .map((n) => ({ n, m: match.reference.get(n.id)!, b: refBoxes.get(n.id)! }))
    .map((g) => ({ ...g, col: ghostColumn(g.n, g.m.missing) }))
    .sort((a, b) => a.col - b.col || a.b.x - b.b.x || a.b.y - b.b.y);
  const obstacles: Box[] = [...yourBoxes.values()];
  const placed = new Map<string, Box>();
  const ghosts: Ghost[] = [];
  for (const { n, m, b, col } of order) {
    const ys: number[] = [];
    for (const end of neighbours.get(n.id) ?? []) {
      const nb = 'yours' in end ? yourBoxes.get(end.yours) : placed.get(end.ghost);
      if (nb) ys.push(nb.y + nb.height / 2);
    }
    const x = translated ? b.x + dx : cols[Math.min(5, Math.max(0, col))];
    const wanted = translated || !ys.length ? b.y + dy : ys.reduce((s, v) => s + v, 0) / ys.length - NODE_SIZE.height / 2;
    const near = obstacles.filter((o) => o.x < x + NODE_SIZE.width + GAP_X && x < o.x + o.width + GAP_X);
    let box: Box = { x, y: wanted, ...NODE_SIZE };
    for (let k = 0; k < MAX_SLOT_TRIES; k++) {
      // 0, +1, -1, +2, -2 ... rows away from the wanted height.
      const step = k % 2 ? (k + 1) / 2 : -k / 2;
      const candidate = { x, y: wanted + step * ROW_STEP, ...NODE_SIZE };
      if (!near.some((o) => overlaps(candidate, o))) {
        box = candidate;
        break;
      }
      if (k === MAX_SLOT_TRIES - 1) box = { x, y: Math.max(...near.map((o) => o.y + o.height)) + ROW_STEP, ...NODE_SIZE };
    }
    box = { ...box, x: clampCoord(box.x), y: clampCoord(box.y) };
    obstacles.push(box);
    placed.set(n.id, box);
    const zone = zoneAt(yours.nodes, { x: box.x + box.width / 2, y: box.y + box.height / 2 });
    const stages = [...new Set(m.missing.map((k) => kindInfo(k).stage!).filter(Boolean))];
    ghosts.push({ id: n.id, node: n, missing: m.missing, stages, box, ...(zone ? { zone: zone.id } : {}) });
  }
  return { ghosts, edges };
}

/**
 * For a missing kind: the reference node a click on its chip adds: one whose own kind it is, then the
 * one with the most connections to what you have, then the most connected.
 */
export function representative(reference: Diagram, match: ComponentMatch, kind: KindId): string | null {
  let best: { id: string; score: number[] } | null = null;
  const better = (a: number[], b: number[]) => {
    for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i] > b[i];
    return false;
  };
  for (const n of reference.nodes) {
    const m = match.reference.get(n.id);
    if (!m || m.status !== 'missing' || !m.missing.includes(kind)) continue;
    let degree = 0;
    let toYours = 0;
    for (const e of reference.edges) {
      const other = e.source === n.id ? e.target : e.target === n.id ? e.source : null;
      if (other === null) continue;
      degree++;
      const o = match.reference.get(other);
      if (o && o.status !== 'missing' && o.yours.length) toYours++;
    }
    const score = [n.kind === kind ? 1 : 0, toYours, degree];
    if (!best || better(score, best.score)) best = { id: n.id, score };
  }
  return best?.id ?? null;
}

// ---------------------------------------------------------------- adding

/** What an addition did: the new diagram and the ids of what it added. */
export interface Addition {
  diagram: Diagram;
  nodeIds: string[];
  edgeIds: string[];
}

/** The comparison, matching and ghost plan of a diagram against a reference, computed once and reused while the diagram stays the same. */
export interface CompareContext {
  diagram: Diagram;
  reference: Diagram;
  comparison: Comparison;
  match: ComponentMatch;
  plan: GhostPlan;
}

/** Compares, matches and plans the ghosts of a design against a reference. */
export function compareContext(yours: Diagram, reference: Diagram): CompareContext {
  const comparison = compareDiagrams(yours, reference);
  const match = matchComponents(yours, reference, comparison);
  return { diagram: yours, reference, comparison, match, plan: planGhosts(yours, reference, match) };
}

const cloneProps = (p: NodeProps): NodeProps => JSON.parse(JSON.stringify(p)) as NodeProps;

/**
 * Adds the reference components `ids` (ghosts of `yours`) where their ghosts are, with their
 * reference connections to what your design has and to each other; refuses when none of them is
 * missing any more or when the diagram would exceed the format's limits. `fresh` makes unused ids.
 */
export function addFromReference(
  yours: Diagram,
  reference: Diagram,
  ids: readonly string[],
  fresh: (prefix: string, taken: (id: string) => boolean) => string,
  context?: CompareContext,
): Result<Addition, string> {
  const full = `A design may have at most ${MAX_NODES.toLocaleString('en-US')} components: delete some before adding more.`;
  if (yours.nodes.length >= MAX_NODES) return err(full);
  const ctx = context && context.diagram === yours && context.reference === reference ? context : compareContext(yours, reference);
  const wanted = new Set(ids);
  const ghosts = ctx.plan.ghosts.filter((g) => wanted.has(g.id));
  if (!ghosts.length) return err('Your design already has that: nothing to add.');
  const batch = new Set(ghosts.map((g) => g.id));
  const edges = ghostEdges(yours, reference, ctx.match, batch);
  if (yours.nodes.length + ghosts.length > MAX_NODES) return err(full);
  if (yours.edges.length + edges.length > MAX_EDGES) return err(`A design may have at most ${MAX_EDGES.toLocaleString('en-US')} connections: delete some before adding more.`);

  const taken = new Set([...yours.nodes.map((n) => n.id), ...yours.edges.map((e) => e.id)]);
  const make = (prefix: string) => {
    const id = fresh(prefix, (x) => taken.has(x));
    taken.add(id);
    return id;
  };
  const byId = new Map(yours.nodes.map((n) => [n.id, n]));
  const newIds = new Map<string, string>();
  const nodes: DiagramNode[] = ghosts.map((g) => {
    const id = make('n');
    newIds.set(g.id, id);
    const zone = g.zone ? byId.get(g.zone) : undefined;
    const origin = zone && zone.kind === 'group' ? absolutePosition(zone, byId) : { x: 0, y: 0 };
    return {
      id,
      kind: g.node.kind,
      ...(g.node.label !== undefined ? { label: g.node.label } : {}),
      position: { x: clampCoord(g.box.x - origin.x), y: clampCoord(g.box.y - origin.y) },
      ...(zone && zone.kind === 'group' ? { parent: zone.id } : {}),
      props: cloneProps(g.node.props),
    };
  });
  const idOf = (e: GhostEnd) => ('yours' in e ? e.yours : newIds.get(e.ghost)!);
  const added: DiagramEdge[] = edges.map((e) => ({
    id: make('e'),
    source: idOf(e.source),
    target: idOf(e.target),
    kind: e.kind,
    ...(e.label ? { label: e.label } : {}),
  }));
  return ok({
    diagram: { ...yours, nodes: [...yours.nodes, ...nodes], edges: [...yours.edges, ...added] },
    nodeIds: nodes.map((n) => n.id),
    edgeIds: added.map((e) => e.id),
  });
}

/** The ghosts that "Add all missing in this stage" adds. */
export function ghostsOfStage(plan: GhostPlan, stage: StageId): string[] {
  return plan.ghosts.filter((g) => g.stages.includes(stage)).map((g) => g.id);
}

/** For your requirements or objective card that does not cover its stage: the fields it lacks, filled from the reference's card; null when there is nothing to fill. */
export function cardFill(yours: Diagram, reference: Diagram, kind: 'requirements' | 'ml-objective'): { id: string; props: Partial<NodeProps> } | null {
  const mine = yours.nodes.find((n) => n.kind === kind);
  const theirs = reference.nodes.find((n) => n.kind === kind);
  if (!mine || !theirs) return null;
  const props: Partial<NodeProps> = {};
  for (const [k, v] of Object.entries(cloneProps(theirs.props))) {
    const have = mine.props[k];
    if (have === undefined || (typeof have === 'string' && !have.trim())) props[k] = v;
  }
  return Object.keys(props).length ? { id: mine.id, props } : null;
}

/** A reference connection between two kinds your design has but does not join: one click connects them. */
export interface MissingLink {
  from: KindId;
  to: KindId;
  source: string;
  target: string;
  kind: EdgeKind;
}

/** The comparison's missing connections whose two ends your design has, as connections to draw between your nodes (those matched by kind first). */
export function missingLinks(yours: Diagram, reference: Diagram, cmp: Comparison): MissingLink[] {
  const yourIndex = indexByKind(yours.nodes);
  const refIndex = indexByKind(reference.nodes);
  const alternatives = alternativesOf(reference.problem, new Set(cmp.stages.flatMap((s) => s.referenceKinds)), new Set(cmp.stages.flatMap((s) => s.yourKinds)));
  const playing = (k: KindId) => candidates(yourIndex, alternatives.has(k) ? [k, alternatives.get(k)!] : [k], k).ids;
  const byId = new Map(yours.nodes.map((n) => [n.id, n]));
  const joined = new Set(yours.edges.map((e) => `${e.source}>${e.target}`));
  const out: MissingLink[] = [];
  for (const [from, to] of cmp.missingConnections) {
    const sources = playing(from);
    const targets = playing(to);
    let pair: [string, string] | null = null;
    for (const s of sources) {
      const t = targets.find((x) => x !== s && !joined.has(`${s}>${x}`));
      if (t) {
        pair = [s, t];
        break;
      }
    }
    if (!pair) continue;
    const refEdge = reference.edges.find((e) => {
      const a = refIndex.get(from)?.some((n) => n.id === e.source);
      const b = refIndex.get(to)?.some((n) => n.id === e.target);
      return a && b;
    });
    let kind: EdgeKind = refEdge?.kind ?? 'data';
    const s = byId.get(pair[0])!;
    const t = byId.get(pair[1])!;
    const called = yours.edges.some((e) => e.target === s.id && e.kind === 'request');
    const fix = mismatchFromMasks(roleMask(s), roleMask(t), kind, called);
    if (fix && fix.expected !== 'reverse') kind = fix.expected;
    out.push({ from, to, source: pair[0], target: pair[1], kind });
  }
  return out;
}
