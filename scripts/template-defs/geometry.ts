/**
 * Layout measures of a template as the canvas draws it, used by the template tests and by
 * `npm run templates:review`: overlapping boxes, children outside their zone, edges drawn through
 * components, edge labels on components or on each other, edge crossings, and the zoom at which the
 * canvas fits the diagram in a given window (with what the legend and the minimap then cover).
 *
 * The figures follow the app: React Flow's bezier edges from a component's right handle to another's
 * left handle (getBezierPath, curvature 0.25), its fitView (getViewportForBounds with the padding of
 * FIT_VIEW in src/canvas/Canvas.tsx), the workspace columns of src/styles.css, and notes that grow
 * with their text (measured in Chromium: about 21 characters a line, 17 px a line).
 */
import { absolutePosition, nodeSize, type Diagram, type DiagramEdge, type DiagramNode } from '../../src/domain/diagram';

/** Top margin a zone keeps above its children for its label; the other sides keep SIDE_MARGIN. */
export const TOP_MARGIN = 40;
export const SIDE_MARGIN = 24;

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

type Point = [number, number];

const overlaps = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/** Height of a note as the canvas draws it: 12 px text wrapped in a 168 px box (an upper estimate). */
export function noteHeight(text: string): number {
  const lines = text
    .split('\n')
    .reduce((sum, line) => sum + Math.max(1, Math.ceil(line.length / 21)), 0);
  return Math.max(60, 18 + 17 * lines);
}

/** Every absolute box of the diagram as drawn, by node id (notes as tall as their text). */
export function boxes(diagram: Diagram): Map<string, Box> {
  const byId = new Map(diagram.nodes.map((n) => [n.id, n]));
  return new Map(
    diagram.nodes.map((n) => {
      const size = nodeSize(n);
      const height = n.kind === 'note' ? noteHeight(String(n.props.text ?? '')) : size.height;
      return [n.id, { ...absolutePosition(n, byId), width: size.width, height }];
    }),
  );
}

function isAncestor(ancestor: DiagramNode, node: DiagramNode, byId: Map<string, DiagramNode>): boolean {
  let p = node.parent;
  const seen = new Set<string>();
  while (p && !seen.has(p)) {
    if (p === ancestor.id) return true;
    seen.add(p);
    p = byId.get(p)?.parent;
  }
  return false;
}

/** Pairs of nodes whose boxes overlap (a zone is not compared with its own descendants). */
export function overlappingPairs(diagram: Diagram): [string, string][] {
  const byId = new Map(diagram.nodes.map((n) => [n.id, n]));
  const box = boxes(diagram);
  const out: [string, string][] = [];
  const nodes = diagram.nodes;
  for (let i = 0; i < nodes.length; i++) {
    for (let j = i + 1; j < nodes.length; j++) {
      const a = nodes[i];
      const b = nodes[j];
      if (isAncestor(a, b, byId) || isAncestor(b, a, byId)) continue;
      if (overlaps(box.get(a.id)!, box.get(b.id)!)) out.push([a.id, b.id]);
    }
  }
  return out;
}

/** Children that are not inside their zone's box with the required margins. */
export function childrenOutsideZone(diagram: Diagram): string[] {
  const byId = new Map(diagram.nodes.map((n) => [n.id, n]));
  const box = boxes(diagram);
  const out: string[] = [];
  for (const n of diagram.nodes) {
    if (!n.parent) continue;
    const zone = box.get(n.parent);
    const b = box.get(n.id)!;
    if (!zone || byId.get(n.parent)?.kind !== 'group') {
      out.push(`${n.id}: parent ${n.parent} is not a zone`);
      continue;
    }
    const inside =
      b.x >= zone.x + SIDE_MARGIN &&
      b.y >= zone.y + TOP_MARGIN &&
      b.x + b.width <= zone.x + zone.width - SIDE_MARGIN &&
      b.y + b.height <= zone.y + zone.height - SIDE_MARGIN;
    if (!inside) out.push(`${n.id} is not inside zone ${n.parent}`);
  }
  return out;
}

/** How far a handle's connection point lies outside the component's side. */
const HANDLE = 4.5;

/** React Flow's bezier control offset (calculateControlOffset, curvature 0.25). */
function controlOffset(distance: number): number {
  return distance >= 0 ? 0.5 * distance : 0.25 * 25 * Math.sqrt(-distance);
}

/** The cubic bezier React Flow draws for an edge from the source's right handle to the target's left handle. */
export function edgeCurve(source: Box, target: Box): [Point, Point, Point, Point] {
  const x1 = source.x + source.width + HANDLE;
  const y1 = source.y + source.height / 2;
  const x2 = target.x - HANDLE;
  const y2 = target.y + target.height / 2;
  return [
    [x1, y1],
    [x1 + controlOffset(x2 - x1), y1],
    [x2 - controlOffset(x1 - x2), y2],
    [x2, y2],
  ];
}

function bezierAt([p0, p1, p2, p3]: [Point, Point, Point, Point], t: number): Point {
  const u = 1 - t;
  return [
    u * u * u * p0[0] + 3 * u * u * t * p1[0] + 3 * u * t * t * p2[0] + t * t * t * p3[0],
    u * u * u * p0[1] + 3 * u * u * t * p1[1] + 3 * u * t * t * p2[1] + t * t * t * p3[1],
  ];
}

/** Points along an edge's drawn curve, both ends included. */
export function edgePoints(curve: [Point, Point, Point, Point], steps = 80): Point[] {
  const pts: Point[] = [];
  for (let i = 0; i <= steps; i++) pts.push(bezierAt(curve, i / steps));
  return pts;
}

function curves(diagram: Diagram): Map<DiagramEdge, [Point, Point, Point, Point]> {
  const box = boxes(diagram);
  return new Map(diagram.edges.map((e) => [e, edgeCurve(box.get(e.source)!, box.get(e.target)!)]));
}

/** For each edge whose drawn curve passes through a component or note other than its own ends, the ids of those nodes. */
export function edgesThroughNodes(diagram: Diagram): { edge: string; through: string[] }[] {
  const box = boxes(diagram);
  const items = diagram.nodes.filter((n) => n.kind !== 'group');
  const out: { edge: string; through: string[] }[] = [];
  for (const [e, curve] of curves(diagram)) {
    const pts = edgePoints(curve);
    const through = items
      .filter((n) => n.id !== e.source && n.id !== e.target)
      .filter((n) => {
        const b = box.get(n.id)!;
        return pts.some(([x, y]) => x > b.x + 3 && x < b.x + b.width - 3 && y > b.y + 3 && y < b.y + b.height - 3);
      })
      .map((n) => n.id);
    if (through.length) out.push({ edge: e.id, through });
  }
  return out;
}

/** The chip an edge's label is drawn in: centred on the curve's midpoint, 11 px text (src/styles.css .edge-label). */
export function labelChip(curve: [Point, Point, Point, Point], label: string): Box {
  const [cx, cy] = bezierAt(curve, 0.5);
  const width = 6.2 * label.length + 14;
  return { x: cx - width / 2, y: cy - 9, width, height: 18 };
}

/** Edge labels drawn over a component or note, and pairs of edge labels drawn over each other. */
export function labelCollisions(diagram: Diagram): string[] {
  const box = boxes(diagram);
  const items = diagram.nodes.filter((n) => n.kind !== 'group');
  const chips: { edge: DiagramEdge; chip: Box }[] = [];
  const out: string[] = [];
  for (const [e, curve] of curves(diagram)) {
    if (!e.label) continue;
    const chip = labelChip(curve, e.label);
    const under = items.filter((n) => overlaps(chip, box.get(n.id)!)).map((n) => n.id);
    if (under.length) out.push(`label "${e.label}" of ${e.id} lies on ${under.join(', ')}`);
    chips.push({ edge: e, chip });
  }
  for (let i = 0; i < chips.length; i++)
    for (let j = i + 1; j < chips.length; j++)
      if (overlaps(chips[i].chip, chips[j].chip)) out.push(`labels of ${chips[i].edge.id} and ${chips[j].edge.id} overlap`);
  return out;
}

function segmentsCross(a: Point, b: Point, c: Point, d: Point): boolean {
  const cross = (o: Point, p: Point, q: Point) => (p[0] - o[0]) * (q[1] - o[1]) - (p[1] - o[1]) * (q[0] - o[0]);
  const d1 = cross(c, d, a);
  const d2 = cross(c, d, b);
  const d3 = cross(a, b, c);
  const d4 = cross(a, b, d);
  return d1 * d2 < 0 && d3 * d4 < 0;
}

/** Pairs of edges whose drawn curves cross (away from a component they share). */
export function edgeCrossings(diagram: Diagram): [string, string][] {
  const all = [...curves(diagram)].map(([e, c]) => ({ e, pts: edgePoints(c, 40) }));
  const out: [string, string][] = [];
  for (let i = 0; i < all.length; i++) {
    for (let j = i + 1; j < all.length; j++) {
      const a = all[i];
      const b = all[j];
      const shared = [a.e.source, a.e.target].some((id) => id === b.e.source || id === b.e.target);
      let hit = false;
      // Edges that share a component meet at its handles: ignore the first and last few segments there.
      const from = shared ? 4 : 0;
      for (let s = from; s < a.pts.length - 1 - from && !hit; s++)
        for (let t = from; t < b.pts.length - 1 - from && !hit; t++) if (segmentsCross(a.pts[s], a.pts[s + 1], b.pts[t], b.pts[t + 1])) hit = true;
      if (hit) out.push([a.e.id, b.e.id]);
    }
  }
  return out;
}

/** The browser window the templates are laid out for. */
export const WINDOW = { width: 1440, height: 900 } as const;
/** Fixed parts of the page around the canvas (src/styles.css: header 48 px, palette 248 px, side column 320 px). */
const CHROME = { header: 48, palette: 248, side: 320 } as const;
/** FIT_VIEW of src/canvas/Canvas.tsx. */
const FIT = { padding: 0.2, minZoom: 0.05, maxZoom: 1 } as const;
/** Panels that float over the canvas, relative to its top-left or bottom-right corner (measured in Chromium). */
const PANELS = {
  legend: { right: 15, top: 15, width: 238, height: 167 },
  minimap: { right: 15, bottom: 15, width: 202, height: 142 },
} as const;

/** The canvas area of a window: the window less the header, the palette and the side column. */
export function canvasSize(win: { width: number; height: number } = WINDOW): { width: number; height: number } {
  return { width: win.width - CHROME.palette - CHROME.side, height: win.height - CHROME.header };
}

/** Bounds of every node as drawn (notes as tall as their text). */
export function drawnBounds(diagram: Diagram): Box {
  const all = [...boxes(diagram).values()];
  const x = Math.min(...all.map((b) => b.x));
  const y = Math.min(...all.map((b) => b.y));
  return { x, y, width: Math.max(...all.map((b) => b.x + b.width)) - x, height: Math.max(...all.map((b) => b.y + b.height)) - y };
}

/** The viewport React Flow's fitView chooses for the diagram in a window (getViewportForBounds). */
export function fitViewport(diagram: Diagram, win: { width: number; height: number } = WINDOW): { x: number; y: number; zoom: number } {
  const b = drawnBounds(diagram);
  const { width, height } = canvasSize(win);
  const px = Math.floor((width - width / (1 + FIT.padding)) * 0.5);
  const py = Math.floor((height - height / (1 + FIT.padding)) * 0.5);
  const zoom = Math.min(FIT.maxZoom, Math.max(FIT.minZoom, Math.min((width - 2 * px) / b.width, (height - 2 * py) / b.height)));
  return { x: width / 2 - (b.x + b.width / 2) * zoom, y: height / 2 - (b.y + b.height / 2) * zoom, zoom };
}

/** Components and notes that the legend or the minimap cover, partly or wholly, at fit view in the window. */
export function coveredAtFit(diagram: Diagram, win: { width: number; height: number } = WINDOW): string[] {
  const { width, height } = canvasSize(win);
  const v = fitViewport(diagram, win);
  const { legend: l, minimap: m } = PANELS;
  const panels: Box[] = [
    { x: width - l.right - l.width, y: l.top, width: l.width, height: l.height },
    { x: width - m.right - m.width, y: height - m.bottom - m.height, width: m.width, height: m.height },
  ];
  const box = boxes(diagram);
  return diagram.nodes
    .filter((n) => n.kind !== 'group')
    .filter((n) => {
      const b = box.get(n.id)!;
      const screen = { x: v.x + b.x * v.zoom, y: v.y + b.y * v.zoom, width: b.width * v.zoom, height: b.height * v.zoom };
      return panels.some((p) => overlaps(screen, p));
    })
    .map((n) => n.id);
}

/**
 * The chip a sized component's sizing line is drawn in ("15.4 TB RAM", src/styles.css .node-sizing): 10 px bold
 * text, hung over the box's bottom edge 8 px from its right side, 18 px tall, 9 px of it below the box, at most
 * the box's width less 24 px (a longer line is cut with an ellipsis).
 */
export function sizingChip(node: Box, line: string): Box & { cut: boolean } {
  const natural = 6 * line.length + 14;
  const max = node.width - 24;
  const width = Math.min(natural, max);
  return { x: node.x + node.width - 8 - width, y: node.y + node.height - 9, width, height: 18, cut: natural > max };
}

/**
 * Sizing lines that are cut short, or that an edge, an edge label, another component or another sizing line
 * covers. `lines` are the lines by node id (src/canvas/sizingLines.ts computes them as the canvas does).
 */
export function sizingCollisions(diagram: Diagram, lines: ReadonlyMap<string, string>): string[] {
  const box = boxes(diagram);
  const items = diagram.nodes.filter((n) => n.kind !== 'group');
  const out: string[] = [];
  const chips: { id: string; chip: Box }[] = [];
  for (const [id, line] of lines) {
    const b = box.get(id);
    if (!b) continue;
    const chip = sizingChip(b, line);
    if (chip.cut) out.push(`sizing line "${line}" of ${id} is too long for its box`);
    chips.push({ id, chip });
  }
  const all = [...curves(diagram)];
  for (const { id, chip } of chips) {
    const under = items.filter((n) => n.id !== id && overlaps(chip, box.get(n.id)!)).map((n) => n.id);
    if (under.length) out.push(`sizing line of ${id} lies on ${under.join(', ')}`);
    for (const [e, curve] of all) {
      if (edgePoints(curve).some(([x, y]) => x > chip.x && x < chip.x + chip.width && y > chip.y && y < chip.y + chip.height)) out.push(`edge ${e.id} passes through the sizing line of ${id}`);
      if (e.label && overlaps(chip, labelChip(curve, e.label))) out.push(`label "${e.label}" of ${e.id} lies on the sizing line of ${id}`);
    }
  }
  for (let i = 0; i < chips.length; i++)
    for (let j = i + 1; j < chips.length; j++) if (overlaps(chips[i].chip, chips[j].chip)) out.push(`sizing lines of ${chips[i].id} and ${chips[j].id} overlap`);
  return out;
}
