/**
 * The case-study templates (templates/*.json), loaded on demand: each file is its own chunk,
 * fetched the first time it is needed and parsed like any opened file (the parser loads with it).
 * None is in the initial bundle.
 */
import type { Diagram } from '../domain/diagram';
import { err, ok, type Result } from '../domain/result';

const FILES = import.meta.glob<unknown>('/templates/*.json', { import: 'default' });

const idOf = (path: string) => path.slice(path.lastIndexOf('/') + 1, -'.json'.length);
const LOADERS = new Map(Object.entries(FILES).map(([path, load]) => [idOf(path), load]));

/** Ids of every shipped template (file names without .json), sorted. */
export const TEMPLATE_IDS: readonly string[] = [...LOADERS.keys()].sort();

const cache = new Map<string, Promise<Result<Diagram, string>>>();

/** Loads and parses one template; the result is cached. */
export function loadTemplate(id: string): Promise<Result<Diagram, string>> {
  const hit = cache.get(id);
  if (hit) return hit;
  const load = LOADERS.get(id);
  if (!load) return Promise.resolve(err(`There is no case study "${id}".`));
  const p = Promise.all([load(), import('../domain/format/parse')]).then(
    ([raw, { parseDiagram }]): Result<Diagram, string> => {
      const r = parseDiagram(raw);
      return r.ok ? ok(r.value) : err(`The case study "${id}" could not be read: ${r.error.message}`);
    },
    (): Result<Diagram, string> => {
      cache.delete(id);
      return err(`The case study "${id}" could not be loaded. Check your connection and try again.`);
    },
  );
  cache.set(id, p);
  return p;
}

/** A loaded template with its id. */
export interface TemplateEntry {
  id: string;
  diagram: Diagram;
}

/** Loads every template (in parallel); the ones that fail are left out and named in `failed`. */
export async function loadAllTemplates(): Promise<{ entries: TemplateEntry[]; failed: string[] }> {
  const results = await Promise.all(TEMPLATE_IDS.map(async (id) => ({ id, r: await loadTemplate(id) })));
  const entries: TemplateEntry[] = [];
  const failed: string[] = [];
  for (const { id, r } of results) {
    if (r.ok) entries.push({ id, diagram: r.value });
    else failed.push(id);
  }
  entries.sort((a, b) => a.diagram.title.localeCompare(b.diagram.title));
  return { entries, failed };
}
