import { MAX_FILE_BYTES } from '../domain/format/parse';
import type { DiagramStore } from '../store/diagramStore';
import { openAsNewDesign } from '../store/openAsNewDesign';
import { FORMAT_NAMES, importMermaid, readFileContent, type FileContent, type ImportEnv } from './importers';
import type { MermaidModule } from './mermaidParse';

/**
 * Opening a file that is not our file format, in the browser: an Excalidraw, draw.io or Mermaid
 * file shows its summary first (and asks which page), a PNG or SVG exported by mlsd-canvas opens
 * the design inside it at once. A file that cannot be read says why, and the canvas stays as it was.
 */

/** Mermaid is large: it loads the first time Mermaid text is imported. */
export const browserEnv: ImportEnv = { loadMermaid: () => import('mermaid') as unknown as Promise<MermaidModule> };


function show(store: DiagramStore, source: string, content: FileContent): boolean {
  const s = store.getState();
  if (content.kind === 'design') {
    openAsNewDesign(store, content.diagram, `Opened “${content.diagram.title}” from ${source === 'pasted text' ? 'the pasted text' : `“${source}”`}.`);
    return true;
  }
  const readable = content.pages.filter((p) => p.result.ok);
  if (readable.length === 0) {
    const first = content.pages[0];
    const why = content.pages.length === 1 || !first ? (first && !first.result.ok ? first.result.error : 'it is empty') : `none of its ${content.pages.length} pages can be read (${content.pages.map((p) => `${p.name}: ${p.result.ok ? '' : p.result.error}`).join('; ')})`;
    s.notify('error', `Could not import ${source === 'pasted text' ? 'the pasted text' : `“${source}”`}: ${why}`, { sticky: true });
    return false;
  }
  s.showImportPreview({ source, format: FORMAT_NAMES[content.format], pages: content.pages });
  return true;
}

/** Opens a picked or dropped file that the importers read (see fileKind.ts); returns whether something opens. */
export async function openImportedFile(store: DiagramStore, file: File): Promise<boolean> {
  const s = store.getState();
  if (file.size > MAX_FILE_BYTES) {
    s.notify('error', `Could not open “${file.name}”: the file is larger than ${MAX_FILE_BYTES / (1024 * 1024)} MB; the app opens files up to that size`, { sticky: true });
    return false;
  }
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await file.arrayBuffer());
  } catch (e) {
    s.notify('error', `Could not open “${file.name}”: the file could not be read (${e instanceof Error ? e.message : String(e)})`, { sticky: true });
    return false;
  }
  let content: Awaited<ReturnType<typeof readFileContent>>;
  try {
    content = await readFileContent(file.name, bytes, browserEnv);
  } catch (e) {
    // Only a failed load of Mermaid's code gets here (the importers return their refusals).
    s.notify('error', `Could not import “${file.name}”: Mermaid's parser could not be loaded (${e instanceof Error ? e.message : String(e)}); check the connection and try again.`, { sticky: true });
    return false;
  }
  if (!content.ok) {
    s.notify('error', `Could not open “${file.name}”: ${content.error}`, { sticky: true });
    return false;
  }
  return show(store, file.name, content.value);
}

/** Imports pasted Mermaid text; a refusal is returned (for the paste dialog to show), never thrown. */
export async function importMermaidText(store: DiagramStore, text: string): Promise<string | null> {
  let content: Awaited<ReturnType<typeof importMermaid>>;
  try {
    content = await importMermaid(text, 'Mermaid import', browserEnv);
  } catch (e) {
    return `Mermaid's parser could not be loaded (${e instanceof Error ? e.message : String(e)}); check the connection and try again.`;
  }
  if (!content.ok) return content.error;
  const c = content.value;
  if (c.kind === 'import' && c.pages.every((p) => !p.result.ok)) {
    const p = c.pages[0];
    return p && !p.result.ok ? p.result.error : 'there is nothing in it to open';
  }
  show(store, 'pasted text', c);
  return null;
}
