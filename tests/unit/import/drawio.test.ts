import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { kindInfo } from '../../../src/domain/catalogue';
import { absolutePosition } from '../../../src/domain/diagram';
import { byName, edgeLines, expectWellFormed, fixture, imported, read, refusal } from './helpers';

const compress = (xml: string) => deflateRawSync(Buffer.from(encodeURIComponent(xml))).toString('base64');

describe('draw.io import', () => {
  it('reads every page of a plain file, and says which pages there are', async () => {
    const r = await read('two-pages.drawio', fixture('two-pages.drawio'));
    expect(r.ok && r.value.kind === 'import' && r.value.pages.map((p) => [p.name, p.result.ok])).toEqual([
      ['Serving', true],
      ['Training', true],
    ]);
    const { diagram: d, summary } = await imported('two-pages.drawio', undefined, 'Serving');
    expect(d.title).toBe('two-pages – Serving');
    expect(byName(d, 'Prediction API')).toMatchObject({ kind: 'prediction-api', props: { tool: 'gRPC' } });
    expect(byName(d, kindInfo('cache').label)).toMatchObject({ kind: 'cache', props: { tool: 'Redis' } });
    // An <object> wrapper's label, HTML and all.
    expect(byName(d, 'Model server')).toMatchObject({ kind: 'model-server', props: { tool: 'Triton' } });
    expect(byName(d, 'Drift detection')).toMatchObject({ kind: 'drift-detection', props: { tool: 'Evidently' } });
    // The swimlane and the group of two are zones; the API sits inside the swimlane at its absolute place.
    const online = byName(d, 'Online serving');
    expect(online.kind).toBe('group');
    const api = byName(d, 'Prediction API');
    expect(api.parent).toBe(online.id);
    const byId = new Map(d.nodes.map((n) => [n.id, n]));
    const users = absolutePosition(byName(d, 'Mobile app'), byId);
    // In the file: users at (40, 200) 120x60, api at (240 + 40, 80 + 120) 120x60: centres 240 apart and level,
    // spread by 1.2 (our boxes are 168 px wide, the file's median box 140 px) so that they do not overlap.
    const apiAt = absolutePosition(api, byId);
    expect(apiAt.x - users.x).toBe(288);
    expect(apiAt.y - users.y).toBe(0);
    expect(byName(d, 'Prediction logs').parent).toBe(byName(d, 'Group').id);
    expect(d.nodes.filter((n) => n.kind === 'note').map((n) => n.props.text)).toEqual(['p99 under 80 ms at 5k QPS']);
    expect(edgeLines(d)).toEqual([
      'Mobile app -> Prediction API (request)',
      `Prediction API -> ${kindInfo('cache').label} (data: lookup)`,
      'Prediction API -> Model server (request: score)',
      'Model server -> Prediction logs (data)',
    ]);
    expect(summary.skipped).toEqual([{ what: 'arrow from “Model server (Triton)”', why: 'it is not attached to a shape at both ends' }]);
    expectWellFormed(d);
  });

  it('reads a compressed page (base64, raw deflate, URI-encoded) as its plain twin', async () => {
    const plain = await imported('two-pages.drawio', undefined, 'Serving');
    const packed = await imported('compressed.drawio');
    expect(packed.diagram.nodes).toEqual(plain.diagram.nodes);
    expect(packed.diagram.edges).toEqual(plain.diagram.edges);
  });

  it('reads a bare mxGraphModel (copied from Extras > Edit diagram)', async () => {
    const model = /<diagram id="p2" name="Training">\s*([\s\S]*?)\s*<\/diagram>/.exec(fixture('two-pages.drawio'))![1];
    const { diagram: d } = await imported('model.xml', model);
    expect(edgeLines(d)).toEqual([`${kindInfo('data-warehouse').label} -> Training job (data)`, 'Training job -> MLflow Model Registry (model)']);
  });

  it('keeps the pages that can be read when another is broken', async () => {
    const file = `<mxfile><diagram name="Good">${compress('<mxGraphModel><root><mxCell id="0"/><mxCell id="1" parent="0"/><mxCell id="a" value="Cache" vertex="1" parent="1"><mxGeometry width="80" height="40" as="geometry"/></mxCell></root></mxGraphModel>')}</diagram><diagram name="Bad">%%%not base64%%%</diagram><diagram name="Cut">${compress('<mxGraphModel><root>').slice(0, 12)}</diagram></mxfile>`;
    const r = await read('pages.drawio', file);
    expect(r.ok && r.value.kind === 'import' && r.value.pages.map((p) => (p.result.ok ? 'ok' : p.result.error))).toEqual([
      'ok',
      'its compressed data is not valid base64',
      expect.stringMatching(/^its compressed (data could not be decompressed|diagram is not valid XML)/),
    ]);
  });

  it.each([
    ['<mxfile><diagram name="x"><mxGraphModel><root></mxGraphModel></diagram></mxfile>', 'not valid XML (line 1): </mxGraphModel> closes <root>'],
    ['<mxfile>\n<diagram name="x">\n<mxGraphModel a="1" a="2"/>', 'not valid XML (line 3): <mxGraphModel> has the attribute a twice'],
    ['<mxfile></mxfile>', 'this draw.io file has no pages'],
    ['<mxfile><diagram name="x"></diagram></mxfile>', 'the page is empty'],
    ['<mxfile><diagram name="x"><mxGraphModel/></diagram></mxfile>', 'the page has no <root> of cells'],
    ['<!DOCTYPE x [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;">]><mxfile/>', 'a DOCTYPE with its own entity declarations is not read'],
    ['<html><body/></html>', 'not a draw.io file: its root element is <html>, not <mxfile>'],
    ['just text', 'not a draw.io file: it does not start with <mxfile>'],
  ])('refuses %s with a message naming the problem', async (text, message) => {
    expect(await refusal('broken.drawio', text)).toContain(message);
  });

  it('reads deeply nested XML without running out of stack', async () => {
    const deep = `<mxfile><diagram name="x">${'<a>'.repeat(100_000)}${'</a>'.repeat(100_000)}</diagram></mxfile>`;
    expect(await refusal('deep.drawio', deep)).toBe('the page is empty');
  });
});
