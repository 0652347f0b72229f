import { lazy, Suspense } from 'react';
import { useDiagramStore } from '../store/useDiagramStore';

const StartPanel = lazy(() => import('./StartPanel'));

/** True when the page runs a benchmark (`?bench=`): no start panel then. */
const BENCH = typeof location !== 'undefined' && new URLSearchParams(location.search).has('bench');

/** Shows the start panel on an empty canvas (not in practice, not once dismissed, never in bench mode); it loads on demand. */
export function StartPanelSlot() {
  const show = useDiagramStore((s) => s.diagram.nodes.length === 0 && !s.startPanelDismissed && !s.practice);
  if (!show || BENCH) return null;
  return (
    <Suspense fallback={null}>
      <StartPanel />
    </Suspense>
  );
}
