import { describe, expect, it } from 'vitest';
import type { Diagram, DiagramNode } from '../../../src/domain/diagram';
import { MAX_COORD, MAX_EDGES, MAX_FILE_BYTES, MAX_NODES } from '../../../src/domain/format/limits';
import { parseDiagramText } from '../../../src/domain/format/parse';
import { fileByteLength, serializeForFile, toFileObject } from '../../../src/domain/format/serialize';
import { copyFragment } from '../../../src/domain/fragment';
import { tidyLayout } from '../../../src/domain/layout';
import { createDiagramStore, setExactFileSize, type DiagramStore } from '../../../src/store/diagramStore';
import { fileBytesUpperBound } from '../../../src/domain/format/sizeBound';

/**
 * The six paths of the attack run that took the editor past the format's limits (its own parser then
 * refused the autosave, the backup and a saved file), and the other actions near those limits:
 * whatever the store reaches, the file Save writes opens again.
 */

const node = (id: string, x: number, extra: Partial<DiagramNode> = {}): DiagramNode => ({ id, kind: 'cache', position: { x, y: 0 }, props: {}, ...extra });
const design = (nodes: DiagramNode[], extra: Partial<Diagram> = {}): Diagram => ({ title: 'Edge', problem: 'generic', nodes, edges: [], suppressions: [], ...extra });

function make(d: Diagram): DiagramStore {
  let i = 0;
  return createDiagramStore({ diagram: d, newId: (p) => `${p}${++i}` });
}

/** The diagram as Save writes it, opened again: the property every state must have. */
function reopens(s: DiagramStore): boolean {
  const r = parseDiagramText(serializeForFile(s.getState().diagram, MAX_FILE_BYTES));
  if (!r.ok) throw new Error(r.error.message);
  return true;
}

const notices = (s: DiagramStore) => s.getState().notices.map((n) => n.text);

describe('store actions stay within the format limits', () => {
  it('a node at x = 999,995 nudged right stops at 1,000,000, and a selection moves as one', () => {
    const s = make(design([node('a', 999_995), node('b', 999_000)]));
    s.getState().nudge(['a'], 10, 0);
    expect(s.getState().diagram.nodes[0].position.x).toBe(MAX_COORD);
    s.getState().nudge(['a', 'b'], 10, 0);
    // Both stay where they were: the one at the edge cannot go further, so the group does not move.
    expect(s.getState().diagram.nodes.map((n) => n.position.x)).toEqual([MAX_COORD, 999_000]);
    expect(reopens(s)).toBe(true);
  });

  it('deleting a zone at x = 999,000 whose child sits at relative 1,500 keeps the child within range', () => {
    const s = make(design([node('z', 999_000, { kind: 'group', props: { width: 2000, height: 400 } }), node('c', 1_500, { parent: 'z' })]));
    s.getState().deleteElements(['z'], []);
    expect(s.getState().diagram.nodes).toEqual([node('c', MAX_COORD)]);
    expect(reopens(s)).toBe(true);
  });

  it('copying that child and pasting it lands within range', () => {
    const d = design([node('z', 999_000, { kind: 'group', props: { width: 2000, height: 400 } }), node('c', 1_500, { parent: 'z' })]);
    const s = make(d);
    const f = copyFragment(d, ['c']);
    expect(f.nodes[0].position.x).toBe(1_000_500); // the copy holds the absolute place
    const ids = s.getState().paste(f, { x: 32, y: 32 });
    expect(ids).toHaveLength(1);
    expect(s.getState().diagram.nodes.at(-1)!.position).toEqual({ x: MAX_COORD, y: 32 });
    expect(reopens(s)).toBe(true);
  });

  it('a fragment at x = 1,000,000 pasted with the 32 px offset moves back into range, keeping its shape', () => {
    const d = design([node('a', MAX_COORD), node('b', MAX_COORD - 300)]);
    const s = make(d);
    s.getState().paste(copyFragment(d, ['a', 'b']), { x: 32, y: 32 });
    const pasted = s.getState().diagram.nodes.slice(2).map((n) => n.position.x);
    expect(pasted).toEqual([MAX_COORD, MAX_COORD - 300]);
    expect(reopens(s)).toBe(true);
  });

  it('a copy spanning more than the range (nodes deep in far zones) is scaled into it', () => {
    const zones: DiagramNode[] = [];
    for (let i = 0; i < 4; i++) zones.push(node(`z${i}`, 900_000, { kind: 'group', ...(i ? { parent: `z${i - 1}` } : {}) }));
    const d = design([...zones, node('far', 900_000, { parent: 'z3' }), node('near', -900_000)]);
    const s = make(d);
    s.getState().paste(copyFragment(d, ['far', 'near']), { x: 32, y: 32 });
    const [far, near] = s.getState().diagram.nodes.slice(-2).map((n) => n.position.x);
    expect(near).toBe(-MAX_COORD);
    expect(far).toBe(MAX_COORD);
    expect(reopens(s)).toBe(true);
  });

  it('pasting 20,000 nodes into a one-node design is refused with a notice, and nothing changes', () => {
    const s = make(design([node('a', 0)]));
    const before = s.getState().diagram;
    const many = Array.from({ length: MAX_NODES }, (_, i) => node(`m${i}`, i));
    expect(s.getState().paste({ nodes: many, edges: [] }, { x: 32, y: 32 })).toEqual([]);
    expect(s.getState().diagram).toBe(before);
    expect(notices(s).at(-1)).toBe('Not pasted: the copy has 20,000 components, and a design holds at most 20,000 (this one has 1).');
    expect(s.getState().history.past).toHaveLength(0);
  });

  it('judges a change near 20 MB by a quick bound until the serializer has loaded: it may refuse, never let a design over', () => {
    const base = design([node('a', 0)], { title: 'T' });
    const pad = MAX_FILE_BYTES - fileByteLength(base) - 10 - ',"props":{"notes":""}'.length;
    const big = design([node('a', 0, { props: { notes: 'x'.repeat(pad) } })], { title: 'T' });
    expect(fileBytesUpperBound(big)).toBeGreaterThanOrEqual(fileByteLength(big));
    setExactFileSize(fileBytesUpperBound);
    try {
      const s = make(big);
      s.getState().setTitle('T123456789');
      expect(s.getState().diagram.title).toBe('T');
      expect(reopens(s)).toBe(true);
    } finally {
      setExactFileSize(fileByteLength);
    }
  });

  it('a design 10 bytes under 20 MB keeps its title when the title would take it over, and says why', () => {
    setExactFileSize(fileByteLength); // as main.tsx does once the serializer has loaded
    const base = design([node('a', 0)], { title: 'T' });
    const pad = MAX_FILE_BYTES - fileByteLength(base) - 10 - ',"props":{"notes":""}'.length;
    const big = design([node('a', 0, { props: { notes: 'x'.repeat(pad) } })], { title: 'T' });
    expect(fileByteLength(big)).toBe(MAX_FILE_BYTES - 10);
    expect(JSON.stringify(toFileObject(big)).length).toBe(MAX_FILE_BYTES - 10);
    const s = make(big);
    s.getState().setTitle('T and a much longer title');
    expect(s.getState().diagram.title).toBe('T');
    expect(notices(s).at(-1)).toMatch(/^Not done: the design would be larger than 20 MB, the most a design file holds/);
    s.getState().setTitle('T123456789'); // 9 bytes more: fits
    expect(s.getState().diagram.title).toBe('T123456789');
    expect(reopens(s)).toBe(true);
    // Save writes the compact file when the indented one would not open again.
    expect(serializeForFile(s.getState().diagram, MAX_FILE_BYTES).startsWith('{"format"')).toBe(true);
  });

  it('adding, connecting and zoning at the counts and the edge of the range', () => {
    const s = make(design(Array.from({ length: MAX_NODES }, (_, i) => node(`n${i}`, i))));
    expect(s.getState().addNode({ kind: 'cache', position: { x: 0, y: 0 } })).toBe('');
    expect(notices(s).at(-1)).toContain('a design holds at most 20,000 components');
    expect(s.getState().diagram.nodes).toHaveLength(MAX_NODES);

    const edges = Array.from({ length: MAX_EDGES }, (_, i) => ({ id: `x${i}`, source: 'a', target: 'b', kind: 'data' as const, label: String(i) }));
    const e = make(design([node('a', 0), node('b', 300)], { edges }));
    expect(e.getState().connect('b', 'a')).toEqual({ ok: false, error: 'A design holds at most 100,000 connections.' });

    const z = make(design([node('a', -MAX_COORD), node('far', 1_200_000 - 1_200_000 + 5)]));
    const zone = z.getState().createZoneAround(['a'])!;
    expect(z.getState().diagram.nodes.find((n) => n.id === zone)!.position.x).toBe(-MAX_COORD);
    expect(reopens(z)).toBe(true);

    const add = make(design([]));
    add.getState().addNode({ kind: 'cache', position: { x: 5_000_000, y: -Infinity } });
    expect(add.getState().diagram.nodes[0].position).toEqual({ x: MAX_COORD, y: 0 });
  });

  it('tidy up of 20,000 nested zones (the outermost 1.6 million px tall) keeps the layout within range', () => {
    const nodes: DiagramNode[] = [];
    for (let i = 0; i < 19_998; i++) nodes.push(node(`z${i}`, 10, { kind: 'group', props: { width: 200, height: 120 }, ...(i ? { parent: `z${i - 1}` } : {}) }));
    nodes.push(node('inner', 5, { parent: 'z19997' }), node('outer', -400, { kind: 'model-server' }));
    const s = make(design(nodes, { edges: [{ id: 'e', source: 'outer', target: 'inner', kind: 'request' }] }));
    s.getState().tidyUp(tidyLayout);
    expect(reopens(s)).toBe(true);
  });
});
