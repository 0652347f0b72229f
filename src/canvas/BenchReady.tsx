import { useNodesInitialized } from '@xyflow/react';
import { useEffect } from 'react';
import type { DiagramStore } from '../store/diagramStore';

declare global {
  interface Window {
    __ready?: number;
    __dragPoint?: () => { x: number; y: number } | null;
    __probe?: () => unknown;
  }
}

/**
 * The peer benchmark's contract for `?bench=N`: `window.__ready` once the diagram is measured and painted
 * (after fonts and two animation frames), where to grab box 1, and where box 1 is.
 */
export function BenchReady({ store, empty }: { store: DiagramStore; empty: boolean }) {
  const initialized = useNodesInitialized();
  useEffect(() => {
    window.__dragPoint = () => {
      const el = document.querySelector('.react-flow__node[data-id="n0"]');
      if (!el) return null;
      const r = el.getBoundingClientRect();
      return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
    };
    window.__probe = () => store.getState().diagram.nodes[0]?.position ?? null;
  }, [store]);
  useEffect(() => {
    if (!empty && !initialized) return;
    void document.fonts.ready.then(() =>
      requestAnimationFrame(() =>
        requestAnimationFrame(() => {
          if (typeof window.__ready !== 'number') window.__ready = performance.now();
        }),
      ),
    );
  }, [initialized, empty]);
  return null;
}
