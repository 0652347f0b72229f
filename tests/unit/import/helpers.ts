import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect } from 'vitest';
import type { Diagram } from '../../../src/domain/diagram';
import { absolutePosition, nodeLabel } from '../../../src/domain/diagram';
import { serializeDiagram } from '../../../src/domain/format/serialize';
import { parseDiagramText } from '../../../src/domain/format/parse';
import type { Imported } from '../../../src/domain/import/sketch';
import type { Result } from '../../../src/domain/result';
import { loadMermaidInNode } from '../../../src/cli/mermaidNode';
import { readFileContent, type FileContent } from '../../../src/io/importers';

export const FIXTURES = resolve(import.meta.dirname, '../../fixtures/import');
export const fixture = (name: string) => readFileSync(resolve(FIXTURES, name), 'utf8');
export const fixtureBytes = (name: string) => new Uint8Array(readFileSync(resolve(FIXTURES, name)));

export const env = { loadMermaid: loadMermaidInNode };

/** Reads a file through the importers as the app and the CLI do. */
export async function read(name: string, content: string | Uint8Array): Promise<Result<FileContent, string>> {
  return readFileContent(name, typeof content === 'string' ? new TextEncoder().encode(content) : content, env);
}

/** The imported design of a file's first (or named) page; fails the test when there is none. */
export async function imported(name: string, content: string | Uint8Array = fixtureBytes(name), page?: string): Promise<Imported> {
  const r = await read(name, content);
  if (!r.ok) throw new Error(r.error);
  if (r.value.kind !== 'import') throw new Error(`not an import: ${r.value.kind}`);
  const p = page ? r.value.pages.find((x) => x.name === page) : r.value.pages[0];
  if (!p) throw new Error(`no page ${page}`);
  if (!p.result.ok) throw new Error(p.result.error);
  return p.result.value;
}

/** The refusal message of a file. */
export async function refusal(name: string, content: string | Uint8Array): Promise<string> {
  const r = await read(name, content);
  if (r.ok && r.value.kind === 'import') {
    const bad = r.value.pages.find((p) => !p.result.ok);
    if (bad && !bad.result.ok) return bad.result.error;
  }
  expect(r.ok, 'the file should be refused').toBe(false);
  return r.ok ? '' : r.error;
}

/** A node by its shown name. */
export function byName(d: Diagram, name: string) {
  const n = d.nodes.find((x) => nodeLabel(x) === name);
  if (!n) throw new Error(`no node named ${name}; have ${d.nodes.map((x) => nodeLabel(x)).join(', ')}`);
  return n;
}

/** Edges as "source name -> target name (kind)" lines. */
export function edgeLines(d: Diagram): string[] {
  const name = (id: string) => nodeLabel(d.nodes.find((n) => n.id === id)!);
  return d.edges.map((e) => `${name(e.source)} -> ${name(e.target)} (${e.kind}${e.label ? `: ${e.label}` : ''})`);
}

/** Every node of an imported design lies inside its zone, and the design saves and opens again. */
export function expectWellFormed(d: Diagram) {
  const byId = new Map(d.nodes.map((n) => [n.id, n]));
  for (const n of d.nodes) {
    if (!n.parent) continue;
    const zone = byId.get(n.parent)!;
    const z = absolutePosition(zone, byId);
    const p = absolutePosition(n, byId);
    expect(p.x, `${nodeLabel(n)} inside ${nodeLabel(zone)}`).toBeGreaterThanOrEqual(z.x);
    expect(p.y).toBeGreaterThanOrEqual(z.y);
    const w = n.kind === 'group' ? (n.props.width as number) : 168;
    const h = n.kind === 'group' ? (n.props.height as number) : 60;
    expect(p.x + w).toBeLessThanOrEqual(z.x + (zone.props.width as number));
    expect(p.y + h).toBeLessThanOrEqual(z.y + (zone.props.height as number));
  }
  const again = parseDiagramText(serializeDiagram(d));
  expect(again.ok).toBe(true);
}
