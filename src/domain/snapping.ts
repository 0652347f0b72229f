import type { Box } from './diagram';

/** An alignment guide: a vertical line at x (axis 'x') or a horizontal one at y (axis 'y'), from one end to the other. */
export interface Guide {
  axis: 'x' | 'y';
  at: number;
  from: number;
  to: number;
}

export interface Snap {
  dx: number;
  dy: number;
  guides: Guide[];
}

/** A box's left/centre/right (or top/middle/bottom) lines on one axis. */
const lines = (b: Box, axis: 'x' | 'y'): number[] =>
  axis === 'x' ? [b.x, b.x + b.width / 2, b.x + b.width] : [b.y, b.y + b.height / 2, b.y + b.height];

/** The smallest move (within `threshold`) that puts one of the box's lines on one of a neighbour's, or none. */
function bestOnAxis(box: Box, others: readonly Box[], axis: 'x' | 'y', threshold: number): { d: number; at: number } | null {
  let best: { d: number; at: number } | null = null;
  const mine = lines(box, axis);
  for (const o of others) {
    for (const theirs of lines(o, axis)) {
      for (const m of mine) {
        const d = theirs - m;
        if (Math.abs(d) <= threshold && (!best || Math.abs(d) < Math.abs(best.d))) best = { d, at: theirs };
      }
    }
  }
  return best;
}

/**
 * Snapping while dragging: the move that lines the dragged box's edges or centre up with a nearby box's (left, centre,
 * right; top, middle, bottom) when one is within `threshold`, and the guides to draw for every line that then matches.
 * Only boxes within `reach` of the dragged one count (a neighbour, not something across the design).
 */
export function snapBox(box: Box, others: readonly Box[], threshold: number, reach = 800): Snap {
  const near = others.filter(
    (o) => o.x < box.x + box.width + reach && box.x < o.x + o.width + reach && o.y < box.y + box.height + reach && box.y < o.y + o.height + reach,
  );
  const bx = bestOnAxis(box, near, 'x', threshold);
  const by = bestOnAxis(box, near, 'y', threshold);
  const dx = bx?.d ?? 0;
  const dy = by?.d ?? 0;
  const moved = { ...box, x: box.x + dx, y: box.y + dy };
  const guides: Guide[] = [];
  const EPS = 0.5;
  for (const axis of ['x', 'y'] as const) {
    if ((axis === 'x' ? bx : by) === null) continue;
    const mine = lines(moved, axis);
    const seen = new Set<number>();
    for (const o of near) {
      for (const theirs of lines(o, axis)) {
        if (seen.has(theirs) || !mine.some((m) => Math.abs(m - theirs) < EPS)) continue;
        // One guide per line, spanning every box that sits on it.
        const on = near.filter((p) => lines(p, axis).some((l) => Math.abs(l - theirs) < EPS));
        const span = [moved, ...on];
        const from = Math.min(...span.map((p) => (axis === 'x' ? p.y : p.x)));
        const to = Math.max(...span.map((p) => (axis === 'x' ? p.y + p.height : p.x + p.width)));
        guides.push({ axis, at: theirs, from, to });
        seen.add(theirs);
      }
    }
  }
  return { dx, dy, guides };
}
