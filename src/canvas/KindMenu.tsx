import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { CATALOGUE, kindMatches, type KindId } from '../domain/catalogue';
import { stageById } from '../domain/stages';
import { kindIconId, SpriteIcon } from '../ui/SpriteIcon';

/** Kinds a connection can end on: components, not zones or notes. */
const CONNECTABLE = CATALOGUE.filter((k) => k.id !== 'group' && k.id !== 'note');
const MAX_SHOWN = 8;

interface Props {
  /** Where the connection was dropped, on screen. */
  at: { x: number; y: number };
  /** What the new component will be connected with, for the menu's title. */
  fromLabel: string;
  outgoing: boolean;
  onPick(kind: KindId): void;
  onClose(): void;
}

/**
 * The small searchable menu that opens where a connection is dropped on empty canvas: type to filter the kinds
 * (name or tool), arrows to move, Enter or a click to create that component there, connected; Esc or a click
 * elsewhere closes it and nothing changes.
 */
export default function KindMenu({ at, fromLabel, outgoing, onPick, onClose }: Props) {
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const ref = useRef<HTMLDivElement>(null);
  const listId = useId();
  const items = useMemo(() => CONNECTABLE.filter((k) => kindMatches(k, query)).slice(0, MAX_SHOWN), [query]);
  const current = Math.min(active, Math.max(0, items.length - 1));

  useEffect(() => {
    const away = (e: PointerEvent) => {
      if (!ref.current?.contains(e.target as Node)) onClose();
    };
    window.addEventListener('pointerdown', away, true);
    return () => window.removeEventListener('pointerdown', away, true);
  }, [onClose]);

  const onKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      setActive(Math.max(0, Math.min(items.length - 1, current + (e.key === 'ArrowDown' ? 1 : -1))));
    } else if (e.key === 'Enter') {
      e.preventDefault();
      if (items[current]) onPick(items[current].id);
    } else if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      onClose();
    }
  };

  // Kept inside the window: a drop near the right or bottom edge opens the menu up or to the left.
  const W = 260;
  const H = 48 + MAX_SHOWN * 34;
  const left = Math.max(8, Math.min(at.x + 8, window.innerWidth - W - 8));
  const top = Math.max(8, Math.min(at.y + 8, window.innerHeight - H - 8));

  return (
    <div className="kind-menu" ref={ref} role="dialog" aria-label="Add a connected component" style={{ left, top, width: W }}>
      <div className="kind-menu-title">
        {outgoing ? 'From' : 'Into'} <strong>{fromLabel}</strong>
      </div>
      <input
        autoFocus
        type="search"
        className="kind-menu-search"
        placeholder="Add a component…"
        aria-label="Component kind"
        aria-controls={listId}
        aria-activedescendant={items[current] ? `${listId}-${items[current].id}` : undefined}
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
        }}
        onKeyDown={onKey}
      />
      <ul className="kind-menu-list" id={listId} role="listbox" aria-label="Kinds">
        {items.length === 0 && <li className="kind-menu-empty">No component matches “{query}”.</li>}
        {items.map((k, i) => (
          <li
            key={k.id}
            id={`${listId}-${k.id}`}
            role="option"
            aria-selected={i === current}
            className={i === current ? 'kind-menu-item active' : 'kind-menu-item'}
            onPointerEnter={() => setActive(i)}
            onClick={() => onPick(k.id)}
          >
            <span className="kind-menu-dot" style={{ background: k.stage ? stageById(k.stage).color : '#94a3b8' }} aria-hidden />
            <SpriteIcon icon={kindIconId(k.id)} size={15} strokeWidth={1.9} />
            <span>{k.label}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
