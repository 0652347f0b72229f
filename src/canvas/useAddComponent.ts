import { useReactFlow } from '@xyflow/react';
import { useCallback } from 'react';
import type { KindId } from '../domain/catalogue';
import { DEFAULT_ZONE_SIZE, NODE_SIZE, absolutePositions, zoneAt, type XY } from '../domain/diagram';
import { useDiagramStoreApi } from '../store/useDiagramStore';

export interface AddComponent {
  /** Adds a component centred on a client (screen) point if that point is over the canvas; returns its id. */
  atClientPoint(kind: KindId, clientX: number, clientY: number): string | null;
  /** Adds a component at the centre of the current view (keyboard and click users). */
  atCentre(kind: KindId): string;
}

/** The canvas element's on-screen box. */
export function canvasRect(): DOMRect | null {
  return document.querySelector('.canvas .react-flow')?.getBoundingClientRect() ?? null;
}

/** Adds components to the canvas where the user points, inside the zone under that point. */
export function useAddComponent(): AddComponent {
  const store = useDiagramStoreApi();
  const flow = useReactFlow();

  const addAt = useCallback(
    (kind: KindId, centre: XY, avoidStacking: boolean): string => {
      const size = kind === 'group' ? DEFAULT_ZONE_SIZE : NODE_SIZE;
      const { nodes } = store.getState().diagram;
      const at = absolutePositions(nodes);
      let pos = { x: centre.x - size.width / 2, y: centre.y - size.height / 2 };
      if (avoidStacking) {
        // Repeated keyboard adds at the same centre step down and right instead of piling up.
        const taken = [...at.values()];
        for (let i = 0; i < 40 && taken.some((p) => Math.abs(p.x - pos.x) < 12 && Math.abs(p.y - pos.y) < 12); i++)
          pos = { x: pos.x + 24, y: pos.y + 24 };
      }
      const zone = kind === 'group' ? undefined : zoneAt(nodes, { x: pos.x + size.width / 2, y: pos.y + size.height / 2 }, undefined, at);
      return store.getState().addNode({ kind, position: pos, ...(zone ? { parent: zone.id } : {}) });
    },
    [store],
  );

  const atClientPoint = useCallback(
    (kind: KindId, clientX: number, clientY: number) => {
      const r = canvasRect();
      if (!r || clientX < r.left || clientX > r.right || clientY < r.top || clientY > r.bottom) return null;
      return addAt(kind, flow.screenToFlowPosition({ x: clientX, y: clientY }), false);
    },
    [addAt, flow],
  );

  const atCentre = useCallback(
    (kind: KindId) => {
      const r = canvasRect();
      const centre = r
        ? flow.screenToFlowPosition({ x: r.left + r.width / 2, y: r.top + r.height / 2 })
        : { x: 0, y: 0 };
      return addAt(kind, centre, true);
    },
    [addAt, flow],
  );

  return { atClientPoint, atCentre };
}
