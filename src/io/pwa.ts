/// <reference types="vite-plugin-pwa/vanillajs" />
import { registerSW } from 'virtual:pwa-register';
import type { DiagramStore } from '../store/diagramStore';

/**
 * The service worker (made by vite-plugin-pwa with workbox's generateSW): it precaches the app
 * and its on-demand chunks, so the app opens and works offline after the first visit (designs
 * are in IndexedDB). Registered after the first paint. A new version never takes over under the
 * user: it waits, and a notice offers to reload into it.
 */
export function startServiceWorker(store: DiagramStore): void {
  if (!('serviceWorker' in navigator)) return;
  let notice: number | undefined;
  const update = registerSW({
    immediate: true,
    onNeedRefresh() {
      if (notice !== undefined) store.getState().dismissNotice(notice);
      notice = store.getState().notify('info', 'A new version is ready.', {
        sticky: true,
        actions: [
          {
            label: 'Reload',
            run: () => {
              // Unsaved edits are written first; then the waiting worker takes over and the page reloads.
              void Promise.resolve(store.getState().library?.flush())
                .catch(() => {})
                .then(() => update(true));
            },
          },
        ],
      });
    },
    onRegisterError() {
      // No offline support in this browser session (private mode, blocked storage): the app works as before.
    },
  });
}
