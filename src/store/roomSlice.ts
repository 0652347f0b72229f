import type { StateCreator } from 'zustand/vanilla';
import type { Diagram } from '../domain/diagram';
import type { DiagramState } from './diagramStore';

/** Who one is in a mock-interview room: candidate and interviewer edit, an observer only watches. */
export type RoomRole = 'candidate' | 'interviewer' | 'observer';

/** The room the open design is shared in (src/collab runs it; the store only needs to know it is there). */
export interface RoomRef {
  id: string;
  role: RoomRole;
}

/** Undo and redo in a room: one's own changes only (the room's Y.UndoManager). */
export interface RoomUndo {
  undo(): void;
  redo(): void;
  canUndo: boolean;
  canRedo: boolean;
}

/** The scored rubric an interviewer shared with the room (for the Markdown write-up). */
export interface RoomRubric {
  /** Score 1-4 by step index (0-6). */
  scores: Record<number, number>;
  /** The interviewer's note by step index. */
  notes: Record<number, string>;
  sharedAt: number;
}

export interface RoomSlice {
  room: RoomRef | null;
  /** The rubric shared in the room the design was last in (kept after leaving, until another design opens). */
  roomRubric: { designId: string; rubric: RoomRubric } | null;
  setRoomRubric(rubric: RoomRubric | null): void;
  roomUndo: RoomUndo | null;
  /** Enters (or, with null, leaves) a room; while in one, edits keep no snapshot history and undo goes to `undo`. */
  setRoom(room: RoomRef | null, undo?: RoomUndo | null): void;
  setRoomUndo(undo: RoomUndo): void;
  /** Shows the diagram as the room has it now (a peer's change): no undo step, the selection keeps what still exists. */
  applyRemote(diagram: Diagram): void;
}

/** True when undo would do something, in a room or not. */
export const canUndo = (s: DiagramState): boolean => (s.roomUndo ? s.roomUndo.canUndo : s.history.past.length > 0);
export const canRedo = (s: DiagramState): boolean => (s.roomUndo ? s.roomUndo.canRedo : s.history.future.length > 0);

/** The room the open design is shared in, its undo, and remote changes. */
export const roomSlice: StateCreator<DiagramState, [], [], RoomSlice> = (set, get) => ({
  room: null,
  roomUndo: null,
  roomRubric: null,
  setRoomRubric(rubric) {
    if (rubric) set({ roomRubric: { designId: get().designId, rubric } });
    else if (get().roomRubric?.designId === get().designId) set({ roomRubric: null });
  },
  setRoom(room, undo = null) {
    set({ room, roomUndo: room ? undo : null });
  },
  setRoomUndo(undo) {
    if (get().room) set({ roomUndo: undo });
  },
  applyRemote(diagram) {
    const { diagram: current, selection } = get();
    if (diagram === current) return;
    const nodes = new Set(diagram.nodes.map((n) => n.id));
    const edges = new Set(diagram.edges.map((e) => e.id));
    const keptNodes = selection.nodes.filter((id) => nodes.has(id));
    const keptEdges = selection.edges.filter((id) => edges.has(id));
    const same = keptNodes.length === selection.nodes.length && keptEdges.length === selection.edges.length;
    set({ diagram, ...(same ? {} : { selection: { nodes: keptNodes, edges: keptEdges } }) });
  },
});
