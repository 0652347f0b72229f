/**
 * Validates the templates of this folder: `npx tsx scripts/templates-b/validate.ts [id ...]`.
 * Each file must parse, pass the checker with no error or warning, and be laid out cleanly:
 * no overlapping boxes, children inside their zone with margins, zones apart, latency on every
 * node of the request path. It also lists edges whose drawn curve crosses another node (advice).
 */
import { readFileSync } from 'node:fs';
import { parseDiagramText } from '../../src/domain/format/parse';
import { runChecks } from '../../src/domain/checker/runChecks';
import { absolutePosition, nodeSize, type Diagram, type DiagramNode } from '../../src/domain/diagram';
import { buildGraph, heaviestWalk, reachableFrom } from '../../src/domain/graph';
import { DEFS } from './defs/index';

interface Box { x: number; y: number; width: number; height: number }
const overlaps = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
const inside = (p: { x: number; y: number }, b: Box, pad = 4) =>
  p.x > b.x + pad && p.x < b.x + b.width - pad && p.y > b.y + pad && p.y < b.y + b.height - pad;

function layoutProblems(d: Diagram): { errors: string[]; advice: string[] } {
  const errors: string[] = [];
  const advice: string[] = [];
  const byId = new Map(d.nodes.map((n) => [n.id, n]));
  const box = new Map<string, Box>(d.nodes.map((n) => [n.id, { ...absolutePosition(n, byId), ...nodeSize(n) }]));
  const zones = d.nodes.filter((n) => n.kind === 'group');
  const items = d.nodes.filter((n) => n.kind !== 'group');
  for (let i = 0; i < items.length; i++)
    for (let j = i + 1; j < items.length; j++)
      if (overlaps(box.get(items[i].id)!, box.get(items[j].id)!)) errors.push(`overlap: ${items[i].id} / ${items[j].id}`);
  for (let i = 0; i < zones.length; i++)
    for (let j = i + 1; j < zones.length; j++)
      if (overlaps(box.get(zones[i].id)!, box.get(zones[j].id)!)) errors.push(`zones overlap: ${zones[i].id} / ${zones[j].id}`);
  const seen = new Set<string>();
  for (const n of d.nodes) {
    if (n.parent) {
      const z = box.get(n.parent)!;
      const b = box.get(n.id)!;
      if (!seen.has(n.parent)) errors.push(`${n.id} comes before its zone ${n.parent}`);
      const ok = b.x >= z.x + 24 && b.y >= z.y + 40 && b.x + b.width <= z.x + z.width - 24 && b.y + b.height <= z.y + z.height - 24;
      if (!ok) errors.push(`${n.id} not inside zone ${n.parent} with margins`);
    } else if (n.kind !== 'group') {
      for (const z of zones) if (overlaps(box.get(n.id)!, box.get(z.id)!)) errors.push(`free node ${n.id} overlaps zone ${z.id}`);
    }
    seen.add(n.id);
  }
  // Advice: an edge drawn as React Flow's default bezier (right handle -> left handle) crossing another node.
  const offset = (dist: number) => (dist >= 0 ? 0.5 * dist : 0.25 * 25 * Math.sqrt(-dist));
  const labels: { id: string; chip: Box }[] = [];
  for (const e of d.edges) {
    const s = box.get(e.source)!;
    const t = box.get(e.target)!;
    const sx = s.x + s.width, sy = s.y + s.height / 2, tx = t.x, ty = t.y + t.height / 2;
    const o = offset(tx - sx);
    const c1 = { x: sx + o, y: sy }, c2 = { x: tx - o, y: ty };
    const hits = new Set<string>();
    for (let k = 1; k < 60; k++) {
      const u = k / 60, v = 1 - u;
      const p = {
        x: v * v * v * sx + 3 * v * v * u * c1.x + 3 * v * u * u * c2.x + u * u * u * tx,
        y: v * v * v * sy + 3 * v * v * u * c1.y + 3 * v * u * u * c2.y + u * u * u * ty,
      };
      for (const n of items) if (n.id !== e.source && n.id !== e.target && inside(p, box.get(n.id)!)) hits.add(n.id);
    }
    if (hits.size) advice.push(`edge ${e.source} -> ${e.target} crosses ${[...hits].join(', ')}`);
    if (e.label) {
      // The label chip sits at the curve's midpoint (getBezierPath); ~6.2 px per character at 11 px.
      const lx = 0.125 * sx + 0.375 * c1.x + 0.375 * c2.x + 0.125 * tx;
      const ly = 0.125 * sy + 0.375 * c1.y + 0.375 * c2.y + 0.125 * ty;
      const w = 6.2 * e.label.length + 14;
      const chip = { x: lx - w / 2, y: ly - 9, width: w, height: 18 };
      const under = items.filter((n) => overlaps(chip, box.get(n.id)!)).map((n) => n.id);
      if (under.length) advice.push(`label "${e.label}" of ${e.source} -> ${e.target} lies on ${under.join(', ')}`);
      labels.push({ id: `${e.source} -> ${e.target}`, chip });
    }
  }
  for (let i = 0; i < labels.length; i++)
    for (let j = i + 1; j < labels.length; j++)
      if (overlaps(labels[i].chip, labels[j].chip)) advice.push(`labels of ${labels[i].id} and ${labels[j].id} overlap`);
  return { errors, advice };
}

function contentProblems(d: Diagram): string[] {
  const out: string[] = [];
  const kinds = (k: string) => d.nodes.filter((n) => n.kind === k);
  const req = kinds('requirements')[0];
  const obj = kinds('ml-objective')[0];
  if (!req) out.push('no requirements node');
  if (!obj) out.push('no ml-objective node');
  for (const f of ['task', 'label', 'loss', 'offlineMetric', 'onlineMetric']) if (obj && !obj.props[f]) out.push(`ml-objective lacks ${f}`);
  for (const f of ['goal', 'scale']) if (req && !req.props[f]) out.push(`requirements lacks ${f}`);
  const notes = kinds('note');
  if (notes.length < 2 || notes.length > 3) out.push(`${notes.length} note nodes (want 2 or 3)`);
  for (const n of notes) if (!n.props.text || n.props.text.length > 200) out.push(`note ${n.id} text length ${n.props.text?.length}`);
  for (const n of d.nodes) {
    if (['note', 'group', 'requirements', 'ml-objective'].includes(n.kind)) continue;
    if (!n.props.tool) out.push(`${n.id} has no tool`);
  }
  // Every node on the request path carries latencyMs.
  const g = buildGraph(d, { edgeKinds: ['request'] });
  const starts = kinds('client-app').length ? kinds('client-app') : kinds('prediction-api');
  const onPath = reachableFrom(g, starts.map((n) => n.id));
  const withRequest = new Set(d.edges.filter((e) => e.kind === 'request').flatMap((e) => [e.source, e.target]));
  for (const id of onPath) {
    if (!withRequest.has(id)) continue;
    const n = d.nodes.find((x) => x.id === id)!;
    if (typeof n.props.latencyMs !== 'number') out.push(`${id} is on the request path without latencyMs`);
  }
  for (const n of d.nodes) if (typeof n.props.latencyMs === 'number' && !onPath.has(n.id)) out.push(`${n.id} has latencyMs but is not on the request path`);
  if (req && typeof req.props.latencyBudgetMs === 'number') {
    const lat = (id: string) => (d.nodes.find((x) => x.id === id)!.props.latencyMs as number | undefined) ?? 0;
    const walk = heaviestWalk(g, starts.map((n) => n.id), lat);
    console.log(`  request path ${walk?.total} ms of ${req.props.latencyBudgetMs}: ${walk?.nodeIds.join(' > ')}`);
  }
  return out;
}

const wanted = process.argv.slice(2);
let bad = 0;
for (const def of DEFS) {
  if (wanted.length && !wanted.includes(def.id)) continue;
  const text = readFileSync(`templates/${def.id}.json`, 'utf8');
  const parsed = parseDiagramText(text);
  if (!parsed.ok) {
    console.log(`${def.id}: PARSE ERROR ${parsed.error.message}`);
    bad++;
    continue;
  }
  const d = parsed.value;
  const comps = d.nodes.filter((n: DiagramNode) => n.kind !== 'note' && n.kind !== 'group').length;
  console.log(`${def.id}: ${d.nodes.length} nodes (${comps} components), ${d.edges.length} edges`);
  const result = runChecks(d);
  const { errors, advice } = layoutProblems(d);
  const content = contentProblems(d);
  for (const f of result.findings) console.log(`  CHECKER ${f.severity} ${f.rule}: ${f.message} [${f.nodeIds.join(', ')}]`);
  for (const e of errors) console.log(`  LAYOUT ${e}`);
  for (const c of content) console.log(`  CONTENT ${c}`);
  for (const a of advice) console.log(`  advice: ${a}`);
  const uncovered = Object.entries(result.stages).filter(([, v]) => !v).map(([k]) => k);
  if (uncovered.length) console.log(`  stages not covered: ${uncovered.join(', ')}`);
  if (result.findings.length || errors.length || content.length) bad++;
}
console.log(bad ? `${bad} template(s) with problems` : 'all clean');
process.exitCode = bad ? 1 : 0;
