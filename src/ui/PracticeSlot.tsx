import { lazy, Suspense, useEffect } from 'react';
import type { AppCommands, AppContext } from '../commands/appCommands';
import { useDiagramStore, useDiagramStoreApi } from '../store/useDiagramStore';

const PracticeBar = lazy(() => import('./PracticeBar'));

/** Where the practice bar goes; its code loads when a practice session starts. */
export function PracticeSlot({ commands, ctx }: { commands: AppCommands; ctx: AppContext }) {
  const store = useDiagramStoreApi();
  const active = useDiagramStore((s) => s.practice !== null);
  // Practice belongs to its design: Undo past its start, or opening another design, ends it.
  const left = useDiagramStore((s) => s.practice !== null && s.practice.designId !== s.designId);
  useEffect(() => {
    if (!left) return;
    store.getState().closePractice();
    store.getState().notify('info', 'Practice ended: you left the practice design.');
  }, [left, store]);
  if (!active) return null;
  return (
    <Suspense fallback={<div className="practice-bar practice-bar-loading" aria-busy="true" />}>
      <PracticeBar commands={commands} ctx={ctx} />
    </Suspense>
  );
}
