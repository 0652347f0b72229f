// The pure parts of `npm run bench`, run in Node: checker and tidy-up on generated diagrams.
// Prints one JSON object: { "checker1000": [ms...], "checker10000": [...], "tidy200": [...], "routes300": [...] }.
// The routes are part of "tidy" (layout) in --only.
import { runChecks } from '../src/domain/checker/runChecks';
import { CATALOGUE } from '../src/domain/catalogue';
import type { Diagram, DiagramNode, EdgeKind } from '../src/domain/diagram';
import { routeBoxes, routeEdges } from '../src/domain/edgeRoutes';
import { tidyLayout } from '../src/domain/layout';

const RUNS = Number(process.argv[2] ?? 5);
const KINDS = CATALOGUE.filter((k) => k.id !== 'group' && k.id !== 'note').map((k) => k.id);

/** A deterministic pseudo-random design: n nodes of every kind, 2n edges of every kind, a few zones. */
function generate(n: number, seed = 1): Diagram {
  let s = seed;
  const rnd = () => ((s = (s * 1103515245 + 12345) % 2147483648) / 2147483648);
  const nodes: DiagramNode[] = [];
  const zones = Math.max(1, Math.floor(n / 100));
  for (let z = 0; z < zones; z++)
    nodes.push({ id: `z${z}`, kind: 'group', position: { x: z * 3000, y: 0 }, props: { width: 2800, height: 2000, zone: z % 2 ? 'online' : 'offline' } });
  for (let i = 0; i < n; i++) {
    const kind = KINDS[i % KINDS.length];
    nodes.push({
      id: `n${i}`,
      kind,
      position: { x: Math.floor(rnd() * 2600), y: Math.floor(rnd() * 1900) },
      ...(rnd() < 0.5 ? { parent: `z${Math.floor(rnd() * zones)}` } : {}),
      props: kind === 'requirements' ? { latencyBudgetMs: 200, realtime: true } : { latencyMs: Math.floor(rnd() * 20) },
    });
  }
  const kinds: EdgeKind[] = ['data', 'stream', 'request', 'model', 'feedback', 'control'];
  const edges = Array.from({ length: 2 * n }, (_, i) => ({
    id: `e${i}`,
    source: `n${Math.floor(rnd() * n)}`,
    target: `n${Math.floor(rnd() * n)}`,
    kind: kinds[i % kinds.length],
  }));
  return { title: 'bench', problem: 'recommendation', nodes, edges, suppressions: [] };
}

function time(fn: () => void, runs: number): number[] {
  fn(); // warm the JIT once, as in a running app
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn();
    out.push(performance.now() - t);
  }
  return out;
}

const d1k = generate(1000);
const d10k = generate(10000);
const d200 = generate(200);
const d300 = generate(300);
const boxes300 = routeBoxes(d300.nodes);
const result = {
  checker1000: time(() => void runChecks(d1k), RUNS),
  checker10000: time(() => void runChecks(d10k), RUNS),
  tidy200: time(() => void tidyLayout(d200), RUNS),
  // The canvas searches detours once per geometry change (a drop, a resize, a new edge); 300 components is where it stops.
  routes300: time(() => void routeEdges(boxes300, d300.edges), RUNS),
};
console.log(JSON.stringify(result));
