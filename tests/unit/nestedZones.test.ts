import { describe, expect, it } from 'vitest';
import {
  absolutePositions,
  nestingDepths,
  nodesBounds,
  sortParentsFirst,
  withDescendants,
  zoneAt,
  type Diagram,
  type DiagramNode,
} from '../../src/domain/diagram';
import { toMarkdown } from '../../src/domain/export/markdown';
import { toMermaid } from '../../src/domain/export/mermaid';
import { toSvg } from '../../src/domain/export/svg';
import { copyFragment, pasteFragment } from '../../src/domain/fragment';
import { parseDiagramText } from '../../src/domain/format/parse';
import { serializeDiagram } from '../../src/domain/format/serialize';
import { tidyLayout } from '../../src/domain/layout';

/**
 * A valid design can nest 20,000 zones (the node limit): every walk over it must be iterative
 * (no "Maximum call stack size exceeded") and linear. Linearity is counted, not timed: each node's
 * `parent` is read through a counting getter, and a walk may read it a few times per node, never
 * once per node per level (the old walks did, quadratically: SVG export took 45 s at 20,000).
 */

/** `depth` zones, each inside the previous one, with a cache in the innermost, and a cache outside. */
function nested(depth: number): Diagram {
  const nodes: DiagramNode[] = [];
  for (let i = 0; i < depth; i++) {
    nodes.push({ id: `z${i}`, kind: 'group', label: `Zone ${i}`, position: { x: 10, y: 10 }, props: { width: 200, height: 120 }, ...(i ? { parent: `z${i - 1}` } : {}) });
  }
  nodes.push({ id: 'inner', kind: 'cache', parent: `z${depth - 1}`, position: { x: 5, y: 5 }, props: {} });
  nodes.push({ id: 'outer', kind: 'model-server', position: { x: -400, y: 0 }, props: {} });
  return { title: 'Deep', problem: 'generic', nodes, edges: [{ id: 'e', source: 'outer', target: 'inner', kind: 'request' }], suppressions: [] };
}

/** The diagram with each node's `parent` behind a getter that counts its reads. */
function counted(d: Diagram): { diagram: Diagram; reads: () => number } {
  let reads = 0;
  const nodes = d.nodes.map((n) => {
    const { parent, ...rest } = n;
    const c = { ...rest } as DiagramNode;
    Object.defineProperty(c, 'parent', { enumerable: parent !== undefined, get: () => (reads++, parent) });
    return c;
  });
  return { diagram: { ...d, nodes }, reads: () => reads };
}

describe('20,000 nested zones', () => {
  const d = nested(19_998);
  const n = d.nodes.length;

  it('parse, serialize and the geometry helpers answer without a deep stack', () => {
    const text = serializeDiagram(d);
    const r = parseDiagramText(text);
    expect(r.ok).toBe(true);
    const at = absolutePositions(d.nodes);
    expect(at.get('inner')).toEqual({ x: 19_998 * 10 + 5, y: 19_998 * 10 + 5 });
    expect(nestingDepths(d.nodes).get('inner')).toBe(19_998);
    expect(withDescendants(d.nodes, 'z0').size).toBe(n - 1);
    expect(sortParentsFirst([...d.nodes].reverse()).map((x) => x.id).slice(0, 3)).toEqual(['outer', 'z0', 'z1']);
    expect(nodesBounds(d.nodes).width).toBeGreaterThan(199_000);
    expect(zoneAt(d.nodes, { x: 199_990, y: 199_990 })?.id).toBe('z19997');
  });

  it('tidy up lays every zone out, innermost first', () => {
    const { positions, sizes } = tidyLayout(d);
    expect(positions.size).toBe(n);
    expect(sizes.size).toBe(19_998);
    // Each zone holds the next: every outer zone is larger than the one inside it.
    expect(sizes.get('z0')!.width).toBeGreaterThan(sizes.get('z19997')!.width);
  });

  it('the Mermaid export nests every zone, with an indent that stops growing (linear output)', () => {
    const out = toMermaid(d);
    expect(out.match(/^\s*subgraph /gm)).toHaveLength(19_998);
    expect(out.match(/^\s*end$/gm)).toHaveLength(19_998);
    expect(out.length).toBeLessThan(5_000_000);
  });

  it('the SVG and Markdown exports draw and list every zone', () => {
    const { svg } = toSvg(d);
    expect(svg.match(/stroke-dasharray="6 4"/g)).toHaveLength(19_998);
    expect(toMarkdown(d, []).match(/^- \*\*Zone \d+\*\*/gm)).toHaveLength(19_998);
  });

  it('copy and paste of the outermost zone takes everything inside', () => {
    const f = copyFragment(d, ['z0']);
    expect(f.nodes).toHaveLength(n - 1);
    let k = 0;
    const r = pasteFragment(d, f, (p) => `${p}-copy-${k++}`, { x: 32, y: 32 });
    expect(r.nodeIds).toHaveLength(n - 1);
  });
});

describe('walks over nested zones are linear (reads of parent counted)', () => {
  const depth = 1_500;
  const walks: [string, (d: Diagram) => unknown][] = [
    ['SVG export', (d) => toSvg(d)],
    ['Mermaid export', (d) => toMermaid(d)],
    ['Markdown export', (d) => toMarkdown(d, [])],
    ['tidy up', (d) => tidyLayout(d)],
    ['copy', (d) => copyFragment(d, ['z0', 'outer'])],
    ['bounds', (d) => nodesBounds(d.nodes)],
    ['zone under a point', (d) => zoneAt(d.nodes, { x: 1, y: 1 }, withDescendants(d.nodes, 'z3'))],
    ['sorting zones first', (d) => sortParentsFirst([...d.nodes].reverse())],
  ];
  for (const [name, walk] of walks) {
    it(name, () => {
      const { diagram, reads } = counted(nested(depth));
      walk(diagram);
      expect(reads()).toBeLessThan(25 * diagram.nodes.length);
    });
  }
});
