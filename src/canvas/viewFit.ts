import type { ReactFlowInstance } from '@xyflow/react';
import { absolutePositions, boxesBounds, nodeSize, type Diagram } from '../domain/diagram';
import type { FlowEdge, FlowNode } from './flowTypes';

/**
 * Above these counts the canvas hands React Flow only the components near the view (and the
 * connections between them). React Flow renders every node it is given at least once, to measure
 * it, even with onlyRenderVisibleElements: a 20,000-component design took it 36 s. Below these counts
 * everything is given, as before (a pass over the view per frame would cost the drag benchmark's
 * 500 components frames it wins by a small margin).
 */
export const CULL_ABOVE = { nodes: 1_000, edges: 2_000 } as const;

/** How the view frames components shown from elsewhere (a finding, a find, zoom to selection): close enough to read, animated. */
export const REVEAL_VIEW = { padding: 0.4, maxZoom: 1.25, duration: 350 };

/** True when the canvas shows this design through its own culling. */
export const isLarge = (d: Pick<Diagram, 'nodes' | 'edges'>): boolean => d.nodes.length > CULL_ABOVE.nodes || d.edges.length > CULL_ABOVE.edges;

/**
 * Frames components (all when `ids` is absent), like fitView; for a large design from the diagram's
 * own boxes, since React Flow holds only what is near the view.
 */
export function fitComponents(
  flow: ReactFlowInstance<FlowNode, FlowEdge>,
  d: Pick<Diagram, 'nodes' | 'edges'>,
  options: { padding?: number; maxZoom?: number; duration?: number },
  ids?: readonly string[],
): void {
  if (!isLarge(d)) {
    void flow.fitView({ ...options, ...(ids ? { nodes: ids.map((id) => ({ id })) } : {}) });
    return;
  }
  const at = absolutePositions(d.nodes);
  const wanted = ids ? new Set(ids) : null;
  const boxes = d.nodes.filter((n) => !wanted || wanted.has(n.id)).map((n) => ({ ...at.get(n.id)!, ...nodeSize(n) }));
  if (!boxes.length) return;
  const b = boxesBounds(boxes);
  void flow.fitBounds(b, { padding: options.padding, duration: options.duration }).then(() => {
    if (options.maxZoom !== undefined && flow.getZoom() > options.maxZoom) void flow.zoomTo(options.maxZoom);
  });
}
