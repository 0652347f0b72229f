/**
 * edge-kind-mismatch: an edge's kind contradicts what its two ends do (domain.md section 3). A model
 * moving from a trainer, an evaluation or a registry into an evaluation, a registry, an A/B test or
 * a server is a `model` edge (as a `data` edge it hides the release path, and the registry and gate
 * checks cannot see it); a `request` goes from caller to callee, so one pointing into a client app is
 * drawn backwards; an alert from drift detection or monitoring into training or an orchestrator
 * triggers (`control`): it carries no training data. Each finding offers the one-click fix.
 */
import { EDGE_KIND_INFO, nodeLabel } from '../../diagram';
import { edgeKindMismatch } from '../../roleRules';
import type { Rule } from '../context';
import type { Finding } from '../types';

/** One finding per edge whose kind contradicts its ends, naming both ends and the fix. */
export const edgeKindMismatchRule: Rule = (ctx) => {
  const findings: Finding[] = [];
  let called: Set<string> | null = null;
  for (const e of ctx.diagram.edges) {
    const s = ctx.node(e.source);
    const t = ctx.node(e.target);
    if (!s || !t || s.kind === 'note' || s.kind === 'group' || t.kind === 'note' || t.kind === 'group') continue;
    called ??= new Set(ctx.diagram.edges.filter((x) => x.kind === 'request').map((x) => x.target));
    const m = edgeKindMismatch(s, t, e.kind, called.has(s.id));
    if (!m) continue;
    const from = `"${nodeLabel(s)}"`;
    const to = `"${nodeLabel(t)}"`;
    const drawn = EDGE_KIND_INFO[e.kind].label.toLowerCase();
    const base = { rule: 'edge-kind-mismatch' as const, severity: 'warning' as const, nodeIds: [s.id, t.id], edgeIds: [e.id] };
    if (m.expected === 'reverse') {
      findings.push({
        ...base,
        stage: 'serving',
        message: `The request from ${from} to ${to} points into the client: calls go from caller to callee, so turn it round (${to} -> ${from}).`,
        hint: 'A request edge is the online call path: the client calls the service, the service calls what it looks up; the latency check follows it in that direction.',
        fix: { action: 'reverse-edge', edgeId: e.id, label: 'Turn it round' },
      });
    } else if (m.why === 'model') {
      findings.push({
        ...base,
        stage: 'serving',
        message: `${from} -> ${to} carries a model but is drawn as a ${drawn} edge: make it a model edge, so the release path (training -> evaluation -> registry -> server) shows.`,
        hint: 'Model edges carry trained artifacts; the registry and evaluation-gate checks follow only them.',
        fix: { action: 'set-edge-kind', edgeId: e.id, kind: 'model', label: 'Make it a model edge' },
      });
    } else {
      findings.push({
        ...base,
        stage: 'monitoring',
        message: `${from} -> ${to} is an alert but is drawn as a ${drawn} edge: an alert triggers retraining, it carries no training data; make it a control edge (and bring labels back through a feedback edge from logged outcomes).`,
        hint: 'Drift detection and alerts decide when to retrain (control); the training data comes from logged predictions joined with outcomes (feedback, data).',
        fix: { action: 'set-edge-kind', edgeId: e.id, kind: 'control', label: 'Make it a control edge' },
      });
    }
  }
  return findings;
};
