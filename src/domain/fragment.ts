import { MAX_COORD } from './format/limits';
import { absolutePositions, childrenOf, sortParentsFirst, type Diagram, type DiagramEdge, type DiagramNode, type XY } from './diagram';

/** What a copy holds: the selected nodes (with everything inside selected zones) and the edges between them. */
export interface Fragment {
  nodes: DiagramNode[];
  edges: DiagramEdge[];
}

/** The fragment of the diagram that a copy of the selection takes. Nodes whose zone is not copied become top-level, at their absolute place. */
export function copyFragment(d: Diagram, nodeIds: readonly string[]): Fragment {
  // Copying a zone copies its contents (a walk down the zone tree: linear, however deep).
  const children = childrenOf(d.nodes);
  const chosen = new Set<string>();
  const stack = [...nodeIds];
  while (stack.length) {
    const id = stack.pop()!;
    if (chosen.has(id)) continue;
    chosen.add(id);
    for (const c of children.get(id) ?? []) stack.push(c.id);
  }
  const at = absolutePositions(d.nodes);
  const nodes: DiagramNode[] = [];
  for (const n of d.nodes) {
    if (!chosen.has(n.id)) continue;
    if (n.parent && !chosen.has(n.parent)) {
      const { parent: _drop, ...rest } = n;
      nodes.push({ ...rest, position: at.get(n.id)! });
    } else nodes.push(n);
  }
  const edges = d.edges.filter((e) => chosen.has(e.source) && chosen.has(e.target));
  return { nodes, edges };
}

/** Maps one axis of a set of coordinates into ±MAX_COORD: unchanged when it fits, moved when it spans little enough, else scaled. */
function fitAxis(values: readonly number[]): (v: number) => number {
  let min = Infinity;
  let max = -Infinity;
  for (const v of values) {
    min = Math.min(min, v);
    max = Math.max(max, v);
  }
  if (!(min < -MAX_COORD || max > MAX_COORD)) return (v) => v;
  if (max - min <= 2 * MAX_COORD) {
    const shift = min < -MAX_COORD ? -MAX_COORD - min : MAX_COORD - max;
    return (v) => v + shift;
  }
  const k = (2 * MAX_COORD) / (max - min);
  return (v) => Math.min(MAX_COORD, Math.max(-MAX_COORD, Math.round(-MAX_COORD + (v - min) * k)));
}

/**
 * Top-level positions brought within the format's ±MAX_COORD as a group: moved together when they
 * fit side by side, scaled down together when they span more (a copy of nodes deep inside zones far
 * out can). Their arrangement is kept either way.
 */
export function fitWithinLimits(points: readonly XY[]): XY[] {
  const fx = fitAxis(points.map((p) => p.x));
  const fy = fitAxis(points.map((p) => p.y));
  return points.map((p) => ({ x: fx(p.x), y: fy(p.y) }));
}

/**
 * Pastes a fragment: every node and edge gets a fresh id, top-level pasted nodes move by `offset`
 * and, at the far edge, into the format's range (children keep their place in their pasted zone). Returns the new diagram and the pasted ids.
 */
export function pasteFragment(
  d: Diagram,
  f: Fragment,
  newId: (prefix: string, taken: (id: string) => boolean) => string,
  offset: XY,
): { diagram: Diagram; nodeIds: string[]; edgeIds: string[] } {
  const taken = new Set([...d.nodes.map((n) => n.id), ...d.edges.map((e) => e.id)]);
  const fresh = (prefix: string) => {
    const id = newId(prefix, (x) => taken.has(x));
    taken.add(id);
    return id;
  };
  const map = new Map<string, string>();
  for (const n of f.nodes) map.set(n.id, fresh('n'));
  // Where the top-level copies land: offset, then moved or scaled as one into the format's range.
  const tops = f.nodes.filter((n) => !(n.parent && map.has(n.parent)));
  const fitted = fitWithinLimits(tops.map((n) => ({ x: n.position.x + offset.x, y: n.position.y + offset.y })));
  const landing = new Map(tops.map((n, i) => [n.id, fitted[i]]));
  const nodes = sortParentsFirst(
    f.nodes.map((n) => {
      const parent = n.parent && map.has(n.parent) ? map.get(n.parent) : undefined;
      const { parent: _old, ...rest } = n;
      return {
        ...rest,
        id: map.get(n.id)!,
        ...(parent ? { parent } : {}),
        position: parent ? n.position : landing.get(n.id)!,
        props: { ...n.props },
      };
    }),
  );
  const edges = f.edges
    .filter((e) => map.has(e.source) && map.has(e.target))
    .map((e) => ({ ...e, id: fresh('e'), source: map.get(e.source)!, target: map.get(e.target)! }));
  return {
    diagram: { ...d, nodes: [...d.nodes, ...nodes], edges: [...d.edges, ...edges] },
    nodeIds: nodes.map((n) => n.id),
    edgeIds: edges.map((e) => e.id),
  };
}
