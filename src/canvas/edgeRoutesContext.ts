import { getBezierPath, type EdgeProps } from '@xyflow/react';
import { createContext, useContext } from 'react';
import type * as EdgePath from '../domain/edgePath';
import type { EdgeRoute } from '../domain/edgePath';

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
