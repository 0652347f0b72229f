import { fitComponents } from './canvas/viewFit';
import { ReactFlowProvider, useReactFlow } from '@xyflow/react';
import { useCallback, useEffect, useMemo } from 'react';
import { BenchReady } from './canvas/BenchReady';
import { Canvas, REVEAL_VIEW } from './canvas/Canvas';
import type { FlowEdge, FlowNode } from './canvas/flowTypes';
import { useAddComponent } from './canvas/useAddComponent';
import type { AppCommands, AppContext } from './commands/appCommands';
import { useShortcuts } from './commands/useShortcuts';
import type { DiagramStore } from './store/diagramStore';
import { DiagramStoreContext, useDiagramStore, useDiagramStoreApi } from './store/useDiagramStore';
import { Dialogs } from './ui/Dialogs';
import { FileDrop } from './ui/FileDrop';
import { Header } from './ui/Header';
import { Notices } from './ui/Notices';
import { Palette } from './ui/Palette';
import { sidePanel } from './ui/sidePanelLoader';
import { CompareSlot } from './ui/CompareSlot';
import { PracticeSlot } from './ui/PracticeSlot';
import { RoomBarSlot, RoomPanelSlot } from './ui/RoomSlots';
import { FoldedStrip, usePanels } from './ui/PanelFold';
import { FocusExit } from './ui/FocusExit';

/** The page: header, palette, canvas, and the side column (stage strip, inspector, findings). */
export function App({ store, commands, bench = false }: { store: DiagramStore; commands: AppCommands; bench?: boolean }) {
  return (
    <DiagramStoreContext.Provider value={store}>
      <ReactFlowProvider>
        {bench && <BenchReady store={store} empty={store.getState().diagram.nodes.length === 0} />}
        <Shell commands={commands} />
      </ReactFlowProvider>
    </DiagramStoreContext.Provider>
  );
}

function Shell({ commands }: { commands: AppCommands }) {
  const store = useDiagramStoreApi();
  const flow = useReactFlow<FlowNode, FlowEdge>();
  const ctx = useMemo<AppContext>(() => ({ store, flow }), [store, flow]);
  useShortcuts(commands, ctx);
  // The browser tab names the design (several tabs, or a shared screen, tell designs apart by it).
  const title = useDiagramStore((s) => s.diagram.title);
  useEffect(() => {
    document.title = title.trim() ? `${title.trim()} — mlsd-canvas` : 'mlsd-canvas';
  }, [title]);
  const add = useAddComponent();
  const reveal = useCallback(
    (ids: readonly string[]) => fitComponents(flow, store.getState().diagram, REVEAL_VIEW, ids),
    [flow, store],
  );
  const panels = usePanels();
  return (
    <div className="app">
      <Header commands={commands} ctx={ctx} />
      <div className="top-bars">
        <PracticeSlot commands={commands} ctx={ctx} />
        <RoomBarSlot />
      </div>
      <main className="workspace" data-palette={panels.palette} data-side={panels.side}>
        {panels.palette === 'open' ? <Palette onAdd={add.atCentre} onDrop={add.atClientPoint} /> : panels.palette === 'folded' ? <FoldedStrip which="palette" /> : null}
        <FileDrop>
          <Canvas />
          {panels.focus && <FocusExit />}
        </FileDrop>
        {panels.side === 'open' ? <sidePanel.Component onReveal={reveal} /> : panels.side === 'folded' ? <FoldedStrip which="side" /> : null}
        <CompareSlot />
        <RoomPanelSlot />
      </main>
      <Dialogs commands={commands} />
      <Notices />
    </div>
  );
}
