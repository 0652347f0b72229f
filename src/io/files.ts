import type { Diagram } from '../domain/diagram';
import { decodeDiagramBytes, MAX_FILE_READ_BYTES } from '../domain/format/encoding';
import { MAX_FILE_BYTES, parseDiagramText } from '../domain/format/parse';
import { DEFAULT_TITLE } from '../domain/format/schema';
import { serializeForFile } from '../domain/format/serialize';
import { err, type Result } from '../domain/result';
import type { DiagramStore } from '../store/diagramStore';
import { openAsNewDesign } from '../store/openAsNewDesign';
import { loadFailureSentence } from '../commands/lazyActions';
import { needsImporter } from './fileKind';

/** Diagram files in and out of the browser: download as `<title>.mlsd.json`, open a picked or dropped file. */

export const FILE_EXTENSION = '.mlsd.json';

/** A safe file name for a diagram title: no path or reserved characters, not too long, never empty. */
export function fileNameFor(title: string, extension = FILE_EXTENSION): string {
  const cleaned = title
    .replace(/[\u0000-\u001f\u007f<>:"/\\|?*]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^\.+|\.+$/g, '')
    .trim();
  const base = [...cleaned].slice(0, 100).join('').trim() || DEFAULT_TITLE;
  return `${base}${extension}`;
}

/** Downloads text as a file. */
export function downloadText(text: string, fileName: string, type = 'application/json'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  // Give the browser time to start the download before the URL goes.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Downloads the diagram as `<title>.mlsd.json` in the file format; returns the file name. */
export function saveDiagramFile(d: Diagram): string {
  const name = fileNameFor(d.title);
  downloadText(serializeForFile(d, MAX_FILE_BYTES), name);
  return name;
}

/** Reads a picked or dropped file as a diagram, or says why not (the parser's message, e.g. `nodes[3].kind: unknown kind "feature-stor"`). */
export async function readDiagramFile(file: File): Promise<Result<Diagram, string>> {
  if (file.size > MAX_FILE_READ_BYTES) {
    return err(`the file is larger than ${MAX_FILE_BYTES / (1024 * 1024)} MB; the app opens files up to that size`);
  }
  let text: string;
  try {
    // Not file.text(), which reads UTF-8 only: the same encodings as the command-line checker.
    text = decodeDiagramBytes(new Uint8Array(await file.arrayBuffer()));
  } catch (e) {
    return err(`the file could not be read (${e instanceof Error ? e.message : String(e)})`);
  }
  const parsed = parseDiagramText(text);
  return parsed.ok ? parsed : err(parsed.error.message);
}

/**
 * Opens a file as a new design (one undo step; the design on screen stays in My designs). A
 * refused file leaves the diagram exactly as it was and shows the parser's message until dismissed.
 */
export async function openDiagramFile(store: DiagramStore, file: File): Promise<boolean> {
  // Excalidraw, draw.io, Mermaid and our own PNG and SVG go through the importers (loaded now).
  if (needsImporter(file.name, new Uint8Array(await file.slice(0, 512).arrayBuffer().catch(() => new ArrayBuffer(0))))) {
    let flow: typeof import('./importFlow');
    try {
      flow = await import('./importFlow');
    } catch (e) {
      store.getState().notify('error', loadFailureSentence(`the code that imports “${file.name}”`, e));
      return false;
    }
    return flow.openImportedFile(store, file);
  }
  const r = await readDiagramFile(file);
  const s = store.getState();
  if (!r.ok) {
    s.notify('error', `Could not open “${file.name}”: ${r.error}`, { sticky: true });
    return false;
  }
  openAsNewDesign(store, r.value, `Opened “${r.value.title}”.`);
  return true;
}
