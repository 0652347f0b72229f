/**
 * orphan-node: a component with no edge at all. A lone box usually means a forgotten
 * connection (the design names a feature store but nothing reads from it), so the flow the
 * design claims is not the flow it draws. Notes, zones, the Requirements card and the ML
 * objective card are meant to stand alone and are ignored; an edge to a note or a zone does
 * not count as a connection.
 */
import { nodeLabel, nodeStage } from '../../diagram';
import { degree } from '../../graph';
import type { Rule } from '../context';
import type { Finding } from '../types';

/** One finding per component node with no edge. */
export const orphanNode: Rule = (ctx) => {
  const findings: Finding[] = [];
  for (const node of ctx.components) {
    if (node.kind === 'requirements' || node.kind === 'ml-objective') continue;
    if (degree(ctx.graph, node.id) > 0) continue;
    const stage = nodeStage(node);
    findings.push({
      rule: 'orphan-node',
      severity: 'warning',
      ...(stage ? { stage } : {}),
      nodeIds: [node.id],
      message: `"${nodeLabel(node)}" is not connected to anything: draw the edges that feed it and that it feeds, or remove it.`,
      hint: 'Every component should take part in a data, model or request flow; show what goes in and what comes out.',
    });
  }
  return findings;
};
