/**
 * Reviews the templates as their definitions build them, before they are written:
 * `npm run templates:review [-- id ...]`. Per template: the checker's findings, the stages covered,
 * the request path's latency against the budget, and the layout measures of geometry.ts (fit zoom in a
 * 1440 x 900 window, drawn size, overlaps, children outside zones, edges through components, label
 * collisions, sizing lines cut short or covered, edge crossings, components under the legend or minimap). Exits 1 when a template has a
 * finding or a layout problem that the template tests would reject.
 */
import { parseDiagram } from '../../src/domain/format/parse';
import { runChecks } from '../../src/domain/checker/runChecks';
import type { Diagram } from '../../src/domain/diagram';
import { buildTemplate } from './builder';
import { DEFS } from './defs/index';
import {
  childrenOutsideZone,
  coveredAtFit,
  drawnBounds,
  edgeCrossings,
  edgesThroughNodes,
  fitViewport,
  labelCollisions,
  overlappingPairs,
  sizingCollisions,
} from './geometry';
import { nodeSizingLines } from '../../src/canvas/sizingLines';

/** The costliest request path (as latency-over-budget counts it), for the report. */
function requestPath(d: Diagram): { total: number; path: string[] } {
  const next = new Map<string, string[]>();
  for (const e of d.edges) if (e.kind === 'request') next.set(e.source, [...(next.get(e.source) ?? []), e.target]);
  const byId = new Map(d.nodes.map((n) => [n.id, n]));
  const lat = (id: string) => (typeof byId.get(id)?.props.latencyMs === 'number' ? (byId.get(id)!.props.latencyMs as number) : 0);
  const memo = new Map<string, { total: number; path: string[] }>();
  const cost = (id: string, seen: Set<string>): { total: number; path: string[] } => {
    const hit = memo.get(id);
    if (hit) return hit;
    const callees = (next.get(id) ?? []).filter((c) => !seen.has(c)).map((c) => cost(c, new Set([...seen, c])));
    const parallel = byId.get(id)?.props.parallel === true;
    let r: { total: number; path: string[] };
    if (parallel) {
      const worst = callees.reduce((a, b) => (b.total > a.total ? b : a), { total: 0, path: [] as string[] });
      r = { total: lat(id) + worst.total, path: [id, ...worst.path] };
    } else r = { total: lat(id) + callees.reduce((s, c) => s + c.total, 0), path: [id, ...callees.flatMap((c) => c.path)] };
    memo.set(id, r);
    return r;
  };
  const starts = d.nodes.filter((n) => n.kind === 'client-app');
  const roots = starts.length ? starts : d.nodes.filter((n) => n.kind === 'prediction-api');
  return roots.map((n) => cost(n.id, new Set([n.id]))).reduce((a, b) => (b.total > a.total ? b : a), { total: 0, path: [] });
}

const wanted = process.argv.slice(2);
let bad = 0;
for (const def of DEFS) {
  if (wanted.length && !wanted.includes(def.id)) continue;
  const parsed = parseDiagram(JSON.parse(JSON.stringify(buildTemplate(def))));
  if (!parsed.ok) {
    console.log(`${def.id}: does not parse: ${parsed.error.message}`);
    bad++;
    continue;
  }
  const d = parsed.value;
  const result = runChecks(d);
  const b = drawnBounds(d);
  const fit = fitViewport(d);
  const comps = d.nodes.filter((n) => n.kind !== 'group' && n.kind !== 'note').length;
  const problems: string[] = [];
  for (const f of result.findings) problems.push(`checker ${f.severity} ${f.rule}: ${f.message}`);
  for (const [s, v] of Object.entries(result.stages)) if (!v) problems.push(`stage ${s} not covered`);
  for (const [x, y] of overlappingPairs(d)) problems.push(`overlap ${x} / ${y}`);
  for (const m of childrenOutsideZone(d)) problems.push(m);
  for (const x of edgesThroughNodes(d)) problems.push(`edge ${x.edge} passes through ${x.through.join(', ')}`);
  for (const m of labelCollisions(d)) problems.push(m);
  for (const m of sizingCollisions(d, nodeSizingLines(d.nodes))) problems.push(m);
  for (const id of coveredAtFit(d)) problems.push(`${id} is under the legend or the minimap at fit view`);
  if (fit.zoom < 0.5) problems.push(`fits at ${(fit.zoom * 100).toFixed(0)} % zoom (< 50 %)`);
  const req = d.nodes.find((n) => n.kind === 'requirements');
  const budget = req?.props.latencyBudgetMs;
  const rp = requestPath(d);
  const crossings = edgeCrossings(d);
  console.log(
    `${def.id}: ${comps} components, ${d.edges.length} edges; ${Math.round(b.width)} x ${Math.round(b.height)}, fit ${(fit.zoom * 100).toFixed(1)} %; ` +
      `${crossings.length} crossings` +
      (typeof budget === 'number' ? `; request path ${rp.total} of ${budget} ms` : ''),
  );
  if (process.env.VERBOSE) {
    console.log(`  path: ${rp.path.join(' > ')}`);
    for (const [x, y] of crossings) console.log(`  crossing: ${x} x ${y}`);
  }
  for (const p of problems) console.log(`  ${p}`);
  if (problems.length) bad++;
}
console.log(bad ? `${bad} template(s) with problems` : 'all clean');
process.exitCode = bad ? 1 : 0;
