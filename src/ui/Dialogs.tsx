import { lazy, Suspense, type ComponentType } from 'react';
import type { AppCommands } from '../commands/appCommands';
import { useDiagramStore, useDiagramStoreApi } from '../store/useDiagramStore';

export interface DialogProps {
  commands: AppCommands;
  onClose(): void;
}

/**
 * Every modal dialog of the app, by id; `openDialog(id)` in the store shows one. Dialogs load on first
 * use (React.lazy), so none of their code is in the initial bundle.
 */
const DIALOGS: Record<string, ComponentType<DialogProps>> = {
  shortcuts: lazy(() => import('./ShortcutsDialog').then((m) => ({ default: m.ShortcutsDialog }))),
  'command-palette': lazy(() => import('./CommandPalette').then((m) => ({ default: m.CommandPalette }))),
  templates: lazy(() => import('./TemplateGallery')),
};

/** Shows the dialog the store names, if any. */
export function Dialogs({ commands }: { commands: AppCommands }) {
  const store = useDiagramStoreApi();
  const id = useDiagramStore((s) => s.dialog);
  const Dialog = id ? DIALOGS[id] : undefined;
  if (!Dialog) return null;
  return (
    <Suspense fallback={<div className="dialog-backdrop" aria-busy="true" />}>
      <Dialog commands={commands} onClose={() => store.getState().closeDialog()} />
    </Suspense>
  );
}
