import { absolutePositions, nodeSize, nodeStage, NODE_SIZE, type Diagram, type DiagramNode, type XY } from './diagram';
import type { StageId } from './stages';

/**
 * The stage-column layout of the first tidy up (kept as the fallback for very large containers, where a
 * layered layout would be slow). Left to right: requirements, objective and clients, then
 * data, model, evaluation, serving, monitoring. Each zone is laid out inside itself the same way and then
 * placed as one block in the column of its earliest stage. Within a column, items are ordered by the
 * average row of what feeds them (one barycentre sweep), which keeps most edges short and uncrossed.
 * Notes go in a row under their container's content. Linear-ish: O((n + e) log n).
 */

const COLUMN: Record<StageId, number> = {
  requirements: 0,
  framing: 0,
  data: 1,
  model: 2,
  evaluation: 3,
  serving: 4,
  monitoring: 5,
};

export const LAYOUT_GAP = { column: 84, row: 36, zonePadTop: 52, zonePad: 28, zoneGap: 48 } as const;

interface Item {
  id: string;
  column: number;
  width: number;
  height: number;
  order: number;
  pos: XY;
}

interface Laid {
  width: number;
  height: number;
  minColumn: number;
}

/** The stage column a plain node goes in. */
export function columnOf(n: DiagramNode): number {
  if (n.kind === 'client-app') return 0;
  const s = nodeStage(n);
  return s ? COLUMN[s] : 4;
}

/**
 * New positions (relative to each node's parent) and zone sizes that tidy the diagram up. Iterative:
 * zones are laid out innermost first from an explicit list, so 20,000 nested zones need no deep stack.
 */
export function columnLayout(d: Diagram): { positions: Map<string, XY>; sizes: Map<string, { width: number; height: number }> } {
  const positions = new Map<string, XY>();
  const sizes = new Map<string, { width: number; height: number }>();
  const byId = new Map(d.nodes.map((n) => [n.id, n]));
  const parentOf = (n: DiagramNode): string | undefined =>
    n.parent !== undefined && n.parent !== n.id && byId.get(n.parent)?.kind === 'group' ? n.parent : undefined;
  const children = new Map<string | undefined, DiagramNode[]>();
  for (const n of d.nodes) {
    const p = parentOf(n);
    const list = children.get(p);
    if (list) list.push(n);
    else children.set(p, [n]);
  }
  const index = new Map(d.nodes.map((n, i) => [n.id, i]));

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

  // Each edge orders the two items it joins in the container where their zone chains meet: there
  // one end's item feeds the other's (in a deeper container one end is outside; in a shallower one
  // both ends are inside the same item).
  const incoming = new Map<string, string[]>();
  for (const e of d.edges) {
    let a = byId.get(e.source);
    let b = byId.get(e.target);
    if (!a || !b || a === b || !depth.has(a.id) || !depth.has(b.id)) continue;
    while (depth.get(a.id)! > depth.get(b.id)!) a = byId.get(parentOf(a)!)!;
    while (depth.get(b.id)! > depth.get(a.id)!) b = byId.get(parentOf(b)!)!;
    while (a !== b && parentOf(a) !== parentOf(b)) {
      a = byId.get(parentOf(a)!)!;
      b = byId.get(parentOf(b)!)!;
    }
    if (a === b || a.kind === 'note' || b.kind === 'note') continue;
    const list = incoming.get(b.id);
    if (list) list.push(a.id);
    else incoming.set(b.id, [a.id]);
  }

  /** Lays out one container's direct children (its zones are laid out already); returns the content size. */
  const layoutContainer = (parentId: string | undefined, laid: ReadonlyMap<string, Laid>): Laid => {
    const kids = children.get(parentId) ?? [];
    const notes = kids.filter((k) => k.kind === 'note');
    const items: Item[] = [];
    for (const k of kids) {
      if (k.kind === 'note') continue;
      const inner = k.kind === 'group' ? laid.get(k.id) : undefined;
      if (inner) {
        const width = Math.max(inner.width + 2 * LAYOUT_GAP.zonePad, 220);
        const height = Math.max(inner.height + LAYOUT_GAP.zonePadTop + LAYOUT_GAP.zonePad, 140);
        sizes.set(k.id, { width, height });
        items.push({ id: k.id, column: inner.minColumn, width, height, order: index.get(k.id)!, pos: { x: 0, y: 0 } });
      } else {
        const { width, height } = nodeSize(k);
        items.push({ id: k.id, column: columnOf(k), width, height, order: index.get(k.id)!, pos: { x: 0, y: 0 } });
      }
    }

    // Columns in stage order; empty columns collapse.
    const columns = [...new Set(items.map((i) => i.column))].sort((a, b) => a - b);
    const rank = new Map<string, number>();
    // Initial order inside a column: requirements, objective, then the order in the file.
    const kindRank = (it: Item) => {
      const k = byId.get(it.id)!.kind;
      return k === 'requirements' ? 0 : k === 'ml-objective' ? 1 : k === 'client-app' ? 2 : 3;
    };
    let x = 0;
    let height = 0;
    for (const col of columns) {
      const inCol = items.filter((i) => i.column === col);
      const bary = (it: Item): number => {
        let sum = 0;
        let count = 0;
        for (const src of incoming.get(it.id) ?? []) {
          const r = rank.get(src);
          if (r !== undefined) {
            sum += r;
            count++;
          }
        }
        return count ? sum / count : Number.POSITIVE_INFINITY;
      };
      const scored = inCol.map((it) => ({ it, k: kindRank(it), b: bary(it) }));
      scored.sort((a, b) => a.k - b.k || (a.b === b.b ? 0 : a.b - b.b) || a.it.order - b.it.order);
      let y = 0;
      let width = 0;
      for (const { it } of scored) width = Math.max(width, it.width);
      for (const { it } of scored) {
        it.pos = { x: x + (width - it.width) / 2, y };
        rank.set(it.id, y + it.height / 2);
        y += it.height + (byId.get(it.id)?.kind === 'group' ? LAYOUT_GAP.zoneGap : LAYOUT_GAP.row);
      }
      height = Math.max(height, y - LAYOUT_GAP.row);
      x += width + LAYOUT_GAP.column;
    }
    let width = Math.max(0, x - LAYOUT_GAP.column);
    // Notes in a row under the content.
    if (notes.length) {
      let nx = 0;
      const ny = height + (items.length ? LAYOUT_GAP.zoneGap : 0);
      for (const n of notes) {
        positions.set(n.id, { x: nx, y: ny });
        nx += NODE_SIZE.width + LAYOUT_GAP.row;
      }
      width = Math.max(width, nx - LAYOUT_GAP.row);
      height = ny + NODE_SIZE.height;
    }
    const inset = parentId ? { x: LAYOUT_GAP.zonePad, y: LAYOUT_GAP.zonePadTop } : { x: 0, y: 0 };
    for (const it of items) positions.set(it.id, { x: Math.round(it.pos.x + inset.x), y: Math.round(it.pos.y + inset.y) });
    if (parentId) for (const n of notes) {
      const p = positions.get(n.id)!;
      positions.set(n.id, { x: p.x + inset.x, y: p.y + inset.y });
    }
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
  const tops = d.nodes.filter((n) => !n.parent || !byId.has(n.parent));
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
  return { positions, sizes };
}

/** Pairs of node ids whose boxes (absolute, nominal sizes) overlap; zones are checked against zones only, never against their own contents. */
export function overlappingPairs(d: Diagram): [string, string][] {
  const byId = new Map(d.nodes.map((n) => [n.id, n]));
  const at = absolutePositions(d.nodes);
  const boxes = d.nodes.map((n) => ({ n, ...at.get(n.id)!, ...nodeSize(n) }));
  const ancestors = (n: DiagramNode) => {
    const out = new Set<string>();
    let p = n.parent;
    while (p && !out.has(p)) {
      out.add(p);
      p = byId.get(p)?.parent;
    }
    return out;
  };
  const out: [string, string][] = [];
  for (let i = 0; i < boxes.length; i++)
    for (let j = i + 1; j < boxes.length; j++) {
      const a = boxes[i];
      const b = boxes[j];
      const aZone = a.n.kind === 'group';
      const bZone = b.n.kind === 'group';
      if (aZone !== bZone) {
        // A zone and a node: only a problem when the node is not inside that zone but overlaps it.
        const zone = aZone ? a : b;
        const node = aZone ? b : a;
        if (ancestors(node.n).has(zone.n.id)) continue;
      }
      if (aZone && bZone && (ancestors(a.n).has(b.n.id) || ancestors(b.n).has(a.n.id))) continue;
      if (a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height) out.push([a.n.id, b.n.id]);
    }
  return out;
}
