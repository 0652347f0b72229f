// The path sorts of domain.md section 3, revision 2: feeds (request edges read backwards), paths
// "through" a node that never come back to a node they left, and the request path's cost with
// sequential and parallel calls. Checked against brute-force references on random small graphs.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Diagram, EdgeKind } from '../../src/domain/diagram';
import { buildGraph, costliestRequestPath, feedsGraph, flowGraph, hasPath, hasSimplePathThrough, successors } from '../../src/domain/graph';

function makeDiagram(n: number, edges: [number, number, EdgeKind?][]): Diagram {
  return {
    title: 't',
    problem: 'generic',
    suppressions: [],
    nodes: Array.from({ length: n }, (_, i) => ({ id: `n${i}`, kind: 'cache' as const, position: { x: 0, y: 0 }, props: {} })),
    edges: edges.map(([s, t, kind], i) => ({ id: `e${i}`, source: `n${s}`, target: `n${t}`, kind: kind ?? 'data' })),
  };
}
const id = (i: number) => `n${i}`;

const arb = fc.integer({ min: 1, max: 7 }).chain((n) =>
  fc.record({
    n: fc.constant(n),
    edges: fc.uniqueArray(fc.tuple(fc.nat(n - 1), fc.nat(n - 1)), { maxLength: n * 2, selector: ([s, t]) => `${s}>${t}` }).map((es) => es.filter(([s, t]) => s !== t)),
    from: fc.subarray([...Array(n).keys()], { minLength: 1 }),
    to: fc.subarray([...Array(n).keys()], { minLength: 1 }),
    through: fc.subarray([...Array(n).keys()], { minLength: 1 }),
    weights: fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n, maxLength: n }),
    parallel: fc.array(fc.boolean(), { minLength: n, maxLength: n }),
  }),
);

/** Brute force: is there a simple path from some `from` to some `to` that visits a `through` node? */
function bruteSimpleThrough(n: number, edges: [number, number][], from: number[], to: number[], through: number[]): boolean {
  const out: number[][] = Array.from({ length: n }, () => []);
  for (const [s, t] of edges) out[s].push(t);
  const isTo = new Set(to);
  const isThrough = new Set(through);
  const onPath = new Set<number>();
  const dfs = (v: number, passed: boolean): boolean => {
    const p = passed || isThrough.has(v);
    if (p && isTo.has(v)) return true;
    onPath.add(v);
    for (const w of out[v]) if (!onPath.has(w) && dfs(w, p)) return true;
    onPath.delete(v);
    return false;
  };
  return from.some((s) => dfs(s, false));
}

describe('hasSimplePathThrough', () => {
  it('never claims a path that does not exist, and agrees with brute force on acyclic graphs', () => {
    fc.assert(
      fc.property(arb, ({ n, edges, from, to, through }) => {
        const g = buildGraph(makeDiagram(n, edges));
        const ours = hasSimplePathThrough(g, from, to, (i) => through.includes(i));
        const truth = bruteSimpleThrough(n, edges, from, to, through);
        if (ours) expect(truth).toBe(true);
        const acyclic = edges.every(([s, t]) => s < t);
        if (acyclic) expect(ours).toBe(truth);
      }),
      { numRuns: 1500 },
    );
  });

  it('agrees with brute force on forward-ordered graphs (DAGs of every shape)', () => {
    fc.assert(
      fc.property(arb, ({ n, edges, from, to, through }) => {
        const dag = edges.map(([s, t]) => (s < t ? [s, t] : [t, s]) as [number, number]);
        const uniq = [...new Map(dag.map((e) => [e.join('>'), e])).values()];
        const g = buildGraph(makeDiagram(n, uniq));
        expect(hasSimplePathThrough(g, from, to, (i) => through.includes(i))).toBe(bruteSimpleThrough(n, uniq, from, to, through));
      }),
      { numRuns: 800 },
    );
  });

  it('finds a node on a ring between the entry and the exit, and not one on the way back', () => {
    // 0 -> 1 -> 2 -> 3 -> 0: from 0 to 2, node 1 is on the way, node 3 only on the way back.
    const g = buildGraph(makeDiagram(4, [[0, 1], [1, 2], [2, 3], [3, 0]]));
    expect(hasSimplePathThrough(g, [0], [2], (i) => i === 1)).toBe(true);
    expect(hasSimplePathThrough(g, [0], [2], (i) => i === 3)).toBe(false);
  });
});

describe('feeds and flow graphs', () => {
  it('reads request edges backwards and drops model and control edges from feeds', () => {
    const d = makeDiagram(4, [[0, 1, 'request'], [2, 0, 'model'], [3, 0, 'control'], [1, 3, 'stream']]);
    const feeds = feedsGraph(buildGraph(d));
    expect(successors(feeds, id(1))).toEqual([id(0), id(3)]);
    expect(hasPath(feeds, [id(2)], [id(0)])).toBe(false);
    const flow = flowGraph(buildGraph(d));
    expect(hasPath(flow, [id(1)], [id(0)])).toBe(true);
    expect(hasPath(flow, [id(2)], [id(0)])).toBe(true);
  });
});

/** Brute force of the request cost on a DAG: the set of nodes whose costs add up, by recursion with sets. */
function bruteCost(n: number, edges: [number, number][], weights: number[], parallel: boolean[], start: number): number {
  const out: number[][] = Array.from({ length: n }, () => []);
  for (const [s, t] of edges) if (!out[s].includes(t)) out[s].push(t);
  const memo = new Map<number, Set<number>>();
  const setOf = (v: number): Set<number> => {
    const cached = memo.get(v);
    if (cached) return cached;
    const s = new Set([v]);
    if (parallel[v] && out[v].length > 1) {
      let best: Set<number> | null = null;
      let bestCost = -1;
      for (const w of out[v]) {
        const c = [...setOf(w)].reduce((a, x) => a + weights[x], 0);
        if (c > bestCost) [best, bestCost] = [setOf(w), c];
      }
      for (const x of best!) s.add(x);
    } else for (const w of out[v]) for (const x of setOf(w)) s.add(x);
    memo.set(v, s);
    return s;
  };
  return [...setOf(start)].reduce((a, x) => a + weights[x], 0);
}

describe('costliestRequestPath', () => {
  it('adds sequential calls, takes the slowest parallel one, and counts each node once (brute force, DAGs)', () => {
    fc.assert(
      fc.property(arb, ({ n, edges, from, weights, parallel }) => {
        const dag = [...new Map(edges.map(([s, t]) => (s < t ? [s, t] : [t, s]) as [number, number]).map((e) => [e.join('>'), e])).values()];
        const g = buildGraph(makeDiagram(n, dag.map(([s, t]) => [s, t, 'request'])));
        const r = costliestRequestPath(g, from.map(id), (i) => weights[i], (i) => parallel[i])!;
        const best = Math.max(...from.map((s) => bruteCost(n, dag, weights, parallel, s)));
        expect(r.total).toBe(best);
        expect(r.nodeIds.reduce((a, x) => a + weights[Number(x.slice(1))], 0)).toBe(r.total);
      }),
      { numRuns: 1500 },
    );
  });

  it('sums a star and takes the largest branch of a parallel star', () => {
    const d = makeDiagram(4, [[0, 1, 'request'], [0, 2, 'request'], [0, 3, 'request']]);
    const g = buildGraph(d);
    const w = [10, 30, 30, 40];
    expect(costliestRequestPath(g, [id(0)], (i) => w[i], () => false)!.total).toBe(110);
    const par = costliestRequestPath(g, [id(0)], (i) => w[i], (i) => i === 0)!;
    expect(par.total).toBe(50);
    expect(par.nodeIds).toEqual([id(0), id(3)]);
  });

  it('counts a cycle once and returns null without starts', () => {
    const g = buildGraph(makeDiagram(3, [[0, 1, 'request'], [1, 2, 'request'], [2, 1, 'request']]));
    expect(costliestRequestPath(g, [id(0)], () => 5, () => false)!.total).toBe(15);
    expect(costliestRequestPath(g, [], () => 5, () => false)).toBeNull();
  });
});
