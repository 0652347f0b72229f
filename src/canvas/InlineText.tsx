import { useCallback, useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useDiagramStoreApi } from '../store/useDiagramStore';

interface Props {
  value: string;
  onCommit(value: string): void;
  onDone(): void;
  multiline?: boolean;
  ariaLabel: string;
}

/** An in-place editor for a node's label or a note's text: Enter (Ctrl+Enter in notes) saves, Escape cancels. */
export function InlineText({ value, onCommit, onDone, multiline, ariaLabel }: Props) {
  const [text, setText] = useState(value);
  const ref = useRef<HTMLInputElement & HTMLTextAreaElement>(null);
  const done = useRef(false);
  useEffect(() => {
    ref.current?.focus();
    ref.current?.select();
  }, []);
  const store = useDiagramStoreApi();
  const key = useId();
  const typed = useRef(text);
  typed.current = text;
  const committed = useRef(value);
  const latest = useRef({ onCommit });
  latest.current = { onCommit };
  // What the page commits when it is hidden or closed while this editor is open (it stays open).
  const commitDraft = useCallback(() => {
    store.getState().setDraft(key, null);
    if (typed.current !== committed.current) {
      committed.current = typed.current;
      latest.current.onCommit(typed.current);
    }
  }, [store, key]);
  useEffect(() => () => store.getState().setDraft(key, null), [store, key]);
  const finish = (save: boolean) => {
    if (done.current) return;
    done.current = true;
    store.getState().setDraft(key, null);
    if (save && text !== committed.current) onCommit(text);
    onDone();
  };
  const onKeyDown = (e: KeyboardEvent) => {
    e.stopPropagation();
    if (e.key === 'Escape') finish(false);
    else if (e.key === 'Enter' && (!multiline || e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      finish(true);
    }
  };
  const common = {
    ref,
    value: text,
    'aria-label': ariaLabel,
    className: `nodrag nopan nowheel inline-edit${multiline ? ' inline-edit-multi' : ''}`,
    onChange: (e: { target: { value: string } }) => {
      setText(e.target.value);
      typed.current = e.target.value;
      store.getState().setDraft(key, e.target.value !== committed.current ? commitDraft : null);
    },
    onBlur: () => finish(true),
    onKeyDown,
  };
  return multiline ? <textarea {...common} rows={4} /> : <input {...common} />;
}
