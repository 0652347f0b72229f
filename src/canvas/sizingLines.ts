import type { DiagramNode } from '../domain/diagram';
import { sizeDiagram } from '../domain/sizing/sizing';

/** The small sizing line of each sized component, by node id ("15.4 TB RAM", "~4 x 8 H100"). */
export function nodeSizingLines(nodes: readonly DiagramNode[]): ReadonlyMap<string, string> {
  const out = new Map<string, string>();
  for (const s of sizeDiagram({ nodes: nodes as DiagramNode[] }).nodes) if (s.line) out.set(s.node.id, s.line);
  return out;
}
