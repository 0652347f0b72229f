import '@xyflow/react/dist/style.css';
import './styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { createAppCommands } from './commands/appCommands';
import { loadFailure } from './commands/lazyActions';
import { formatShortcut } from './commands/registry';
import { IS_MAC } from './commands/useShortcuts';
import { createDiagramStore, setExactFileSize } from './store/diagramStore';
import { bindPrefs, loadPrefs } from './io/prefs';
import { loadChecker } from './store/findings';
import { sidePanel } from './ui/sidePanelLoader';
import { miniMap } from './canvas/miniMapLoader';

import type { Diagram } from './domain/diagram';
import { readBenchN } from './domain/benchMode';

// `?bench=N` opens straight into a generated diagram for the benchmarks; nothing is restored or saved.
// The generator is loaded only then, so the first load of a real visit does not carry it (the app
// starts once it is there: a top-level await here would deadlock, the chunk imports from this one).
const benchN = readBenchN(location.search);
if (benchN === null) start();
else void import('./domain/benchDiagram').then((m) => start(m.benchDiagram(benchN)));

function start(benchStart?: Diagram) {
  const store = createDiagramStore({ prefs: loadPrefs(), ...(benchStart ? { diagram: benchStart } : {}) });
  if (benchN !== null) {
    document.documentElement.classList.add('bench');
    // Measurement hooks for npm run bench (bench mode only).
    (window as unknown as { __bench: unknown }).__bench = {
      store,
      /** The whole diagram as the Export PNG command makes it, without the download. */
      exportPng: async () => (await (await import('./io/exporters')).renderPng(store.getState().diagram)).blob,
    };
  }
  bindPrefs(store);
  const commands = createAppCommands();
  // `?bench=N` belongs to the benchmark: it neither restores nor autosaves.
  const bench = new URLSearchParams(location.search).has('bench');
  if (bench) store.getState().setSaveStatus('off');

  // The side column, the checker, the findings list and the minimap are not needed to draw the page: fetch them
  // once it has painted and the main thread is idle (a large diagram renders first), at the latest 1 s on.
  const afterFirstPaint = (work: () => void) =>
    requestAnimationFrame(() => setTimeout(() => ('requestIdleCallback' in window ? requestIdleCallback(work, { timeout: 1000 }) : work()), 0));
  afterFirstPaint(() => {
    void loadChecker();
    // The exact file size for the store's guard near the 20 MB limit.
    void import('./domain/format/serialize').then((m) => setExactFileSize(m.fileByteLength)).catch(() => {});
    void miniMap.preload().catch(() => {});
    // The find box (Ctrl/Cmd+F) and the kind menu: ready before the first use, so no typed key is lost.
    void import('./canvas/FindBox').catch(() => {});
    void import('./canvas/KindMenu').catch(() => {});
    // A failed load shows in the column itself (with a retry), not as an unhandled rejection.
    sidePanel
      .preload()
      .then(() => import('./ui/SidePanel'))
      .then((m) => m.findingsPanel.preload())
      .catch(() => {});
  });

  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App store={store} commands={commands} bench={benchN !== null} />
    </StrictMode>,
  );

  // Storage and share links load after the first paint, in their own chunk.
  let started: Promise<unknown> = Promise.resolve();
  if (!bench) {
    const saveKeys = formatShortcut('Mod+S', IS_MAC);
    // Without its code there is no restore and no autosave: the header says "Not saved" and why.
    started = import('./io/startup').then(
      (m) => m.startFiles(store, { saveKeys }),
      (e: unknown) =>
        store
          .getState()
          .setSaveStatus('failed', `Autosave could not start: ${loadFailure('its code', e)}. Until then, save a file (${saveKeys}) to keep your work.`),
    );
  }
  // A practice session in progress survives a reload on its design (timer paused).
  if (!bench) void import('./io/practicePersistence').then((m) => m.bindPracticePersistence(store));
  // The offline app: the service worker registers (and starts precaching) once the page has painted and
  // start-up (restoring the design, opening a share link) is done, so it never competes with them.
  const whenIdle = (work: () => void) => ('requestIdleCallback' in window ? requestIdleCallback(work, { timeout: 3000 }) : setTimeout(work, 500));
  if (!bench) {
    void started.finally(() =>
      afterFirstPaint(() => whenIdle(() => void import('./io/pwa').then((m) => m.startServiceWorker(store)).catch(() => {}))),
    );
  }
}
