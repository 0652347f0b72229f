/**
 * Draws each template as an SVG (boxes, zones, React Flow style bezier edges coloured by kind) to
 * eyeball the layout: `npx tsx scripts/templates-b/preview.ts OUT_DIR [id ...]`.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { parseDiagramText } from '../../src/domain/format/parse';
import { absolutePosition, nodeLabel, nodeSize } from '../../src/domain/diagram';
import { DEFS } from './defs/index';

const COLORS: Record<string, string> = {
  data: '#555', stream: '#0a7', request: '#d33', model: '#63c', feedback: '#e80', control: '#29c',
};
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

const [outDir, ...wanted] = process.argv.slice(2);
mkdirSync(outDir, { recursive: true });
for (const def of DEFS) {
  if (wanted.length && !wanted.includes(def.id)) continue;
  const parsed = parseDiagramText(readFileSync(`templates/${def.id}.json`, 'utf8'));
  if (!parsed.ok) throw new Error(parsed.error.message);
  const d = parsed.value;
  const byId = new Map(d.nodes.map((n) => [n.id, n]));
  const box = new Map(d.nodes.map((n) => [n.id, { ...absolutePosition(n, byId), ...nodeSize(n) }]));
  const all = [...box.values()];
  const minX = Math.min(...all.map((b) => b.x)) - 40, minY = Math.min(...all.map((b) => b.y)) - 40;
  const maxX = Math.max(...all.map((b) => b.x + b.width)) + 40, maxY = Math.max(...all.map((b) => b.y + b.height)) + 40;
  const parts: string[] = [];
  parts.push(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="${minX} ${minY} ${maxX - minX} ${maxY - minY}" width="${maxX - minX}" height="${maxY - minY}" font-family="sans-serif">`);
  parts.push(`<rect x="${minX}" y="${minY}" width="${maxX - minX}" height="${maxY - minY}" fill="white"/>`);
  for (const n of d.nodes.filter((n) => n.kind === 'group')) {
    const b = box.get(n.id)!;
    const fill = n.props.zone === 'online' ? '#eef6ff' : '#f4f4f0';
    parts.push(`<rect x="${b.x}" y="${b.y}" width="${b.width}" height="${b.height}" fill="${fill}" stroke="#99a" stroke-dasharray="6 4" rx="8"/>`);
    parts.push(`<text x="${b.x + 12}" y="${b.y + 24}" font-size="15" font-weight="bold" fill="#557">${esc(nodeLabel(n))}</text>`);
  }
  const offset = (dist: number) => (dist >= 0 ? 0.5 * dist : 0.25 * 25 * Math.sqrt(-dist));
  for (const e of d.edges) {
    const s = box.get(e.source)!, t = box.get(e.target)!;
    const sx = s.x + s.width, sy = s.y + s.height / 2, tx = t.x, ty = t.y + t.height / 2;
    const o = offset(tx - sx);
    const c = COLORS[e.kind];
    parts.push(`<path d="M${sx},${sy} C${sx + o},${sy} ${tx - o},${ty} ${tx},${ty}" fill="none" stroke="${c}" stroke-width="1.6" ${e.kind === 'feedback' || e.kind === 'control' ? 'stroke-dasharray="5 3"' : ''}/>`);
    parts.push(`<circle cx="${tx}" cy="${ty}" r="3.5" fill="${c}"/>`);
    if (e.label) parts.push(`<text x="${(sx + tx) / 2}" y="${(sy + ty) / 2 - 3}" font-size="10" fill="${c}" text-anchor="middle">${esc(e.label)}</text>`);
  }
  for (const n of d.nodes.filter((n) => n.kind !== 'group')) {
    const b = box.get(n.id)!;
    const fill = n.kind === 'note' ? '#fff8c4' : n.kind === 'requirements' || n.kind === 'ml-objective' ? '#e8ffe8' : '#ffffff';
    parts.push(`<rect x="${b.x}" y="${b.y}" width="${b.width}" height="${b.height}" fill="${fill}" stroke="#333" rx="6"/>`);
    const title = n.kind === 'note' ? (n.props.text ?? '').slice(0, 28) + '...' : nodeLabel(n);
    parts.push(`<text x="${b.x + 6}" y="${b.y + 18}" font-size="12" font-weight="bold">${esc(title.slice(0, 26))}</text>`);
    parts.push(`<text x="${b.x + 6}" y="${b.y + 34}" font-size="10" fill="#666">${esc(n.kind)}</text>`);
    const extra = [n.props.tool, n.props.latencyMs !== undefined ? `${n.props.latencyMs} ms` : undefined].filter(Boolean).join(' | ');
    parts.push(`<text x="${b.x + 6}" y="${b.y + 50}" font-size="10" fill="#338">${esc(String(extra).slice(0, 30))}</text>`);
  }
  parts.push('</svg>');
  writeFileSync(`${outDir}/${def.id}.svg`, parts.join('\n'));
  console.log(`${outDir}/${def.id}.svg`);
}
