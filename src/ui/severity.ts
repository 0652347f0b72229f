import { CircleX, Info, TriangleAlert, type LucideIcon } from 'lucide-react';
import type { Severity } from '../domain/checker/types';

/** The icon of each finding severity (shape as well as colour tells them apart). */
export const SEVERITY_ICON: Record<Severity, LucideIcon> = { error: CircleX, warning: TriangleAlert, info: Info };

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
