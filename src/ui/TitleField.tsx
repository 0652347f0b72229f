import { useState } from 'react';
import { useDiagramStore, useDiagramStoreApi } from '../store/useDiagramStore';

/** The diagram title, edited in place in the header. */
export function TitleField() {
  const store = useDiagramStoreApi();
  const title = useDiagramStore((s) => s.diagram.title);
  const [text, setText] = useState(title);
  const [prev, setPrev] = useState(title);
  if (title !== prev) {
    setPrev(title);
    setText(title);
  }
  const commit = () => {
    const t = text.trim() || 'Untitled design';
    store.getState().setTitle(t);
    // What the design holds now: the new title, or the old one when the change was refused (a notice says why).
    setText(store.getState().diagram.title);
  };
  return (
    <input
      className="title-input"
      aria-label="Diagram title"
      value={text}
      maxLength={120}
      onChange={(e) => setText(e.target.value)}
      onBlur={commit}
      onKeyDown={(e) => {
        if (e.key === 'Enter') {
          commit();
          e.currentTarget.blur();
        } else if (e.key === 'Escape') {
          setText(title);
          e.currentTarget.blur();
        }
      }}
    />
  );
}
