/**
 * The check result of the store's diagram for the panels and the canvas: the checker and its
 * structural cache (checkCache.ts) load after the first paint; until then the result is PENDING.
 */
import { loadFailureSentence } from '../commands/lazyActions';
import type { CheckResult, Finding, Severity } from '../domain/checker/types';
import type { Diagram } from '../domain/diagram';
import { STAGE_IDS } from '../domain/stages';
import type { DiagramState, DiagramStore } from './diagramStore';

/**
 * The checker's rules and its cache load as their own chunks after the first paint (they are not
 * needed to draw the page); until then the result is PENDING and the panels say "Checking…".
 */
let newCheck: (() => (d: Diagram) => CheckResult) | null = null;
let loading: Promise<void> | null = null;
const waiting = new Set<DiagramStore>();

/** Loads the checker (once); stores that asked for a result while it loaded are told to re-read. */
export function loadChecker(): Promise<void> {
  loading ??= Promise.all([import('../domain/checker/runChecks'), import('./checkCache')]).then(
    ([checks, cache]) => {
      newCheck = () => cache.createCheckCache(checks.runChecks);
      unavailable = null;
      for (const store of waiting) store.setState({});
      waiting.clear();
    },
    (e: unknown) => {
      // The panels say so and offer a retry (loadChecker again); the stores re-read to show it.
      loading = null;
      unavailable = Object.freeze({ ...PENDING, unavailable: loadFailureSentence('the design check', e) });
      for (const store of waiting) store.setState({});
    },
  );
  return loading;
}
let unavailable: CheckResult | null = null;

/** After a failed load: shows "Checking…" again and loads the checker once more. */
export function retryChecker(): void {
  unavailable = null;
  for (const store of waiting) store.setState({});
  void loadChecker();
}

/** The result shown while the checker loads: nothing found, nothing covered, and flagged pending. */
export const PENDING: CheckResult = Object.freeze({
  findings: [],
  suppressed: [],
  stages: Object.fromEntries(STAGE_IDS.map((id) => [id, false])) as CheckResult['stages'],
  pending: true,
});

const caches = new WeakMap<DiagramStore, (s: DiagramState) => CheckResult>();

/** The selector of a store's check result (one cache per store), for `useDiagramStore`. */
export function checksSelector(store: DiagramStore): (s: DiagramState) => CheckResult {
  let selector = caches.get(store);
  if (!selector) {
    let cached: ((d: Diagram) => CheckResult) | null = null;
    selector = (s) => {
      if (!newCheck) {
        waiting.add(store);
        if (unavailable) return unavailable;
        void loadChecker();
        return PENDING;
      }
      cached ??= newCheck();
      return cached(s.diagram);
    };
    caches.set(store, selector);
  }
  return selector;
}

/** The check result of a store's current diagram, outside React. */
export function checksOf(store: DiagramStore): CheckResult {
  return checksSelector(store)(store.getState());
}

/** Finding counts of one node. */
export interface NodeCounts {
  error: number;
  warning: number;
  info: number;
}

/** A check result indexed by node id. */
export interface NodeFindingIndex {
  counts: ReadonlyMap<string, NodeCounts>;
  findings: ReadonlyMap<string, readonly Finding[]>;
}

const indexes = new WeakMap<CheckResult, NodeFindingIndex>();

/** Unsuppressed findings by node id, built once per check result. */
export function nodeFindingIndex(result: CheckResult): NodeFindingIndex {
  let index = indexes.get(result);
  if (!index) {
    const counts = new Map<string, NodeCounts>();
    const findings = new Map<string, Finding[]>();
    for (const f of result.findings) {
      for (const id of new Set(f.nodeIds)) {
        let c = counts.get(id);
        if (!c) counts.set(id, (c = { error: 0, warning: 0, info: 0 }));
        c[f.severity]++;
        const list = findings.get(id);
        if (list) list.push(f);
        else findings.set(id, [f]);
      }
    }
    index = { counts, findings };
    indexes.set(result, index);
  }
  return index;
}

const NO_FINDINGS: readonly Finding[] = [];

/** The unsuppressed findings that name a node (the same array while the check result is the same). */
export function findingsOfNode(result: CheckResult, id: string): readonly Finding[] {
  return nodeFindingIndex(result).findings.get(id) ?? NO_FINDINGS;
}

/** How many unsuppressed findings of a severity name a node. */
export function nodeFindingCount(result: CheckResult, id: string, severity: Severity): number {
  return nodeFindingIndex(result).counts.get(id)?.[severity] ?? 0;
}
