import { nodeSize, type Diagram, type XY } from './diagram';

/** Room kept between a zone's edge and what it holds. */
const PAD = 28;
import { layoutQuality, type LayoutQuality } from './layoutQuality';

/** What a refinement minimises: overlaps and escapes first, then edges through components, then crossings. */
export const layoutCost = (q: LayoutQuality): number => 1000 * (q.overlaps + q.escapes) + 10 * q.throughEdges + q.crossings;

const STEPS: XY[] = [];
for (const dy of [24, 48, 72, 96, 120, 168, 216, 288]) STEPS.push({ x: 0, y: dy }, { x: 0, y: -dy });
for (const dx of [48, 96]) STEPS.push({ x: dx, y: 0 }, { x: -dx, y: 0 });

/**
 * A gentle repair of a layout: components that an edge runs through (and that edge's ends) are moved a
 * little, one at a time, keeping a move only when it lowers layoutCost without growing the box beyond
 * `maxArea`. Bounded: at most `budget` layouts are measured, so it stays quick on large diagrams.
 */
export function refineLayout(d: Diagram, maxArea: number, budget = 600): { diagram: Diagram; quality: LayoutQuality } {
  let nodes = d.nodes.slice();
  const indexOf = new Map<string, number>();
  nodes.forEach((n, i) => {
    if (!indexOf.has(n.id)) indexOf.set(n.id, i);
  });
  let current: Diagram = { ...d, nodes };
  let q = layoutQuality(current);
  let cost = layoutCost(q);
  let evals = 1;
  let improved = true;
  while (improved && q.throughEdges > 0 && evals < budget) {
    improved = false;
    const candidates = [...new Set(q.hits)];
    for (const id of candidates) {
      const i = indexOf.get(id);
      if (i === undefined || nodes[i].kind === 'group') continue;
      let best: { nodes: typeof nodes; q: LayoutQuality; cost: number } | undefined;
      for (const step of STEPS) {
        if (evals >= budget) break;
        const n = nodes[i];
        const trial = nodes.slice();
        const moved = { ...n, position: { x: n.position.x + step.x, y: n.position.y + step.y } };
        trial[i] = moved;
        // A zone grows to the right and downwards to keep a component moved past its edge.
        const z = n.parent !== undefined ? indexOf.get(n.parent) : undefined;
        if (z !== undefined && nodes[z].kind === 'group') {
          const zone = nodes[z];
          const { width, height } = nodeSize(zone);
          const size = nodeSize(moved);
          const w = Math.max(width, moved.position.x + size.width + PAD);
          const h = Math.max(height, moved.position.y + size.height + PAD);
          if (w !== width || h !== height) trial[z] = { ...zone, props: { ...zone.props, width: w, height: h } };
        }
        const tq = layoutQuality({ ...current, nodes: trial });
        evals++;
        const c = layoutCost(tq);
        if (c < (best?.cost ?? cost) && tq.area <= maxArea) best = { nodes: trial, q: tq, cost: c };
      }
      if (best) {
        nodes = best.nodes;
        current = { ...current, nodes };
        q = best.q;
        cost = best.cost;
        improved = true;
        break; // the hits have changed: start again from the new ones
      }
    }
  }
  return { diagram: current, quality: q };
}
