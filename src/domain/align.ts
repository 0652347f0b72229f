import type { Box, XY } from './diagram';

export type AlignMode = 'left' | 'centre' | 'right' | 'top' | 'middle' | 'bottom';
export type DistributeAxis = 'horizontal' | 'vertical';

export interface Placed {
  id: string;
  box: Box;
}

/** New top-left corners that line the boxes up on the selection's left / centre / right edge (or top / middle / bottom). */
export function alignBoxes(items: readonly Placed[], mode: AlignMode): Map<string, XY> {
  const out = new Map<string, XY>();
  if (items.length < 2) return out;
  const left = Math.min(...items.map((p) => p.box.x));
  const right = Math.max(...items.map((p) => p.box.x + p.box.width));
  const top = Math.min(...items.map((p) => p.box.y));
  const bottom = Math.max(...items.map((p) => p.box.y + p.box.height));
  for (const { id, box } of items) {
    let { x, y } = box;
    if (mode === 'left') x = left;
    else if (mode === 'right') x = right - box.width;
    else if (mode === 'centre') x = (left + right) / 2 - box.width / 2;
    else if (mode === 'top') y = top;
    else if (mode === 'bottom') y = bottom - box.height;
    else y = (top + bottom) / 2 - box.height / 2;
    out.set(id, { x: Math.round(x), y: Math.round(y) });
  }
  return out;
}

/**
 * New top-left corners that space the boxes evenly along an axis: the first and last stay, the others move so that
 * the gaps between neighbours are equal (boxes wider than the span share it as equal centre steps instead).
 */
export function distributeBoxes(items: readonly Placed[], axis: DistributeAxis): Map<string, XY> {
  const out = new Map<string, XY>();
  if (items.length < 3) return out;
  const h = axis === 'horizontal';
  const start = (b: Box) => (h ? b.x : b.y);
  const len = (b: Box) => (h ? b.width : b.height);
  const sorted = [...items].sort((a, b) => start(a.box) + len(a.box) / 2 - (start(b.box) + len(b.box) / 2) || a.id.localeCompare(b.id));
  const first = sorted[0].box;
  const last = sorted[sorted.length - 1].box;
  const span = start(last) + len(last) - start(first);
  const total = sorted.reduce((s, p) => s + len(p.box), 0);
  const gap = (span - total) / (sorted.length - 1);
  let cursor = start(first);
  const centreStep = (start(last) + len(last) / 2 - (start(first) + len(first) / 2)) / (sorted.length - 1);
  sorted.forEach((p, i) => {
    const at = gap >= 0 ? cursor : start(first) + len(first) / 2 + i * centreStep - len(p.box) / 2;
    cursor += len(p.box) + gap;
    out.set(p.id, h ? { x: Math.round(at), y: p.box.y } : { x: p.box.x, y: Math.round(at) });
  });
  return out;
}
