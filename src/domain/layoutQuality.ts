import { boxesBounds, nodeSize, type Box, type Diagram, type DiagramNode, type XY } from './diagram';
import { segmentEntersBox } from './edgePath';

/**
 * How readable a diagram's layout is, measured on the nominal boxes (absolute coordinates). Edges are
 * straight segments from the source's out-handle (right middle) to the target's in-handle (left
 * middle), as the canvas draws them give or take the curve.
 */
export interface LayoutQuality {
  /** Pairs of edges whose segments cross (edges sharing a node never count). */
  crossings: number;
  /** Edges whose segment passes through the box of a component (or note) that is neither of its ends. */
  throughEdges: number;
  /** Pairs of boxes that overlap, where neither is a zone holding the other. */
  overlaps: number;
  /** Nodes that stick out of the zone holding them. */
  escapes: number;
  /** The box around every node. */
  bounds: Box;
  /** Its area in px². */
  area: number;
  /** Ids of the components some edge passes through, and of that edge's ends (what a repair could move). */
  hits: string[];
}

interface Seg {
  a: XY;
  b: XY;
  s: string;
  t: string;
  minX: number;
  maxX: number;
  minY: number;
  maxY: number;
}

const EPS = 1e-9;

function orient(p: XY, q: XY, r: XY): number {
  const v = (q.x - p.x) * (r.y - p.y) - (q.y - p.y) * (r.x - p.x);
  return Math.abs(v) < EPS ? 0 : v > 0 ? 1 : -1;
}

/** Whether two segments cross properly (touching ends or collinear overlap do not count). */
function crosses(p: Seg, q: Seg): boolean {
  const o1 = orient(p.a, p.b, q.a);
  const o2 = orient(p.a, p.b, q.b);
  const o3 = orient(q.a, q.b, p.a);
  const o4 = orient(q.a, q.b, p.b);
  return o1 * o2 < 0 && o3 * o4 < 0;
}

/** Whether a segment passes through the inside of a box (shrunk by a pixel so grazing an edge does not count). */
function segmentHitsBox(s: Seg, b: Box): boolean {
  if (s.maxX <= b.x + 1 || s.minX >= b.x + b.width - 1 || s.maxY <= b.y + 1 || s.minY >= b.y + b.height - 1) return false;
  return segmentEntersBox(s.a.x, s.a.y, s.b.x, s.b.y, b, -1);
}

/** Counts overlapping pairs among boxes with a sweep over x (sorted once). */
function countOverlaps(boxes: Box[]): number {
  if (boxes.length < 2) return 0;
  const sorted = boxes.slice().sort((a, b) => a.x - b.x);
  let count = 0;
  for (let i = 0; i < sorted.length; i++) {
    const a = sorted[i];
    for (let j = i + 1; j < sorted.length; j++) {
      const b = sorted[j];
      if (b.x >= a.x + a.width) break;
      if (a.y < b.y + b.height && b.y < a.y + a.height) count++;
    }
  }
  return count;
}

/**
 * The layout figures of a diagram: crossings, edges through components, overlaps, escapes and the
 * bounding box. Siblings are checked against each other and children against their zone, which covers
 * every pair (two nodes in different zones are apart when their zones are); each node's parent is read
 * once, so 20,000 nested zones cost a linear walk.
 */
export function layoutQuality(d: Diagram): LayoutQuality {
  const byId = new Map<string, DiagramNode>();
  for (const n of d.nodes) if (!byId.has(n.id)) byId.set(n.id, n);
  const parentOf = new Map<string, string | undefined>();
  for (const n of byId.values()) {
    const p = n.parent;
    parentOf.set(n.id, p !== undefined && p !== n.id && byId.has(p) ? p : undefined);
  }
  // Absolute boxes: each node's corner from its parent's, walking up an explicit chain (no deep stack).
  const box = new Map<string, Box>();
  const chain: DiagramNode[] = [];
  for (const n of byId.values()) {
    chain.length = 0;
    let cur: DiagramNode | undefined = n;
    while (cur && !box.has(cur.id) && chain.length <= byId.size) {
      chain.push(cur);
      const p = parentOf.get(cur.id);
      cur = p === undefined ? undefined : byId.get(p);
    }
    let origin = cur && box.has(cur.id) ? box.get(cur.id)! : { x: 0, y: 0 };
    for (let i = chain.length - 1; i >= 0; i--) {
      const c = chain[i];
      const b = { x: origin.x + c.position.x, y: origin.y + c.position.y, ...nodeSize(c) };
      box.set(c.id, b);
      origin = b;
    }
  }

  // Overlaps among siblings, escapes from the zone.
  const siblings = new Map<string | undefined, Box[]>();
  let escapes = 0;
  for (const n of byId.values()) {
    const p = parentOf.get(n.id);
    const b = box.get(n.id)!;
    const list = siblings.get(p);
    if (list) list.push(b);
    else siblings.set(p, [b]);
    if (p !== undefined) {
      const z = box.get(p)!;
      if (b.x < z.x || b.y < z.y || b.x + b.width > z.x + z.width || b.y + b.height > z.y + z.height) escapes++;
    }
  }
  let overlaps = 0;
  for (const list of siblings.values()) overlaps += countOverlaps(list);

  // Edge segments, handle to handle.
  const segs: Seg[] = [];
  const seen = new Set<string>();
  for (const e of d.edges) {
    if (e.source === e.target) continue;
    const sb = box.get(e.source);
    const tb = box.get(e.target);
    if (!sb || !tb) continue;
    const key = `${e.source}\u0000${e.target}`;
    if (seen.has(key)) continue; // parallel edges of several kinds draw as one line for these counts
    seen.add(key);
    const a = { x: sb.x + sb.width, y: sb.y + sb.height / 2 };
    const b = { x: tb.x, y: tb.y + tb.height / 2 };
    segs.push({ a, b, s: e.source, t: e.target, minX: Math.min(a.x, b.x), maxX: Math.max(a.x, b.x), minY: Math.min(a.y, b.y), maxY: Math.max(a.y, b.y) });
  }
  segs.sort((p, q) => p.minX - q.minX);
  let crossings = 0;
  for (let i = 0; i < segs.length; i++) {
    const p = segs[i];
    for (let j = i + 1; j < segs.length; j++) {
      const q = segs[j];
      if (q.minX > p.maxX) break;
      if (q.minY > p.maxY || q.maxY < p.minY) continue;
      if (p.s === q.s || p.s === q.t || p.t === q.s || p.t === q.t) continue;
      if (crosses(p, q)) crossings++;
    }
  }

  // Edges through components: obstacles sorted by x, each segment checks those in its x range.
  const obstacles: { id: string; b: Box }[] = [];
  for (const n of byId.values()) if (n.kind !== 'group') obstacles.push({ id: n.id, b: box.get(n.id)! });
  obstacles.sort((p, q) => p.b.x - q.b.x);
  const xs = obstacles.map((o) => o.b.x);
  const firstAtOrAfter = (x: number) => {
    let lo = 0;
    let hi = xs.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (xs[mid] < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const widest = obstacles.reduce((m, o) => Math.max(m, o.b.width), 0);
  let throughEdges = 0;
  const hits: string[] = [];
  for (const s of segs) {
    for (let i = firstAtOrAfter(s.minX - widest); i < obstacles.length && obstacles[i].b.x < s.maxX; i++) {
      const o = obstacles[i];
      if (o.id === s.s || o.id === s.t) continue;
      if (segmentHitsBox(s, o.b)) {
        throughEdges++;
        if (hits.length < 64) hits.push(o.id, s.s, s.t);
        break;
      }
    }
  }

  const bounds = boxesBounds(box.values());
  return { crossings, throughEdges, overlaps, escapes, bounds, area: bounds.width * bounds.height, hits };
}

/**
 * Whether a candidate layout is better than the current one and never worse: it has no overlaps or
 * escapes, and either it removes the current one's overlaps, or it has no more crossings, edges through
 * components or area than now and is strictly better in at least one of them.
 */
export function isBetterLayout(candidate: LayoutQuality, current: LayoutQuality): boolean {
  if (candidate.overlaps + candidate.escapes > 0) return false;
  if (current.overlaps + current.escapes > 0) return true;
  const notWorse = candidate.crossings <= current.crossings && candidate.throughEdges <= current.throughEdges && candidate.area <= current.area;
  const better = candidate.crossings < current.crossings || candidate.throughEdges < current.throughEdges || candidate.area < current.area * 0.97;
  return notWorse && better;
}

/** The canvas a layout is judged to read on: a 1440 x 900 window less the palette, side column and header. */
export const FIT_CANVAS = { width: 1200, height: 800 } as const;

/** The zoom at which a layout's bounding box fits FIT_CANVAS (with fit view's 10 % margin), capped at 1. */
export function fitZoom(q: Pick<LayoutQuality, 'bounds'>): number {
  const w = q.bounds.width * 1.1;
  const h = q.bounds.height * 1.1;
  if (w <= 0 || h <= 0) return 1;
  return Math.min(1, FIT_CANVAS.width / w, FIT_CANVAS.height / h);
}
