import type { EdgeKind } from '../domain/diagram';

/** How each edge kind is drawn: colour (a CSS variable, so dark mode swaps it), width and dash pattern. Shared by edges and the legend. */
export const EDGE_STYLES: Record<EdgeKind, { color: string; width: number; dash?: string }> = {
  data: { color: 'var(--edge-data)', width: 1.6 },
  stream: { color: 'var(--edge-stream)', width: 1.8, dash: '7 4' },
  request: { color: 'var(--edge-request)', width: 2.6 },
  model: { color: 'var(--edge-model)', width: 2, dash: '10 3 2 3' },
  feedback: { color: 'var(--edge-feedback)', width: 1.8, dash: '1.5 4' },
  control: { color: 'var(--edge-control)', width: 1.4, dash: '12 6' },
};
