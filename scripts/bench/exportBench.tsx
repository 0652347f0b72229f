/**
 * Benchmark page for the PNG export (run by scripts/bench-export.mjs, not part of the app): the
 * real app with a 100-node diagram, and two ways to make the PNG. "svg" is the app's route
 * (toSvg -> Image -> canvas); "html" is html-to-image 1.11.11 on React Flow's viewport with
 * getViewportForBounds, the starting point the issue names.
 */
import '@xyflow/react/dist/style.css';
import '../../src/styles.css';
import { getViewportForBounds } from '@xyflow/react';
import { toPng } from 'html-to-image';
import { createRoot } from 'react-dom/client';
import { App } from '../../src/App';
import { createAppCommands } from '../../src/commands/appCommands';
import { CATALOGUE } from '../../src/domain/catalogue';
import { KIND_TOOLS } from '../../src/domain/kindTools';
import { EDGE_KINDS, type Diagram, type DiagramEdge, type DiagramNode } from '../../src/domain/diagram';
import { diagramBounds } from '../../src/domain/export/svg';
import { parseDiagramText } from '../../src/domain/format/parse';
import { renderPng } from '../../src/io/exporters';
import { createDiagramStore } from '../../src/store/diagramStore';

/** 100 nodes on a 10 x 10 grid (every catalogue kind but notes and zones, with tools), 99 edges of every kind. */
function benchDiagram(): Diagram {
  const kinds = CATALOGUE.filter((k) => k.id !== 'note' && k.id !== 'group');
  const nodes: DiagramNode[] = [];
  const edges: DiagramEdge[] = [];
  for (let i = 0; i < 100; i++) {
    const k = kinds[i % kinds.length];
    nodes.push({
      id: `n${i}`,
      kind: k.id,
      label: `${k.label} ${i}`,
      position: { x: (i % 10) * 260, y: Math.floor(i / 10) * 140 },
      props: KIND_TOOLS[k.id].length ? { tool: KIND_TOOLS[k.id][i % KIND_TOOLS[k.id].length] } : {},
    });
    if (i > 0) edges.push({ id: `e${i}`, source: `n${i - 1}`, target: `n${i}`, kind: EDGE_KINDS[i % EDGE_KINDS.length], ...(i % 7 === 0 ? { label: `flow ${i}` } : {}) });
  }
  return { title: 'Benchmark', problem: 'generic', nodes, edges, suppressions: [] };
}

const diagram = benchDiagram();
const store = createDiagramStore({ diagram });
createRoot(document.getElementById('root')!).render(<App store={store} commands={createAppCommands()} />);

const PADDING = 32;

interface BenchResult {
  ms: number;
  width: number;
  height: number;
  size: number;
  url: string;
}

declare global {
  interface Window {
    bench: Record<'svg' | 'html', () => Promise<BenchResult>> & { file(text: string, dark: boolean): Promise<BenchResult> };
  }
}

async function timed(make: () => Promise<{ blob: Blob; width: number; height: number }>) {
  const t0 = performance.now();
  const r = await make();
  const ms = performance.now() - t0;
  return { ms, width: r.width, height: r.height, size: r.blob.size, url: URL.createObjectURL(r.blob) };
}

window.bench = {
  svg: () => timed(() => renderPng(store.getState().diagram, {})),
  /** The app's PNG of a diagram file (e.g. a template), for looking at. */
  file: (text, dark) => {
    const d = parseDiagramText(text);
    if (!d.ok) throw new Error(d.error.message);
    return timed(() => renderPng(d.value, { dark }));
  },
  html: () =>
    timed(async () => {
      const b = diagramBounds(store.getState().diagram);
      const width = Math.ceil(b.width + 2 * PADDING);
      const height = Math.ceil(b.height + 2 * PADDING);
      const vp = getViewportForBounds(b, width, height, 0.05, 2, `${PADDING}px`);
      const el = document.querySelector<HTMLElement>('.react-flow__viewport')!;
      const url = await toPng(el, {
        backgroundColor: '#ffffff',
        width,
        height,
        pixelRatio: 2,
        style: { width: `${width}px`, height: `${height}px`, transform: `translate(${vp.x}px, ${vp.y}px) scale(${vp.zoom})` },
      });
      const blob = await (await fetch(url)).blob();
      return { blob, width: width * 2, height: height * 2 };
    }),
};
