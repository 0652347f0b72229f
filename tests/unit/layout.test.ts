import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KIND_IDS, type KindId } from '../../src/domain/catalogue';
import type { Diagram, DiagramNode } from '../../src/domain/diagram';
import { layeredLayout, overlappingPairs, tidyLayout } from '../../src/domain/layout';

/** The diagram after tidy up (unchanged when tidy up finds it already tidy), or with the candidate layered layout. */
function apply(d: Diagram, layout: (d: Diagram) => { positions: Map<string, { x: number; y: number }>; sizes: Map<string, { width: number; height: number }> } = tidyLayout): Diagram {
  const { positions, sizes } = layout(d);
  return {
    ...d,
    nodes: d.nodes.map((n) => ({
      ...n,
      position: positions.get(n.id) ?? n.position,
      props: sizes.has(n.id) ? { ...n.props, ...sizes.get(n.id) } : n.props,
    })),
  };
}

const component = (id: string, kind: KindId, extra: Partial<DiagramNode> = {}): DiagramNode => ({
  id,
  kind,
  position: { x: 0, y: 0 },
  props: {},
  ...extra,
});

describe('tidy up', () => {
  it('puts stages in columns left to right and leaves no overlap', () => {
    const d: Diagram = {
      title: 't',
      problem: 'generic',
      suppressions: [],
      nodes: [
        component('mon', 'drift-detection'),
        component('srv', 'model-server'),
        component('req', 'requirements'),
        component('ev', 'offline-eval'),
        component('tr', 'training-job'),
        component('fs', 'feature-store'),
        component('log', 'event-log'),
        component('obj', 'ml-objective'),
      ],
      edges: [],
    };
    const t = apply(d);
    const x = (id: string) => t.nodes.find((n) => n.id === id)!.position.x;
    expect(x('req')).toBe(x('obj'));
    expect(x('req')).toBeLessThan(x('fs'));
    expect(x('fs')).toBe(x('log'));
    expect(x('fs')).toBeLessThan(x('tr'));
    expect(x('tr')).toBeLessThan(x('ev'));
    expect(x('ev')).toBeLessThan(x('srv'));
    expect(x('srv')).toBeLessThan(x('mon'));
    expect(overlappingPairs(t)).toEqual([]);
  });

  it('lays out inside zones, grows the zone around its contents, and never overlaps (property)', () => {
    const kinds = KIND_IDS.filter((k) => k !== 'group');
    const arb = fc.record({
      kinds: fc.array(fc.constantFrom(...kinds), { minLength: 1, maxLength: 40 }),
      zones: fc.integer({ min: 0, max: 3 }),
      parentPick: fc.array(fc.integer({ min: -1, max: 2 }), { minLength: 40, maxLength: 40 }),
      edges: fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 60 }),
      nested: fc.boolean(),
    });
    fc.assert(
      fc.property(arb, ({ kinds: ks, zones, parentPick, edges, nested }) => {
        const nodes: DiagramNode[] = [];
        for (let z = 0; z < zones; z++)
          nodes.push(component(`z${z}`, 'group', { props: { width: 300, height: 200 }, ...(nested && z > 0 ? { parent: 'z0' } : {}) }));
        ks.forEach((k, i) => {
          const p = parentPick[i];
          nodes.push(component(`n${i}`, k, p >= 0 && p < zones ? { parent: `z${p}` } : {}));
        });
        const ids = nodes.map((n) => n.id);
        const d: Diagram = {
          title: 't',
          problem: 'generic',
          suppressions: [],
          nodes,
          edges: edges.map(([a, b], i) => ({ id: `e${i}`, source: ids[a % ids.length], target: ids[b % ids.length], kind: 'data' as const })),
        };
        // Tidy up never leaves an overlap (it applies a layout only when it is better).
        expect(overlappingPairs(apply(d))).toEqual([]);
        // The layered layout itself: no overlap, and every child lies inside its zone, under its title.
        const t = apply(d, (x) => layeredLayout(x));
        expect(overlappingPairs(t)).toEqual([]);
        for (const n of t.nodes) {
          if (!n.parent) continue;
          const zone = t.nodes.find((z) => z.id === n.parent)!;
          const w = n.kind === 'group' ? (n.props.width as number) : 168;
          const h = n.kind === 'group' ? (n.props.height as number) : 60;
          expect(n.position.x).toBeGreaterThanOrEqual(0);
          expect(n.position.y).toBeGreaterThanOrEqual(40);
          expect(n.position.x + w).toBeLessThanOrEqual(zone.props.width as number);
          expect(n.position.y + h).toBeLessThanOrEqual(zone.props.height as number);
        }
      }),
      { numRuns: 200 },
    );
  }, 60_000); // 200 layouts, each measured against several variants

  it('orders a column by what feeds it, so edges stay short', () => {
    const d: Diagram = {
      title: 't',
      problem: 'generic',
      suppressions: [],
      nodes: [component('a', 'event-log'), component('b', 'database'), component('tb', 'training-job'), component('ta', 'embedding-model')],
      edges: [
        { id: 'e1', source: 'a', target: 'ta', kind: 'data' },
        { id: 'e2', source: 'b', target: 'tb', kind: 'data' },
      ],
    };
    const t = apply(d);
    const y = (id: string) => t.nodes.find((n) => n.id === id)!.position.y;
    expect(y('a')).toBeLessThan(y('b'));
    expect(y('ta')).toBeLessThan(y('tb'));
  });
});
