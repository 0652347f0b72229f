import type { Plugin } from 'vite';

/**
 * What the service worker precaches: the app shell and every chunk the app can load, so it works
 * with no network after the first visit, but not Mermaid's code for diagram types other than the
 * flowchart. Mermaid splits each diagram type (sequence, gantt, mindmap, ELK layout, KaTeX math …)
 * into chunks loaded on demand; the app only ever parses flowcharts, and the rest is about 4 MB
 * that every first visit would otherwise download for nothing.
 *
 * `offlineChunks()` watches the bundle: starting at the entry, it follows every static import, and
 * every dynamic import except those from inside Mermaid to a chunk that is not its flowchart.
 * `precacheFilter` then drops the unreachable chunks from the precache manifest.
 */
export function offlineChunks(): { plugin: Plugin; precacheFilter: <E extends { url: string }>(entries: E[]) => { manifest: E[] } } {
  const skipped = new Set<string>();
  const plugin: Plugin = {
    name: 'mlsd-offline-chunks',
    apply: 'build',
    generateBundle(_options, bundle) {
      type Chunk = { type: 'chunk'; fileName: string; isEntry: boolean; imports: string[]; dynamicImports: string[]; moduleIds: string[] };
      const chunks = new Map<string, Chunk>();
      for (const item of Object.values(bundle)) if (item.type === 'chunk') chunks.set(item.fileName, item as unknown as Chunk);
      const isMermaid = (c: Chunk) => c.moduleIds.some((id) => /[\\/]node_modules[\\/]mermaid[\\/]/.test(id));
      const isFlowchart = (c: Chunk) => c.moduleIds.some((id) => /[\\/]node_modules[\\/]mermaid[\\/].*[\\/]flowDiagram-[^\\/]*$/.test(id));
      const reached = new Set<string>();
      const queue = [...chunks.values()].filter((c) => c.isEntry).map((c) => c.fileName);
      while (queue.length) {
        const name = queue.pop()!;
        if (reached.has(name)) continue;
        reached.add(name);
        const c = chunks.get(name);
        if (!c) continue;
        queue.push(...c.imports);
        for (const d of c.dynamicImports) {
          const target = chunks.get(d);
          if (target && isMermaid(c) && !isFlowchart(target)) continue;
          queue.push(d);
        }
      }
      skipped.clear();
      for (const name of chunks.keys()) if (!reached.has(name)) skipped.add(name);
    },
  };
  const precacheFilter = <E extends { url: string }>(entries: E[]) => ({
    manifest: entries.filter((e) => !skipped.has(e.url.replace(/^\.?\//, ''))),
  });
  return { plugin, precacheFilter };
}
