import type { DiagramStore } from '../store/diagramStore';
import type { AppCommands } from './appCommands';
import { lazyActions, loadFailureSentence } from './lazyActions';

/**
 * File commands: new, open, save, My designs, share link. What they do loads on their first use
 * (fileActions.ts), so it stays out of the first paint.
 */
const actions = lazyActions(() => import('./fileActions'), 'the file commands');

/** Opens a chosen or dropped diagram file as a new design; the file code loads now, and says so if it cannot. */
export function openChosenFile(store: DiagramStore, file: File): void {
  void import('../io/files').then(
    (m) => m.openDiagramFile(store, file),
    (e: unknown) => store.getState().notify('error', loadFailureSentence(`the code that opens “${file.name}”`, e)),
  );
}

/** What the file choosers offer: our files and the pictures we export (which carry the design), and the formats we import. */
const OPEN_ACCEPT = '.json,application/json,.png,image/png,.svg,image/svg+xml';
const IMPORT_ACCEPT = '.excalidraw,.drawio,.xml,.mmd,.mermaid,.png,.svg,.json';

/** Opens a file chooser for a diagram file (or, with `accept`, the formats to import); a chosen file opens as a new design. */
export function pickDiagramFile(store: DiagramStore, accept = OPEN_ACCEPT): void {
  const input = document.createElement('input');
  input.type = 'file';
  input.accept = accept;
  input.addEventListener('change', () => {
    const file = input.files?.[0];
    if (file) openChosenFile(store, file);
  });
  // Clicked at once, inside the user's gesture, so the browser shows the chooser (hence not lazy).
  input.click();
}

/** Registers new-diagram, open-file, save-file, import-file, import-mermaid, my-designs and copy-share-link. */
export function registerFileCommands(r: AppCommands): void {
  r.register({
    id: 'new-diagram',
    name: 'New design',
    group: 'File',
    run: actions.run((m, { store }) => m.newDesign(store)),
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
    run: actions.run((m, { store }) => m.saveFile(store)),
  });
  r.register({
    id: 'import-file',
    name: 'Import (Excalidraw, draw.io, Mermaid)…',
    group: 'File',
    run: ({ store }) => pickDiagramFile(store, IMPORT_ACCEPT),
  });
  r.register({
    id: 'import-mermaid',
    name: 'Import Mermaid text…',
    group: 'File',
    run: ({ store }) => store.getState().openDialog('import-mermaid'),
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
    run: actions.run((m, { store }) => m.copyShareLink(store)),
  });
}
