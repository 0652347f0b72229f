/**
 * Suggests grid cells for a template's components: simulated annealing over the cells of each zone,
 * minimising what the layout tests and a reader dislike (edges through components, labels on
 * components or on each other, components under the legend or minimap at fit view, edge crossings,
 * edges that run backwards, long edges). Nodes outside zones, and nodes whose id is given with
 * --pin, stay where the definition puts them. A suggestion, not the source: review it with
 * `npm run templates:review` and the snapshots, then keep or edit it in the definition.
 *
 * `npx tsx scripts/template-defs/arrange.ts <id> [--iterations N] [--seed S] [--pin a,b] [--rows zone=r1,r2,...] [--write]`
 * Moving a component away from its column in the definition costs (the columns are the stage order).
 * Rows default to the rows the zone's components use in the definition. --write puts the cells
 * into defs/<id>.ts.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BOX, COL, MARGIN, ROW, type TemplateDef } from './builder';
import { DEFS } from './defs/index';
import { canvasSize, edgeCurve, edgePoints, labelChip, noteHeight, WINDOW, type Box } from './geometry';

type Point = [number, number];

const args = process.argv.slice(2);
const opt = (name: string): string | undefined => {
  const i = args.indexOf(name);
  return i === -1 ? undefined : args[i + 1];
};
const id = args[0];
const def = DEFS.find((d) => d.id === id);
if (!def) throw new Error(`no definition ${id}`);
const iterations = Number(opt('--iterations') ?? 20000);
let seed = Number(opt('--seed') ?? 1);
const pinned = new Set((opt('--pin') ?? '').split(',').filter(Boolean));
const random = () => {
  seed = (seed * 1664525 + 1013904223) % 4294967296;
  return seed / 4294967296;
};

const zoneRows = new Map<string, number[]>();
for (const z of def.zones) zoneRows.set(z.id, [...new Set(def.nodes.filter((n) => n.zone === z.id).map((n) => n.at[1]))].sort((a, b) => a - b));
for (const spec of args.flatMap((a, i) => (a === '--rows' ? [args[i + 1]] : []))) {
  const [zone, rows] = spec.split('=');
  zoneRows.set(zone, rows.split(',').map(Number));
}
const zoneCols = new Map(def.zones.map((z) => [z.id, z.cols ?? [0, 5]]));

const movable = def.nodes.filter((n) => n.zone && !pinned.has(n.id)).map((n) => n.id);
const at = new Map(def.nodes.map((n) => [n.id, [...n.at] as [number, number]]));
/** The column each component has in the definition: its place in the stage order, kept unless moving pays. */
const homeCol = new Map(def.nodes.map((n) => [n.id, n.at[0]]));
const byId = new Map(def.nodes.map((n) => [n.id, n]));

function boxOf(nid: string): Box {
  const n = byId.get(nid)!;
  const [c, r] = at.get(nid)!;
  const height = n.kind === 'note' ? noteHeight(String(n.props?.text ?? '')) : BOX.height;
  return { x: Math.round(c * COL), y: Math.round(r * ROW), width: BOX.width, height };
}

function zoneBoxes(): Box[] {
  return def!.zones.map((z) => {
    const kids = def!.nodes.filter((n) => n.zone === z.id).map((n) => boxOf(n.id));
    const xs = kids.map((b) => b.x);
    if (z.cols) xs.push(z.cols[0] * COL, z.cols[1] * COL);
    const x0 = Math.min(...xs) - MARGIN.left;
    const y0 = Math.min(...kids.map((b) => b.y)) - MARGIN.top;
    return { x: x0, y: y0, width: Math.max(...xs) + BOX.width + MARGIN.right - x0, height: Math.max(...kids.map((b) => b.y + b.height)) + MARGIN.bottom - y0 };
  });
}

const over = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
const inside = (p: Point, b: Box) => p[0] > b.x + 3 && p[0] < b.x + b.width - 3 && p[1] > b.y + 3 && p[1] < b.y + b.height - 3;
function turn(o: Point, p: Point, q: Point): number {
  return (p[0] - o[0]) * (q[1] - o[1]) - (p[1] - o[1]) * (q[0] - o[0]);
}
function cross(a: Point, b: Point, c: Point, d: Point): boolean {
  return turn(c, d, a) * turn(c, d, b) < 0 && turn(a, b, c) * turn(a, b, d) < 0;
}
function anyInside(pts: Point[], b: Box): boolean {
  for (const p of pts) if (inside(p, b)) return true;
  return false;
}

/** The layout's cost, and its parts for the report. */
function cost(): { total: number; parts: Record<string, number> } {
  const items = def!.nodes.map((n) => ({ id: n.id, box: boxOf(n.id) }));
  const box = new Map(items.map((i) => [i.id, i.box]));
  const parts = { through: 0, labels: 0, covered: 0, crossings: 0, backward: 0, length: 0, drift: 0 };
  for (const n of def!.nodes) parts.drift += Math.abs(at.get(n.id)![0] - homeCol.get(n.id)!);
  const polys: { s: string; t: string; pts: Point[]; bb: Box }[] = [];
  const chips: Box[] = [];
  for (const [s, t, , label] of def!.edges) {
    const curve = edgeCurve(box.get(s)!, box.get(t)!);
    const pts = edgePoints(curve);
    for (const it of items) if (it.id !== s && it.id !== t && anyInside(pts, it.box)) parts.through++;
    const dx = curve[3][0] - curve[0][0];
    const dy = curve[3][1] - curve[0][1];
    parts.length += Math.hypot(dx, dy) / COL;
    if (dx < 0) parts.backward += 1 + -dx / COL / 2 + (Math.abs(dy) < 20 ? 3 : 0);
    if (label) {
      const chip = labelChip(curve, label);
      for (const it of items) if (over(chip, it.box)) parts.labels++;
      for (const c of chips) if (over(chip, c)) parts.labels++;
      chips.push(chip);
    }
    const poly = edgePoints(curve, 12);
    let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
    for (const [x, y] of poly) {
      if (x < x0) x0 = x;
      if (x > x1) x1 = x;
      if (y < y0) y0 = y;
      if (y > y1) y1 = y;
    }
    polys.push({ s, t, pts: poly, bb: { x: x0, y: y0, width: x1 - x0, height: y1 - y0 } });
  }
  for (let i = 0; i < polys.length; i++)
    for (let j = i + 1; j < polys.length; j++) {
      const a = polys[i];
      const b = polys[j];
      if (!over(a.bb, b.bb)) continue;
      const shared = a.s === b.s || a.s === b.t || a.t === b.s || a.t === b.t;
      const from = shared ? 2 : 0;
      let hit = false;
      for (let p = from; p < a.pts.length - 1 - from && !hit; p++)
        for (let q = from; q < b.pts.length - 1 - from && !hit; q++) hit = cross(a.pts[p], a.pts[p + 1], b.pts[q], b.pts[q + 1]);
      if (hit) parts.crossings++;
    }
  // Fit view and the panels that float over it.
  const all = [...items.map((i) => i.box), ...zoneBoxes()];
  const minX = Math.min(...all.map((b) => b.x));
  const minY = Math.min(...all.map((b) => b.y));
  const w = Math.max(...all.map((b) => b.x + b.width)) - minX;
  const h = Math.max(...all.map((b) => b.y + b.height)) - minY;
  const canvas = canvasSize(WINDOW);
  const zoom = Math.min(1, canvas.width / 1.2 / w, canvas.height / 1.2 / h);
  const ox = canvas.width / 2 - (minX + w / 2) * zoom;
  const oy = canvas.height / 2 - (minY + h / 2) * zoom;
  const panels: Box[] = [
    { x: canvas.width - 253, y: 15, width: 238, height: 167 },
    { x: canvas.width - 217, y: canvas.height - 157, width: 202, height: 142 },
  ];
  for (const it of items) {
    const s = { x: ox + it.box.x * zoom, y: oy + it.box.y * zoom, width: it.box.width * zoom, height: it.box.height * zoom };
    if (panels.some((p) => over(s, p))) parts.covered++;
  }
  const total = parts.through * 1000 + parts.labels * 150 + parts.covered * 500 + parts.crossings * 25 + parts.backward * 30 + parts.length * 4 + parts.drift * Number(opt("--drift") ?? 60);
  return { total, parts };
}

function occupied(zone: string, cell: [number, number], except: string): boolean {
  const b = { x: cell[0] * COL, y: cell[1] * ROW, width: BOX.width, height: BOX.height };
  return def!.nodes.some((n) => n.id !== except && n.zone === zone && over(b, boxOf(n.id)));
}

let current = cost();
let best = { total: current.total, at: new Map([...at].map(([k, v]) => [k, [...v] as [number, number]])) };
const start = current.total;
for (let i = 0; i < iterations; i++) {
  const temp = 200 * Math.pow(0.0005, i / iterations);
  const a = movable[Math.floor(random() * movable.length)];
  const zone = byId.get(a)!.zone!;
  const saved = new Map([...at].map(([k, v]) => [k, [...v] as [number, number]]));
  if (random() < 0.5) {
    const rows = zoneRows.get(zone)!;
    const [c0, c1] = zoneCols.get(zone)!;
    const cell: [number, number] = [c0 + Math.floor(random() * (c1 - c0 + 1)), rows[Math.floor(random() * rows.length)]];
    if (occupied(zone, cell, a)) continue;
    at.set(a, cell);
  } else {
    const peers = movable.filter((m) => m !== a && byId.get(m)!.zone === zone);
    const b = peers[Math.floor(random() * peers.length)];
    const pa = at.get(a)!;
    at.set(a, at.get(b)!);
    at.set(b, pa);
  }
  const next = cost();
  if (next.total <= current.total || random() < Math.exp((current.total - next.total) / temp)) {
    current = next;
    if (next.total < best.total) best = { total: next.total, at: new Map([...at].map(([k, v]) => [k, [...v] as [number, number]])) };
  } else {
    for (const [k, v] of saved) at.set(k, v);
  }
}
for (const [k, v] of best.at) at.set(k, v);
const final = cost();
console.log(`${id}: cost ${start.toFixed(0)} -> ${final.total.toFixed(0)}`, final.parts);
for (const n of def.nodes) if (n.zone) console.log(`  ${n.id}: [${at.get(n.id)!.join(', ')}]`);

if (args.includes('--write')) {
  const path = join(import.meta.dirname, 'defs', `${id}.ts`);
  let text = readFileSync(path, 'utf8');
  for (const n of def.nodes) {
    if (!n.zone) continue;
    const [c, r] = at.get(n.id)!;
    const re = new RegExp(`(id: '${n.id}',[^\\n]*?at: \\[)[^\\]]*(\\])`);
    if (!re.test(text)) throw new Error(`cannot find the cell of ${n.id} in ${path}`);
    text = text.replace(re, `$1${c}, ${r}$2`);
  }
  writeFileSync(path, text);
  console.log(`wrote ${path}`);
}

export type { TemplateDef };
