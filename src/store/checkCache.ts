/**
 * The structural check cache. Findings are derived from the diagram, never stored beside it; this
 * remembers the last check and reuses it while the diagram's structure is unchanged: positions (a
 * drag end), the title and the brief never change what the checker says, so they never re-run it.
 * It loads with the checker (findings.ts), after the first paint.
 *
 * "Structure" is compared by identity, which the store makes cheap and exact: it keeps every
 * unchanged node, props object, edge and suppression list identical across commits, and a move
 * creates new node objects whose only change is `position`.
 */
import { findingKey } from '../domain/checker/keys';
import type { CheckResult, Finding, SuppressedFinding } from '../domain/checker/types';
import type { Diagram, DiagramEdge, DiagramNode } from '../domain/diagram';
import { STAGE_IDS } from '../domain/stages';

/** True when the checker would answer the same for both diagrams (everything but positions, title and brief equal). */
export function sameStructure(a: Diagram, b: Diagram): boolean {
  if (a === b) return true;
  if (a.problem !== b.problem || a.suppressions !== b.suppressions) return false;
  return sameItems(a.nodes, b.nodes, sameNode) && sameItems(a.edges, b.edges, sameEdge);
}

/** Equal lists, item by item: identical objects, or objects `same` says are equal. */
function sameItems<T>(a: readonly T[], b: readonly T[], same: (x: T, y: T) => boolean): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i] && !same(a[i], b[i])) return false;
  return true;
}

const sameNode = (x: DiagramNode, y: DiagramNode) =>
  x.id === y.id && x.kind === y.kind && x.props === y.props && x.label === y.label && x.parent === y.parent;

// An edge's label is not read by any rule.
const sameEdge = (x: DiagramEdge, y: DiagramEdge) => x.id === y.id && x.source === y.source && x.target === y.target && x.kind === y.kind;

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
    a.nodeIds.every((id, i) => id === b.nodeIds[i]) &&
    JSON.stringify(a.edgeIds ?? null) === JSON.stringify(b.edgeIds ?? null) &&
    JSON.stringify(a.fix ?? null) === JSON.stringify(b.fix ?? null)
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
  const sameGaps = STAGE_IDS.every((id) => prev.stageGaps?.[id] === next.stageGaps?.[id]);
  const sameToDo = (prev.toDo ?? []).join('\n') === (next.toDo ?? []).join('\n') && !prev.toDo === !next.toDo;
  if (same && sameGaps && sameToDo && STAGE_IDS.every((id) => prev.stages[id] === next.stages[id])) return prev;
  return {
    findings,
    suppressed,
    stages: next.stages,
    ...(next.stageGaps ? { stageGaps: next.stageGaps } : {}),
    ...(next.toDo ? { toDo: next.toDo } : {}),
  };
}
