import { lazy, Suspense } from 'react';
import { useDiagramStore } from '../store/useDiagramStore';

const SelectionToolbar = lazy(() => import('./SelectionToolbar'));

/** The align and distribute toolbar over a selection of two or more components; its code loads with the first such selection. */
export function SelectionToolbarSlot() {
  const show = useDiagramStore((s) => s.selection.nodes.length >= 2 && s.selection.nodes.length <= 500);
  if (!show) return null;
  return (
    <Suspense fallback={null}>
      <SelectionToolbar />
    </Suspense>
  );
}
