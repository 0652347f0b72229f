import { describe, expect, it } from 'vitest';
import { alignBoxes, distributeBoxes } from '../../src/domain/align';
import { NODE_SIZE, type Box } from '../../src/domain/diagram';
import { besideBox, freeSpot, pasteOffset } from '../../src/domain/placement';
import { snapBox } from '../../src/domain/snapping';
import { copyFragment } from '../../src/domain/fragment';
import { createDiagramStore, type IdGenerator } from '../../src/store/diagramStore';

const counter = (): IdGenerator => {
  let i = 0;
  return (prefix) => `${prefix}${++i}`;
};
const box = (x: number, y: number, width: number = NODE_SIZE.width, height: number = NODE_SIZE.height): Box => ({ x, y, width, height });
const overlap = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

describe('placing new components', () => {
  it('takes the wanted spot when it is free', () => {
    expect(freeSpot([box(500, 500)], { x: 0, y: 0 }, NODE_SIZE)).toEqual({ x: 0, y: 0 });
  });

  it('five components added at the same centre never overlap and stay near it', () => {
    const taken: Box[] = [];
    for (let i = 0; i < 5; i++) taken.push({ ...freeSpot(taken, { x: 100, y: 100 }, NODE_SIZE), ...NODE_SIZE });
    for (let i = 0; i < taken.length; i++) for (let j = i + 1; j < taken.length; j++) expect(overlap(taken[i], taken[j])).toBe(false);
    for (const b of taken) expect(Math.hypot(b.x - 100, b.y - 100)).toBeLessThan(3 * (NODE_SIZE.width + 32));
  });

  it('beside a selection goes to its right, and down that column when the right is taken', () => {
    const sel = box(0, 0);
    const first = besideBox([sel], sel, NODE_SIZE);
    expect(first.x).toBeGreaterThan(sel.x + sel.width);
    expect(first.y).toBe(0);
    const second = besideBox([sel, { ...first, ...NODE_SIZE }], sel, NODE_SIZE);
    expect(second.x).toBe(first.x);
    expect(second.y).toBeGreaterThan(first.y + NODE_SIZE.height);
  });

  it('a pasted copy lands beside its originals, and a second paste beside the first', () => {
    const originals = [box(0, 0), box(0, 100)];
    const bounds = { x: 0, y: 0, width: NODE_SIZE.width, height: 160 };
    const o1 = pasteOffset(originals, bounds);
    const first = originals.map((b) => ({ ...b, x: b.x + o1.x, y: b.y + o1.y }));
    for (const a of first) for (const b of originals) expect(overlap(a, b)).toBe(false);
    expect(o1.x).toBeGreaterThan(0);
    expect(o1.y).toBe(0);
    const o2 = pasteOffset([...originals, ...first], bounds);
    for (const a of originals.map((b) => ({ ...b, x: b.x + o2.x, y: b.y + o2.y }))) for (const b of [...originals, ...first]) expect(overlap(a, b)).toBe(false);
  });
});

describe('snapping while dragging', () => {
  it('snaps a box whose left edge is 4 px off a neighbour’s, with a guide along the line', () => {
    const s = snapBox(box(104, 300), [box(100, 0)], 6);
    expect(s.dx).toBe(-4);
    expect(s.dy).toBe(0);
    expect(s.guides).toContainEqual({ axis: 'x', at: 100, from: 0, to: 360 });
  });

  it('snaps centres and tops together, and not when the neighbour is beyond the threshold', () => {
    const s = snapBox(box(302, 3, 100, 40), [box(0, 0, 100, 40)], 6);
    expect(s.dy).toBe(-3);
    expect(s.guides.some((g) => g.axis === 'y' && g.at === 0)).toBe(true);
    expect(snapBox(box(120, 300), [box(100, 0)], 6)).toEqual({ dx: 0, dy: 0, guides: [] });
  });

  it('ignores boxes out of reach', () => {
    expect(snapBox(box(101, 5000), [box(100, 0)], 6, 800).dx).toBe(0);
  });
});

describe('align and distribute', () => {
  const items = [
    { id: 'a', box: box(0, 0) },
    { id: 'b', box: box(40, 200, 200, 80) },
    { id: 'c', box: box(500, 90) },
  ];
  it('aligns left, right, centres and middles on the selection’s box', () => {
    expect([...alignBoxes(items, 'left').values()].map((p) => p.x)).toEqual([0, 0, 0]);
    const right = alignBoxes(items, 'right');
    expect(right.get('a')!.x + NODE_SIZE.width).toBe(668);
    expect(right.get('b')!.x + 200).toBe(668);
    const middle = alignBoxes(items, 'middle');
    expect(middle.get('a')!.y + 30).toBe(140);
    expect(middle.get('b')!.y + 40).toBe(140);
    expect(alignBoxes(items, 'top').get('c')).toEqual({ x: 500, y: 0 });
  });

  it('distributes with equal gaps, the outer two staying', () => {
    const d = distributeBoxes([{ id: 'a', box: box(0, 0, 100, 10) }, { id: 'b', box: box(150, 0, 100, 10) }, { id: 'c', box: box(600, 0, 100, 10) }], 'horizontal');
    expect(d.get('a')!.x).toBe(0);
    expect(d.get('c')!.x).toBe(600);
    expect(d.get('b')!.x).toBe(300);
  });
});

describe('the store places and connects', () => {
  it('adds a component connected from another in one undo step, with the kind the two propose', () => {
    const s = createDiagramStore({ newId: counter() });
    const fs = s.getState().addNode({ kind: 'feature-store', position: { x: 0, y: 0 } });
    const ms = s.getState().addNode({ kind: 'model-server', position: { x: 300, y: 0 }, connect: { from: fs } });
    expect(s.getState().diagram.edges).toEqual([{ id: expect.any(String), source: fs, target: ms, kind: 'data' }]);
    const up = s.getState().addNode({ kind: 'event-log', position: { x: -300, y: 0 }, connect: { from: fs, outgoing: false } });
    expect(s.getState().diagram.edges[1]).toMatchObject({ source: up, target: fs });
    s.getState().undo();
    expect(s.getState().diagram.nodes.map((n) => n.id)).toEqual([fs, ms]);
    expect(s.getState().diagram.edges).toHaveLength(1);
  });

  it('pastes a copy beside the original, not on top of it', () => {
    const s = createDiagramStore({ newId: counter() });
    const a = s.getState().addNode({ kind: 'feature-store', position: { x: 0, y: 0 } });
    const ids = s.getState().paste(copyFragment(s.getState().diagram, [a]));
    const copy = s.getState().diagram.nodes.find((n) => n.id === ids[0])!;
    expect(copy.position.x).toBeGreaterThanOrEqual(NODE_SIZE.width);
    expect(copy.position.y).toBe(0);
  });
});
