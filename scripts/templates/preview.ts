/**
 * Renders templates as SVG pictures (and PNG through headless Chromium when it is installed),
 * to review a layout by eye: `npx tsx scripts/templates/preview.ts [outDir] [id ...]`.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { nodeLabel, nodeStage, type Diagram } from '../../src/domain/diagram';
import { stageById } from '../../src/domain/stages';
import { boxes, edgeCurve } from './geometry';

const EDGE_COLOR: Record<string, string> = {
  data: '#555', stream: '#0072B2', request: '#D55E00', model: '#009E73', feedback: '#CC79A7', control: '#999',
};

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** An SVG picture of a diagram. */
export function toSvg(d: Diagram): string {
  const box = boxes(d);
  const all = [...box.values()];
  const minX = Math.min(...all.map((b) => b.x)) - 40;
  const minY = Math.min(...all.map((b) => b.y)) - 40;
  const maxX = Math.max(...all.map((b) => b.x + b.width)) + 40;
  const maxY = Math.max(...all.map((b) => b.y + b.height)) + 40;
  const parts: string[] = [];
  for (const n of d.nodes.filter((n) => n.kind === 'group')) {
    const b = box.get(n.id)!;
    const fill = n.props.zone === 'online' ? '#fff4e5' : '#eaf3fb';
    parts.push(`<rect x="${b.x}" y="${b.y}" width="${b.width}" height="${b.height}" rx="10" fill="${fill}" stroke="#99a" stroke-dasharray="6 4"/>`);
    parts.push(`<text x="${b.x + 12}" y="${b.y + 24}" font-size="16" font-weight="bold" fill="#446">${esc(nodeLabel(n))}</text>`);
  }
  for (const e of d.edges) {
    const s = box.get(e.source)!;
    const t = box.get(e.target)!;
    const [[x1, y1], [cx1, cy1], [cx2, cy2], [x2, y2]] = edgeCurve(s, t);
    const c = EDGE_COLOR[e.kind] ?? '#555';
    parts.push(`<path d="M${x1},${y1} C${cx1},${cy1} ${cx2},${cy2} ${x2},${y2}" fill="none" stroke="${c}" stroke-width="1.6" marker-end="url(#a-${e.kind})" ${e.kind === 'control' ? 'stroke-dasharray="5 4"' : ''}/>`);
    if (e.label) parts.push(`<text x="${(x1 + x2) / 2}" y="${(y1 + y2) / 2 - 4}" font-size="11" fill="${c}" text-anchor="middle">${esc(e.label)}</text>`);
  }
  for (const n of d.nodes.filter((n) => n.kind !== 'group')) {
    const b = box.get(n.id)!;
    const st = nodeStage(n);
    const color = st ? stageById(st).color : '#888';
    const text = n.kind === 'note' ? String(n.props.text ?? '') : nodeLabel(n);
    const sub = n.kind === 'note' ? '' : `${n.kind}${n.props.tool ? ' · ' + n.props.tool : ''}${typeof n.props.latencyMs === 'number' ? ' · ' + n.props.latencyMs + ' ms' : ''}`;
    parts.push(`<rect x="${b.x}" y="${b.y}" width="${b.width}" height="${b.height}" rx="6" fill="${n.kind === 'note' ? '#fffbc8' : '#fff'}" stroke="${color}" stroke-width="2"/>`);
    parts.push(`<rect x="${b.x}" y="${b.y}" width="6" height="${b.height}" fill="${color}"/>`);
    parts.push(`<foreignObject x="${b.x + 8}" y="${b.y + 2}" width="${b.width - 10}" height="${b.height - 4}"><div xmlns="http://www.w3.org/1999/xhtml" style="font:${n.kind === 'note' ? 9 : 12}px sans-serif;overflow:hidden;height:100%"><b>${esc(text)}</b><div style="font-size:9px;color:#666">${esc(sub)}</div></div></foreignObject>`);
  }
  const markers = Object.entries(EDGE_COLOR)
    .map(([k, c]) => `<marker id="a-${k}" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" orient="auto"><path d="M0,0L10,5L0,10z" fill="${c}"/></marker>`)
    .join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="${minX} ${minY} ${maxX - minX} ${maxY - minY}" width="${maxX - minX}" height="${maxY - minY}"><defs>${markers}</defs><rect x="${minX}" y="${minY}" width="100%" height="100%" fill="#fff"/>${parts.join('\n')}</svg>`;
}

function main() {
  const [outDir = '/tmp/template-preview', ...ids] = process.argv.slice(2);
  mkdirSync(outDir, { recursive: true });
  const files = readdirSync('templates').filter((f) => f.endsWith('.json') && (ids.length === 0 || ids.includes(f.slice(0, -5))));
  for (const f of files) {
    const d = JSON.parse(readFileSync(join('templates', f), 'utf8')) as Diagram;
    const svg = toSvg(d);
    const id = f.slice(0, -5);
    const html = join(outDir, `${id}.html`);
    writeFileSync(html, `<!doctype html><html><body style="margin:0">${svg}</body></html>`);
    const m = /width="(\d+)" height="(\d+)"/.exec(svg)!;
    try {
      execFileSync('chromium', ['--headless', '--no-sandbox', '--disable-gpu', '--hide-scrollbars', `--window-size=${m[1]},${m[2]}`, `--screenshot=${join(outDir, id + '.png')}`, `file://${html}`], { stdio: 'ignore' });
      console.log(join(outDir, id + '.png'));
    } catch {
      console.log(html);
    }
  }
}

main();
