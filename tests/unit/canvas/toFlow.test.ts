import { describe, expect, it } from 'vitest';
import { toFlowNodes, type Transient } from '../../../src/canvas/toFlow';
import type { DiagramNode } from '../../../src/domain/diagram';

const node = (id: string, x = 0): DiagramNode => ({ id, kind: 'cache', position: { x, y: 0 }, props: {} });
const none: Transient = { drag: new Map(), resize: new Map(), measured: new Map() };

describe('toFlowNodes', () => {
  it('keeps every unchanged node object, so React Flow and the node views skip them; a drag frame re-creates only the dragged node', () => {
    const cache = new Map();
    const nodes = [node('a'), node('b', 200), node('c', 400)];
    const first = toFlowNodes(nodes, new Set(), none, cache);
    const again = toFlowNodes(nodes, new Set(), none, cache);
    expect(again.every((n, i) => n === first[i])).toBe(true);

    const style = { '--drag-catch': '-24px' };
    const dragging = toFlowNodes(nodes, new Set(), { ...none, drag: new Map([['b', { x: 210, y: 5 }]]), dragStyle: style }, cache);
    expect(dragging[0]).toBe(first[0]);
    expect(dragging[2]).toBe(first[2]);
    expect(dragging[1]).not.toBe(first[1]);
    expect(dragging[1]).toMatchObject({ position: { x: 210, y: 5 }, dragging: true, style });
  });

  it('forgets deleted nodes (and a re-added id starts afresh)', () => {
    const cache = new Map();
    const a = node('a');
    toFlowNodes([a, node('b'), node('c')], new Set(), none, cache);
    expect(cache.size).toBe(3);
    const after = toFlowNodes([a, node('c')], new Set(), none, cache);
    expect([...cache.keys()].sort()).toEqual(['a', 'c']);
    expect(after.map((n) => n.id)).toEqual(['a', 'c']);
    const selected = toFlowNodes([a, node('c')], new Set(['a']), none, cache);
    expect(selected[0].selected).toBe(true);
  });

  it("names each component by its label, or its kind's name, so it keeps a name when far out its label is drawn as a bar", () => {
    const named = { ...node('a'), label: 'Session cache' };
    const [a, b] = toFlowNodes([named, node('b')], new Set(), none, new Map());
    expect(a.ariaLabel).toBe('Session cache');
    expect(b.ariaLabel).toBe('Cache');
    const [zone] = toFlowNodes([{ id: 'z', kind: 'group', position: { x: 0, y: 0 }, props: { width: 300, height: 200 } }], new Set(), none, new Map());
    expect(zone.ariaLabel).toBeUndefined();
  });
});
