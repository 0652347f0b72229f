import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { absolutePosition, nodeLabel, type Diagram } from '../../../src/domain/diagram';
import { toDrawio, toExcalidraw } from '../../../src/domain/export/interchange';
import { parseDiagramText } from '../../../src/domain/format/parse';
import { parseXml } from '../../../src/domain/import/xml';
import { imported } from '../import/helpers';

const TEMPLATES = resolve(import.meta.dirname, '../../../templates');
const templates = readdirSync(TEMPLATES)
  .filter((f) => f.endsWith('.json'))
  .map((f) => {
    const r = parseDiagramText(readFileSync(resolve(TEMPLATES, f), 'utf8'));
    if (!r.ok) throw new Error(r.error.message);
    return [f, r.value] as const;
  });

/** What must survive a trip out and back: every node's kind, name, props and zone, its place (up to a shift), every connection. */
function shape(d: Diagram) {
  const byId = new Map(d.nodes.map((n) => [n.id, n]));
  const origin = { x: Math.min(...d.nodes.map((n) => absolutePosition(n, byId).x)), y: Math.min(...d.nodes.map((n) => absolutePosition(n, byId).y)) };
  const name = (id: string | undefined) => (id ? `${byId.get(id)!.kind}:${nodeLabel(byId.get(id)!)}` : '');
  const nodes = d.nodes.map((n) => {
    const at = absolutePosition(n, byId);
    const { width, height, ...props } = n.props;
    return {
      node: name(n.id),
      label: n.label,
      props: n.kind === 'group' ? { zone: props.zone } : props,
      zone: name(n.parent),
      at: n.kind === 'group' ? null : [Math.round(at.x - origin.x), Math.round(at.y - origin.y)],
      size: n.kind === 'group' ? [width, height] : null,
    };
  });
  const edges = d.edges.map((e) => `${name(e.source)} -> ${name(e.target)} ${e.kind} ${e.label ?? ''}`);
  return { nodes: nodes.sort((a, b) => a.node.localeCompare(b.node)), edges: edges.sort() };
}

describe('Excalidraw and draw.io exports', () => {
  it.each(templates)('%s goes to Excalidraw and comes back the same', async (file, t) => {
    const text = toExcalidraw(t);
    const json = JSON.parse(text);
    expect(json).toMatchObject({ type: 'excalidraw', version: 2, source: 'mlsd-canvas' });
    // Every arrow is bound at both ends to boxes that list it, so Excalidraw keeps them attached when boxes move.
    const byId = new Map(json.elements.map((e: { id: string }) => [e.id, e]));
    for (const a of json.elements.filter((e: { type: string }) => e.type === 'arrow')) {
      for (const end of [a.startBinding.elementId, a.endBinding.elementId]) {
        const box = byId.get(end) as { boundElements: { id: string }[] };
        expect(box.boundElements.map((b) => b.id)).toContain(a.id);
      }
    }
    const back = await imported(`${file}.excalidraw`, text);
    expect(back.summary.skipped).toEqual([]);
    const a = shape(t);
    const b = shape(back.diagram);
    expect(b.edges).toEqual(a.edges);
    expect(b.nodes.map(({ size: _s, ...n }) => n)).toEqual(a.nodes.map(({ size: _s, ...n }) => n));
  });

  it.each(templates)('%s goes to draw.io and comes back the same', async (file, t) => {
    const text = toDrawio(t);
    expect(parseXml(text).ok).toBe(true);
    const back = await imported(`${file}.drawio`, text);
    expect(back.summary.skipped).toEqual([]);
    expect(shape(back.diagram)).toEqual(shape(t));
  });

  it('escapes hostile labels in both files', async () => {
    const d: Diagram = {
      title: 'x"/><script>',
      problem: 'generic',
      suppressions: [],
      nodes: [
        { id: 'a', kind: 'cache', label: '<b>"&\'\u0001</b>\nnext', position: { x: 0, y: 0 }, props: { tool: ']]></mxfile>' } },
        { id: 'b', kind: 'custom', label: '{"json": true}', position: { x: 300, y: 0 }, props: {} },
      ],
      edges: [{ id: 'e', source: 'a', target: 'b', kind: 'request', label: '</object>' }],
    };
    const drawio = await imported('x.drawio', toDrawio(d));
    expect(drawio.diagram.nodes.map((n) => n.label)).toEqual(['<b>"&\'</b>\nnext', '{"json": true}']);
    expect(drawio.diagram.nodes[0].props.tool).toBe(']]></mxfile>');
    expect(drawio.diagram.edges[0].label).toBe('</object>');
    const excalidraw = await imported('x.excalidraw', toExcalidraw(d));
    expect(excalidraw.diagram.edges[0]).toMatchObject({ kind: 'request', label: '</object>' });
  });
});
