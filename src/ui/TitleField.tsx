import { useCallback, useEffect, useRef, useState } from 'react';
import { useDiagramStore, useDiagramStoreApi } from '../store/useDiagramStore';

/**
 * The diagram title, edited in place in the header. Typing is committed on Enter or blur, and also
 * when the page is hidden or closed (the store's drafts): the header says "Saving…" meanwhile.
 */
export function TitleField() {
  const store = useDiagramStoreApi();
  const title = useDiagramStore((s) => s.diagram.title);
  const [text, setText] = useState(title);
  const [prev, setPrev] = useState(title);
  const typed = useRef(text);
  typed.current = text;
  if (title !== prev) {
    setPrev(title);
    setText(title);
  }
  const commit = useCallback(() => {
    store.getState().setDraft('title', null);
    const t = typed.current.trim() || 'Untitled design';
    store.getState().setTitle(t);
    // What the design holds now: the new title, or the old one when the change was refused (a notice says why).
    typed.current = store.getState().diagram.title;
    setText(typed.current);
  }, [store]);
  useEffect(() => () => store.getState().setDraft('title', null), [store]);
  return (
    <input
      className="title-input"
      aria-label="Diagram title"
      value={text}
      maxLength={120}
      onChange={(e) => {
        setText(e.target.value);
        typed.current = e.target.value;
        store.getState().setDraft('title', e.target.value !== store.getState().diagram.title ? commit : null);
      }}
      onBlur={commit}
      onKeyDown={(e) => {
        if (e.key === 'Enter') {
          commit();
          e.currentTarget.blur();
        } else if (e.key === 'Escape') {
          store.getState().setDraft('title', null);
          setText(title);
          typed.current = title;
          e.currentTarget.blur();
        }
      }}
    />
  );
}
