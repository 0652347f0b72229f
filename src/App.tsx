import { ReactFlowProvider, useReactFlow } from '@xyflow/react';
import { useMemo } from 'react';
import { BenchReady } from './canvas/BenchReady';
import { Canvas } from './canvas/Canvas';
import type { FlowEdge, FlowNode } from './canvas/flowTypes';
import { useAddComponent } from './canvas/useAddComponent';
import type { AppCommands, AppContext } from './commands/appCommands';
import { useShortcuts } from './commands/useShortcuts';
import type { DiagramStore } from './store/diagramStore';
import { DiagramStoreContext, useDiagramStoreApi } from './store/useDiagramStore';
import { Dialogs } from './ui/Dialogs';
import { Header } from './ui/Header';
import { Inspector } from './ui/Inspector';
import { Notices } from './ui/Notices';
import { Palette } from './ui/Palette';
import { CompareSlot } from './ui/CompareSlot';
import { PracticeSlot } from './ui/PracticeSlot';

/** The page: header, palette, canvas, inspector. */
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
  const add = useAddComponent();
  return (
    <div className="app">
      <Header commands={commands} ctx={ctx} />
      <PracticeSlot commands={commands} ctx={ctx} />
      <main className="workspace">
        <Palette onAdd={add.atCentre} onDrop={add.atClientPoint} />
        <Canvas />
        <Inspector />
        <CompareSlot />
      </main>
      <Dialogs commands={commands} />
      <Notices />
    </div>
  );
}
