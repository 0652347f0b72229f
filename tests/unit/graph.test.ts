import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Diagram, DiagramNode, EdgeKind } from '../../src/domain/diagram';
import {
  buildGraph,
  degree,
  downstreamOf,
  hasPath,
  hasPathAvoiding,
  hasPathThrough,
  heaviestWalk,
  predecessors,
  reachableFrom,
  reaching,
  stronglyConnectedComponents,
  successors,
  upstreamOf,
} from '../../src/domain/graph';

type Kind = DiagramNode['kind'];

function makeDiagram(kinds: Kind[], edges: [number, number, EdgeKind?][]): Diagram {
  return {
    title: 't',
    problem: 'generic',
    suppressions: [],
    nodes: kinds.map((kind, i) => ({ id: `n${i}`, kind, position: { x: 0, y: 0 }, props: {} })),
    edges: edges.map(([s, t, kind], i) => ({ id: `e${i}`, source: `n${s}`, target: `n${t}`, kind: kind ?? 'data' })),
  };
}

/** A random small graph: cycles, self-loops, duplicate edges, and some notes whose edges must be ignored. */
const graphArb = fc
  .integer({ min: 1, max: 8 })
  .chain((n) =>
    fc.record({
      kinds: fc.array(fc.constantFrom<Kind>('cache', 'cache', 'cache', 'note'), { minLength: n, maxLength: n }),
      edges: fc.array(fc.tuple(fc.nat(n - 1), fc.nat(n - 1)), { maxLength: n * 3 }),
      a: fc.subarray([...Array(n).keys()]),
      b: fc.subarray([...Array(n).keys()]),
      p: fc.subarray([...Array(n).keys()]),
      weights: fc.array(fc.integer({ min: 0, max: 10 }), { minLength: n, maxLength: n }),
    }),
  );

/** Naive transitive closure (Floyd-Warshall), paths of length >= 0, over edges not touching notes or `skip`. */
function closure(kinds: Kind[], edges: [number, number][], skip: Set<number> = new Set()): boolean[][] {
  const n = kinds.length;
  const ok = (i: number) => kinds[i] !== 'note';
  const r = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => i === j && !skip.has(i)));
  for (const [s, t] of edges) if (ok(s) && ok(t) && !skip.has(s) && !skip.has(t)) r[s][t] = true;
  for (let k = 0; k < n; k++) for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) if (r[i][k] && r[k][j]) r[i][j] = true;
  return r;
}

const ids = (xs: number[]) => xs.map((i) => `n${i}`);
const set = (xs: number[]) => new Set(ids(xs));
const range = (n: number) => [...Array(n).keys()];

describe('graph helpers: properties against naive references', () => {
  it('reachableFrom and reaching agree with the transitive closure, strict or not', () => {
    fc.assert(
      fc.property(graphArb, ({ kinds, edges, a }) => {
        const g = buildGraph(makeDiagram(kinds, edges));
        const r = closure(kinds, edges);
        const n = kinds.length;
        const valid = (s: number, t: number) => kinds[s] !== 'note' && kinds[t] !== 'note';
        const step = (i: number, j: number) => edges.some(([s, t]) => s === i && t === j && valid(s, t));
        const fwd = range(n).filter((j) => a.some((i) => r[i][j]));
        const fwdStrict = range(n).filter((j) => a.some((i) => range(n).some((k) => step(i, k) && r[k][j])));
        const bwd = range(n).filter((i) => a.some((j) => r[i][j]));
        expect(reachableFrom(g, ids(a))).toEqual(set(fwd));
        expect(reachableFrom(g, ids(a), { strict: true })).toEqual(set(fwdStrict));
        expect(reaching(g, ids(a))).toEqual(set(bwd));
        for (let v = 0; v < n; v++) {
          expect(upstreamOf(g, `n${v}`)).toEqual(set(range(n).filter((u) => range(n).some((k) => step(k, v) && r[u][k]))));
          expect(downstreamOf(g, `n${v}`)).toEqual(set(range(n).filter((u) => range(n).some((k) => step(v, k) && r[k][u]))));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('hasPath and hasPathAvoiding agree with the closure (of the graph without the avoided nodes)', () => {
    fc.assert(
      fc.property(graphArb, ({ kinds, edges, a, b, p }) => {
        const g = buildGraph(makeDiagram(kinds, edges));
        const r = closure(kinds, edges);
        expect(hasPath(g, ids(a), ids(b))).toBe(a.some((i) => b.some((j) => r[i][j])));
        const rx = closure(kinds, edges, new Set(p));
        expect(hasPathAvoiding(g, ids(a), ids(b), ids(p))).toBe(a.some((i) => b.some((j) => rx[i][j])));
      }),
      { numRuns: 300 },
    );
  });

  it('hasPathThrough agrees with a search over (node, passed-through-P) states', () => {
    fc.assert(
      fc.property(graphArb, ({ kinds, edges, a, b, p }) => {
        const g = buildGraph(makeDiagram(kinds, edges));
        const inP = new Set(p);
        // Brute force: BFS over states (node, flag); the flag is set once a P node is visited.
        const n = kinds.length;
        const seen = new Set<string>();
        const queue: [number, boolean][] = a.map((i) => [i, inP.has(i)]);
        let found = false;
        while (queue.length) {
          const [v, flag] = queue.shift()!;
          const key = `${v}:${flag}`;
          if (seen.has(key)) continue;
          seen.add(key);
          if (flag && b.includes(v)) found = true;
          for (const [s, t] of edges) {
            if (s !== v || kinds[s] === 'note' || kinds[t] === 'note') continue;
            queue.push([t, flag || inP.has(t)]);
          }
        }
        expect(n).toBeGreaterThan(0);
        expect(hasPathThrough(g, ids(a), ids(b), (id) => inP.has(Number(id.slice(1))))).toBe(found);
      }),
      { numRuns: 400 },
    );
  });

  it('strongly connected components are mutual reachability, numbered sinks first', () => {
    fc.assert(
      fc.property(graphArb, ({ kinds, edges }) => {
        const g = buildGraph(makeDiagram(kinds, edges));
        const r = closure(kinds, edges);
        const { componentOf, memberStart, memberNodes, count } = stronglyConnectedComponents(g);
        expect(memberStart[count]).toBe(kinds.length);
        for (let c = 0; c < count; c++) {
          expect(memberStart[c + 1]).toBeGreaterThan(memberStart[c]);
          for (let m = memberStart[c]; m < memberStart[c + 1]; m++) {
            expect(componentOf[memberNodes[m]]).toBe(c);
            if (m > memberStart[c]) expect(memberNodes[m]).toBeGreaterThan(memberNodes[m - 1]);
          }
        }
        for (let i = 0; i < kinds.length; i++)
          for (let j = 0; j < kinds.length; j++) expect(componentOf[i] === componentOf[j]).toBe(r[i][j] && r[j][i]);
        for (const [s, t] of edges) {
          if (kinds[s] === 'note' || kinds[t] === 'note') continue;
          expect(componentOf[s]).toBeGreaterThanOrEqual(componentOf[t]);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('heaviestWalk matches a brute-force search over (node, visited set) states, cycles included', () => {
    fc.assert(
      fc.property(graphArb, ({ kinds, edges, a, weights }) => {
        const g = buildGraph(makeDiagram(kinds, edges));
        const w = (id: string) => weights[Number(id.slice(1))];
        const walk = heaviestWalk(g, ids(a), w);
        if (a.length === 0) {
          expect(walk).toBeNull();
          return;
        }
        // Brute force: the best sum of distinct visited nodes over every walk from a start.
        let best = 0;
        const seen = new Set<string>();
        const stack: [number, number][] = a.map((s) => [s, 1 << s]);
        while (stack.length) {
          const [v, mask] = stack.pop()!;
          const key = `${v}:${mask}`;
          if (seen.has(key)) continue;
          seen.add(key);
          let sum = 0;
          for (let i = 0; i < kinds.length; i++) if (mask & (1 << i)) sum += weights[i];
          best = Math.max(best, sum);
          for (const [s, t] of edges) {
            if (s !== v || kinds[s] === 'note' || kinds[t] === 'note') continue;
            stack.push([t, mask | (1 << t)]);
          }
        }
        expect(walk!.total).toBe(best);
        // The reported nodes are distinct, reachable from a start, and weigh the total.
        expect(new Set(walk!.nodeIds).size).toBe(walk!.nodeIds.length);
        const reach = reachableFrom(g, ids(a));
        expect(walk!.nodeIds.every((id) => reach.has(id))).toBe(true);
        expect(walk!.nodeIds.reduce((s, id) => s + w(id), 0)).toBe(best);
        expect(a.map((i) => `n${i}`)).toContain(walk!.nodeIds.find((id) => a.includes(Number(id.slice(1)))));
      }),
      { numRuns: 400 },
    );
  });
});

describe('graph helpers: examples', () => {
  it('filters by edge kind and drops edges to unknown nodes, notes and zones', () => {
    const d = makeDiagram(['cache', 'cache', 'cache', 'note', 'group'], [
      [0, 1, 'request'],
      [1, 2, 'data'],
      [2, 3],
      [4, 0],
    ]);
    d.edges.push({ id: 'ghost', source: 'n0', target: 'nope', kind: 'data' });
    const all = buildGraph(d);
    expect(all.edgeCount).toBe(2);
    expect(successors(all, 'n0')).toEqual(['n1']);
    expect(predecessors(all, 'n2')).toEqual(['n1']);
    expect(degree(all, 'n1')).toBe(2);
    expect(degree(all, 'n3')).toBe(0);
    expect(degree(all, 'missing')).toBe(0);
    const req = buildGraph(d, { edgeKinds: ['request'] });
    expect(reachableFrom(req, ['n0'])).toEqual(new Set(['n0', 'n1']));
  });

  it('lists a repeated neighbour once', () => {
    const g = buildGraph(makeDiagram(['cache', 'cache'], [[0, 1, 'data'], [0, 1, 'model']]));
    expect(successors(g, 'n0')).toEqual(['n1']);
  });

  it('a node is upstream of itself only on a cycle', () => {
    const g = buildGraph(makeDiagram(['cache', 'cache', 'cache'], [[0, 1], [1, 0], [1, 2]]));
    expect(upstreamOf(g, 'n0')).toEqual(new Set(['n0', 'n1']));
    expect(upstreamOf(g, 'n2')).toEqual(new Set(['n0', 'n1']));
  });

  it('heaviestWalk adds the nodes of a cycle once and returns blocks in walk order', () => {
    // 0 -> 1 <-> 2 -> 3, and 0 -> 4 (heavy but alone)
    const g = buildGraph(makeDiagram(['cache', 'cache', 'cache', 'cache', 'cache'], [[0, 1], [1, 2], [2, 1], [2, 3], [0, 4]]));
    const w = [1, 10, 20, 5, 30];
    const walk = heaviestWalk(g, ['n0'], (id) => w[Number(id.slice(1))]);
    expect(walk).toEqual({ total: 36, nodeIds: ['n0', 'n1', 'n2', 'n3'] });
  });

  it('handles a 10,000-node chain and a 10,000-node ring without recursion', () => {
    const n = 10_000;
    const kinds = Array<Kind>(n).fill('cache');
    const chain: [number, number][] = range(n - 1).map((i) => [i, i + 1]);
    const g = buildGraph(makeDiagram(kinds, chain));
    expect(stronglyConnectedComponents(g).count).toBe(n);
    expect(reachableFrom(g, ['n0']).size).toBe(n);
    expect(heaviestWalk(g, ['n0'], () => 1)!.total).toBe(n);
    const ring = buildGraph(makeDiagram(kinds, [...chain, [n - 1, 0]]));
    expect(stronglyConnectedComponents(ring).count).toBe(1);
    expect(heaviestWalk(ring, ['n5'], () => 1)!.total).toBe(n);
    expect(hasPathThrough(ring, ['n10'], ['n5'], (id) => id === 'n9999')).toBe(true);
  });
});
