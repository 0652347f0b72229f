import { getBezierPath, type EdgeProps } from '@xyflow/react';
import { createContext, useContext, useEffect, useMemo, useRef, useState } from 'react';
import { nodeSize, type DiagramEdge, type DiagramNode } from '../domain/diagram';
import type * as EdgePath from '../domain/edgePath';
import type { EdgeRoute } from '../domain/edgePath';
import type * as RouterModule from '../domain/edgeRoutes';

/**
 * The canvas's edge detours by edge id (computed once per change of the diagram's geometry, not per edge or
 * per drag frame) and the code that draws them; both arrive with the router, after the first paint.
 */
export interface EdgeRouting {
  routes: ReadonlyMap<string, EdgeRoute>;
  draw: Pick<typeof EdgePath, 'roundedPath' | 'routeLabelPoint' | 'routePoints'> | null;
}

export const NO_ROUTING: EdgeRouting = { routes: new Map(), draw: null };
export const EdgeRoutesContext = createContext<EdgeRouting>(NO_ROUTING);

/** Handles sit a few pixels off the box a detour was planned from. */
const near = (p: number, q: number) => Math.abs(p - q) <= 12;

/**
 * An edge's SVG path and label point: around the components its curve would cross, when the canvas found a
 * detour planned for these ends (while an end is dragged its handle moves away from the plan and the curve
 * is drawn until the drop), React Flow's bezier otherwise.
 */
export function useEdgePath(
  id: string,
  { sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition }: Pick<EdgeProps, 'sourceX' | 'sourceY' | 'targetX' | 'targetY' | 'sourcePosition' | 'targetPosition'>,
): [path: string, labelX: number, labelY: number] {
  const { routes, draw } = useContext(EdgeRoutesContext);
  const route = routes.get(id);
  if (route && draw && near(route.from.x, sourceX) && near(route.from.y, sourceY) && near(route.to.x, targetX) && near(route.to.y, targetY)) {
    const pts = draw.routePoints(route, { x: sourceX, y: sourceY }, { x: targetX, y: targetY });
    const at = draw.routeLabelPoint(pts);
    return [draw.roundedPath(pts), at.x, at.y];
  }
  const [path, lx, ly] = getBezierPath({ sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition });
  return [path, lx, ly];
}

/**
 * The canvas's detours: the search (src/domain/edgeRoutes) loads after the first paint and runs once per change of
 * the geometry (positions, zones, measured sizes, which edges join what); typing in a label or a card does not
 * search again, and a drag's frames never reach the diagram, so they do not either. Off when `enabled` is false
 * (large designs) or past the router's size limit.
 */
export function useEdgeRouting(
  nodes: readonly DiagramNode[],
  edges: readonly DiagramEdge[],
  measured: ReadonlyMap<string, { width: number; height: number }>,
  measureVersion: number,
  enabled: boolean,
): EdgeRouting {
  const [router, setRouter] = useState<typeof RouterModule | null>(null);
  useEffect(() => {
    let live = true;
    import('../domain/edgeRoutes').then((m) => live && setRouter(m), () => {});
    return () => {
      live = false;
    };
  }, []);
  const last = useRef<EdgeRouting>(NO_ROUTING);
  const on = enabled && router !== null && nodes.length <= router.ROUTE_MAX_NODES;
  const sizeOf = (n: DiagramNode) => (n.kind === 'group' ? nodeSize(n) : (measured.get(n.id) ?? nodeSize(n)));
  const geometry = useMemo(() => {
    if (!on) return '';
    let key = '';
    for (const n of nodes) {
      const m = sizeOf(n);
      key += `${n.id}\u0001${n.kind === 'group' ? 'g' : ''}${n.parent ?? ''}\u0001${n.position.x},${n.position.y},${m.width},${m.height}\n`;
    }
    for (const e of edges) key += `${e.id}\u0001${e.source}\u0001${e.target}\n`;
    return key;
    // measureVersion: the measured map is mutated in place
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [on, nodes, edges, measured, measureVersion]);
  return useMemo(() => {
    if (!on || !router) return (last.current = NO_ROUTING);
    const old = last.current;
    const next = router.stableRoutes(old.routes, router.routeEdges(router.routeBoxes(nodes, sizeOf), edges));
    return (last.current = next === old.routes && old.draw === router ? old : { routes: next, draw: router });
    // geometry stands for the nodes, edges and measured sizes read here
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [on, router, geometry]);
}
