import { describe, expect, it } from 'vitest';
import { createRequire } from 'node:module';
import { readFileSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseDiagramText } from '../../../src/domain/format/parse';
import fc from 'fast-check';
import { EDGE_KINDS, NODE_SIZE, absolutePosition, nodeLabel, type Diagram } from '../../../src/domain/diagram';
import { KIND_ICONS } from '../../../src/domain/kindIcons';
import { stageById } from '../../../src/domain/stages';
import { SVG_FONT_FAMILY, diagramBounds, escapeXml, toSvg } from '../../../src/domain/export/svg';
import { cleanText } from '../../../src/domain/export/text';
import { EDGE_STYLES } from '../../../src/canvas/edgeStyles';
import { resolveVar, themeVars } from './cssTheme';
import { NASTY_IDS, NASTY_LABELS, diagram, edge, loadTemplates, node } from './fixtures';

// jsdom ships no type declarations and @types/jsdom is not installed: load it untyped, typed here by hand.
const { JSDOM } = createRequire(import.meta.url)('jsdom') as { JSDOM: new () => { window: { DOMParser: typeof globalThis.DOMParser } } };
const { DOMParser } = new JSDOM().window;

/** Parses the SVG as XML and fails on any parser error. */
function parse(svg: string): Document {
  const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
  const errors = doc.getElementsByTagName('parsererror');
  expect(errors.length, errors[0]?.textContent ?? '').toBe(0);
  expect(doc.documentElement.localName).toBe('svg');
  return doc;
}

const folded = (s: string) => cleanText(s).replace(/\s+/g, ' ').trim();
const all = (doc: Document, tag: string) => Array.from(doc.getElementsByTagName(tag));
const viewBox = (doc: Document) => doc.documentElement.getAttribute('viewBox')!.split(' ').map(Number);

// A lucide-style icon body (the inner markup of a 24x24 stroke icon).
const ICON = '<rect width="20" height="8" x="2" y="2" rx="2"/><line x1="6" x2="6.01" y1="6" y2="6"/>';

const sample: Diagram = diagram(
  [
    node('off', 'group', { label: 'Offline', position: { x: -100, y: -50 }, props: { zone: 'offline', width: 600, height: 300 } }),
    node('inner', 'group', { label: 'Training', parent: 'off', position: { x: 40, y: 60 }, props: { width: 300, height: 160 } }),
    node('train', 'training-job', { label: 'Trainer', parent: 'inner', position: { x: 20, y: 40 }, props: { tool: 'PyTorch' } }),
    node('on', 'group', { label: 'Online', position: { x: 700, y: 0 }, props: { zone: 'online', width: 400, height: 200 } }),
    node('srv', 'model-server', { label: 'Scorer', parent: 'on', position: { x: 30, y: 60 }, props: { tool: 'Triton' } }),
    node('req', 'requirements', { position: { x: 0, y: -300 }, props: { qps: 5000, latencyBudgetMs: 100 } }),
    node('app', 'client-app', { position: { x: 1300, y: 80 } }),
    node('note', 'note', { position: { x: 300, y: -300 }, props: { text: 'Delayed labels: join chargebacks after 90 days, then retrain weekly on the joined set, with a holdout month' } }),
    node('far', 'drift-detection', { label: 'Far away', position: { x: 5000, y: 2400 } }),
  ],
  EDGE_KINDS.map((k, i) => edge(`e${i}`, ['train', 'srv', 'app', 'srv', 'far', 'req'][i], ['srv', 'far', 'srv', 'train', 'train', 'train'][i], k, `${k} flow`)),
  { title: 'Fraud & "friends" <design>' },
);

describe('diagramBounds', () => {
  it('is zero for an empty diagram', () => {
    expect(diagramBounds(diagram([]))).toEqual({ x: 0, y: 0, width: 0, height: 0 });
  });

  it('covers every node in absolute coordinates, far-away and nested ones included', () => {
    expect(diagramBounds(sample)).toEqual({ x: -100, y: -300, width: 5100 + NODE_SIZE.width, height: 2700 + NODE_SIZE.height });
    const nested = diagram([
      node('z', 'group', { position: { x: 100, y: 100 }, props: { width: 50, height: 50 } }),
      node('c', 'cache', { parent: 'z', position: { x: 900, y: 900 } }),
    ]);
    expect(diagramBounds(nested)).toEqual({ x: 100, y: 100, width: 900 + NODE_SIZE.width, height: 900 + NODE_SIZE.height });
  });
});

describe('toSvg', () => {
  it('is a standalone, well-formed SVG with xmlns, size and viewBox', () => {
    const { svg, width, height } = toSvg(sample, {});
    const doc = parse(svg);
    const root = doc.documentElement;
    expect(root.namespaceURI).toBe('http://www.w3.org/2000/svg');
    expect(root.getAttribute('width')).toBe(String(width));
    expect(root.getAttribute('height')).toBe(String(height));
    // The nodes' box plus the padding, widened on the right where the edge running back from the far
    // node loops out past it (as React Flow draws it: 6.25 * sqrt(backward distance)).
    const loop = 0.25 * 25 * Math.sqrt(5000 + NODE_SIZE.width - -40);
    expect(viewBox(doc).slice(0, 2)).toEqual([-132, -332]);
    expect(width).toBeGreaterThan(5100 + NODE_SIZE.width + 64);
    expect(width).toBeLessThan(5100 + NODE_SIZE.width + 64 + loop);
    expect(height).toBe(2700 + NODE_SIZE.height + 64);
    expect(viewBox(doc).slice(2)).toEqual([width, height]);
    expect(root.getAttribute('font-family')).toBe(SVG_FONT_FAMILY);
    expect(doc.querySelector('svg > title')?.textContent).toBe('Fraud & "friends" <design>');
  });

  it('draws every node inside the picture, the far-away one included', () => {
    for (const padding of [0, 32, 100]) {
      const { svg } = toSvg(sample, { padding });
      const [vx, vy, vw, vh] = viewBox(parse(svg));
      const byId = new Map(sample.nodes.map((n) => [n.id, n]));
      for (const n of sample.nodes) {
        const p = absolutePosition(n, byId);
        const w = n.kind === 'group' ? n.props.width! : NODE_SIZE.width;
        const h = n.kind === 'group' ? n.props.height! : NODE_SIZE.height;
        expect(p.x - padding).toBeGreaterThanOrEqual(vx);
        expect(p.y - padding).toBeGreaterThanOrEqual(vy);
        expect(p.x + w + padding).toBeLessThanOrEqual(vx + vw);
        expect(p.y + h + padding).toBeLessThanOrEqual(vy + vh);
      }
      // And a rect is drawn exactly there for the far node.
      const far = all(parse(svg), 'rect').find((r) => r.getAttribute('x') === '5000' && r.getAttribute('y') === '2400');
      expect(far).toBeDefined();
    }
  });

  it('holds the whole curve of every edge, also edges that run backwards and loop out past their nodes', () => {
    const backwards = diagram(
      [node('a', 'cache', { position: { x: 0, y: 0 } }), node('b', 'ranking', { position: { x: 3000, y: 900 } }), node('c', 'model-server', { position: { x: 3000, y: -700 } })],
      [edge('e1', 'b', 'a', 'feedback'), edge('e2', 'c', 'a', 'model', 'a label on the loop'), edge('e3', 'a', 'b')],
    );
    for (const d of [sample, backwards]) {
      for (const padding of [0, 32]) {
        const doc = parse(toSvg(d, { padding }).svg);
        const [vx, vy, vw, vh] = viewBox(doc);
        for (const p of all(doc, 'path').filter((e) => e.hasAttribute('marker-end'))) {
          const [x0, y0, x1, y1, x2, y2, x3, y3] = p.getAttribute('d')!.match(/-?[\d.]+/g)!.map(Number);
          for (let t = 0; t <= 1; t += 0.01) {
            const u = 1 - t;
            const x = u * u * u * x0 + 3 * u * u * t * x1 + 3 * u * t * t * x2 + t * t * t * x3;
            const y = u * u * u * y0 + 3 * u * u * t * y1 + 3 * u * t * t * y2 + t * t * t * y3;
            expect(x).toBeGreaterThanOrEqual(vx);
            expect(x).toBeLessThanOrEqual(vx + vw);
            expect(y).toBeGreaterThanOrEqual(vy);
            expect(y).toBeLessThanOrEqual(vy + vh);
          }
        }
      }
    }
  });

  it('bends edges as React Flow does (half the distance forwards, a short loop backwards) unless the curve would cross a box', () => {
    const d = diagram([node('a', 'cache', { position: { x: 0, y: 0 } }), node('b', 'ranking', { position: { x: 568, y: 500 } })], [edge('f', 'a', 'b'), edge('r', 'b', 'a')]);
    const paths = all(parse(toSvg(d).svg), 'path').filter((e) => e.hasAttribute('marker-end')).map((p) => p.getAttribute('d'));
    expect(paths[0]).toBe('M168,30C368,30 368,530 568,530');
    const back = 0.25 * 25 * Math.sqrt(568 + 168);
    const r = (v: number) => String(Math.round(v * 100) / 100);
    expect(paths[1]).toBe(`M736,530C${r(736 + back)},530 ${r(-back)},30 0,30`);
  });

  it('draws an edge whose curve would cross a box as the canvas does: around it, with rounded corners', () => {
    // b sits 40 px below a and to its right: the backward loop from b to a would run through both boxes.
    const d = diagram([node('a', 'cache', { position: { x: 0, y: 0 } }), node('b', 'ranking', { position: { x: 568, y: 100 } })], [edge('f', 'a', 'b'), edge('r', 'b', 'a')]);
    const paths = all(parse(toSvg(d).svg), 'path').filter((e) => e.hasAttribute('marker-end')).map((p) => p.getAttribute('d'));
    expect(paths[0]).toBe('M168,30C368,30 368,130 568,130');
    // Out of b 22 px, up into the free channel between the two boxes (16 px below a), along it, down and into a.
    expect(paths[1]).toBe('M736,130L748,130Q758,130 758,120L758,86Q758,76 748,76L-12,76Q-22,76 -22,66L-22,40Q-22,30 -12,30L0,30');
  });

  it('shows a latency badge on nodes that have one, as the canvas does', () => {
    const doc = parse(toSvg(diagram([node('a', 'ranking', { props: { latencyMs: 35, tool: 'GBDT' } })]), { padding: 0 }).svg);
    expect(all(doc, 'text').map((t) => t.textContent)).toContain('35 ms');
    // The badge sits across the node's top edge, inside the picture.
    expect(viewBox(doc)[1]).toBe(-9);
  });

  it('shows every label and tool', () => {
    const doc = parse(toSvg(sample, {}).svg);
    const texts = all(doc, 'text').map((t) => t.textContent);
    for (const label of ['Offline', 'Training', 'Trainer', 'PyTorch', 'Online', 'Scorer', 'Triton', 'Requirements', 'QPS 5,000 · 100 ms', 'Client app', 'Far away']) {
      expect(texts, label).toContain(label);
    }
    // The note is wrapped over several lines, whole: its box grows to hold it, nothing is cut.
    const noteLines = all(doc, 'text').filter((t) => t.getAttribute('fill') === themeVars().light['--note-text']).map((t) => t.textContent!);
    expect(noteLines.length).toBeGreaterThan(3);
    expect(noteLines.join(' ')).toBe('Delayed labels: join chargebacks after 90 days, then retrain weekly on the joined set, with a holdout month');
    expect(noteLines.some((l) => l.includes('…'))).toBe(false);
    const noteBox = all(doc, 'rect').find((r) => r.getAttribute('fill') === themeVars().light['--note-bg'])!;
    expect(Number(noteBox.getAttribute('height'))).toBeGreaterThanOrEqual(12 + noteLines.length * 14);
  });

  it('colours the stage band of each component and draws zones tinted by zone', () => {
    const doc = parse(toSvg(sample, {}).svg);
    const fills = all(doc, 'path').map((p) => p.getAttribute('fill'));
    expect(fills).toContain(stageById('model').color);
    expect(fills).toContain(stageById('serving').color);
    expect(fills).toContain(stageById('requirements').color);
    expect(fills).toContain('#94a3b8'); // client app: no stage
    const rectFills = all(doc, 'rect').map((r) => r.getAttribute('fill'));
    expect(rectFills).toContain(themeVars().light['--note-bg']);
  });

  /** The rgba() of a CSS variable as a colour and an opacity. */
  const rgba = (v: string) => {
    const m = /^rgba\((\d+), (\d+), (\d+), ([\d.]+)\)$/.exec(v)!;
    return { fill: `#${[m[1], m[2], m[3]].map((c) => Number(c).toString(16).padStart(2, '0')).join('')}`, opacity: m[4] };
  };

  for (const theme of ['light', 'dark'] as const) {
    it(`uses the app's ${theme} theme colours (styles.css), so the picture looks like the screen`, () => {
      const v = themeVars()[theme];
      const d = diagram(
        [
          node('off', 'group', { label: 'Batch', props: { zone: 'offline', width: 400, height: 200 } }),
          node('on', 'group', { label: 'Serving', position: { x: 500, y: 0 }, props: { zone: 'online', width: 400, height: 200 } }),
          node('plain', 'group', { label: 'Plain', position: { x: 1000, y: 0 }, props: { width: 300, height: 200 } }),
          node('a', 'ranking', { label: 'Ranker', position: { x: 0, y: 300 }, props: { tool: 'GBDT', latencyMs: 20 } }),
          node('b', 'cache', { position: { x: 300, y: 300 } }),
          node('n', 'note', { position: { x: 600, y: 300 }, props: { text: 'A note' } }),
        ],
        EDGE_KINDS.map((k, i) => edge(`e${i}`, 'a', 'b', k, i === 0 ? 'scores' : undefined)),
      );
      const doc = parse(toSvg(d, { dark: theme === 'dark', iconSvg: () => ICON }).svg);
      const rects = all(doc, 'rect');
      const attrs = (el: Element, ...names: string[]) => names.map((n) => el.getAttribute(n));
      expect(rects[0].getAttribute('fill')).toBe(theme === 'dark' ? v['--bg'] : '#ffffff');
      // Zones: see-through tint, dashed border, header text in the zone's colour; the tag of an offline/online zone.
      const zoneRects = rects.filter((r) => r.getAttribute('rx') === '12');
      const off = rgba(v['--zone-off-bg']);
      const on = rgba(v['--zone-on-bg']);
      const plain = rgba(v['--zone-bg']);
      expect(zoneRects.map((r) => attrs(r, 'fill', 'fill-opacity', 'stroke', 'stroke-dasharray'))).toEqual([
        [off.fill, off.opacity, v['--zone-off-border'], '6 4'],
        [on.fill, on.opacity, v['--zone-on-border'], '6 4'],
        [plain.fill, plain.opacity, v['--zone-border'], '6 4'],
      ]);
      const texts = all(doc, 'text');
      const fillOf = (content: string) => texts.find((t) => t.textContent === content)!.getAttribute('fill');
      expect([fillOf('Batch'), fillOf('OFFLINE'), fillOf('Serving'), fillOf('ONLINE'), fillOf('Plain')]).toEqual([
        v['--zone-off-text'],
        v['--zone-off-text'],
        v['--zone-on-text'],
        v['--zone-on-text'],
        v['--text-2'],
      ]);
      // Components: fill, border, label, tool, icon, latency badge.
      const box = rects.find((r) => r.getAttribute('rx') === '8' && r.getAttribute('height') === '60')!;
      expect(attrs(box, 'fill', 'stroke')).toEqual([v['--node-bg'], v['--border-strong']]);
      expect([fillOf('Ranker'), fillOf('GBDT'), fillOf('20 ms')]).toEqual([v['--text'], v['--muted'], v['--icon']]);
      expect(all(doc, 'svg')[1].getAttribute('stroke')).toBe(v['--text-2']);
      const badge = rects.filter((r) => r.getAttribute('height') === '16' && r.getAttribute('rx') === '8').at(-1)!; // after the zone tags
      expect(attrs(badge, 'fill', 'stroke')).toEqual([v['--chip-bg'], v['--border-strong']]);
      // A note, an edge label pill, and every edge kind in its colour.
      const note = rects.find((r) => r.getAttribute('rx') === '4')!;
      expect(attrs(note, 'fill', 'stroke')).toEqual([v['--note-bg'], v['--note-border']]);
      expect(fillOf('A note')).toBe(v['--note-text']);
      const pill = rects.find((r) => r.getAttribute('rx') === '9')!;
      expect(attrs(pill, 'fill', 'stroke')).toEqual([v['--panel'], v['--border-strong']]);
      expect(fillOf('scores')).toBe(v['--text-2']);
      const strokes = all(doc, 'path').filter((p) => p.hasAttribute('marker-end')).map((p) => p.getAttribute('stroke'));
      expect(strokes).toEqual(EDGE_KINDS.map((k) => resolveVar(EDGE_STYLES[k].color, v)));
    });
  }

  it('draws edges as bezier curves or detours with an arrowhead marker per kind and a line style per kind', () => {
    const doc = parse(toSvg(sample, {}).svg);
    const markers = new Set(all(doc, 'marker').map((m) => m.getAttribute('id')));
    const edges = all(doc, 'path').filter((p) => p.hasAttribute('marker-end'));
    expect(edges).toHaveLength(EDGE_KINDS.length);
    const looks = new Set<string>();
    edges.forEach((p, i) => {
      const ref = /^url\(#(.+)\)$/.exec(p.getAttribute('marker-end')!)![1];
      expect(markers.has(ref)).toBe(true);
      expect(ref).toContain(EDGE_KINDS[i]);
      // A curve, or (for the backward ones here, whose loop would cross a box) a detour of straight runs.
      expect(p.getAttribute('d')).toMatch(/^M[-\d.]+,[-\d.]+(C|L.*Q)/);
      looks.add(`${p.getAttribute('stroke')} ${p.getAttribute('stroke-dasharray')} ${p.getAttribute('stroke-width')}`);
    });
    expect(looks.size).toBe(EDGE_KINDS.length);
    // Each kind as the canvas and its legend draw it: request thick and solid, stream dashed blue ...
    edges.forEach((p, i) => {
      const style = EDGE_STYLES[EDGE_KINDS[i]];
      expect(p.getAttribute('stroke')).toBe(resolveVar(style.color, themeVars().light));
      expect(Number(p.getAttribute('stroke-width'))).toBe(style.width);
      expect(p.getAttribute('stroke-dasharray')).toBe(style.dash ?? null);
    });
    expect(edges[EDGE_KINDS.indexOf('request')].getAttribute('stroke-dasharray')).toBeNull();
    // Source right-middle to target left-middle: the trainer (x 40+20-100, y 60+40-50) to the scorer.
    expect(edges[0].getAttribute('d')).toMatch(/^M128,80C.* 730,90$/);
    // Edge labels on pills.
    const texts = all(doc, 'text').map((t) => t.textContent);
    for (const k of EDGE_KINDS) expect(texts).toContain(`${k} flow`);
  });

  it('skips edges to missing nodes', () => {
    const d = diagram([node('a', 'cache')], [edge('e', 'a', 'ghost')]);
    const doc = parse(toSvg(d, {}).svg);
    expect(all(doc, 'path').filter((p) => p.hasAttribute('marker-end'))).toHaveLength(0);
  });

  it('has a dark variant', () => {
    const doc = parse(toSvg(sample, { dark: true }).svg);
    const dark = themeVars().dark;
    const rects = all(doc, 'rect');
    expect(rects[0].getAttribute('fill')).toBe(dark['--bg']);
    expect(rects.map((r) => r.getAttribute('fill'))).toContain(dark['--node-bg']);
    expect(all(doc, 'text').map((t) => t.getAttribute('fill'))).toContain(dark['--text']);
  });

  it('has a transparent variant and a custom background', () => {
    const transparent = parse(toSvg(sample, { background: null }).svg);
    const [vx, vy] = viewBox(transparent);
    const isBackground = (r: Element) => Number(r.getAttribute('x')) === vx && Number(r.getAttribute('y')) === vy;
    expect(all(transparent, 'rect').filter(isBackground)).toHaveLength(0);
    const custom = parse(toSvg(sample, { background: '#abcdef"><script/>' }).svg);
    expect(all(custom, 'rect').filter(isBackground)[0].getAttribute('fill')).toBe('#abcdef"><script/>');
    expect(all(custom, 'script')).toHaveLength(0);
    const white = parse(toSvg(sample, {}).svg);
    expect(all(white, 'rect').filter(isBackground)[0].getAttribute('fill')).toBe('#ffffff');
  });

  it('draws the catalogue icon when one is supplied', () => {
    const asked: string[] = [];
    const { svg } = toSvg(sample, { iconSvg: (id) => (asked.push(id), id === 'server' ? ICON : undefined) });
    const doc = parse(svg);
    expect(asked).toContain(KIND_ICONS['model-server']);
    const nested = all(doc, 'svg').filter((s) => s !== doc.documentElement);
    expect(nested).toHaveLength(1);
    expect(nested[0].getAttribute('viewBox')).toBe('0 0 24 24');
    expect(nested[0].getAttribute('width')).toBe('20');
    expect(nested[0].getAttribute('fill')).toBe('none');
    expect(nested[0].getElementsByTagName('line')).toHaveLength(1);
  });

  it('draws a long label and tool whole, a size smaller when two lines of 13 px do not hold them; the box grows to hold them', () => {
    const long = 'Candidate generation with two towers and ANN';
    const doc = parse(toSvg(diagram([node('a', 'candidate-generation', { label: long, props: { tool: 'two-tower + ANN over 100M items, sharded by user region' } })]), {}).svg);
    const texts = all(doc, 'text');
    const label = texts.filter((t) => t.getAttribute('font-weight') === '600');
    const tool = texts.filter((t) => t.getAttribute('font-weight') !== '600');
    expect(label.map((t) => t.textContent).join(' ')).toBe(long);
    expect(tool.map((t) => t.textContent).join(' ')).toBe('two-tower + ANN over 100M items, sharded by user region');
    expect(texts.some((t) => t.textContent!.includes('…'))).toBe(false);
    expect(Number(label[0].getAttribute('font-size'))).toBeLessThan(13);
    expect(Number(all(doc, 'rect').find((r) => r.getAttribute('rx') === '8')!.getAttribute('height'))).toBeGreaterThan(60);
  });

  it('cuts a label with an ellipsis only when three lines at 11 px cannot hold it, and keeps the full text in a tooltip', () => {
    const long = 'Candidate generation with two towers and approximate nearest neighbours over the whole catalogue';
    const doc = parse(toSvg(diagram([node('a', 'candidate-generation', { label: long, props: { tool: 'two-tower + ANN' } })]), {}).svg);
    const label = all(doc, 'text').filter((t) => t.getAttribute('font-weight') === '600').map((t) => t.textContent!);
    expect(label).toHaveLength(3);
    expect(label[2]).toMatch(/…$/);
    expect(label.join(' ').length).toBeLessThan(long.length + 2);
    expect(all(doc, 'title').map((t) => t.textContent)).toContain(`${long} (two-tower + ANN)`);
  });

  it('does not grow a box into the component under it: with a neighbour close below, the box stops 8 px above it and only then is the label cut', () => {
    const long = 'Candidate generation with two towers and ANN';
    const a = node('a', 'candidate-generation', { label: long, props: { tool: 'two-tower + ANN' } });
    const labelOf = (doc: Document) => all(doc, 'text').filter((t) => t.getAttribute('font-weight') === '600').map((t) => t.textContent!);
    // Alone, the whole label (three lines at 11 px).
    expect(labelOf(parse(toSvg(diagram([a]), { padding: 0 }).svg)).join(' ')).toBe(long);
    // With a cache 16 px under it, the box keeps 8 px above the cache, and the label is cut to two lines.
    const doc = parse(toSvg(diagram([a, node('b', 'cache', { position: { x: 0, y: 76 } })]), { padding: 0 }).svg);
    const rects = all(doc, 'rect').filter((r) => r.getAttribute('rx') === '8');
    expect(Number(rects[0].getAttribute('y')) + Number(rects[0].getAttribute('height'))).toBeLessThanOrEqual(Number(rects[1].getAttribute('y')) - 8);
    const label = labelOf(doc);
    expect(label.at(-1)).toBe('Cache');
    expect(label).toHaveLength(3);
    expect(label[1]).toMatch(/…$/);
  });

  it("draws the templates' text whole: labels and tools step down to 12 and 11 px before anything is cut", () => {
    const dir = resolve(import.meta.dirname, '../../../templates');
    const templates = readdirSync(dir).filter((f) => f.endsWith('.json')).map((f) => {
      const r = parseDiagramText(readFileSync(resolve(dir, f), 'utf8'));
      if (!r.ok) throw new Error(f);
      return r.value;
    });
    expect(templates).toHaveLength(14);
    // Cut only where the component under a box leaves no room to grow: never without icons, a handful with them
    // (27 lines were cut without icons before the step-down).
    const cut = (icons: boolean) =>
      templates.flatMap((d) => all(parse(toSvg(d, icons ? { iconSvg: () => ICON } : {}).svg), 'text').filter((t) => t.textContent!.endsWith('…')).map((t) => `${d.title}: ${t.textContent}`));
    expect(cut(false)).toEqual([]);
    const withIcons = cut(true);
    console.log(`cut lines with icons: ${withIcons.length} (${withIcons.join(' | ')})`);
    expect(withIcons.length).toBeLessThanOrEqual(10);
  });

  it('wraps a long label onto two lines when there is no second line', () => {
    const doc = parse(toSvg(diagram([node('a', 'cache', { label: 'Hot feature cache for ranking' })]), {}).svg);
    const lines = all(doc, 'text').map((t) => t.textContent);
    expect(lines).toHaveLength(2);
    expect(lines.join(' ')).toBe('Hot feature cache for ranking');
    const short = parse(toSvg(diagram([node('a', 'cache', { label: 'Cache' })]), {}).svg);
    expect(all(short, 'text').map((t) => t.textContent)).toEqual(['Cache']);
  });

  it('stays well-formed whatever the labels, ids and texts hold, and shows every label', () => {
    const nodes = NASTY_LABELS.map((label, i) =>
      node(`${NASTY_IDS[i % NASTY_IDS.length]}${i}`, i % 5 === 0 ? 'note' : i % 7 === 0 ? 'group' : 'custom', {
        label,
        position: { x: (i % 6) * 200, y: Math.floor(i / 6) * 100 },
        props: { tool: NASTY_LABELS[(i + 1) % NASTY_LABELS.length], text: label, stage: 'data' },
      }),
    );
    const d = diagram(
      nodes,
      nodes.map((n, i) => edge(`e${i}`, n.id, nodes[(i + 3) % nodes.length].id, EDGE_KINDS[i % EDGE_KINDS.length], NASTY_LABELS[i])),
      { title: NASTY_LABELS.join('\n') },
    );
    for (const opts of [{}, { dark: true }, { background: null }, { iconSvg: () => ICON }]) {
      const { svg } = toSvg(d, opts);
      expect(svg).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/);
      const doc = parse(svg);
      expect(all(doc, 'script')).toHaveLength(0);
      expect(all(doc, 'b')).toHaveLength(0);
      // Every label is in the picture: in full in a tooltip, visibly when short.
      const titles = all(doc, 'title').map((t) => t.textContent!);
      const texts = new Set(all(doc, 'text').map((t) => t.textContent!));
      for (const n of nodes) {
        const label = folded(n.kind === 'note' ? n.props.text! : nodeLabel(n));
        if (!label) continue;
        expect(titles.some((t) => folded(t).startsWith(label)), label).toBe(true);
        if (label.length < 12 && n.kind !== 'note') expect(texts.has(label), label).toBe(true);
      }
    }
  });

  it('stays well-formed for any text (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.string({ unit: 'binary' }), fc.string({ unit: 'binary' }), (label, tool, note) => {
        const d = diagram(
          [
            node('z', 'group', { label: note }),
            node('a', 'cache', { label, parent: 'z', props: { tool } }),
            node('n', 'note', { position: { x: 300, y: 0 }, props: { text: note } }),
          ],
          [edge('e', 'a', 'n', 'feedback', label)],
          { title: tool },
        );
        parse(toSvg(d, { dark: true, background: tool }).svg);
      }),
      { numRuns: 200 },
    );
    // 1.5 s on its own; the default 5 s was passed on a machine shared by several test runs.
  }, 30_000);

  it('escapes the five XML specials and drops invalid characters', () => {
    expect(escapeXml(`<a href="x">'&'</a>\u0000\u0008\ufffe ok`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt; ok');
  });

  it('exports an empty diagram as a small empty picture', () => {
    const { svg, width, height } = toSvg(diagram([]), {});
    parse(svg);
    expect([width, height]).toEqual([64, 64]);
  });

  it('draws every case-study template that exists as well-formed SVG', () => {
    for (const { file, diagram: d } of loadTemplates()) {
      const doc = parse(toSvg(d, { iconSvg: () => ICON }).svg);
      expect(all(doc, 'g').length, file).toBeGreaterThan(0);
    }
  });
});
