import { lazy, Suspense } from 'react';
import { useDiagramStore } from '../store/useDiagramStore';

const ComparePanel = lazy(() => import('./ComparePanel'));

/** Where the compare panel goes; its code loads the first time a comparison opens. */
export function CompareSlot() {
  const open = useDiagramStore((s) => s.comparison !== null);
  if (!open) return null;
  return (
    <Suspense fallback={<aside className="compare-panel compare-loading" aria-busy="true" aria-label="Comparison with the reference" />}>
      <ComparePanel />
    </Suspense>
  );
}
