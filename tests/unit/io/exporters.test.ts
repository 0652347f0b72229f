import { describe, expect, it } from 'vitest';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { CATALOGUE } from '../../../src/domain/catalogue';
import { KIND_ICONS } from '../../../src/domain/kindIcons';
import { runChecks } from '../../../src/domain/checker/runChecks';
import { nodeLabel } from '../../../src/domain/diagram';
import { diagramSvg, iconSvg, markdownText, mermaidText, sizedSvg } from '../../../src/io/exporters';
import { iconFor, iconNodeFor } from '../../../src/ui/icons';
import { diagram, edge, loadTemplates, node } from '../export/fixtures';

/** The inner markup the canvas renders for an icon, with empty elements written self-closing. */
function canvasIconMarkup(iconId: string): string {
  const svg = renderToStaticMarkup(createElement(iconFor(iconId)));
  return svg.replace(/^<svg[^>]*>|<\/svg>$/g, '').replace(/<(\w+)([^>]*)><\/\1>/g, '<$1$2/>');
}

describe('icons in exported pictures', () => {
  it('draws every catalogue icon with exactly the elements the canvas shows', () => {
    for (const k of CATALOGUE) {
      const icon = KIND_ICONS[k.id];
      expect(iconNodeFor(icon).length, icon).toBeGreaterThan(0);
      expect(iconSvg(icon), icon).toBe(canvasIconMarkup(icon));
    }
  });

  it('falls back to the puzzle piece for an unknown icon id, as the canvas does', () => {
    expect(iconSvg('no-such-icon')).toBe(iconSvg('puzzle'));
    expect(iconSvg('constructor')).toBe(iconSvg('puzzle'));
  });

  it('puts each node kind icon into the SVG', () => {
    const d = diagram([node('a', 'feature-store'), node('b', 'model-server', { position: { x: 300, y: 0 } })]);
    const { svg } = diagramSvg(d);
    expect(svg).toContain(iconSvg('boxes'));
    expect(svg).toContain(iconSvg('server'));
  });
});

describe('diagramSvg and sizedSvg', () => {
  const d = diagram([node('a', 'cache', { label: 'Hot cache' })]);

  it('has a background by default and none when transparent', () => {
    const background = '<rect x="-32" y="-32" width="232" height="124" fill=';
    expect(diagramSvg(d).svg).toContain(`${background}"#ffffff"`);
    expect(diagramSvg(d, { dark: true }).svg).toContain(`${background}"#0f1420"`);
    expect(diagramSvg(d, { transparent: true }).svg).not.toContain(background);
    expect(diagramSvg(d, { transparent: true, dark: true }).svg).not.toContain(background);
  });

  it('pads the picture by 32 units on every side', () => {
    const { width, height } = diagramSvg(d);
    expect([width, height]).toEqual([168 + 64, 60 + 64]);
  });

  it('sets the root size to the output pixels and keeps the viewBox', () => {
    const { svg } = diagramSvg(d);
    const out = sizedSvg(svg, 464, 248);
    const root = /^<svg[^>]*>/.exec(out)![0];
    expect(root).toContain(' width="464" height="248" preserveAspectRatio="none"');
    expect(root).toContain('viewBox="-32 -32 232 124"');
    expect(out.slice(root.length)).toBe(svg.slice(/^<svg[^>]*>/.exec(svg)![0].length));
    expect(() => sizedSvg('<g/>', 1, 1)).toThrow(/no size/);
  });
});

describe('text exports', () => {
  it('writes Mermaid for the diagram', () => {
    const d = diagram([node('a', 'event-log'), node('b', 'batch-etl')], [edge('e', 'a', 'b', 'data')], { title: 'Feed' });
    const text = mermaidText(d);
    expect(text).toMatch(/^---\ntitle: "Feed"\n---\nflowchart LR\n/);
    expect(text).toContain('n0 --> n1');
  });

  it('writes the Markdown write-up with every component and the current findings', () => {
    for (const t of loadTemplates().slice(0, 3)) {
      const md = markdownText(t.diagram);
      for (const n of t.diagram.nodes.filter((x) => x.kind !== 'note' && x.kind !== 'group')) expect(md).toContain(nodeLabel(n).split('\n')[0].slice(0, 12));
    }
    const broken = diagram([node('t', 'training-job', { label: 'Trainer' })]);
    const md = markdownText(broken);
    expect(runChecks(broken).findings.length).toBeGreaterThan(0);
    for (const f of runChecks(broken).findings) expect(md).toContain(`(\`${f.rule}\`)`);
  });
});
