import type { NodeProps } from '@xyflow/react';
import { memo, useState } from 'react';
import { useDiagramStoreApi } from '../store/useDiagramStore';
import type { NoteFlowNode } from './flowTypes';
import { InlineText } from './InlineText';
import { shown } from './nodeSummary';

/** A sticky note: shows its text, wrapped; double-click to edit. */
export const NoteNode = memo(function NoteNode({ id, data }: NodeProps<NoteFlowNode>) {
  const store = useDiagramStoreApi();
  const [editing, setEditing] = useState(false);
  const text = typeof data.props.text === 'string' ? data.props.text : '';
  return (
    <div className="note" data-kind="note" onDoubleClick={() => setEditing(true)}>
      {editing ? (
        <InlineText
          multiline
          value={text}
          ariaLabel="Note text"
          onCommit={(v) => store.getState().updateNode(id, { props: { text: v } })}
          onDone={() => setEditing(false)}
        />
      ) : (
        <div className="note-text">{shown(text, 2000) || 'Empty note'}</div>
      )}
    </div>
  );
});
