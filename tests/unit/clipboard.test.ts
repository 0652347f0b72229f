import { describe, expect, it } from 'vitest';
import { fragmentFromText, fragmentToText } from '../../src/domain/clipboard';
import { copyFragment, pasteFragment } from '../../src/domain/fragment';
import type { Diagram } from '../../src/domain/diagram';

const diagram: Diagram = {
  title: 't',
  problem: 'generic',
  suppressions: [],
  nodes: [
    { id: 'z', kind: 'group', position: { x: 100, y: 100 }, props: { width: 400, height: 300, zone: 'offline' } },
    { id: 'a', kind: 'batch-etl', parent: 'z', position: { x: 20, y: 50 }, props: { tool: 'Spark' } },
    { id: 'b', kind: 'data-warehouse', position: { x: 700, y: 100 }, props: {} },
    { id: 'c', kind: 'training-job', position: { x: 900, y: 100 }, props: {} },
  ],
  edges: [
    { id: 'e1', source: 'a', target: 'b', kind: 'data' },
    { id: 'e2', source: 'b', target: 'c', kind: 'data' },
  ],
};

describe('clipboard fragments', () => {
  it('copies the selected nodes with the edges between them only', () => {
    const f = copyFragment(diagram, ['b', 'c']);
    expect(f.nodes.map((n) => n.id)).toEqual(['b', 'c']);
    expect(f.edges.map((e) => e.id)).toEqual(['e2']);
  });

  it('copies a zone with its contents, and a child without its zone at its absolute place', () => {
    expect(copyFragment(diagram, ['z']).nodes.map((n) => n.id)).toEqual(['z', 'a']);
    const lone = copyFragment(diagram, ['a']).nodes[0];
    expect(lone.parent).toBeUndefined();
    expect(lone.position).toEqual({ x: 120, y: 150 });
  });

  it('pastes with fresh ids, offset, keeping the pasted edges and zone structure', () => {
    let i = 0;
    const r = pasteFragment(diagram, copyFragment(diagram, ['z', 'b']), (p, taken) => {
      let id;
      do id = `${p}${++i}`;
      while (taken(id));
      return id;
    }, { x: 32, y: 32 });
    expect(r.nodeIds).toHaveLength(3);
    expect(r.edgeIds).toHaveLength(1);
    const byId = new Map(r.diagram.nodes.map((n) => [n.id, n]));
    const [zone, child, b] = r.nodeIds.map((id) => byId.get(id)!);
    expect(zone.position).toEqual({ x: 132, y: 132 });
    expect(child.parent).toBe(zone.id);
    expect(child.position).toEqual({ x: 20, y: 50 });
    expect(b.position).toEqual({ x: 732, y: 132 });
    const pasted = r.diagram.edges.find((e) => e.id === r.edgeIds[0])!;
    expect([pasted.source, pasted.target]).toEqual([child.id, b.id]);
    expect(r.diagram.nodes).toHaveLength(7);
    // The original is untouched.
    expect(diagram.nodes).toHaveLength(4);
  });

  it('round-trips through clipboard text and refuses foreign or broken text', () => {
    const f = copyFragment(diagram, ['z', 'b', 'c']);
    const back = fragmentFromText(fragmentToText(f))!;
    expect(back.nodes.map((n) => n.id)).toEqual(['z', 'a', 'b', 'c']);
    expect(back.edges).toHaveLength(2);
    expect(fragmentFromText('hello')).toBeNull();
    expect(fragmentFromText('{"format":"mlsd-canvas","version":1,"title":"mlsd-canvas-fragment","nodes":[{"id":"x","kind":"nope","position":{"x":0,"y":0}}],"edges":[]}')).toBeNull();
  });
});
