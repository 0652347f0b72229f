import { BaseEdge, EdgeLabelRenderer, getBezierPath, type EdgeProps } from '@xyflow/react';
import { memo } from 'react';
import { EDGE_STYLES } from './edgeStyles';
import type { FlowEdge } from './flowTypes';

/** A directed edge drawn in the style of its kind, with an arrowhead and an optional label. */
export const FlowEdgeView = memo(function FlowEdgeView(props: EdgeProps<FlowEdge>) {
  const { id, sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, data, selected, markerEnd } = props;
  const [path, lx, ly] = getBezierPath({ sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition });
  const kind = data?.kind ?? 'data';
  const style = EDGE_STYLES[kind];
  return (
    <>
      <BaseEdge
        id={id}
        path={path}
        markerEnd={markerEnd}
        className={`edge-${kind}`}
        interactionWidth={18}
        style={{
          stroke: selected ? '#2563eb' : style.color,
          strokeWidth: style.width + (selected ? 0.8 : 0),
          strokeDasharray: style.dash,
          strokeLinecap: kind === 'feedback' ? 'round' : undefined,
        }}
      />
      {data?.label && (
        <EdgeLabelRenderer>
          <div
            className={`edge-label${selected ? ' edge-label-selected' : ''}`}
            style={{ transform: `translate(-50%, -50%) translate(${lx}px, ${ly}px)` }}
          >
            {data.label}
          </div>
        </EdgeLabelRenderer>
      )}
    </>
  );
});
