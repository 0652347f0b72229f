import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { bindStore } from '../../../src/collab/binding';
import { DiagramReader, readClock, writeDiagram } from '../../../src/collab/docModel';
import type { Diagram } from '../../../src/domain/diagram';
import { createDiagramStore } from '../../../src/store/diagramStore';

const diagram: Diagram = {
  title: 'Fraud',
  problem: 'fraud',
  brief: 'Flag fraud',
  nodes: [
    { id: 'z', kind: 'group', position: { x: 0, y: 0 }, props: { width: 500, height: 300, zone: 'online' } },
    { id: 'a', kind: 'message-queue', label: 'Transactions', parent: 'z', position: { x: 10, y: 20 }, props: { tool: 'Kafka' } },
    { id: 'b', kind: 'stream-processor', position: { x: 240, y: 20 }, props: { tool: 'Flink', extra: { keep: [1, 2] } } },
  ],
  edges: [{ id: 'e', source: 'a', target: 'b', kind: 'stream', label: 'events' }],
  suppressions: [{ rule: 'orphan-node', nodeIds: ['b'], reason: 'drawn later' }],
};

/** Syncs two documents both ways, as a server would. */
function link(a: Y.Doc, b: Y.Doc) {
  a.on('update', (u: Uint8Array, o: unknown) => o !== 'remote' && Y.applyUpdate(b, u, 'remote'));
  b.on('update', (u: Uint8Array, o: unknown) => o !== 'remote' && Y.applyUpdate(a, u, 'remote'));
}

describe('the room document', () => {
  it('holds the diagram of the file format and gives it back unchanged', () => {
    const doc = new Y.Doc();
    writeDiagram(doc, null, diagram, 'me');
    const { diagram: back, refused } = new DiagramReader(doc).read();
    expect(refused).toEqual([]);
    expect(back).toEqual(diagram);
    // No React Flow state in it.
    expect(JSON.stringify(doc.toJSON())).not.toMatch(/selected|measured|dragging/);
  });

  it('a rename on one side and a move on the other of the same node both survive', () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    writeDiagram(a, null, diagram, 'me');
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    const renamed = { ...diagram, nodes: diagram.nodes.map((n) => (n.id === 'b' ? { ...n, label: 'Aggregates' } : n)) };
    const moved = { ...diagram, nodes: diagram.nodes.map((n) => (n.id === 'b' ? { ...n, position: { x: 900, y: 40 } } : n)) };
    writeDiagram(a, diagram, renamed, 'a');
    writeDiagram(b, diagram, moved, 'b');
    link(a, b);
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    for (const d of [a, b]) {
      const n = new DiagramReader(d).read().diagram.nodes.find((x) => x.id === 'b')!;
      expect(n.label).toBe('Aggregates');
      expect(n.position).toEqual({ x: 900, y: 40 });
    }
  });

  it('refuses what a file could not hold, entry by entry, and keeps the rest', () => {
    const doc = new Y.Doc();
    writeDiagram(doc, null, diagram, 'me');
    const bad = new Y.Map<unknown>();
    bad.set('kind', 'feature-stor');
    bad.set('at', { x: 0, y: 0 });
    const far = new Y.Map<unknown>();
    far.set('kind', 'cache');
    far.set('at', { x: 1e308, y: 0 });
    const long = new Y.Map<unknown>();
    long.set('kind', 'cache');
    long.set('label', 'x'.repeat(200_000));
    long.set('at', { x: 0, y: 0 });
    doc.getMap('nodes').set('bad', bad);
    doc.getMap('nodes').set('far', far);
    doc.getMap('nodes').set('long', long);
    doc.getMap('meta').set('problem', 'nope');
    const { diagram: d, refused } = new DiagramReader(doc).read();
    expect(d.nodes.map((n) => n.id)).toEqual(['z', 'a', 'b']);
    expect(d.problem).toBe('generic');
    const messages = refused.map((r) => r.message).join('\n');
    expect(messages).toContain('nodes["bad"].kind: unknown kind "feature-stor"');
    expect(messages).toMatch(/nodes\["far"\]\.position\.x: must be/);
    expect(messages).toContain('nodes["long"].label: longer than');
    expect(messages).toContain('problem: unknown problem "nope"');
  });

  it('repairs what concurrent valid edits leave: an edge to a deleted node, a zone cycle, two equal edges', () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    const two: Diagram = {
      ...diagram,
      nodes: [...diagram.nodes, { id: 'z2', kind: 'group', position: { x: 600, y: 0 }, props: { width: 300, height: 300 } }],
    };
    writeDiagram(a, null, two, 'me');
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    // A deletes b; B connects a -> b again with another kind and puts z inside z2 while A puts z2 inside z.
    writeDiagram(a, two, { ...two, nodes: two.nodes.filter((n) => n.id !== 'b').map((n) => (n.id === 'z2' ? { ...n, parent: 'z' } : n)), edges: [] }, 'a');
    writeDiagram(b, two, { ...two, nodes: two.nodes.map((n) => (n.id === 'z' ? { ...n, parent: 'z2' } : n)), edges: [...two.edges, { id: 'e2', source: 'a', target: 'b', kind: 'data' }] }, 'b');
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    const da = new DiagramReader(a).read();
    const db = new DiagramReader(b).read();
    expect(da.diagram).toEqual(db.diagram);
    expect(da.refused).toEqual([]);
    expect(da.diagram.edges).toEqual([]);
    // The cycle is broken at the smaller id; zones come before their children.
    const z = da.diagram.nodes.find((n) => n.id === 'z')!;
    expect(z.parent).toBeUndefined();
    const ids = da.diagram.nodes.map((n) => n.id);
    expect(ids.indexOf('z')).toBeLessThan(ids.indexOf('z2'));
  });

  it('keeps unchanged nodes as the same objects between reads', () => {
    const doc = new Y.Doc();
    writeDiagram(doc, null, diagram, 'me');
    const reader = new DiagramReader(doc);
    const first = reader.read().diagram;
    (doc.getMap('nodes').get('b') as Y.Map<unknown>).set('label', 'Renamed');
    const second = reader.read().diagram;
    expect(second.nodes[0]).toBe(first.nodes[0]);
    expect(second.nodes[1]).toBe(first.nodes[1]);
    expect(second.nodes[2]).not.toBe(first.nodes[2]);
    expect(second.edges).toBe(first.edges);
  });

  it('reads a shared timer only when it is one', () => {
    expect(readClock({ step: 2, spent: [1, 2, 3, 0, 0, 0, 0], runningSince: null })).toEqual({ step: 2, spent: [1, 2, 3, 0, 0, 0, 0], runningSince: null });
    expect(readClock({ step: 9, spent: [0, 0, 0, 0, 0, 0, 0], runningSince: null })).toBeNull();
    expect(readClock({ step: 0, spent: [Infinity, 0, 0, 0, 0, 0, 0], runningSince: 1 })).toBeNull();
  });
});

describe('the store bound to a room', () => {
  it('undo takes back one’s own change only; a peer’s change stays', () => {
    const docA = new Y.Doc();
    const docB = new Y.Doc();
    link(docA, docB);
    const a = createDiagramStore({ diagram });
    const b = createDiagramStore();
    writeDiagram(docA, null, diagram, 'init');
    a.getState().setRoom({ id: 'r', role: 'candidate' });
    b.getState().setRoom({ id: 'r', role: 'interviewer' });
    const ba = bindStore(a, docA, () => {});
    const bb = bindStore(b, docB, () => {});
    expect(b.getState().diagram.nodes.map((n) => n.id)).toEqual(['z', 'a', 'b']);
    a.getState().addNode({ kind: 'cache', position: { x: 0, y: 400 } });
    ba.undoManager.stopCapturing();
    b.getState().addNode({ kind: 'ranking', position: { x: 300, y: 400 } });
    expect(a.getState().diagram.nodes.map((n) => n.kind)).toContain('ranking');
    expect(a.getState().history.past).toEqual([]);
    a.getState().undo();
    expect(a.getState().diagram.nodes.map((n) => n.kind)).not.toContain('cache');
    expect(a.getState().diagram.nodes.map((n) => n.kind)).toContain('ranking');
    expect(b.getState().diagram.nodes.map((n) => n.kind)).not.toContain('cache');
    a.getState().redo();
    expect(b.getState().diagram.nodes.map((n) => n.kind)).toContain('cache');
    ba.destroy();
    bb.destroy();
  });

  it('an observer’s store refuses edits and says so', () => {
    const doc = new Y.Doc();
    writeDiagram(doc, null, diagram, 'init');
    const s = createDiagramStore();
    s.getState().setRoom({ id: 'r', role: 'observer' });
    const bound = bindStore(s, doc, () => {});
    s.getState().addNode({ kind: 'cache', position: { x: 0, y: 0 } });
    expect(s.getState().diagram.nodes).toHaveLength(3);
    expect(doc.getMap('nodes').size).toBe(3);
    expect(s.getState().notices.at(-1)?.text).toMatch(/observing/);
    bound.destroy();
  });
});
