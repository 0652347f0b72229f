import { useEffect, useRef, useState, type KeyboardEvent } from 'react';

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
  const finish = (save: boolean) => {
    if (done.current) return;
    done.current = true;
    if (save && text !== value) onCommit(text);
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
    onChange: (e: { target: { value: string } }) => setText(e.target.value),
    onBlur: () => finish(true),
    onKeyDown,
  };
  return multiline ? <textarea {...common} rows={4} /> : <input {...common} />;
}
