/**
 * Edges drawn around components (src/domain/edgeRoutes): a curve that stays clear is kept, one that would
 * cross a box becomes a detour of straight runs that keeps clear of every box, and the detour is checked
 * by sampling it the way the canvas draws it. Random layouts check that a found detour never enters a box.
 */
import { describe, expect, it } from 'vitest';
import {
  MAX_TRIES_IN_ALL,
  ROUTE_MAX_NODES,
  bezierPoints,
  countDrawnThroughEdges,
  roundedPath,
  routeBoxes,
  routeEdges,
  routeLabelPoint,
  routePoints,
  segmentEntersBox,
  type RouteBox,
  type RouteEdgeInput,
} from '../../src/domain/edgeRoutes';
import type { DiagramNode } from '../../src/domain/diagram';

const W = 168;
const H = 60;
const box = (x: number, y: number): RouteBox => ({ x, y, width: W, height: H });
const inside = (p: { x: number; y: number }, b: RouteBox, m = 0) => p.x > b.x - m && p.x < b.x + b.width + m && p.y > b.y - m && p.y < b.y + b.height + m;

/** Every point of a detour's straight runs, 1 px apart. */
function walk(points: readonly { x: number; y: number }[]): { x: number; y: number }[] {
  const out: { x: number; y: number }[] = [];
  for (let i = 1; i < points.length; i++) {
    const p = points[i - 1];
    const q = points[i];
    const n = Math.max(1, Math.ceil(Math.hypot(q.x - p.x, q.y - p.y)));
    for (let k = 0; k <= n; k++) out.push({ x: p.x + ((q.x - p.x) * k) / n, y: p.y + ((q.y - p.y) * k) / n });
  }
  return out;
}

describe('segmentEntersBox', () => {
  it('counts a segment through the inside, not one that touches or runs along the border', () => {
    const b = box(0, 0);
    expect(segmentEntersBox(-10, 30, 200, 30, b, 0)).toBe(true);
    expect(segmentEntersBox(-10, 0, 200, 0, b, 0)).toBe(false);
    expect(segmentEntersBox(168, 30, 300, 30, b, 0)).toBe(false);
    expect(segmentEntersBox(-10, -10, 10, 10, b, 0)).toBe(true);
    expect(segmentEntersBox(-10, -3, 0, -3, b, 4)).toBe(true);
    expect(segmentEntersBox(-10, -5, 0, -5, b, 0)).toBe(false);
  });
});

describe('routeEdges', () => {
  it('keeps the plain curve when it crosses nothing', () => {
    const boxes = new Map([['a', box(0, 0)], ['b', box(400, 100)], ['c', box(200, 400)]]);
    expect(routeEdges(boxes, [{ id: 'e', source: 'a', target: 'b' }]).size).toBe(0);
  });

  it('goes around a component standing between the ends: clear of it by more than 8 px, in three straight runs or five', () => {
    const boxes = new Map([['a', box(0, 0)], ['mid', box(260, 0)], ['b', box(520, 0)]]);
    const edges = [{ id: 'e', source: 'a', target: 'b' }];
    expect(countDrawnThroughEdges(boxes, edges, new Map()).count).toBe(1);
    const routes = routeEdges(boxes, edges);
    const r = routes.get('e')!;
    expect(r).toBeDefined();
    const pts = routePoints(r);
    expect(pts[0]).toEqual({ x: 168, y: 30 });
    expect(pts.at(-1)).toEqual({ x: 520, y: 30 });
    expect([4, 6]).toContain(pts.length);
    for (const p of walk(pts)) expect(inside(p, boxes.get('mid')!, 8), `${p.x},${p.y}`).toBe(false);
    // Over or under the middle box, not through it.
    expect(r.y === null ? false : r.y < 0 - 8 || r.y > 60 + 8).toBe(true);
    expect(countDrawnThroughEdges(boxes, edges, routes).count).toBe(0);
  });

  it('draws a feedback edge back along a row under or over the row, never through its own ends', () => {
    // a -> b -> c in a row, and c back to a: the loop would cross b and both ends.
    const boxes = new Map([['a', box(0, 0)], ['b', box(260, 0)], ['c', box(520, 0)]]);
    const edges: RouteEdgeInput[] = [{ id: 'ab', source: 'a', target: 'b' }, { id: 'bc', source: 'b', target: 'c' }, { id: 'ca', source: 'c', target: 'a' }];
    const routes = routeEdges(boxes, edges);
    expect([...routes.keys()]).toEqual(['ca']);
    const pts = routePoints(routes.get('ca')!);
    expect(pts).toHaveLength(6);
    for (const p of walk(pts.slice(1, -1))) for (const b of boxes.values()) expect(inside(p, b, 8)).toBe(false);
    expect(countDrawnThroughEdges(boxes, edges, routes).count).toBe(0);
  });

  it('gives no detour when an end is buried under another box (nothing can reach it), and draws the curve', () => {
    const boxes = new Map([['a', box(0, 0)], ['b', box(400, 0)], ['lid', { x: 380, y: -20, width: 100, height: 100 }]]);
    const edges = [{ id: 'e', source: 'a', target: 'b' }];
    expect(routeEdges(boxes, edges).size).toBe(0);
    expect(countDrawnThroughEdges(boxes, edges, new Map()).count).toBe(1);
  });

  it('routes edges of one pair on one line and spreads detours that would share a channel', () => {
    const boxes = new Map([['a', box(0, 0)], ['m', box(260, 0)], ['b', box(520, 0)], ['c', box(0, 200)], ['d', box(520, 200)], ['m2', box(260, 200)]]);
    const routes = routeEdges(boxes, [
      { id: 'e1', source: 'a', target: 'b' },
      { id: 'e2', source: 'a', target: 'b' },
      { id: 'e3', source: 'c', target: 'd' },
    ]);
    expect(routes.get('e1')).toEqual(routes.get('e2'));
    const y1 = routes.get('e1')!.y;
    const y3 = routes.get('e3')!.y;
    expect(y1).not.toBeNull();
    expect(y3).not.toBeNull();
    expect(Math.abs(y1! - y3!)).toBeGreaterThanOrEqual(6);
  });

  it('bounds its search: 300 overlapping boxes stop at MAX_TRIES_IN_ALL tries (edges left keep their curves)', () => {
    let seed = 11;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    const boxes = new Map<string, RouteBox>();
    for (let i = 0; i < ROUTE_MAX_NODES; i++) boxes.set(`n${i}`, box(Math.floor(rnd() * 2600), Math.floor(rnd() * 1900)));
    const edges = Array.from({ length: 600 }, (_, i) => ({ id: `e${i}`, source: `n${Math.floor(rnd() * 300)}`, target: `n${Math.floor(rnd() * 300)}` }));
    const stats = { tries: 0 };
    routeEdges(boxes, edges, stats);
    expect(stats.tries).toBe(MAX_TRIES_IN_ALL);
  });

  it('leaves large diagrams to plain curves', () => {
    const boxes = new Map<string, RouteBox>();
    for (let i = 0; i <= ROUTE_MAX_NODES; i++) boxes.set(`n${i}`, box((i % 20) * 250, Math.floor(i / 20) * 120));
    expect(routeEdges(boxes, [{ id: 'e', source: 'n0', target: 'n5' }]).size).toBe(0);
  });

  it('on random layouts a detour never enters a box, and every detour replaces a curve that did', () => {
    let seed = 7;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    let routed = 0;
    let slowest = 0;
    const bad: string[] = [];
    for (let round = 0; round < 60; round++) {
      const boxes = new Map<string, RouteBox>();
      const n = 6 + Math.floor(rnd() * 14);
      // Boxes on a coarse grid so they never overlap.
      const used = new Set<string>();
      for (let i = 0; i < n; i++) {
        let cx = 0;
        let cy = 0;
        do {
          cx = Math.floor(rnd() * 8);
          cy = Math.floor(rnd() * 6);
        } while (used.has(`${cx},${cy}`));
        used.add(`${cx},${cy}`);
        boxes.set(`n${i}`, box(cx * 240 + Math.floor(rnd() * 30), cy * 130 + Math.floor(rnd() * 30)));
      }
      const edges: RouteEdgeInput[] = [];
      for (let i = 0; i < n * 1.5; i++) {
        const s = Math.floor(rnd() * n);
        const t = Math.floor(rnd() * n);
        if (s !== t) edges.push({ id: `e${i}`, source: `n${s}`, target: `n${t}` });
      }
      const t0 = performance.now();
      const routes = routeEdges(boxes, edges);
      slowest = Math.max(slowest, performance.now() - t0);
      const plain = countDrawnThroughEdges(boxes, edges, new Map());
      const pairOf = (id: string) => {
        const e = edges.find((x) => x.id === id)!;
        return `${e.source} ${e.target}`;
      };
      const blockedPairs = new Set(plain.ids.map(pairOf));
      for (const [id, r] of routes) {
        routed++;
        if (!blockedPairs.has(pairOf(id))) bad.push(`${id}: a detour for a clear curve`);
        const e = edges.find((x) => x.id === id)!;
        for (const p of walk(routePoints(r))) {
          for (const [bid, b] of boxes) {
            const own = bid === e.source || bid === e.target;
            if (inside(p, b, own ? -0.5 : 4)) bad.push(`round ${round}: ${id} at ${p.x},${p.y} in ${bid}`);
          }
        }
      }
      // The drawn picture has no more edges through boxes than the plain curves had.
      expect(countDrawnThroughEdges(boxes, edges, routes).count).toBeLessThanOrEqual(plain.count);
    }
    expect(bad.slice(0, 5)).toEqual([]);
    expect(routed).toBeGreaterThan(100);
    console.log(`random layouts: ${routed} detours, slowest diagram ${slowest.toFixed(1)} ms`);
  });
});

describe('drawing a detour', () => {
  it('rounds its corners and puts its label in the middle of its longest run', () => {
    const pts = [{ x: 0, y: 0 }, { x: 40, y: 0 }, { x: 40, y: 100 }, { x: 300, y: 100 }];
    expect(roundedPath(pts)).toBe('M0,0L30,0Q40,0 40,10L40,90Q40,100 50,100L300,100');
    expect(routeLabelPoint(pts)).toEqual({ x: 170, y: 100 });
  });

  it('samples the curve React Flow draws from its ends', () => {
    const pts = bezierPoints({ x: 0, y: 0 }, { x: 200, y: 100 }, 4);
    expect(pts[0]).toEqual({ x: 0, y: 0 });
    expect(pts[4]).toEqual({ x: 200, y: 100 });
    expect(pts[2]).toEqual({ x: 100, y: 50 });
  });

  it('boxes components and notes at their absolute place, zones left out', () => {
    const nodes: DiagramNode[] = [
      { id: 'z', kind: 'group', position: { x: 100, y: 50 }, props: { width: 600, height: 300 } },
      { id: 'c', kind: 'cache', parent: 'z', position: { x: 20, y: 30 }, props: {} },
      { id: 'n', kind: 'note', position: { x: 0, y: 0 }, props: { text: 'x' } },
    ];
    const b = routeBoxes(nodes);
    expect([...b.keys()].sort()).toEqual(['c', 'n']);
    expect(b.get('c')).toEqual({ x: 120, y: 80, width: W, height: H });
  });
});
