import { isKindId, kindInfo, type KindId } from '../catalogue';
import { EDGE_KINDS, NODE_SIZE, type Box, type Diagram, type DiagramNode, type EdgeKind, type XY } from '../diagram';
import { cleanText } from '../export/text';
import { MAX_COORD, MAX_NODES, parseDiagram } from '../format/parse';
import { FORMAT_ID } from '../format/schema';
import { CURRENT_VERSION } from '../format/migrations';
import { isRecord } from '../format/json';
import { LAYOUT_GAP } from '../layout';
import { err, ok, type Result } from '../result';
import { proposeEdgeKind } from '../roles';
import { recognise, shortText } from './recognise';

/**
 * What every importer reads another tool's drawing into: boxes with text, zones, free text and
 * arrows between boxes, each with its place in the source's own coordinates, plus what was left out
 * and why. `buildDiagram` turns a sketch into a diagram: each box's kind read through the
 * catalogue (recognise.ts), zones grown around what they hold, arrows given a connection kind, and
 * the result checked by the file format's parser like any opened file.
 */

/** Data our own Excalidraw and draw.io exports carry on each element, so a design comes back as it left. */
export interface OwnData {
  kind?: unknown;
  label?: unknown;
  props?: unknown;
}

/** A box in the source's coordinates (top-left corner, absolute). */
export type SketchBox = Box;

export interface SketchShape {
  id: string;
  text: string;
  box: SketchBox;
  /** The innermost zone it sits in. */
  zone?: string;
  own?: OwnData;
}

export interface SketchZone {
  id: string;
  title: string;
  /** Its own box; absent for a group, which is drawn around what it holds. */
  box?: SketchBox;
  parent?: string;
  own?: OwnData;
}

export interface SketchNote {
  id: string;
  text: string;
  box: SketchBox;
  zone?: string;
}

export interface SketchEdge {
  from: string;
  to: string;
  label?: string;
  /** The connection kind the source's arrow style says; otherwise proposed from the two components. */
  kind?: EdgeKind;
  /** A dotted line without a kind: a feedback connection where one fits, otherwise a stream. */
  dotted?: boolean;
  /** For messages: what the arrow is ("arrow “features”"). */
  what?: string;
}

/** Something of the source that the design does not take, and why. */
export interface Skipped {
  what: string;
  why: string;
  /** How many elements this line stands for (several alike: "12 freehand drawings"); 1 when absent. */
  count?: number;
}

/** How many elements some skipped lines stand for. */
export function skippedCount(skipped: readonly Skipped[]): number {
  return skipped.reduce((n, s) => n + (s.count ?? 1), 0);
}

export interface Sketch {
  title?: string;
  shapes: SketchShape[];
  zones: SketchZone[];
  notes: SketchNote[];
  edges: SketchEdge[];
  skipped: Skipped[];
}

/** What an import made of the source, shown before it opens. */
export interface ImportSummary {
  /** Components whose kind was read from their text (or carried by our own export). */
  recognised: { label: string; kind: KindId; tool?: string }[];
  /** Components that became `custom` (their labels). */
  custom: string[];
  zones: number;
  notes: number;
  connections: number;
  skipped: Skipped[];
}

/** A design read from another tool, with what was made of it. */
export interface Imported {
  diagram: Diagram;
  summary: ImportSummary;
}

/** Where a layout puts things: component and note top-left corners, zone boxes, all absolute. */
export interface SketchLayout {
  positions: Map<string, XY>;
  zoneBoxes: Map<string, Box>;
}

/** Places the sketch anew (Mermaid has no coordinates); given the component ids and their zones. */
export type LayoutFn = (sketch: Sketch) => SketchLayout;

const ZONE_PAD = LAYOUT_GAP.zonePad;
const ZONE_PAD_TOP = LAYOUT_GAP.zonePadTop;
const NOTE_SIZE = NODE_SIZE;

const finite = (b: Box) => [b.x, b.y, b.width, b.height].every(Number.isFinite);

/** The median of some numbers (0 for none). */
function median(values: number[]): number {
  if (values.length === 0) return 0;
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/**
 * The layout a drawing already has: each component centred where its box was, the whole spread
 * out when the source's boxes are smaller than ours (so they do not overlap), zones as drawn.
 */
export function keepLayout(sketch: Sketch): SketchLayout {
  const sizes = sketch.shapes.map((s) => s.box).filter((b) => b.width > 0 && b.height > 0);
  const mw = median(sizes.map((b) => b.width));
  const mh = median(sizes.map((b) => b.height));
  const scale = Math.min(4, Math.max(1, mw > 0 ? NODE_SIZE.width / mw : 1, mh > 0 ? NODE_SIZE.height / mh : 1));
  const positions = new Map<string, XY>();
  for (const s of sketch.shapes) {
    const cx = (s.box.x + s.box.width / 2) * scale;
    const cy = (s.box.y + s.box.height / 2) * scale;
    positions.set(s.id, { x: cx - NODE_SIZE.width / 2, y: cy - NODE_SIZE.height / 2 });
  }
  for (const n of sketch.notes) positions.set(n.id, { x: n.box.x * scale, y: n.box.y * scale });
  const zoneBoxes = new Map<string, Box>();
  for (const z of sketch.zones) {
    if (z.box) zoneBoxes.set(z.id, { x: z.box.x * scale, y: z.box.y * scale, width: z.box.width * scale, height: z.box.height * scale });
  }
  return { positions, zoneBoxes };
}

interface Built {
  node: DiagramNode;
  abs: XY;
  size: { width: number; height: number };
}

/**
 * The diagram a sketch stands for, with its summary; refuses (with a message) a sketch that holds
 * nothing, more than the format's node limit, or a drawing too large for the format's coordinates.
 * The result is checked by the file format's parser.
 */
export function buildDiagram(sketch: Sketch, title: string, layout: LayoutFn = keepLayout): Result<Imported, string> {
  const total = sketch.shapes.length + sketch.zones.length + sketch.notes.length;
  if (total === 0) {
    const n = skippedCount(sketch.skipped);
    const why = n ? ` (${n} element${n === 1 ? '' : 's'} skipped: ${sketch.skipped.map((s) => `${s.what}: ${s.why}`).slice(0, 3).join('; ')})` : '';
    return err(`there is nothing in it to open: no boxes, text or frames${why}`);
  }
  if (total > MAX_NODES) {
    return err(`it has ${total.toLocaleString('en-US')} boxes, zones and texts; a design may have at most ${MAX_NODES.toLocaleString('en-US')}`);
  }
  for (const s of sketch.shapes) if (!finite(s.box)) return err(`the box “${shortText(s.text)}” has no valid position`);

  const skipped = [...sketch.skipped];
  const summary: ImportSummary = { recognised: [], custom: [], zones: 0, notes: 0, connections: 0, skipped };
  const place = layout(sketch);

  // Ids are new and in source order: n1, n2 … for components, z1 … for zones, t1 … for notes.
  const ids = new Map<string, string>();
  const zoneIds = new Set(sketch.zones.map((z) => z.id));
  const built = new Map<string, Built>();

  const zoneOf = (zone: string | undefined) => (zone !== undefined && zoneIds.has(zone) ? zone : undefined);

  sketch.shapes.forEach((s, i) => {
    const id = `n${i + 1}`;
    ids.set(s.id, id);
    const own = ownComponent(s.own);
    const r = own ?? recognise(s.text);
    const node: DiagramNode = { id, kind: r.kind, position: { x: 0, y: 0 }, props: {} };
    if (r.label !== undefined) node.label = r.label;
    if (own?.props) node.props = own.props;
    if (r.tool !== undefined && node.props.tool === undefined) node.props.tool = r.tool;
    if (r.kind === 'custom') summary.custom.push(r.label ?? 'Untitled');
    // Listed by the text as drawn ("BigQuery"), beside the kind it became.
    else summary.recognised.push({ label: shortText(s.text.split('\n')[0] ?? '') || r.label || kindInfo(r.kind).label, kind: r.kind, ...(node.props.tool ? { tool: String(node.props.tool) } : {}) });
    if (r.kind === 'custom' && !r.label) node.label = 'Untitled';
    built.set(s.id, { node, abs: place.positions.get(s.id) ?? { x: 0, y: 0 }, size: NODE_SIZE });
  });
  sketch.notes.forEach((n, i) => {
    const id = `t${i + 1}`;
    ids.set(n.id, id);
    const text = cleanText(n.text).trim();
    const node: DiagramNode = { id, kind: 'note', position: { x: 0, y: 0 }, props: { text } };
    built.set(n.id, { node, abs: place.positions.get(n.id) ?? { x: 0, y: 0 }, size: NOTE_SIZE });
    summary.notes++;
  });

  // Zones: parents resolved (a cycle is broken where it closes), then grown around what they hold, innermost first.
  const zoneParent = new Map<string, string | undefined>();
  for (const z of sketch.zones) zoneParent.set(z.id, zoneOf(z.parent) !== z.id ? zoneOf(z.parent) : undefined);
  for (const z of sketch.zones) {
    const seen = new Set([z.id]);
    for (let p = zoneParent.get(z.id); p !== undefined; p = zoneParent.get(p)) {
      if (seen.has(p)) {
        zoneParent.set(z.id, undefined);
        break;
      }
      seen.add(p);
    }
  }
  const depth = new Map<string, number>();
  for (const z of sketch.zones) {
    let d = 0;
    for (let p = zoneParent.get(z.id); p !== undefined; p = zoneParent.get(p)) d++;
    depth.set(z.id, d);
  }
  const members = new Map<string, string[]>();
  const join = (zone: string | undefined, member: string) => {
    if (zone === undefined) return;
    const list = members.get(zone) ?? [];
    list.push(member);
    members.set(zone, list);
  };
  for (const s of sketch.shapes) join(zoneOf(s.zone), s.id);
  for (const n of sketch.notes) join(zoneOf(n.zone), n.id);
  for (const z of sketch.zones) join(zoneParent.get(z.id), z.id);

  sketch.zones.forEach((z, i) => {
    const id = `z${i + 1}`;
    ids.set(z.id, id);
    const own = isRecord(z.own) && typeof z.own.label === 'string' ? z.own.label : undefined;
    const title = own ?? (cleanText(z.title).replace(/\s+/g, ' ').trim() || 'Zone');
    const props: DiagramNode['props'] = {};
    if (isRecord(z.own?.props)) Object.assign(props, pick(z.own.props, ['zone', 'notes']));
    const node: DiagramNode = { id, kind: 'group', label: title, position: { x: 0, y: 0 }, props };
    const box = place.zoneBoxes.get(z.id);
    built.set(z.id, { node, abs: box ? { x: box.x, y: box.y } : { x: 0, y: 0 }, size: box ? { width: box.width, height: box.height } : { width: 0, height: 0 } });
    summary.zones++;
  });
  const innermostFirst = [...sketch.zones].sort((a, b) => depth.get(b.id)! - depth.get(a.id)!);
  for (const z of innermostFirst) {
    const zone = built.get(z.id)!;
    const inside = (members.get(z.id) ?? []).map((m) => built.get(m)!).filter(Boolean);
    const hasBox = place.zoneBoxes.has(z.id);
    if (inside.length === 0) {
      if (!hasBox) zone.size = { width: 320, height: 200 };
      continue;
    }
    let minX = Infinity;
    let minY = Infinity;
    let maxX = -Infinity;
    let maxY = -Infinity;
    for (const m of inside) {
      minX = Math.min(minX, m.abs.x);
      minY = Math.min(minY, m.abs.y);
      maxX = Math.max(maxX, m.abs.x + m.size.width);
      maxY = Math.max(maxY, m.abs.y + m.size.height);
    }
    const need = { x: minX - ZONE_PAD, y: minY - ZONE_PAD_TOP, right: maxX + ZONE_PAD, bottom: maxY + ZONE_PAD };
    const x0 = hasBox ? Math.min(zone.abs.x, need.x) : need.x;
    const y0 = hasBox ? Math.min(zone.abs.y, need.y) : need.y;
    const x1 = hasBox ? Math.max(zone.abs.x + zone.size.width, need.right) : need.right;
    const y1 = hasBox ? Math.max(zone.abs.y + zone.size.height, need.bottom) : need.bottom;
    zone.abs = { x: x0, y: y0 };
    zone.size = { width: x1 - x0, height: y1 - y0 };
  }
  for (const z of sketch.zones) {
    const zone = built.get(z.id)!;
    zone.node.props.width = Math.max(40, Math.round(zone.size.width));
    zone.node.props.height = Math.max(40, Math.round(zone.size.height));
  }

  // The whole drawing moves so that its top-left corner is at the origin.
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const b of built.values()) {
    if (!Number.isFinite(b.abs.x) || !Number.isFinite(b.abs.y)) return err('an element has no valid position');
    minX = Math.min(minX, b.abs.x);
    minY = Math.min(minY, b.abs.y);
    maxX = Math.max(maxX, b.abs.x + b.size.width);
    maxY = Math.max(maxY, b.abs.y + b.size.height);
  }
  if (maxX - minX > MAX_COORD || maxY - minY > MAX_COORD) {
    return err(`the drawing is ${Math.round(Math.max(maxX - minX, maxY - minY)).toLocaleString('en-US')} px across; a design may span at most ${MAX_COORD.toLocaleString('en-US')} px`);
  }
  const parentOf = new Map<string, string | undefined>();
  for (const s of sketch.shapes) parentOf.set(s.id, zoneOf(s.zone));
  for (const n of sketch.notes) parentOf.set(n.id, zoneOf(n.zone));
  for (const z of sketch.zones) parentOf.set(z.id, zoneParent.get(z.id));
  for (const [key, b] of built) {
    const parent = parentOf.get(key);
    const origin = parent !== undefined ? built.get(parent)!.abs : { x: minX, y: minY };
    b.node.position = { x: Math.round(b.abs.x - origin.x), y: Math.round(b.abs.y - origin.y) };
    if (parent !== undefined) b.node.parent = ids.get(parent)!;
  }

  // Connections between components: kind from the arrow's style, else proposed as on the canvas.
  const edges: Record<string, unknown>[] = [];
  const pairs = new Set<string>();
  const shapeById = new Map(sketch.shapes.map((s) => [s.id, s]));
  const shapeIds = new Set(shapeById.keys());
  const describe = (key: string) => {
    const s = shapeById.get(key);
    return s ? `“${shortText(s.text) || 'Untitled'}”` : 'a text or zone';
  };
  for (const e of sketch.edges) {
    const what = e.what ?? `arrow ${describe(e.from)} → ${describe(e.to)}`;
    if (!shapeIds.has(e.from) || !shapeIds.has(e.to)) {
      const other = zoneIds.has(e.from) || zoneIds.has(e.to) ? 'a zone' : 'a text';
      skipped.push({ what, why: `it connects to ${other}; only components connect` });
      continue;
    }
    if (e.from === e.to) {
      skipped.push({ what, why: 'it starts and ends on the same component' });
      continue;
    }
    const pair = `${e.from}\u0000${e.to}`;
    if (pairs.has(pair)) {
      skipped.push({ what, why: 'the same two components are already connected that way' });
      continue;
    }
    pairs.add(pair);
    const source = built.get(e.from)!.node;
    const target = built.get(e.to)!.node;
    const proposed = proposeEdgeKind(source, target);
    const kind = e.kind && (EDGE_KINDS as readonly string[]).includes(e.kind) ? e.kind : e.dotted ? (proposed === 'feedback' ? 'feedback' : 'stream') : proposed;
    const edge: Record<string, unknown> = { id: `e${edges.length + 1}`, source: source.id, target: target.id, kind };
    const label = e.label === undefined ? '' : cleanText(e.label).replace(/\s+/g, ' ').trim();
    if (label) edge.label = label;
    edges.push(edge);
  }
  summary.connections = edges.length;

  const file = {
    format: FORMAT_ID,
    version: CURRENT_VERSION,
    title: cleanText(sketch.title ?? '').replace(/\s+/g, ' ').trim() || title,
    problem: 'generic',
    nodes: [...built.values()].map((b) => b.node),
    edges,
  };
  const parsed = parseDiagram(file);
  if (!parsed.ok) return err(`the design made from it is not valid (${parsed.error.message})`);
  return ok({ diagram: parsed.value, summary });
}

function pick(src: Record<string, unknown>, keys: string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of keys) if (Object.prototype.hasOwnProperty.call(src, k)) out[k] = src[k];
  return out;
}

/** A component as our own export described it, when it did so validly. */
function ownComponent(own: OwnData | undefined): (ReturnType<typeof recognise> & { props?: DiagramNode['props'] }) | undefined {
  if (!isRecord(own) || !isKindId(own.kind) || own.kind === 'group' || own.kind === 'note') return undefined;
  const label = typeof own.label === 'string' ? own.label : undefined;
  const props = isRecord(own.props) ? (own.props as DiagramNode['props']) : undefined;
  return { kind: own.kind, by: 'name', ...(label !== undefined ? { label } : {}), ...(props ? { props } : {}) };
}
