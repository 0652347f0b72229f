import { Graph, layout as dagreLayout } from '@dagrejs/dagre';
import { nodeSize, NODE_SIZE, type Diagram, type DiagramNode, type XY } from './diagram';
import { columnLayout, columnOf, LAYOUT_GAP, overlappingPairs } from './layoutColumns';
import { fitZoom, isBetterLayout, layoutQuality, type LayoutQuality } from './layoutQuality';
import { refineLayout } from './layoutRefine';

export { columnOf, LAYOUT_GAP, overlappingPairs };

/**
 * Tidy up: a layered layout, left to right by stage and by data flow. Each container (the top level,
 * then every zone, innermost first) is laid out on its own with dagre (`rankdir: 'LR'`); a zone is sized
 * around its content and then placed as one block in its parent. Ranks are ours: an item never sits left
 * of its stage's column (requirements and clients, data, model, evaluation, serving, monitoring), and it
 * sits right of everything that feeds it, so chains read left to right instead of folding into a column;
 * edges that run back a stage (feedback, logs) are laid out as if reversed. dagre then orders each rank to
 * cut crossings and routes long edges around components. A container whose ranks would make a long strip
 * is wrapped into bands, stacked top to bottom, so the result reads at fit-view. Notes go in a row under
 * their container's content.
 *
 * tidyLayout measures the result against the diagram as it is (layoutQuality) and only proposes it when it
 * is better and no worse in any measure; otherwise it proposes nothing and says why.
 */

type Size = { width: number; height: number };

export interface Layout {
  /** New positions, relative to each node's parent. */
  positions: Map<string, XY>;
  /** New zone sizes. */
  sizes: Map<string, Size>;
}

export interface TidyResult extends Layout {
  /** Whether the layout is worth applying (when false, positions and sizes are empty). */
  changed: boolean;
  /** The figures of the diagram as it is, and of the candidate layout. */
  before: LayoutQuality;
  after: LayoutQuality;
}

/**
 * A diagram with a container of more items than this is laid out in plain stage columns: dagre and the variants
 * measured against each other take 0.3-1 s per run on 100-200 items with random edges (an interview design has 20-40
 * components; the fourteen templates tidy with the layered layout). The column layout is the tidy up of before.
 */
const LAYERED_MAX_ITEMS = 80;
/** How many layouts a refinement may measure: fewer on larger diagrams, so tidy up stays quick. */
const refineBudget = (d: Diagram) => {
  const size = d.nodes.length + d.edges.length;
  // Past a few hundred, each measurement costs milliseconds (crossings grow with the square of the edges): no repair.
  return size > 300 ? 1 : Math.min(200, Math.floor(12_000 / Math.max(1, size)));
};

/**
 * How candidates are weighed, after overlaps: each crossing counts 1; a straight line through a component 3 (the
 * canvas draws such an edge around the component, a longer line); and a layout that would be shown below
 * FIT_GOAL zoom when fitted to a FIT_CANVAS-sized canvas FIT_WEIGHT per unit short (so 0.3 instead of 0.5 costs
 * 12): a strip four screens wide reads worse than a few more crossings.
 */
const THROUGH_WEIGHT = 3;
const FIT_GOAL = 0.5;
const FIT_WEIGHT = 60;

/** Wrapped bands break the left-to-right reading of stages: they win only with a clearly smaller box. */
const WRAP_PENALTY = 1.3;

/** Layout variants tried; the best by layoutQuality wins. `maxAspect`: content wider than this many times its height is wrapped into bands. */
const VARIANTS: readonly LayoutOptions[] = [
  { maxAspect: Infinity },
  { maxAspect: 2.2 },
  { maxAspect: 1.4 },
  { maxAspect: Infinity, stackZones: true },
  { maxAspect: 2.2, stackZones: true },
];

interface LayoutOptions {
  maxAspect: number;
  /** Zones side by side in one rank (stacked top to bottom) rather than ranked by what flows between them. */
  stackZones?: boolean;
}

interface Item {
  id: string;
  key: string;
  column: number;
  zone?: boolean;
  width: number;
  height: number;
  order: number;
}

interface Laid {
  width: number;
  height: number;
  minColumn: number;
}

/** The diagram with a layout applied (positions and zone sizes). */
export function applyLayout(d: Diagram, l: Layout): Diagram {
  return {
    ...d,
    nodes: d.nodes.map((n) => {
      const p = l.positions.get(n.id);
      const s = l.sizes.get(n.id);
      if (!p && !s) return n;
      return { ...n, position: p ?? n.position, ...(s ? { props: { ...n.props, ...s } } : {}) };
    }),
  };
}

/**
 * The tidy-up proposal: the layered layout when it is better than the diagram as it is (fewer crossings,
 * edges through components or a smaller box, and worse in none; or it removes overlaps), else nothing.
 */
export function tidyLayout(d: Diagram): TidyResult {
  const before = layoutQuality(d);
  const candidates: { layout: Layout; q: LayoutQuality; penalty: number }[] = [];
  const consider = (diagram: Diagram, q: LayoutQuality, penalty = 1) => {
    const positions = new Map<string, XY>();
    const sizes = new Map<string, Size>();
    diagram.nodes.forEach((n, i) => {
      const was = d.nodes[i];
      if (n.position.x !== was.position.x || n.position.y !== was.position.y) positions.set(n.id, n.position);
      if (n.kind === 'group' && (n.props.width !== was.props.width || n.props.height !== was.props.height)) sizes.set(n.id, nodeSize(n));
    });
    candidates.push({ layout: { positions, sizes }, q, penalty });
  };
  let widest = Infinity;
  let stackable = true;
  // Large diagrams get one layout: each layered layout of hundreds of components costs a few hundred ms.
  const variants = d.nodes.length + d.edges.length > 300 ? VARIANTS.slice(0, 1) : VARIANTS;
  for (const [i, v] of variants.entries()) {
    if (i > 0 && (v.maxAspect >= widest && !v.stackZones) || (v.stackZones && !stackable)) continue; // would wrap nothing: the same layout as the first
    const layout = layeredLayout(d, v);
    if (widest === Infinity) {
      widest = layout.widest ?? 0;
      stackable = layout.stackable ?? false;
    }
    const laid = applyLayout(d, layout);
    const area = layoutQuality(laid).area;
    const r = refineLayout(laid, area, refineBudget(d));
    consider(r.diagram, r.quality, v.maxAspect === Infinity ? 1 : WRAP_PENALTY);
    if (layout.plain) break; // the stage-column fallback has no variants
  }
  // The diagram as it is, with the components that edges run through moved aside.
  if (before.throughEdges > 0 && refineBudget(d) > 1) {
    const r = refineLayout(d, before.area, 2 * refineBudget(d));
    consider(r.diagram, r.quality);
  }
  const rank = ({ q, penalty }: { q: LayoutQuality; penalty: number }) => [
    isBetterLayout(q, before) ? 0 : 1,
    q.overlaps + q.escapes,
    Math.round(q.crossings + THROUGH_WEIGHT * q.throughEdges + FIT_WEIGHT * Math.max(0, FIT_GOAL - fitZoom(q))),
    q.area * penalty,
  ];
  const less = (a: number[], b: number[]) => {
    for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i] - b[i];
    return 0;
  };
  let best = candidates[0];
  for (const c of candidates) if (less(rank(c), rank(best)) < 0) best = c;
  const after = best.q;
  if (isBetterLayout(after, before)) return { ...best.layout, changed: true, before, after };
  return { positions: new Map(), sizes: new Map(), changed: false, before, after };
}

/**
 * New positions (relative to each node's parent) and zone sizes for the whole diagram, whether or not
 * they improve it. Iterative: zones are laid out innermost first from an explicit list, so 20,000 nested
 * zones need no deep stack.
 */
export function layeredLayout(d: Diagram, options: LayoutOptions = VARIANTS[0]): Layout & { plain?: boolean; widest?: number; stackable?: boolean } {
  const positions = new Map<string, XY>();
  const sizes = new Map<string, Size>();
  const byId = new Map<string, DiagramNode>();
  for (const n of d.nodes) if (!byId.has(n.id)) byId.set(n.id, n);
  // Each node's parent, read once.
  const parentOf = new Map<string, string | undefined>();
  for (const n of byId.values()) {
    const p = n.parent;
    parentOf.set(n.id, p !== undefined && p !== n.id && byId.get(p)?.kind === 'group' ? p : undefined);
  }
  const children = new Map<string | undefined, DiagramNode[]>();
  for (const n of byId.values()) {
    const p = parentOf.get(n.id);
    const list = children.get(p);
    if (list) list.push(n);
    else children.set(p, [n]);
  }
  const index = new Map<string, number>();
  d.nodes.forEach((n, i) => {
    if (!index.has(n.id)) index.set(n.id, i);
  });

  // A container too large for the layered layout: the whole diagram in stage columns.
  for (const list of children.values()) if (list.length > LAYERED_MAX_ITEMS) return { ...columnLayout(d), plain: true };

  // Containers (the top level, then every zone) in pre-order, with each node's zone depth.
  const depth = new Map<string, number>();
  const containers: (string | undefined)[] = [];
  const stack: { id: string | undefined; depth: number }[] = [{ id: undefined, depth: -1 }];
  while (stack.length) {
    const c = stack.pop()!;
    containers.push(c.id);
    for (const k of children.get(c.id) ?? []) {
      if (depth.has(k.id)) continue;
      depth.set(k.id, c.depth + 1);
      if (k.kind === 'group') stack.push({ id: k.id, depth: c.depth + 1 });
    }
  }

  // Each edge joins two items in the container where their zone chains meet.
  const links = new Map<string | undefined, Map<string, { a: string; b: string; weight: number }>>();
  for (const e of d.edges) {
    let a = e.source;
    let b = e.target;
    if (a === b || !depth.has(a) || !depth.has(b)) continue;
    while (depth.get(a)! > depth.get(b)!) a = parentOf.get(a)!;
    while (depth.get(b)! > depth.get(a)!) b = parentOf.get(b)!;
    while (a !== b && parentOf.get(a) !== parentOf.get(b)) {
      a = parentOf.get(a)!;
      b = parentOf.get(b)!;
    }
    if (a === b || byId.get(a)!.kind === 'note' || byId.get(b)!.kind === 'note') continue;
    const c = parentOf.get(a);
    let m = links.get(c);
    if (!m) links.set(c, (m = new Map()));
    const key = `${a}\u0000${b}`;
    const l = m.get(key);
    if (l) l.weight++;
    else m.set(key, { a, b, weight: 1 });
  }

  // Links from an item to outside its zone, by the item's container.
  const ports = new Map<string | undefined, Map<string, { in: number; out: number }>>();
  const addPort = (id: string, dir: 'in' | 'out') => {
    const c = parentOf.get(id);
    if (c === undefined) return;
    let m = ports.get(c);
    if (!m) ports.set(c, (m = new Map()));
    const p = m.get(id) ?? { in: 0, out: 0 };
    p[dir]++;
    m.set(id, p);
  };
  for (const e of d.edges) {
    const s = e.source;
    const t = e.target;
    if (s === t || !depth.has(s) || !depth.has(t) || parentOf.get(s) === parentOf.get(t)) continue;
    addPort(s, 'out');
    addPort(t, 'in');
  }

  // The widest aspect (width / height) of a container that could be wrapped, for tidyLayout's variants.
  let widest = 0;
  let stackable = false;
  const noteAspect = (a: number) => {
    widest = Math.max(widest, a);
  };

  const kindRank = (id: string) => {
    const k = byId.get(id)!.kind;
    return k === 'requirements' ? 0 : k === 'ml-objective' ? 1 : k === 'client-app' ? 2 : 3;
  };

  /** Lays out one container's direct children (its zones are laid out already); returns the content size. */
  const layoutContainer = (parentId: string | undefined, laid: ReadonlyMap<string, Laid>): Laid => {
    const kids = children.get(parentId) ?? [];
    const notes = kids.filter((k) => k.kind === 'note');
    const items: Item[] = [];
    for (const k of kids) {
      if (k.kind === 'note') continue;
      const inner = k.kind === 'group' ? laid.get(k.id) : undefined;
      const key = `n${items.length}`;
      if (inner) {
        const width = Math.max(inner.width + 2 * LAYOUT_GAP.zonePad, 220);
        const height = Math.max(inner.height + LAYOUT_GAP.zonePadTop + LAYOUT_GAP.zonePad, 140);
        sizes.set(k.id, { width, height });
        items.push({ id: k.id, key, column: inner.minColumn, zone: true, width, height, order: index.get(k.id)! });
      } else {
        const { width, height } = nodeSize(k);
        items.push({ id: k.id, key, column: columnOf(k), width, height, order: index.get(k.id)! });
      }
    }
    if (items.length > 1 && items.some((it) => it.zone)) stackable = true;
    const local = layoutItems(items, [...(links.get(parentId)?.values() ?? [])], kindRank, options, ports.get(parentId), noteAspect);

    let width = local.width;
    let height = local.height;
    // Notes in a row under the content.
    const notePos = new Map<string, XY>();
    if (notes.length) {
      let nx = 0;
      const ny = height + (items.length ? LAYOUT_GAP.zoneGap : 0);
      for (const n of notes) {
        notePos.set(n.id, { x: nx, y: ny });
        nx += NODE_SIZE.width + LAYOUT_GAP.row;
      }
      width = Math.max(width, nx - LAYOUT_GAP.row);
      height = ny + NODE_SIZE.height;
    }
    const inset = parentId ? { x: LAYOUT_GAP.zonePad, y: LAYOUT_GAP.zonePadTop } : { x: 0, y: 0 };
    for (const it of items) {
      const p = local.at.get(it.id)!;
      positions.set(it.id, { x: Math.round(p.x + inset.x), y: Math.round(p.y + inset.y) });
    }
    for (const [id, p] of notePos) positions.set(id, { x: Math.round(p.x + inset.x), y: Math.round(p.y + inset.y) });
    let minColumn = items.length ? Infinity : 4;
    for (const it of items) minColumn = Math.min(minColumn, it.column);
    return { width, height, minColumn };
  };

  // Innermost first: the reverse of a pre-order puts every zone after everything inside it.
  const laid = new Map<string, Laid>();
  for (let i = containers.length - 1; i >= 0; i--) {
    const id = containers[i];
    const r = layoutContainer(id, laid);
    if (id !== undefined) laid.set(id, r);
  }
  // Keep the top-left of the whole diagram where it was, so the view does not jump.
  const tops = [...byId.values()].filter((n) => parentOf.get(n.id) === undefined);
  if (tops.length) {
    let ox = Infinity;
    let oy = Infinity;
    for (const n of tops) {
      ox = Math.min(ox, n.position.x);
      oy = Math.min(oy, n.position.y);
    }
    for (const n of tops) {
      const p = positions.get(n.id);
      if (p) positions.set(n.id, { x: p.x + Math.round(ox), y: p.y + Math.round(oy) });
    }
  }
  return { positions, sizes, widest, stackable };
}

/**
 * The ranks of a container's items: each at least its stage's column, and right of what feeds it.
 * Edges from a later stage to an earlier one count reversed; a cycle within a stage loses one edge.
 * Returns the ranks and the edges that run forward (u's rank < v's rank), with their weights.
 */
function rankItems(items: Item[], links: { a: string; b: string; weight: number }[]) {
  const byId = new Map(items.map((it) => [it.id, it]));
  const minColumn = items.reduce((m, it) => Math.min(m, it.column), Infinity);
  // Oriented, merged edges.
  const out = new Map<string, Map<string, number>>();
  for (const it of items) out.set(it.id, new Map());
  for (const { a, b, weight } of links) {
    const ia = byId.get(a);
    const ib = byId.get(b);
    if (!ia || !ib) continue;
    const [u, v] = ia.column > ib.column ? [b, a] : [a, b];
    const m = out.get(u)!;
    m.set(v, (m.get(v) ?? 0) + weight);
  }
  // Two-way pairs keep the heavier direction.
  for (const [u, m] of out)
    for (const [v, w] of m) {
      const back = out.get(v)!.get(u);
      if (back === undefined) continue;
      if (back > w || (back === w && byId.get(u)!.order > byId.get(v)!.order)) m.delete(v);
      else out.get(v)!.delete(u);
    }
  // Topological order (Kahn); a cycle is broken at its earliest item by dropping the edges into it.
  const indeg = new Map<string, number>();
  for (const it of items) indeg.set(it.id, 0);
  for (const m of out.values()) for (const v of m.keys()) indeg.set(v, indeg.get(v)! + 1);
  const done = new Set<string>();
  const order: string[] = [];
  const sorted = items.slice().sort((p, q) => p.column - q.column || p.order - q.order);
  const ready: string[] = sorted.filter((it) => indeg.get(it.id) === 0).map((it) => it.id);
  let cursor = 0;
  while (order.length < items.length) {
    if (!ready.length) {
      while (done.has(sorted[cursor].id)) cursor++;
      const v = sorted[cursor].id;
      for (const [u, m] of out) if (!done.has(u) && m.has(v)) m.delete(v);
      ready.push(v);
    }
    const u = ready.shift()!;
    if (done.has(u)) continue;
    done.add(u);
    order.push(u);
    for (const v of out.get(u)!.keys()) {
      const k = indeg.get(v)! - 1;
      indeg.set(v, k);
      if (k === 0 && !done.has(v)) ready.push(v);
    }
  }
  // Edges into an item placed before its source (a cycle's broken edges) are dropped.
  const pos = new Map(order.map((id, i) => [id, i]));
  for (const [u, m] of out) for (const v of [...m.keys()]) if (pos.get(v)! < pos.get(u)!) m.delete(v);
  const preds = new Map<string, string[]>();
  for (const it of items) preds.set(it.id, []);
  for (const [u, m] of out) for (const v of m.keys()) preds.get(v)!.push(u);
  // Longest path from the stage floors.
  const rank = new Map<string, number>();
  for (const id of order) {
    let r = byId.get(id)!.column - minColumn;
    for (const u of preds.get(id)!) r = Math.max(r, rank.get(u)! + 1);
    rank.set(id, r);
  }
  // Pull items that feed more than they are fed towards what they feed (shorter edges).
  for (let i = order.length - 1; i >= 0; i--) {
    const id = order[i];
    const succ = out.get(id)!;
    if (!succ.size) continue;
    let wOut = 0;
    for (const w of succ.values()) wOut += w;
    let wIn = 0;
    for (const u of preds.get(id)!) wIn += out.get(u)!.get(id)!;
    if (wOut <= wIn) continue;
    let target = Infinity;
    for (const v of succ.keys()) target = Math.min(target, rank.get(v)! - 1);
    if (target > rank.get(id)!) rank.set(id, target);
  }
  const edges: { u: string; v: string; weight: number }[] = [];
  for (const [u, m] of out) for (const [v, weight] of m) edges.push({ u, v, weight });
  return { rank, edges };
}

/** Positions (top-left, from 0,0) of a container's items, and the content size. */
function layoutItems(
  items: Item[],
  links: { a: string; b: string; weight: number }[],
  kindRank: (id: string) => number,
  options: LayoutOptions,
  ports: Map<string, { in: number; out: number }> | undefined,
  noteAspect: (aspect: number) => void,
): { at: Map<string, XY>; width: number; height: number } {
  const at = new Map<string, XY>();
  if (!items.length) return { at, width: 0, height: 0 };
  if (items.length === 1) {
    at.set(items[0].id, { x: 0, y: 0 });
    return { at, width: items[0].width, height: items[0].height };
  }
  const { maxAspect } = options;
  const { rank, edges } = rankItems(items, links);
  if (options.stackZones && items.some((it) => it.zone)) {
    // Zones share the first rank after the loose items that feed them; what they feed follows.
    for (const it of items) if (it.zone) rank.set(it.id, 0);
  }
  if (ports) {
    // Items that only talk to the outside of their zone go to its left (fed from outside) or right (feeding out) side.
    const hasOut = new Set(edges.map((e) => e.u));
    const last = Math.max(...rank.values());
    for (const it of items) {
      const p = ports.get(it.id);
      if (!p) continue;
      if (p.out > p.in && !hasOut.has(it.id)) rank.set(it.id, last);
    }
  }
  const laid = runDagre(items, rank, edges, kindRank);
  if (laid.ranks >= 4) noteAspect(laid.width / Math.max(1, laid.height));
  if (laid.width <= maxAspect * laid.height || laid.ranks < 4) return laid;
  // Too long a strip: wrap the ranks into bands stacked top to bottom, each laid out on its own.
  const ranks = laid.ranks;
  const bands = Math.min(ranks, Math.max(2, Math.round(Math.sqrt(laid.width / (1.6 * laid.height)))));
  const per = Math.ceil(ranks / bands);
  const byBand = new Map<number, Item[]>();
  for (const it of items) {
    const b = Math.floor(rank.get(it.id)! / per);
    const list = byBand.get(b);
    if (list) list.push(it);
    else byBand.set(b, [it]);
  }
  const out = new Map<string, XY>();
  let y = 0;
  let width = 0;
  for (const b of [...byBand.keys()].sort((p, q) => p - q)) {
    const list = byBand.get(b)!;
    const ids = new Set(list.map((it) => it.id));
    const r = new Map(list.map((it) => [it.id, rank.get(it.id)! - b * per]));
    const part = runDagre(list, r, edges.filter((e) => ids.has(e.u) && ids.has(e.v)), kindRank);
    for (const [id, p] of part.at) out.set(id, { x: p.x, y: p.y + y });
    y += part.height + LAYOUT_GAP.zoneGap * 2;
    width = Math.max(width, part.width);
  }
  return { at: out, width, height: y - LAYOUT_GAP.zoneGap * 2 };
}

function runDagre(
  items: Item[],
  rank: ReadonlyMap<string, number>,
  edges: { u: string; v: string; weight: number }[],
  kindRank: (id: string) => number,
): { at: Map<string, XY>; width: number; height: number; ranks: number } {
  const g = new Graph({ multigraph: false, compound: false });
  g.setGraph({ rankdir: 'LR', ranker: 'none', nodesep: LAYOUT_GAP.row, ranksep: LAYOUT_GAP.column, edgesep: 16, marginx: 0, marginy: 0 });
  g.setDefaultEdgeLabel(() => ({}));
  const keyOf = new Map<string, string>();
  // Inserted in reading order (requirements, objective, clients first), which seeds dagre's ordering.
  const sorted = items.slice().sort((p, q) => kindRank(p.id) - kindRank(q.id) || p.order - q.order);
  for (const it of sorted) {
    keyOf.set(it.id, it.key);
    g.setNode(it.key, { width: it.width, height: it.height, rank: 2 * rank.get(it.id)! }); // doubled, as dagre does to make room for edge labels
  }
  for (const e of edges) {
    const ru = rank.get(e.u)!;
    const rv = rank.get(e.v)!;
    if (rv <= ru) continue;
    g.setEdge(keyOf.get(e.u)!, keyOf.get(e.v)!, { weight: e.weight, minlen: 2 * (rv - ru) });
  }
  dagreLayout(g, { disableOptimalOrderHeuristic: items.length > 60 });
  const at = new Map<string, XY>();
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  const raw = new Map<string, XY>();
  for (const it of items) {
    const n = g.node(it.key) as { x: number; y: number };
    const p = { x: n.x - it.width / 2, y: n.y - it.height / 2 };
    raw.set(it.id, p);
    minX = Math.min(minX, p.x);
    minY = Math.min(minY, p.y);
    maxX = Math.max(maxX, p.x + it.width);
    maxY = Math.max(maxY, p.y + it.height);
  }
  for (const [id, p] of raw) at.set(id, { x: p.x - minX, y: p.y - minY });
  const ranks = new Set(rank.values()).size;
  return { at, width: maxX - minX, height: maxY - minY, ranks };
}
