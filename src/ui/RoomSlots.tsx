import { useDiagramStore } from '../store/useDiagramStore';
import { preloadable } from './preloadable';

// The room UI is one chunk, loaded when a room opens (never in the first paint).
const load = () => import('../collab/ui/slots');
const header = preloadable(() => load().then((m) => m.RoomHeader));
const bar = preloadable(() => load().then((m) => m.RoomBar));
const panel = preloadable(() => load().then((m) => m.RoomPanel));

/** The peers' cursors and selections on the canvas (rendered inside React Flow while in a room). */
export const RoomCanvasSlot = preloadable(() => load().then((m) => m.RoomCanvasOverlay)).Component;

/** The header's room part (people, connection). */
export function RoomHeaderSlot() {
  return useDiagramStore((s) => s.room !== null) ? <header.Component /> : null;
}

/** The room's bar under the header (role, shared timer, links, Leave). */
export function RoomBarSlot() {
  return useDiagramStore((s) => s.room !== null) ? <bar.Component /> : null;
}

/** The interviewer's private panel over the side column. */
export function RoomPanelSlot() {
  return useDiagramStore((s) => s.room?.role === 'interviewer') ? <panel.Component /> : null;
}
