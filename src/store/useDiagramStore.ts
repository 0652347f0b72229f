import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { DiagramState, DiagramStore } from './diagramStore';

/** The store of the running app, provided at the root (tests provide their own). */
export const DiagramStoreContext = createContext<DiagramStore | null>(null);

/** The store instance, for actions called outside render. */
export function useDiagramStoreApi(): DiagramStore {
  const store = useContext(DiagramStoreContext);
  if (!store) throw new Error('DiagramStoreContext is missing');
  return store;
}

/** Reads a slice of the app's store; the component re-renders only when that slice changes. */
export function useDiagramStore<T>(selector: (state: DiagramState) => T): T {
  return useStore(useDiagramStoreApi(), selector);
}
