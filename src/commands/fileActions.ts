import { emptyDiagram } from '../domain/diagram';
import { saveDiagramFile } from '../io/files';
import { encodeShareHash, isLongLink } from '../io/shareLink';
import type { DiagramStore } from '../store/diagramStore';
import { openAsNewDesign } from '../store/openAsNewDesign';

/** What the File commands do (new, save, share link), loaded with the file format and share link code on their first use. */

/** Commits a text field being edited (e.g. the title) so the command sees its value. */
function commitTyping(): void {
  const el = document.activeElement;
  if (el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement) el.blur();
}

/** Downloads the open diagram as `<title>.mlsd.json`. */
export function saveFile(store: DiagramStore): void {
  commitTyping();
  const name = saveDiagramFile(store.getState().diagram);
  store.getState().notify('success', `Saved “${name}” to your downloads.`);
}

/** Starts a blank design; the current one stays in My designs, and Undo returns to it. */
export function newDesign(store: DiagramStore): void {
  commitTyping();
  openAsNewDesign(store, emptyDiagram(), 'Started a new design.');
}

/** Copies a link that opens this design (or shows it, when the clipboard refuses or the link is long). */
export async function copyShareLink(store: DiagramStore): Promise<void> {
  commitTyping();
  const url = new URL(location.href);
  url.search = '';
  url.hash = await encodeShareHash(store.getState().diagram);
  const link = url.toString();
  let copied = false;
  try {
    await navigator.clipboard.writeText(link);
    copied = true;
  } catch {
    // Refused (no permission, page not focused): the dialog shows the link to copy by hand.
  }
  if (copied && !isLongLink(link)) store.getState().notify('success', 'Share link copied. Whoever opens it sees this design.');
  else store.getState().showShareLink({ url: link, copied });
}
