import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { kindInfo } from '../domain/catalogue';
import type { ReferenceFlowNode } from './referenceTypes';

/** A zone of the reference answer, read-only: label and offline / online tag. */
export const ReferenceZoneNode = memo(function ReferenceZoneNode({ data }: NodeProps<ReferenceFlowNode>) {
  const zone = data.props.zone;
  const label = data.label ?? (zone === 'offline' ? 'Offline' : zone === 'online' ? 'Online' : kindInfo('group').label);
  return (
    <div className={`zone zone-${zone ?? 'plain'}`} data-kind="group">
      <div className="zone-header ref-zone-header">
        <span className="zone-label">{label}</span>
        {zone && <span className="zone-tag">{zone}</span>}
      </div>
    </div>
  );
});
