import type { Diagram } from '../domain/diagram';
import { exportFileName } from '../domain/export/fileName';
import { clipboardErrorMessage, clipboardProblem, writeClipboard } from '../io/exportClipboard';
import { downloadBlob } from '../io/download';
import { trackProgress, type ProgressTracker } from '../io/progress';
import type { DiagramStore } from '../store/diagramStore';
import type { AppCommands, AppContext } from './appCommands';

// The exporters are loaded on first use: this module holds only the commands and stays small.
type Exporters = typeof import('../io/exporters');
let exporters: Promise<Exporters> | undefined;
function loadExporters(): Promise<Exporters> {
  exporters ??= import('../io/exporters').catch((e: unknown) => {
    exporters = undefined; // a later attempt may succeed (e.g. back online)
    throw new Error(`the export code could not be loaded (${e instanceof Error ? e.message : String(e)}); check the connection and try again`);
  });
  return exporters;
}

/** Dark mode is on when the page's root carries data-theme="dark"; read at export time. */
function isDark(): boolean {
  return typeof document !== 'undefined' && document.documentElement.dataset.theme === 'dark';
}

function message(e: unknown): string {
  const text = e instanceof Error ? e.message : String(e);
  return text.endsWith('.') ? text : `${text}.`;
}

const count = (n: number) => n.toLocaleString('en-US');

/** Export, copy-image and Mermaid / Markdown commands of the Export menu. */
export function registerExportCommands(r: AppCommands): void {
  let running = false;
  const hasNodes = ({ store }: AppContext) => store.getState().diagram.nodes.length > 0;

  /** Starts a task with progress after 300 ms; null (and a notice) when another export still runs. */
  const begin = (store: DiagramStore): ProgressTracker | null => {
    if (running) {
      store.getState().notify('info', 'An export is still running; try again when it is done.');
      return null;
    }
    running = true;
    const tracker = trackProgress(store.getState().setProgress, undefined, 'Loading the exporter…');
    return {
      step: tracker.step,
      done() {
        running = false;
        tracker.done();
      },
    };
  };

  /** Runs an export that ends in a download; any failure becomes one clear error notice. */
  const download = (store: DiagramStore, what: string, work: (m: Exporters, d: Diagram, step: (t: string) => void) => Promise<{ blob: Blob; name: string; note?: string }>) => {
    const progress = begin(store);
    if (!progress) return;
    const diagram = store.getState().diagram;
    void (async () => {
      try {
        const m = await loadExporters();
        const { blob, name, note } = await work(m, diagram, progress.step);
        downloadBlob(blob, name);
        store.getState().notify(note ? 'info' : 'success', note ?? `Exported ${name}.`);
      } catch (e) {
        store.getState().notify('error', `Could not export ${what}: ${message(e)}`);
      } finally {
        progress.done();
      }
    })();
  };

  /** Puts content on the clipboard; the write starts synchronously, inside the user's gesture. */
  const copy = (store: DiagramStore, type: 'image/png' | 'text/plain', what: string, make: (m: Exporters, d: Diagram, step: (t: string) => void) => Promise<Blob>) => {
    const problem = clipboardProblem(type);
    if (problem) {
      store.getState().notify('error', `${problem} ${type === 'image/png' ? 'Use Export PNG instead.' : 'Use Export Mermaid instead.'}`);
      return;
    }
    const progress = begin(store);
    if (!progress) return;
    const diagram = store.getState().diagram;
    const content = loadExporters().then((m) => make(m, diagram, progress.step));
    const written = writeClipboard(type, content);
    void (async () => {
      try {
        await content;
      } catch (e) {
        written.catch(() => {}); // the clipboard write fails with it; the cause is what the user needs
        store.getState().notify('error', `Could not copy ${what}: ${message(e)}`);
        return;
      } finally {
        // The work is done: a clipboard permission prompt left unanswered must not block later exports.
        progress.done();
      }
      try {
        await written;
        store.getState().notify('success', `Copied ${what} to the clipboard.`);
      } catch (e) {
        store.getState().notify('error', clipboardErrorMessage(e));
      }
    })();
  };

  const exportPng = (transparent: boolean) => ({ store }: AppContext) =>
    download(store, 'the PNG', async (m, d, step) => {
      const png = await m.renderPng(d, { dark: isDark(), transparent }, step);
      const name = exportFileName(d.title, '.png');
      const dims = `${count(png.width)} × ${count(png.height)} px`;
      const note = png.reduced
        ? `The diagram is too large for a ${m.DEFAULT_PIXEL_RATIO}x picture: exported ${name} at ${png.scale.toFixed(2)}x (${dims}).`
        : undefined;
      return { blob: png.blob, name, ...(note ? { note } : {}) };
    });

  r.register({ id: 'export-png', name: 'Export PNG', group: 'Export', run: exportPng(false), enabled: hasNodes });
  r.register({ id: 'export-png-transparent', name: 'Export PNG (transparent)', group: 'Export', run: exportPng(true), enabled: hasNodes });
  r.register({
    id: 'copy-image',
    name: 'Copy image',
    group: 'Export',
    run: ({ store }) => copy(store, 'image/png', 'the image', async (m, d, step) => (await m.renderPng(d, { dark: isDark() }, step)).blob),
    enabled: hasNodes,
  });
  r.register({
    id: 'export-svg',
    name: 'Export SVG',
    group: 'Export',
    run: ({ store }) =>
      download(store, 'the SVG', async (m, d, step) => {
        step('Drawing the diagram…');
        return { blob: m.svgBlob(d, { dark: isDark() }), name: exportFileName(d.title, '.svg') };
      }),
    enabled: hasNodes,
  });
  r.register({
    id: 'export-mermaid',
    name: 'Export Mermaid (.mmd)',
    group: 'Export',
    run: ({ store }) =>
      download(store, 'the Mermaid file', async (m, d) => ({
        blob: new Blob([m.mermaidText(d)], { type: 'text/plain;charset=utf-8' }),
        name: exportFileName(d.title, '.mmd'),
      })),
    enabled: hasNodes,
  });
  r.register({
    id: 'copy-mermaid',
    name: 'Copy Mermaid',
    group: 'Export',
    run: ({ store }) => copy(store, 'text/plain', 'the Mermaid flowchart', async (m, d) => new Blob([m.mermaidText(d)], { type: 'text/plain' })),
    enabled: hasNodes,
  });
  r.register({
    id: 'export-markdown',
    name: 'Export Markdown write-up',
    group: 'Export',
    run: ({ store }) =>
      download(store, 'the write-up', async (m, d, step) => {
        step('Checking the design…');
        return { blob: new Blob([m.markdownText(d)], { type: 'text/markdown;charset=utf-8' }), name: exportFileName(d.title, '.md') };
      }),
  });
}
