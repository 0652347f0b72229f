import {
  Background,
  BackgroundVariant,
  ConnectionMode,
  Controls,
  ReactFlow,
  useStore as useFlowStore,
  useReactFlow,
  useStoreApi as useFlowStoreApi,
  useUpdateNodeInternals,
  type ReactFlowState,
  type Connection,
  type EdgeChange,
  type FinalConnectionState,
  type NodeChange,
} from '@xyflow/react';
import { lazy, memo, Suspense, useCallback, useDeferredValue, useEffect, useMemo, useReducer, useRef, useState } from 'react';
import { absolutePositions, childrenOf, nodeLabel, nodeSize, nodesBounds, withDescendants, zoneAt, type Box, type Diagram, type DiagramNode, type XY } from '../domain/diagram';
import { findingKey } from '../domain/checker/keys';
import { isCalled, proposeEdgeKind } from '../domain/roles';
import type { NodeMove } from '../store/diagramStore';
import { useDiagramStore, useDiagramStoreApi } from '../store/useDiagramStore';
import { nodeFindingIndex } from '../store/findings';
import { useChecks } from '../store/useFindings';
import { miniMap } from './miniMapLoader';
import { ComponentNode } from './ComponentNode';
import { FlowEdgeView } from './FlowEdgeView';
import type { FlowEdge, FlowNode } from './flowTypes';
import { Legend } from './Legend';
import { NoteNode } from './NoteNode';
import { EdgeRoutesContext, useEdgeRouting } from './edgeRoutesContext';
import { toFlowEdges, toFlowNodes, type BadgeCounts, type Measured } from './toFlow';
import { ZoneNode } from './ZoneNode';
import { StartPanelSlot } from '../ui/StartPanelSlot';
import { isLarge, REVEAL_VIEW } from './viewFit';
import { DetailContext, detailAt } from './zoomLevel';
import { reportLocalDrag, useRemoteDrags } from './liveDrag';
import { RoomCanvasSlot } from '../ui/RoomSlots';
import type { nodeSizingLines as SizingLinesFn } from './sizingLines';
import type { Guide, snapBox as SnapBoxFn } from '../domain/snapping';
import type { KindId } from '../domain/catalogue';
import { SnapGuides } from './SnapGuides';
import { useAddComponent } from './useAddComponent';

const nodeTypes = { component: ComponentNode, zone: ZoneNode, note: NoteNode };
const NO_LINES: ReadonlyMap<string, string> = new Map();
const edgeTypes = { flow: FlowEdgeView };
const EMPTY = new Map();
export const FIT_VIEW = { padding: 0.2, maxZoom: 1 };
/** Background, controls, minimap and legend: memoised, so a drag frame does not re-render them. */
const CanvasChrome = memo(function CanvasChrome({ dragging, grid }: { dragging: boolean; grid: boolean }) {
  return (
    <>
      {grid && <Background variant={BackgroundVariant.Dots} gap={20} size={1.3} color="var(--grid-dot)" />}
      <Controls position="bottom-left" showInteractive={false} />
      <SizedMiniMap paused={dragging} />
      <Legend />
      <HandleBoundsRepair />
    </>
  );
});

/** Below this canvas size the minimap would cover too much of it (a quarter at 1024 x 768 before): it hides itself. */
const MINIMAP_MIN = { width: 640, height: 480 };
const roomForMiniMap = (s: ReactFlowState) => s.width >= MINIMAP_MIN.width && s.height >= MINIMAP_MIN.height;

/** The minimap, on canvases large enough for it. */
function SizedMiniMap({ paused }: { paused: boolean }) {
  const room = useFlowStore(roomForMiniMap);
  return room ? <miniMap.Component paused={paused} /> : null;
}

/** Ids of measured nodes whose handle bounds React Flow has lost (none, nearly always). */
function lostHandleBounds(s: ReactFlowState): string {
  let ids = '';
  for (const n of s.nodeLookup.values()) if (n.measured.width && !n.internals.handleBounds && !n.hidden) ids += (ids ? '\n' : '') + n.id;
  return ids;
}

/**
 * React Flow 12 can drop a node's handle bounds when it adopts a new object for the node while its size
 * stays the same (xyflow#4888, #6022): the node's edges then vanish until a re-measure that may never
 * come (an edge of a shared design stayed missing). This measures such nodes again. The scan runs on
 * every React Flow update, drag frames included: a loop without allocation, microseconds at 500 nodes.
 */
function HandleBoundsRepair() {
  const lost = useFlowStore(lostHandleBounds);
  const updateNodeInternals = useUpdateNodeInternals();
  useEffect(() => {
    if (lost) updateNodeInternals(lost.split('\n'));
  }, [lost, updateNodeInternals]);
  return null;
}

/** The view as a coarse key: it changes when the view has moved by half its size or zoomed by a fifth. */
const viewBucket = (s: ReactFlowState) => {
  const [x, y, z] = s.transform;
  const step = Math.max(s.width, s.height, 400) / 2;
  return `${Math.floor(-x / step)},${Math.floor(-y / step)},${Math.round(Math.log2(z) * 4)}`;
};
const noBucket = () => '';

/** At most this many selected components are drawn beyond the view (a select-all of 20,000 would draw them all). */
const SELECTED_OFF_VIEW = 200;

/**
 * A large design (isLarge: the one the canvas culls) opens at 60 % zoom on its first component, not
 * fitted whole: fitted, a 20,000-component design put thousands of components in view, and drawing
 * them took the browser close to a minute. Zooming out or "Fit view" still shows the whole design.
 * Smaller ones (the benchmarks' 500 components among them) are fitted as before.
 */
const LARGE_OPEN_ZOOM = 0.6;

/** The view a large design opens on: its first component near the top left, at LARGE_OPEN_ZOOM. */
function firstComponentView(all: readonly DiagramNode[]): { x: number; y: number; zoom: number } {
  const first = all[0].parent ? (absolutePositions(all).get(all[0].id) ?? all[0].position) : all[0].position;
  return { x: 60 - first.x * LARGE_OPEN_ZOOM, y: 60 - first.y * LARGE_OPEN_ZOOM, zoom: LARGE_OPEN_ZOOM };
}

/** A viewport close to what fitView will choose, from the diagram and the window (before anything is measured). */
function estimateFit(d: Pick<Diagram, 'nodes' | 'edges'>): { x: number; y: number; zoom: number } {
  const all = d.nodes;
  if (!all.length || typeof window === 'undefined') return { x: 0, y: 0, zoom: 1 };
  if (isLarge(d)) return firstComponentView(all);
  const b = nodesBounds(all);
  // The canvas is the window less the palette, the side column and the header.
  const w = Math.max(200, window.innerWidth - 568);
  const h = Math.max(200, window.innerHeight - 48);
  const zoom = Math.min(FIT_VIEW.maxZoom, Math.max(0.05, Math.min(w / (b.width * (1 + FIT_VIEW.padding)), h / (b.height * (1 + FIT_VIEW.padding)))));
  return { x: (w - b.width * zoom) / 2 - b.x * zoom, y: (h - b.height * zoom) / 2 - b.y * zoom, zoom };
}

/** New badge counts, keeping the previous object for every node whose counts did not change. */
function stableBadges(prev: ReadonlyMap<string, BadgeCounts>, next: ReadonlyMap<string, BadgeCounts>): ReadonlyMap<string, BadgeCounts> {
  const out = new Map<string, BadgeCounts>();
  for (const [id, c] of next) {
    const p = prev.get(id);
    out.set(id, p && p.error === c.error && p.warning === c.warning && p.info === c.info ? p : c);
  }
  return out;
}

/**
 * A dragged node catches the pointer a little beyond its edges (an invisible margin, constant on screen):
 * the node is drawn where the previous move put it, so a fast or far-zoomed drag would otherwise leave the
 * pointer over the pane, flickering the cursor and making the browser hit-test every node on each move.
 */
const DRAG_CATCH_PX = 24;
const dragStyleFor = (zoom: number) => ({ '--drag-catch': `${(-DRAG_CATCH_PX / zoom).toFixed(1)}px` });

const detailOf = (s: { transform: [number, number, number] }) => detailAt(s.transform[2]);
const PRO_OPTIONS = { hideAttribution: true };
const SNAP_GRID: [number, number] = [20, 20];
export { REVEAL_VIEW };
const MULTI_SELECT_KEYS = ['Shift', 'Meta', 'Control'];
/** A dragged component snaps to a neighbour's edge or centre within this many screen pixels. */
const SNAP_PX = 7;
/** A connection's end finds a handle this far away (screen pixels): a drop near one connects. */
const CONNECTION_RADIUS = 32;
const NO_GUIDES: Guide[] = [];
/** The menu of kinds for a connection dropped on empty canvas: loaded when a connection starts, shown when one ends there. */
const loadKindMenu = () => import('./KindMenu');
const KindMenu = lazy(loadKindMenu);
const preloadKindMenu = () => void loadKindMenu().catch(() => {});
const FindBox = lazy(() => import('./FindBox'));
/** The snapping code: loaded with the first drag (its first frames go unsnapped), not with the page. */
let snapBox: typeof SnapBoxFn | null = null;
let snapLoading = false;
function loadSnapping(): void {
  if (snapBox || snapLoading) return;
  snapLoading = true;
  import('../domain/snapping').then(
    (m) => void (snapBox = m.snapBox),
    () => void (snapLoading = false),
  );
}

/** Where a dropped connection ended: a component (by id), empty canvas, or somewhere that means nothing. */
function dropTarget(clientX: number, clientY: number): { node: string } | 'canvas' | null {
  const el = document.elementFromPoint(clientX, clientY);
  if (!el || !el.closest('.canvas .react-flow__renderer')) return null;
  const node = el.closest<HTMLElement>('.react-flow__node');
  if (node && node.classList.contains('react-flow__node-component')) return { node: node.dataset.id ?? '' };
  // Notes take no connections; a zone's empty inside is canvas (the new component goes in the zone).
  if (node && !node.classList.contains('react-flow__node-zone')) return null;
  return 'canvas';
}


/** Fits the view when another design is shown (opened, restored, undone back to), not on edits. */
function useFitOnDesignChange() {
  const flow = useReactFlow<FlowNode, FlowEdge>();
  const store = useDiagramStoreApi();
  const designId = useDiagramStore((s) => s.designId);
  const nodes = useDiagramStore((s) => s.diagram.nodes);
  const shown = useRef({ designId, nodes });
  useEffect(() => {
    const prev = shown.current;
    shown.current = { designId, nodes };
    // A design kept as a copy has the same nodes: the view stays where it is.
    if (prev.designId !== designId && prev.nodes !== nodes && nodes.length) {
      if (isLarge({ nodes, edges: store.getState().diagram.edges })) void flow.setViewport(firstComponentView(nodes));
      else void flow.fitView(FIT_VIEW);
    }
  }, [designId, nodes, flow, store]);
}

/**
 * The React Flow adapter. The store owns the diagram; React Flow's changes go through the store.
 * Drag and resize frames stay in local state and reach the store once, when the gesture ends:
 * less work per frame, and a whole drag is one undo step.
 */
export function Canvas() {
  const store = useDiagramStoreApi();
  const flowStore = useFlowStoreApi<FlowNode, FlowEdge>();
  const dNodes = useDiagramStore((s) => s.diagram.nodes);
  // Edges, selection and finding badges reach the canvas as deferred values: after an edit, the panels
  // (stage strip, findings, inspector) commit first and React Flow's pass over every node follows,
  // interruptible. Nodes stay urgent, so a drop or a drag end never shows a node at its old place.
  const dEdges = useDeferredValue(useDiagramStore((s) => s.diagram.edges));
  const selection = useDeferredValue(useDiagramStore((s) => s.selection));
  const snapToGrid = useDiagramStore((s) => s.prefs.snapToGrid);
  const theme = useDiagramStore((s) => s.prefs.theme);
  const detail = useFlowStore(detailOf);
  const far = detail !== 'full';
  useFitOnDesignChange();

  // Fit once to a diagram that is there at start (restored, shared, bench); never when the user adds the first node.
  const [initialFit] = useState(() => store.getState().diagram.nodes.length > 0 && !isLarge(store.getState().diagram));
  // Start near the fitted zoom, so a large diagram's first render is already the zoomed-out one
  // (rendering it at 100 % first and again zoomed out doubled the start-up work); fitView then refines.
  const [initialViewport] = useState(() => estimateFit(store.getState().diagram));
  // A large design: React Flow gets only the components within a view's width or height of the view
  // (and their zones), and the connections between them that have an end in view, recomputed when the
  // view has moved by half its size or zoomed by a fifth.
  const large = isLarge({ nodes: dNodes, edges: dEdges });
  const bucket = useFlowStore(large ? viewBucket : noBucket);
  const boxes = useMemo(() => {
    if (!large) return null;
    const at = absolutePositions(dNodes);
    return new Map(dNodes.map((n) => [n.id, { ...at.get(n.id)!, ...nodeSize(n) }]));
  }, [large, dNodes]);
  const near = useMemo(() => {
    if (!boxes) return null;
    const { transform, width, height } = flowStore.getState();
    const [x, y, z] = transform;
    const w = Math.max(width, typeof window === 'undefined' ? 800 : window.innerWidth - 568, 200) / z;
    const h = Math.max(height, typeof window === 'undefined' ? 600 : window.innerHeight - 48, 200) / z;
    const left = -x / z - w;
    const top = -y / z - h;
    const ids = new Set<string>();
    // Those in the view itself (a quarter of it around): a connection is drawn when one of its ends is.
    const inView = new Set<string>();
    for (const n of dNodes) {
      const b = boxes.get(n.id)!;
      if (b.x < left + 3 * w && b.x + b.width > left && b.y < top + 3 * h && b.y + b.height > top) {
        ids.add(n.id);
        if (b.x < left + 2.25 * w && b.x + b.width > left + 0.75 * w && b.y < top + 2.25 * h && b.y + b.height > top + 0.75 * h) inView.add(n.id);
      }
    }
    if (selection.nodes.length <= SELECTED_OFF_VIEW) for (const id of selection.nodes) if (boxes.has(id)) ids.add(id), inView.add(id);
    // Every zone a shown component sits in (React Flow needs a node's parent).
    const byId = new Map(dNodes.map((n) => [n.id, n]));
    for (const id of [...ids]) {
      for (let p = byId.get(id)?.parent; p !== undefined && !ids.has(p) && byId.has(p); p = byId.get(p)?.parent) ids.add(p);
    }
    return { ids, inView };
    // bucket: the view moved (read from flowStore above)
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [boxes, bucket, dNodes, selection.nodes, flowStore]);
  const shownNodes = useMemo(() => (near ? dNodes.filter((n) => near.ids.has(n.id)) : dNodes), [near, dNodes]);
  const shownEdges = useMemo(
    () => (near ? dEdges.filter((e) => near.ids.has(e.source) && near.ids.has(e.target) && (near.inView.has(e.source) || near.inView.has(e.target))) : dEdges),
    [near, dEdges],
  );
  const [drag, setDrag] = useState<ReadonlyMap<string, XY>>(EMPTY);
  const [guides, setGuides] = useState<Guide[]>(NO_GUIDES);
  // The snapped place of each dragged node: where it lands when the drag ends (React Flow reports its own, unsnapped).
  const snapped = useRef(new Map<string, XY>());
  const snapCache = useRef<{ key: string; others: Box[]; origin: XY; size: { width: number; height: number } } | null>(null);
  const [menu, setMenu] = useState<{ client: XY; flow: XY; from: string; outgoing: boolean } | null>(null);
  const add = useAddComponent();
  const flow = useReactFlow<FlowNode, FlowEdge>();
  const [resize, setResize] = useState<ReadonlyMap<string, Box>>(EMPTY);
  const dragRef = useRef(drag);
  dragRef.current = drag;
  // In a room: one's own drag frames go to the peers, theirs are shown (one's own win on a node both drag).
  const remoteDrags = useRemoteDrags();
  useEffect(() => reportLocalDrag(drag), [drag]);
  const shownDrag = useMemo(() => {
    if (!remoteDrags.size) return drag;
    const m = new Map(remoteDrags);
    for (const [id, p] of drag) m.set(id, p);
    return m;
  }, [drag, remoteDrags]);
  const readOnly = useDiagramStore((s) => s.room?.role === 'observer');
  const findOpen = useDiagramStore((s) => s.findOpen);
  const readOnlyRef = useRef(readOnly);
  readOnlyRef.current = readOnly;
  const inRoom = useDiagramStore((s) => s.room !== null);
  const resizing = useRef(new Set<string>());
  const resizeRef = useRef<ReadonlyMap<string, Box>>(EMPTY);
  const measured = useRef(new Map<string, Measured>());
  const [measureVersion, bumpMeasure] = useReducer((x: number) => x + 1, 0);
  const nodeCache = useRef(new Map());
  const edgeCache = useRef(new Map());

  const selectedNodes = useMemo(() => new Set(selection.nodes), [selection.nodes]);
  const selectedEdges = useMemo(() => new Set(selection.edges), [selection.edges]);

  // One subscription to the checker for the whole canvas: badges travel in the nodes' data, and the
  // per-node counts keep their identity while a node's findings stay the same.
  // A design that is just starting has to-dos, not errors: its cards carry no badge for them.
  const allChecks = useDeferredValue(useChecks());
  const checks = useMemo(() => {
    if (!allChecks.toDo?.length) return allChecks;
    const toDo = new Set(allChecks.toDo);
    return { ...allChecks, findings: allChecks.findings.filter((f) => !toDo.has(findingKey(f))) };
  }, [allChecks]);
  const badgeRef = useRef<ReadonlyMap<string, BadgeCounts>>(EMPTY);
  const badges = useMemo(() => (badgeRef.current = stableBadges(badgeRef.current, nodeFindingIndex(checks).counts)), [checks]);
  // The sizing line of each sized component ("15.4 TB RAM"), recomputed when the diagram's nodes change
  // (not on drag frames: positions stay in React Flow until the drag ends).
  // The sizing code loads after the first paint (it is not needed to draw the design).
  const [linesOf, setLinesOf] = useState<typeof SizingLinesFn | null>(null);
  useEffect(() => {
    let live = true;
    import('./sizingLines').then((m) => live && setLinesOf(() => m.nodeSizingLines), () => {});
    return () => {
      live = false;
    };
  }, []);
  const sizingLines = useMemo(() => (linesOf ? linesOf(dNodes) : NO_LINES), [linesOf, dNodes]);
  const nodes = useMemo(
    () =>
      toFlowNodes(
        shownNodes,
        selectedNodes,
        { drag: shownDrag, resize, measured: measured.current, dragStyle: drag.size ? dragStyleFor(flowStore.getState().transform[2]) : undefined },
        nodeCache.current,
        badges,
        sizingLines,
      ),
    // measureVersion: the measured map is mutated in place
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [shownNodes, selectedNodes, shownDrag, drag, resize, measureVersion, badges, sizingLines, flowStore],
  );
  // Edges drawn around the components their curve would cross (never searched per drag frame).
  const routes = useEdgeRouting(dNodes, dEdges, measured.current, measureVersion, !large);
  const editingEdge = useDiagramStore((s) => s.editingEdgeId);
  const edges = useMemo(
    () => toFlowEdges(shownEdges, selectedEdges, edgeCache.current, editingEdge),
    [shownEdges, selectedEdges, editingEdge],
  );

  /** Where dragged nodes land: committed with their new zone when dropped inside or outside one. */
  const commitMoves = useCallback(
    (moved: Map<string, XY>) => {
      const all = store.getState().diagram.nodes;
      const byId = new Map(all.map((n) => [n.id, n]));
      // One linear pass each, not one walk up the zones per moved node.
      const at = absolutePositions(all);
      const children = childrenOf(all);
      const moves: NodeMove[] = [];
      for (const [id, rel] of moved) {
        const n = byId.get(id);
        if (!n) continue;
        const parent = n.parent ? byId.get(n.parent) : undefined;
        const origin = parent ? at.get(parent.id)! : { x: 0, y: 0 };
        const abs = { x: origin.x + rel.x, y: origin.y + rel.y };
        const size = nodeSize(n);
        const centre = { x: abs.x + size.width / 2, y: abs.y + size.height / 2 };
        // A zone being moved along with its parent is not re-parented; anything else follows the zone under it.
        if (parent && moved.has(parent.id)) {
          moves.push({ id, position: rel });
          continue;
        }
        const target = zoneAt(all, centre, withDescendants(all, id, children), at);
        if ((target?.id ?? undefined) === n.parent) {
          moves.push({ id, position: rel });
        } else if (target) {
          const o = at.get(target.id)!;
          moves.push({ id, position: { x: abs.x - o.x, y: abs.y - o.y }, parent: target.id });
        } else {
          moves.push({ id, position: abs, parent: null });
        }
      }
      store.getState().moveNodes(moves);
    },
    [store],
  );

  /**
   * The snap of a drag frame: the first dragged component's box (absolute) lined up with a neighbour's edge or
   * centre within SNAP_PX on screen; the whole dragged selection moves by the same amount. None without a drag,
   * with the grid on (the grid snaps instead), or in a large design (the neighbours are not all drawn).
   */
  const snapFor = useCallback(
    (changes: NodeChange<FlowNode>[]): { dx: number; dy: number; guides: Guide[] } | null => {
      const first = changes.find((c) => c.type === 'position' && c.dragging && c.position);
      if (!first || first.type !== 'position' || !first.position || resizing.current.size) return null;
      const { diagram, prefs } = store.getState();
      if (prefs.snapToGrid || isLarge(diagram)) return null;
      if (!snapBox) return loadSnapping(), null;
      // The neighbours' boxes are gathered once per drag (not per frame): nothing else moves meanwhile.
      const key = first.id;
      let c = snapCache.current;
      if (!c || c.key !== key) {
        const dragged = new Set(changes.filter((x) => x.type === 'position' && x.dragging).map((x) => (x as { id: string }).id));
        if (store.getState().selection.nodes.includes(first.id)) for (const id of store.getState().selection.nodes) dragged.add(id);
        const all = diagram.nodes;
        const byId = new Map(all.map((n) => [n.id, n]));
        const me = byId.get(first.id);
        if (!me) return null;
        const at = absolutePositions(all);
        // Neighbours: every other component, note or zone, but not what moves along nor the zones it sits in.
        const moving = new Set<string>();
        const children = childrenOf(all);
        for (const id of dragged) for (const d of withDescendants(all, id, children)) moving.add(d);
        const ancestors = new Set<string>();
        for (let p = me.parent; p !== undefined && !ancestors.has(p); p = byId.get(p)?.parent) ancestors.add(p);
        const others: Box[] = [];
        for (const n of all) {
          if (moving.has(n.id) || ancestors.has(n.id)) continue;
          const p = at.get(n.id)!;
          const m = n.kind === 'group' ? nodeSize(n) : (measured.current.get(n.id) ?? nodeSize(n));
          others.push({ x: p.x, y: p.y, width: m.width, height: m.height });
        }
        const origin = me.parent ? (at.get(me.parent) ?? { x: 0, y: 0 }) : { x: 0, y: 0 };
        const size = me.kind === 'group' ? nodeSize(me) : (measured.current.get(me.id) ?? nodeSize(me));
        c = snapCache.current = { key, others, origin, size };
      }
      const box = { x: c.origin.x + first.position.x, y: c.origin.y + first.position.y, width: c.size.width, height: c.size.height };
      const others = c.others;
      const zoom = flowStore.getState().transform[2];
      return snapBox(box, others, SNAP_PX / zoom, 900);
    },
    [store, flowStore],
  );

  const onNodesChange = useCallback(
    (changes: NodeChange<FlowNode>[]) => {
      let dragNext: Map<string, XY> | null = null;
      let resizeNext: Map<string, Box> | null = null;
      const ended = new Map<string, XY>();
      let select: Set<string> | null = null;
      let measuredChanged = false;
      const snap = snapFor(changes);
      for (const c of changes) {
        if (c.type === 'position') {
          if (resizing.current.size) {
            // Children follow a zone resized from its top or left edge; the store moves them at the end.
            if (resizing.current.has(c.id) && c.position) {
              resizeNext ??= new Map(resizeRef.current);
              const prev = resizeNext.get(c.id);
              if (prev) resizeNext.set(c.id, { ...prev, x: c.position.x, y: c.position.y });
            }
            continue;
          }
          if (c.dragging) {
            dragNext ??= new Map(dragRef.current);
            if (c.position) {
              const p = snap ? { x: c.position.x + snap.dx, y: c.position.y + snap.dy } : c.position;
              dragNext.set(c.id, p);
              snapped.current.set(c.id, p);
            }
          } else {
            const pos = snapped.current.get(c.id) ?? c.position ?? dragRef.current.get(c.id);
            snapped.current.delete(c.id);
            if (pos) ended.set(c.id, pos);
            dragNext ??= new Map(dragRef.current);
            dragNext.delete(c.id);
          }
        } else if (c.type === 'dimensions' && c.dimensions) {
          if (c.resizing !== undefined || c.setAttributes) {
            const n = store.getState().diagram.nodes.find((x) => x.id === c.id);
            if (n && n.kind === 'group') {
              if (c.resizing) resizing.current.add(c.id);
              else resizing.current.delete(c.id);
              resizeNext ??= new Map(resizeRef.current);
              if (c.resizing) {
                const prev = resizeNext.get(c.id) ?? { x: n.position.x, y: n.position.y, width: 0, height: 0 };
                resizeNext.set(c.id, { ...prev, ...c.dimensions });
              } else resizeNext.delete(c.id);
            }
          }
          const m = measured.current.get(c.id);
          if (!m || m.width !== c.dimensions.width || m.height !== c.dimensions.height) {
            measured.current.set(c.id, { width: c.dimensions.width, height: c.dimensions.height });
            measuredChanged = true;
          }
        } else if (c.type === 'select') {
          select ??= new Set(store.getState().selection.nodes);
          if (c.selected) select.add(c.id);
          else select.delete(c.id);
        }
      }
      if (ended.size) commitMoves(ended);
      if (dragNext) setDrag(dragNext.size ? dragNext : EMPTY);
      if (snap) setGuides(snap.guides.length ? snap.guides : NO_GUIDES);
      else if (ended.size || (dragNext && !dragNext.size)) setGuides(NO_GUIDES);
      if (ended.size) snapCache.current = null;
      if (resizeNext) {
        resizeRef.current = resizeNext;
        setResize(resizeNext.size ? resizeNext : EMPTY);
      }
      if (measuredChanged) bumpMeasure();
      if (select) {
        const sel = store.getState().selection;
        store.getState().setSelection({ nodes: [...select], edges: sel.edges });
      }
    },
    [store, commitMoves, snapFor],
  );
  const onEdgesChange = useCallback(
    (changes: EdgeChange<FlowEdge>[]) => {
      let select: Set<string> | null = null;
      for (const c of changes) {
        if (c.type === 'select') {
          select ??= new Set(store.getState().selection.edges);
          if (c.selected) select.add(c.id);
          else select.delete(c.id);
        }
      }
      if (select) store.getState().setSelection({ nodes: store.getState().selection.nodes, edges: [...select] });
    },
    [store],
  );

  const onConnect = useCallback(
    (c: Connection) => {
      const r = store.getState().connect(c.source, c.target);
      if (!r.ok) store.getState().notify('error', r.error);
    },
    [store],
  );

  /**
   * A connection dropped anywhere but on a handle: on a component's body it connects to that component (in the
   * direction the drag meant: from an out-handle it goes out, from an in-handle it comes in); on empty canvas a
   * small menu of kinds opens there, and the chosen component is created where the connection ended, connected.
   */
  const onConnectEnd = useCallback(
    (event: MouseEvent | TouchEvent, state: FinalConnectionState) => {
      if (state.isValid || !state.fromNode || readOnlyRef.current) return;
      const point = 'changedTouches' in event ? event.changedTouches[0] : event;
      if (!point) return;
      const from = state.fromNode.id;
      const outgoing = state.fromHandle?.type !== 'target';
      const target = dropTarget(point.clientX, point.clientY);
      if (!target) return;
      if (target === 'canvas') {
        setMenu({ client: { x: point.clientX, y: point.clientY }, flow: flow.screenToFlowPosition({ x: point.clientX, y: point.clientY }), from, outgoing });
        return;
      }
      if (target.node === from || !target.node) return;
      const r = outgoing ? store.getState().connect(from, target.node) : store.getState().connect(target.node, from);
      if (!r.ok) store.getState().notify('error', r.error);
    },
    [store, flow],
  );
  const closeMenu = useCallback(() => setMenu(null), []);
  const pickKind = useCallback(
    (kind: KindId) => {
      if (!menu) return;
      setMenu(null);
      add.connectedAt(kind, menu.flow, menu.from, menu.outgoing);
    },
    [menu, add],
  );
  const menuFrom = menu ? store.getState().diagram.nodes.find((n) => n.id === menu.from) : undefined;

  // Every callback and object handed to React Flow keeps its identity across renders: the canvas
  // re-renders on every drag frame, and a new callback would re-render all edges each frame.
  const onEdgeDoubleClick = useCallback((_: unknown, edge: FlowEdge) => store.getState().setEditingEdge(edge.id), [store]);

  const onReconnect = useCallback(
    (old: FlowEdge, c: Connection) => {
      const r = store.getState().reconnectEdge(old.id, c.source, c.target);
      if (!r.ok) store.getState().notify('error', r.error);
    },
    [store],
  );

  const isValidConnection = useCallback(
    (c: Connection | FlowEdge) => {
      if (c.source === c.target) return false;
      const { nodes: all, edges: es } = store.getState().diagram;
      const s = all.find((n) => n.id === c.source);
      const t = all.find((n) => n.id === c.target);
      if (!s || !t) return false;
      // While an edge end is dragged, compare with that edge's own kind and ignore the edge itself.
      const moving = 'id' in c ? es.find((e) => e.id === c.id) : undefined;
      const kind = moving?.kind ?? proposeEdgeKind(s, t, isCalled({ edges: es }, s.id));
      return !es.some((e) => e.id !== moving?.id && e.source === c.source && e.target === c.target && e.kind === kind);
    },
    [store],
  );

  // Clicking a component or connection is the one gesture that asks to inspect it: it brings the
  // Inspector tab forward. Selections made otherwise (a finding, a drop, a new edge, undo) keep the tab.
  const inspect = useCallback(() => store.getState().showSidePanel('inspector'), [store]);

  return (
    <div className="canvas" aria-label="Diagram canvas">
      <DetailContext.Provider value={detail}>
      <EdgeRoutesContext.Provider value={routes}>
      <ReactFlow<FlowNode, FlowEdge>
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        edgeTypes={edgeTypes}
        onNodesChange={onNodesChange}
        onEdgesChange={onEdgesChange}
        onConnect={onConnect}
        onConnectStart={preloadKindMenu}
        onConnectEnd={onConnectEnd}
        connectionMode={ConnectionMode.Loose}
        connectionRadius={CONNECTION_RADIUS}
        onNodeClick={inspect}
        onEdgeClick={inspect}
        isValidConnection={isValidConnection}
        onReconnect={onReconnect}
        onEdgeDoubleClick={onEdgeDoubleClick}
        edgesReconnectable={!far && !readOnly}
        nodesDraggable={!readOnly}
        nodesConnectable={!readOnly}
        autoPanOnNodeDrag={false}
        snapToGrid={snapToGrid}
        snapGrid={SNAP_GRID}
        colorMode={theme}
        deleteKeyCode={null}
        multiSelectionKeyCode={MULTI_SELECT_KEYS}
        zoomOnDoubleClick={false}
        fitView={initialFit}
        defaultViewport={initialViewport}
        fitViewOptions={FIT_VIEW}
        minZoom={0.05}
        maxZoom={2.5}
        proOptions={PRO_OPTIONS}
      >
        <CanvasChrome dragging={drag.size > 0} grid={detail !== 'tiny'} />
        {guides.length > 0 && <SnapGuides guides={guides} />}
        {inRoom && <RoomCanvasSlot />}
      </ReactFlow>
      </EdgeRoutesContext.Provider>
      </DetailContext.Provider>
      <StartPanelSlot />
      {findOpen && (
        <Suspense fallback={null}>
          <FindBox />
        </Suspense>
      )}
      {menu && menuFrom && (
        <Suspense fallback={null}>
          <KindMenu at={menu.client} fromLabel={nodeLabel(menuFrom)} outgoing={menu.outgoing} onPick={pickKind} onClose={closeMenu} />
        </Suspense>
      )}
    </div>
  );
}
