import { BaseEdge, EdgeLabelRenderer, type EdgeProps } from '@xyflow/react';
import { memo, useContext } from 'react';
import { useDiagramStoreApi } from '../store/useDiagramStore';
import { useEdgePath } from './edgeRoutesContext';
import { EDGE_STYLES } from './edgeStyles';
import type { FlowEdge } from './flowTypes';
import { InlineText } from './InlineText';
import { shown } from './nodeSummary';
import { DetailContext } from './zoomLevel';

/** A directed edge drawn in the style of its kind, with an arrowhead and a label (double-click to edit): a curve, or a detour around the components the curve would cross. */
export const FlowEdgeView = memo(function FlowEdgeView(props: EdgeProps<FlowEdge>) {
  const { id, data, selected, markerEnd } = props;
  const store = useDiagramStoreApi();
  const editing = data?.editing === true;
  // Zoomed far out an edge is too thin to aim at: skip its wide invisible hit path (half the edge DOM).
  const far = useContext(DetailContext) !== 'full';
  const [path, lx, ly] = useEdgePath(id, props);
  const kind = data?.kind ?? 'data';
  const style = EDGE_STYLES[kind];
  const showLabel = editing || !!data?.label;
  return (
    <>
      <BaseEdge
        id={id}
        path={path}
        markerEnd={markerEnd}
        className={`edge-${kind}`}
        interactionWidth={far ? 0 : 18}
        style={{
          stroke: selected ? 'var(--accent)' : style.color,
          strokeWidth: style.width + (selected ? 0.8 : 0),
          strokeDasharray: style.dash,
          strokeLinecap: kind === 'feedback' ? 'round' : undefined,
        }}
      />
      {showLabel && (
        <EdgeLabelRenderer>
          <div
            className={`edge-label nodrag nopan${selected ? ' edge-label-selected' : ''}`}
            style={{ transform: `translate(-50%, -50%) translate(${lx}px, ${ly}px)` }}
            onDoubleClick={() => store.getState().setEditingEdge(id)}
          >
            {editing ? (
              <InlineText
                value={data?.label ?? ''}
                ariaLabel="Connection label"
                onCommit={(v) => store.getState().updateEdge(id, { label: v })}
                onDone={() => store.getState().setEditingEdge(null)}
              />
            ) : (
              shown(data?.label ?? '')
            )}
          </div>
        </EdgeLabelRenderer>
      )}
    </>
  );
});
