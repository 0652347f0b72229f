import { useReactFlow } from '@xyflow/react';
import { useCallback } from 'react';
import type { KindId } from '../domain/catalogue';
import { DEFAULT_ZONE_SIZE, NODE_SIZE, absolutePositions, boxesBounds, nodeSize, zoneAt, type XY } from '../domain/diagram';
import { besideBox, freeSpot, obstacleBoxes } from '../domain/placement';
import { useDiagramStoreApi } from '../store/useDiagramStore';

export interface AddComponent {
  /** Adds a component centred on a client (screen) point if that point is over the canvas; returns its id. */
  atClientPoint(kind: KindId, clientX: number, clientY: number): string | null;
  /**
   * Adds a component for keyboard and click users: beside the selection (connected from it when one component is
   * selected), else at the next free spot near the centre of the view; never on top of another.
   */
  atCentre(kind: KindId): string;
  /** Adds a component centred on a diagram point, connected with `from` (dropped connections); returns its id. */
  connectedAt(kind: KindId, centre: XY, from: string, outgoing: boolean): string;
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
    (kind: KindId, centre: XY, place: 'exact' | 'free', connect?: { from: string; outgoing: boolean }): string => {
      const size = kind === 'group' ? DEFAULT_ZONE_SIZE : NODE_SIZE;
      const { nodes } = store.getState().diagram;
      const at = absolutePositions(nodes);
      let pos = { x: centre.x - size.width / 2, y: centre.y - size.height / 2 };
      // Keyboard and click adds take the nearest free spot: five Enters give five components side by side.
      if (place === 'free') pos = freeSpot(obstacleBoxes(nodes, { withZones: kind === 'group' }), pos, size);
      const zone = kind === 'group' ? undefined : zoneAt(nodes, { x: pos.x + size.width / 2, y: pos.y + size.height / 2 }, undefined, at);
      return store.getState().addNode({ kind, position: pos, ...(zone ? { parent: zone.id } : {}), ...(connect ? { connect } : {}) });
    },
    [store],
  );

  /** Pans (keeping the zoom) so that a node just added off screen comes into view. */
  const reveal = useCallback(
    (id: string) => {
      const r = canvasRect();
      const n = store.getState().diagram.nodes.find((x) => x.id === id);
      if (!r || !n) return;
      const p = absolutePositions(store.getState().diagram.nodes).get(id)!;
      const size = nodeSize(n);
      const a = flow.flowToScreenPosition(p);
      const b = flow.flowToScreenPosition({ x: p.x + size.width, y: p.y + size.height });
      // The smallest pan that brings it in with a margin: the chain it extends stays in view as far as it can.
      const M = 48;
      const dx = a.x < r.left + M ? r.left + M - a.x : b.x > r.right - M ? r.right - M - b.x : 0;
      const dy = a.y < r.top + M ? r.top + M - a.y : b.y > r.bottom - M ? r.bottom - M - b.y : 0;
      if (!dx && !dy) return;
      const v = flow.getViewport();
      void flow.setViewport({ x: v.x + dx, y: v.y + dy, zoom: v.zoom }, { duration: 200 });
    },
    [store, flow],
  );

  const atClientPoint = useCallback(
    (kind: KindId, clientX: number, clientY: number) => {
      const r = canvasRect();
      if (!r || clientX < r.left || clientX > r.right || clientY < r.top || clientY > r.bottom) return null;
      return addAt(kind, flow.screenToFlowPosition({ x: clientX, y: clientY }), 'exact');
    },
    [addAt, flow],
  );

  const atCentre = useCallback(
    (kind: KindId) => {
      const { diagram, selection } = store.getState();
      const byId = new Map(diagram.nodes.map((n) => [n.id, n]));
      const picked = selection.nodes.map((id) => byId.get(id)).filter((n) => n !== undefined);
      if (picked.length) {
        // Beside the selection, to its right; connected from it when it is one component.
        const at = absolutePositions(diagram.nodes);
        const bounds = boxesBounds(picked.map((n) => ({ ...at.get(n.id)!, ...nodeSize(n) })));
        const size = kind === 'group' ? DEFAULT_ZONE_SIZE : NODE_SIZE;
        const pos = besideBox(obstacleBoxes(diagram.nodes, { withZones: kind === 'group' }), bounds, size);
        const one = picked.length === 1 && picked[0].kind !== 'group' && picked[0].kind !== 'note' ? picked[0] : undefined;
        const id = addAt(kind, { x: pos.x + size.width / 2, y: pos.y + size.height / 2 }, 'exact', one ? { from: one.id, outgoing: true } : undefined);
        if (id) requestAnimationFrame(() => reveal(id));
        return id;
      }
      const r = canvasRect();
      const centre = r
        ? flow.screenToFlowPosition({ x: r.left + r.width / 2, y: r.top + r.height / 2 })
        : { x: 0, y: 0 };
      return addAt(kind, centre, 'free');
    },
    [addAt, flow, store, reveal],
  );

  const connectedAt = useCallback(
    (kind: KindId, centre: XY, from: string, outgoing: boolean) => addAt(kind, centre, 'exact', { from, outgoing }),
    [addAt],
  );

  return { atClientPoint, atCentre, connectedAt };
}
