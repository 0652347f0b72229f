import type { Diagram } from '../domain/diagram';
import { MAX_FILE_BYTES, parseDiagramText } from '../domain/format/parse';
import { readDrawio, type InflateRaw } from '../domain/import/drawio';
import { isExcalidrawJson, readExcalidrawValue } from '../domain/import/excalidraw';
import { layeredLayout, sketchFromMermaid } from '../domain/import/mermaid';
import { buildDiagram, type Imported } from '../domain/import/sketch';
import { err, ok, type Result } from '../domain/result';
import { isPng, readPngText, readSvgText } from './embed';
import { decodeText, extension, looksLikeMermaid } from './fileKind';
import { parseMermaidFlow, type MermaidModule } from './mermaidParse';
import { decodeDiagramPayload } from './shareLink';

/**
 * Every way a design comes in from a file, the same in the browser and on the command line: our
 * own file, a PNG or SVG exported by mlsd-canvas (the diagram rides inside), and imports from
 * Excalidraw, draw.io and Mermaid (read into a sketch, mapped to components through the
 * catalogue, checked by the file format's parser). Only what differs between the two is injected:
 * how Mermaid is loaded.
 */

export type ImportFormat = 'excalidraw' | 'drawio' | 'mermaid';

/** The names of the formats, for messages. */
export const FORMAT_NAMES: Record<ImportFormat | 'png' | 'svg' | 'mlsd', string> = {
  excalidraw: 'Excalidraw',
  drawio: 'draw.io',
  mermaid: 'Mermaid',
  png: 'PNG',
  svg: 'SVG',
  mlsd: 'mlsd-canvas',
};

/** A page of an imported file (draw.io files have several; the others one). */
export interface ImportPage {
  name: string;
  result: Result<Imported, string>;
}

/** What a file holds: a design to open as it is, or an import to look at first. */
export type FileContent =
  | { kind: 'design'; format: 'mlsd' | 'png' | 'svg'; diagram: Diagram }
  | { kind: 'import'; format: ImportFormat; pages: ImportPage[] };

export interface ImportEnv {
  /** Loads the mermaid package (lazily in the browser; after a DOM shim in Node). */
  loadMermaid: () => Promise<MermaidModule>;
}

/** Raw inflate through the platform's DecompressionStream (browsers and Node 20), stopping past `limit` bytes. */
export const inflateRaw: InflateRaw = async (bytes, limit) => {
  const stream = new DecompressionStream('deflate-raw');
  const writer = stream.writable.getWriter();
  writer.write(bytes as Uint8Array<ArrayBuffer>).catch(() => {});
  writer.close().catch(() => {});
  const reader = stream.readable.getReader();
  const parts: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.length;
    if (total > limit) {
      await reader.cancel().catch(() => {});
      return 'too-big';
    }
    parts.push(value);
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
};

/** The file name without its extension(s), for a design's title. */
export function baseName(name: string): string {
  const base = name.replace(/^.*[/\\]/, '').replace(/\.(mlsd\.json|drawio\.(svg|png|xml)|excalidraw\.(json|png|svg)|[^.]+)$/i, '');
  return base.trim() || 'Imported design';
}

/** Opens a design carried inside one of our PNG or SVG exports. */
async function embedded(payload: string | undefined, what: 'PNG' | 'SVG'): Promise<Result<Diagram, string>> {
  if (payload === undefined) {
    return err(`this ${what} has no mlsd-canvas diagram inside (only pictures exported by mlsd-canvas carry one; open the .mlsd.json file instead)`);
  }
  const d = await decodeDiagramPayload(payload, `the diagram inside this ${what} is damaged`);
  return d.ok ? d : err(d.error.message);
}

async function drawioPages(text: string, fileName: string): Promise<Result<FileContent, string>> {
  const pages = await readDrawio(text, inflateRaw);
  if (!pages.ok) return pages;
  const title = baseName(fileName);
  const many = pages.value.length > 1;
  return ok({
    kind: 'import',
    format: 'drawio',
    pages: pages.value.map((p) => ({
      name: p.name,
      result: p.sketch.ok ? buildDiagram(p.sketch.value, many ? `${title} – ${p.name}` : title) : p.sketch,
    })),
  });
}

/** Imports Mermaid flowchart text (a file's or pasted). */
export async function importMermaid(text: string, title: string, env: ImportEnv): Promise<Result<FileContent, string>> {
  const flow = await parseMermaidFlow(text, env.loadMermaid);
  if (!flow.ok) return flow;
  const result = buildDiagram(sketchFromMermaid(flow.value), title, layeredLayout);
  return ok({ kind: 'import', format: 'mermaid', pages: [{ name: title, result }] });
}

/**
 * What a file holds, read by its name and content: our file format, a PNG or SVG of ours, or an
 * Excalidraw, draw.io or Mermaid file to import; or why it cannot be opened.
 */
export async function readFileContent(name: string, bytes: Uint8Array, env: ImportEnv): Promise<Result<FileContent, string>> {
  if (bytes.length > MAX_FILE_BYTES) return err(`the file is larger than ${MAX_FILE_BYTES / (1024 * 1024)} MB; the app opens files up to that size`);
  const ext = extension(name);
  if (isPng(bytes)) {
    const found = readPngText(bytes);
    if (!found.ok) return err(`this PNG cannot be read: ${found.error}`);
    if (found.value.payload === undefined && found.value.drawio !== undefined) return drawioPages(found.value.drawio, name);
    const d = await embedded(found.value.payload, 'PNG');
    return d.ok ? ok({ kind: 'design', format: 'png', diagram: d.value }) : d;
  }
  if (ext === '.png') return err('it is not a PNG image (its first bytes are not a PNG signature)');
  const text = decodeText(bytes);
  const start = text.trimStart();
  if (start.startsWith('<')) {
    if (/^(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*<(mxfile|mxGraphModel)[\s>]/.test(start)) return drawioPages(text, name);
    if (ext === '.svg' || /<svg[\s>]/.test(start.slice(0, 4096))) {
      const found = readSvgText(text);
      if (!found.ok) return err(`this SVG cannot be read: ${found.error}`);
      if (found.value.payload === undefined && found.value.drawio !== undefined) return drawioPages(found.value.drawio, name);
      const d = await embedded(found.value.payload, 'SVG');
      return d.ok ? ok({ kind: 'design', format: 'svg', diagram: d.value }) : d;
    }
    if (ext === '.drawio' || ext === '.xml') return drawioPages(text, name);
    return err('it is XML but neither a draw.io file nor an SVG');
  }
  if (start.startsWith('{') || start.startsWith('[')) {
    let value: unknown;
    try {
      value = JSON.parse(start);
    } catch (e) {
      if (ext === '.excalidraw') return err(`not an Excalidraw file: it is not JSON (${e instanceof Error ? e.message : String(e)})`);
      const parsed = parseDiagramText(text);
      return parsed.ok ? ok({ kind: 'design', format: 'mlsd', diagram: parsed.value }) : err(parsed.error.message);
    }
    if (isExcalidrawJson(value) || ext === '.excalidraw') {
      const sketch = readExcalidrawValue(value);
      if (!sketch.ok) return sketch;
      return ok({ kind: 'import', format: 'excalidraw', pages: [{ name: baseName(name), result: buildDiagram(sketch.value, baseName(name)) }] });
    }
    const parsed = parseDiagramText(text);
    return parsed.ok ? ok({ kind: 'design', format: 'mlsd', diagram: parsed.value }) : err(parsed.error.message);
  }
  if (ext === '.mmd' || ext === '.mermaid' || looksLikeMermaid(text)) return importMermaid(text, baseName(name), env);
  if (ext === '.drawio' || ext === '.xml') return err('not a draw.io file: it does not start with <mxfile>');
  if (ext === '.excalidraw') return err('not an Excalidraw file: it is not JSON');
  const parsed = parseDiagramText(text);
  return parsed.ok ? ok({ kind: 'design', format: 'mlsd', diagram: parsed.value }) : err(parsed.error.message);
}
