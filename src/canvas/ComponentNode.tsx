import { Handle, Position, type NodeProps } from '@xyflow/react';
import { memo, useState, type CSSProperties } from 'react';
import { kindInfo } from '../domain/catalogue';
import { nodeStage } from '../domain/diagram';
import { stageById } from '../domain/stages';
import { checksOf, findingsOfNode } from '../store/findings';
import { useNodeFindingCount } from '../store/useFindings';
import { useDiagramStoreApi } from '../store/useDiagramStore';
import { countsLabel } from '../ui/severity';
import { iconFor } from '../ui/icons';
import type { ComponentFlowNode } from './flowTypes';
import { InlineText } from './InlineText';
import { nodeSubtitle } from './nodeSummary';

/** A component on the canvas: stage band, icon, label (double-click to rename), tool, in/out handles. */
export const ComponentNode = memo(function ComponentNode({ id, data }: NodeProps<ComponentFlowNode>) {
  const store = useDiagramStoreApi();
  const [editing, setEditing] = useState(false);
  const info = kindInfo(data.kind);
  const stage = nodeStage({ id, kind: data.kind, props: data.props, position: { x: 0, y: 0 } });
  const color = stage ? stageById(stage).color : '#94a3b8';
  const Icon = iconFor(info.icon);
  const label = data.label ?? info.label;
  const sub = nodeSubtitle(data);
  const latency = typeof data.props.latencyMs === 'number' ? data.props.latencyMs : undefined;
  const errors = useNodeFindingCount(id, 'error');
  const warnings = useNodeFindingCount(id, 'warning');
  const infos = useNodeFindingCount(id, 'info');
  const total = errors + warnings + infos;
  const [tip, setTip] = useState('');
  return (
    <div
      className={total ? 'node has-badge' : 'node'}
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
      {total > 0 && (
        <span
          className={`node-badge node-badge-${errors ? 'error' : warnings ? 'warning' : 'info'}`}
          role="img"
          aria-label={`${total} finding${total === 1 ? '' : 's'}: ${countsLabel({ error: errors, warning: warnings, info: infos })}`}
          title={tip}
          // The messages are read on hover only, so the node subscribes to its counts alone.
          onPointerEnter={() => setTip(findingsOfNode(checksOf(store), id).map((f) => `• ${f.message}`).join('\n'))}
        >
          {total}
        </span>
      )}
      <Handle type="source" position={Position.Right} className="handle handle-out" />
    </div>
  );
});
