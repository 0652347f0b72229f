/**
 * The builder of the case-study templates. A definition (defs/<id>.ts) places each component on a
 * grid cell (columns 230 px apart, rows 100 px apart, fractions allowed), names its zone, and lists
 * the edges as [source, target, kind, label?]; buildTemplate turns it into the file format of
 * domain.md section 7: zones sized to their children, children positioned relative to their zone,
 * each zone before its children. The definitions are the source: `npm run templates` writes
 * templates/<id>.json, and tests/unit/templates.test.ts fails when a JSON is not what its
 * definition builds.
 */
import type { EdgeKind, NodeProps, ProblemId } from '../../src/domain/diagram';
import type { KindId } from '../../src/domain/catalogue';
import { noteHeight } from './geometry';

/** Horizontal distance between two grid columns (a 168 px box and a 62 px lane for edges). */
export const COL = 230;
/** Vertical distance between two grid rows (a 60 px box and a 40 px lane). */
export const ROW = 100;
/** Zone margins around its children: the top leaves room for the zone's label. */
export const MARGIN = { top: 52, right: 32, bottom: 32, left: 32 } as const;
/** Nominal component box (NODE_SIZE in src/domain/diagram.ts). */
export const BOX = { width: 168, height: 60 } as const;

export interface NodeDef {
  id: string;
  kind: KindId;
  label?: string;
  /** Grid cell [column, row]; fractions are allowed. */
  at: [number, number];
  /** Id of the enclosing zone. */
  zone?: string;
  props?: NodeProps;
}

export interface ZoneDef {
  id: string;
  label: string;
  zone: 'offline' | 'online';
  /**
   * Columns [first, last] the zone spans at least, so that zones stacked above each other line up
   * even where one has no component in an outer column.
   */
  cols?: [number, number];
}

/** [source, target, kind, label?] */
export type EdgeDef = [string, string, EdgeKind, string?];

export interface TemplateDef {
  id: string;
  title: string;
  problem: ProblemId;
  brief: string;
  zones: ZoneDef[];
  nodes: NodeDef[];
  edges: EdgeDef[];
}

interface OutNode {
  id: string;
  kind: KindId;
  label?: string;
  position: { x: number; y: number };
  parent?: string;
  props: NodeProps;
}

/** The file-format object a definition describes (throws on a definition that names a missing node, zone or duplicate id). */
export function buildTemplate(def: TemplateDef) {
  const abs = new Map(def.nodes.map((n) => [n.id, { x: Math.round(n.at[0] * COL), y: Math.round(n.at[1] * ROW) }]));
  const ids = new Set<string>();
  for (const n of [...def.zones, ...def.nodes]) {
    if (ids.has(n.id)) throw new Error(`${def.id}: duplicate id ${n.id}`);
    ids.add(n.id);
  }
  for (const n of def.nodes) if (n.zone && !def.zones.some((z) => z.id === n.zone)) throw new Error(`${def.id}: ${n.id} in unknown zone ${n.zone}`);
  const out: OutNode[] = [];
  for (const n of def.nodes.filter((n) => !n.zone)) out.push(toOut(n, abs.get(n.id)!));
  for (const z of def.zones) {
    const children = def.nodes.filter((n) => n.zone === z.id);
    if (children.length === 0) throw new Error(`${def.id}: empty zone ${z.id}`);
    const xs = children.map((c) => abs.get(c.id)!.x);
    const ys = children.map((c) => abs.get(c.id)!.y);
    if (z.cols) xs.push(Math.round(z.cols[0] * COL), Math.round(z.cols[1] * COL));
    const x0 = Math.min(...xs) - MARGIN.left;
    const y0 = Math.min(...ys) - MARGIN.top;
    const width = Math.max(...xs) + BOX.width + MARGIN.right - x0;
    // A note is as tall as its text (geometry.ts), so a zone's bottom clears its lowest note too.
    const bottoms = children.map((c) => abs.get(c.id)!.y + (c.kind === 'note' ? noteHeight(String(c.props?.text ?? '')) : BOX.height));
    const height = Math.max(...bottoms) + MARGIN.bottom - y0;
    out.push({ id: z.id, kind: 'group', label: z.label, position: { x: x0, y: y0 }, props: { zone: z.zone, width, height } });
    for (const c of children) {
      const p = abs.get(c.id)!;
      out.push(toOut(c, { x: p.x - x0, y: p.y - y0 }, z.id));
    }
  }
  const edgeIds = new Set<string>();
  const edges = def.edges.map(([source, target, kind, label]) => {
    if (!ids.has(source) || !ids.has(target)) throw new Error(`${def.id}: edge ${source} -> ${target} names a missing node`);
    let id = `${source}--${target}`;
    if (edgeIds.has(id)) id = `${id}--${kind}`;
    if (edgeIds.has(id)) throw new Error(`${def.id}: duplicate edge ${id}`);
    edgeIds.add(id);
    return label ? { id, source, target, kind, label } : { id, source, target, kind };
  });
  return {
    format: 'mlsd-canvas',
    version: 1,
    title: def.title,
    problem: def.problem,
    brief: def.brief,
    nodes: out,
    edges,
  };
}

/** The JSON text of a template as it is committed in templates/<id>.json. */
export function templateJson(def: TemplateDef): string {
  return JSON.stringify(buildTemplate(def), null, 2) + '\n';
}

function toOut(n: NodeDef, position: { x: number; y: number }, parent?: string): OutNode {
  const o: OutNode = { id: n.id, kind: n.kind } as OutNode;
  if (n.label !== undefined) o.label = n.label;
  if (parent) o.parent = parent;
  o.position = position;
  o.props = n.props ?? {};
  return o;
}
