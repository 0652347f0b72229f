import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../../../src/domain/format/json';
import {
  CURRENT_VERSION,
  migrate,
  migrationChainProblems,
  MIGRATIONS,
  runMigrations,
  type Migration,
} from '../../../src/domain/format/migrations';
import { parseDiagramText } from '../../../src/domain/format/parse';
import { serializeDiagram } from '../../../src/domain/format/serialize';
import { jsonValue } from '../../fixtures/format/arbitraries';

const FIXTURES = fileURLToPath(new URL('../../fixtures/format/', import.meta.url));
const STEP_DIR = `${FIXTURES}migrations/`;
const VERSION_DIR = `${FIXTURES}versions/`;

/** Freezes a value and everything inside it, so any attempt to mutate it throws (modules are strict). */
function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
  }
  return value;
}

const readJson = (path: string): JsonObject => JSON.parse(readFileSync(path, 'utf8')) as JsonObject;
const stepDir = (step: Migration) => `${STEP_DIR}v${step.from}-to-v${step.to}/`;

describe('the migration chain', () => {
  it('goes from N to N+1 contiguously, from version 1 to CURRENT_VERSION', () => {
    expect(migrationChainProblems(MIGRATIONS, CURRENT_VERSION)).toEqual([]);
  });

  it('has a fixture for every step, and every fixture belongs to a step', () => {
    for (const step of MIGRATIONS) {
      expect(existsSync(`${stepDir(step)}input.json`), `v${step.from}-to-v${step.to}/input.json`).toBe(true);
      expect(existsSync(`${stepDir(step)}expected.json`), `v${step.from}-to-v${step.to}/expected.json`).toBe(true);
    }
    const folders = readdirSync(STEP_DIR, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name);
    expect(folders.sort()).toEqual(MIGRATIONS.map((s) => `v${s.from}-to-v${s.to}`).sort());
  });

  it('turns each fixture into its expected output without mutating the (deep-frozen) input', () => {
    for (const step of MIGRATIONS) {
      const input = deepFreeze(readJson(`${stepDir(step)}input.json`));
      expect(input.version, `v${step.from}-to-v${step.to}/input.json version`).toBe(step.from);
      const before = JSON.stringify(input);
      const out = runMigrations(input, step.from, [step], step.to);
      if (!out.ok) throw new Error(`${step.description}: ${out.error.message}`);
      expect(out.value).toEqual(readJson(`${stepDir(step)}expected.json`));
      expect(JSON.stringify(input)).toBe(before);
    }
  });

  it('never throws or mutates on arbitrary (deep-frozen) JSON objects', () => {
    for (const step of MIGRATIONS) {
      fc.assert(
        fc.property(fc.dictionary(fc.string(), jsonValue, { noNullPrototype: true }), (obj) => {
          const input = deepFreeze({ ...obj, version: step.from }) as JsonObject;
          expect(() => step.migrate(input)).not.toThrow();
        }),
        { numRuns: 200 },
      );
    }
  });

  it('keeps a sample file of every version, and each still opens today', () => {
    const samples = readdirSync(VERSION_DIR).filter((f) => f.endsWith('.json')).sort();
    expect(samples).toEqual(Array.from({ length: CURRENT_VERSION }, (_, i) => `v${i + 1}.json`).sort());
    for (let v = 1; v <= CURRENT_VERSION; v++) {
      const text = readFileSync(`${VERSION_DIR}v${v}.json`, 'utf8');
      expect(JSON.parse(text).version, `v${v}.json`).toBe(v);
      const r = parseDiagramText(text);
      if (!r.ok) throw new Error(`v${v}.json: ${r.error.message}`);
      expect(r.value.nodes.length).toBeGreaterThan(0);
    }
  });

  it('reads the current sample losslessly: serialising it gives the same JSON', () => {
    const text = readFileSync(`${VERSION_DIR}v${CURRENT_VERSION}.json`, 'utf8');
    const r = parseDiagramText(text);
    if (!r.ok) throw new Error(r.error.message);
    expect(JSON.parse(serializeDiagram(r.value))).toEqual(JSON.parse(text));
  });
});

/** A made-up history (v1 -> v2 -> v3) that exercises the machinery the real chain will use. */
const fakeChain: Migration[] = [
  {
    from: 1,
    to: 2,
    description: 'nodes: rename type to kind',
    migrate: (input) => ({
      ...input,
      nodes: Array.isArray(input.nodes)
        ? input.nodes.map((n) => {
            if (typeof n !== 'object' || n === null || Array.isArray(n)) return n;
            const { type, ...rest } = n;
            return type === undefined ? rest : { ...rest, kind: type };
          })
        : input.nodes,
    }),
  },
  {
    from: 2,
    to: 3,
    description: 'add a default problem',
    migrate: (input) => ({ problem: 'generic', ...input }),
  },
];

describe('the migration machinery (on a made-up chain)', () => {
  it('runs every step in order and stamps each version', () => {
    const input = deepFreeze({ format: 'mlsd-canvas', version: 1, nodes: [{ id: 'a', type: 'cache' }] }) as JsonObject;
    const out = runMigrations(input, 1, fakeChain, 3);
    expect(out).toEqual({
      ok: true,
      value: { format: 'mlsd-canvas', version: 3, problem: 'generic', nodes: [{ id: 'a', kind: 'cache' }] },
    });
    expect(runMigrations(input, 2, fakeChain, 3).ok).toBe(true);
    expect(runMigrations(input, 3, fakeChain, 3)).toEqual({ ok: true, value: input });
  });

  it('accepts a sound chain and names each flaw of a broken one', () => {
    expect(migrationChainProblems(fakeChain, 3)).toEqual([]);
    expect(migrationChainProblems([], 1)).toEqual([]);
    expect(migrationChainProblems(fakeChain, 4)).toEqual(['the chain ends at version 3, but the current version is 4']);
    expect(migrationChainProblems([fakeChain[1]], 3)).toEqual(['step 0 goes from 2; expected 1']);
    expect(migrationChainProblems([{ ...fakeChain[0], to: 3 }], 3)).toEqual(['step 0 goes from 1 to 3; expected 2']);
    expect(migrationChainProblems([fakeChain[0], fakeChain[0]], 2)).toContain('step 1 goes from 1; expected 2');
    expect(migrationChainProblems([{ ...fakeChain[0], description: ' ' }], 2)).toEqual(['step 0 has no description']);
    expect(migrationChainProblems([], 2)).toEqual(['the chain ends at version 1, but the current version is 2']);
  });

  it('refuses, never throws, when a step is missing or fails', () => {
    const input = deepFreeze({ version: 1 }) as JsonObject;
    const gap = runMigrations(input, 1, [fakeChain[1]], 3);
    expect(gap.ok ? null : gap.error.message).toBe('version: cannot upgrade a version 1 file: no migration from version 1');
    const mutating: Migration = {
      from: 1,
      to: 2,
      description: 'a bad step that edits its input',
      migrate: (i) => {
        (i as JsonObject).title = 'x';
        return i as JsonObject;
      },
    };
    const bad = runMigrations(input, 1, [mutating], 2);
    expect(bad.ok).toBe(false);
    expect(bad.ok ? '' : bad.error.message).toMatch(/^could not upgrade this file from version 1 to 2: /);
  });

  it('migrate() sanitises the untrusted file first (dangerous keys dropped, no mutation)', () => {
    const input = deepFreeze(JSON.parse('{"format":"mlsd-canvas","version":1,"__proto__":{"polluted":true},"nodes":[{"constructor":{"prototype":{"polluted":true}},"id":"a"}]}'));
    const out = migrate(input, CURRENT_VERSION);
    expect(out).toEqual({ ok: true, value: { format: 'mlsd-canvas', version: 1, nodes: [{ id: 'a' }] } });
    if (out.ok) expect(Object.prototype.hasOwnProperty.call(out.value, '__proto__')).toBe(false);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const notJson = migrate({ version: 1, bad: Number.NaN }, 1);
    expect(notJson.ok ? '' : notJson.error.message).toBe('bad: must be a finite number, got NaN');
  });
});
