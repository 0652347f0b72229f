import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { columns, main } from '../../../src/cli/check';
import { readDiagramFile } from '../../../src/io/files';

const dir = mkdtempSync(join(tmpdir(), 'mlsd-check-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function run(...args: string[]) {
  let out = '';
  let err = '';
  const code = await main(args, { out: (s: string) => ((out += s), true), err: (s: string) => ((err += s), true) });
  return { code, out, err };
}

/** A valid design whose lone cache is an orphan: its finding names the label. */
const design = (label: string) =>
  JSON.stringify({ format: 'mlsd-canvas', version: 1, title: 'T', nodes: [{ id: 'c', kind: 'cache', label, position: { x: 0, y: 0 } }], edges: [] });

function utf16(text: string, bigEndian: boolean): Buffer {
  const le = Buffer.from(`\ufeff${text}`, 'utf16le');
  if (bigEndian) le.swap16();
  return le;
}

describe('the command-line checker on valid but unusual files', () => {
  it('reports a finding that names a label of 19 million characters (~270,000 wrapped lines) instead of exiting 2', async () => {
    const file = join(dir, 'long.json');
    writeFileSync(file, design('x'.repeat(19_000_000)));
    const r = await run(file);
    expect(r.err).toBe('');
    expect(r.code).toBe(1); // missing stages: a verdict, not "cannot read"
    const lines = r.out.split('\n');
    expect(lines.length).toBeGreaterThan(250_000);
    expect(lines.every((l) => columns(l) <= 80)).toBe(true);
    expect(r.out.replace(/[^x]/g, '').length).toBeGreaterThanOrEqual(19_000_000);
  }, 60_000);

  it('--json writes C1 controls, separators and bidi overrides as \\u escapes, keeping the same value', async () => {
    const label = 'a\u009b31mred\u0085b\u2028c\u202ed\u0007';
    const file = join(dir, 'c1.json');
    writeFileSync(file, design(label));
    const r = await run('--json', file);
    expect(r.code).toBe(1);
    expect(r.out).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e]/);
    expect(r.out).toContain('\\u009b');
    const report = JSON.parse(r.out) as { findings: { message: string }[] };
    expect(report.findings.some((f) => f.message.includes(label))).toBe(true);
    // The text report strips them (as before).
    expect((await run(file)).out).not.toMatch(/[\u0080-\u009f]/);
  });
});

describe('file encodings: the app and the checker read the same ones', () => {
  const text = design('Fraud “scorer” 特征');
  const files: [string, Buffer][] = [
    ['utf-8', Buffer.from(text)],
    ['utf-8 with a byte order mark', Buffer.from(`\ufeff${text}`)],
    ['utf-16le with a byte order mark', utf16(text, false)],
    ['utf-16be with a byte order mark', utf16(text, true)],
  ];
  for (const [name, bytes] of files) {
    it(`opens ${name} in both`, async () => {
      const path = join(dir, `${name.replace(/\W+/g, '-')}.json`);
      writeFileSync(path, bytes);
      const cli = await run('--json', path);
      expect(cli.err).toBe('');
      expect(cli.code).toBe(1);
      const app = await readDiagramFile(new File([new Uint8Array(bytes)], 'design.json'));
      expect(app.ok && app.value.nodes[0].label).toBe('Fraud “scorer” 特征');
    });
  }

  it('refuses the same text in both when it is not JSON', async () => {
    const bytes = Buffer.from('\u00ff\u00fe{', 'latin1');
    const path = join(dir, 'broken.json');
    writeFileSync(path, bytes);
    const cli = await run(path);
    expect(cli.code).toBe(2);
    const app = await readDiagramFile(new File([new Uint8Array(bytes)], 'broken.json'));
    expect(app.ok).toBe(false);
    expect(cli.err).toContain(app.ok ? '' : app.error);
  });
});
