import { clipboardProblem, writeClipboard } from '../io/exportClipboard';
import type { DiagramStore } from '../store/diagramStore';
import type { AppCommands, AppContext } from './appCommands';
import { lazyActions } from './lazyActions';

/** What the commands do (exportActions.ts) loads on their first use: this module holds only the commands. */
const actions = lazyActions(() => import('./exportActions'), 'the export code');
type ExportActions = Awaited<ReturnType<typeof actions.load>>;

/**
 * A copy command. The clipboard write starts at once, inside the user's click or key press (Safari
 * accepts a write only there); its content follows from the export code, loaded on first use.
 */
function copyRun(
  type: 'image/png' | 'text/plain',
  instead: string,
  content: (m: ExportActions, store: DiagramStore, written: Promise<void>) => Promise<Blob>,
) {
  return ({ store }: AppContext): void => {
    const problem = clipboardProblem(type);
    if (problem) {
      store.getState().notify('error', `${problem} Use ${instead} instead.`);
      return;
    }
    let provide!: (blob: Promise<Blob>) => void;
    const blob = new Promise<Blob>((resolve) => (provide = resolve));
    const written = writeClipboard(type, blob);
    // Every failure is reported once, by the export code or below, whichever settles first.
    blob.catch(() => {});
    written.catch(() => {});
    void actions.load().then(
      (m) => provide(content(m, store, written)),
      (e: Error) => {
        provide(Promise.reject(e));
        store.getState().notify('error', e.message);
      },
    );
  };
}

/** Export, copy-image and Mermaid / Markdown commands of the Export menu. */
export function registerExportCommands(r: AppCommands): void {
  const hasNodes = ({ store }: AppContext) => store.getState().diagram.nodes.length > 0;
  r.register({
    id: 'export-png',
    name: 'Export PNG',
    group: 'Export',
    run: actions.run((m, { store }) => m.exportPng(store, false)),
    enabled: hasNodes,
  });
  r.register({
    id: 'export-png-transparent',
    name: 'Export PNG (transparent)',
    group: 'Export',
    run: actions.run((m, { store }) => m.exportPng(store, true)),
    enabled: hasNodes,
  });
  r.register({
    id: 'copy-image',
    name: 'Copy image',
    group: 'Export',
    run: copyRun('image/png', 'Export PNG', (m, store, written) => m.copyImage(store, written)),
    enabled: hasNodes,
  });
  r.register({
    id: 'export-svg',
    name: 'Export SVG',
    group: 'Export',
    run: actions.run((m, { store }) => m.exportSvg(store)),
    enabled: hasNodes,
  });
  r.register({
    id: 'export-excalidraw',
    name: 'Export Excalidraw',
    group: 'Export',
    run: actions.run((m, { store }) => m.exportExcalidraw(store)),
    enabled: hasNodes,
  });
  r.register({
    id: 'export-drawio',
    name: 'Export draw.io',
    group: 'Export',
    run: actions.run((m, { store }) => m.exportDrawio(store)),
    enabled: hasNodes,
  });
  r.register({
    id: 'export-mermaid',
    name: 'Export Mermaid (.mmd)',
    group: 'Export',
    run: actions.run((m, { store }) => m.exportMermaid(store)),
    enabled: hasNodes,
  });
  r.register({
    id: 'copy-mermaid',
    name: 'Copy Mermaid',
    group: 'Export',
    run: copyRun('text/plain', 'Export Mermaid', (m, store, written) => m.copyMermaid(store, written)),
    enabled: hasNodes,
  });
  r.register({
    id: 'export-markdown',
    name: 'Export Markdown write-up',
    group: 'Export',
    run: actions.run((m, { store }) => m.exportMarkdown(store)),
  });
}
