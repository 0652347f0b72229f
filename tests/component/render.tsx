import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { createDiagramStore, type DiagramStore } from '../../src/store/diagramStore';
import { DiagramStoreContext } from '../../src/store/useDiagramStore';

/** Renders a panel with a fresh store (deterministic ids) and returns both. */
export function renderWithStore(ui: ReactElement, store: DiagramStore = createDiagramStore({ newId: counter() })) {
  const result = render(<DiagramStoreContext.Provider value={store}>{ui}</DiagramStoreContext.Provider>);
  return { ...result, store };
}

function counter() {
  let i = 0;
  return (prefix: string) => `${prefix}${++i}`;
}
