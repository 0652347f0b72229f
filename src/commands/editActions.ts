import { copyFragment } from '../domain/fragment';
import { readFragment, writeFragment } from '../io/clipboard';
import type { DiagramStore } from '../store/diagramStore';

/** Copy, cut and paste through the clipboard (the system's, and the tab's own), loaded on first use. */

/** Copies the selected components (with zone contents and the edges between them). */
export async function copySelection(store: DiagramStore): Promise<void> {
  const { diagram, selection } = store.getState();
  await writeFragment(copyFragment(diagram, selection.nodes));
}

/** Copies the selection, then deletes it. */
export async function cutSelection(store: DiagramStore): Promise<void> {
  await copySelection(store);
  const { selection, deleteElements } = store.getState();
  deleteElements(selection.nodes, selection.edges);
}

/** Pastes what was copied beside the original (each further paste beside the last), and selects it. */
export async function pasteClipboard(store: DiagramStore): Promise<void> {
  const f = await readFragment();
  if (!f || !f.nodes.length) {
    store.getState().notify('info', 'Nothing to paste: copy components first.');
    return;
  }
  store.getState().paste(f);
}
