import { ChevronDown, ChevronRight, Search } from './uiIcons';
import { useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { CATALOGUE, kindMatches, type KindId, type KindInfo, type PaletteGroup } from '../domain/catalogue';
import { STAGES } from '../domain/stages';
import { kindIconId, SpriteIcon } from './SpriteIcon';
import { KIND_TOOLS } from '../domain/kindTools';
import { usePaletteDrag } from './usePaletteDrag';
import { FoldButton } from './PanelFold';
import { useDiagramStoreApi } from '../store/useDiagramStore';

const GROUPS: { id: PaletteGroup; title: string; color?: string }[] = [
  ...STAGES.map((s) => ({ id: s.id as PaletteGroup, title: `${s.step}. ${s.name}`, color: s.color })),
  { id: 'other', title: 'Other' },
];

interface Props {
  /** Adds a component at the centre of the view (click, Enter, Space). */
  onAdd(kind: KindId): void;
  /** Drops a component at a screen point; returns false when the point is not on the canvas. */
  onDrop(kind: KindId, clientX: number, clientY: number): void;
}

/** The component palette: every kind, grouped by interview stage, searchable, draggable. */
export function Palette({ onAdd, onDrop }: Props) {
  const [query, setQuery] = useState('');
  const store = useDiagramStoreApi();
  // After an add from the search box (Enter), Ctrl/Cmd+Z there means "take that component back", not "undo my
  // typing"; once the user types again, it is the text's undo again.
  const addedFromSearch = useRef(false);
  const [collapsed, setCollapsed] = useState<ReadonlySet<PaletteGroup>>(new Set());
  const [tip, setTip] = useState<{ kind: KindInfo; top: number } | null>(null);
  // The tooltip shows the first line of the component's learning card: the cards load as soon as the
  // pointer or the focus comes into the palette, so they are there by the time a tooltip opens. The
  // kinds' tools are in the first load: a search for "triton" typed at once must find the model server.
  const [whats, setWhats] = useState<Partial<Record<KindId, string>> | null>(null);
  const warmUp = () => {
    if (whats) return;
    import('../domain/content/componentCards').then(
      (m) => setWhats(Object.fromEntries(Object.values(m.COMPONENT_CARDS).map((c) => [c.kind, c.what]))),
      () => {}, // offline: tooltips show the names alone
    );
  };
  const drag = usePaletteDrag(onDrop);
  const listRef = useRef<HTMLDivElement>(null);

  const groups = useMemo(
    () =>
      GROUPS.map((g) => ({ ...g, items: CATALOGUE.filter((k) => k.group === g.id && kindMatches(k, query)) })).filter(
        (g) => g.items.length > 0,
      ),
    [query],
  );
  const searching = query.trim().length > 0;

  const toggle = (id: PaletteGroup) => {
    const next = new Set(collapsed);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    setCollapsed(next);
  };

  const onSearchKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      listRef.current?.querySelector<HTMLButtonElement>('.palette-item')?.focus();
    } else if (e.key === 'Escape') setQuery('');
    else if (e.key === 'Enter' && groups.length === 1 && groups[0].items.length === 1) {
      onAdd(groups[0].items[0].id);
      addedFromSearch.current = true;
    } else if ((e.ctrlKey || e.metaKey) && !e.altKey && (e.key === 'z' || e.key === 'Z' || e.key === 'y') && addedFromSearch.current) {
      e.preventDefault();
      if (e.key === 'y' || e.shiftKey) store.getState().redo();
      else store.getState().undo();
    }
  };

  const onItemKey = (e: KeyboardEvent<HTMLButtonElement>) => {
    if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
    e.preventDefault();
    const items = [...(listRef.current?.querySelectorAll<HTMLButtonElement>('.palette-item') ?? [])];
    const i = items.indexOf(e.currentTarget);
    items[e.key === 'ArrowDown' ? Math.min(items.length - 1, i + 1) : Math.max(0, i - 1)]?.focus();
  };

  const showTip = (kind: KindInfo, el: HTMLElement) => {
    const r = el.getBoundingClientRect();
    setTip({ kind, top: r.top + r.height / 2 });
  };

  return (
    <section className="palette panel" aria-label="Components" onPointerEnter={warmUp} onFocus={warmUp}>
      <div className="panel-head">
        <h2 className="panel-title">Components</h2>
        <FoldButton which="palette" />
      </div>
      <label className="search">
        <Search size={15} aria-hidden />
        <input
          type="search"
          placeholder="Search, e.g. triton"
          aria-label="Search components"
          value={query}
          onChange={(e) => {
            setQuery(e.target.value);
            addedFromSearch.current = false;
          }}
          onKeyDown={onSearchKey}
        />
      </label>
      <div className="palette-list" ref={listRef} onScroll={() => setTip(null)}>
        {groups.length === 0 && <p className="palette-empty">No component matches “{query}”.</p>}
        {groups.map((g) => {
          const open = searching || !collapsed.has(g.id);
          return (
            <div className="palette-group" key={g.id} role="group" aria-labelledby={`pg-${g.id}`}>
              <button
                type="button"
                className="palette-group-head"
                id={`pg-${g.id}`}
                aria-expanded={open}
                onClick={() => toggle(g.id)}
              >
                {open ? <ChevronDown size={14} aria-hidden /> : <ChevronRight size={14} aria-hidden />}
                {g.color && <span className="palette-group-dot" style={{ background: g.color }} aria-hidden />}
                <span>{g.title}</span>
                <span className="palette-count">{g.items.length}</span>
              </button>
              {open && (
                <ul className="palette-items">
                  {g.items.map((k) => {
                    return (
                      <li key={k.id}>
                        <button
                          type="button"
                          className="palette-item"
                          data-palette-kind={k.id}
                          aria-label={k.label}
                          aria-describedby={tip?.kind.id === k.id ? 'palette-tip' : undefined}
                          onPointerDown={(e) => drag.onPointerDown(e, k.id)}
                          onPointerMove={drag.onPointerMove}
                          onPointerUp={drag.onPointerUp}
                          onPointerCancel={drag.onPointerCancel}
                          onClick={() => {
                            if (!drag.consumeDrag()) onAdd(k.id);
                          }}
                          onKeyDown={onItemKey}
                          onMouseEnter={(e) => showTip(k, e.currentTarget)}
                          onMouseLeave={() => setTip(null)}
                          onFocus={(e) => showTip(k, e.currentTarget)}
                          onBlur={() => setTip(null)}
                        >
                          <SpriteIcon icon={kindIconId(k.id)} size={16} strokeWidth={1.9} />
                          <span className="palette-item-label">{k.label}</span>
                        </button>
                      </li>
                    );
                  })}
                </ul>
              )}
            </div>
          );
        })}
      </div>
      {tip && (
        <div className="palette-tip" id="palette-tip" role="tooltip" style={{ top: tip.top }}>
          <strong>{tip.kind.label}</strong>
          {whats?.[tip.kind.id] && <span>{whats[tip.kind.id]}</span>}
          {KIND_TOOLS[tip.kind.id].length > 0 && <span className="palette-tip-tools">{KIND_TOOLS[tip.kind.id].join(' · ')}</span>}
        </div>
      )}
    </section>
  );
}
