import { X } from 'lucide-react';
import { useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { kindInfo, type KindId } from '../domain/catalogue';

interface Props {
  label: string;
  /** The kinds chosen, in order. */
  value: readonly KindId[];
  /** The kinds that may be chosen. */
  options: readonly KindId[];
  onChange(value: KindId[]): void;
  hint?: string;
}

/**
 * A searchable multi-select of component kinds: the chosen kinds as removable chips, and a
 * combobox that filters the rest as you type (arrow keys move, Enter adds, Backspace on an empty
 * box removes the last chip, Escape closes the list).
 */
export function KindMultiSelect({ label, value, options, onChange, hint }: Props) {
  const id = useId();
  const listId = `${id}-list`;
  const input = useRef<HTMLInputElement>(null);
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const available = useMemo(() => {
    const q = query.trim().toLowerCase();
    return options.filter((k) => !value.includes(k) && (!q || kindInfo(k).label.toLowerCase().includes(q) || k.includes(q)));
  }, [options, value, query]);
  const add = (k: KindId) => {
    onChange([...value, k]);
    setQuery('');
    setActive(0);
    input.current?.focus();
  };
  const remove = (k: KindId) => {
    onChange(value.filter((x) => x !== k));
    input.current?.focus();
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      setOpen(true);
      setActive((a) => Math.min(a + 1, Math.max(0, available.length - 1)));
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      setActive((a) => Math.max(a - 1, 0));
    } else if (e.key === 'Enter') {
      if (open && available[active]) {
        e.preventDefault();
        add(available[active]);
      }
    } else if (e.key === 'Escape') {
      if (open) {
        e.stopPropagation();
        setOpen(false);
      }
    } else if (e.key === 'Backspace' && query === '' && value.length > 0) {
      remove(value[value.length - 1]);
    }
  };
  const expanded = open && available.length > 0;
  return (
    <div className="field kind-multi">
      <label htmlFor={id}>{label}</label>
      {value.length > 0 && (
        <ul className="kind-multi-chips" aria-label={`${label}: chosen`}>
          {value.map((k) => (
            <li key={k} className="kind-multi-chip">
              {kindInfo(k).label}
              <button type="button" aria-label={`Remove ${kindInfo(k).label}`} onClick={() => remove(k)}>
                <X size={12} aria-hidden />
              </button>
            </li>
          ))}
        </ul>
      )}
      <input
        ref={input}
        id={id}
        type="text"
        role="combobox"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={expanded && available[active] ? `${id}-${available[active]}` : undefined}
        autoComplete="off"
        placeholder="Search kinds…"
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          setOpen(true);
          setActive(0);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onKeyDown={onKeyDown}
      />
      {expanded && (
        <ul className="kind-multi-list" role="listbox" id={listId} aria-label={label}>
          {available.slice(0, 40).map((k, i) => (
            <li
              key={k}
              id={`${id}-${k}`}
              role="option"
              aria-selected={i === active}
              className={i === active ? 'is-active' : undefined}
              // Keep the input's focus: choose on mousedown.
              onMouseDown={(e) => {
                e.preventDefault();
                add(k);
              }}
              onMouseEnter={() => setActive(i)}
            >
              {kindInfo(k).label}
            </li>
          ))}
        </ul>
      )}
      {hint && <p className="field-hint">{hint}</p>}
    </div>
  );
}
