import { useCallback } from 'react';
import type { CheckResult, Finding, Severity } from '../domain/checker/types';
import { checksSelector, findingsOfNode, nodeFindingCount } from './findings';
import { useDiagramStore, useDiagramStoreApi } from './useDiagramStore';

/** The checker's answer on the current diagram; re-renders only when the structure changes. */
export function useChecks(): CheckResult {
  return useDiagramStore(checksSelector(useDiagramStoreApi()));
}

/** How many unsuppressed findings of a severity name the node (a number, so other nodes' changes do not re-render it). */
export function useNodeFindingCount(id: string, severity: Severity): number {
  const select = checksSelector(useDiagramStoreApi());
  return useDiagramStore(useCallback((s) => nodeFindingCount(select(s), id, severity), [select, id, severity]));
}

/** The unsuppressed findings that name the node. */
export function useNodeFindings(id: string): readonly Finding[] {
  const select = checksSelector(useDiagramStoreApi());
  return useDiagramStore(useCallback((s) => findingsOfNode(select(s), id), [select, id]));
}
