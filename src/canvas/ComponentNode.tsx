import { Handle, Position, type NodeProps } from '@xyflow/react';
import { memo, useContext, useState, type CSSProperties } from 'react';
import { kindInfo } from '../domain/catalogue';
import { nodeStage } from '../domain/diagram';
import { stageById } from '../domain/stages';
import { useDiagramStoreApi } from '../store/useDiagramStore';
import { iconFor } from '../ui/icons';
import type { ComponentFlowNode } from './flowTypes';
import { InlineText } from './InlineText';
import { nodeSubtitle } from './nodeSummary';
import { FarContext } from './zoomLevel';

/** A component on the canvas: stage band, icon, label (double-click to rename), tool, in/out handles. */
export const ComponentNode = memo(function ComponentNode({ id, data }: NodeProps<ComponentFlowNode>) {
  const store = useDiagramStoreApi();
  const [editing, setEditing] = useState(false);
  const far = useContext(FarContext);
  const info = kindInfo(data.kind);
  const stage = nodeStage({ id, kind: data.kind, props: data.props, position: { x: 0, y: 0 } });
  const color = stage ? stageById(stage).color : '#94a3b8';
  if (far && !editing) {
    return (
      <div className="node node-far" data-kind={data.kind} data-stage={stage ?? 'none'} style={{ '--band': color } as CSSProperties}>
        <Handle type="target" position={Position.Left} className="handle handle-in" />
        <span className="node-band" aria-hidden />
        <div className="node-label">{data.label ?? info.label}</div>
        <Handle type="source" position={Position.Right} className="handle handle-out" />
      </div>
    );
  }
  const Icon = iconFor(info.icon);
  const label = data.label ?? info.label;
  const sub = nodeSubtitle(data);
  const latency = typeof data.props.latencyMs === 'number' ? data.props.latencyMs : undefined;
  return (
    <div
      className="node"
      data-kind={data.kind}
      data-stage={stage ?? 'none'}
      style={{ '--band': color } as CSSProperties}
    >
      <Handle type="target" position={Position.Left} className="handle handle-in" />
      <span className="node-band" aria-hidden />
      <Icon className="node-icon" size={18} strokeWidth={1.9} aria-hidden />
      <div className="node-text">
        {editing ? (
          <InlineText
            value={label}
            ariaLabel="Component name"
            onCommit={(v) => store.getState().updateNode(id, { label: v })}
            onDone={() => setEditing(false)}
          />
        ) : (
          <div className="node-label" onDoubleClick={() => setEditing(true)}>
            {label}
          </div>
        )}
        {sub && <div className="node-sub">{sub}</div>}
      </div>
      {latency !== undefined && <span className="node-latency">{latency} ms</span>}
      <Handle type="source" position={Position.Right} className="handle handle-out" />
    </div>
  );
});
