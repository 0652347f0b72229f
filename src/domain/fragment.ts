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

/**
 * Pastes a fragment: every node and edge gets a fresh id, top-level pasted nodes move by `offset`
 * (children keep their place in their pasted zone). Returns the new diagram and the pasted ids.
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
  const nodes = sortParentsFirst(
    f.nodes.map((n) => {
      const parent = n.parent && map.has(n.parent) ? map.get(n.parent) : undefined;
      const { parent: _old, ...rest } = n;
      return {
        ...rest,
        id: map.get(n.id)!,
        ...(parent ? { parent } : {}),
        position: parent ? n.position : { x: n.position.x + offset.x, y: n.position.y + offset.y },
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
