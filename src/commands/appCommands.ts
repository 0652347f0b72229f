import { fitComponents, REVEAL_VIEW } from '../canvas/viewFit';

import type { ReactFlowInstance } from '@xyflow/react';
import type { FlowEdge, FlowNode } from '../canvas/flowTypes';
import type { DiagramStore } from '../store/diagramStore';
import { canRedo, canUndo } from '../store/roomSlice';
import { copyFragment } from '../domain/fragment';
import { registerFileCommands } from './fileCommands';
import { registerExportCommands } from './exportCommands';
import { lazyActions } from './lazyActions';
import { CommandRegistry } from './registry';
import { registerPracticeCommands } from './practiceCommands';
import { registerRoomCommands } from './roomCommands';
import { registerArrangeCommands } from './arrangeCommands';

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
  registerFileCommands(r);
  registerExportCommands(r);
  // Each feature registers its commands from its own module, one line here each.
  registerPracticeCommands(r);
  registerRoomCommands(r);
  registerArrangeCommands(r);
  return r;
}

// Clipboard text code (and the file parser it uses) and the layout load on first use, not with the page.
const clipboard = lazyActions(() => import('./editActions'), 'the clipboard code');
const layout = lazyActions(() => import('../domain/layout'), 'the layout code');

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
    enabled: ({ store }) => canUndo(store.getState()),
  });
  r.register({
    id: 'redo',
    name: 'Redo',
    group: 'Edit',
    shortcuts: ['Shift+Mod+Z', 'Mod+Y'],
    run: ({ store }) => store.getState().redo(),
    enabled: ({ store }) => canRedo(store.getState()),
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
    id: 'copy',
    name: 'Copy',
    group: 'Edit',
    shortcuts: ['Mod+C'],
    run: clipboard.run((m, { store }) => m.copySelection(store)),
    enabled: ({ store }) => store.getState().selection.nodes.length > 0,
  });
  r.register({
    id: 'cut',
    name: 'Cut',
    group: 'Edit',
    shortcuts: ['Mod+X'],
    run: clipboard.run((m, { store }) => m.cutSelection(store)),
    enabled: ({ store }) => store.getState().selection.nodes.length > 0,
  });
  r.register({
    id: 'paste',
    name: 'Paste',
    group: 'Edit',
    shortcuts: ['Mod+V'],
    run: clipboard.run((m, { store }) => m.pasteClipboard(store)),
  });
  r.register({
    id: 'duplicate',
    name: 'Duplicate',
    group: 'Edit',
    shortcuts: ['Mod+D'],
    run: ({ store }) => {
      const { diagram, selection, paste } = store.getState();
      paste(copyFragment(diagram, selection.nodes));
    },
    enabled: ({ store }) => store.getState().selection.nodes.length > 0,
  });
  const nudge = (dx: number, dy: number) => ({ store }: AppContext) => {
    const { selection, nudge: move } = store.getState();
    move(selection.nodes, dx, dy);
  };
  const hasNodes = ({ store }: AppContext) => store.getState().selection.nodes.length > 0;
  for (const [dir, dx, dy] of [['Left', -1, 0], ['Right', 1, 0], ['Up', 0, -1], ['Down', 0, 1]] as const) {
    r.register({ id: `nudge-${dir.toLowerCase()}`, name: `Nudge ${dir.toLowerCase()}`, group: 'Arrange', shortcuts: [`Arrow${dir}`], run: nudge(dx, dy), enabled: hasNodes });
    r.register({ id: `nudge-${dir.toLowerCase()}-far`, name: `Nudge ${dir.toLowerCase()} 10 px`, group: 'Arrange', shortcuts: [`Shift+Arrow${dir}`], run: nudge(dx * 10, dy * 10), enabled: hasNodes });
  }
  r.register({
    id: 'tidy-up',
    name: 'Tidy up',
    group: 'Arrange',
    shortcuts: ['Shift+T'],
    run: layout.run((m, { store, flow }) => {
      store.getState().tidyUp(m.tidyLayout);
      requestAnimationFrame(() => fitComponents(flow, store.getState().diagram, { padding: 0.15, duration: 250, maxZoom: 1 }));
    }),
    enabled: ({ store }) => store.getState().diagram.nodes.length > 0,
  });
  r.register({
    id: 'zone-around-selection',
    name: 'Create zone around selection',
    group: 'Arrange',
    shortcuts: ['Mod+G'],
    run: ({ store }) => void store.getState().createZoneAround(store.getState().selection.nodes),
    enabled: hasNodes,
  });
  r.register({
    id: 'toggle-snap',
    name: 'Toggle snap to grid',
    group: 'View',
    shortcuts: ["Shift+G"],
    run: ({ store }) => store.getState().setPrefs({ snapToGrid: !store.getState().prefs.snapToGrid }),
  });
  r.register({
    id: 'toggle-theme',
    name: 'Toggle dark mode',
    group: 'View',
    shortcuts: ['Shift+D'],
    run: ({ store }) => {
      const dark = document.documentElement.dataset.theme === 'dark';
      store.getState().setPrefs({ theme: dark ? 'light' : 'dark' });
    },
  });
  r.register({
    id: 'shortcuts',
    name: 'Keyboard shortcuts',
    group: 'Help',
    shortcuts: ['?'],
    run: ({ store }) => store.getState().openDialog('shortcuts'),
  });
  r.register({
    id: 'command-palette',
    name: 'Command palette',
    group: 'Help',
    shortcuts: ['Mod+K'],
    global: true,
    run: ({ store }) => store.getState().openDialog('command-palette'),
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
    // Esc first leaves focus mode, then clears the selection.
    run: ({ store }) => (store.getState().focusMode ? store.getState().setFocusMode(false) : store.getState().setSelection({ nodes: [], edges: [] })),
    enabled: (ctx) => ctx.store.getState().focusMode || hasSelection(ctx),
  });
  r.register({
    id: 'fit-view',
    name: 'Fit diagram to view',
    group: 'View',
    shortcuts: ['Shift+1'],
    run: ({ flow, store }) => fitComponents(flow, store.getState().diagram, { padding: 0.2, duration: 200, maxZoom: 1.2 }),
  });
  r.register({
    id: 'zoom-selection',
    name: 'Zoom to selection',
    group: 'View',
    shortcuts: ['Shift+2'],
    run: ({ flow, store }) => {
      const { diagram, selection } = store.getState();
      if (!selection.nodes.length) return void store.getState().notify('info', 'Nothing selected: select components to zoom to them (Shift+1 fits the whole design).');
      fitComponents(flow, diagram, REVEAL_VIEW, selection.nodes);
    },
  });
  r.register({
    id: 'find',
    name: 'Find components',
    group: 'View',
    shortcuts: ['Mod+F'],
    global: true,
    run: ({ store }) => {
      // A second Ctrl+F while the box is open goes back to its text.
      if (store.getState().findOpen) document.querySelector<HTMLInputElement>('.find-box input')?.select();
      else store.getState().setFindOpen(true);
    },
  });
  r.register({
    id: 'focus-mode',
    name: 'Focus mode (hide the panels)',
    group: 'View',
    shortcuts: ['Shift+F'],
    run: ({ store, flow }) => {
      store.getState().setFocusMode(!store.getState().focusMode);
      // The canvas changes size: frame the design again once it has.
      requestAnimationFrame(() => requestAnimationFrame(() => fitComponents(flow, store.getState().diagram, { padding: 0.15, duration: 200, maxZoom: 1 })));
    },
  });
  r.register({
    id: 'toggle-palette',
    name: 'Show or hide the palette',
    group: 'View',
    run: ({ store }) => store.getState().setPrefs({ paletteOpen: !store.getState().prefs.paletteOpen }),
  });
  r.register({
    id: 'toggle-side',
    name: 'Show or hide the side panel',
    group: 'View',
    run: ({ store }) => store.getState().setPrefs({ sideOpen: !store.getState().prefs.sideOpen }),
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
