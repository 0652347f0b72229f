import { absolutePositions, nodeSize, type Box, type DiagramNode, type XY } from './diagram';

/** The space kept free around a placed box. */
export const PLACE_GAP = 32;
/** How far (in steps of a box) the search for a free spot looks around the wanted place. */
const RINGS = 14;

/** True when two boxes, each grown by half of `gap` on every side, overlap. */
function overlaps(a: Box, b: Box, gap: number): boolean {
  return a.x < b.x + b.width + gap && b.x < a.x + a.width + gap && a.y < b.y + b.height + gap && b.y < a.y + a.height + gap;
}

/** The boxes of the diagram a newly placed component must not cover: components and notes (zones hold things; they are not in the way). */
export function obstacleBoxes(nodes: readonly DiagramNode[], { withZones = false } = {}): Box[] {
  const at = absolutePositions(nodes);
  const out: Box[] = [];
  for (const n of nodes) {
    if (n.kind === 'group' && !withZones) continue;
    const p = at.get(n.id)!;
    out.push({ x: p.x, y: p.y, ...nodeSize(n) });
  }
  return out;
}

/**
 * A top-left corner for a box of `size` at `wanted` or, when that spot is taken, the nearest free one on a grid of
 * box-sized steps around it. `across` weighs steps sideways against steps down: beside a selection (across > 1) the
 * search goes down the column first, at the view's centre (1) it goes out in rings. Falls back to `wanted`.
 */
export function freeSpot(taken: readonly Box[], wanted: XY, size: { width: number; height: number }, across = 1, gap = PLACE_GAP): XY {
  const stepX = size.width + gap;
  const stepY = size.height + gap;
  // Only the boxes the search can reach are tested (a design of 20,000 components stays fast).
  const reach = { x: wanted.x - RINGS * stepX, y: wanted.y - RINGS * stepY, width: (2 * RINGS + 1) * stepX, height: (2 * RINGS + 1) * stepY };
  const near = taken.filter((b) => overlaps(b, reach, 0));
  const candidates: { i: number; j: number; cost: number }[] = [];
  for (let i = -RINGS; i <= RINGS; i++)
    for (let j = -RINGS; j <= RINGS; j++) candidates.push({ i, j, cost: Math.hypot(i * across * stepX, j * stepY) + (i < 0 ? stepX / 2 : 0) + (j < 0 ? stepY / 4 : 0) });
  candidates.sort((a, b) => a.cost - b.cost);
  for (const c of candidates) {
    const box = { x: wanted.x + c.i * stepX, y: wanted.y + c.j * stepY, ...size };
    if (!near.some((b) => overlaps(b, box, gap))) return { x: Math.round(box.x), y: Math.round(box.y) };
  }
  return wanted;
}

/** Where a component added beside a selection goes: to the right of it, top-aligned, or the nearest free spot down that column. */
export function besideBox(taken: readonly Box[], selection: Box, size: { width: number; height: number }, gap = 64): XY {
  const wanted = { x: selection.x + selection.width + gap, y: selection.y + (selection.height - size.height) / 2 };
  return freeSpot(taken, wanted, size, 4);
}

/**
 * How far to move a pasted copy so that it lands beside its originals (to their right, or the nearest free place):
 * never on top of them, never on top of anything else.
 */
export function pasteOffset(taken: readonly Box[], copyBounds: Box, gap = 48): XY {
  const wanted = { x: copyBounds.x + copyBounds.width + gap, y: copyBounds.y };
  const spot = freeSpot(taken, wanted, { width: copyBounds.width, height: copyBounds.height }, 1.5, gap);
  return { x: spot.x - copyBounds.x, y: spot.y - copyBounds.y };
}
