import { Handle, Position, type NodeProps } from '@xyflow/react';
import { Plus } from 'lucide-react';
import { memo, useContext, type CSSProperties } from 'react';
import { nodeLabel, nodeStage } from '../domain/diagram';
import { stageById } from '../domain/stages';
import { kindIconId, SpriteIcon } from '../ui/SpriteIcon';
import { nodeSubtitle } from './nodeSummary';
import { ReferenceActions, type ReferenceFlowNode } from './referenceTypes';
import { DetailContext } from './zoomLevel';

const TAG: Partial<Record<string, string>> = { missing: 'Missing', 'not-needed': 'Not needed', alternative: 'Done another way', incomplete: 'Fill in yours' };

/**
 * A component of the reference answer, read-only: the canvas's node (stage band, icon, label, tool) with its
 * status against your design; a missing one carries a button that adds it to your design.
 */
export const ReferenceNode = memo(function ReferenceNode({ id, data }: NodeProps<ReferenceFlowNode>) {
  const detail = useContext(DetailContext);
  const actions = useContext(ReferenceActions);
  const stage = nodeStage({ id, kind: data.kind, props: data.props, position: { x: 0, y: 0 } });
  const style = { '--band': stage ? stageById(stage).color : '#94a3b8' } as CSSProperties;
  const label = nodeLabel(data);
  const sub = nodeSubtitle(data);
  const tag = TAG[data.status];
  const far = detail !== 'full';
  return (
    <div
      className={`node ref-node ref-${data.status}${far ? ' node-far' : ''}${data.highlight ? ' is-highlighted' : ''}`}
      data-kind={data.kind}
      data-stage={stage ?? 'none'}
      data-status={data.status}
      style={style}
    >
      <Handle type="target" position={Position.Left} isConnectable={false} className="handle handle-in" />
      {!far && <span className="node-band" aria-hidden />}
      {!far && <SpriteIcon icon={kindIconId(data.kind)} className="node-icon" size={18} strokeWidth={1.9} />}
      <div className="node-text">
        <div className="node-label">{label}</div>
        {!far && sub && <div className="node-sub">{sub}</div>}
      </div>
      {tag && !far && <span className="ref-tag">{tag}</span>}
      {data.status === 'missing' && actions && (
        <button
          type="button"
          className="ref-add nodrag nopan"
          aria-label={`Add ${label} to your design`}
          title="Add it to your design, with its connections"
          onClick={() => actions.add(id)}
        >
          <Plus size={14} aria-hidden />
        </button>
      )}
      <Handle type="source" position={Position.Right} isConnectable={false} className="handle handle-out" />
    </div>
  );
});
