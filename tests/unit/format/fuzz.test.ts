import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isKindId, KIND_IDS } from '../../../src/domain/catalogue';
import type { Diagram } from '../../../src/domain/diagram';
import { MAX_COORD, MAX_FILE_BYTES, MAX_NODES, parseDiagram, parseDiagramText } from '../../../src/domain/format/parse';
import { serializeDiagram, serializeForFile, toFileObject } from '../../../src/domain/format/serialize';
import { copyFragment } from '../../../src/domain/fragment';
import { tidyLayout } from '../../../src/domain/layout';
import { createDiagramStore, type DiagramStore } from '../../../src/store/diagramStore';
import { diagramArb, jsonValue } from '../../fixtures/format/arbitraries';

/**
 * 10,000 random mutations of valid files: delete, replace and retype fields at random paths,
 * inject `__proto__` / `constructor` keys, huge numbers, wrong types. The parser must never
 * throw, must always answer a Result, and whatever it accepts must be a sound diagram.
 */

type Container = Record<string, unknown> | unknown[];
type Slot = { parent: Container; key: string | number };

/** Every slot (a member of an object or an element of an array) in a JSON-ish value, depth first. */
function slots(root: Container): Slot[] {
  const out: Slot[] = [];
  const walk = (c: Container, depth: number) => {
    if (depth > 12) return;
    // Index loop, not c.map: an injected own `constructor` breaks Array species lookup.
    const keys: (string | number)[] = Array.isArray(c) ? Array.from({ length: c.length }, (_, i) => i) : Object.keys(c);
    for (const key of keys) {
      out.push({ parent: c, key });
      const v = (c as Record<string | number, unknown>)[key];
      if (typeof v === 'object' && v !== null) walk(v as Container, depth + 1);
    }
  };
  walk(root, 0);
  return out;
}

/** Values a hostile or broken file may hold. */
const nasty: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(
    null,
    undefined,
    Number.NaN,
    Infinity,
    -Infinity,
    -0,
    1e308,
    -1e308,
    2 ** 53 + 1,
    MAX_COORD + 1,
    -MAX_COORD - 1,
    '',
    ' ',
    'group',
    'feature-stor',
    '__proto__',
    true,
    [],
    {},
  ),
  fc.constantFrom(...KIND_IDS),
  fc.string({ maxLength: 8 }),
  fc.integer(),
  fc.double(),
  jsonValue,
  fc.constant(null).map(() => JSON.parse('{"__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}}}')),
  fc.nat({ max: 300 }).map((depth) => {
    let v: unknown = 'deep';
    for (let i = 0; i < depth; i++) v = i % 2 ? [v] : { v };
    return v;
  }),
);

const key = fc.oneof(
  fc.constantFrom('__proto__', 'constructor', 'prototype', 'polluted', 'id', 'kind', 'parent', 'x', 'y', 'props', 'version', 'format', 'nodes', 'edges', 'reason', 'rule'),
  fc.string({ maxLength: 6 }),
);

type Mutation =
  | { op: 'delete'; pick: number }
  | { op: 'replace'; pick: number; value: unknown }
  | { op: 'retype'; pick: number }
  | { op: 'inject'; pick: number; key: string; value: unknown }
  | { op: 'copy'; pick: number; from: number };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constant('delete' as const), pick: fc.nat() }),
  fc.record({ op: fc.constant('replace' as const), pick: fc.nat(), value: nasty }),
  fc.record({ op: fc.constant('retype' as const), pick: fc.nat() }),
  fc.record({ op: fc.constant('inject' as const), pick: fc.nat(), key, value: nasty }),
  fc.record({ op: fc.constant('copy' as const), pick: fc.nat(), from: fc.nat() }),
);

function retype(v: unknown): unknown {
  if (typeof v === 'number') return String(v);
  if (typeof v === 'string') return v.length ? Number(v) || v.length : false;
  if (typeof v === 'boolean') return v ? 'true' : 0;
  if (v === null) return {};
  if (Array.isArray(v)) {
    const o: Record<string, unknown> = {};
    for (let i = 0; i < v.length; i++) o[String(i)] = v[i];
    return o;
  }
  if (typeof v === 'object') return Object.values(v as object);
  return null;
}

/** Applies one mutation in place; the root itself may be replaced (returned). */
function apply(root: Container, m: Mutation): unknown {
  const all = slots(root);
  if (all.length === 0) return m.op === 'replace' ? m.value : root;
  const { parent, key: k } = all[m.pick % all.length];
  const p = parent as Record<string | number, unknown>;
  switch (m.op) {
    case 'delete':
      if (Array.isArray(parent) && typeof k === 'number') {
        if (m.pick % 2) removeAt(parent, k);
        else delete parent[k]; // leaves a hole
      } else delete p[k];
      break;
    case 'replace':
      p[k] = fresh(m.value);
      break;
    case 'retype':
      p[k] = retype(p[k]);
      break;
    case 'inject': {
      const target = typeof p[k] === 'object' && p[k] !== null ? (p[k] as Record<string, unknown>) : p;
      // defineProperty makes an own `__proto__` member, exactly as JSON.parse does.
      try {
        Object.defineProperty(target, m.key, { value: fresh(m.value), enumerable: true, writable: true, configurable: true });
      } catch {
        // e.g. `length` of an array: JS forbids it, so no file can hold it either
      }
      break;
    }
    case 'copy':
      // Copy one value somewhere else: duplicate ids, ids in wrong places, nodes as edges.
      p[k] = structuredCloneSafe((all[m.from % all.length].parent as Record<string | number, unknown>)[all[m.from % all.length].key]);
      break;
  }
  return root;
}

/**
 * A private copy of a generated value, for the file to own. fast-check hands the same instances
 * to many runs (constantFrom's `[]` and `{}` are single objects shared by every run, and replaying
 * or shrinking reuses values), and the mutations write into what they insert; without the copy a
 * run changes the `{}` of later runs, which grows until it holds itself (a cycle: JSON.stringify of
 * the file then threw, in the test, not the parser: this property with seed 8 and numRuns 200,000
 * failed so at run 71,708) and a failure
 * cannot be replayed from its seed and path. structuredClone keeps what JSON would lose:
 * undefined, NaN, ±Infinity, -0 and own `__proto__` keys.
 */
function fresh(v: unknown): unknown {
  return structuredClone(v);
}

/**
 * Removes element `k` of an array in place, as `splice(k, 1)` would (holes stay holes), without
 * calling splice: splice builds its result through `array.constructor[Symbol.species]`, so an
 * array given an own `constructor` by an earlier 'inject' made the test itself throw a TypeError
 * ("object.constructor[Symbol.species] is not a constructor") before the parser ever ran (this
 * property with seed 3 and numRuns 100,000, at run 50,780: inject `constructor: 0` into
 * `suppressions[0].nodeIds`, then delete one of its elements). The parser copes with such an array
 * (it only indexes arrays); the harness must not trip on it either.
 */
function removeAt(array: unknown[], k: number): void {
  for (let i = k; i < array.length - 1; i++) {
    if (i + 1 in array) array[i] = array[i + 1];
    else delete array[i];
  }
  array.length -= 1;
}

function structuredCloneSafe(v: unknown): unknown {
  try {
    return v === undefined ? undefined : JSON.parse(JSON.stringify(v) ?? 'null');
  } catch {
    return null;
  }
}

/** Throws when a condition fails (plain checks: expect() per field is too slow for 10,000 runs). */
function check(condition: boolean, what: string): void {
  if (!condition) throw new Error(what);
}

const DANGEROUS = ['__proto__', 'constructor', 'prototype'];

/** Whatever the parser accepts must be a sound diagram. */
function assertSound(d: Diagram): void {
  check(d.nodes.length <= MAX_NODES, 'too many nodes');
  check(Object.getPrototypeOf(d) === Object.prototype, 'diagram is a plain object');
  const index = new Map<string, number>();
  d.nodes.forEach((n, i) => {
    check(typeof n.id === 'string' && n.id !== '', `nodes[${i}].id is a non-empty string`);
    check(!index.has(n.id), `nodes[${i}].id is unique`);
    index.set(n.id, i);
    check(isKindId(n.kind), `nodes[${i}].kind is known`);
    for (const c of [n.position.x, n.position.y]) check(Number.isFinite(c) && Math.abs(c) <= MAX_COORD, `nodes[${i}] position in range`);
    check(Object.getPrototypeOf(n.props) === Object.prototype, `nodes[${i}].props is a plain object`);
    for (const bad of DANGEROUS) check(!Object.prototype.hasOwnProperty.call(n.props, bad), `nodes[${i}].props has no ${bad}`);
    if (n.parent !== undefined) {
      const at = index.get(n.parent);
      check(at !== undefined, `parent ${n.parent} of ${n.id} comes first`);
      check(d.nodes[at!].kind === 'group', `parent of ${n.id} is a group`);
    }
  });
  const edgeIds = new Set<string>();
  for (const e of d.edges) {
    check(!edgeIds.has(e.id), `edge ${e.id} is unique`);
    edgeIds.add(e.id);
    check(index.has(e.source) && index.has(e.target), `edge ${e.id} joins existing nodes`);
  }
  for (const s of d.suppressions) check(s.reason.trim() !== '', 'suppression has a reason');
  // What was accepted is valid, so it must round-trip exactly.
  const text = serializeDiagram(d);
  const again = parseDiagramText(text);
  check(again.ok && serializeDiagram(again.value) === text, 'an accepted diagram round-trips');
}

function assertResult(r: unknown): void {
  check(typeof r === 'object' && r !== null, 'a Result object');
  const res = r as { ok: boolean; value?: Diagram; error?: { path: string; problem: string; message: string } };
  check(typeof res.ok === 'boolean', 'ok is a boolean');
  if (res.ok) assertSound(res.value!);
  else {
    const { path, problem, message } = res.error!;
    check(typeof path === 'string' && typeof problem === 'string' && problem.length > 0, 'error has a path and a problem');
    check(message === (path ? `${path}: ${problem}` : problem), 'message is path: problem');
  }
}

/**
 * The seed of the mutation fuzzing: a new one each run, or FUZZ_SEED (with FUZZ_PATH, the
 * counterexample's path) to replay a failure. Each run starts from fresh values (see fresh()), so a
 * seed and path reproduce a failure exactly.
 */
function fuzzSeed(): number {
  const given = process.env.FUZZ_SEED;
  if (given === undefined || given === '') return (Math.random() * 2 ** 32) | 0;
  const seed = Number(given);
  if (!Number.isInteger(seed)) throw new Error(`FUZZ_SEED must be an integer, got ${JSON.stringify(given)}`);
  return seed;
}

describe('the mutator (the fuzzing harness itself)', () => {
  it('removes an element of an array that has an own constructor (where splice throws), keeping holes', () => {
    const nodeIds: unknown[] = ['a', 'b', 'c'];
    Object.defineProperty(nodeIds, 'constructor', { value: 0, enumerable: true, writable: true, configurable: true });
    expect(() => nodeIds.splice(2, 1)).toThrow(TypeError); // what the test itself used to throw
    removeAt(nodeIds, 1);
    expect([...nodeIds]).toEqual(['a', 'c']);
    const holey: unknown[] = ['a', 'b', 'c', 'd'];
    delete holey[2];
    removeAt(holey, 0);
    expect(holey.length).toBe(3);
    expect(1 in holey).toBe(false);
    expect(holey[2]).toBe('d');
  });

  it('inserts copies: a generated value shared by two mutations (or two runs) is never changed nor made cyclic', () => {
    const shared = {}; // what fc.constantFrom({}) hands to every run
    const file: Container = { nodes: [] };
    apply(file, { op: 'replace', pick: 0, value: shared });
    apply(file, { op: 'inject', pick: 0, key: 'k', value: shared });
    expect(shared).toEqual({});
    expect(JSON.stringify(file)).toBe('{"nodes":{"k":{}}}');
  });
});

describe('parser fuzzing', () => {
  it('10,000 mutated files: never a throw, always a Result, and only sound diagrams accepted', () => {
    const seed = fuzzSeed();
    const path = process.env.FUZZ_PATH || undefined;
    // Logged before the run, so that even a run cut short (a timeout while shrinking) names its seed.
    console.info(`fuzz: seed ${seed}${path ? `, path ${path}` : ''}`);
    let accepted = 0;
    const details = fc.check(
      fc.property(diagramArb({ maxNodes: 6, maxEdges: 6 }), fc.array(mutation, { minLength: 1, maxLength: 4 }), (d, mutations) => {
        let file: unknown = JSON.parse(JSON.stringify(toFileObject(d)));
        for (const m of mutations) {
          file = typeof file === 'object' && file !== null ? apply(file as Container, m) : file;
        }
        // A throw here fails the property with the counterexample.
        const result = parseDiagram(file);
        assertResult(result);
        if (result.ok) accepted++;
        const text = JSON.stringify(file);
        if (text !== undefined) assertResult(parseDiagramText(text));
        check(!Object.prototype.hasOwnProperty.call(Object.prototype, 'polluted'), 'Object.prototype is clean');
      }),
      { numRuns: 10_000, seed, ...(path ? { path } : {}) },
    );
    if (details.failed) {
      // The seed and the replay command lead the message, so every reporter (and a summary that
      // shows only the first line) keeps them; fast-check's own report (counterexample, shrinks) follows.
      throw new Error(
        `fuzz failed with seed ${details.seed}; replay it with\n` +
          `  FUZZ_SEED=${details.seed} FUZZ_PATH=${details.counterexamplePath} npx vitest run --project unit tests/unit/format/fuzz.test.ts -t "10,000 mutated"\n` +
          (fc.defaultReportMessage(details) ?? ''),
        { cause: details.errorInstance },
      );
    }
    console.info(`fuzz: ${accepted} of ${details.numRuns.toLocaleString('en-US')} mutated files accepted (seed ${seed})`);
    if (path) return; // a replay runs one case: the proportions below do not apply
    // The mutations must not be so destructive that nothing is ever accepted (nor so mild that all is).
    expect(accepted).toBeGreaterThan(100);
    expect(accepted).toBeLessThan(9_900);
  }, 120_000);

  it('arbitrary JSON values and text never make the parser throw', () => {
    fc.assert(
      fc.property(jsonValue, fc.string(), (value, text) => {
        assertResult(parseDiagram(value));
        assertResult(parseDiagramText(text));
        assertResult(parseDiagram({ format: 'mlsd-canvas', version: 1, nodes: value, edges: value }));
      }),
      { numRuns: 2_000 },
    );
  });
});

/**
 * Every state the editor can reach parses: random designs (coordinates up to the ±1,000,000 limit,
 * nested zones, unknown props), then random sequences of the store's actions with the arguments the
 * canvas, the keys and the panels give them, some far beyond the range; after each, the file Save
 * writes must open again. (The limits of counts and size have their own tests in store/limits.test.ts.)
 */
describe('store actions on random designs', () => {
  type Act = (s: DiagramStore, pick: (n: number) => number) => void;
  const far = fc.oneof(fc.integer({ min: -1_200_000, max: 1_200_000 }), fc.constantFrom(-MAX_COORD, MAX_COORD, MAX_COORD - 3, 2_000_000_000));
  const ids = (s: DiagramStore, pick: (n: number) => number, k: number) => {
    const all = s.getState().diagram.nodes;
    return all.length ? Array.from({ length: 1 + (k % 3) }, () => all[pick(all.length)].id) : [];
  };
  const action: fc.Arbitrary<Act> = fc.oneof(
    fc.tuple(fc.constantFrom(...KIND_IDS), far, far).map(([kind, x, y]): Act => (s, pick) => {
      const zones = s.getState().diagram.nodes.filter((n) => n.kind === 'group');
      s.getState().addNode({ kind, position: { x, y }, ...(zones.length && pick(2) ? { parent: zones[pick(zones.length)].id } : {}) });
    }),
    fc.tuple(fc.nat(), fc.constantFrom(1, 10, -1, -10, 1_500_000), fc.constantFrom(0, 1, -10)).map(([k, dx, dy]): Act => (s, pick) => s.getState().nudge(ids(s, pick, k), dx, dy)),
    fc.tuple(far, far, fc.boolean()).map(([x, y, reparent]): Act => (s, pick) => {
      const all = s.getState().diagram.nodes;
      if (!all.length) return;
      const n = all[pick(all.length)];
      const zones = all.filter((z) => z.kind === 'group');
      const parent = reparent ? (zones.length && pick(2) ? zones[pick(zones.length)].id : null) : undefined;
      s.getState().moveNodes([{ id: n.id, position: { x, y }, parent }]);
    }),
    fc.nat().map((k): Act => (s, pick) => s.getState().deleteElements(ids(s, pick, k), [])),
    fc.tuple(fc.nat(), fc.constantFrom(32, 64, 1_000_000)).map(([k, off]): Act => (s, pick) => {
      s.getState().paste(copyFragment(s.getState().diagram, ids(s, pick, k)), { x: off, y: off });
    }),
    fc.nat().map((k): Act => (s, pick) => void s.getState().createZoneAround(ids(s, pick, k))),
    fc.tuple(far, far, fc.integer({ min: -10, max: 3_000_000 }), fc.integer({ min: -10, max: 3_000_000 })).map(([x, y, width, height]): Act => (s, pick) => {
      const zones = s.getState().diagram.nodes.filter((z) => z.kind === 'group');
      if (zones.length) s.getState().resizeZone(zones[pick(zones.length)].id, { x, y, width, height });
    }),
    fc.constant((s: DiagramStore) => s.getState().tidyUp(tidyLayout)),
    fc.constant((s: DiagramStore, pick: (n: number) => number) => {
      const all = s.getState().diagram.nodes;
      if (all.length) s.getState().connect(all[pick(all.length)].id, all[pick(all.length)].id);
    }),
    fc.tuple(fc.string({ maxLength: 8 }), fc.double()).map(([text, latency]): Act => (s, pick) => {
      const all = s.getState().diagram.nodes;
      if (all.length) s.getState().updateNode(all[pick(all.length)].id, { label: text, props: { notes: text, latencyMs: latency } });
    }),
    fc.string({ maxLength: 8 }).map((t): Act => (s) => s.getState().setTitle(t)),
    fc.string({ maxLength: 8 }).map((t): Act => (s) => s.getState().setBrief(t)),
    fc.constant((s: DiagramStore) => s.getState().undo()),
    fc.constant((s: DiagramStore) => s.getState().redo()),
  );

  it('every state reached by 2,000 random action sequences saves as a file that opens again', () => {
    fc.assert(
      fc.property(diagramArb({ maxNodes: 8, maxEdges: 8 }), fc.array(fc.tuple(action, fc.array(fc.nat(), { minLength: 8, maxLength: 8 })), { minLength: 1, maxLength: 8 }), (d, acts) => {
        let k = 0;
        const store = createDiagramStore({ diagram: d, newId: (p) => `${p}-${k++}` });
        for (const [act, picks] of acts) {
          let j = 0;
          act(store, (n) => picks[j++ % picks.length] % n);
          const r = parseDiagramText(serializeForFile(store.getState().diagram, MAX_FILE_BYTES));
          if (!r.ok) throw new Error(`after ${act.toString().slice(0, 60)}: ${r.error.message}`);
        }
      }),
      { numRuns: 2_000 },
    );
  }, 120_000);
});
