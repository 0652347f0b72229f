import { lazy, Suspense } from 'react';
import type { AppCommands, AppContext } from '../commands/appCommands';
import { useDiagramStore } from '../store/useDiagramStore';

const PracticeBar = lazy(() => import('./PracticeBar'));

/** Where the practice bar goes; its code loads when a practice session starts. */
export function PracticeSlot({ commands, ctx }: { commands: AppCommands; ctx: AppContext }) {
  const active = useDiagramStore((s) => s.practice !== null);
  if (!active) return null;
  return (
    <Suspense fallback={<div className="practice-bar practice-bar-loading" aria-busy="true" />}>
      <PracticeBar commands={commands} ctx={ctx} />
    </Suspense>
  );
}
