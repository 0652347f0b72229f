import { Panel, useReactFlow, useStore as useFlowStore, useStoreApi } from '@xyflow/react';
import { useCallback, useEffect, useRef, type PointerEvent, type WheelEvent } from 'react';
import { nodeStage } from '../domain/diagram';
import { stageById } from '../domain/stages';
import type { FlowNode } from './flowTypes';

const W = 200;
const H = 140;
const PAD = 8;

function colourOf(n: FlowNode): string {
  if (n.type === 'note') return '#fde68a';
  const stage = nodeStage({ id: n.id, kind: n.data.kind, props: n.data.props, position: n.position });
  return stage ? stageById(stage).color : '#94a3b8';
}

/**
 * The minimap, drawn on one <canvas>: a rectangle per component in its stage colour, zones behind, the
 * view as an outline. React Flow's own minimap renders an SVG element per node (and re-renders them while
 * dragging); one canvas redrawn once per frame costs far less memory and time on large diagrams.
 * Click or drag on it to move the view; the wheel zooms. It does not redraw during a node drag.
 */
export function CanvasMiniMap({ paused = false }: { paused?: boolean }) {
  const ref = useRef<HTMLCanvasElement>(null);
  const store = useStoreApi<FlowNode>();
  const flow = useReactFlow<FlowNode>();
  // Re-draw when nodes or the view change; the selectors return what changes, the drawing reads the rest.
  // While paused (a node drag) the map does not even re-render on the drag's frames.
  const nodes = useFlowStore(useCallback((s: { nodes: unknown[] }) => (paused ? null : s.nodes), [paused]));
  const transform = useFlowStore((s) => s.transform);
  const size = useFlowStore((s) => `${s.width}x${s.height}`);
  const frame = useRef(0);
  const mapping = useRef({ x: 0, y: 0, scale: 1 });

  useEffect(() => {
    // While a node is dragged the map waits: it redraws once when the drag ends.
    if (paused) return;
    cancelAnimationFrame(frame.current);
    frame.current = requestAnimationFrame(() => {
      const canvas = ref.current;
      const ctx = canvas?.getContext('2d');
      if (!canvas || !ctx) return;
      const dpr = window.devicePixelRatio || 1;
      if (canvas.width !== W * dpr) {
        canvas.width = W * dpr;
        canvas.height = H * dpr;
      }
      const { nodeLookup, width, height, transform: [tx, ty, zoom] } = store.getState();
      const view = { x: -tx / zoom, y: -ty / zoom, w: width / zoom, h: height / zoom };
      let minX = view.x, minY = view.y, maxX = view.x + view.w, maxY = view.y + view.h;
      for (const n of nodeLookup.values()) {
        const p = n.internals.positionAbsolute;
        const w = n.measured.width ?? n.width ?? 0;
        const h = n.measured.height ?? n.height ?? 0;
        if (p.x < minX) minX = p.x;
        if (p.y < minY) minY = p.y;
        if (p.x + w > maxX) maxX = p.x + w;
        if (p.y + h > maxY) maxY = p.y + h;
      }
      const scale = Math.min((W - 2 * PAD) / Math.max(1, maxX - minX), (H - 2 * PAD) / Math.max(1, maxY - minY));
      const ox = PAD + ((W - 2 * PAD) - (maxX - minX) * scale) / 2 - minX * scale;
      const oy = PAD + ((H - 2 * PAD) - (maxY - minY) * scale) / 2 - minY * scale;
      mapping.current = { x: ox, y: oy, scale };
      ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
      ctx.clearRect(0, 0, W, H);
      const dark = document.documentElement.dataset.theme === 'dark';
      // Zones first, then components on top.
      for (const pass of [0, 1])
        for (const n of nodeLookup.values()) {
          const isZone = n.type === 'zone';
          if ((pass === 0) !== isZone) continue;
          const p = n.internals.positionAbsolute;
          const w = (n.measured.width ?? n.width ?? 0) * scale;
          const h = (n.measured.height ?? n.height ?? 0) * scale;
          ctx.fillStyle = isZone ? (dark ? 'rgba(148,163,184,0.14)' : 'rgba(100,116,139,0.12)') : colourOf(n as unknown as FlowNode);
          ctx.fillRect(ox + p.x * scale, oy + p.y * scale, Math.max(1.5, w), Math.max(1.5, h));
        }
      // Dim what is outside the view, outline the view.
      ctx.fillStyle = dark ? 'rgba(0,0,0,0.35)' : 'rgba(241,245,249,0.55)';
      const vx = ox + view.x * scale, vy = oy + view.y * scale, vw = view.w * scale, vh = view.h * scale;
      ctx.beginPath();
      ctx.rect(0, 0, W, H);
      ctx.rect(vx, vy, vw, vh);
      ctx.fill('evenodd');
      ctx.strokeStyle = dark ? '#6d9cff' : '#2563eb';
      ctx.lineWidth = 1.5;
      ctx.strokeRect(vx, vy, vw, vh);
    });
    return () => cancelAnimationFrame(frame.current);
  }, [nodes, transform, size, store, paused]);

  const centreOn = (e: PointerEvent<HTMLCanvasElement>) => {
    const r = e.currentTarget.getBoundingClientRect();
    const { x, y, scale } = mapping.current;
    const fx = (e.clientX - r.left - x) / scale;
    const fy = (e.clientY - r.top - y) / scale;
    void flow.setCenter(fx, fy, { zoom: flow.getZoom() });
  };

  return (
    <Panel position="bottom-right" className="minimap">
      <canvas
        ref={ref}
        style={{ width: W, height: H }}
        role="img"
        aria-label="Mini map"
        onPointerDown={(e) => {
          e.currentTarget.setPointerCapture(e.pointerId);
          centreOn(e);
        }}
        onPointerMove={(e) => {
          if (e.buttons & 1) centreOn(e);
        }}
        onWheel={(e: WheelEvent<HTMLCanvasElement>) => {
          void (e.deltaY < 0 ? flow.zoomIn({ duration: 80 }) : flow.zoomOut({ duration: 80 }));
        }}
      />
    </Panel>
  );
}
