import type { Box, EdgeKind } from '../diagram';
import { isRecord, own } from '../format/json';
import { err, ok, type Result } from '../result';
import { shortText } from './recognise';
import type { OwnData, Sketch, SketchEdge, SketchNote, SketchShape, SketchZone, Skipped } from './sketch';

/**
 * Excalidraw's file (`.excalidraw`: JSON `{ type: "excalidraw", elements, ... }`) read as a sketch.
 * Rectangles, ellipses and diamonds with their text become components; a rectangle that holds other
 * boxes, a frame, and a group of two or more boxes become zones; free text becomes a note (or the
 * label of the empty box it sits in); arrows bound at both ends become connections, and an arrow end
 * left loose snaps to the nearest box within SNAP_DISTANCE or the arrow is skipped. Deleted elements
 * are not read. Every field is read as untrusted (own properties only, types checked).
 */

/** How far (in the drawing's units) a loose arrow end may be from a box and still attach to it. */
export const SNAP_DISTANCE = 48;
/** Most elements read from one file. */
export const MAX_ELEMENTS = 200_000;
/** Most boxes read: the format's node limit (the zone and snapping passes compare boxes pairwise). */
const MAX_BOXES = 20_000;

const SHAPES = new Set(['rectangle', 'ellipse', 'diamond']);
const FRAMES = new Set(['frame', 'magicframe']);
/** What a skipped element is called in the summary, by type. */
const DRAWINGS: Record<string, string> = {
  line: 'line',
  freedraw: 'freehand drawing',
  image: 'image',
  embeddable: 'embedded page',
  iframe: 'embedded page',
};

interface Element {
  id: string;
  type: string;
  box: Box;
  text?: string;
  containerId?: string;
  frameId?: string;
  groupIds: string[];
  name?: string;
  start?: { x: number; y: number; bound?: string };
  end?: { x: number; y: number; bound?: string };
  startArrow: boolean;
  endArrow: boolean;
  own?: OwnData;
}

const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/** True when the JSON value looks like an Excalidraw file (or clipboard). */
export function isExcalidrawJson(value: unknown): boolean {
  return isRecord(value) && (own(value, 'type') === 'excalidraw' || own(value, 'type') === 'excalidraw/clipboard');
}

function readElement(value: unknown): Element | undefined {
  if (!isRecord(value)) return undefined;
  const id = str(own(value, 'id'));
  const type = str(own(value, 'type'));
  if (!id || !type) return undefined;
  const x = num(own(value, 'x')) ?? 0;
  const y = num(own(value, 'y')) ?? 0;
  const w = num(own(value, 'width')) ?? 0;
  const h = num(own(value, 'height')) ?? 0;
  const box = { x: Math.min(x, x + w), y: Math.min(y, y + h), width: Math.abs(w), height: Math.abs(h) };
  const groups = own(value, 'groupIds');
  const el: Element = {
    id,
    type,
    box,
    groupIds: Array.isArray(groups) ? groups.filter((g): g is string => typeof g === 'string').slice(0, 64) : [],
    startArrow: own(value, 'startArrowhead') != null,
    endArrow: own(value, 'endArrowhead') != null,
  };
  // originalText is the text before Excalidraw wrapped it to its box.
  const text = str(own(value, 'originalText')) ?? str(own(value, 'text'));
  if (text !== undefined) el.text = text;
  const containerId = str(own(value, 'containerId'));
  if (containerId) el.containerId = containerId;
  const frameId = str(own(value, 'frameId'));
  if (frameId) el.frameId = frameId;
  const name = str(own(value, 'name'));
  if (name !== undefined) el.name = name;
  const custom = own(value, 'customData');
  if (isRecord(custom) && isRecord(own(custom, 'mlsdCanvas'))) el.own = own(custom, 'mlsdCanvas') as OwnData;
  if (type === 'arrow') {
    const points = own(value, 'points');
    const list = Array.isArray(points) ? points : [];
    const point = (p: unknown) => (Array.isArray(p) && num(p[0]) !== undefined && num(p[1]) !== undefined ? { x: x + (p[0] as number), y: y + (p[1] as number) } : undefined);
    const first = point(list[0]) ?? { x, y };
    const last = point(list[list.length - 1]) ?? { x: x + w, y: y + h };
    const binding = (key: string) => {
      const b = own(value, key);
      return isRecord(b) ? str(own(b, 'elementId')) : undefined;
    };
    const sb = binding('startBinding');
    const eb = binding('endBinding');
    el.start = sb ? { ...first, bound: sb } : first;
    el.end = eb ? { ...last, bound: eb } : last;
  }
  return el;
}

const area = (b: Box) => b.width * b.height;
const contains = (outer: Box, inner: Box) =>
  inner.x >= outer.x && inner.y >= outer.y && inner.x + inner.width <= outer.x + outer.width && inner.y + inner.height <= outer.y + outer.height;
/** Distance from a point to a box (0 inside). */
function distance(b: Box, p: { x: number; y: number }): number {
  const dx = Math.max(b.x - p.x, 0, p.x - (b.x + b.width));
  const dy = Math.max(b.y - p.y, 0, p.y - (b.y + b.height));
  return Math.hypot(dx, dy);
}

/** Reads the text of an Excalidraw file as a sketch, or says what is wrong with it. */
export function readExcalidraw(text: string): Result<Sketch, string> {
  let value: unknown;
  try {
    value = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (e) {
    return err(`not an Excalidraw file: it is not JSON (${e instanceof Error ? e.message : String(e)})`);
  }
  return readExcalidrawValue(value);
}

/** Reads a parsed Excalidraw file as a sketch. */
export function readExcalidrawValue(value: unknown): Result<Sketch, string> {
  if (!isExcalidrawJson(value)) return err('not an Excalidraw file: it has no "type": "excalidraw"');
  const list = own(value as Record<string, unknown>, 'elements');
  if (!Array.isArray(list)) return err('elements: missing or not a list; this Excalidraw file is damaged');
  if (list.length > MAX_ELEMENTS) return err(`elements: ${list.length.toLocaleString('en-US')} elements; the importer reads at most ${MAX_ELEMENTS.toLocaleString('en-US')}`);

  const skippedByKind = new Map<string, { why: string; count: number; what: string }>();
  const skip = (key: string, what: string, why: string) => {
    const s = skippedByKind.get(key);
    if (s) s.count++;
    else skippedByKind.set(key, { what, why, count: 1 });
  };
  const arrowSkips: Skipped[] = [];

  const els: Element[] = [];
  const byId = new Map<string, Element>();
  for (let i = 0; i < list.length; i++) {
    const raw = list[i];
    if (isRecord(raw) && own(raw, 'isDeleted') === true) continue;
    const el = readElement(raw);
    if (!el) {
      skip('invalid', 'element', 'it has no id or type');
      continue;
    }
    if (byId.has(el.id)) {
      skip('duplicate', 'element', 'its id is used by another element');
      continue;
    }
    byId.set(el.id, el);
    els.push(el);
  }

  // Text: bound to a box (its label), to an arrow (the connection's label), or free.
  const labels = new Map<string, string[]>();
  const freeTexts: Element[] = [];
  for (const el of els) {
    if (el.type !== 'text') continue;
    const container = el.containerId ? byId.get(el.containerId) : undefined;
    if (container && (SHAPES.has(container.type) || container.type === 'arrow')) {
      const l = labels.get(container.id) ?? [];
      l.push(el.text ?? '');
      labels.set(container.id, l);
    } else if ((el.text ?? '').trim()) freeTexts.push(el);
  }
  const shapes = els.filter((el) => SHAPES.has(el.type));
  if (shapes.length > MAX_BOXES) {
    return err(`it has ${shapes.length.toLocaleString('en-US')} boxes; a design may have at most ${MAX_BOXES.toLocaleString('en-US')} components`);
  }
  // Free text inside a box without text of its own labels that box (boxes and their text were often
  // grouped rather than bound; a title at the top of a big box names it); other free text is a note.
  const notes: Element[] = [];
  const freeLabelled = new Set<string>();
  for (const t of freeTexts.sort((a, b) => a.box.y - b.box.y || a.box.x - b.box.x)) {
    let best: Element | undefined;
    for (const s of shapes) if (contains(s.box, t.box) && (!best || area(s.box) < area(best.box))) best = s;
    if (best && (!labels.has(best.id) || freeLabelled.has(best.id))) {
      const l = labels.get(best.id) ?? [];
      l.push(t.text ?? '');
      labels.set(best.id, l);
      freeLabelled.add(best.id);
    } else notes.push(t);
  }

  // Zones: frames, rectangles that hold other boxes, groups of two or more boxes.
  type Zone = { id: string; title: string; box: Box; kind: 'frame' | 'container' | 'group'; members?: Set<string>; own?: OwnData };
  const zones: Zone[] = [];
  for (const el of els) if (FRAMES.has(el.type)) zones.push({ id: el.id, title: el.name ?? 'Frame', box: el.box, kind: 'frame', ...(el.own ? { own: el.own } : {}) });
  const containers = new Set<string>();
  for (const s of shapes) {
    if (s.type !== 'rectangle' || area(s.box) <= 0) continue;
    if (shapes.some((o) => o !== s && area(o.box) < area(s.box) && contains(s.box, o.box))) {
      containers.add(s.id);
      zones.push({ id: s.id, title: (labels.get(s.id) ?? []).join(' ').trim() || 'Zone', box: s.box, kind: 'container', ...(s.own ? { own: s.own } : {}) });
    }
  }
  const groupMembers = new Map<string, Element[]>();
  for (const s of shapes) {
    if (containers.has(s.id)) continue;
    for (const g of s.groupIds) (groupMembers.get(g) ?? groupMembers.set(g, []).get(g)!).push(s);
  }
  let groupNo = 0;
  for (const [g, members] of groupMembers) {
    if (members.length < 2) continue;
    let x0 = Infinity;
    let y0 = Infinity;
    let x1 = -Infinity;
    let y1 = -Infinity;
    for (const m of members) {
      x0 = Math.min(x0, m.box.x);
      y0 = Math.min(y0, m.box.y);
      x1 = Math.max(x1, m.box.x + m.box.width);
      y1 = Math.max(y1, m.box.y + m.box.height);
    }
    zones.push({ id: `group:${g}`, title: `Group ${++groupNo}`, box: { x: x0, y: y0, width: x1 - x0, height: y1 - y0 }, kind: 'group', members: new Set(members.map((m) => m.id)) });
  }
  const zoneById = new Map(zones.map((z) => [z.id, z]));
  /**
   * The smallest zone that holds an item: its frame (or one drawn around it), a box around it, a
   * group it belongs to. A zone's own zone is always larger than it, so zones never nest in a cycle.
   */
  const zoneFor = (id: string, box: Box, frameId: string | undefined): string | undefined => {
    const self = zoneById.get(id);
    let best: Zone | undefined;
    for (const z of zones) {
      if (z.id === id || (self && !(area(z.box) > area(self.box)))) continue;
      let holds: boolean;
      if (z.kind === 'group') holds = self?.kind === 'group' ? [...self.members!].every((m) => z.members!.has(m)) : !!z.members!.has(id);
      else holds = (z.kind === 'frame' && frameId === z.id) || contains(z.box, box);
      if (holds && (!best || area(z.box) < area(best.box))) best = z;
    }
    return best?.id;
  };

  const sketchShapes: SketchShape[] = [];
  const shapeById = new Map<string, SketchShape>();
  for (const s of shapes) {
    if (containers.has(s.id)) continue;
    const zone = zoneFor(s.id, s.box, s.frameId);
    const shape: SketchShape = { id: s.id, text: (labels.get(s.id) ?? []).join('\n'), box: s.box };
    if (zone) shape.zone = zone;
    if (s.own) shape.own = s.own;
    sketchShapes.push(shape);
    shapeById.set(s.id, shape);
  }
  const sketchZones: SketchZone[] = zones.map((z) => {
    const out: SketchZone = { id: z.id, title: z.title };
    if (z.kind !== 'group') out.box = z.box;
    const parent = zoneFor(z.id, z.box, byId.get(z.id)?.frameId);
    if (parent) out.parent = parent;
    if (z.own) out.own = z.own;
    return out;
  });
  const sketchNotes: SketchNote[] = notes.map((t) => {
    const note: SketchNote = { id: t.id, text: t.text ?? '', box: t.box };
    const zone = zoneFor(t.id, t.box, t.frameId);
    if (zone) note.zone = zone;
    return note;
  });

  // Arrows: each end at the box it is bound to (through its text, too), else at the nearest box within reach.
  const edges: SketchEdge[] = [];
  const targetOf = (end: { x: number; y: number; bound?: string } | undefined): { id?: string; why?: string } => {
    if (!end) return { why: 'it has no ends' };
    let bound = end.bound ? byId.get(end.bound) : undefined;
    if (bound?.type === 'text' && bound.containerId) bound = byId.get(bound.containerId);
    if (bound && (shapeById.has(bound.id) || zoneById.has(bound.id))) return { id: bound.id };
    let best: SketchShape | undefined;
    let bestD = Infinity;
    for (const s of sketchShapes) {
      const d = distance(s.box, end);
      if (d < bestD) {
        best = s;
        bestD = d;
      }
    }
    if (best && bestD <= SNAP_DISTANCE) return { id: best.id };
    return { why: `one end is not attached to a box (none within ${SNAP_DISTANCE} px)` };
  };
  for (const a of els) {
    if (a.type !== 'arrow') continue;
    const label = (labels.get(a.id) ?? []).join(' ').trim();
    const from = targetOf(a.start);
    const to = targetOf(a.end);
    const name = (e: { id?: string }) => {
      const s = e.id ? shapeById.get(e.id) : undefined;
      return s ? `“${shortText(s.text) || 'Untitled'}”` : 'a zone';
    };
    const what = label
      ? `arrow “${shortText(label)}”`
      : from.id && to.id
        ? `arrow ${name(from)} → ${name(to)}`
        : from.id
          ? `arrow from ${name(from)}`
          : to.id
            ? `arrow to ${name(to)}`
            : 'arrow between no boxes';
    if (!from.id || !to.id) {
      arrowSkips.push({ what, why: from.why ?? to.why! });
      continue;
    }
    // An arrow drawn with its head at the start points backwards.
    const reversed = a.startArrow && !a.endArrow;
    const edge: SketchEdge = reversed ? { from: to.id, to: from.id, what } : { from: from.id, to: to.id, what };
    if (label) edge.label = label;
    const kind = isRecord(a.own) ? a.own.kind : undefined;
    if (typeof kind === 'string') edge.kind = kind as EdgeKind;
    edges.push(edge);
  }

  for (const el of els) {
    if (SHAPES.has(el.type) || FRAMES.has(el.type) || el.type === 'text' || el.type === 'arrow') continue;
    const what = DRAWINGS[el.type] ?? `“${el.type}” element`;
    skip(`type:${el.type}`, what, DRAWINGS[el.type] ? 'drawings without text do not become components' : 'the importer does not know this kind of element');
  }
  // Empty boxes that nothing connects to are decoration.
  const connected = new Set(edges.flatMap((e) => [e.from, e.to]));
  const kept = sketchShapes.filter((s) => {
    if (s.text.trim() || s.own || connected.has(s.id)) return true;
    skip('empty', 'empty box', 'it has no text and no arrow');
    return false;
  });

  const skipped: Skipped[] = [
    ...arrowSkips,
    ...[...skippedByKind.values()].map(({ what, why, count }) => ({ what: count > 1 ? `${count} ${plural(what)}` : what, why, ...(count > 1 ? { count } : {}) })),
  ];
  return ok({ shapes: kept, zones: sketchZones, notes: sketchNotes, edges, skipped });
}

function plural(what: string): string {
  if (what.endsWith('box')) return `${what}es`;
  if (what.startsWith('“')) return what.replace(/ element$/, ' elements');
  return `${what}s`;
}
