import type { ReactFlowInstance } from '@xyflow/react';
import type { FlowEdge, FlowNode } from '../canvas/flowTypes';
import type { DiagramStore } from '../store/diagramStore';
import { registerExportCommands } from './exportCommands';
import { CommandRegistry } from './registry';

/** What command handlers can reach. */
export interface AppContext {
  store: DiagramStore;
  flow: ReactFlowInstance<FlowNode, FlowEdge>;
}

export type AppCommands = CommandRegistry<AppContext>;

/** Registers every app command once; toolbar, keyboard and dialogs all use this registry. */
export function createAppCommands(): AppCommands {
  const r = new CommandRegistry<AppContext>();
  registerEditCommands(r);
  registerExportCommands(r);
  // Each feature registers its commands from its own module, one line here each.
  return r;
}

/** Undo, redo, delete, selection, zoom and search. */
function registerEditCommands(r: AppCommands): void {
  const hasSelection = ({ store }: AppContext) => {
    const s = store.getState().selection;
    return s.nodes.length + s.edges.length > 0;
  };
  r.register({
    id: 'undo',
    name: 'Undo',
    group: 'Edit',
    shortcuts: ['Mod+Z'],
    run: ({ store }) => store.getState().undo(),
    enabled: ({ store }) => store.getState().history.past.length > 0,
  });
  r.register({
    id: 'redo',
    name: 'Redo',
    group: 'Edit',
    shortcuts: ['Shift+Mod+Z', 'Mod+Y'],
    run: ({ store }) => store.getState().redo(),
    enabled: ({ store }) => store.getState().history.future.length > 0,
  });
  r.register({
    id: 'delete',
    name: 'Delete selection',
    group: 'Edit',
    shortcuts: ['Delete', 'Backspace'],
    run: ({ store }) => {
      const { selection, deleteElements } = store.getState();
      deleteElements(selection.nodes, selection.edges);
    },
    enabled: hasSelection,
  });
  r.register({
    id: 'select-all',
    name: 'Select all',
    group: 'Edit',
    shortcuts: ['Mod+A'],
    run: ({ store }) => store.getState().selectAll(),
  });
  r.register({
    id: 'deselect',
    name: 'Clear selection',
    group: 'Edit',
    shortcuts: ['Escape'],
    run: ({ store }) => store.getState().setSelection({ nodes: [], edges: [] }),
    enabled: hasSelection,
  });
  r.register({
    id: 'fit-view',
    name: 'Fit diagram to view',
    group: 'View',
    shortcuts: ['Shift+1'],
    run: ({ flow }) => void flow.fitView({ padding: 0.2, duration: 200, maxZoom: 1.2 }),
  });
  r.register({
    id: 'zoom-in',
    name: 'Zoom in',
    group: 'View',
    shortcuts: ['+', '='],
    run: ({ flow }) => void flow.zoomIn({ duration: 120 }),
  });
  r.register({
    id: 'zoom-out',
    name: 'Zoom out',
    group: 'View',
    shortcuts: ['-'],
    run: ({ flow }) => void flow.zoomOut({ duration: 120 }),
  });
  r.register({
    id: 'focus-search',
    name: 'Search components',
    group: 'View',
    shortcuts: ['/'],
    run: () => document.querySelector<HTMLInputElement>('.palette input[type="search"]')?.focus(),
  });
}
