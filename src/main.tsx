import '@xyflow/react/dist/style.css';
import './styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { createAppCommands } from './commands/appCommands';
import { createDiagramStore } from './store/diagramStore';
import { bindPrefs, loadPrefs } from './io/prefs';

const store = createDiagramStore({ prefs: loadPrefs() });
bindPrefs(store);
const commands = createAppCommands();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App store={store} commands={commands} />
  </StrictMode>,
);
