import { useEffect, type ComponentType } from 'react';
import { loadFailureSentence } from '../commands/lazyActions';
import { useDiagramStoreApi } from '../store/useDiagramStore';
import type { DialogProps } from './Dialogs';
import { preloadable } from './preloadable';

/** Closes the dialog and says why when its code cannot be loaded; the next opening tries again. */
function LoadFailed({ error, what, onClose }: { error: unknown; what: string; onClose(): void }) {
  const store = useDiagramStoreApi();
  useEffect(() => {
    store.getState().notify('error', loadFailureSentence(what, error));
    onClose();
    // Once, when the failure is shown.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [error]);
  return null;
}

/** A dialog whose code loads when it first opens (kept out of the first paint); `what` names it in a failure notice. */
export function lazyDialog(load: () => Promise<ComponentType<DialogProps>>, what: string): ComponentType<DialogProps> {
  return preloadable(load, null, {
    failed: (error, _retry, props) => <LoadFailed error={error} what={what} onClose={props.onClose} />,
  }).Component;
}
