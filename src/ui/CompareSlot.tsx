import { lazy, Suspense } from 'react';
import { useDiagramStore } from '../store/useDiagramStore';

const CompareView = lazy(() => import('./CompareView'));

/** Where the comparison goes (two canvases and its panel); its code loads the first time a comparison opens. */
export function CompareSlot() {
  const open = useDiagramStore((s) => s.comparison !== null);
  if (!open) return null;
  return (
    <Suspense fallback={<aside className="compare-panel compare-loading" aria-busy="true" aria-label="Comparison with the reference" />}>
      <CompareView />
    </Suspense>
  );
}
