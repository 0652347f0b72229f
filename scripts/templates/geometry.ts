/** Layout checks for templates: overlapping boxes and children outside their zone. */
import { absolutePosition, nodeSize, type Diagram, type DiagramNode } from '../../src/domain/diagram';

/** Top margin a zone keeps above its children for its label; the other sides keep SIDE_MARGIN. */
export const TOP_MARGIN = 40;
export const SIDE_MARGIN = 24;

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

const overlaps = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/** Every absolute box of the diagram, by node id. */
export function boxes(diagram: Diagram): Map<string, Box> {
  const byId = new Map(diagram.nodes.map((n) => [n.id, n]));
  return new Map(diagram.nodes.map((n) => [n.id, { ...absolutePosition(n, byId), ...nodeSize(n) }]));
}

function isAncestor(ancestor: DiagramNode, node: DiagramNode, byId: Map<string, DiagramNode>): boolean {
  let p = node.parent;
  const seen = new Set<string>();
  while (p && !seen.has(p)) {
    if (p === ancestor.id) return true;
    seen.add(p);
    p = byId.get(p)?.parent;
  }
  return false;
}

/** Pairs of nodes whose boxes overlap (a zone is not compared with its own descendants). */
export function overlappingPairs(diagram: Diagram): [string, string][] {
  const byId = new Map(diagram.nodes.map((n) => [n.id, n]));
  const box = boxes(diagram);
  const out: [string, string][] = [];
  const nodes = diagram.nodes;
  for (let i = 0; i < nodes.length; i++) {
    for (let j = i + 1; j < nodes.length; j++) {
      const a = nodes[i];
      const b = nodes[j];
      if (isAncestor(a, b, byId) || isAncestor(b, a, byId)) continue;
      if (overlaps(box.get(a.id)!, box.get(b.id)!)) out.push([a.id, b.id]);
    }
  }
  return out;
}

/** Children that are not inside their zone's box with the required margins. */
export function childrenOutsideZone(diagram: Diagram): string[] {
  const byId = new Map(diagram.nodes.map((n) => [n.id, n]));
  const box = boxes(diagram);
  const out: string[] = [];
  for (const n of diagram.nodes) {
    if (!n.parent) continue;
    const zone = box.get(n.parent);
    const b = box.get(n.id)!;
    if (!zone || byId.get(n.parent)?.kind !== 'group') {
      out.push(`${n.id}: parent ${n.parent} is not a zone`);
      continue;
    }
    const inside =
      b.x >= zone.x + SIDE_MARGIN &&
      b.y >= zone.y + TOP_MARGIN &&
      b.x + b.width <= zone.x + zone.width - SIDE_MARGIN &&
      b.y + b.height <= zone.y + zone.height - SIDE_MARGIN;
    if (!inside) out.push(`${n.id} is not inside zone ${n.parent}`);
  }
  return out;
}

/** React Flow's bezier control offset (getBezierPath, curvature 0.25). */
function controlOffset(distance: number): number {
  return distance >= 0 ? 0.5 * distance : 0.25 * 25 * Math.sqrt(-distance);
}

/** The cubic bezier React Flow draws for an edge from a right-side handle to a left-side handle. */
export function edgeCurve(source: Box, target: Box): [number, number][] {
  const x1 = source.x + source.width;
  const y1 = source.y + source.height / 2;
  const x2 = target.x;
  const y2 = target.y + target.height / 2;
  return [
    [x1, y1],
    [x1 + controlOffset(x2 - x1), y1],
    [x2 - controlOffset(x2 - x1), y2],
    [x2, y2],
  ];
}

/** For each edge whose drawn curve passes through other component boxes, the ids of those nodes. */
export function edgesThroughNodes(diagram: Diagram): { edge: string; through: string[] }[] {
  const box = boxes(diagram);
  const comps = diagram.nodes.filter((n) => n.kind !== 'group');
  const out: { edge: string; through: string[] }[] = [];
  for (const e of diagram.edges) {
    const [p0, p1, p2, p3] = edgeCurve(box.get(e.source)!, box.get(e.target)!);
    const pts: [number, number][] = [];
    for (let i = 1; i < 80; i++) {
      const t = i / 80;
      const u = 1 - t;
      pts.push([
        u * u * u * p0[0] + 3 * u * u * t * p1[0] + 3 * u * t * t * p2[0] + t * t * t * p3[0],
        u * u * u * p0[1] + 3 * u * u * t * p1[1] + 3 * u * t * t * p2[1] + t * t * t * p3[1],
      ]);
    }
    const through = comps
      .filter((n) => n.id !== e.source && n.id !== e.target)
      .filter((n) => {
        const b = box.get(n.id)!;
        return pts.some(([x, y]) => x > b.x + 4 && x < b.x + b.width - 4 && y > b.y + 4 && y < b.y + b.height - 4);
      })
      .map((n) => n.id);
    if (through.length) out.push({ edge: e.id, through });
  }
  return out;
}
