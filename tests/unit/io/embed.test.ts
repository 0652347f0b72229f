import encodeChunks from 'png-chunks-encode';
import { describe, expect, it } from 'vitest';
import { toSvg } from '../../../src/domain/export/svg';
import { EMBED_KEY, embedInPng, svgWithPayload } from '../../../src/io/embed';
import { encodeDiagramPayload } from '../../../src/io/shareLink';
import { read } from '../import/helpers';
import { tinyPng } from './tinyPng';
import { loadTemplates } from '../export/fixtures';

const richDiagram = () => loadTemplates().find((t) => t.file.includes('fraud'))!.diagram;

describe('the diagram inside exported pictures', () => {
  it('a PNG carries the diagram in a text chunk and opens as the same diagram', async () => {
    const d = richDiagram();
    const png = embedInPng(tinyPng(), await encodeDiagramPayload(d));
    expect(Buffer.from(png).includes(Buffer.from(`tEXt${EMBED_KEY}\u0000v1.`, 'latin1'))).toBe(true);
    // Embedding again replaces the chunk instead of adding a second one.
    const twice = embedInPng(png, await encodeDiagramPayload(d));
    expect(twice.length).toBe(png.length);
    const r = await read('Fraud.png', png);
    expect(r.ok && r.value).toEqual({ kind: 'design', format: 'png', diagram: d });
  });

  it('an SVG carries it in its metadata and opens as the same diagram', async () => {
    const d = richDiagram();
    const svg = svgWithPayload(toSvg(d).svg, await encodeDiagramPayload(d));
    expect(svg).toMatch(/<metadata><mlsd:diagram xmlns:mlsd="[^"]+" type="application\/vnd\.mlsd-canvas\+json">v1\.[A-Za-z0-9_-]+<\/mlsd:diagram><\/metadata>/);
    const r = await read('Fraud.svg', `<?xml version="1.0" encoding="UTF-8"?>\n${svg}\n`);
    expect(r.ok && r.value).toEqual({ kind: 'design', format: 'svg', diagram: d });
  });

  it('says so when a picture carries no diagram, and refuses broken or hostile ones', async () => {
    const refused = async (name: string, bytes: Uint8Array | string) => {
      const r = await read(name, bytes);
      return r.ok ? 'opened' : r.error;
    };
    expect(await refused('photo.png', tinyPng())).toMatch(/^this PNG has no mlsd-canvas diagram inside \(only pictures exported by mlsd-canvas carry one/);
    expect(await refused('pic.svg', toSvg(richDiagram()).svg)).toMatch(/^this SVG has no mlsd-canvas diagram inside/);
    const png = embedInPng(tinyPng(), await encodeDiagramPayload(richDiagram()));
    expect(await refused('cut.png', png.subarray(0, png.length - 40))).toBe('this PNG cannot be read: it is cut short (a chunk runs past the end of the file)');
    // A chunk claiming 4 GB must be refused before any library allocates it.
    const hostile = tinyPng();
    new DataView(hostile.buffer).setUint32(33, 0xfffffff0);
    expect(await refused('huge.png', hostile)).toMatch(/^this PNG cannot be read: it is cut short/);
    const bad = embedInPng(tinyPng(), 'v1.AAAA');
    expect(await refused('bad.png', bad)).toMatch(/^the diagram inside this PNG is damaged: /);
    const crc = png.slice();
    crc[40] ^= 0xff;
    expect(await refused('crc.png', crc)).toMatch(/^this PNG cannot be read: it is damaged \(CRC values for .* do not match/);
    expect(await refused('fake.png', new TextEncoder().encode('not a png'))).toMatch(/^it is not a PNG image/);
  });

  it('reads the diagram of a draw.io PNG or editable SVG', async () => {
    const xml = '<mxfile><diagram name="P"><mxGraphModel><root><mxCell id="0"/><mxCell id="1" parent="0"/><mxCell id="a" value="Cache" vertex="1" parent="1"><mxGeometry width="80" height="40" as="geometry"/></mxCell></root></mxGraphModel></diagram></mxfile>';
    const chunks = (await import('png-chunks-extract')).default(tinyPng());
    const text = (await import('png-chunk-text')).encode('mxfile', encodeURIComponent(xml));
    const png = encodeChunks([...chunks.slice(0, -1), text, chunks[chunks.length - 1]]);
    const r = await read('d.drawio.png', png);
    expect(r.ok && r.value.kind === 'import' && r.value.format).toBe('drawio');
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" content="${xml.replace(/"/g, '&quot;').replace(/</g, '&lt;')}"><rect/></svg>`;
    const s = await read('d.drawio.svg', svg);
    expect(s.ok && s.value.kind === 'import' && s.value.pages[0].result.ok).toBe(true);
  });
});
