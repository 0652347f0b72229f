import { useCallback } from 'react';
import type { CheckResult, Finding } from '../domain/checker/types';
import { checksSelector, findingsOfNode } from './findings';
import { useDiagramStore, useDiagramStoreApi } from './useDiagramStore';

/** The checker's answer on the current diagram; re-renders only when the structure changes. */
export function useChecks(): CheckResult {
  return useDiagramStore(checksSelector(useDiagramStoreApi()));
}

/** The unsuppressed findings that name the node. */
export function useNodeFindings(id: string): readonly Finding[] {
  const select = checksSelector(useDiagramStoreApi());
  return useDiagramStore(useCallback((s) => findingsOfNode(select(s), id), [select, id]));
}
