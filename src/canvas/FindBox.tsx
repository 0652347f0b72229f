import { useReactFlow } from '@xyflow/react';
import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { kindInfo } from '../domain/catalogue';
import { nodeLabel, type DiagramNode } from '../domain/diagram';
import { useDiagramStore, useDiagramStoreApi } from '../store/useDiagramStore';
import { SpriteIcon } from '../ui/SpriteIcon';
import type { FlowEdge, FlowNode } from './flowTypes';
import { fitComponents, REVEAL_VIEW } from './viewFit';

/** Components (and zones) whose name, tool or kind contains the query, in diagram order. Notes are left out. */
export function findMatches(nodes: readonly DiagramNode[], query: string): DiagramNode[] {
  const q = query.trim().toLowerCase();
  if (!q) return [];
  return nodes.filter((n) => {
    if (n.kind === 'note') return false;
    const tool = typeof n.props.tool === 'string' ? n.props.tool : '';
    return nodeLabel(n).toLowerCase().includes(q) || tool.toLowerCase().includes(q) || kindInfo(n.kind).label.toLowerCase().includes(q);
  });
}

/**
 * Find on the canvas (Ctrl/Cmd+F): type part of a name or tool; the first match is selected and zoomed to, Enter or
 * the arrows step through the others ("2 of 5"); a query that matches nothing gives back the selection of before. Esc
 * closes the box (the match stays selected) and gives the focus back to where it was.
 */
export default function FindBox() {
  const store = useDiagramStoreApi();
  const flow = useReactFlow<FlowNode, FlowEdge>();
  const nodes = useDiagramStore((s) => s.diagram.nodes);
  const [query, setQuery] = useState('');
  const [index, setIndex] = useState(0);
  const input = useRef<HTMLInputElement>(null);
  const back = useRef<Element | null>(typeof document === 'undefined' ? null : document.activeElement);
  // What was selected when the box opened: a query that matches nothing gives it back.
  const before = useRef(store.getState().selection);
  const matches = useMemo(() => findMatches(nodes, query), [nodes, query]);
  const current = matches.length ? Math.min(index, matches.length - 1) : -1;

  useEffect(() => input.current?.focus(), []);

  const show = (i: number) => {
    const n = matches[i];
    if (!n) return;
    setIndex(i);
    store.getState().setSelection({ nodes: [n.id], edges: [] });
    fitComponents(flow, store.getState().diagram, { ...REVEAL_VIEW, maxZoom: 1 }, [n.id]);
  };

  const close = () => {
    store.getState().setFindOpen(false);
    const el = back.current;
    if (el instanceof HTMLElement && el.isConnected && el !== document.body) el.focus();
    else document.querySelector<HTMLElement>('.canvas .react-flow__pane')?.focus();
  };

  const onKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      close();
    } else if ((e.key === 'Enter' || e.key === 'ArrowDown' || e.key === 'ArrowUp') && matches.length) {
      e.preventDefault();
      const step = e.key === 'ArrowUp' || (e.key === 'Enter' && e.shiftKey) ? -1 : 1;
      show((current + step + matches.length) % matches.length);
    }
  };

  return (
    <div className="find-box" role="search" aria-label="Find components">
      <SpriteIcon icon="search" size={15} />
      <input
        ref={input}
        type="search"
        aria-label="Find a component by name or tool"
        placeholder="Find a component or tool"
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          setIndex(0);
          const first = findMatches(store.getState().diagram.nodes, e.target.value)[0];
          if (first) {
            store.getState().setSelection({ nodes: [first.id], edges: [] });
            fitComponents(flow, store.getState().diagram, { ...REVEAL_VIEW, maxZoom: 1 }, [first.id]);
          } else store.getState().setSelection(before.current);
        }}
        onKeyDown={onKey}
      />
      <span className="find-count" aria-live="polite">
        {query.trim() ? (matches.length ? `${current + 1} of ${matches.length}` : 'No match') : ''}
      </span>
      <button type="button" className="icon-btn" aria-label="Previous match" disabled={matches.length < 2} onClick={() => show((current - 1 + matches.length) % matches.length)}>
        <SpriteIcon icon="chevron-left" size={15} />
      </button>
      <button type="button" className="icon-btn" aria-label="Next match" disabled={matches.length < 2} onClick={() => show((current + 1) % matches.length)}>
        <SpriteIcon icon="chevron-right" size={15} />
      </button>
      <button type="button" className="icon-btn" aria-label="Close find" onClick={close}>
        <SpriteIcon icon="x" size={15} />
      </button>
    </div>
  );
}
