import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Diagram } from '../../../src/domain/diagram';
import { toFileObject } from '../../../src/domain/format/serialize';
import {
  decodeShareHash,
  encodeShareHash,
  fromBase64Url,
  isLongLink,
  LONG_LINK_CHARS,
  SHARE_PREFIX,
  toBase64Url,
} from '../../../src/io/shareLink';
import { diagramArb } from '../../fixtures/format/arbitraries';

const BROKEN = 'This share link is broken or incomplete: ';

function sample(): Diagram {
  return {
    title: 'Fraud détection ✓',
    problem: 'fraud',
    nodes: [
      { id: 'z', kind: 'group', position: { x: 0, y: 0 }, props: { zone: 'online' } },
      { id: 'tx', kind: 'message-queue', parent: 'z', label: 'Transactions', position: { x: 10, y: 20 }, props: { tool: 'Kafka', owner: { team: 'risk' } } },
      { id: 'agg', kind: 'stream-processor', position: { x: 240, y: 0 }, props: {} },
    ],
    edges: [{ id: 'e1', source: 'tx', target: 'agg', kind: 'stream', label: 'events' }],
    suppressions: [],
  };
}

async function deflate(text: string | Uint8Array): Promise<Uint8Array> {
  const bytes = typeof text === 'string' ? new TextEncoder().encode(text) : text;
  const stream = new Blob([bytes as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new CompressionStream('deflate-raw'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

async function inflate(bytes: Uint8Array): Promise<string> {
  const stream = new Blob([bytes as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new DecompressionStream('deflate-raw'));
  return new Response(stream).text();
}

async function brokenMessage(hash: string): Promise<string> {
  const r = await decodeShareHash(hash);
  if (r.ok) throw new Error(`expected ${hash.slice(0, 40)} to be refused`);
  expect(r.error.path).toBe('');
  expect(r.error.message).toBe(r.error.problem);
  expect(r.error.message.startsWith(BROKEN)).toBe(true);
  return r.error.message;
}

describe('encodeShareHash', () => {
  it('writes #d=v1. and base64url without padding of deflate-raw compact JSON', async () => {
    const hash = await encodeShareHash(sample());
    expect(hash.startsWith(`#d=${SHARE_PREFIX}`)).toBe(true);
    const payload = hash.slice(`#d=${SHARE_PREFIX}`.length);
    expect(payload).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(await inflate(fromBase64Url(payload)!)).toBe(JSON.stringify(toFileObject(sample())));
  });

  it('round-trips a sample and generated diagrams', async () => {
    expect(await decodeShareHash(await encodeShareHash(sample()))).toEqual({ ok: true, value: sample() });
    await fc.assert(
      fc.asyncProperty(diagramArb(), async (d) => {
        const r = await decodeShareHash(await encodeShareHash(d));
        if (!r.ok) throw new Error(r.error.message);
        expect(r.value).toStrictEqual(d);
      }),
      { numRuns: 150 },
    );
  });

  it('finds the diagram with or without "#", among other hash parameters, or in a whole URL', async () => {
    const hash = await encodeShareHash(sample());
    for (const form of [hash.slice(1), `#view=1&${hash.slice(1)}`, `https://example.org/app/${hash}`]) {
      expect((await decodeShareHash(form)).ok, form.slice(0, 30)).toBe(true);
    }
  });
});

describe('decodeShareHash refuses a broken link with a clear message, never a throw', () => {
  it('a link without a diagram', async () => {
    expect(await brokenMessage('')).toBe(`${BROKEN}it carries no diagram.`);
    expect(await brokenMessage('#')).toBe(`${BROKEN}it carries no diagram.`);
    expect(await brokenMessage('#view=1')).toBe(`${BROKEN}it carries no diagram.`);
    expect(await brokenMessage('#d=')).toBe(`${BROKEN}it carries no diagram.`);
    expect(await brokenMessage(undefined as unknown as string)).toBe(`${BROKEN}it carries no diagram.`);
  });

  it('a wrong or newer prefix', async () => {
    const payload = (await encodeShareHash(sample())).slice(`#d=${SHARE_PREFIX}`.length);
    expect(await brokenMessage(`#d=${payload}`)).toBe(`${BROKEN}it does not start with "v1.".`);
    expect(await brokenMessage(`#d=v0.${payload}`)).toBe(`${BROKEN}it does not start with "v1.".`);
    expect(await brokenMessage(`#d=v2.${payload}`)).toBe(`${BROKEN}it was made by a newer mlsd-canvas (link version 2); update to open it.`);
  });

  it('garbage that is not base64url', async () => {
    expect(await brokenMessage('#d=v1.!!!!')).toBe(`${BROKEN}its data is not valid base64url (was it cut or edited?).`);
    expect(await brokenMessage('#d=v1.abc=')).toBe(`${BROKEN}its data is not valid base64url (was it cut or edited?).`);
    expect(await brokenMessage('#d=v1.a')).toBe(`${BROKEN}its data is not valid base64url (was it cut or edited?).`);
    expect(await brokenMessage('#d=v1.ab+/')).toBe(`${BROKEN}its data is not valid base64url (was it cut or edited?).`);
    expect(await brokenMessage('#d=v1.é')).toBe(`${BROKEN}its data is not valid base64url (was it cut or edited?).`);
  });

  it('valid base64url that is not deflate data', async () => {
    const notDeflate = toBase64Url(new Uint8Array([0xff, 0xff, 0xff, 0xff, 0x00, 0x01, 0x02]));
    expect(await brokenMessage(`#d=v1.${notDeflate}`)).toBe(`${BROKEN}its data could not be decompressed (the link may have been cut short).`);
  });

  it('a link cut short at any point', async () => {
    const hash = await encodeShareHash(sample());
    const start = `#d=${SHARE_PREFIX}`.length;
    for (let end = start + 1; end < hash.length; end++) {
      await brokenMessage(hash.slice(0, end));
    }
  });

  it('deflate data that is not JSON, or not a valid diagram', async () => {
    const notJson = toBase64Url(await deflate('hello, world'));
    expect(await brokenMessage(`#d=v1.${notJson}`)).toBe(`${BROKEN}its data is not a diagram (not JSON).`);
    const latin1 = toBase64Url(await deflate(new Uint8Array([0x7b, 0xe9, 0x7d])));
    expect(await brokenMessage(`#d=v1.${latin1}`)).toBe(`${BROKEN}its data is not text.`);
    const file = toFileObject(sample()) as { nodes: { kind: string }[] };
    file.nodes[2].kind = 'feature-stor';
    const invalid = toBase64Url(await deflate(JSON.stringify(file)));
    expect(await brokenMessage(`#d=v1.${invalid}`)).toBe(
      `${BROKEN}the diagram inside is not valid (nodes[2].kind: unknown kind "feature-stor").`,
    );
  });

  it('a compression bomb: stops once the output passes 20 MB', async () => {
    const bomb = new Uint8Array(21 * 1024 * 1024).fill(0x20); // 21 MB of spaces deflate to ~20 KB
    const payload = toBase64Url(await deflate(bomb));
    expect(payload.length).toBeLessThan(100_000);
    expect(await brokenMessage(`#d=v1.${payload}`)).toBe(`${BROKEN}the diagram inside is larger than 20 MB.`);
  });

  it('leaves Object.prototype clean when the diagram inside tries to pollute it', async () => {
    const text = JSON.stringify(toFileObject(sample())).replace('{"format"', '{"__proto__":{"polluted":true},"format"');
    const r = await decodeShareHash(`#d=v1.${toBase64Url(await deflate(text))}`);
    expect(r.ok).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('random payloads never throw', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.string(), fc.uint8Array({ maxLength: 64 }).map((b) => `#d=v1.${toBase64Url(b)}`)), async (hash) => {
        const r = await decodeShareHash(hash);
        expect(typeof r.ok).toBe('boolean');
      }),
      { numRuns: 300 },
    );
  });
});

describe('base64url', () => {
  it('round-trips any bytes, without padding', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        const text = toBase64Url(bytes);
        expect(text).toMatch(/^[A-Za-z0-9_-]*$/);
        expect(text).toBe(Buffer.from(bytes).toString('base64url'));
        expect(fromBase64Url(text)).toEqual(bytes);
      }),
    );
  });

  it('encodes large inputs (chunked) the same as Node', () => {
    const bytes = new Uint8Array(100_003).map((_, i) => (i * 31) & 0xff);
    expect(toBase64Url(bytes)).toBe(Buffer.from(bytes).toString('base64url'));
  });
});

describe('isLongLink', () => {
  it('flags links over 8,000 characters', () => {
    expect(LONG_LINK_CHARS).toBe(8000);
    expect(isLongLink('x'.repeat(8000))).toBe(false);
    expect(isLongLink('x'.repeat(8001))).toBe(true);
  });
});
