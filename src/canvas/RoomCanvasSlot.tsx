import { preloadable } from '../ui/preloadable';

/** The peers' cursors and selections on the canvas; the room code loads with the room (never in the first paint). */
export const RoomCanvasSlot = preloadable(() => import('../collab/ui/RoomCanvasOverlay').then((m) => m.RoomCanvasOverlay)).Component;
