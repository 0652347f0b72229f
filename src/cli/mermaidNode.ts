import type { MermaidModule } from '../io/mermaidParse';

/**
 * The mermaid package in Node, for the command-line checker. Mermaid's parser sanitises labels
 * with DOMPurify, which needs a DOM window; jsdom (installed with the project) provides one. Only
 * `window` is set, so Mermaid's browser start-up (which looks for `document`) stays off.
 */
export async function loadMermaidInNode(): Promise<MermaidModule> {
  const g = globalThis as { window?: unknown };
  if (g.window === undefined) {
    // jsdom ships no types; its constructor is all this uses.
    const jsdom = 'jsdom';
    const { JSDOM } = (await import(jsdom)) as { JSDOM: new (html: string) => { window: unknown } };
    g.window = new JSDOM('').window;
  }
  return (await import('mermaid')) as unknown as MermaidModule;
}
