import { MarkerType } from '@xyflow/react';
import { nodeLabel, type DiagramEdge, type DiagramNode, type XY } from '../domain/diagram';
import { EDGE_STYLES } from './edgeStyles';
import type { FlowEdge, FlowNode, NodeData } from './flowTypes';
import { shown } from './nodeSummary';

export interface Measured {
  width: number;
  height: number;
}

export interface Transient {
  /** Positions of nodes being dragged (relative to their parent), not yet in the store. */
  drag: ReadonlyMap<string, XY>;
  /** Boxes of zones being resized. */
  resize: ReadonlyMap<string, { x: number; y: number; width: number; height: number }>;
  /** Sizes React Flow measured. */
  measured: ReadonlyMap<string, Measured>;
  /** Style for the nodes being dragged (their catch margin, sized for the current zoom). */
  dragStyle?: Record<string, string>;
}

export interface BadgeCounts {
  error: number;
  warning: number;
  info: number;
}

interface NodeCacheEntry {
  badge: BadgeCounts | undefined;
  sizing: string | undefined;
  source: DiagramNode;
  selected: boolean;
  pos: XY | undefined;
  box: unknown;
  measured: Measured | undefined;
  flow: FlowNode;
}

const dataCache = new WeakMap<DiagramNode, NodeData>();

function dataOf(n: DiagramNode, badge: BadgeCounts | undefined, sizing: string | undefined): NodeData {
  if (badge || sizing)
    return { kind: n.kind, props: n.props, ...(n.label !== undefined ? { label: n.label } : {}), ...(badge ? { badge } : {}), ...(sizing ? { sizing } : {}) };
  let d = dataCache.get(n);
  if (!d) {
    d = { kind: n.kind, props: n.props, ...(n.label !== undefined ? { label: n.label } : {}) };
    dataCache.set(n, d);
  }
  return d;
}

/**
 * React Flow nodes for the diagram. A node whose inputs did not change keeps the same object, so
 * React Flow and the memoised node components skip it: a drag frame re-creates only the dragged node.
 */
export function toFlowNodes(
  nodes: readonly DiagramNode[],
  selected: ReadonlySet<string>,
  t: Transient,
  cache: Map<string, NodeCacheEntry>,
  badges: ReadonlyMap<string, BadgeCounts> = new Map(),
  sizingLines: ReadonlyMap<string, string> = new Map(),
): FlowNode[] {
  const out: FlowNode[] = new Array(nodes.length);
  for (let i = 0; i < nodes.length; i++) {
    const n = nodes[i];
    const sel = selected.has(n.id);
    const pos = t.drag.get(n.id);
    const box = t.resize.get(n.id);
    const m = t.measured.get(n.id);
    const badge = badges.get(n.id);
    const sizing = sizingLines.get(n.id);
    const hit = cache.get(n.id);
    if (hit && hit.source === n && hit.selected === sel && hit.pos === pos && hit.box === box && hit.measured === m && hit.badge === badge && hit.sizing === sizing) {
      out[i] = hit.flow;
      continue;
    }
    const type = n.kind === 'group' ? 'zone' : n.kind === 'note' ? 'note' : 'component';
    const flow = {
      id: n.id,
      type,
      position: box ? { x: box.x, y: box.y } : (pos ?? n.position),
      data: dataOf(n, badge, sizing),
      selected: sel,
      // Its accessible name at every zoom: far out the label itself is drawn as a bar.
      ...(type === 'component' ? { ariaLabel: shown(nodeLabel(n)) } : {}),
      ...(n.parent ? { parentId: n.parent } : {}),
      ...(m ? { measured: m } : {}),
      ...(type === 'zone'
        ? {
            width: box ? box.width : (n.props.width as number),
            height: box ? box.height : (n.props.height as number),
            zIndex: -1,
            dragHandle: '.zone-drag',
          }
        : {}),
      ...(pos ? { dragging: true, ...(t.dragStyle ? { style: t.dragStyle } : {}) } : {}),
    } as FlowNode;
    cache.set(n.id, { source: n, selected: sel, pos, box, measured: m, badge, sizing, flow });
    out[i] = flow;
  }
  // The cache holds every node's id; more entries than nodes means some were deleted. (Checked by size,
  // so a drag frame allocates no set of 500 ids.)
  if (cache.size > nodes.length) {
    const live = new Set(nodes.map((n) => n.id));
    for (const id of cache.keys()) if (!live.has(id)) cache.delete(id);
  }
  return out;
}

interface EdgeCacheEntry {
  source: DiagramEdge;
  selected: boolean;
  editing: boolean;
  flow: FlowEdge;
}

/** React Flow edges for the diagram, keeping unchanged edge objects. */
export function toFlowEdges(
  edges: readonly DiagramEdge[],
  selected: ReadonlySet<string>,
  cache: Map<string, EdgeCacheEntry>,
  editingId: string | null = null,
): FlowEdge[] {
  return edges.map((e) => {
    const sel = selected.has(e.id);
    const editing = e.id === editingId;
    const hit = cache.get(e.id);
    if (hit && hit.source === e && hit.selected === sel && hit.editing === editing) return hit.flow;
    const style = EDGE_STYLES[e.kind];
    const flow: FlowEdge = {
      id: e.id,
      source: e.source,
      target: e.target,
      type: 'flow',
      selected: sel,
      data: { kind: e.kind, ...(e.label ? { label: e.label } : {}), ...(editing ? { editing } : {}) },
      markerEnd: { type: MarkerType.ArrowClosed, color: sel ? 'var(--accent)' : style.color, width: 16, height: 16 },
    };
    cache.set(e.id, { source: e, selected: sel, editing, flow });
    return flow;
  });
}
