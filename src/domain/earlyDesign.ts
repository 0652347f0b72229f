/**
 * A design that is just starting (domain.md section 4 leaves the severities as they are; the app
 * presents them): its uncovered stages read as a to-do list, not as a wall of errors. Small and
 * free of the checker, so the always-visible stage strip can use it from the first paint.
 */
import type { Finding } from './checker/types';
import type { Diagram } from './diagram';

/** Below this many components (cards, notes and zones aside) a design is just starting. */
export const EARLY_DESIGN_COMPONENTS = 6;

/**
 * True for a design that is just starting: fewer than EARLY_DESIGN_COMPONENTS components. The app
 * then presents the uncovered stages as a to-do list rather than as errors (the checker's findings
 * and the command line's exit code stay the same).
 */
export function isEarlyDesign(d: Pick<Diagram, 'nodes'>): boolean {
  let n = 0;
  for (const node of d.nodes) {
    if (node.kind === 'note' || node.kind === 'group' || node.kind === 'requirements' || node.kind === 'ml-objective') continue;
    if (++n >= EARLY_DESIGN_COMPONENTS) return false;
  }
  return true;
}

/**
 * The findings a design that is just starting sees as its to-do list rather than as errors and
 * warnings: every uncovered stage (`missing-stage`), and the incomplete-card warnings on the cards
 * those stages name (the to-do already says what the card lacks).
 */
export function toDoFindings(findings: readonly Finding[]): Set<Finding> {
  const out = new Set<Finding>();
  const cards = new Set<string>();
  for (const f of findings) {
    if (f.rule !== 'missing-stage') continue;
    out.add(f);
    for (const id of f.nodeIds) cards.add(id);
  }
  for (const f of findings) {
    if ((f.rule === 'requirements-incomplete' || f.rule === 'objective-incomplete') && f.nodeIds.some((id) => cards.has(id))) out.add(f);
  }
  return out;
}
