import { KIND_ICONS } from '../kindIcons';
import {
  DEFAULT_ZONE_SIZE,
  EDGE_KINDS,
  NODE_SIZE,
  absolutePositions,
  nestingDepths,
  boxesBounds,
  nodeLabel,
  nodeSize,
  nodeStage,
  type Box,
  type Diagram,
  type DiagramNode,
  type EdgeKind,
} from '../diagram';
import { stageById } from '../stages';
import { roundedPath, routeEdges, routeLabelPoint, routePoints, type RouteXY } from '../edgeRoutes';
import { cleanText, nodeDetail } from './text';

/** File extension of an SVG export. */
export const SVG_EXTENSION = '.svg';

/** Font stack of every text in the exported picture. */
export const SVG_FONT_FAMILY = 'Inter, system-ui, -apple-system, Segoe UI, Roboto, sans-serif';

/** Options of toSvg. */
export interface SvgOptions {
  /** Background colour; null for a transparent picture. Default: white, or the dark canvas colour (#0f1420) when dark. */
  background?: string | null;
  dark?: boolean;
  /** Inner SVG markup of a 24x24 stroke icon (lucide) for a catalogue icon id; inserted verbatim, so it must be trusted. */
  iconSvg?: (iconId: string) => string | undefined;
  /** Space around the diagram, in diagram units. Default 32. */
  padding?: number;
}

// ---------------------------------------------------------------- text

/** Text for XML content or a quoted attribute: invalid XML characters removed, & < > " ' escaped, line breaks folded. */
export function escapeXml(text: string): string {
  return cleanText(text)
    .replace(/\n/g, ' ')
    .replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

const segmenter = typeof Intl !== 'undefined' && 'Segmenter' in Intl ? new Intl.Segmenter('en', { granularity: 'grapheme' }) : undefined;

function graphemes(text: string): string[] {
  if (/^[\x20-\x7e]*$/.test(text)) return text.split('');
  return segmenter ? Array.from(segmenter.segment(text), (s) => s.segment) : Array.from(text);
}

/** Estimated advance of one grapheme as a fraction of the font size (Inter-like metrics, erring wide). */
function advance(g: string): number {
  const c = g.codePointAt(0) ?? 0;
  if (g.length > 2 || c >= 0x1100) return c >= 0x2000 && c < 0x2e80 && g.length === 1 ? 0.7 : 1.05; // CJK, emoji, symbols
  if (c >= 0x80) return 0.62;
  if (g === ' ') return 0.28;
  if ('il.,:;\'|!`'.includes(g)) return 0.28;
  if ('fjrtI()[]{}/\\"-'.includes(g)) return 0.38;
  if ('mwMW@%'.includes(g)) return 0.9;
  if (g >= 'A' && g <= 'Z') return 0.68;
  if (g >= '0' && g <= '9') return 0.6;
  return 0.58;
}

/**
 * How much wider semibold text runs than regular: measured in Chromium with the widest font the export's font stack
 * falls back to (DejaVu Sans on Linux; "Query understanding" at 13 px ran 4 px past its box at 1.08).
 */
const BOLD = 1.14;
/** Regular text, erring wide by a little for the same reason (a tool name ran 1.5 px past at 1). */
const REGULAR = 1.05;

/** Estimated width of a line of text at a font size and weight. */
function measure(text: string, size: number, bold = false): number {
  let w = 0;
  for (const g of graphemes(text)) w += advance(g);
  return w * size * (bold ? BOLD : REGULAR);
}

/** The text cut to fit the width, with an ellipsis when something was cut. */
function fit(text: string, maxWidth: number, size: number, bold = false): string {
  if (measure(text, size, bold) <= maxWidth) return text;
  const gs = graphemes(text);
  const room = maxWidth - measure('…', size, bold);
  let w = 0;
  let i = 0;
  for (; i < gs.length; i++) {
    const a = advance(gs[i]) * size * (bold ? BOLD : REGULAR);
    if (w + a > room) break;
    w += a;
  }
  return gs.slice(0, i).join('').trimEnd() + '…';
}

/** Greedy word wrap into at most maxLines lines; the last line ends with an ellipsis when text is left over. */
function wrap(text: string, maxWidth: number, size: number, maxLines: number, bold = false): string[] {
  const scale = size * (bold ? BOLD : REGULAR);
  const lines: string[] = [];
  for (const paragraph of cleanText(text).split('\n')) {
    let line = '';
    // Words, and within a word the places after a slash or a hyphen ("champion/" "challenger"), where a line may end.
    const pieces: { word: string; joined: boolean }[] = [];
    for (const w of paragraph.split(/\s+/).filter(Boolean)) {
      const parts = w.match(/[^/-]+[/-]*|[/-]+/g) ?? [w];
      parts.forEach((part, i) => pieces.push({ word: part, joined: i > 0 }));
    }
    for (const { word, joined } of pieces) {
      const candidate = line ? (joined ? `${line}${word}` : `${line} ${word}`) : word;
      if (measure(candidate, size, bold) <= maxWidth) {
        line = candidate;
        continue;
      }
      if (line) lines.push(line);
      // A word wider than the line is broken between graphemes.
      let rest = graphemes(word);
      for (;;) {
        let w = 0;
        let i = 0;
        while (i < rest.length && w + advance(rest[i]) * scale <= maxWidth) w += advance(rest[i++]) * scale;
        if (i === rest.length) break;
        i = Math.max(1, i);
        lines.push(rest.slice(0, i).join(''));
        rest = rest.slice(i);
      }
      line = rest.join('');
    }
    if (line) lines.push(line);
  }
  if (lines.length <= maxLines) return lines;
  const out = lines.slice(0, maxLines);
  out[maxLines - 1] = fit(`${out[maxLines - 1]}…`, maxWidth, size, bold);
  return out;
}

/** A coordinate as short text: two decimals at most, never -0. */
function num(v: number): string {
  const r = Math.round(v * 100) / 100;
  return Object.is(r, -0) ? '0' : String(r);
}

// ---------------------------------------------------------------- geometry

function nominalSize(n: DiagramNode): { width: number; height: number } {
  const s = nodeSize(n);
  const fallback = n.kind === 'group' ? DEFAULT_ZONE_SIZE : NODE_SIZE;
  const width = Number.isFinite(s.width) && s.width > 0 ? s.width : fallback.width;
  const height = Number.isFinite(s.height) && s.height > 0 ? s.height : fallback.height;
  return { width, height };
}

/** Line heights and paddings of the text drawn in components and notes. */
const SUB_SIZE = 11;
const SUB_LINE = 14;
const NOTE_SIZE = 11;
const NOTE_LINE = 14;
/** Room left of a component's text: the stage band and the icon (or the band alone). Right of it: a margin. */
const TEXT_LEFT = 42;
const TEXT_LEFT_NO_ICON = 16;
const TEXT_RIGHT = 12;

interface NodeText {
  /** The label's lines (notes: the text's), then the detail's. */
  label: string[];
  sub: string[];
  /** Their font sizes and line heights. */
  labelSize: number;
  labelLine: number;
  subSize: number;
  subLine: number;
  /** The height the box needs for them. */
  height: number;
}

/**
 * How a component's text may be set, tried in order: the canvas's look first (label on two lines at 13 px, detail on
 * two at 11 px), then more detail lines, then a size smaller, then another; the first that cuts nothing and fits the
 * room below the component (down to its neighbour, or its zone's bottom) wins. When none does, the first that fits
 * the room, the one that shows the most is drawn with an ellipsis (the canvas's look when not even that fits).
 */
const TEXT_STEPS: readonly { label: number; labelLines: number; sub: number; subLines: number }[] = [
  { label: 13, labelLines: 2, sub: 11, subLines: 2 },
  { label: 13, labelLines: 2, sub: 11, subLines: 4 },
  { label: 12, labelLines: 2, sub: 10, subLines: 4 },
  { label: 11, labelLines: 2, sub: 10, subLines: 5 },
  { label: 11, labelLines: 3, sub: 10, subLines: 6 },
];
const isCut = (lines: readonly string[], whole: string) => lines.length > 0 && lines[lines.length - 1].endsWith('…') && !whole.endsWith('…');

/**
 * The text a component or note shows in an export, wrapped to its width: a component's label on up to two lines
 * and its tool (or card summary) on up to two more, a note's whole text. Only a label past two lines (or a detail
 * past two) ends in an ellipsis; the box grows to what it holds.
 */
function nodeText(n: DiagramNode, width: number, icon: boolean, room = Number.POSITIVE_INFINITY): NodeText {
  if (n.kind === 'note') {
    const body = typeof n.props.text === 'string' && cleanText(n.props.text).trim() ? n.props.text : nodeLabel(n);
    const label = wrap(body, width - 20, NOTE_SIZE, Number.POSITIVE_INFINITY);
    return { label, sub: [], labelSize: NOTE_SIZE, labelLine: NOTE_LINE, subSize: SUB_SIZE, subLine: SUB_LINE, height: 12 + label.length * NOTE_LINE + 6 };
  }
  const space = width - (icon ? TEXT_LEFT : TEXT_LEFT_NO_ICON) - TEXT_RIGHT;
  const whole = cleanText(nodeLabel(n)).replace(/\s+/g, ' ').trim();
  const detail = nodeDetail(n);
  let fallback: NodeText | undefined;
  for (const step of TEXT_STEPS) {
    const label = wrap(whole, space, step.label, step.labelLines, true);
    const sub = detail ? wrap(detail, space, step.sub, step.subLines) : [];
    const labelLine = step.label + 3;
    const subLine = step.sub + 3;
    const t = { label, sub, labelSize: step.label, labelLine, subSize: step.sub, subLine, height: 16 + label.length * labelLine + sub.length * subLine };
    fallback ??= t;
    const fits = t.height <= Math.max(room, NODE_SIZE.height);
    if (fits && !isCut(label, whole) && !(detail && isCut(sub, detail))) return t;
    if (fits) fallback = t;
    else break; // later steps hold more lines: they only grow
  }
  return fallback!;
}

/** How far below each component its box may grow in an export: to 8 px above the next box under it, or its zone's bottom. */
function roomBelow(byId: ReadonlyMap<string, DiagramNode>, at: ReadonlyMap<string, Box>): Map<string, number> {
  // Boxes in a grid of 240 px cells: a component looks only at the cells under it (growth is never more than a few lines).
  const CELL = 240;
  const REACH = 160;
  const grid = new Map<string, string[]>();
  for (const [id, b] of at) {
    if (byId.get(id)!.kind === 'group') continue;
    for (let cx = Math.floor(b.x / CELL); cx <= Math.floor((b.x + b.width) / CELL); cx++) {
      for (let cy = Math.floor(b.y / CELL); cy <= Math.floor((b.y + b.height) / CELL); cy++) {
        const k = `${cx},${cy}`;
        (grid.get(k) ?? grid.set(k, []).get(k)!).push(id);
      }
    }
  }
  const out = new Map<string, number>();
  for (const [id, b] of at) {
    const n = byId.get(id)!;
    if (n.kind === 'group' || n.kind === 'note') continue;
    let room = Number.POSITIVE_INFINITY;
    const parent = n.parent !== undefined ? at.get(n.parent) : undefined;
    if (parent) room = parent.y + parent.height - 8 - b.y;
    const seen = new Set<string>();
    for (let cx = Math.floor(b.x / CELL); cx <= Math.floor((b.x + b.width) / CELL); cx++) {
      for (let cy = Math.floor(b.y / CELL); cy <= Math.floor((b.y + b.height + REACH) / CELL); cy++) {
        for (const other of grid.get(`${cx},${cy}`) ?? []) {
          if (other === id || seen.has(other)) continue;
          seen.add(other);
          const c = at.get(other)!;
          if (c.x >= b.x + b.width || b.x >= c.x + c.width || c.y < b.y + b.height - 0.5) continue;
          room = Math.min(room, c.y - 8 - b.y);
        }
      }
    }
    out.set(id, room);
  }
  return out;
}

/** Each node's absolute box; `icons` when components are drawn with their icon (their text then has less room). */
function boxes(d: Diagram, icons = true): Map<string, Box> {
  return laidOut(d, icons).at;
}

/** Each node's absolute box, grown to hold its text, and the text as it is set in it. */
function laidOut(d: Diagram, icons = true): { at: Map<string, Box>; texts: Map<string, NodeText> } {
  const byId = new Map<string, DiagramNode>();
  for (const n of d.nodes) if (!byId.has(n.id)) byId.set(n.id, n);
  const at = new Map<string, Box>();
  const abs = absolutePositions([...byId.values()]);
  for (const n of byId.values()) {
    const { x, y } = abs.get(n.id)!;
    if (!Number.isFinite(x) || !Number.isFinite(y)) continue;
    at.set(n.id, { x, y, ...nominalSize(n) });
  }
  const room = roomBelow(byId, at);
  const texts = new Map<string, NodeText>();
  for (const [id, b] of at) {
    const n = byId.get(id)!;
    if (n.kind === 'group') continue;
    const t = nodeText(n, b.width, icons && (n.kind === 'note' || !!KIND_ICONS[n.kind]), room.get(id));
    texts.set(id, t);
    // A component or note is drawn as tall as its text needs (as the canvas grows it): nothing is cut.
    if (t.height > b.height) at.set(id, { ...b, height: t.height });
  }
  return { at, texts };
}

/** The absolute box that holds every node of the diagram (zeros when there is none). */
export function diagramBounds(d: Diagram): Box {
  return boxesBounds(boxes(d).values());
}

/**
 * React Flow's bezier control offset (getBezierPath, curvature 0.25): half the horizontal distance
 * for a forward edge, a short loop for one that runs backwards. Exported edges bend as on the canvas.
 */
function controlOffset(distance: number): number {
  return distance >= 0 ? 0.5 * distance : 0.25 * 25 * Math.sqrt(-distance);
}

/** The range a cubic Bezier coordinate takes for t in [0, 1] (endpoints and the derivative's roots). */
function cubicRange(p0: number, p1: number, p2: number, p3: number): [number, number] {
  let lo = Math.min(p0, p3);
  let hi = Math.max(p0, p3);
  // B'(t)/3 = a t^2 + b t + c
  const a = -p0 + 3 * p1 - 3 * p2 + p3;
  const b = 2 * (p0 - 2 * p1 + p2);
  const c = p1 - p0;
  const roots: number[] = [];
  if (Math.abs(a) < 1e-12) {
    if (Math.abs(b) > 1e-12) roots.push(-c / b);
  } else {
    const disc = b * b - 4 * a * c;
    if (disc >= 0) roots.push((-b + Math.sqrt(disc)) / (2 * a), (-b - Math.sqrt(disc)) / (2 * a));
  }
  for (const t of roots) {
    if (!(t > 0 && t < 1)) continue;
    const u = 1 - t;
    const v = u * u * u * p0 + 3 * u * u * t * p1 + 3 * u * t * t * p2 + t * t * t * p3;
    lo = Math.min(lo, v);
    hi = Math.max(hi, v);
  }
  return [lo, hi];
}

interface EdgeCurve {
  kind: EdgeKind;
  /** Start, two control points, end. */
  p: [number, number, number, number, number, number, number, number];
  /** The corners of its detour around components, when the curve would cross one (as on the canvas). */
  route?: RouteXY[];
  label?: { raw: string; shown: string; x: number; y: number; width: number };
}

/** Each drawable edge as the canvas draws it: from the source's right middle to the target's left middle. */
function edgeCurves(d: Diagram, at: Map<string, Box>): EdgeCurve[] {
  const out: EdgeCurve[] = [];
  const obstacles = new Map<string, Box>();
  for (const n of d.nodes) if (n.kind !== 'group' && at.has(n.id)) obstacles.set(n.id, at.get(n.id)!);
  const routes = routeEdges(obstacles, d.edges);
  for (const e of d.edges) {
    const s = at.get(e.source);
    const t = at.get(e.target);
    if (!s || !t) continue;
    const kind: EdgeKind = (EDGE_KINDS as readonly string[]).includes(e.kind) ? e.kind : 'data';
    const [x0, y0, x3, y3] = [s.x + s.width, s.y + s.height / 2, t.x, t.y + t.height / 2];
    const off = controlOffset(x3 - x0);
    const p: EdgeCurve['p'] = [x0, y0, x0 + off, y0, x3 - off, y3, x3, y3];
    const r = routes.get(e.id);
    const route = r ? routePoints(r) : undefined;
    const raw = typeof e.label === 'string' ? cleanText(e.label).replace(/\s+/g, ' ').trim() : '';
    let label: EdgeCurve['label'];
    if (raw) {
      const shown = fit(raw, 160, 11);
      const at = route ? routeLabelPoint(route) : { x: (p[0] + 3 * p[2] + 3 * p[4] + p[6]) / 8, y: (p[1] + 3 * p[3] + 3 * p[5] + p[7]) / 8 };
      label = { raw, shown, x: at.x, y: at.y, width: measure(shown, 11) + 12 };
    }
    out.push({ kind, p, ...(route ? { route } : {}), ...(label ? { label } : {}) });
  }
  return out;
}

const LATENCY_FONT = 10;

/** The latency badge text of a node ("120 ms"), as the canvas shows it; undefined when it has none. */
function latencyText(n: DiagramNode): string | undefined {
  const v = n.props?.latencyMs;
  return typeof v === 'number' && Number.isFinite(v) ? `${v} ms` : undefined;
}

/** The box the picture must hold: every node, every edge curve with its arrowhead and label, every latency badge. */
function pictureBounds(d: Diagram, at: Map<string, Box>, curves: EdgeCurve[]): { x: number; y: number; width: number; height: number } {
  const b = diagramBounds(d);
  if (b.width === 0 && b.height === 0 && at.size === 0) return b;
  let [minX, minY, maxX, maxY] = [b.x, b.y, b.x + b.width, b.y + b.height];
  const grow = (x0: number, y0: number, x1: number, y1: number) => {
    minX = Math.min(minX, x0);
    minY = Math.min(minY, y0);
    maxX = Math.max(maxX, x1);
    maxY = Math.max(maxY, y1);
  };
  const STROKE = 3; // half the widest line plus its arrowhead's reach
  for (const { p, route, label } of curves) {
    const [x0, x1] = route ? [Math.min(...route.map((q) => q.x)), Math.max(...route.map((q) => q.x))] : cubicRange(p[0], p[2], p[4], p[6]);
    const [y0, y1] = route ? [Math.min(...route.map((q) => q.y)), Math.max(...route.map((q) => q.y))] : cubicRange(p[1], p[3], p[5], p[7]);
    grow(x0 - STROKE, y0 - STROKE - 4, x1 + STROKE, y1 + STROKE + 4);
    if (label) grow(label.x - label.width / 2, label.y - 9, label.x + label.width / 2, label.y + 9);
  }
  for (const n of d.nodes) {
    const text = n.kind === 'group' || n.kind === 'note' ? undefined : latencyText(n);
    const box = at.get(n.id);
    if (text && box) grow(box.x, box.y - 9, box.x + box.width, box.y);
  }
  return { x: minX, y: minY, width: maxX - minX, height: maxY - minY };
}

// ---------------------------------------------------------------- palette

interface Palette {
  background: string;
  nodeFill: string;
  nodeStroke: string;
  text: string;
  subText: string;
  icon: string;
  noStage: string;
  pillFill: string;
  pillStroke: string;
  pillText: string;
  badge: { fill: string; stroke: string; text: string };
  note: { fill: string; stroke: string; text: string };
  /** Zone tints are see-through (fill-opacity), as on the canvas, so they work on any background. */
  zone: Record<'offline' | 'online' | 'none', { fill: string; opacity: number; stroke: string; text: string }>;
  edge: Record<EdgeKind, string>;
}

// The two palettes are the app's light and dark themes (the CSS variables at the top of
// src/styles.css, named beside each value), so the picture looks like the screen; the tests compare
// them. Only the background differs: a picture is white (or the dark canvas colour) by default.
const LIGHT: Palette = {
  background: '#ffffff',
  nodeFill: '#ffffff', // --node-bg
  nodeStroke: '#cfd6df', // --border-strong
  text: '#0f172a', // --text
  subText: '#64748b', // --muted
  icon: '#334155', // --text-2
  noStage: '#94a3b8',
  pillFill: '#ffffff', // --panel
  pillStroke: '#cfd6df', // --border-strong
  pillText: '#334155', // --text-2
  badge: { fill: '#f1f5f9', stroke: '#cfd6df', text: '#475569' }, // --chip-bg, --border-strong, --icon
  note: { fill: '#fef9c3', stroke: '#f0e08a', text: '#422006' }, // --note-bg, --note-border, --note-text
  zone: {
    offline: { fill: '#5682be', opacity: 0.07, stroke: '#7b9cc4', text: '#2f5a8c' }, // --zone-off-*
    online: { fill: '#2ea06e', opacity: 0.07, stroke: '#6bab8c', text: '#2b6e4e' }, // --zone-on-*
    none: { fill: '#94a3b8', opacity: 0.07, stroke: '#a8b3c2', text: '#334155' }, // --zone-bg, --zone-border, --text-2
  },
  // --edge-*: the canvas's edge colours, shown in its legend.
  edge: { data: '#64748b', stream: '#0369a1', request: '#1e293b', model: '#7c3aed', feedback: '#b45309', control: '#94a3b8' },
};

const DARK: Palette = {
  background: '#0f1420', // --bg (the dark canvas)
  nodeFill: '#1b2232',
  nodeStroke: '#36415a',
  text: '#e6eaf2',
  subText: '#94a0b6',
  icon: '#c3cad8',
  noStage: '#94a3b8',
  pillFill: '#161c2a',
  pillStroke: '#36415a',
  pillText: '#c3cad8',
  badge: { fill: '#232c3f', stroke: '#36415a', text: '#aab4c8' },
  note: { fill: '#3b3514', stroke: '#5c5220', text: '#f5ecc0' },
  zone: {
    offline: { fill: '#5682be', opacity: 0.08, stroke: '#5778a3', text: '#9cbde6' },
    online: { fill: '#2ea06e', opacity: 0.08, stroke: '#4f8c6e', text: '#93d3b2' },
    none: { fill: '#94a3b8', opacity: 0.05, stroke: '#4a556c', text: '#c3cad8' },
  },
  edge: { data: '#8a97ad', stream: '#4fb3ea', request: '#e6eaf2', model: '#a78bfa', feedback: '#f59e0b', control: '#6b7890' },
};

/** Line style of each edge kind: width and dash pattern as on the canvas (src/canvas/edgeStyles.ts); colours come from the palette. */
const EDGE_LINE: Record<EdgeKind, { width: number; dash?: string; cap?: string }> = {
  data: { width: 1.6 },
  stream: { width: 1.8, dash: '7 4' },
  request: { width: 2.6 },
  model: { width: 2, dash: '10 3 2 3' },
  feedback: { width: 1.8, dash: '1.5 4', cap: 'round' },
  control: { width: 1.4, dash: '12 6' },
};

const BAND = 5;
const RADIUS = 8;

/** The left stage band of a rounded node box: the part of the rounded rectangle left of x + BAND. */
function bandPath(b: Box): string {
  const r = Math.min(RADIUS, b.height / 2);
  const w = Math.min(BAND, b.width);
  if (w >= r) return `M${num(b.x + r)},${num(b.y)}H${num(b.x + w)}V${num(b.y + b.height)}H${num(b.x + r)}A${r},${r} 0 0 1 ${num(b.x)},${num(b.y + b.height - r)}V${num(b.y + r)}A${r},${r} 0 0 1 ${num(b.x + r)},${num(b.y)}Z`;
  const dy = r - Math.sqrt(r * r - (r - w) * (r - w)); // where the corner arc crosses x + w
  return `M${num(b.x + w)},${num(b.y + dy)}A${r},${r} 0 0 0 ${num(b.x)},${num(b.y + r)}V${num(b.y + b.height - r)}A${r},${r} 0 0 0 ${num(b.x + w)},${num(b.y + b.height - dy)}Z`;
}

function text(x: number, y: number, content: string, attrs: string): string {
  return `<text x="${num(x)}" y="${num(y)}" ${attrs}>${escapeXml(content)}</text>`;
}

/**
 * The whole diagram as a standalone SVG image, drawn from the model (not the screen): zones,
 * nodes with stage bands, icons, labels and latency badges, notes, and edges styled by kind with
 * arrowheads. The picture holds every node and every edge's full curve, plus the padding.
 */
export function toSvg(d: Diagram, opts: SvgOptions = {}): { svg: string; width: number; height: number } {
  const pal = opts.dark ? DARK : LIGHT;
  const pad = typeof opts.padding === 'number' && Number.isFinite(opts.padding) && opts.padding >= 0 ? opts.padding : 32;
  const { at, texts } = laidOut(d, !!opts.iconSvg);
  const curves = edgeCurves(d, at);
  const bounds = pictureBounds(d, at, curves);
  const width = Math.max(1, Math.ceil(bounds.width + 2 * pad));
  const height = Math.max(1, Math.ceil(bounds.height + 2 * pad));
  const ox = bounds.x - pad;
  const oy = bounds.y - pad;
  const byId = new Map<string, DiagramNode>();
  for (const n of d.nodes) if (!byId.has(n.id)) byId.set(n.id, n);

  const out: string[] = [];
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="${num(ox)} ${num(oy)} ${width} ${height}" font-family="${escapeXml(SVG_FONT_FAMILY)}" role="img">`,
  );
  const title = cleanText(d.title ?? '').trim();
  if (title) out.push(`<title>${escapeXml(title)}</title>`);

  // Arrowheads, one per edge kind in its colour.
  out.push('<defs>');
  for (const k of EDGE_KINDS) {
    out.push(
      `<marker id="mlsd-arrow-${k}" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="10" markerHeight="10" markerUnits="userSpaceOnUse" orient="auto"><path d="M0,1L10,5L0,9Z" fill="${pal.edge[k]}"/></marker>`,
    );
  }
  out.push('</defs>');

  const background = opts.background === undefined ? pal.background : opts.background;
  if (background !== null) out.push(`<rect x="${num(ox)}" y="${num(oy)}" width="${width}" height="${height}" fill="${escapeXml(background)}"/>`);

  // Zones, outer ones first so inner ones paint over them.
  const depths = nestingDepths([...byId.values()]);
  const zones = [...byId.values()].filter((n) => n.kind === 'group' && at.has(n.id)).map((n) => ({ n, depth: depths.get(n.id) ?? 0 }));
  zones.sort((a, b) => a.depth - b.depth);
  for (const { n } of zones) {
    const b = at.get(n.id)!;
    const kind = n.props.zone === 'offline' || n.props.zone === 'online' ? n.props.zone : undefined;
    const z = pal.zone[kind ?? 'none'];
    const label = nodeLabel(n);
    // The canvas's zone header: the name, and an OFFLINE / ONLINE tag when the zone has one. The tag
    // sits at the header's right end: text widths are estimates, and a tag placed after the name
    // could overlap it in a wider font.
    const tagWidth = kind ? measure(kind.toUpperCase(), 10, true) + 0.5 * kind.length + 14 : 0;
    const hasTag = !!kind && b.width >= 24 + tagWidth + 40;
    const shown = fit(cleanText(label).replace(/\s+/g, ' ').trim(), b.width - 24 - (hasTag ? tagWidth + 12 : 0), 12.5, true);
    let tag = '';
    if (kind && hasTag) {
      const tx = b.x + b.width - 12 - tagWidth;
      tag =
        `<rect x="${num(tx)}" y="${num(b.y + 8)}" width="${num(tagWidth)}" height="16" rx="8" fill="${pal.pillFill}" stroke="${z.text}"/>` +
        text(tx + tagWidth / 2, b.y + 19.5, kind.toUpperCase(), `font-size="10" font-weight="600" letter-spacing="0.5" text-anchor="middle" fill="${z.text}"`);
    }
    out.push(
      `<g><title>${escapeXml(label)}</title><rect x="${num(b.x)}" y="${num(b.y)}" width="${num(b.width)}" height="${num(b.height)}" rx="12" fill="${z.fill}" fill-opacity="${z.opacity}" stroke="${z.stroke}" stroke-width="1.5" stroke-dasharray="6 4"/>` +
        text(b.x + 12, b.y + 21, shown, `font-size="12.5" font-weight="650" fill="${z.text}"`) +
        tag +
        '</g>',
    );
  }

  // Edges: cubic curves from the source's right middle to the target's left middle, as React Flow draws them, or
  // the canvas's detour around the components the curve would cross.
  const labels: string[] = [];
  out.push('<g fill="none">');
  for (const { kind, p, route, label } of curves) {
    const line = EDGE_LINE[kind];
    const d = route ? roundedPath(route, 10, num) : `M${num(p[0])},${num(p[1])}C${num(p[2])},${num(p[3])} ${num(p[4])},${num(p[5])} ${num(p[6])},${num(p[7])}`;
    out.push(
      `<path d="${d}" stroke="${pal.edge[kind]}" stroke-width="${line.width}"` +
        `${line.dash ? ` stroke-dasharray="${line.dash}"` : ''}${line.cap ? ` stroke-linecap="${line.cap}"` : ''} marker-end="url(#mlsd-arrow-${kind})"/>`,
    );
    if (label) {
      labels.push(
        `<g><title>${escapeXml(label.raw)}</title><rect x="${num(label.x - label.width / 2)}" y="${num(label.y - 9)}" width="${num(label.width)}" height="18" rx="9" fill="${pal.pillFill}" stroke="${pal.pillStroke}"/>` +
          text(label.x, label.y + 4, label.shown, `font-size="11" text-anchor="middle" fill="${pal.pillText}"`) +
          '</g>',
      );
    }
  }
  out.push('</g>');

  // Nodes.
  const icons = new Map<string, string | undefined>();
  for (const n of byId.values()) {
    if (n.kind === 'group') continue;
    const b = at.get(n.id);
    if (!b) continue;
    if (n.kind === 'note') {
      const body = typeof n.props.text === 'string' && cleanText(n.props.text).trim() ? n.props.text : nodeLabel(n);
      const lines = texts.get(n.id)!.label;
      const rows = lines.map((l, i) => text(b.x + 10, b.y + 18 + i * NOTE_LINE, l, `font-size="${NOTE_SIZE}" fill="${pal.note.text}"`)).join('');
      out.push(
        `<g><title>${escapeXml(body)}</title><rect x="${num(b.x)}" y="${num(b.y)}" width="${num(b.width)}" height="${num(b.height)}" rx="4" fill="${pal.note.fill}" stroke="${pal.note.stroke}"/>${rows}</g>`,
      );
      continue;
    }
    const stage = nodeStage(n);
    const label = cleanText(nodeLabel(n)).replace(/\s+/g, ' ').trim();
    const detail = nodeDetail(n);
    const iconId = KIND_ICONS[n.kind];
    let icon: string | undefined;
    if (iconId && opts.iconSvg) {
      if (!icons.has(iconId)) icons.set(iconId, opts.iconSvg(iconId));
      icon = icons.get(iconId);
    }
    const parts: string[] = [];
    parts.push(`<title>${escapeXml(detail ? `${label} (${detail})` : label)}</title>`);
    parts.push(`<rect x="${num(b.x)}" y="${num(b.y)}" width="${num(b.width)}" height="${num(b.height)}" rx="${RADIUS}" fill="${pal.nodeFill}" stroke="${pal.nodeStroke}"/>`);
    parts.push(`<path d="${bandPath(b)}" fill="${stage ? stageById(stage).color : pal.noStage}"/>`);
    let tx = b.x + 16;
    if (icon) {
      parts.push(
        `<svg x="${num(b.x + 14)}" y="${num(b.y + (b.height - 20) / 2)}" width="20" height="20" viewBox="0 0 24 24" fill="none" stroke="${pal.icon}" color="${pal.icon}" stroke-width="2" stroke-linecap="round" stroke-linejoin="round">${icon}</svg>`,
      );
      tx = b.x + 42;
    }
    // The label's lines, then the detail's, centred as a block on the box's middle (as on the canvas).
    const t = texts.get(n.id)!;
    const block = t.label.length * t.labelLine + t.sub.length * t.subLine;
    let y = b.y + b.height / 2 - block / 2 + t.labelSize - 1;
    for (const l of t.label) {
      parts.push(text(tx, y, l, `font-size="${t.labelSize}" font-weight="600" fill="${pal.text}"`));
      y += t.labelLine;
    }
    y -= 1;
    for (const l of t.sub) {
      parts.push(text(tx, y, l, `font-size="${t.subSize}" fill="${pal.subText}"`));
      y += t.subLine;
    }
    const latency = latencyText(n);
    if (latency) {
      const w = measure(latency, LATENCY_FONT) + 10;
      const x = b.x + b.width - 8 - w;
      parts.push(
        `<rect x="${num(x)}" y="${num(b.y - 9)}" width="${num(w)}" height="16" rx="8" fill="${pal.badge.fill}" stroke="${pal.badge.stroke}"/>` +
          text(x + w / 2, b.y + 2.5, latency, `font-size="${LATENCY_FONT}" text-anchor="middle" fill="${pal.badge.text}"`),
      );
    }
    out.push(`<g>${parts.join('')}</g>`);
  }

  out.push(...labels);
  out.push('</svg>');
  return { svg: out.join('\n'), width, height };
}
