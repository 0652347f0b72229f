import { CATALOGUE } from './catalogue';
import type { Diagram, DiagramNode } from './diagram';

/** The peer benchmark's geometry (shared/peer-bench): 140 x 60 boxes, 60 px gaps, ceil(sqrt(N)) columns. */
export const BENCH_BOX = { width: 140, height: 60, gap: 60 } as const;

const KINDS = CATALOGUE.filter((k) => k.stage && k.id !== 'requirements' && k.id !== 'ml-objective').map((k) => k.id);

/** A generated diagram of n real components in a grid, chained by n-1 edges, for `?bench=N`. */
export function benchDiagram(n: number): Diagram {
  const cols = Math.max(1, Math.ceil(Math.sqrt(n)));
  const nodes: DiagramNode[] = [];
  for (let i = 0; i < n; i++) {
    nodes.push({
      id: `n${i}`,
      kind: KINDS[i % KINDS.length],
      label: `Box ${i + 1}`,
      position: { x: (i % cols) * (BENCH_BOX.width + BENCH_BOX.gap), y: Math.floor(i / cols) * (BENCH_BOX.height + BENCH_BOX.gap) },
      props: {},
    });
  }
  const edges = nodes.slice(1).map((node, i) => ({ id: `e${i}`, source: nodes[i].id, target: node.id, kind: 'data' as const }));
  return { title: `Benchmark (${n} components)`, problem: 'generic', nodes, edges, suppressions: [] };
}
