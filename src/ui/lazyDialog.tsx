import { lazy, Suspense, type ComponentType } from 'react';
import type { DialogProps } from './Dialogs';

/** A dialog whose code loads the first time it opens (kept out of the initial bundle). */
export function lazyDialog(load: () => Promise<{ default: ComponentType<DialogProps> }>): ComponentType<DialogProps> {
  const Lazy = lazy(load);
  return function LazyDialog(props: DialogProps) {
    return (
      <Suspense fallback={null}>
        <Lazy {...props} />
      </Suspense>
    );
  };
}
