import * as Y from 'yjs';
import type { Diagram } from '../domain/diagram';
import type { DiagramStore } from '../store/diagramStore';
import { DiagramReader, roots, writeDiagram, type Refused } from './docModel';

/** The origin of this peer's own edits: the undo manager tracks it, so Undo undoes one's own changes only. */
export interface StoreBinding {
  /** Transactions of this origin are this peer's edits. */
  origin: object;
  undoManager: Y.UndoManager;
  destroy(): void;
}

/**
 * Binds the store's diagram to a room document:
 * - every store change (an action the user took) is written into the document as a diff, in one
 *   transaction with this binding's origin, so concurrent edits of other nodes and other keys survive;
 * - every other transaction (a peer's change, arriving through the provider, or an undo) is read back
 *   through DiagramReader, which checks each entry as the file parser would, and shown with
 *   applyRemote (no snapshot undo step: in a room, Undo is the room's Y.UndoManager, tracking only this
 *   binding's origin);
 * - entries refused on the way in are reported once each (`onRefused`), and the diagram keeps the rest.
 */
export function bindStore(store: DiagramStore, doc: Y.Doc, onRefused: (r: Refused[]) => void): StoreBinding {
  const origin = { binding: true };
  const reader = new DiagramReader(doc);
  const r = roots(doc);
  const undoManager = new Y.UndoManager([r.meta, r.nodes, r.edges, r.suppressions], {
    trackedOrigins: new Set([origin]),
    captureTimeout: 600,
  });
  /** What the document and the store agree on: the last diagram written to or read from the document. */
  let shared: Diagram = store.getState().diagram;
  let applying = false;
  const reported = new Set<string>();

  const publishUndo = () =>
    store.getState().setRoomUndo({
      undo: () => undoManager.undo(),
      redo: () => undoManager.redo(),
      canUndo: undoManager.undoStack.length > 0,
      canRedo: undoManager.redoStack.length > 0,
    });
  undoManager.on('stack-item-added', publishUndo);
  undoManager.on('stack-item-popped', publishUndo);
  undoManager.on('stack-cleared', publishUndo);

  const pull = () => {
    const { diagram, refused } = reader.read(store.getState().diagram);
    const fresh = refused.filter((x) => !reported.has(`${x.key}\n${x.message}`));
    for (const x of fresh) reported.add(`${x.key}\n${x.message}`);
    if (fresh.length) onRefused(fresh);
    shared = diagram;
    if (diagram !== store.getState().diagram) {
      applying = true;
      try {
        store.getState().applyRemote(diagram);
      } finally {
        applying = false;
      }
    }
  };

  const onUpdate = (_u: Uint8Array, o: unknown) => {
    if (o !== origin) pull();
  };
  doc.on('update', onUpdate);
  pull();

  const unsubscribe = store.subscribe((s, prev) => {
    if (applying || s.diagram === prev.diagram || s.diagram === shared || !s.room) return;
    if (s.room.role === 'observer') return;
    writeDiagram(doc, shared, s.diagram, origin);
    // Read back what the document now holds (it may differ where a peer's concurrent change won).
    const back = reader.read(s.diagram);
    shared = back.diagram;
  });
  publishUndo();

  return {
    origin,
    undoManager,
    destroy() {
      unsubscribe();
      doc.off('update', onUpdate);
      undoManager.destroy();
      reader.destroy();
    },
  };
}
