import { useSyncExternalStore } from 'react';
import type { KindId } from '../domain/catalogue';

type ToolTable = Readonly<Record<KindId, readonly string[]>>;

let tools: ToolTable | null = null;
let loading: Promise<void> | null = null;
const listeners = new Set<() => void>();

/**
 * Fetches the kinds' tools (domain/kindTools.ts) for the palette's search and tooltip: main.tsx asks
 * once the page has painted, the palette as soon as the pointer or the focus comes into it. A failed
 * fetch is tried again on the next call.
 */
export function loadKindTools(): void {
  loading ??= import('../domain/kindTools').then(
    (m) => {
      tools = m.KIND_TOOLS;
      for (const notify of listeners) notify();
    },
    () => {
      loading = null;
    },
  );
}

const subscribe = (notify: () => void) => {
  listeners.add(notify);
  return () => void listeners.delete(notify);
};

/** The kinds' tools once they have loaded; null until then (the palette searches labels and ids). */
export function useKindTools(): ToolTable | null {
  return useSyncExternalStore(subscribe, () => tools);
}
