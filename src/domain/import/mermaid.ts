import { Graph, layout } from '@dagrejs/dagre';
import { NODE_SIZE, type Box, type EdgeKind, type XY } from '../diagram';
import { LAYOUT_GAP } from '../layout';
import type { Sketch, SketchEdge, SketchLayout, SketchNote, SketchShape, SketchZone, Skipped } from './sketch';
import { htmlToText } from './xml';

/**
 * A Mermaid flowchart, as Mermaid's own parser reads it (its FlowDB: vertices, edges, subgraphs;
 * src/io/mermaidParse.ts gets them), turned into a sketch, and laid out left to right with dagre
 * (Mermaid's own layout engine), subgraphs as zones.
 */

/** What Mermaid's parser gives for a flowchart, reduced to plain data. */
export interface MermaidFlow {
  title?: string;
  vertices: { id: string; text: string; type?: string }[];
  edges: { start: string; end: string; text: string; type?: string; stroke?: string }[];
  /** Innermost subgraphs come first, as Mermaid lists them. */
  subgraphs: { id: string; title: string; nodes: string[] }[];
}

/**
 * A label as Mermaid's parser leaves it: entity codes (`#quot;`, `#35;`) still as Mermaid's
 * placeholders, HTML sanitised; made plain text with line breaks.
 */
export function mermaidText(text: string): string {
  const html = text.replace(/ﬂ°°(\d+)¶ß/g, '&#$1;').replace(/ﬂ°(\w+)¶ß/g, '&$1;');
  return htmlToText(html.replace(/\\n/g, '\n'));
}

/** The connection kind a Mermaid arrow says: ==> request, --o model, --x control, -.-> stream (or feedback); otherwise none. */
function arrowKind(type: string | undefined, stroke: string | undefined): EdgeKind | 'dotted' | undefined {
  if (type?.endsWith('circle')) return 'model';
  if (type?.endsWith('cross')) return 'control';
  if (stroke === 'thick') return 'request';
  if (stroke === 'dotted') return 'dotted';
  return undefined;
}

/** The flowchart as a sketch: nodes as components, subgraphs as zones (nested as in the text), links as connections. */
export function sketchFromMermaid(flow: MermaidFlow): Sketch {
  const subgraphIds = new Set(flow.subgraphs.map((s) => s.id));
  const zoneOf = new Map<string, string>();
  for (const sg of flow.subgraphs) for (const n of sg.nodes) if (!zoneOf.has(n) && n !== sg.id) zoneOf.set(n, sg.id);
  const skipped: Skipped[] = [];
  const shapes: SketchShape[] = [];
  const box = { x: 0, y: 0, width: NODE_SIZE.width, height: NODE_SIZE.height };
  const notes: SketchNote[] = [];
  for (const v of flow.vertices) {
    if (subgraphIds.has(v.id)) continue;
    // The flag shape (`id>text]`) is how our Mermaid export writes notes.
    if (v.type === 'odd') {
      const n: SketchNote = { id: v.id, text: mermaidText(v.text || v.id), box: { x: 0, y: 0, width: NODE_SIZE.width, height: NODE_SIZE.height } };
      const z = zoneOf.get(v.id);
      if (z) n.zone = z;
      notes.push(n);
      continue;
    }
    const s: SketchShape = { id: v.id, text: mermaidText(v.text || v.id), box };
    const z = zoneOf.get(v.id);
    if (z) s.zone = z;
    shapes.push(s);
  }
  const zones: SketchZone[] = flow.subgraphs.map((sg) => {
    const z: SketchZone = { id: sg.id, title: mermaidText(sg.title || sg.id) };
    const parent = zoneOf.get(sg.id);
    if (parent) z.parent = parent;
    return z;
  });
  const edges: SketchEdge[] = [];
  for (const e of flow.edges) {
    if (e.stroke === 'invisible') {
      skipped.push({ what: `link ${e.start} ~~~ ${e.end}`, why: 'an invisible link only spaces the layout' });
      continue;
    }
    const label = mermaidText(e.text ?? '');
    const kind = arrowKind(e.type, e.stroke);
    const edge: SketchEdge = { from: e.start, to: e.end, what: label ? `link “${label}”` : `link ${e.start} → ${e.end}` };
    if (label) edge.label = label;
    if (kind === 'dotted') edge.dotted = true;
    else if (kind) edge.kind = kind;
    edges.push(edge);
    if (e.type?.startsWith('double_')) edges.push({ ...edge, from: e.end, to: e.start });
  }
  const sketch: Sketch = { shapes, zones, notes, edges, skipped };
  if (flow.title) sketch.title = mermaidText(flow.title);
  return sketch;
}

/** The sketch laid out left to right by dagre, zones around what they hold. */
export function layeredLayout(sketch: Sketch): SketchLayout {
  const g = new Graph({ compound: true, multigraph: false });
  g.setGraph({ rankdir: 'LR', nodesep: LAYOUT_GAP.row + 12, ranksep: LAYOUT_GAP.column, marginx: 0, marginy: 0 });
  g.setDefaultEdgeLabel(() => ({}));
  const zoneIds = new Set(sketch.zones.map((z) => z.id));
  for (const z of sketch.zones) g.setNode(z.id, { paddingTop: LAYOUT_GAP.zonePadTop, paddingLeft: LAYOUT_GAP.zonePad });
  for (const s of [...sketch.shapes, ...sketch.notes]) g.setNode(s.id, { width: NODE_SIZE.width, height: NODE_SIZE.height });
  for (const z of sketch.zones) if (z.parent && zoneIds.has(z.parent)) g.setParent(z.id, z.parent);
  for (const s of [...sketch.shapes, ...sketch.notes]) if (s.zone && zoneIds.has(s.zone)) g.setParent(s.id, s.zone);
  const placed = new Set([...sketch.shapes, ...sketch.notes].map((s) => s.id));
  for (const e of sketch.edges) if (placed.has(e.from) && placed.has(e.to) && e.from !== e.to) g.setEdge(e.from, e.to);
  layout(g);
  const positions = new Map<string, XY>();
  for (const s of [...sketch.shapes, ...sketch.notes]) {
    const n = g.node(s.id) as { x: number; y: number } | undefined;
    positions.set(s.id, n ? { x: n.x - NODE_SIZE.width / 2, y: n.y - NODE_SIZE.height / 2 } : { x: 0, y: 0 });
  }
  // Zones are drawn around their contents by buildDiagram; dagre's cluster boxes only place empty ones.
  const zoneBoxes = new Map<string, Box>();
  for (const z of sketch.zones) {
    const n = g.node(z.id) as { x: number; y: number; width: number; height: number } | undefined;
    const empty = ![...sketch.shapes, ...sketch.notes].some((s) => s.zone === z.id) && !sketch.zones.some((c) => c.parent === z.id);
    if (n && empty && Number.isFinite(n.x)) zoneBoxes.set(z.id, { x: n.x - 160, y: n.y - 100, width: 320, height: 200 });
  }
  return { positions, zoneBoxes };
}
