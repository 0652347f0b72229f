import type { DiagramNode } from '../domain/diagram';
import { sizeDiagram } from '../domain/sizing/sizing';

/** The small sizing line of each sized component, by node id ("15.4 TB RAM", "~4 x 8 H100"), and the derived QPS on the Requirements card. */
export function nodeSizingLines(nodes: readonly DiagramNode[]): ReadonlyMap<string, string> {
  const out = new Map<string, string>();
  const { scale, nodes: sized } = sizeDiagram({ nodes: nodes as DiagramNode[] });
  for (const s of sized) if (s.line) out.set(s.node.id, s.line);
  // A Requirements card shows the QPS its DAU give (a QPS it states is on its own second line already).
  if (scale.card && scale.peakQps && typeof scale.card.props.qps !== 'number') out.set(scale.card.id, `~${scale.peakQps.text} at peak`);
  return out;
}
