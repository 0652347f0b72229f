import { useSyncExternalStore } from 'react';
import { useStore, type StoreApi } from 'zustand';
import { activeRoom, onActiveRoom, type Room, type RoomView } from '../room';

/** The room open in this page (re-renders when one opens or closes). */
export function useRoom(): Room | null {
  return useSyncExternalStore(onActiveRoom, activeRoom, () => null);
}

const NO_VIEW = {
  getState: () => null,
  getInitialState: () => null,
  setState: () => {},
  subscribe: () => () => {},
} as unknown as StoreApi<RoomView | null>;

/** A slice of the open room's view (null without a room). The selector must return a stable value (a field, not a new object). */
export function useRoomView<T>(select: (v: RoomView) => T): T | null {
  const room = useRoom();
  return useStore((room?.view ?? NO_VIEW) as StoreApi<RoomView | null>, (v) => (v ? select(v) : null));
}
