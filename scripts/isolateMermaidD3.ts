import { readFileSync } from 'node:fs';
import type { Plugin } from 'vite';

const TAG = '?mermaid-d3';

/**
 * Gives Mermaid (the lazy Mermaid import) its own copy of the d3 modules it reaches through the `d3`
 * umbrella package. React Flow uses a few d3 modules (zoom, drag, selection, interpolate) on the
 * first paint; when Mermaid shares those modules, Rolldown puts into the first load every export
 * either of them uses (0.3 KB gzip of d3-interpolate that only Mermaid calls). With Mermaid's own
 * copies, the shared modules carry only React Flow's parts and Mermaid's chunk carries the rest.
 */
export function isolateMermaidD3(): Plugin {
  return {
    name: 'isolate-mermaid-d3',
    enforce: 'pre',
    async resolveId(source, importer, options) {
      if (!importer) return null;
      const tagged = importer.endsWith(TAG);
      const fromUmbrella = /[\\/]node_modules[\\/]d3[\\/]/.test(importer);
      if (!tagged && !fromUmbrella) return null;
      if (!tagged && !/^d3-/.test(source)) return null;
      const r = await this.resolve(source, tagged ? importer.slice(0, -TAG.length) : importer, { ...options, skipSelf: true });
      if (!r || r.external || !/[\\/]node_modules[\\/]d3-/.test(r.id)) return r;
      return { ...r, id: `${r.id}${TAG}` };
    },
    load(id) {
      return id.endsWith(TAG) ? readFileSync(id.slice(0, -TAG.length), 'utf8') : null;
    },
  };
}
