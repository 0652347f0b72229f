/**
 * Findings are derived from the diagram, never stored beside it. This module remembers the last
 * check and reuses it while the diagram's structure is unchanged: positions (a drag end), the
 * title and the brief never change what the checker says, so they never re-run it.
 *
 * "Structure" is compared by identity, which the store makes cheap and exact: it keeps every
 * unchanged node, props object, edge and suppression list identical across commits, and a move
 * creates new node objects whose only change is `position`.
 */
import { findingKey } from '../domain/checker/keys';
import type { runChecks as RunChecks } from '../domain/checker/runChecks';
import type { CheckResult, Finding, Severity, SuppressedFinding } from '../domain/checker/types';
import type { Diagram, DiagramEdge, DiagramNode } from '../domain/diagram';
import { STAGE_IDS } from '../domain/stages';
import type { DiagramState, DiagramStore } from './diagramStore';

/** True when the checker would answer the same for both diagrams (everything but positions, title and brief equal). */
export function sameStructure(a: Diagram, b: Diagram): boolean {
  if (a === b) return true;
  if (a.problem !== b.problem || a.suppressions !== b.suppressions) return false;
  return sameNodes(a.nodes, b.nodes) && sameEdges(a.edges, b.edges);
}

function sameNodes(a: readonly DiagramNode[], b: readonly DiagramNode[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    const y = b[i];
    if (x === y) continue;
    if (x.id !== y.id || x.kind !== y.kind || x.props !== y.props || x.label !== y.label || x.parent !== y.parent) return false;
  }
  return true;
}

function sameEdges(a: readonly DiagramEdge[], b: readonly DiagramEdge[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    const y = b[i];
    if (x === y) continue;
    // An edge's label is not read by any rule.
    if (x.id !== y.id || x.source !== y.source || x.target !== y.target || x.kind !== y.kind) return false;
  }
  return true;
}

/**
 * A memoised checker: returns the previous result object while the diagram's structure is
 * unchanged. After a structural change it runs the checker again and keeps every finding that
 * did not change as the same object (and the whole previous result when nothing changed, e.g.
 * after editing a tool or notes), so memoised views of unchanged findings skip their render.
 */
export function createCheckCache(check: (d: Diagram) => CheckResult): (d: Diagram) => CheckResult {
  let last: Diagram | null = null;
  let result: CheckResult | null = null;
  return (diagram) => {
    if (result && last && (diagram === last || sameStructure(last, diagram))) {
      last = diagram;
      return result;
    }
    const next = check(diagram);
    result = result ? reuseUnchanged(result, next) : next;
    last = diagram;
    return result;
  };
}

function sameFinding(a: Finding, b: Finding): boolean {
  return (
    a.rule === b.rule &&
    a.severity === b.severity &&
    a.stage === b.stage &&
    a.message === b.message &&
    a.hint === b.hint &&
    a.nodeIds.length === b.nodeIds.length &&
    a.nodeIds.every((id, i) => id === b.nodeIds[i])
  );
}

/** The new result with the previous objects of findings that did not change; the previous result when none did. */
function reuseUnchanged(prev: CheckResult, next: CheckResult): CheckResult {
  const old = new Map<string, Finding>();
  for (const f of prev.findings) old.set(findingKey(f), f);
  const oldSuppressed = new Map<string, SuppressedFinding>();
  for (const s of prev.suppressed) oldSuppressed.set(findingKey(s.finding), s);

  let same = prev.findings.length === next.findings.length && prev.suppressed.length === next.suppressed.length;
  const findings = next.findings.map((f, i) => {
    const o = old.get(findingKey(f));
    const kept = o && sameFinding(o, f) ? o : f;
    if (kept !== prev.findings[i]) same = false;
    return kept;
  });
  const suppressed = next.suppressed.map((s, i) => {
    const o = oldSuppressed.get(findingKey(s.finding));
    const kept = o && o.reason === s.reason && sameFinding(o.finding, s.finding) ? o : s;
    if (kept !== prev.suppressed[i]) same = false;
    return kept;
  });
  if (same && STAGE_IDS.every((id) => prev.stages[id] === next.stages[id])) return prev;
  return { findings, suppressed, stages: next.stages };
}

/**
 * The checker's rules load as their own chunk after the first paint (they are not needed to draw the
 * page); until then the result is PENDING and the panels say "Checking…".
 */
let checker: typeof RunChecks | null = null;
let loading: Promise<typeof RunChecks> | null = null;
const waiting = new Set<DiagramStore>();

/** Loads the checker (once); stores that asked for a result while it loaded are told to re-read. */
export function loadChecker(): Promise<typeof RunChecks> {
  loading ??= import('../domain/checker/runChecks').then((m) => {
    checker = m.runChecks;
    for (const store of waiting) store.setState({});
    waiting.clear();
    return m.runChecks;
  });
  return loading;
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
      if (!checker) {
        waiting.add(store);
        void loadChecker();
        return PENDING;
      }
      cached ??= createCheckCache(checker);
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
