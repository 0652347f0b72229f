import type { EdgeKind } from '../domain/diagram';

/** How each edge kind is drawn: colour, width and dash pattern. Shared by edges and the legend. */
export const EDGE_STYLES: Record<EdgeKind, { color: string; width: number; dash?: string }> = {
  data: { color: '#64748b', width: 1.6 },
  stream: { color: '#0369a1', width: 1.8, dash: '7 4' },
  request: { color: '#1e293b', width: 2.6 },
  model: { color: '#7c3aed', width: 2, dash: '10 3 2 3' },
  feedback: { color: '#b45309', width: 1.8, dash: '1.5 4' },
  control: { color: '#94a3b8', width: 1.4, dash: '12 6' },
};
