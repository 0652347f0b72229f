import '@xyflow/react/dist/style.css';
import './styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { createAppCommands } from './commands/appCommands';
import { formatShortcut } from './commands/registry';
import { IS_MAC } from './commands/useShortcuts';
import { createDiagramStore } from './store/diagramStore';

const store = createDiagramStore();
const commands = createAppCommands();
// `?bench=N` belongs to the benchmark: it neither restores nor autosaves.
const bench = new URLSearchParams(location.search).has('bench');
if (bench) store.getState().setSaveStatus('off');

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App store={store} commands={commands} />
  </StrictMode>,
);

// Storage and share links load after the first paint, in their own chunk.
if (!bench) void import('./io/startup').then((m) => m.startFiles(store, { saveKeys: formatShortcut('Mod+S', IS_MAC) }));
