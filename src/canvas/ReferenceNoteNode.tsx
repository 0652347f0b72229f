import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';
import type { ReferenceFlowNode } from './referenceTypes';

/** A note of the reference answer, read-only. */
export const ReferenceNoteNode = memo(function ReferenceNoteNode({ data }: NodeProps<ReferenceFlowNode>) {
  const text = typeof data.props.text === 'string' ? data.props.text : '';
  return (
    <div className="note" data-kind="note">
      <div className="note-text">{text}</div>
    </div>
  );
});
