import { emptyDiagram } from '../domain/diagram';
import type { DiagramStore } from '../store/diagramStore';
import { openAsNewDesign } from '../store/openAsNewDesign';
import type { AppCommands } from './appCommands';

/**
 * File commands: new, open, save, My designs, share link. The file format, IndexedDB and share
 * link code load on first use, so they stay out of the first paint.
 */

/** Commits a text field being edited (e.g. the title) so the command sees its value. */
function commitTyping(): void {
  const el = document.activeElement;
  if (el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement) el.blur();
}

/** Opens a file chooser for a diagram file; a chosen file opens as a new design. */
export function pickDiagramFile(store: DiagramStore): void {
  const input = document.createElement('input');
  input.type = 'file';
  input.accept = '.json,application/json';
  input.addEventListener('change', () => {
    const file = input.files?.[0];
    if (file) void import('../io/files').then((m) => m.openDiagramFile(store, file));
  });
  // Clicked at once, inside the user's gesture, so the browser shows the chooser.
  input.click();
}

/** Downloads the open diagram as `<title>.mlsd.json`. */
export async function saveFile(store: DiagramStore): Promise<void> {
  commitTyping();
  const { saveDiagramFile } = await import('../io/files');
  const name = saveDiagramFile(store.getState().diagram);
  store.getState().notify('success', `Saved “${name}” to your downloads.`);
}

/** Starts a blank design; the current one stays in My designs, and Undo returns to it. */
export function newDesign(store: DiagramStore): void {
  commitTyping();
  openAsNewDesign(store, emptyDiagram(), 'Started a new design.');
}

async function copyShareLink(store: DiagramStore): Promise<void> {
  commitTyping();
  const { encodeShareHash, isLongLink } = await import('../io/shareLink');
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

/** Registers new-diagram, open-file, save-file, my-designs and copy-share-link. */
export function registerFileCommands(r: AppCommands): void {
  r.register({
    id: 'new-diagram',
    name: 'New design',
    group: 'File',
    run: ({ store }) => newDesign(store),
  });
  r.register({
    id: 'open-file',
    name: 'Open file…',
    group: 'File',
    shortcuts: ['Mod+O'],
    global: true,
    run: ({ store }) => pickDiagramFile(store),
  });
  r.register({
    id: 'save-file',
    name: 'Save file',
    group: 'File',
    shortcuts: ['Mod+S'],
    global: true,
    run: ({ store }) => void saveFile(store),
  });
  r.register({
    id: 'my-designs',
    name: 'My designs…',
    group: 'File',
    run: ({ store }) => store.getState().openDialog('my-designs'),
  });
  r.register({
    id: 'copy-share-link',
    name: 'Copy share link',
    group: 'File',
    run: ({ store }) => void copyShareLink(store),
  });
}
