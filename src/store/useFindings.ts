import { useCallback, useMemo } from 'react';
import type { CheckResult, Finding, SuppressedFinding } from '../domain/checker/types';
import { checksSelector, findingsOfNode } from './findings';
import { useDiagramStore, useDiagramStoreApi } from './useDiagramStore';

const NONE: Finding[] = [];
const NONE_SUPPRESSED: SuppressedFinding[] = [];

/**
 * The checker's answer on the current diagram; re-renders only when the structure changes. While
 * practice mode hides findings (`findingsHidden`), it has none and says so in `hidden`; stage
 * coverage stays, since it only restates what is on the canvas.
 */
export function useChecks(): CheckResult & { hidden: boolean } {
  const checks = useDiagramStore(checksSelector(useDiagramStoreApi()));
  const hidden = useDiagramStore((s) => s.findingsHidden);
  return useMemo(
    () =>
      hidden
        ? { findings: NONE, suppressed: NONE_SUPPRESSED, stages: checks.stages, stageGaps: checks.stageGaps, hidden }
        : { ...checks, hidden },
    [checks, hidden],
  );
}

/** The unsuppressed findings that name the node (none while practice mode hides findings). */
export function useNodeFindings(id: string): readonly Finding[] {
  const select = checksSelector(useDiagramStoreApi());
  return useDiagramStore(useCallback((s) => (s.findingsHidden ? NONE : findingsOfNode(select(s), id)), [select, id]));
}
