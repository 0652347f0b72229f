import { describe, expect, it } from 'vitest';
import { createDiagramStore, type IdGenerator } from '../../src/store/diagramStore';

const counter = (): IdGenerator => {
  let i = 0;
  return (prefix) => `${prefix}${++i}`;
};
const make = () => {
  let t = 0;
  return createDiagramStore({ newId: counter(), now: () => (t += 5000) });
};

describe('diagram store', () => {
  it('adds a component with an id from the injected generator and selects it', () => {
    const s = make();
    const id = s.getState().addNode({ kind: 'feature-store', position: { x: 10.4, y: 20.6 } });
    expect(id).toBe('n1');
    expect(s.getState().diagram.nodes).toEqual([{ id: 'n1', kind: 'feature-store', position: { x: 10, y: 21 }, props: {} }]);
    expect(s.getState().selection).toEqual({ nodes: ['n1'], edges: [] });
  });

  it('never reuses an id that a loaded diagram already has', () => {
    const s = createDiagramStore({ newId: () => 'same' });
    s.getState().addNode({ kind: 'cache', position: { x: 0, y: 0 } });
    let calls = 0;
    const s2 = createDiagramStore({ newId: (p) => (++calls < 3 ? 'dup' : `${p}fresh`), diagram: s.getState().diagram });
    s2.getState().replaceDiagram({ ...s.getState().diagram, nodes: [{ ...s.getState().diagram.nodes[0], id: 'dup' }] });
    expect(s2.getState().addNode({ kind: 'cache', position: { x: 0, y: 0 } })).toBe('nfresh');
  });

  it('connects with the proposed kind and refuses self-loops and duplicates', () => {
    const s = make();
    const fs = s.getState().addNode({ kind: 'feature-store', position: { x: 0, y: 0 } });
    const ms = s.getState().addNode({ kind: 'model-server', position: { x: 300, y: 0 } });
    const tj = s.getState().addNode({ kind: 'training-job', position: { x: 0, y: 200 } });
    const ok = s.getState().connect(fs, ms);
    expect(ok).toEqual({ ok: true, value: 'e4' });
    expect(s.getState().diagram.edges[0]).toEqual({ id: 'e4', source: fs, target: ms, kind: 'data' });
    expect(s.getState().connect(tj, ms)).toMatchObject({ ok: true });
    expect(s.getState().diagram.edges[1].kind).toBe('model');
    expect(s.getState().connect(fs, fs)).toEqual({ ok: false, error: 'A component cannot connect to itself.' });
    const dup = s.getState().connect(fs, ms);
    expect(dup.ok).toBe(false);
    expect(s.getState().diagram.edges).toHaveLength(2);
    // The same pair with another kind is a different edge.
    expect(s.getState().connect(fs, ms, 'stream').ok).toBe(true);
  });

  it('deletes nodes with their edges, and a zone leaves its contents where they are', () => {
    const s = make();
    const zone = s.getState().addNode({ kind: 'group', position: { x: 100, y: 100 } });
    const a = s.getState().addNode({ kind: 'batch-etl', position: { x: 150, y: 160 }, parent: zone });
    const b = s.getState().addNode({ kind: 'data-warehouse', position: { x: 600, y: 160 } });
    expect(s.getState().diagram.nodes.find((n) => n.id === a)).toMatchObject({ parent: zone, position: { x: 50, y: 60 } });
    s.getState().connect(a, b);
    s.getState().deleteElements([zone], []);
    const left = s.getState().diagram.nodes;
    expect(left.map((n) => n.id)).toEqual([a, b]);
    expect(left[0].parent).toBeUndefined();
    expect(left[0].position).toEqual({ x: 150, y: 160 });
    expect(s.getState().diagram.edges).toHaveLength(1);
    s.getState().deleteElements([b], []);
    expect(s.getState().diagram.edges).toHaveLength(0);
  });

  it('updates props and label, removing a prop set to undefined', () => {
    const s = make();
    const id = s.getState().addNode({ kind: 'model-server', position: { x: 0, y: 0 } });
    s.getState().updateNode(id, { label: 'Ranker endpoint', props: { tool: 'Triton', latencyMs: 12 } });
    expect(s.getState().diagram.nodes[0]).toMatchObject({ label: 'Ranker endpoint', props: { tool: 'Triton', latencyMs: 12 } });
    s.getState().updateNode(id, { label: '', props: { latencyMs: undefined } });
    expect(s.getState().diagram.nodes[0].label).toBeUndefined();
    expect(s.getState().diagram.nodes[0].props).toEqual({ tool: 'Triton' });
  });

  it('moves a node into a zone and keeps zones before their children', () => {
    const s = make();
    const a = s.getState().addNode({ kind: 'cache', position: { x: 0, y: 0 } });
    const zone = s.getState().addNode({ kind: 'group', position: { x: 400, y: 0 } });
    s.getState().moveNodes([{ id: a, position: { x: 20, y: 50 }, parent: zone }]);
    expect(s.getState().diagram.nodes.map((n) => n.id)).toEqual([zone, a]);
    expect(s.getState().diagram.nodes[1]).toMatchObject({ parent: zone, position: { x: 20, y: 50 } });
  });

  it('undoes and redoes, and a burst of edits to one field is one step', () => {
    let t = 0;
    const s = createDiagramStore({ newId: counter(), now: () => t });
    const id = s.getState().addNode({ kind: 'model-server', position: { x: 0, y: 0 } });
    t = 10_000;
    for (const tool of ['T', 'Tr', 'Tri', 'Triton']) {
      t += 100;
      s.getState().updateNode(id, { props: { tool } }, `${id}:tool`);
    }
    expect(s.getState().history.past).toHaveLength(2);
    s.getState().undo();
    expect(s.getState().diagram.nodes[0].props.tool).toBeUndefined();
    s.getState().undo();
    expect(s.getState().diagram.nodes).toHaveLength(0);
    s.getState().redo();
    s.getState().redo();
    expect(s.getState().diagram.nodes[0].props.tool).toBe('Triton');
  });

  it('resizes a zone from its top-left edge without moving its contents on screen', () => {
    const s = make();
    const zone = s.getState().addNode({ kind: 'group', position: { x: 0, y: 0 } });
    const a = s.getState().addNode({ kind: 'cache', position: { x: 100, y: 100 }, parent: zone });
    s.getState().resizeZone(zone, { x: -50, y: -20, width: 700, height: 400 });
    const [z, n] = s.getState().diagram.nodes;
    expect(z).toMatchObject({ position: { x: -50, y: -20 }, props: { width: 700, height: 400 } });
    expect(n).toMatchObject({ id: a, position: { x: 150, y: 120 } });
  });
});
