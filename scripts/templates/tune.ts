/**
 * Suggests row nudges that reduce edges drawn over other nodes: coordinate descent over the
 * row of each node (its column stays), keeping the layout valid. Prints the moves; it does not
 * edit the definitions. `npx tsx scripts/templates/tune.ts <id> [rounds]`
 */
import { buildTemplate, type TemplateDef } from './layout';
import { DEFS } from './defs/index';
import { childrenOutsideZone, edgesThroughNodes, overlappingPairs } from './geometry';
import type { Diagram } from '../../src/domain/diagram';

const [id, roundsArg] = process.argv.slice(2);
const def = DEFS.find((d) => d.id === id);
if (!def) throw new Error(`no definition ${id}`);

function cost(d: TemplateDef): number {
  const diagram = { ...buildTemplate(d), suppressions: [] } as unknown as Diagram;
  if (overlappingPairs(diagram).length || childrenOutsideZone(diagram).length) return Infinity;
  const x = new Map(d.nodes.map((n) => [n.id, n.at[0]]));
  let c = 0;
  for (const e of edgesThroughNodes(diagram)) {
    const edge = diagram.edges.find((ed) => ed.id === e.edge)!;
    const backward = x.get(edge.target)! <= x.get(edge.source)!;
    c += e.through.length * (backward ? 1 : 4);
  }
  return c;
}

const work: TemplateDef = JSON.parse(JSON.stringify(def));
const fixed = new Set(['req', 'obj', 'client']);
let best = cost(work);
console.log(`start cost ${best}`);
for (let round = 0; round < Number(roundsArg ?? 3); round++) {
  let improved = false;
  for (const n of work.nodes) {
    if (fixed.has(n.id) || n.kind === 'note') continue;
    const row0 = n.at[1];
    let bestRow = row0;
    for (let dr = -1; dr <= 1.001; dr += 0.2) {
      n.at[1] = Math.round((row0 + dr) * 10) / 10;
      const c = cost(work);
      if (c < best) (best = c), (bestRow = n.at[1]), (improved = true);
    }
    n.at[1] = bestRow;
  }
  if (!improved) break;
}
console.log(`end cost ${best}`);
for (const n of work.nodes) {
  const o = def.nodes.find((m) => m.id === n.id)!;
  if (o.at[1] !== n.at[1]) console.log(`${n.id}: [${o.at.join(', ')}] -> [${n.at.join(', ')}]`);
}
