import type { ComponentType } from 'react';
import type { AppCommands } from '../commands/appCommands';
import { useDiagramStore, useDiagramStoreApi } from '../store/useDiagramStore';
import { lazyDialog } from './lazyDialog';

export interface DialogProps {
  commands: AppCommands;
  onClose(): void;
}

/** Every modal dialog of the app, by id; `openDialog(id)` in the store shows one. Each loads on first use. */
const DIALOGS: Record<string, ComponentType<DialogProps>> = {
  shortcuts: lazyDialog(() => import('./ShortcutsDialog').then((m) => m.ShortcutsDialog), 'the keyboard shortcuts'),
  'command-palette': lazyDialog(() => import('./CommandPalette').then((m) => m.CommandPalette), 'the command palette'),
  'my-designs': lazyDialog(() => import('./MyDesignsDialog').then((m) => m.MyDesignsDialog), 'My designs'),
  'share-link': lazyDialog(() => import('./ShareLinkDialog').then((m) => m.ShareLinkDialog), 'the share link dialog'),
  templates: lazyDialog(() => import('./TemplateGallery').then((m) => m.default), 'the template gallery'),
  import: lazyDialog(() => import('./ImportDialog').then((m) => m.ImportDialog), 'the import summary'),
  'import-mermaid': lazyDialog(() => import('./MermaidImportDialog').then((m) => m.MermaidImportDialog), 'the Mermaid import'),
  'start-interview': lazyDialog(() => import('../collab/ui/StartInterviewDialog').then((m) => m.StartInterviewDialog), 'the mock interview code'),
  'room-links': lazyDialog(() => import('../collab/ui/StartInterviewDialog').then((m) => m.StartInterviewDialog), 'the mock interview code'),
};

/** Shows the dialog the store names, if any. */
export function Dialogs({ commands }: { commands: AppCommands }) {
  const store = useDiagramStoreApi();
  const id = useDiagramStore((s) => s.dialog);
  const Dialog = id ? DIALOGS[id] : undefined;
  return Dialog ? <Dialog commands={commands} onClose={() => store.getState().closeDialog()} /> : null;
}
