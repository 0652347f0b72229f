import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../../src/cli/check';
import { embedInPng } from '../../../src/io/embed';
import { encodeDiagramPayload } from '../../../src/io/shareLink';
import { loadTemplates } from '../export/fixtures';
import { tinyPng } from '../io/tinyPng';

const ROOT = resolve(__dirname, '../../..');
const FIX = 'tests/fixtures/import';
const tmp = mkdtempSync(join(tmpdir(), 'mlsd-check-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** The checker in this process (the same main() as the command); notes on stderr read as one line each. */
async function run(...args: string[]) {
  let out = '';
  let err = '';
  const code = await main(args, { out: (t: string) => ((out += t), true), err: (t: string) => ((err += t), true) });
  return { code, out, err, note: err.replace(/\n {2}/g, ' ') };
}

/** The real command in a child process, as `npm run check` runs it (tsx): once, for the Mermaid path in a fresh Node. */
function check(...args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/check.ts', ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  // The notes on stderr wrap at 80 columns; `note` reads them as one line each.
  return { code: r.status, out: r.stdout, err: r.stderr, note: r.stderr.replace(/\n {2}/g, ' ') };
}

describe('npm run check on imported formats', { timeout: 60_000 }, () => {
  it('checks a Mermaid flowchart with Mermaid’s parser, and says what the import made of it', () => {
    const r = check(`${FIX}/flow.mmd`, '--json');
    expect(r.code).toBe(1);
    const json = JSON.parse(r.out);
    expect(Object.keys(json)).toEqual(['findings', 'suppressed', 'stages']);
    expect(json.stages).toMatchObject({ data: true, model: true, serving: true });
    expect(r.note).toMatch(/^tests\/fixtures\/import\/flow\.mmd: imported from Mermaid: 10 components recognised, 1 custom, 3 skipped/);
    expect(r.err.split('\n').every((l) => l.length <= 80)).toBe(true);
  });

  it('checks an Excalidraw file and the chosen page of a draw.io file', async () => {
    const e = await run(`${FIX}/recsys.excalidraw`);
    expect(e.out.split('\n')[0]).toBe(`${FIX}/recsys.excalidraw "recsys": 4/7 stages`);
    const d = await run(`${FIX}/two-pages.drawio`, '--page', 'Training');
    expect(d.out.split('\n')[0]).toContain('"two-pages – Training"');
    expect(d.note).toContain('page “Training” of 2');
    const none = await run(`${FIX}/two-pages.drawio`, '--page', 'Nope');
    expect(none.code).toBe(2);
    expect(none.err).toBe(`${FIX}/two-pages.drawio: no page named “Nope” (pages: “Serving”, “Training”)\n`);
  });

  it('checks the design inside an exported PNG like its .mlsd.json', async () => {
    const template = loadTemplates().find((t) => t.file.includes('fraud'))!;
    const png = join(tmp, 'Fraud detection.png');
    writeFileSync(png, embedInPng(tinyPng(), await encodeDiagramPayload(template.diagram)));
    const fromPng = await run(png, '--json');
    const fromJson = await run(resolve(ROOT, 'templates', template.file), '--json');
    expect(fromPng.code).toBe(0);
    expect(fromPng.out).toBe(fromJson.out);
    const plain = join(tmp, 'photo.png');
    writeFileSync(plain, tinyPng());
    const r = await run(plain);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/photo\.png: this PNG has no mlsd-canvas diagram inside/);
    expect(r.err).not.toMatch(/^\s+at /m);
  });

  it('refuses a broken import with exit code 2 and the importer’s message', async () => {
    const bad = join(tmp, 'bad.mmd');
    writeFileSync(bad, 'flowchart LR\n  A --> [[[\n');
    const r = await run(bad);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/bad\.mmd: Mermaid could not read it: Parse error on line 2/);
  });
});
