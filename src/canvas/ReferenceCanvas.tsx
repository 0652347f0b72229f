import {
  Background,
  BackgroundVariant,
  Controls,
  MarkerType,
  ReactFlow,
  ReactFlowProvider,
  useReactFlow,
  useStore as useFlowStore,
  useStoreApi as useFlowStoreApi,
  type NodeMouseHandler,
  type Viewport,
} from '@xyflow/react';
import { useCallback, useEffect, useMemo, useRef } from 'react';
import type { ComponentMatch } from '../domain/compareMatch';
import { nodeLabel, type Diagram } from '../domain/diagram';
import * as edgePath from '../domain/edgePath';
import { routeBoxes, routeEdges } from '../domain/edgeRoutes';
import { EdgeRoutesContext } from './edgeRoutesContext';
import { EDGE_STYLES } from './edgeStyles';
import { ReferenceEdge } from './ReferenceEdge';
import { ReferenceNode } from './ReferenceNode';
import { ReferenceNoteNode } from './ReferenceNoteNode';
import { ReferenceActions, type ReferenceFlowEdge, type ReferenceFlowNode } from './referenceTypes';
import { ReferenceZoneNode } from './ReferenceZoneNode';
import { DetailContext, detailAt } from './zoomLevel';

const nodeTypes = { component: ReferenceNode, zone: ReferenceZoneNode, note: ReferenceNoteNode };
const edgeTypes = { flow: ReferenceEdge };
const PRO_OPTIONS = { hideAttribution: true };
const FIT = { padding: 0.12, maxZoom: 1 };
const detailOf = (s: { transform: [number, number, number] }) => detailAt(s.transform[2]);

export interface ReferenceCanvasProps {
  reference: Diagram;
  match: ComponentMatch;
  /** Reference node ids the hover highlights. */
  highlighted: ReadonlySet<string>;
  colorMode: 'light' | 'dark' | 'system';
  onHover(id: string | null): void;
  onAdd(id: string): void;
  /** The zoom to follow (linked zoom), or null. */
  zoom: number | null;
  /** Called when the user zooms this canvas. */
  onZoom(zoom: number): void;
  /** Fits the view again whenever this changes (the pane was resized by a new layout). */
  fitKey: string;
}

/** The reference answer as a second, read-only canvas (its own React Flow instance): pan and zoom, hover to see what matches. */
export function ReferenceCanvas(props: ReferenceCanvasProps) {
  return (
    <ReactFlowProvider>
      <ReferenceFlow {...props} />
    </ReactFlowProvider>
  );
}

function ReferenceFlow({ reference, match, highlighted, colorMode, onHover, onAdd, zoom, onZoom, fitKey }: ReferenceCanvasProps) {
  const flow = useReactFlow<ReferenceFlowNode, ReferenceFlowEdge>();
  const detail = useFlowStore(detailOf);
  const flowStore = useFlowStoreApi<ReferenceFlowNode, ReferenceFlowEdge>();
  // A node whose status and highlight stay the same keeps its object; one that changes keeps its measured
  // size (a node React Flow has not measured is hidden until it is, and the pointer would fall through).
  const cache = useRef(new Map<string, ReferenceFlowNode>());
  const nodes = useMemo(
    () =>
      reference.nodes.map((n): ReferenceFlowNode => {
        const type = n.kind === 'group' ? 'zone' : n.kind === 'note' ? 'note' : 'component';
        const status = match.reference.get(n.id)?.status ?? 'unscored';
        const highlight = highlighted.has(n.id);
        const hit = cache.current.get(n.id);
        if (hit && hit.data.props === n.props && hit.data.status === status && hit.data.highlight === highlight) return hit;
        const measured = flowStore.getState().nodeLookup.get(n.id)?.measured;
        const made: ReferenceFlowNode = {
          id: n.id,
          type,
          position: n.position,
          ...(n.parent ? { parentId: n.parent } : {}),
          data: { kind: n.kind, props: n.props, ...(n.label !== undefined ? { label: n.label } : {}), status, highlight },
          draggable: false,
          selectable: false,
          connectable: false,
          ...(type === 'component' ? { ariaLabel: nodeLabel(n) } : {}),
          ...(type === 'zone' ? { width: n.props.width as number, height: n.props.height as number, zIndex: -1 } : {}),
          ...(measured?.width && measured.height ? { measured: { width: measured.width, height: measured.height } } : {}),
        };
        cache.current.set(n.id, made);
        return made;
      }),
    [reference, match, highlighted, flowStore],
  );
  const edges = useMemo(
    () =>
      reference.edges.map((e): ReferenceFlowEdge => {
        const lit = highlighted.has(e.source) && highlighted.has(e.target);
        return {
          id: e.id,
          source: e.source,
          target: e.target,
          type: 'flow',
          selectable: false,
          focusable: false,
          data: { kind: e.kind, ...(e.label ? { label: e.label } : {}), highlight: lit },
          markerEnd: { type: MarkerType.ArrowClosed, color: lit ? 'var(--accent)' : EDGE_STYLES[e.kind].color, width: 16, height: 16 },
        };
      }),
    [reference, highlighted],
  );

  // Linked zoom: follow the other canvas's zoom, around this view's centre.
  useEffect(() => {
    if (zoom === null) return;
    if (Math.abs(flow.getZoom() - zoom) > 0.001) void flow.zoomTo(zoom);
  }, [zoom, flow]);
  const onMove = useCallback((e: MouseEvent | TouchEvent | null, vp: Viewport) => {
    if (e) onZoom(vp.zoom);
  }, [onZoom]);

  // A new reference (another case study), or a pane resized by a new layout, is fitted again.
  const shown = useRef({ reference, fitKey });
  useEffect(() => {
    const prev = shown.current;
    shown.current = { reference, fitKey };
    if (prev.reference === reference && prev.fitKey === fitKey) return;
    let f2 = 0;
    const f1 = requestAnimationFrame(() => (f2 = requestAnimationFrame(() => void flow.fitView(FIT))));
    return () => {
      cancelAnimationFrame(f1);
      cancelAnimationFrame(f2);
    };
  }, [reference, fitKey, flow]);

  // Components only: a zone lies under its contents, and its enter would take over their hover.
  const enter = useCallback<NodeMouseHandler<ReferenceFlowNode>>((_, n) => n.type === 'component' && onHover(n.id), [onHover]);
  const leave = useCallback<NodeMouseHandler<ReferenceFlowNode>>((_, n) => n.type === 'component' && onHover(null), [onHover]);
  const actions = useMemo(() => ({ add: onAdd }), [onAdd]);
  // The reference's edges go around its components as the canvas's do (nominal sizes: it is read-only).
  const routing = useMemo(() => ({ routes: routeEdges(routeBoxes(reference.nodes), reference.edges), draw: edgePath }), [reference]);

  return (
    <ReferenceActions.Provider value={actions}>
      <DetailContext.Provider value={detail}>
        <EdgeRoutesContext.Provider value={routing}>
        <ReactFlow<ReferenceFlowNode, ReferenceFlowEdge>
          nodes={nodes}
          edges={edges}
          nodeTypes={nodeTypes}
          edgeTypes={edgeTypes}
          nodesDraggable={false}
          nodesConnectable={false}
          elementsSelectable={false}
          nodesFocusable={false}
          edgesFocusable={false}
          zoomOnDoubleClick={false}
          deleteKeyCode={null}
          selectionKeyCode={null}
          multiSelectionKeyCode={null}
          onNodeMouseEnter={enter}
          onNodeMouseLeave={leave}
          onMove={onMove}
          colorMode={colorMode}
          fitView
          fitViewOptions={FIT}
          minZoom={0.05}
          maxZoom={2.5}
          proOptions={PRO_OPTIONS}
        >
          {detail !== 'tiny' && <Background variant={BackgroundVariant.Dots} gap={20} size={1.3} color="var(--grid-dot)" />}
          <Controls position="bottom-left" showInteractive={false} />
        </ReactFlow>
        </EdgeRoutesContext.Provider>
      </DetailContext.Provider>
    </ReferenceActions.Provider>
  );
}
