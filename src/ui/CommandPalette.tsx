import { useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useReactFlow } from '@xyflow/react';
import { CATALOGUE, kindMatches, type KindId } from '../domain/catalogue';
import { formatShortcut } from '../commands/registry';
import { IS_MAC } from '../commands/useShortcuts';
import { useAddComponent } from '../canvas/useAddComponent';
import { useDiagramStoreApi } from '../store/useDiagramStore';
import { Dialog } from './Dialog';
import type { DialogProps } from './Dialogs';
import { kindIconId, SpriteIcon } from './SpriteIcon';
import type { FlowEdge, FlowNode } from '../canvas/flowTypes';

type Entry =
  | { type: 'command'; id: string; name: string; detail: string }
  | { type: 'component'; kind: KindId; name: string; detail: string; icon: string };

/** Ctrl/Cmd+K: one search over every command and every component to add. */
export function CommandPalette({ commands, onClose }: DialogProps) {
  const store = useDiagramStoreApi();
  const flow = useReactFlow<FlowNode, FlowEdge>();
  const add = useAddComponent();
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const listRef = useRef<HTMLUListElement>(null);
  const ctx = useMemo(() => ({ store, flow }), [store, flow]);

  const entries = useMemo<Entry[]>(() => {
    const q = query.trim().toLowerCase();
    const cmds: Entry[] = commands
      .all()
      .filter((c) => c.id !== 'command-palette' && (!c.enabled || c.enabled(ctx)))
      .filter((c) => !q || c.name.toLowerCase().includes(q) || c.id.includes(q))
      .map((c) => ({ type: 'command', id: c.id, name: c.name, detail: c.shortcuts?.[0] ? formatShortcut(c.shortcuts[0], IS_MAC) : c.group }));
    const comps: Entry[] = CATALOGUE.filter((k) => q && kindMatches(k, q)).map((k) => ({
      type: 'component',
      kind: k.id,
      name: `Add ${k.label}`,
      detail: 'Component',
      icon: kindIconId(k.id),
    }));
    return [...cmds, ...comps].slice(0, 40);
  }, [query, commands, ctx]);

  const runEntry = (e: Entry | undefined) => {
    if (!e) return;
    onClose();
    if (e.type === 'command') commands.run(e.id, ctx);
    else add.atCentre(e.kind);
  };

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const next = e.key === 'ArrowDown' ? Math.min(entries.length - 1, active + 1) : Math.max(0, active - 1);
      setActive(next);
      listRef.current?.children[next]?.scrollIntoView({ block: 'nearest' });
    } else if (e.key === 'Enter') {
      e.preventDefault();
      runEntry(entries[active]);
    }
  };

  return (
    <Dialog title="Command palette" onClose={onClose}>
      <input
        className="palette-search"
        type="text"
        role="combobox"
        aria-expanded="true"
        aria-controls="command-list"
        aria-activedescendant={entries[active] ? `cmd-${active}` : undefined}
        aria-label="Search commands and components"
        placeholder="Type a command or a component…"
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
        }}
        onKeyDown={onKeyDown}
        data-autofocus
      />
      <ul className="command-list" id="command-list" role="listbox" ref={listRef} aria-label="Results">
        {entries.length === 0 && <li className="muted command-empty">No command or component matches.</li>}
        {entries.map((e, i) => {
          return (
            <li
              key={e.type === 'command' ? e.id : e.kind}
              id={`cmd-${i}`}
              role="option"
              aria-selected={i === active}
              className="command-item"
              onMouseEnter={() => setActive(i)}
              onClick={() => runEntry(e)}
            >
              {e.type === 'component' && <SpriteIcon icon={e.icon} size={15} />}
              <span>{e.name}</span>
              <span className="command-detail">{e.detail}</span>
            </li>
          );
        })}
      </ul>
    </Dialog>
  );
}
