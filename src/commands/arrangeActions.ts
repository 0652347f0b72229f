import { alignBoxes, distributeBoxes, type AlignMode, type DistributeAxis, type Placed } from '../domain/align';
import { absolutePositions, nodeSize, type XY } from '../domain/diagram';
import type { DiagramStore } from '../store/diagramStore';

/** The selected nodes that move on their own (not those inside a selected zone), with their absolute boxes. */
function selectedBoxes(store: DiagramStore): Placed[] {
  const { diagram, selection } = store.getState();
  const ids = new Set(selection.nodes);
  const byId = new Map(diagram.nodes.map((n) => [n.id, n]));
  const inSelectedZone = (id: string) => {
    for (let p = byId.get(id)?.parent, steps = 0; p !== undefined && steps <= byId.size; p = byId.get(p)?.parent, steps++) if (ids.has(p)) return true;
    return false;
  };
  const at = absolutePositions(diagram.nodes);
  return diagram.nodes.filter((n) => ids.has(n.id) && !inSelectedZone(n.id)).map((n) => ({ id: n.id, box: { ...at.get(n.id)!, ...nodeSize(n) } }));
}

/** Moves nodes to absolute corners (each stays in its zone), as one undo step. */
function placeAbsolute(store: DiagramStore, corners: ReadonlyMap<string, XY>): void {
  const { diagram } = store.getState();
  const at = absolutePositions(diagram.nodes);
  const byId = new Map(diagram.nodes.map((n) => [n.id, n]));
  const moves = [...corners].map(([id, p]) => {
    const parent = byId.get(id)?.parent;
    const o = parent ? (at.get(parent) ?? { x: 0, y: 0 }) : { x: 0, y: 0 };
    return { id, position: { x: p.x - o.x, y: p.y - o.y } };
  });
  store.getState().moveNodes(moves);
}

/** Lines the selection up on its left, centre, right, top, middle or bottom (two or more components). */
export function alignSelection(store: DiagramStore, mode: AlignMode): void {
  const items = selectedBoxes(store);
  if (items.length < 2) {
    store.getState().notify('info', 'Select two or more components to align them.');
    return;
  }
  placeAbsolute(store, alignBoxes(items, mode));
}

/** Spaces the selection evenly across or down (three or more components). */
export function distributeSelection(store: DiagramStore, axis: DistributeAxis): void {
  const items = selectedBoxes(store);
  if (items.length < 3) {
    store.getState().notify('info', 'Select three or more components to distribute them.');
    return;
  }
  placeAbsolute(store, distributeBoxes(items, axis));
}

/** How many selected nodes align/distribute would move. */
export const arrangeableCount = (store: DiagramStore): number => selectedBoxes(store).length;
