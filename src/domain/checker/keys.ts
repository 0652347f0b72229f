import type { Suppression } from '../diagram';
import type { Finding, Severity } from './types';

/** True when the suppression applies to the finding: same rule, and either no node list or every node of the finding in it (a finding without nodes only by a rule-wide suppression). */
export function suppresses(s: Suppression, f: Finding): boolean {
  if (s.rule !== f.rule) return false;
  if (!s.nodeIds || s.nodeIds.length === 0) return true;
  if (f.nodeIds.length === 0) return false;
  const listed = new Set(s.nodeIds);
  return f.nodeIds.every((id) => listed.has(id));
}

/**
 * A stable key for a finding (rule, stage, sorted node ids), e.g. for React keys and diffing.
 * A finding without nodes adds its message: `missing-component` raises several such findings
 * in one stage, told apart only by the group they name (their messages are fixed text). A finding
 * about edges adds their ids.
 */
export function findingKey(f: Finding): string {
  const ids = [...f.nodeIds].sort();
  // Two edges of different kinds may join the same two nodes: an edge finding is keyed by its edges too.
  if (f.edgeIds && f.edgeIds.length > 0) return JSON.stringify([f.rule, f.stage ?? null, ids, [...f.edgeIds].sort()]);
  return JSON.stringify(ids.length > 0 ? [f.rule, f.stage ?? null, ids] : [f.rule, f.stage ?? null, ids, f.message]);
}

/** Number of findings of each severity. */
export function countBySeverity(findings: readonly Finding[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;
  return counts;
}
