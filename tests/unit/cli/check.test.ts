import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { columns, main, parseArgs, wrap } from '../../../src/cli/check';
import { runChecks } from '../../../src/domain/checker/runChecks';
import { parseDiagramText } from '../../../src/domain/format/parse';
import { STAGE_IDS } from '../../../src/domain/stages';

const ROOT = resolve(__dirname, '../../..');
const FIX = 'tests/fixtures/checker';

/** Runs the real command in a child process, as `npm run check` does (tsx), from the repository root. */
function check(...args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/check.ts', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const noStackTrace = (text: string) => {
  expect(text).not.toMatch(/^\s+at /m);
  expect(text).not.toMatch(/Error:|node:internal/);
};

// Each case starts a Node process with tsx (about half a second, more on a busy machine).
describe('check CLI (child process)', { timeout: 30_000 }, () => {
  it('exits 0 on the complete design and says so', () => {
    const r = check(`${FIX}/complete.json`);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out.split('\n')[0]).toContain('7/7 stages');
    expect(r.out).toContain('0 errors, 0 warnings, 0 suppressed');
  });

  it('exits 1 with an unsuppressed error and groups findings by stage in stage order', () => {
    const r = check(`${FIX}/errors.json`);
    expect(r.code).toBe(1);
    expect(r.out.split('\n')[0]).toContain('6/7 stages');
    const serving = r.out.indexOf('6. Deployment and serving');
    const monitoring = r.out.indexOf('7. Monitoring');
    expect(serving).toBeGreaterThan(0);
    expect(monitoring).toBeGreaterThan(serving);
    expect(r.out).toMatch(/^ {2}error {3}missing-stage: /m);
    expect(r.out).toMatch(/^ {2}warning orphan-node: "Score cache"/m);
    expect(r.out.trimEnd().split('\n').at(-1)).toBe('1 error, 2 warnings, 0 suppressed');
  });

  it('exits 0 when every error is suppressed, and lists the suppressed findings with reasons', () => {
    const r = check(`${FIX}/suppressed.json`);
    expect(r.code).toBe(0);
    expect(r.out).toContain('reason: monitoring is owned by the platform team');
    expect(r.out.trimEnd().split('\n').at(-1)).toBe('0 errors, 0 warnings, 3 suppressed');
  });

  it('prints exactly findings, suppressed and stages with --json, matching the checker', () => {
    const r = check(`${FIX}/suppressed.json`, '--json');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out);
    expect(Object.keys(json)).toEqual(['findings', 'suppressed', 'stages']);
    expect(Object.keys(json.stages)).toEqual([...STAGE_IDS]);
    expect(Object.values(json.stages).every((v) => typeof v === 'boolean')).toBe(true);
    const expected = runChecks(unwrap(parseDiagramText(readFileSync(resolve(ROOT, FIX, 'suppressed.json'), 'utf8'))));
    expect(json.findings).toEqual(expected.findings);
    expect(json.suppressed).toEqual(expected.suppressed.map((s) => ({ ...s.finding, reason: s.reason })));
    expect(json.suppressed[0]).toMatchObject({ rule: 'missing-stage', severity: 'error', reason: expect.any(String) });
    const errors = check('--json', `${FIX}/errors.json`);
    expect(errors.code).toBe(1);
    expect(JSON.parse(errors.out).findings.length).toBe(3);
  });

  it.each([
    ['not-json.json', 'not a JSON file'],
    ['unknown-kind.json', 'nodes[7].kind: unknown kind "feature-stor"'],
    ['missing.json', 'cannot read the file: no such file'],
    ['.', 'cannot read the file: it is a directory'],
  ])('exits 2 on %s with the message and no stack trace', (name, message) => {
    const r = check(`${FIX}/${name}`);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toContain(message);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    noStackTrace(r.err);
  });

  it('prints the usage and exits 2 without a file', () => {
    const r = check();
    expect(r.code).toBe(2);
    expect(r.err).toContain('Usage: npm run check -- FILE.json [--json]');
    noStackTrace(r.err);
  });

  it('keeps every line of the human report within 80 columns, even with hostile labels', () => {
    for (const name of ['complete.json', 'errors.json', 'suppressed.json', 'long-labels.json']) {
      const r = check(`${FIX}/${name}`);
      for (const line of r.out.split('\n')) expect(columns(line), line).toBeLessThanOrEqual(80);
      expect(r.out).not.toContain('\u001b');
    }
  });
});

describe('check CLI (in process)', () => {
  it('parses arguments', () => {
    expect(parseArgs(['a.json'])).toEqual({ help: false, file: 'a.json', json: false });
    expect(parseArgs(['--json', 'a.json'])).toEqual({ help: false, file: 'a.json', json: true });
    expect(parseArgs(['--', '--odd.json'])).toEqual({ help: false, file: '--odd.json', json: false });
    expect(parseArgs(['--help'])).toEqual({ help: true });
    expect(parseArgs([])).toHaveProperty('error');
    expect(parseArgs(['a.json', 'b.json'])).toHaveProperty('error');
    expect(parseArgs(['--yaml', 'a.json'])).toHaveProperty('error');
  });

  it('returns the exit code without exiting', async () => {
    let out = '';
    let err = '';
    const io = { out: (s: string) => ((out += s), true), err: (s: string) => ((err += s), true) };
    expect(await main([resolve(ROOT, FIX, 'errors.json')], io)).toBe(1);
    expect(out).toContain('1 error');
    expect(await main(['--help'], io)).toBe(0);
    expect(await main([], io)).toBe(2);
    expect(err).toContain('no file given');
  });

  it('wraps any text within the width, keeping every word and character', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.string({ maxLength: 120 }), fc.constantFrom('特征缓存特征缓存', 'naïve', '🙂🙂🙂')), { maxLength: 30 }),
        fc.integer({ min: 20, max: 100 }),
        (words, width) => {
          const text = words.join(' ').replace(/[\p{Cc}\u2028\u2029]/gu, ' ');
          const lines = wrap(text, '  ', '     ', width);
          for (const line of lines) expect(columns(line)).toBeLessThanOrEqual(width);
          expect(lines.join('').replace(/\s/g, '')).toBe(text.replace(/\s/g, ''));
        },
      ),
      { numRuns: 300 },
    );
  });
});

function unwrap<T>(r: { ok: true; value: T } | { ok: false; error: unknown }): T {
  if (!r.ok) throw new Error('fixture does not parse');
  return r.value;
}
