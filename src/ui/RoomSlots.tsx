import { useDiagramStore } from '../store/useDiagramStore';
import { preloadable } from './preloadable';

const header = preloadable(() => import('../collab/ui/RoomHeader').then((m) => m.RoomHeader));
const bar = preloadable(() => import('../collab/ui/RoomBar').then((m) => m.RoomBar));

/** The header's room part (people, connection); its code loads when a room opens. */
export function RoomHeaderSlot() {
  const inRoom = useDiagramStore((s) => s.room !== null);
  return inRoom ? <header.Component /> : null;
}

/** The room's bar over the canvas and the interviewer's panel; loaded when a room opens. */
export function RoomBarSlot() {
  const inRoom = useDiagramStore((s) => s.room !== null);
  return inRoom ? <bar.Component /> : null;
}
