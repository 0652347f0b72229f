import { Handle, Position, type NodeProps } from '@xyflow/react';
import { memo, useContext, useState, type CSSProperties } from 'react';
import { kindInfo } from '../domain/catalogue';
import { nodeLabel, nodeStage } from '../domain/diagram';
import { stageById } from '../domain/stages';
import { checksOf, findingsOfNode } from '../store/findings';
import { useDiagramStoreApi } from '../store/useDiagramStore';
import { countsLabel } from '../ui/severity';
import { kindIconId, SpriteIcon } from '../ui/SpriteIcon';
import type { ComponentFlowNode, NodeData } from './flowTypes';
import { InlineText } from './InlineText';
import { nodeSubtitle, shown } from './nodeSummary';
import { DetailContext } from './zoomLevel';

/**
 * A component on the canvas: stage band, icon, label (double-click to rename), tool, in/out handles, and a
 * badge with its findings. Zoomed far out it draws a simpler version of itself (band, label, badge dot),
 * and further out a bar where the label goes (see TINY_ZOOM).
 */
export const ComponentNode = memo(function ComponentNode({ id, data }: NodeProps<ComponentFlowNode>) {
  const detail = useContext(DetailContext);
  const stage = nodeStage({ id, kind: data.kind, props: data.props, position: { x: 0, y: 0 } });
  const color = stage ? stageById(stage).color : '#94a3b8';
  const style = { '--band': color } as CSSProperties;
  return detail === 'full' ? (
    <FullNode id={id} data={data} stage={stage} style={style} />
  ) : (
    <FarNode id={id} data={data} stage={stage} style={style} tiny={detail === 'tiny'} />
  );
});

interface Parts {
  data: NodeData;
  stage: string | null;
  style: CSSProperties;
}

function FarNode({ id, data, stage, style, tiny }: Parts & { id: string; tiny: boolean }) {
  const b = data.badge;
  const label = nodeLabel(data);
  return (
    <div className="node node-far" data-kind={data.kind} data-stage={stage ?? 'none'} style={style}>
      <FarHandle nodeId={id} type="target" />
      {tiny ? (
        // The label's length, drawn as a bar: one rectangle instead of a dozen glyphs under 4 px high.
        <div className="node-greek" style={{ width: `${Math.min(label.length, 18) * 0.55}em` }} />
      ) : (
        <div className="node-label">{shown(label)}</div>
      )}
      {b && <span className={`node-dot node-badge-${b.error ? 'error' : b.warning ? 'warning' : 'info'}`} aria-hidden />}
      <FarHandle nodeId={id} type="source" />
    </div>
  );
}

/**
 * Zoomed far out a handle is invisible and a few pixels wide: nobody starts a connection from it (the
 * keyboard's "Connect to..." works at any zoom). It is then a plain element carrying what React Flow
 * measures to place the edges' ends (the `source`/`target` class and `data-handlepos`), without
 * <Handle>'s connection machinery: at 500 components that is 1,000 store subscriptions fewer, which
 * every drag frame would run, and about a megabyte of memory.
 */
function FarHandle({ nodeId, type }: { nodeId: string; type: 'source' | 'target' }) {
  const pos = type === 'source' ? Position.Right : Position.Left;
  return (
    <div
      className={`react-flow__handle react-flow__handle-${pos} handle handle-${type === 'source' ? 'out' : 'in'} ${type}`}
      data-nodeid={nodeId}
      data-handlepos={pos}
      aria-hidden
    />
  );
}

function FullNode({ id, data, stage, style }: Parts & { id: string }) {
  const store = useDiagramStoreApi();
  const [editing, setEditing] = useState(false);
  const [tip, setTip] = useState('');
  const info = kindInfo(data.kind);
  const label = nodeLabel(data);
  const sub = nodeSubtitle(data);
  const latency = typeof data.props.latencyMs === 'number' ? data.props.latencyMs : undefined;
  const b = data.badge;
  const total = b ? b.error + b.warning + b.info : 0;
  return (
    <div className={total ? 'node has-badge' : 'node'} data-kind={data.kind} data-stage={stage ?? 'none'} style={style}>
      <Handle type="target" position={Position.Left} className="handle handle-in" />
      <span className="node-band" aria-hidden />
      <SpriteIcon icon={kindIconId(info.id)} className="node-icon" size={18} strokeWidth={1.9} />
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
            {shown(label)}
          </div>
        )}
        {sub && <div className="node-sub">{sub}</div>}
        {data.sizing && (
          <div className="node-sizing" title="Sizing estimate (see the Capacity tab)">
            {data.sizing}
          </div>
        )}
      </div>
      {latency !== undefined && <span className="node-latency">{latency} ms</span>}
      {b && total > 0 && (
        <span
          className={`node-badge node-badge-${b.error ? 'error' : b.warning ? 'warning' : 'info'}`}
          role="img"
          aria-label={`${total} finding${total === 1 ? '' : 's'}: ${countsLabel(b)}`}
          title={tip}
          // The messages are read on hover only; the counts come with the node's data.
          onPointerEnter={() => setTip(findingsOfNode(checksOf(store), id).map((f) => `• ${f.message}`).join('\n'))}
        >
          {total}
        </span>
      )}
      <Handle type="source" position={Position.Right} className="handle handle-out" />
    </div>
  );
}
