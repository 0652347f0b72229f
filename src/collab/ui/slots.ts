/** The room UI the page's slots show while a room is open: one chunk, loaded when a room opens. */
export { RoomHeader } from './RoomHeader';
export { RoomBar, RoomPanel } from './RoomBar';
export { RoomCanvasOverlay } from './RoomCanvasOverlay';
