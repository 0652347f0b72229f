import { useDiagramStore } from '../store/useDiagramStore';
import { preloadable } from './preloadable';

const header = preloadable(() => import('../collab/ui/RoomHeader').then((m) => m.RoomHeader));
const bar = preloadable(() => import('../collab/ui/RoomBar').then((m) => m.RoomBar));
const panel = preloadable(() => import('../collab/ui/RoomBar').then((m) => m.RoomPanel));

/** The header's room part (people, connection); its code loads when a room opens. */
export function RoomHeaderSlot() {
  const inRoom = useDiagramStore((s) => s.room !== null);
  return inRoom ? <header.Component /> : null;
}

/** The room's bar under the header (role, shared timer, links, Leave); loaded when a room opens. */
export function RoomBarSlot() {
  const inRoom = useDiagramStore((s) => s.room !== null);
  return inRoom ? <bar.Component /> : null;
}

/** The interviewer's private panel over the side column. */
export function RoomPanelSlot() {
  const interviewer = useDiagramStore((s) => s.room?.role === 'interviewer');
  return interviewer ? <panel.Component /> : null;
}
