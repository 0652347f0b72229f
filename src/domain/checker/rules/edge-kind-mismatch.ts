/**
 * edge-kind-mismatch: an edge's kind contradicts what its two ends do (domain.md section 3). A model
 * moving from a trainer, an evaluation or a registry into an evaluation, a registry, an A/B test or
 * a server is a `model` edge (as a `data` edge it hides the release path, and the registry and gate
 * checks cannot see it); a `request` goes from caller to callee, so one pointing into a client app is
 * drawn backwards; an alert from drift detection or monitoring into training or an orchestrator
 * triggers (`control`): it carries no training data. Each finding offers the one-click fix.
 */
import { EDGE_KIND_INFO, EDGE_KINDS, nodeLabel, type DiagramEdge, type DiagramNode } from '../../diagram';
import { mismatchFromMasks, type EdgeKindMismatch } from '../../roleRules';
import type { Rule } from '../context';
import type { Finding } from '../types';

const REQUEST = EDGE_KINDS.indexOf('request');

/** One finding per edge whose kind contradicts its ends (in the order the edges were drawn), naming both ends and the fix. */
export const edgeKindMismatchRule: Rule = (ctx) => {
  const g = ctx.graph;
  const nodes = ctx.diagram.nodes;
  const edges = ctx.diagram.edges;
  const masks = ctx.roleMasks;
  // The graph's arrays, not a map lookup per edge (notes and zones are already left out).
  const called = new Uint8Array(nodes.length);
  for (let k = 0; k < g.edgeCount; k++) if (g.outKind[k] === REQUEST) called[g.outAdj[k]] = 1;
  const found: [edge: number, finding: Finding][] = [];
  for (let si = 0; si < nodes.length; si++) {
    for (let k = g.outStart[si]; k < g.outStart[si + 1]; k++) {
      const ti = g.outAdj[k];
      const e = edges[g.outEdge[k]];
      const m = mismatchFromMasks(masks[si], masks[ti], e.kind, called[si] === 1);
      if (m) found.push([g.outEdge[k], findingOf(nodes[si], nodes[ti], e, m)]);
    }
  }
  return found.sort((a, b) => a[0] - b[0]).map(([, f]) => f);
};

function findingOf(s: DiagramNode, t: DiagramNode, e: DiagramEdge, m: EdgeKindMismatch): Finding {
  const from = `"${nodeLabel(s)}"`;
  const to = `"${nodeLabel(t)}"`;
  const drawn = EDGE_KIND_INFO[e.kind].label.toLowerCase();
  const base = { rule: 'edge-kind-mismatch' as const, severity: 'warning' as const, nodeIds: [s.id, t.id], edgeIds: [e.id] };
  if (m.expected === 'reverse') {
    return {
      ...base,
      stage: 'serving',
      message: `The request from ${from} to ${to} points into the client: calls go from caller to callee, so turn it round (${to} -> ${from}).`,
      hint: 'A request edge is the online call path: the client calls the service, the service calls what it looks up; the latency check follows it in that direction.',
      fix: { action: 'reverse-edge', edgeId: e.id, label: 'Turn it round' },
    };
  }
  if (m.why === 'model') {
    return {
      ...base,
      stage: 'serving',
      message: `${from} -> ${to} carries a model but is drawn as a ${drawn} edge: make it a model edge, so the release path (training -> evaluation -> registry -> server) shows.`,
      hint: 'Model edges carry trained artifacts; the registry and evaluation-gate checks follow only them.',
      fix: { action: 'set-edge-kind', edgeId: e.id, kind: 'model', label: 'Make it a model edge' },
    };
  }
  return {
    ...base,
    stage: 'monitoring',
    message: `${from} -> ${to} is an alert but is drawn as a ${drawn} edge: an alert triggers retraining, it carries no training data; make it a control edge (and bring labels back through a feedback edge from logged outcomes).`,
    hint: 'Drift detection and alerts decide when to retrain (control); the training data comes from logged predictions joined with outcomes (feedback, data).',
    fix: { action: 'set-edge-kind', edgeId: e.id, kind: 'control', label: 'Make it a control edge' },
  };
}
