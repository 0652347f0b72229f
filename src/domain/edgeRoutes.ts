/**
 * Edges drawn around components instead of through them. An edge is drawn as React Flow's bezier from
 * its source's right middle to its target's left middle; when that curve would cross another component
 * or note (or loop back through its own ends, as a feedback edge does), it is drawn instead as an
 * orthogonal detour that keeps clear of every box: out of the source, along a free horizontal channel,
 * into the target. The canvas and the exports share this, so a picture shows what the canvas shows.
 *
 * The search is small on purpose: a detour has one or three horizontal runs, candidate verticals sit
 * just off the ends and beside nearby boxes, candidate channels just above or below boxes; candidates
 * are tried cheapest first (length plus bends) and the first clear one wins. Zones are not obstacles
 * (edges run inside and between them). Diagrams of more than ROUTE_MAX_NODES components keep plain curves.
 */

import { absolutePositions, boxesBounds, nodeSize, type DiagramNode } from './diagram';
import { routePoints, sameRoute, segmentEntersBox, type EdgeRoute, type RouteBox, type RouteXY } from './edgePath';

export type { EdgeRoute, RouteBox, RouteXY } from './edgePath';
export { roundedPath, routeLabelPoint, routePoints, sameRoute, segmentEntersBox } from './edgePath';

export interface RouteEdgeInput {
  id: string;
  source: string;
  target: string;
}

/** Above this many boxes edges keep their plain curves (each detour search costs a scan of the boxes). */
export const ROUTE_MAX_NODES = 300;
/** Clearance between a detour and any box. */
const CLEAR = 16;
/** What a candidate must keep from boxes to count as clear (a little less than CLEAR, for rounding). */
const CHECK = 8;
/** Length of the first and last horizontal run. */
const STUB = 22;
/** A bend costs this much length. */
const BEND = 36;
/** Sharing a channel with an earlier detour costs this much. */
const SHARED = 120;
/**
 * Bounds on the search, counted rather than timed so that the canvas and the exports find the same detours: the
 * candidate verticals and channels nearest the ends, the detours tried per edge and in all (past that, edges keep
 * their curves). The templates need a few tries per edge; a design of 300 overlapping boxes would need millions.
 */
const MAX_XS = 24;
const MAX_YS = 24;
const MAX_TURNS = 5;
const MAX_TRIES = 200;
export const MAX_TRIES_IN_ALL = 6_000;

/** The values nearest the interval [lo, hi] (inside it first), at most n of them. */
function nearest(values: number[], lo: number, hi: number, n: number): number[] {
  if (values.length <= n) return values;
  const dist = (v: number) => (v < lo ? lo - v : v > hi ? v - hi : 0);
  return values.sort((p, q) => dist(p) - dist(q) || p - q).slice(0, n);
}

/** React Flow's bezier control offset (curvature 0.25). */
export function bezierOffset(distance: number): number {
  return distance >= 0 ? 0.5 * distance : 0.25 * 25 * Math.sqrt(-distance);
}

/** The points of the bezier React Flow draws between two handles, sampled. */
export function bezierPoints(a: RouteXY, b: RouteXY, samples = 20): RouteXY[] {
  const off = bezierOffset(b.x - a.x);
  const c1x = a.x + off;
  const c2x = b.x - off;
  const out: RouteXY[] = [];
  for (let i = 0; i <= samples; i++) {
    const t = i / samples;
    const u = 1 - t;
    const w0 = u * u * u;
    const w1 = 3 * u * u * t;
    const w2 = 3 * u * t * t;
    const w3 = t * t * t;
    out.push({ x: w0 * a.x + w1 * c1x + w2 * c2x + w3 * b.x, y: w0 * a.y + w1 * a.y + w2 * b.y + w3 * b.y });
  }
  return out;
}

/** Boxes sorted by x for range queries. */
class BoxIndex {
  readonly list: { id: string; b: RouteBox }[];
  private readonly xs: number[];
  private readonly widest: number;
  constructor(boxes: Iterable<[string, RouteBox]>) {
    this.list = [...boxes].map(([id, b]) => ({ id, b })).sort((p, q) => p.b.x - q.b.x);
    this.xs = this.list.map((o) => o.b.x);
    this.widest = this.list.reduce((m, o) => Math.max(m, o.b.width), 0);
  }
  /** Calls f on every box whose x range meets [minX, maxX] (grown by m); stops when f returns true. */
  some(minX: number, maxX: number, m: number, f: (id: string, b: RouteBox) => boolean): boolean {
    const from = minX - m - this.widest;
    let lo = 0;
    let hi = this.xs.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.xs[mid] < from) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < this.list.length && this.list[i].b.x - m <= maxX; i++) {
      const o = this.list[i];
      if (o.b.x + o.b.width + m < minX) continue;
      if (f(o.id, o.b)) return true;
    }
    return false;
  }
}

/** Whether the polyline enters a box other than those allowed at its ends. */
function polylineBlocked(
  pts: readonly RouteXY[],
  index: BoxIndex,
  m: number,
  source: string,
  target: string,
  endMargin: number,
): boolean {
  const last = pts.length - 2;
  for (let i = 0; i <= last; i++) {
    const p = pts[i];
    const q = pts[i + 1];
    const hit = index.some(Math.min(p.x, q.x), Math.max(p.x, q.x), Math.max(m, endMargin), (id, b) => {
      // The first run starts on the source's border and the last ends on the target's: those two
      // boxes are only checked, unmargined, by the runs that do not touch them.
      if (id === source) return i === 0 ? false : segmentEntersBox(p.x, p.y, q.x, q.y, b, endMargin);
      if (id === target) return i === last ? false : segmentEntersBox(p.x, p.y, q.x, q.y, b, endMargin);
      if (Math.min(p.y, q.y) > b.y + b.height + m || Math.max(p.y, q.y) < b.y - m) return false;
      return segmentEntersBox(p.x, p.y, q.x, q.y, b, m);
    });
    if (hit) return true;
  }
  return false;
}

/** Whether the plain curve between two handles crosses a box (the ends' own boxes included, past the ends). */
function curveBlocked(a: RouteXY, b: RouteXY, index: BoxIndex, source: string, target: string): boolean {
  // Chords of at most ~8 px, so a curve that clips a corner is not missed between two samples.
  const span = Math.abs(b.x - a.x) + Math.abs(b.y - a.y) + 2 * bezierOffset(b.x - a.x);
  const pts = bezierPoints(a, b, Math.min(96, Math.max(16, Math.ceil(span / 8))));
  // Past its first and last sample the curve is inside the handles; the ends' boxes count from there.
  for (let i = 0; i < pts.length - 1; i++) {
    const p = pts[i];
    const q = pts[i + 1];
    const hit = index.some(Math.min(p.x, q.x), Math.max(p.x, q.x), 4, (id, box) => {
      if (id === source && i === 0) return false;
      if (id === target && i === pts.length - 2) return false;
      return segmentEntersBox(p.x, p.y, q.x, q.y, box, id === source || id === target ? 0 : 4);
    });
    if (hit) return true;
  }
  return false;
}

interface Channel {
  y: number;
  minX: number;
  maxX: number;
}

/** The channels detours already run along, bucketed by height (a candidate looks at three buckets, not at all of them). */
class Channels {
  private readonly byBucket = new Map<number, Channel[]>();
  add(c: Channel): void {
    const k = Math.floor(c.y / 6);
    (this.byBucket.get(k) ?? this.byBucket.set(k, []).get(k)!).push(c);
  }
  /** How many earlier detours run within 6 px of this height over an overlapping stretch. */
  shared(y: number, minX: number, maxX: number): number {
    let n = 0;
    const k = Math.floor(y / 6);
    for (let b = k - 1; b <= k + 1; b++) for (const u of this.byBucket.get(b) ?? []) if (Math.abs(u.y - y) < 6 && u.minX < maxX && minX < u.maxX) n++;
    return n;
  }
}

function routeCost(r: EdgeRoute, used: Channels): number {
  const { from: a, to: b } = r;
  if (r.y === null) return Math.abs(r.x1 - a.x) + Math.abs(b.y - a.y) + Math.abs(b.x - r.x1) + 2 * BEND;
  const len = Math.abs(r.x1 - a.x) + Math.abs(r.y - a.y) + Math.abs(r.x2 - r.x1) + Math.abs(b.y - r.y) + Math.abs(b.x - r.x2);
  return len + 4 * BEND + SHARED * used.shared(r.y, Math.min(r.x1, r.x2), Math.max(r.x1, r.x2));
}

/** The detour for one edge between handle points a (source right middle) and b (target left middle), or null. */
function findRoute(
  a: RouteXY,
  b: RouteXY,
  index: BoxIndex,
  source: string,
  target: string,
  used: Channels,
  extent: RouteBox,
  budget: { tries: number },
): EdgeRoute | null {
  if (budget.tries <= 0) return null;
  const lo = Math.min(a.x, b.x) - 4 * CLEAR;
  const hi = Math.max(a.x, b.x) + 4 * CLEAR;
  const near: RouteBox[] = [];
  index.some(lo, hi, 0, (_id, box) => {
    near.push(box);
    return false;
  });
  const candidates: EdgeRoute[] = [];
  // Two bends: one vertical between the ends, where the target lies to the right.
  if (b.x - a.x >= 2 * STUB) {
    const mid = (a.x + b.x) / 2;
    const xs = new Set<number>([mid, a.x + STUB, b.x - STUB]);
    for (const o of near) {
      xs.add(o.x - CLEAR);
      xs.add(o.x + o.width + CLEAR);
    }
    const inRange = [...xs].filter((x) => x >= a.x + STUB - 0.01 && x <= b.x - STUB + 0.01);
    for (const x of nearest(inRange, mid, mid, MAX_XS)) candidates.push({ from: a, to: b, x1: x, y: null, x2: x });
  }
  // Four bends: out, along a channel, in.
  const outs = new Set<number>([a.x + STUB]);
  const ins = new Set<number>([b.x - STUB]);
  for (const o of near) {
    const r = o.x + o.width + CLEAR;
    const l = o.x - CLEAR;
    if (r > a.x + STUB && r < a.x + 12 * CLEAR) outs.add(r);
    if (l < b.x - STUB && l > b.x - 12 * CLEAR) ins.add(l);
  }
  const ys = new Set<number>([a.y, b.y]);
  for (const o of near) {
    ys.add(o.y - CLEAR);
    ys.add(o.y - CLEAR - 10);
    ys.add(o.y + o.height + CLEAR);
    ys.add(o.y + o.height + CLEAR + 10);
  }
  // The channels nearest the ends' heights, and the two that pass above and below everything.
  const channels = [...nearest([...ys], Math.min(a.y, b.y), Math.max(a.y, b.y), MAX_YS), extent.y - CLEAR, extent.y + extent.height + CLEAR];
  for (const x1 of nearest([...outs], a.x, a.x, MAX_TURNS))
    for (const x2 of nearest([...ins], b.x, b.x, MAX_TURNS)) for (const y of channels) candidates.push({ from: a, to: b, x1, y, x2 });
  const scored = candidates.map((r) => ({ r, c: routeCost(r, used) })).sort((p, q) => p.c - q.c);
  // Cheapest first, a bounded number of tries (a crowded or overlapping design would otherwise try thousands).
  for (let i = 0; i < scored.length && i < MAX_TRIES && budget.tries > 0; i++) {
    budget.tries--;
    const { r } = scored[i];
    if (!polylineBlocked(routePoints(r), index, CHECK, source, target, CHECK)) {
      if (r.y !== null) used.add({ y: r.y, minX: Math.min(r.x1, r.x2), maxX: Math.max(r.x1, r.x2) });
      return r;
    }
  }
  return null;
}

/**
 * The detours of a diagram's edges: one per edge whose plain curve would cross a box, keyed by edge id
 * (an edge that draws clear, or for which no clear detour is found, has none). boxes are absolute boxes
 * of the components and notes (zones left out); an edge's ends must be among them.
 */
export function routeEdges(
  boxes: ReadonlyMap<string, RouteBox>,
  edges: readonly RouteEdgeInput[],
  /** Filled with how many detours were tried (of MAX_TRIES_IN_ALL), for tests and benchmarks. */
  stats?: { tries: number },
): Map<string, EdgeRoute> {
  const out = new Map<string, EdgeRoute>();
  if (boxes.size === 0 || boxes.size > ROUTE_MAX_NODES) return out;
  const index = new BoxIndex(boxes);
  const extent = boxesBounds(boxes.values());
  const used = new Channels();
  const budget = { tries: MAX_TRIES_IN_ALL };
  // Edges of several kinds between one pair draw on one line, as on the canvas.
  const drawn = new Map<string, EdgeRoute | null>();
  for (const e of edges) {
    if (e.source === e.target) continue;
    const s = boxes.get(e.source);
    const t = boxes.get(e.target);
    if (!s || !t) continue;
    const a = { x: s.x + s.width, y: s.y + s.height / 2 };
    const b = { x: t.x, y: t.y + t.height / 2 };
    const pair = `${e.source}\u0000${e.target}`;
    let r = drawn.get(pair);
    if (r === undefined) {
      r = curveBlocked(a, b, index, e.source, e.target) ? findRoute(a, b, index, e.source, e.target, used, extent, budget) : null;
      drawn.set(pair, r);
    }
    if (r) out.set(e.id, r);
  }
  if (stats) stats.tries = MAX_TRIES_IN_ALL - budget.tries;
  return out;
}

/**
 * How many drawn edges still enter a box they do not end at (a detour where it has one, the curve
 * otherwise): what a user would see run through a component. Edges between one pair count once.
 */
export function countDrawnThroughEdges(
  boxes: ReadonlyMap<string, RouteBox>,
  edges: readonly RouteEdgeInput[],
  routes: ReadonlyMap<string, EdgeRoute>,
): { count: number; ids: string[] } {
  const index = new BoxIndex(boxes);
  const seen = new Set<string>();
  const ids: string[] = [];
  for (const e of edges) {
    if (e.source === e.target) continue;
    const s = boxes.get(e.source);
    const t = boxes.get(e.target);
    if (!s || !t) continue;
    const pair = `${e.source}\u0000${e.target}`;
    if (seen.has(pair)) continue;
    seen.add(pair);
    const a = { x: s.x + s.width, y: s.y + s.height / 2 };
    const b = { x: t.x, y: t.y + t.height / 2 };
    const r = routes.get(e.id);
    const blocked = r ? polylineBlocked(routePoints(r, a, b), index, 0, e.source, e.target, 0) : curveBlocked(a, b, index, e.source, e.target);
    if (blocked) ids.push(e.id);
  }
  return { count: ids.length, ids };
}

/**
 * The boxes edges are routed around: every component and note of the diagram at its absolute place,
 * sized by sizeOf (the canvas passes what it measured; the default is the nominal size). Zones are left out.
 */
export function routeBoxes(
  nodes: readonly DiagramNode[],
  sizeOf: (n: DiagramNode) => { width: number; height: number } = nodeSize,
): Map<string, RouteBox> {
  const out = new Map<string, RouteBox>();
  const at = absolutePositions(nodes);
  for (const n of nodes) {
    if (n.kind === 'group') continue;
    const p = at.get(n.id);
    if (!p) continue;
    const s = sizeOf(n);
    out.set(n.id, { x: p.x, y: p.y, width: s.width, height: s.height });
  }
  return out;
}

/** The new detours, or the old map when nothing changed (so the canvas's edges do not re-render). */
export function stableRoutes(old: ReadonlyMap<string, EdgeRoute>, next: ReadonlyMap<string, EdgeRoute>): ReadonlyMap<string, EdgeRoute> {
  if (old.size !== next.size) return next;
  for (const [id, r] of next) if (!sameRoute(old.get(id), r)) return next;
  return old;
}
