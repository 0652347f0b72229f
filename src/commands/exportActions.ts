import type { Diagram } from '../domain/diagram';
import { exportFileName } from '../domain/export/fileName';
import { downloadBlob } from '../io/download';
import { trackProgress, type ProgressTracker } from '../io/progress';
import type { DiagramStore } from '../store/diagramStore';
import { loadFailure, loadOnce } from './lazyActions';

/**
 * What the Export commands do, loaded on their first use. The exporters themselves (PNG, SVG,
 * Mermaid, Markdown) load next, with a progress notice when that takes a while.
 */

type Exporters = typeof import('../io/exporters');
const loadExporters = loadOnce(() => import('../io/exporters'), (e) => loadFailure('the export code', e));

/** Dark mode is on when the page's root carries data-theme="dark"; read at export time. */
function isDark(): boolean {
  return typeof document !== 'undefined' && document.documentElement.dataset.theme === 'dark';
}

function message(e: unknown): string {
  const text = e instanceof Error ? e.message : String(e);
  return text.endsWith('.') ? text : `${text}.`;
}

const count = (n: number) => n.toLocaleString('en-US');

/** A user-facing sentence for a failed clipboard write. */
function clipboardErrorMessage(e: unknown): string {
  if (e instanceof DOMException && e.name === 'NotAllowedError')
    return 'The browser did not allow this page to write to the clipboard (allow clipboard access for this site, or export a file instead).';
  return `The clipboard refused the content: ${e instanceof Error ? e.message : String(e)}`;
}

/** The stores (one per page) with an export running: one export at a time. */
const running = new WeakSet<DiagramStore>();

/** Starts a task with progress after 300 ms; null (and a notice) when another export still runs. */
function begin(store: DiagramStore): ProgressTracker | null {
  if (running.has(store)) {
    store.getState().notify('info', 'An export is still running; try again when it is done.');
    return null;
  }
  running.add(store);
  const tracker = trackProgress(store.getState().setProgress, undefined, 'Loading the exporter…');
  return {
    step: tracker.step,
    done() {
      running.delete(store);
      tracker.done();
    },
  };
}

type Work<T> = (m: Exporters, d: Diagram, step: (t: string) => void) => Promise<T>;

/** Runs an export that ends in a download; any failure becomes one clear error notice. */
function download(store: DiagramStore, what: string, work: Work<{ blob: Blob; name: string; note?: string }>): void {
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
}

/**
 * The content of a clipboard write that has already started (inside the user's gesture, see
 * exportCommands.ts); reports how the copy went. Rejects, writing nothing, when another export runs.
 */
function copy(store: DiagramStore, what: string, written: Promise<void>, make: Work<Blob>): Promise<Blob> {
  const progress = begin(store);
  if (!progress) {
    written.catch(() => {});
    return Promise.reject(new Error('another export is still running'));
  }
  const diagram = store.getState().diagram;
  const content = loadExporters().then((m) => make(m, diagram, progress.step));
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
  return content;
}

/** Export PNG and Export PNG (transparent). */
export function exportPng(store: DiagramStore, transparent: boolean): void {
  download(store, 'the PNG', async (m, d, step) => {
    const png = await m.renderPng(d, { dark: isDark(), transparent }, step);
    const name = exportFileName(d.title, '.png');
    const dims = `${count(png.width)} × ${count(png.height)} px`;
    const note = png.reduced
      ? `The diagram is too large for a ${m.DEFAULT_PIXEL_RATIO}x picture: exported ${name} at ${png.scale.toFixed(2)}x (${dims}).`
      : undefined;
    return { blob: png.blob, name, ...(note ? { note } : {}) };
  });
}

/** Copy image: the PNG for a clipboard write already started. */
export function copyImage(store: DiagramStore, written: Promise<void>): Promise<Blob> {
  return copy(store, 'the image', written, async (m, d, step) => (await m.renderPng(d, { dark: isDark() }, step)).blob);
}

/** Export SVG. */
export function exportSvg(store: DiagramStore): void {
  download(store, 'the SVG', async (m, d, step) => {
    step('Drawing the diagram…');
    return { blob: await m.svgBlob(d, { dark: isDark() }), name: exportFileName(d.title, '.svg') };
  });
}

/** Export Excalidraw (.excalidraw): the design as boxes and arrows to go on with in Excalidraw. */
export function exportExcalidraw(store: DiagramStore): void {
  download(store, 'the Excalidraw file', async (m, d) => ({
    blob: new Blob([m.excalidrawText(d)], { type: 'application/json' }),
    name: exportFileName(d.title, '.excalidraw'),
  }));
}

/** Export draw.io (.drawio). */
export function exportDrawio(store: DiagramStore): void {
  download(store, 'the draw.io file', async (m, d) => ({
    blob: new Blob([m.drawioText(d)], { type: 'application/xml' }),
    name: exportFileName(d.title, '.drawio'),
  }));
}

/** Export Mermaid (.mmd). */
export function exportMermaid(store: DiagramStore): void {
  download(store, 'the Mermaid file', async (m, d) => ({
    blob: new Blob([m.mermaidText(d)], { type: 'text/plain;charset=utf-8' }),
    name: exportFileName(d.title, '.mmd'),
  }));
}

/** Copy Mermaid: the flowchart text for a clipboard write already started. */
export function copyMermaid(store: DiagramStore, written: Promise<void>): Promise<Blob> {
  return copy(store, 'the Mermaid flowchart', written, async (m, d) => new Blob([m.mermaidText(d)], { type: 'text/plain' }));
}

/** Export Markdown write-up. */
export function exportMarkdown(store: DiagramStore): void {
  download(store, 'the write-up', async (m, d, step) => {
    step('Checking the design…');
    // A scored rubric an interviewer shared in a room on this design goes into the write-up.
    const shared = store.getState().roomRubric;
    const rubric = shared && shared.designId === store.getState().designId ? shared.rubric : undefined;
    return { blob: new Blob([m.markdownText(d, rubric)], { type: 'text/markdown;charset=utf-8' }), name: exportFileName(d.title, '.md') };
  });
}
