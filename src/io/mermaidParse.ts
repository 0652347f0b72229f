import type { MermaidFlow } from '../domain/import/mermaid';
import { err, ok, type Result } from '../domain/result';

/**
 * Mermaid text read by Mermaid's own parser (the `mermaid` package, loaded on first use: it is
 * large), reduced to the plain data of its flowchart database. Only flowcharts (`flowchart` /
 * `graph`) are imported; another diagram type is refused by name, before its code is loaded.
 */

/** The part of the mermaid module this reader uses. */
export interface MermaidModule {
  default: {
    initialize(config: Record<string, unknown>): void;
    detectType(text: string): string;
    mermaidAPI: { getDiagramFromText(text: string): Promise<{ type: string; db: unknown }> };
  };
}

/** Longest Mermaid text read: the parser is not meant for more. */
export const MAX_MERMAID_CHARS = 2 * 1024 * 1024;

/** True when text looks like a Mermaid diagram (its first statement names a diagram type, after front matter and comments). */
export function looksLikeMermaid(text: string): boolean {
  return /^\s*(flowchart|graph|sequenceDiagram|classDiagram|stateDiagram(-v2)?|erDiagram|journey|gantt|pie|mindmap|timeline|gitGraph|C4Context|quadrantChart|sankey(-beta)?|xychart(-beta)?|block(-beta)?|architecture(-beta)?|kanban|packet(-beta)?|requirementDiagram)\b/.test(
    stripPreamble(text),
  );
}

/** The text after YAML front matter, `%%` comments and directives, and blank lines. */
function stripPreamble(text: string): string {
  let t = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const front = /^\s*---\r?\n[\s\S]*?\r?\n---[ \t]*(\r?\n|$)/.exec(t);
  if (front) t = t.slice(front[0].length);
  return t.replace(/^(\s*%%[^\n]*(\n|$))+/, '');
}

let initialised = false;

/** A Mermaid error as one or two readable lines: the position and what was expected. */
function parseMessage(e: unknown): string {
  const text = e instanceof Error ? e.message : String(e);
  const lines = text.split('\n').map((l) => l.trim()).filter(Boolean);
  const where = lines.find((l) => /^Parse error on line \d+/.test(l))?.replace(/:$/, '');
  const expected = lines.find((l) => /^Expecting /.test(l));
  if (where && expected) return `${where}: ${expected.length > 200 ? `${expected.slice(0, 199)}…` : expected}`;
  return lines[0]?.slice(0, 300) ?? 'it could not be parsed';
}

interface FlowDb {
  getVertices(): Map<string, { id: string; text?: string; type?: string }> | Record<string, { id: string; text?: string; type?: string }>;
  getEdges(): { start: string; end: string; text?: string; type?: string; stroke?: string }[];
  getSubGraphs(): { id: string; title?: string; nodes?: string[] }[];
  getDiagramTitle?(): string;
}

/** Reads Mermaid flowchart text with Mermaid's parser, or says why not (another diagram type, a syntax error). */
export async function parseMermaidFlow(text: string, load: () => Promise<MermaidModule>): Promise<Result<MermaidFlow, string>> {
  if (text.length > MAX_MERMAID_CHARS) return err(`the Mermaid text is longer than ${MAX_MERMAID_CHARS / (1024 * 1024)} MB`);
  if (!stripPreamble(text).trim()) return err('there is no Mermaid diagram in it');
  const mermaid = (await load()).default;
  if (!initialised) {
    mermaid.initialize({ startOnLoad: false, securityLevel: 'strict', flowchart: { htmlLabels: false } });
    initialised = true;
  }
  let type: string;
  try {
    type = mermaid.detectType(text);
  } catch {
    return err('it is not a Mermaid diagram Mermaid knows (it should start with "flowchart LR" or "graph TD")');
  }
  if (!type.startsWith('flowchart')) {
    return err(`it is a Mermaid ${type.replace(/-v\d+$/, '')} diagram; only flowcharts ("flowchart" or "graph") can be imported`);
  }
  let db: FlowDb;
  try {
    db = (await mermaid.mermaidAPI.getDiagramFromText(text)).db as FlowDb;
  } catch (e) {
    return err(`Mermaid could not read it: ${parseMessage(e)}`);
  }
  const vertices = db.getVertices();
  const list = vertices instanceof Map ? [...vertices.values()] : Object.values(vertices);
  const flow: MermaidFlow = {
    vertices: list.map((v) => ({ id: String(v.id), text: typeof v.text === 'string' ? v.text : String(v.id), ...(v.type ? { type: v.type } : {}) })),
    edges: db.getEdges().map((e) => ({ start: String(e.start), end: String(e.end), text: typeof e.text === 'string' ? e.text : '', ...(e.type ? { type: e.type } : {}), ...(e.stroke ? { stroke: e.stroke } : {}) })),
    subgraphs: db.getSubGraphs().map((s) => ({ id: String(s.id), title: typeof s.title === 'string' ? s.title : String(s.id), nodes: Array.isArray(s.nodes) ? s.nodes.map(String) : [] })),
  };
  const title = frontMatterTitle(text) ?? db.getDiagramTitle?.();
  if (typeof title === 'string' && title.trim()) flow.title = title;
  return ok(flow);
}

/**
 * The `title:` of the YAML front matter (Mermaid keeps it for the picture, not in the flowchart's
 * data): a double-quoted scalar with its escapes, a single-quoted one, or plain text.
 */
export function frontMatterTitle(text: string): string | undefined {
  const front = /^\uFEFF?\s*---\r?\n([\s\S]*?)\r?\n---/.exec(text);
  const line = front?.[1].split(/\r?\n/).find((l) => /^title\s*:/.test(l));
  if (!line) return undefined;
  const value = line.replace(/^title\s*:\s*/, '').trim();
  if (value.startsWith('"')) {
    try {
      return JSON.parse(value.replace(/\\x([0-9a-fA-F]{2})/g, '\\u00$1')) as string;
    } catch {
      return value.slice(1, -1);
    }
  }
  if (value.startsWith("'")) return value.slice(1, -1).replace(/''/g, "'");
  return value.replace(/\s+#.*$/, '');
}
