/**
 * Checks every templates/*.json (or the ids given): parses it, runs the checker, and reports
 * overlapping boxes, children outside their zone and the request-path latency.
 * `npx tsx scripts/templates/validate.ts [id ...]`; exits 1 when any template has a problem.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { parseDiagramText } from '../../src/domain/format/parse';
import { runChecks } from '../../src/domain/checker/runChecks';
import { childrenOutsideZone, edgesThroughNodes, overlappingPairs } from './geometry';

const wanted = process.argv.slice(2);
let bad = 0;
for (const f of readdirSync('templates').filter((f) => f.endsWith('.json')).sort()) {
  const id = f.slice(0, -5);
  if (wanted.length && !wanted.includes(id)) continue;
  const parsed = parseDiagramText(readFileSync(`templates/${f}`, 'utf8'));
  if (!parsed.ok) {
    console.log(`${id}: PARSE ERROR ${parsed.error.message}`);
    bad++;
    continue;
  }
  const d = parsed.value;
  const problems: string[] = [];
  const res = runChecks(d);
  for (const x of res.findings) if (x.severity !== 'info') problems.push(`${x.severity} ${x.rule} [${x.nodeIds.join(', ')}]: ${x.message}`);
  for (const x of res.findings) if (x.severity === 'info') console.log(`  info ${x.rule}: ${x.message}`);
  for (const [a, b] of overlappingPairs(d)) problems.push(`overlap ${a} / ${b}`);
  for (const m of childrenOutsideZone(d)) problems.push(m);
  const comps = d.nodes.filter((n) => n.kind !== 'group' && n.kind !== 'note').length;
  console.log(`${id}: ${d.nodes.length} nodes (${comps} components), ${d.edges.length} edges, ${problems.length ? problems.length + ' problem(s)' : 'clean'}`);
  for (const p of problems) console.log(`  ${p}`);
  for (const x of edgesThroughNodes(d)) console.log(`  (layout) edge ${x.edge} passes over ${x.through.join(', ')}`);
  if (problems.length) bad++;
}
process.exit(bad ? 1 : 0);
