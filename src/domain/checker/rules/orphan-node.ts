/**
 * orphan-node: a component with no edge at all. A lone box usually means a forgotten
 * connection (the design names a feature store but nothing reads from it), so the flow the
 * design claims is not the flow it draws. Notes, zones, the Requirements card and the ML
 * objective card are meant to stand alone and are ignored; an edge to a note or a zone does
 * not count as a connection.
 */
import { nodeLabel, nodeStage } from '../../diagram';
import { degreeAt } from '../../graph';
import type { Rule } from '../context';
import type { Finding } from '../types';

const IGNORED = new Set(['note', 'group', 'requirements', 'ml-objective']);

/** One finding per component node with no edge. */
export const orphanNode: Rule = (ctx) => {
  const findings: Finding[] = [];
  const nodes = ctx.diagram.nodes;
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i];
    if (IGNORED.has(node.kind) || degreeAt(ctx.graph, i) > 0) continue;
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
