import type { Severity } from '../domain/checker/types';

const NOUN: Record<Severity, [string, string]> = {
  error: ['error', 'errors'],
  warning: ['warning', 'warnings'],
  info: ['note', 'notes'],
};

/** "1 error", "3 warnings". */
export function countLabel(n: number, severity: Severity): string {
  return `${n} ${NOUN[severity][n === 1 ? 0 : 1]}`;
}

/** "2 errors, 1 warning" for the non-zero counts (empty when all are zero). */
export function countsLabel(counts: Record<Severity, number>): string {
  return (['error', 'warning', 'info'] as const)
    .filter((s) => counts[s] > 0)
    .map((s) => countLabel(counts[s], s))
    .join(', ');
}
