import { NodeResizer, type NodeProps } from '@xyflow/react';
import { memo, useState } from 'react';
import { kindInfo } from '../domain/catalogue';
import { useDiagramStoreApi } from '../store/useDiagramStore';
import type { ZoneFlowNode } from './flowTypes';
import { InlineText } from './InlineText';
import { shown } from './nodeSummary';

/** A zone: a labelled, resizable container tinted by offline / online; drag it by its header. */
export const ZoneNode = memo(function ZoneNode({ id, data, selected }: NodeProps<ZoneFlowNode>) {
  const store = useDiagramStoreApi();
  const [editing, setEditing] = useState(false);
  const zone = data.props.zone;
  const label = data.label ?? (zone === 'offline' ? 'Offline' : zone === 'online' ? 'Online' : kindInfo('group').label);
  return (
    <div className={`zone zone-${zone ?? 'plain'}`} data-kind="group">
      <NodeResizer
        isVisible={selected}
        minWidth={160}
        minHeight={100}
        color="#2563eb"
        onResizeEnd={(_, p) => store.getState().resizeZone(id, p)}
      />
      <div className="zone-drag zone-header" onDoubleClick={() => setEditing(true)}>
        {editing ? (
          <InlineText
            value={label}
            ariaLabel="Zone name"
            onCommit={(v) => store.getState().updateNode(id, { label: v })}
            onDone={() => setEditing(false)}
          />
        ) : (
          <span className="zone-label">{shown(label)}</span>
        )}
        {zone && <span className="zone-tag">{zone}</span>}
      </div>
    </div>
  );
});
