import { useDiagramStore, useDiagramStoreApi } from '../store/useDiagramStore';
import type { AppCommands } from '../commands/appCommands';
import type { ComponentType } from 'react';
import { CommandPalette } from './CommandPalette';
import { ShortcutsDialog } from './ShortcutsDialog';
import { lazyDialog } from './lazyDialog';

export interface DialogProps {
  commands: AppCommands;
  onClose(): void;
}

/** Every modal dialog of the app, by id; `openDialog(id)` in the store shows one. */
const DIALOGS: Record<string, ComponentType<DialogProps>> = {
  shortcuts: ShortcutsDialog,
  'command-palette': CommandPalette,
  templates: lazyDialog(() => import('./TemplateGallery')),
};

/** Shows the dialog the store names, if any. */
export function Dialogs({ commands }: { commands: AppCommands }) {
  const store = useDiagramStoreApi();
  const id = useDiagramStore((s) => s.dialog);
  const Dialog = id ? DIALOGS[id] : undefined;
  return Dialog ? <Dialog commands={commands} onClose={() => store.getState().closeDialog()} /> : null;
}
