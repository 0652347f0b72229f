import { readFileSync, statSync } from 'node:fs';
import type { Diagram } from '../domain/diagram';
import { MAX_FILE_BYTES } from '../domain/format/parse';
import { skippedCount } from '../domain/import/sketch';
import { FORMAT_NAMES, readFileContent } from '../io/importers';
import { loadMermaidInNode } from './mermaidNode';

/**
 * A file the checker reads through the app's importers (src/io/importers.ts, which runs in Node
 * as in the browser): our PNG or SVG export, or an Excalidraw, draw.io or Mermaid file. The
 * import's summary (and, for draw.io, which page was checked) is a note for stderr, so that
 * `--json` output stays clean.
 */
export async function readImport(path: string, shown: string, page: string | undefined): Promise<{ diagram: Diagram; note?: string } | { error: string }> {
  let bytes: Uint8Array;
  try {
    const st = statSync(path);
    if (st.isDirectory()) return { error: 'cannot read the file: it is a directory' };
    if (st.size > MAX_FILE_BYTES) return { error: `the file is larger than ${MAX_FILE_BYTES / (1024 * 1024)} MB; the app opens files up to that size` };
    bytes = new Uint8Array(readFileSync(path));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return { error: `cannot read the file: ${code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : (e as Error).message}` };
  }
  const content = await readFileContent(shown, bytes, { loadMermaid: loadMermaidInNode });
  if (!content.ok) return { error: content.error };
  const c = content.value;
  if (c.kind === 'design') return { diagram: c.diagram };
  const names = c.pages.map((p) => p.name);
  const chosen = page === undefined ? (c.pages.find((p) => p.result.ok) ?? c.pages[0]) : c.pages.find((p) => p.name === page);
  if (!chosen) return { error: `no page named “${page}” (pages: ${names.map((n) => `“${n}”`).join(', ')})` };
  if (!chosen.result.ok) return { error: c.pages.length > 1 ? `page “${chosen.name}”: ${chosen.result.error}` : chosen.result.error };
  const s = chosen.result.value.summary;
  const parts = [
    `imported from ${FORMAT_NAMES[c.format]}${c.pages.length > 1 ? `, page “${chosen.name}” of ${c.pages.length} (--page to choose)` : ''}:`,
    `${s.recognised.length} components recognised, ${s.custom.length} custom, ${skippedCount(s.skipped)} skipped`,
  ];
  const why = s.skipped.map((k) => `${k.what} (${k.why})`);
  return { diagram: chosen.result.value.diagram, note: `${parts.join(' ')}${why.length ? `: ${why.join('; ')}` : ''}` };
}
