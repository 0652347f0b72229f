import { BaseEdge, EdgeLabelRenderer, type EdgeProps } from '@xyflow/react';
import { memo } from 'react';
import { useEdgePath } from './edgeRoutesContext';
import { EDGE_STYLES } from './edgeStyles';
import type { ReferenceFlowEdge } from './referenceTypes';

/** A connection of the reference answer, read-only: drawn in its kind's style, with its label, around components as on the canvas. */
export const ReferenceEdge = memo(function ReferenceEdge(props: EdgeProps<ReferenceFlowEdge>) {
  const { id, data, markerEnd } = props;
  const [path, lx, ly] = useEdgePath(id, props);
  const kind = data?.kind ?? 'data';
  const style = EDGE_STYLES[kind];
  return (
    <>
      <BaseEdge
        id={id}
        path={path}
        markerEnd={markerEnd}
        className={`edge-${kind}${data?.highlight ? ' is-highlighted' : ''}`}
        interactionWidth={0}
        style={{ stroke: data?.highlight ? 'var(--accent)' : style.color, strokeWidth: style.width + (data?.highlight ? 1 : 0), strokeDasharray: style.dash }}
      />
      {data?.label && (
        <EdgeLabelRenderer>
          <div className="edge-label ref-edge-label" style={{ transform: `translate(-50%, -50%) translate(${lx}px, ${ly}px)` }}>
            {data.label}
          </div>
        </EdgeLabelRenderer>
      )}
    </>
  );
});
