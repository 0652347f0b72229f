import type { Box, EdgeKind } from '../diagram';
import { err, ok, type Result } from '../result';
import type { OwnData, Sketch, SketchEdge, SketchNote, SketchShape, SketchZone, Skipped } from './sketch';
import { findElement, htmlToText, parseXml, type XmlElement } from './xml';

/**
 * draw.io's file (`.drawio`, `.xml`: an `mxfile` of pages, or a bare `mxGraphModel`) read as
 * sketches, one per page. A page is either plain XML or compressed (base64 of raw deflate of the
 * URI-encoded XML). Vertices become components, text shapes notes, containers (swimlanes, shapes
 * with `container=1` or with cells inside) zones, and a group of two or more shapes a zone too;
 * edges with a source and a target become connections (their labels from the edge's value and its
 * label cells). Geometry relative to a parent cell is resolved to absolute coordinates.
 */

/** Raw-inflates bytes, stopping at `limit` output bytes ('too-big'); injected so the browser and Node use their own. */
export type InflateRaw = (bytes: Uint8Array, limit: number) => Promise<Uint8Array | 'too-big'>;

/** A page of a draw.io file, read or refused. */
export interface DrawioPage {
  name: string;
  sketch: Result<Sketch, string>;
}

/** Largest page, in bytes of XML, once decompressed. */
export const MAX_PAGE_BYTES = 20 * 1024 * 1024;

interface Cell {
  id: string;
  value: string;
  style: Map<string, string>;
  shape: string;
  parent?: string;
  vertex: boolean;
  edge: boolean;
  source?: string;
  target?: string;
  geometry?: { x: number; y: number; width: number; height: number; relative: boolean };
  own?: OwnData;
}

/** True when the text is a draw.io file: an `mxfile` or `mxGraphModel` root. */
export function isDrawioText(text: string): boolean {
  return /^\s*(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*<(mxfile|mxGraphModel)[\s>]/.test(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
}

/** Reads a draw.io file's pages; refuses text that is not a draw.io file, and says which pages are broken. */
export async function readDrawio(text: string, inflateRaw: InflateRaw): Promise<Result<DrawioPage[], string>> {
  const parsed = parseXml(text);
  if (!parsed.ok) return err(parsed.error);
  const root = parsed.value;
  if (root.name === 'mxGraphModel') return ok([{ name: 'Page-1', sketch: readModel(root) }]);
  if (root.name !== 'mxfile') return err(`not a draw.io file: its root element is <${root.name}>, not <mxfile>`);
  const diagrams = root.children.filter((c) => c.name === 'diagram');
  if (diagrams.length === 0) return err('this draw.io file has no pages (no <diagram> element)');
  const pages: DrawioPage[] = [];
  for (let i = 0; i < diagrams.length; i++) {
    const d = diagrams[i];
    const name = (d.attrs.get('name') ?? '').trim() || `Page-${i + 1}`;
    pages.push({ name, sketch: await readPage(d, inflateRaw) });
  }
  return ok(pages);
}

async function readPage(d: XmlElement, inflateRaw: InflateRaw): Promise<Result<Sketch, string>> {
  const model = d.children.find((c) => c.name === 'mxGraphModel');
  if (model) return readModel(model);
  const data = d.text.trim();
  if (!data) return err('the page is empty');
  const xml = await decompress(data, inflateRaw);
  if (!xml.ok) return xml;
  const inner = parseXml(xml.value);
  if (!inner.ok) return err(`its compressed diagram is ${inner.error}`);
  const m = findElement(inner.value, 'mxGraphModel');
  if (!m) return err('its compressed data holds no <mxGraphModel>');
  return readModel(m);
}

/** A compressed page: base64, then raw deflate, then URI encoding (what draw.io writes with compression on). */
async function decompress(data: string, inflateRaw: InflateRaw): Promise<Result<string, string>> {
  let bytes: Uint8Array;
  try {
    const binary = atob(data.replace(/\s+/g, ''));
    bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  } catch {
    return err('its compressed data is not valid base64');
  }
  let inflated: Uint8Array | 'too-big';
  try {
    inflated = await inflateRaw(bytes, MAX_PAGE_BYTES);
  } catch {
    return err('its compressed data could not be decompressed (the file may be cut short)');
  }
  if (inflated === 'too-big') return err(`its diagram is larger than ${MAX_PAGE_BYTES / (1024 * 1024)} MB`);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(inflated);
  } catch {
    return err('its compressed data is not text');
  }
  try {
    return ok(text.trimStart().startsWith('<') ? text : decodeURIComponent(text));
  } catch {
    return err('its compressed data is damaged (bad URI encoding)');
  }
}

/** A draw.io style string ("rounded=1;whiteSpace=wrap;ellipse;") as its shape name and key=value pairs. */
export function parseStyle(style: string): { shape: string; values: Map<string, string> } {
  const values = new Map<string, string>();
  let shape = '';
  for (const part of style.split(';')) {
    const p = part.trim();
    if (!p) continue;
    const eq = p.indexOf('=');
    if (eq === -1) {
      if (!shape) shape = p;
      continue;
    }
    values.set(p.slice(0, eq), p.slice(eq + 1));
  }
  if (!shape && values.has('shape')) shape = values.get('shape')!;
  return { shape, values };
}

const number = (v: string | undefined): number => {
  const n = v === undefined ? 0 : Number(v);
  return Number.isFinite(n) ? n : 0;
};

function readCell(el: XmlElement, wrapper?: XmlElement): Cell | undefined {
  const id = wrapper?.attrs.get('id') ?? el.attrs.get('id');
  if (!id) return undefined;
  const { shape, values } = parseStyle(el.attrs.get('style') ?? '');
  const rawValue = wrapper ? (wrapper.attrs.get('label') ?? '') : (el.attrs.get('value') ?? '');
  const value = values.get('html') === '1' || /<\w+[^>]*>/.test(rawValue) ? htmlToText(rawValue) : rawValue.trim();
  const cell: Cell = { id, value, style: values, shape, vertex: el.attrs.get('vertex') === '1', edge: el.attrs.get('edge') === '1' };
  const parent = el.attrs.get('parent');
  if (parent) cell.parent = parent;
  const source = el.attrs.get('source');
  if (source) cell.source = source;
  const target = el.attrs.get('target');
  if (target) cell.target = target;
  const g = el.children.find((c) => c.name === 'mxGeometry');
  if (g) {
    cell.geometry = {
      x: number(g.attrs.get('x')),
      y: number(g.attrs.get('y')),
      width: Math.abs(number(g.attrs.get('width'))),
      height: Math.abs(number(g.attrs.get('height'))),
      relative: g.attrs.get('relative') === '1',
    };
  }
  if (wrapper) {
    const kind = wrapper.attrs.get('mlsdKind');
    if (kind) {
      const own: OwnData = { kind };
      const label = wrapper.attrs.get('mlsdLabel');
      if (label !== undefined) own.label = label;
      const props = wrapper.attrs.get('mlsdProps');
      if (props) {
        try {
          own.props = JSON.parse(props);
        } catch {
          // Unreadable extra data: the cell is read from its label like any other.
        }
      }
      cell.own = own;
    }
  }
  return cell;
}

/** Reads one page's `mxGraphModel`. */
function readModel(model: XmlElement): Result<Sketch, string> {
  const rootEl = model.children.find((c) => c.name === 'root');
  if (!rootEl) return err('the page has no <root> of cells');
  const cells: Cell[] = [];
  const byId = new Map<string, Cell>();
  const skipped: Skipped[] = [];
  let unnamed = 0;
  for (const child of rootEl.children) {
    let cell: Cell | undefined;
    if (child.name === 'mxCell') cell = readCell(child);
    else if (child.name === 'object' || child.name === 'UserObject') {
      const inner = child.children.find((c) => c.name === 'mxCell');
      cell = inner ? readCell(inner, child) : undefined;
    } else continue;
    if (!cell) {
      unnamed++;
      continue;
    }
    if (byId.has(cell.id)) return err(`two cells have the id “${cell.id}”`);
    byId.set(cell.id, cell);
    cells.push(cell);
  }
  if (unnamed) skipped.push({ what: unnamed === 1 ? 'cell' : `${unnamed} cells`, why: 'it has no id', ...(unnamed > 1 ? { count: unnamed } : {}) });

  // Layers are the cells right under the root cell; everything else hangs below one.
  const isLayer = (c: Cell) => !c.vertex && !c.edge && (c.parent === undefined || byId.get(c.parent)?.parent === undefined);
  const children = new Map<string, Cell[]>();
  for (const c of cells) if (c.parent && c.vertex) (children.get(c.parent) ?? children.set(c.parent, []).get(c.parent)!).push(c);

  // Absolute boxes: a vertex's geometry is relative to its parent vertex (iteratively, cycles cut).
  const abs = new Map<string, Box>();
  const absOf = (c: Cell): Box | undefined => {
    const chain: Cell[] = [];
    const seen = new Set<string>();
    let cur: Cell | undefined = c;
    while (cur && cur.vertex && !abs.has(cur.id) && !seen.has(cur.id)) {
      seen.add(cur.id);
      chain.push(cur);
      cur = cur.parent ? byId.get(cur.parent) : undefined;
    }
    let origin = cur && abs.has(cur.id) ? abs.get(cur.id)! : { x: 0, y: 0, width: 0, height: 0 };
    for (let k = chain.length - 1; k >= 0; k--) {
      const g = chain[k].geometry ?? { x: 0, y: 0, width: 0, height: 0, relative: false };
      const box = { x: origin.x + g.x, y: origin.y + g.y, width: g.width, height: g.height };
      abs.set(chain[k].id, box);
      origin = box;
    }
    return abs.get(c.id);
  };

  const isText = (c: Cell) => c.shape === 'text';
  const isEdgeLabel = (c: Cell) => c.style.has('edgeLabel') || c.shape === 'edgeLabel' || (c.parent !== undefined && byId.get(c.parent)?.edge === true);
  const isGroup = (c: Cell) => c.shape === 'group';
  const isContainer = (c: Cell) =>
    !isGroup(c) && (c.shape === 'swimlane' || c.style.get('container') === '1' || c.style.get('swimlane') !== undefined || (children.get(c.id)?.some((k) => !isEdgeLabel(k)) ?? false));

  // A group of fewer than two shapes is no zone: what it holds belongs to the group's own zone.
  const componentCount = (id: string) => (children.get(id) ?? []).filter((k) => k.vertex && !isText(k) && !isEdgeLabel(k) && !isGroup(k)).length;
  const zoneCells = new Set<string>();
  for (const c of cells) if (c.vertex && !isEdgeLabel(c) && (isContainer(c) || (isGroup(c) && componentCount(c.id) >= 2))) zoneCells.add(c.id);
  const zoneAbove = (c: Cell): string | undefined => {
    const seen = new Set<string>([c.id]);
    for (let p = c.parent ? byId.get(c.parent) : undefined; p && !seen.has(p.id); p = p.parent ? byId.get(p.parent) : undefined) {
      seen.add(p.id);
      if (zoneCells.has(p.id)) return p.id;
    }
    return undefined;
  };

  const shapes: SketchShape[] = [];
  const notes: SketchNote[] = [];
  const zones: SketchZone[] = [];
  const edgeLabels = new Map<string, string[]>();
  let empty = 0;
  const edgeEnds = new Set<string>();
  for (const c of cells) if (c.edge) for (const end of [c.source, c.target]) if (end) edgeEnds.add(end);

  for (const c of cells) {
    if (!c.vertex) continue;
    if (isEdgeLabel(c)) {
      if (c.parent && c.value) (edgeLabels.get(c.parent) ?? edgeLabels.set(c.parent, []).get(c.parent)!).push(c.value);
      continue;
    }
    const box = absOf(c);
    if (!box || c.geometry?.relative) continue;
    const zone = zoneAbove(c);
    if (zoneCells.has(c.id)) {
      const z: SketchZone = { id: c.id, title: c.value || (isGroup(c) ? 'Group' : 'Zone') };
      if (!isGroup(c)) z.box = box;
      if (zone) z.parent = zone;
      if (c.own) z.own = c.own;
      zones.push(z);
      continue;
    }
    if (isGroup(c)) continue;
    if (isText(c)) {
      if (!c.value.trim()) continue;
      const n: SketchNote = { id: c.id, text: c.value, box };
      if (zone) n.zone = zone;
      notes.push(n);
      continue;
    }
    if (!c.value.trim() && !c.own && !edgeEnds.has(c.id)) {
      empty++;
      continue;
    }
    const s: SketchShape = { id: c.id, text: c.value, box };
    if (zone) s.zone = zone;
    if (c.own) s.own = c.own;
    shapes.push(s);
  }
  if (empty) skipped.push({ what: empty === 1 ? 'empty shape' : `${empty} empty shapes`, why: 'it has no text and no connection', ...(empty > 1 ? { count: empty } : {}) });

  const edges: SketchEdge[] = [];
  const name = (id: string | undefined) => {
    const c = id ? byId.get(id) : undefined;
    return c?.value ? `“${c.value.replace(/\s+/g, ' ').slice(0, 40)}”` : '…';
  };
  for (const c of cells) {
    if (!c.edge) continue;
    const label = [c.value, ...(edgeLabels.get(c.id) ?? [])].filter((v) => v.trim()).join(' ');
    const from = c.source && byId.has(c.source) ? c.source : undefined;
    const to = c.target && byId.has(c.target) ? c.target : undefined;
    const what = label
      ? `arrow “${label.slice(0, 40)}”`
      : from && to
        ? `arrow ${name(from)} → ${name(to)}`
        : from
          ? `arrow from ${name(from)}`
          : to
            ? `arrow to ${name(to)}`
            : 'arrow between no shapes';
    if (!from || !to) {
      skipped.push({ what, why: 'it is not attached to a shape at both ends' });
      continue;
    }
    const e: SketchEdge = { from, to, what };
    if (label) e.label = label;
    const kind = c.own?.kind;
    if (typeof kind === 'string') e.kind = kind as EdgeKind;
    edges.push(e);
  }
  for (const c of cells) {
    if (!c.vertex && !c.edge && !isLayer(c)) skipped.push({ what: `cell “${c.id}”`, why: 'it is neither a shape nor an arrow' });
  }
  return ok({ shapes, zones, notes, edges, skipped });
}
