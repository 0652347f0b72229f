import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Diagram } from '../../../src/domain/diagram';
import { parseDiagram, parseDiagramText } from '../../../src/domain/format/parse';
import { serializeDiagram, toFileObject } from '../../../src/domain/format/serialize';
import { diagramArb } from '../../fixtures/format/arbitraries';

function sample(): Diagram {
  return {
    title: 'Fraud detection',
    problem: 'fraud',
    brief: 'Flag fraud.',
    nodes: [
      { id: 'z', kind: 'group', label: 'Online', position: { x: 0, y: 0 }, props: { zone: 'online', height: 300, width: 400 } },
      {
        id: 'api',
        kind: 'prediction-api',
        parent: 'z',
        label: 'API',
        position: { x: 10, y: 20 },
        props: { zeta: 1, latencyMs: 20, alpha: { b: 2, a: 1 }, tool: 'gRPC' },
      },
      { id: 'db', kind: 'database', position: { x: -5, y: 7.5 }, props: {} },
    ],
    edges: [
      { id: 'e1', source: 'db', target: 'api', kind: 'data' },
      { id: 'e2', source: 'api', target: 'db', kind: 'request', label: 'reads' },
    ],
    suppressions: [{ rule: 'orphan-node', reason: 'demo', nodeIds: ['db'] }],
  };
}

describe('serializeDiagram', () => {
  it('writes the fixed key order, omits empty props and suppressions, writes every edge kind', () => {
    const file = toFileObject(sample());
    expect(Object.keys(file)).toEqual(['format', 'version', 'title', 'problem', 'brief', 'nodes', 'edges', 'suppressions']);
    expect(file.format).toBe('mlsd-canvas');
    expect(file.version).toBe(1);
    const nodes = file.nodes as Record<string, unknown>[];
    expect(Object.keys(nodes[0])).toEqual(['id', 'kind', 'label', 'position', 'props']);
    expect(Object.keys(nodes[1])).toEqual(['id', 'kind', 'label', 'parent', 'position', 'props']);
    expect(Object.keys(nodes[2])).toEqual(['id', 'kind', 'position']);
    expect(Object.keys(nodes[0].props as object)).toEqual(['width', 'height', 'zone']);
    expect(Object.keys(nodes[1].props as object)).toEqual(['tool', 'latencyMs', 'alpha', 'zeta']);
    expect(Object.keys((nodes[1].props as Record<string, object>).alpha)).toEqual(['a', 'b']);
    const edges = file.edges as Record<string, unknown>[];
    expect(edges.map((e) => Object.keys(e))).toEqual([
      ['id', 'source', 'target', 'kind'],
      ['id', 'source', 'target', 'kind', 'label'],
    ]);
    expect(Object.keys((file.suppressions as object[])[0])).toEqual(['rule', 'nodeIds', 'reason']);

    const bare = toFileObject({ ...sample(), brief: undefined, suppressions: [] });
    expect(Object.keys(bare)).toEqual(['format', 'version', 'title', 'problem', 'nodes', 'edges']);
  });

  it('writes JSON with a 2-space indent and a final newline', () => {
    const text = serializeDiagram(sample());
    expect(text).toBe(`${JSON.stringify(JSON.parse(text), null, 2)}\n`);
    expect(text.startsWith('{\n  "format": "mlsd-canvas",\n  "version": 1,\n')).toBe(true);
  });

  it('skips props and labels set to undefined (as the UI does to clear a field)', () => {
    const d = sample();
    d.nodes[2].props = { tool: undefined, extra: undefined };
    d.nodes[2].label = undefined;
    const node = (toFileObject(d).nodes as Record<string, unknown>[])[2];
    expect(node).toEqual({ id: 'db', kind: 'database', position: { x: -5, y: 7.5 } });
    expect('props' in node).toBe(false);
    expect('label' in node).toBe(false);
  });

  it('does not share objects with the diagram (editing the file object leaves the diagram alone)', () => {
    const d = sample();
    const file = toFileObject(d);
    ((file.nodes as Record<string, { x: number }>[])[0].position as { x: number }).x = 99;
    expect(d.nodes[0].position.x).toBe(0);
  });

  it('round-trips a sample through text', () => {
    const r = parseDiagramText(serializeDiagram(sample()));
    expect(r).toEqual({ ok: true, value: sample() });
  });

  it('round-trips generated diagrams: parse(JSON.parse(serialize(d))) deep-equals d', () => {
    fc.assert(
      fc.property(diagramArb(), (d) => {
        const r = parseDiagram(JSON.parse(serializeDiagram(d)));
        if (!r.ok) throw new Error(r.error.message);
        expect(r.value).toEqual(d);
        // toEqual ignores undefined members; absent optional fields must really be absent.
        expect(r.value).toStrictEqual(d);
      }),
      { numRuns: 400 },
    );
  });

  it('is stable: serialising twice, or after a round trip, gives the same text', () => {
    fc.assert(
      fc.property(diagramArb(), (d) => {
        const once = serializeDiagram(d);
        expect(serializeDiagram(d)).toBe(once);
        const r = parseDiagramText(once);
        if (!r.ok) throw new Error(r.error.message);
        expect(serializeDiagram(r.value)).toBe(once);
      }),
      { numRuns: 300 },
    );
  });

  it('does not depend on the insertion order of props', () => {
    fc.assert(
      fc.property(diagramArb({ maxNodes: 6 }), (d) => {
        const shuffled: Diagram = {
          ...d,
          nodes: d.nodes.map((n) => ({ ...n, props: Object.fromEntries(Object.entries(n.props).reverse()) })),
        };
        expect(serializeDiagram(shuffled)).toBe(serializeDiagram(d));
      }),
      { numRuns: 200 },
    );
  });
});

describe('the quick file-size bound of the store guard', () => {
  it('is never below the exact file size (property), on designs of any text', async () => {
    const fc = (await import('fast-check')).default;
    const { diagramArb } = await import('../../fixtures/format/arbitraries');
    const { fileBytesUpperBound } = await import('../../../src/domain/format/sizeBound');
    const { fileByteLength } = await import('../../../src/domain/format/serialize');
    fc.assert(fc.property(diagramArb(), (d) => fileBytesUpperBound(d) >= fileByteLength(d)), { numRuns: 300 });
  });
});
