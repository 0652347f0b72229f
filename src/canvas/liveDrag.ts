import { useSyncExternalStore } from 'react';
import type { XY } from '../domain/diagram';

/**
 * Drag frames shared in a room, kept out of the store (they change up to 60 times a second and are
 * never part of the diagram): the canvas reports its own drag frames here, and shows the frames the
 * room's peers are dragging, which src/collab puts here from awareness. Positions are relative to the
 * node's parent, as React Flow's are. Without a room nothing listens and nothing arrives.
 */

type Frames = ReadonlyMap<string, XY>;
const NONE: Frames = new Map();
let remote: Frames = NONE;
const listeners = new Set<() => void>();
let localSink: ((frames: Frames) => void) | null = null;

/** Peers' drag frames now being shown (src/collab calls this). */
export function setRemoteDrags(frames: Frames): void {
  remote = frames.size ? frames : NONE;
  for (const l of listeners) l();
}

/** Where the canvas's own drag frames go (src/collab sets it while in a room; null stops). */
export function setLocalDragSink(sink: ((frames: Frames) => void) | null): void {
  localSink = sink;
}

/** Called by the canvas whenever its own drag frames change. */
export function reportLocalDrag(frames: Frames): void {
  localSink?.(frames);
}

const subscribe = (l: () => void) => {
  listeners.add(l);
  return () => void listeners.delete(l);
};

/** The peers' drag frames, re-rendering when they change. */
export function useRemoteDrags(): Frames {
  return useSyncExternalStore(subscribe, () => remote, () => NONE);
}
