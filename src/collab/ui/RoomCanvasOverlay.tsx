import { ViewportPortal, useReactFlow, useStore as useFlowStore, type ReactFlowState } from '@xyflow/react';
import { useEffect, type CSSProperties } from 'react';
import type { Peer } from '../room';
import { useRoom, useRoomView } from './useRoom';
import './room.css';

const zoomOf = (s: ReactFlowState) => s.transform[2];

/** The outline boxes of the nodes some peers have selected, as "id x y w h" lines (a string, so unchanged boxes re-render nothing). */
function selectionBoxes(peers: readonly Peer[]) {
  const wanted = new Set<string>();
  for (const p of peers) for (const id of p.selection.nodes) wanted.add(id);
  return (s: ReactFlowState): string => {
    if (!wanted.size) return '';
    let out = '';
    for (const id of wanted) {
      const n = s.nodeLookup.get(id);
      if (!n) continue;
      const { x, y } = n.internals.positionAbsolute;
      out += `${id} ${Math.round(x)} ${Math.round(y)} ${Math.round(n.measured.width ?? 0)} ${Math.round(n.measured.height ?? 0)}\n`;
    }
    return out;
  };
}

/**
 * What a room adds to the canvas: the peers' cursors with their names, the components they have selected
 * outlined in their colour, one's own pointer and view sent to them, and Follow (one's view tracks a
 * peer's). Rendered inside React Flow, in diagram coordinates.
 */
export function RoomCanvasOverlay() {
  const room = useRoom();
  const flow = useReactFlow();
  const peers = useRoomView((v) => v.peers) ?? [];
  const following = useRoomView((v) => v.following);
  const zoom = useFlowStore(zoomOf);
  const boxes = useFlowStore(selectionBoxes(peers));
  const width = useFlowStore((s) => s.width);
  const height = useFlowStore((s) => s.height);
  const domNode = useFlowStore((s) => s.domNode);

  // One's pointer, in diagram coordinates, for the peers.
  useEffect(() => {
    if (!room || !domNode) return;
    const move = (e: PointerEvent) => room.setCursor(flow.screenToFlowPosition({ x: e.clientX, y: e.clientY }));
    const leave = () => room.setCursor(null);
    // Panning or zooming oneself stops following.
    const takeOver = (e: Event) => {
      if (e.type === 'wheel' || (e.target as Element | null)?.closest?.('.react-flow__pane')) room.follow(null);
    };
    domNode.addEventListener('pointermove', move);
    domNode.addEventListener('pointerleave', leave);
    domNode.addEventListener('pointerdown', takeOver, true);
    domNode.addEventListener('wheel', takeOver, { capture: true, passive: true });
    return () => {
      domNode.removeEventListener('pointermove', move);
      domNode.removeEventListener('pointerleave', leave);
      domNode.removeEventListener('pointerdown', takeOver, true);
      domNode.removeEventListener('wheel', takeOver, true);
    };
  }, [room, domNode, flow]);

  // One's view (its centre and zoom), for a peer who follows.
  const tx = useFlowStore((s) => s.transform[0]);
  const ty = useFlowStore((s) => s.transform[1]);
  useEffect(() => {
    if (room && width && height) room.setView({ x: (width / 2 - tx) / zoom, y: (height / 2 - ty) / zoom, zoom });
  }, [room, tx, ty, zoom, width, height]);

  // Follow: show what the followed peer shows.
  const followed = following !== null ? peers.find((p) => p.clientId === following) : undefined;
  const fx = followed?.view?.x;
  const fy = followed?.view?.y;
  const fz = followed?.view?.zoom;
  useEffect(() => {
    if (fx !== undefined && fy !== undefined && fz !== undefined) void flow.setCenter(fx, fy, { zoom: fz, duration: 0 });
  }, [flow, fx, fy, fz]);

  const colourOf = new Map<string, string>();
  for (const p of peers) for (const id of p.selection.nodes) if (!colourOf.has(id)) colourOf.set(id, p.color);
  const scale = 1 / zoom;
  return (
    <ViewportPortal>
      <div className="room-layer" aria-hidden>
        {boxes
          .split('\n')
          .filter(Boolean)
          .map((line) => {
            const [id, x, y, w, h] = line.split(' ');
            return (
              <div
                key={id}
                className="peer-selection"
                style={{ transform: `translate(${Number(x) - 4}px, ${Number(y) - 4}px)`, width: Number(w) + 8, height: Number(h) + 8, borderColor: colourOf.get(id), borderWidth: Math.max(2, 2 * scale) } as CSSProperties}
              />
            );
          })}
        {peers
          .filter((p) => p.cursor)
          .map((p) => (
            <div
              key={p.clientId}
              className="peer-cursor"
              data-peer={p.name}
              style={{ transform: `translate(${p.cursor!.x}px, ${p.cursor!.y}px) scale(${scale})`, '--peer': p.color } as CSSProperties}
            >
              <svg width="18" height="18" viewBox="0 0 18 18" aria-hidden>
                <path d="M2 1 L2 15 L6 11 L9 17 L11.5 16 L8.6 10 L14 10 Z" fill="var(--peer)" stroke="#fff" strokeWidth="1.2" />
              </svg>
              <span className="peer-cursor-name">{p.name}</span>
            </div>
          ))}
      </div>
    </ViewportPortal>
  );
}
