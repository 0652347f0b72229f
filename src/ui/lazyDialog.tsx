import { lazy, Suspense, type ComponentType } from 'react';
import type { DialogProps } from './Dialogs';

/** A dialog whose code loads when it first opens (kept out of the first paint). */
export function lazyDialog(load: () => Promise<ComponentType<DialogProps>>): ComponentType<DialogProps> {
  const Lazy = lazy(() => load().then((component) => ({ default: component })));
  return function LazyDialog(props: DialogProps) {
    return (
      <Suspense fallback={null}>
        <Lazy {...props} />
      </Suspense>
    );
  };
}
