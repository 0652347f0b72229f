import { describe, expect, it, vi } from 'vitest';
import { runChecks } from '../../../src/domain/checker/runChecks';
import { createDiagramStore, type IdGenerator } from '../../../src/store/diagramStore';
import { createCheckCache } from '../../../src/store/checkCache';
import { checksOf, findingsOfNode, loadChecker, nodeFindingCount } from '../../../src/store/findings';

const counter = (): IdGenerator => {
  let i = 0;
  return (prefix) => `${prefix}${++i}`;
};

/** A store with a small design: event log -> training job, and a model server on its own. */
function setup() {
  let t = 0;
  const store = createDiagramStore({ newId: counter(), now: () => (t += 5000) });
  const s = () => store.getState();
  const log = s().addNode({ kind: 'event-log', position: { x: 0, y: 0 } });
  const train = s().addNode({ kind: 'training-job', position: { x: 300, y: 0 } });
  const server = s().addNode({ kind: 'model-server', position: { x: 600, y: 0 } });
  s().connect(log, train);
  return { store, s, log, train, server };
}

describe('the structural check cache', () => {
  it('returns the same result object after a move, a title or a brief change, without running the checker', async () => {
    const { store, s, log, train, server } = setup();
    const check = vi.fn(runChecks);
    const cached = createCheckCache(check);
    const first = cached(s().diagram);
    expect(check).toHaveBeenCalledTimes(1);

    s().moveNodes([{ id: log, position: { x: 40, y: 80 } }, { id: server, position: { x: 900, y: 300 } }]);
    s().setTitle('Video recommendations');
    s().setBrief('Recommend videos on the home page.');
    expect(cached(s().diagram)).toBe(first);
    expect(check).toHaveBeenCalledTimes(1);
    // The store cache answers the same way (once the checker's code has loaded, as in the app).
    await loadChecker();
    const before = checksOf(store);
    expect(before.pending).toBeUndefined();
    expect(before.findings.length).toBeGreaterThan(0);
    s().moveNodes([{ id: log, position: { x: 0, y: 0 } }]);
    expect(checksOf(store)).toBe(before);
    // ...and a new one after a structural change (the model server gets its training job).
    s().connect(train, server);
    expect(checksOf(store)).not.toBe(before);
  });

  it('recomputes when a move puts a node into a zone (its parent changes)', () => {
    const { s, server } = setup();
    const check = vi.fn(runChecks);
    const cached = createCheckCache(check);
    const zone = s().addNode({ kind: 'group', position: { x: 500, y: -100 } });
    cached(s().diagram);
    s().moveNodes([{ id: server, position: { x: 20, y: 40 }, parent: zone }]);
    cached(s().diagram);
    expect(check).toHaveBeenCalledTimes(2);
  });

  it('re-runs the checker after a prop change, a label change, an edge, a problem change and a suppression', () => {
    const { s, train, server } = setup();
    const embed = s().addNode({ kind: 'embedding-model', position: { x: 0, y: 200 } });
    const check = vi.fn(runChecks);
    const cached = createCheckCache(check);
    let last = cached(s().diagram);
    // [what, change, whether it changes what the checker says]
    const changes: [string, () => void, boolean][] = [
      // A pretrained embedding model is no longer a trainer but an inference node.
      ['prop', () => s().updateNode(embed, { props: { pretrained: true } }), true],
      ['label', () => s().updateNode(server, { label: 'Ranker server' }), true],
      ['edge', () => void s().connect(train, server), true],
      // Edge kinds matter: a model drawn as a data edge is an edge-kind mismatch.
      ['edge kind', () => s().updateEdge(s().diagram.edges[1].id, { kind: 'data' }), true],
      ['problem', () => s().setProblem('recommendation'), true],
      ['suppression', () => void s().suppress('edge-kind-mismatch', [train, server], 'weights copied by the deploy script'), true],
      ['delete', () => s().deleteElements([server], []), true],
      ['add', () => void s().addNode({ kind: 'drift-detection', position: { x: 0, y: 300 } }), true],
    ];
    for (const [what, change, changesFindings] of changes) {
      const calls = check.mock.calls.length;
      change();
      const next = cached(s().diagram);
      expect(check.mock.calls.length, what).toBe(calls + 1);
      expect(next, what).toEqual(runChecks(s().diagram));
      if (changesFindings) expect(next, what).not.toBe(last);
      else expect(next, what).toBe(last);
      last = next;
    }
  });

  it('keeps unchanged findings as the same objects, and the whole result when nothing changed', () => {
    const { s, log, server } = setup();
    const cached = createCheckCache(runChecks);
    const first = cached(s().diagram);
    // A tool and notes are props (structure) but no rule reads them.
    s().updateNode(server, { props: { tool: 'Triton', notes: 'GPU pool' } });
    expect(cached(s().diagram)).toBe(first);
    // A new orphan adds one finding; the others stay the same objects.
    s().addNode({ kind: 'cache', position: { x: 0, y: 400 } });
    const second = cached(s().diagram);
    expect(second).not.toBe(first);
    expect(second.findings).toHaveLength(first.findings.length + 1);
    for (const f of first.findings) expect(second.findings).toContain(f);
    // Renaming a node changes the messages that name it, and only those.
    s().updateNode(log, { label: 'Watch events' });
    const third = cached(s().diagram);
    const renamed = third.findings.filter((f) => !second.findings.includes(f));
    expect(renamed.length).toBeGreaterThan(0);
    for (const f of renamed) expect(f.message).toContain('Watch events');
  });

  it('follows undo back to the earlier structure', () => {
    const { s, train, server } = setup();
    const cached = createCheckCache(runChecks);
    const before = cached(s().diagram);
    s().connect(train, server);
    expect(cached(s().diagram).findings).not.toEqual(before.findings);
    s().undo();
    expect(cached(s().diagram)).toEqual(before);
  });

  it('counts findings per node and severity', () => {
    const { s, train, server } = setup();
    const result = runChecks(s().diagram);
    // The model server is an orphan (warning); the trainer has no handoff to it (error) and more.
    expect(nodeFindingCount(result, server, 'warning')).toBe(1);
    expect(nodeFindingCount(result, server, 'error')).toBe(0);
    expect(nodeFindingCount(result, train, 'error')).toBeGreaterThan(0);
    expect(findingsOfNode(result, train).map((f) => f.rule)).toContain('no-model-handoff');
    expect(findingsOfNode(result, train)).toBe(findingsOfNode(result, train));
    expect(findingsOfNode(result, 'nowhere')).toEqual([]);
  });
});

describe('suppressions in the store', () => {
  it('suppresses a finding with a reason, as one undoable step, and restores it', () => {
    const { s, server } = setup();
    const orphan = runChecks(s().diagram).findings.find((f) => f.rule === 'orphan-node')!;
    expect(s().suppress('orphan-node', orphan.nodeIds, '   ')).toEqual({ ok: false, error: 'Give a reason for suppressing this finding.' });
    expect(s().diagram.suppressions).toEqual([]);

    expect(s().suppress('orphan-node', [server], '  placeholder for the next iteration ').ok).toBe(true);
    expect(s().diagram.suppressions).toEqual([{ rule: 'orphan-node', nodeIds: [server], reason: 'placeholder for the next iteration' }]);
    const after = runChecks(s().diagram);
    expect(after.findings.some((f) => f.rule === 'orphan-node')).toBe(false);
    expect(after.suppressed).toEqual([{ finding: orphan, reason: 'placeholder for the next iteration' }]);

    // Suppressing the same rule and nodes again replaces the reason instead of stacking.
    s().suppress('orphan-node', [server], 'kept for later');
    expect(s().diagram.suppressions).toHaveLength(1);

    s().unsuppress(orphan);
    expect(s().diagram.suppressions).toEqual([]);
    s().undo();
    expect(s().diagram.suppressions).toEqual([{ rule: 'orphan-node', nodeIds: [server], reason: 'kept for later' }]);
  });

  it('suppresses a finding without nodes by its rule alone', () => {
    const { s } = setup();
    s().suppress('missing-stage', [], 'whiteboard round: no monitoring asked');
    expect(s().diagram.suppressions).toEqual([{ rule: 'missing-stage', reason: 'whiteboard round: no monitoring asked' }]);
    expect(runChecks(s().diagram).findings.some((f) => f.rule === 'missing-stage')).toBe(false);
  });
});
