/** The sizing of every component, computed once per check and shared by the capacity rules. */
import { sizeDiagram, type NodeSizing } from '../../sizing/sizing';
import type { RuleContext } from '../context';

/** Components with sizing inputs and their capacity checks (memoised per check). */
export function capacitySizings(ctx: RuleContext): NodeSizing[] {
  return ctx.memo('sizing', () => sizeDiagram(ctx.diagram).nodes);
}
