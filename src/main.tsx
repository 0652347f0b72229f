import '@xyflow/react/dist/style.css';
import './styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { createAppCommands } from './commands/appCommands';
import { createDiagramStore } from './store/diagramStore';

const store = createDiagramStore();
const commands = createAppCommands();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App store={store} commands={commands} />
  </StrictMode>,
);
