import { describe, expect, it } from 'vitest';
import { MAX_COORD, MAX_EDGES, MAX_FILE_BYTES, MAX_NODES, parseDiagram, parseDiagramText } from '../../../src/domain/format/parse';

/* eslint-disable @typescript-eslint/no-explicit-any */

/** A small valid file touching every feature; each test breaks one thing in a fresh copy. */
function file(): any {
  return {
    format: 'mlsd-canvas',
    version: 1,
    title: 'Fraud detection',
    problem: 'fraud',
    brief: 'Flag fraudulent card payments in real time.',
    nodes: [
      { id: 'z', kind: 'group', label: 'Online', position: { x: 0, y: 0 }, props: { zone: 'online', width: 400, height: 300 } },
      { id: 'api', kind: 'prediction-api', parent: 'z', position: { x: 10, y: 10 }, props: { tool: 'gRPC', latencyMs: 20 } },
      { id: 'obj', kind: 'ml-objective', position: { x: 0, y: -200 }, props: { task: 'classification' } },
      { id: 'req', kind: 'requirements', position: { x: 0, y: -400 }, props: { realtime: true, latencyBudgetMs: 100 } },
      { id: 'c', kind: 'custom', position: { x: 500, y: 0 }, props: { stage: 'data' } },
    ],
    edges: [
      { id: 'e1', source: 'req', target: 'api', kind: 'request', label: 'calls' },
      { id: 'e2', source: 'c', target: 'api' },
    ],
    suppressions: [{ rule: 'orphan-node', nodeIds: ['obj'], reason: 'the framing card stands alone' }],
  };
}

function refusal(input: unknown): { path: string; message: string } {
  const r = parseDiagram(input);
  if (r.ok) throw new Error('expected a refusal, got a diagram');
  expect(r.error.message).toBe(r.error.path ? `${r.error.path}: ${r.error.problem}` : r.error.problem);
  return { path: r.error.path, message: r.error.message };
}

function textRefusal(text: string): { path: string; message: string } {
  const r = parseDiagramText(text);
  if (r.ok) throw new Error('expected a refusal, got a diagram');
  return { path: r.error.path, message: r.error.message };
}

function broken(edit: (f: any) => void): any {
  const f = file();
  edit(f);
  return f;
}

describe('parseDiagram accepts a valid file', () => {
  it('reads every field and fills defaults', () => {
    const r = parseDiagram(file());
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.title).toBe('Fraud detection');
    expect(r.value.problem).toBe('fraud');
    expect(r.value.nodes.map((n) => n.id)).toEqual(['z', 'api', 'obj', 'req', 'c']);
    expect(r.value.edges[1]).toEqual({ id: 'e2', source: 'c', target: 'api', kind: 'data' });
    expect(r.value.suppressions).toEqual([{ rule: 'orphan-node', nodeIds: ['obj'], reason: 'the framing card stands alone' }]);
  });

  it('defaults title, problem, props, edge kind and suppressions; leaves optional fields absent', () => {
    const r = parseDiagram({
      format: 'mlsd-canvas',
      version: 1,
      nodes: [
        { id: 'a', kind: 'database', position: { x: 0, y: 0 } },
        { id: 'b', kind: 'batch-etl', position: { x: 1, y: 1 } },
      ],
      edges: [{ id: 'e', source: 'a', target: 'b' }],
    });
    expect(r).toEqual({
      ok: true,
      value: {
        title: 'Untitled design',
        problem: 'generic',
        nodes: [
          { id: 'a', kind: 'database', position: { x: 0, y: 0 }, props: {} },
          { id: 'b', kind: 'batch-etl', position: { x: 1, y: 1 }, props: {} },
        ],
        edges: [{ id: 'e', source: 'a', target: 'b', kind: 'data' }],
        suppressions: [],
      },
    });
    if (!r.ok) return;
    expect('brief' in r.value).toBe(false);
    expect('label' in r.value.nodes[0]).toBe(false);
    expect('parent' in r.value.nodes[0]).toBe(false);
    expect('label' in r.value.edges[0]).toBe(false);
  });

  it('drops unknown top-level and node-level fields but keeps unknown props', () => {
    const f = file();
    f.extra = 1;
    f.nodes[1].selected = true;
    f.nodes[1].props.owner = { team: 'risk', oncall: ['a', 'b'] };
    const r = parseDiagram(f);
    if (!r.ok) throw new Error(r.error.message);
    expect('extra' in r.value).toBe(false);
    expect('selected' in r.value.nodes[1]).toBe(false);
    expect(r.value.nodes[1].props.owner).toEqual({ team: 'risk', oncall: ['a', 'b'] });
  });

  it('accepts coordinates of exactly ±1,000,000 and reads -0 as 0', () => {
    const r = parseDiagram(broken((f) => (f.nodes[2].position = { x: MAX_COORD, y: -MAX_COORD })));
    expect(r.ok).toBe(true);
    const z = parseDiagramText(JSON.stringify(file()).replace('"x":500', '"x":-0'));
    if (!z.ok) throw new Error(z.error.message);
    expect(Object.is(z.value.nodes[4].position.x, 0)).toBe(true);
  });

  it('puts zones before their children, nested zones too, otherwise keeping file order', () => {
    const r = parseDiagram({
      format: 'mlsd-canvas',
      version: 1,
      nodes: [
        { id: 'a', kind: 'database', position: { x: 0, y: 0 } },
        { id: 'child', kind: 'cache', parent: 'inner', position: { x: 0, y: 0 } },
        { id: 'b', kind: 'database', position: { x: 0, y: 0 } },
        { id: 'inner', kind: 'group', parent: 'outer', position: { x: 0, y: 0 } },
        { id: 'c', kind: 'database', position: { x: 0, y: 0 } },
        { id: 'outer', kind: 'group', position: { x: 0, y: 0 } },
        { id: 'd', kind: 'database', parent: 'outer', position: { x: 0, y: 0 } },
      ],
      edges: [],
    });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.nodes.map((n) => n.id)).toEqual(['a', 'outer', 'inner', 'child', 'b', 'c', 'd']);
  });

  it('keeps a file that is already parents-first in its order', () => {
    const r = parseDiagram(file());
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.nodes.map((n) => n.id)).toEqual(file().nodes.map((n: any) => n.id));
  });

  it('accepts text with a UTF-8 byte order mark', () => {
    expect(parseDiagramText(`\uFEFF${JSON.stringify(file())}`).ok).toBe(true);
  });

  it('accepts a file of exactly 20 MB', () => {
    const json = JSON.stringify(file());
    const text = json + ' '.repeat(MAX_FILE_BYTES - json.length);
    expect(parseDiagramText(text).ok).toBe(true);
  });
});

describe('parseDiagramText refuses', () => {
  it('text that is not JSON', () => {
    const r = textRefusal('{"format": "mlsd-canvas", ');
    expect(r.path).toBe('');
    expect(r.message).toMatch(/^not a JSON file: /);
    expect(textRefusal('').message).toMatch(/^not a JSON file: /);
  });

  it('a file over 20 MB', () => {
    const json = JSON.stringify(file());
    const r = textRefusal(json + ' '.repeat(MAX_FILE_BYTES - json.length + 1));
    expect(r).toEqual({ path: '', message: 'the file is larger than 20 MB; the app opens files up to that size' });
  });

  it('a file over 20 MB in UTF-8 bytes though under 20 M characters', () => {
    const f = file();
    f.brief = 'é'.repeat(MAX_FILE_BYTES / 2); // 2 bytes each
    const text = JSON.stringify(f);
    expect(text.length).toBeLessThan(MAX_FILE_BYTES);
    expect(textRefusal(text).message).toBe('the file is larger than 20 MB; the app opens files up to that size');
  });

  it('JSON that is not an object', () => {
    expect(textRefusal('42')).toEqual({ path: '', message: 'not an mlsd-canvas file: expected a JSON object, got a number' });
    expect(textRefusal('null').message).toBe('not an mlsd-canvas file: expected a JSON object, got null');
    expect(textRefusal('[]').message).toBe('not an mlsd-canvas file: expected a JSON object, got an array');
  });

  it('a coordinate that JSON.parse reads as Infinity', () => {
    const text = JSON.stringify(file()).replace('"x":500', '"x":1e999');
    expect(textRefusal(text)).toEqual({ path: 'nodes[4].position.x', message: 'nodes[4].position.x: must be a finite number, got Infinity' });
  });
});

type Case = [name: string, input: unknown, path: string, message: string];

const cases: Case[] = [
  // the file itself
  ['format missing', broken((f) => delete f.format), 'format', 'format: missing; this is not an mlsd-canvas file'],
  ['another format', broken((f) => (f.format = 'excalidraw')), 'format', 'format: not an mlsd-canvas file (expected "mlsd-canvas", got "excalidraw")'],
  ['format not a string', broken((f) => (f.format = 1)), 'format', 'format: not an mlsd-canvas file (expected "mlsd-canvas", got a number)'],
  ['version missing', broken((f) => delete f.version), 'version', 'version: missing'],
  ['a newer version', broken((f) => (f.version = 3)), 'version', 'version: made by a newer mlsd-canvas (version 3); update to open it'],
  ['version as a string', broken((f) => (f.version = '1')), 'version', 'version: must be a positive integer, got "1"'],
  ['version 0', broken((f) => (f.version = 0)), 'version', 'version: must be a positive integer, got 0'],
  ['a negative version', broken((f) => (f.version = -1)), 'version', 'version: must be a positive integer, got -1'],
  ['a fractional version', broken((f) => (f.version = 1.5)), 'version', 'version: must be a positive integer, got 1.5'],
  ['title not a string', broken((f) => (f.title = 7)), 'title', 'title: must be a string, got a number'],
  ['brief not a string', broken((f) => (f.brief = null)), 'brief', 'brief: must be a string, got null'],
  ['an unknown problem', broken((f) => (f.problem = 'frod')), 'problem', 'problem: unknown problem "frod"'],
  ['problem not a string', broken((f) => (f.problem = ['fraud'])), 'problem', 'problem: must be a string, got an array'],
  ['nodes missing', broken((f) => delete f.nodes), 'nodes', 'nodes: missing'],
  ['nodes not an array', broken((f) => (f.nodes = {})), 'nodes', 'nodes: must be an array, got an object'],
  ['edges missing', broken((f) => delete f.edges), 'edges', 'edges: missing'],
  ['edges not an array', broken((f) => (f.edges = 'e1')), 'edges', 'edges: must be an array, got a string'],
  // nodes
  ['a node that is not an object', broken((f) => (f.nodes[3] = 'req')), 'nodes[3]', 'nodes[3]: must be an object, got a string'],
  ['node id missing', broken((f) => delete f.nodes[1].id), 'nodes[1].id', 'nodes[1].id: missing'],
  ['node id not a string', broken((f) => (f.nodes[1].id = 5)), 'nodes[1].id', 'nodes[1].id: must be a string, got a number'],
  ['node id empty', broken((f) => (f.nodes[1].id = '')), 'nodes[1].id', 'nodes[1].id: must not be empty'],
  ['duplicate node ids', broken((f) => (f.nodes[3].id = 'obj')), 'nodes[3].id', 'nodes[3].id: duplicate id "obj" (also used by nodes[2])'],
  ['node kind missing', broken((f) => delete f.nodes[2].kind), 'nodes[2].kind', 'nodes[2].kind: missing'],
  ['an unknown node kind', broken((f) => (f.nodes[3].kind = 'feature-stor')), 'nodes[3].kind', 'nodes[3].kind: unknown kind "feature-stor"'],
  ['node kind not a string', broken((f) => (f.nodes[3].kind = true)), 'nodes[3].kind', 'nodes[3].kind: must be a string, got a boolean'],
  ['label not a string', broken((f) => (f.nodes[1].label = 3)), 'nodes[1].label', 'nodes[1].label: must be a string, got a number'],
  ['position missing', broken((f) => delete f.nodes[2].position), 'nodes[2].position', 'nodes[2].position: missing'],
  ['position not an object', broken((f) => (f.nodes[2].position = [0, 0])), 'nodes[2].position', 'nodes[2].position: must be an object, got an array'],
  ['position.x missing', broken((f) => delete f.nodes[2].position.x), 'nodes[2].position.x', 'nodes[2].position.x: missing'],
  ['position.x not a number', broken((f) => (f.nodes[2].position.x = '0')), 'nodes[2].position.x', 'nodes[2].position.x: must be a number, got a string'],
  ['position.y NaN', broken((f) => (f.nodes[0].position.y = NaN)), 'nodes[0].position.y', 'nodes[0].position.y: must be a finite number, got NaN'],
  ['position.y infinite', broken((f) => (f.nodes[0].position.y = -Infinity)), 'nodes[0].position.y', 'nodes[0].position.y: must be a finite number, got -Infinity'],
  ['a coordinate beyond 1,000,000', broken((f) => (f.nodes[4].position.x = 1_000_001)), 'nodes[4].position.x', 'nodes[4].position.x: must be within ±1,000,000, got 1000001'],
  ['a coordinate beyond -1,000,000', broken((f) => (f.nodes[4].position.y = -1e300)), 'nodes[4].position.y', 'nodes[4].position.y: must be within ±1,000,000, got -1e+300'],
  // parents
  ['parent not a string', broken((f) => (f.nodes[1].parent = 1)), 'nodes[1].parent', 'nodes[1].parent: must be a string, got a number'],
  ['a missing parent', broken((f) => (f.nodes[1].parent = 'nowhere')), 'nodes[1].parent', 'nodes[1].parent: no node with id "nowhere"'],
  ['a parent that is not a group', broken((f) => (f.nodes[1].parent = 'obj')), 'nodes[1].parent', 'nodes[1].parent: "obj" is not a group (zone) but a "ml-objective" node'],
  ['a zone inside itself', broken((f) => (f.nodes[0].parent = 'z')), 'nodes[0].parent', 'nodes[0].parent: zones nest in a cycle: "z" -> "z"'],
  [
    'zones nesting in a cycle',
    broken((f) => {
      f.nodes.push({ id: 'y', kind: 'group', parent: 'z', position: { x: 0, y: 0 } });
      f.nodes[0].parent = 'y';
    }),
    'nodes[5].parent',
    'nodes[5].parent: zones nest in a cycle: "z" -> "y" -> "z"',
  ],
  // props
  ['props not an object', broken((f) => (f.nodes[1].props = ['gRPC'])), 'nodes[1].props', 'nodes[1].props: must be an object, got an array'],
  ['tool not a string', broken((f) => (f.nodes[1].props.tool = 1)), 'nodes[1].props.tool', 'nodes[1].props.tool: must be a string, got a number'],
  ['latencyMs as a string', broken((f) => (f.nodes[1].props.latencyMs = '20')), 'nodes[1].props.latencyMs', 'nodes[1].props.latencyMs: must be a number, got a string'],
  ['latencyMs not finite', broken((f) => (f.nodes[1].props.latencyMs = Infinity)), 'nodes[1].props.latencyMs', 'nodes[1].props.latencyMs: must be a finite number, got Infinity'],
  ['realtime not a boolean', broken((f) => (f.nodes[3].props.realtime = 'yes')), 'nodes[3].props.realtime', 'nodes[3].props.realtime: must be true or false, got a string'],
  ['pretrained not a boolean', broken((f) => (f.nodes[1].props.pretrained = 1)), 'nodes[1].props.pretrained', 'nodes[1].props.pretrained: must be true or false, got a number'],
  [
    'an unknown task',
    broken((f) => (f.nodes[2].props.task = 'clasification')),
    'nodes[2].props.task',
    'nodes[2].props.task: unknown task "clasification" (one of: classification, ranking, regression, retrieval, generation, detection)',
  ],
  [
    'an unknown label source (revision 2)',
    broken((f) => (f.nodes[2].props.labelSource = 'clicks')),
    'nodes[2].props.labelSource',
    'nodes[2].props.labelSource: unknown label source "clicks" (one of: user-feedback, human-annotation, outcome, self-supervised, none)',
  ],
  [
    'an unknown split',
    broken((f) => (f.nodes[2].props.split = 'shuffled')),
    'nodes[2].props.split',
    'nodes[2].props.split: unknown split "shuffled" (one of: random, time, user, group)',
  ],
  [
    'a positive rate above 1',
    broken((f) => (f.nodes[2].props.positiveRate = 12)),
    'nodes[2].props.positiveRate',
    'nodes[2].props.positiveRate: must be a number between 0 and 1, got 12',
  ],
  [
    'a negative sizing amount (revision 2)',
    broken((f) => (f.nodes[1].props.replicas = -2)),
    'nodes[1].props.replicas',
    'nodes[1].props.replicas: must be a number of 0 or more, got -2',
  ],
  [
    'a sizing amount written as text',
    broken((f) => (f.nodes[3].props.dau = '100M')),
    'nodes[3].props.dau',
    'nodes[3].props.dau: must be a number, got a string',
  ],
  [
    'a review share above 1',
    broken((f) => (f.nodes[1].props.reviewShare = 5)),
    'nodes[1].props.reviewShare',
    'nodes[1].props.reviewShare: must be a number between 0 and 1, got 5',
  ],
  [
    'a GPU type that is not text',
    broken((f) => (f.nodes[1].props.gpu = 100)),
    'nodes[1].props.gpu',
    'nodes[1].props.gpu: must be a string, got a number',
  ],
  [
    'actsAs that is not a list',
    broken((f) => (f.nodes[2].props.actsAs = 're-ranking')),
    'nodes[2].props.actsAs',
    'nodes[2].props.actsAs: must be a list of kind ids, got a string',
  ],
  [
    'an unknown kind in actsAs',
    broken((f) => (f.nodes[2].props.actsAs = ['re-ranking', 're-rankin'])),
    'nodes[2].props.actsAs[1]',
    'nodes[2].props.actsAs[1]: unknown kind "re-rankin"',
  ],
  [
    'a fallback that is not text',
    broken((f) => (f.nodes[2].props.fallback = 42)),
    'nodes[2].props.fallback',
    'nodes[2].props.fallback: must be a string, got a number',
  ],
  [
    'an unknown custom stage',
    broken((f) => (f.nodes[4].props.stage = 'storage')),
    'nodes[4].props.stage',
    'nodes[4].props.stage: unknown stage "storage" (one of: requirements, framing, data, model, evaluation, serving, monitoring)',
  ],
  ['an unknown zone', broken((f) => (f.nodes[0].props.zone = 'edge')), 'nodes[0].props.zone', 'nodes[0].props.zone: unknown zone "edge" (one of: offline, online)'],
  ['zone not a string', broken((f) => (f.nodes[0].props.zone = null)), 'nodes[0].props.zone', 'nodes[0].props.zone: must be a string, got null'],
  ['an unknown prop that is not JSON (NaN)', broken((f) => (f.nodes[1].props.extra = { a: [NaN] })), 'nodes[1].props.extra.a[0]', 'nodes[1].props.extra.a[0]: must be a finite number, got NaN'],
  ['an unknown prop that is a function', broken((f) => (f.nodes[1].props['odd key'] = () => 1)), 'nodes[1].props["odd key"]', 'nodes[1].props["odd key"]: must be a JSON value, got a function'],
  // edges
  ['an edge that is not an object', broken((f) => (f.edges[0] = null)), 'edges[0]', 'edges[0]: must be an object, got null'],
  ['edge id missing', broken((f) => delete f.edges[1].id), 'edges[1].id', 'edges[1].id: missing'],
  ['duplicate edge ids', broken((f) => (f.edges[1].id = 'e1')), 'edges[1].id', 'edges[1].id: duplicate id "e1" (also used by edges[0])'],
  ['edge source missing', broken((f) => delete f.edges[0].source), 'edges[0].source', 'edges[0].source: missing'],
  ['edge target missing', broken((f) => delete f.edges[0].target), 'edges[0].target', 'edges[0].target: missing'],
  ['an edge from a missing node', broken((f) => (f.edges[1].source = 'ghost')), 'edges[1].source', 'edges[1].source: no node with id "ghost"'],
  ['an edge to a missing node', broken((f) => (f.edges[0].target = 'ghost')), 'edges[0].target', 'edges[0].target: no node with id "ghost"'],
  ['edge target not a string', broken((f) => (f.edges[0].target = { id: 'api' })), 'edges[0].target', 'edges[0].target: must be a string, got an object'],
  [
    'an unknown edge kind',
    broken((f) => (f.edges[1].kind = 'async')),
    'edges[1].kind',
    'edges[1].kind: unknown edge kind "async" (one of: data, stream, request, model, feedback, control)',
  ],
  ['edge kind not a string', broken((f) => (f.edges[1].kind = 2)), 'edges[1].kind', 'edges[1].kind: must be a string, got a number'],
  ['edge label not a string', broken((f) => (f.edges[0].label = false)), 'edges[0].label', 'edges[0].label: must be a string, got a boolean'],
  // suppressions
  ['suppressions not an array', broken((f) => (f.suppressions = {})), 'suppressions', 'suppressions: must be an array, got an object'],
  ['a suppression that is not an object', broken((f) => (f.suppressions[0] = 'orphan-node')), 'suppressions[0]', 'suppressions[0]: must be an object, got a string'],
  ['a suppression without a rule', broken((f) => delete f.suppressions[0].rule), 'suppressions[0].rule', 'suppressions[0].rule: missing'],
  ['a suppression of an unknown rule', broken((f) => (f.suppressions[0].rule = 'orphan')), 'suppressions[0].rule', 'suppressions[0].rule: unknown rule "orphan"'],
  ['a suppression without a reason', broken((f) => delete f.suppressions[0].reason), 'suppressions[0].reason', 'suppressions[0].reason: missing; a suppression needs a reason'],
  ['a suppression with an empty reason', broken((f) => (f.suppressions[0].reason = '')), 'suppressions[0].reason', 'suppressions[0].reason: must not be empty; a suppression needs a reason'],
  ['a suppression with a blank reason', broken((f) => (f.suppressions[0].reason = ' \n ')), 'suppressions[0].reason', 'suppressions[0].reason: must not be empty; a suppression needs a reason'],
  ['a suppression reason not a string', broken((f) => (f.suppressions[0].reason = 1)), 'suppressions[0].reason', 'suppressions[0].reason: must be a string, got a number'],
  ['suppression nodeIds not an array', broken((f) => (f.suppressions[0].nodeIds = 'obj')), 'suppressions[0].nodeIds', 'suppressions[0].nodeIds: must be an array, got a string'],
  ['a suppression node id not a string', broken((f) => f.suppressions[0].nodeIds.push(3)), 'suppressions[0].nodeIds[1]', 'suppressions[0].nodeIds[1]: must be a string, got a number'],
];

describe('parseDiagram refuses, naming the path', () => {
  it.each(cases)('%s', (_name, input, path, message) => {
    expect(refusal(input)).toEqual({ path, message });
  });

  it('the same refusals from JSON text (for every case that JSON can express)', () => {
    for (const [name, input, path, message] of cases) {
      const text = JSON.stringify(input);
      if (JSON.stringify(JSON.parse(text)) !== text || /NaN|Infinity|function/.test(name + message)) continue;
      expect(textRefusal(text), name).toEqual({ path, message });
    }
  });

  it('a value that is not an object', () => {
    expect(refusal(undefined)).toEqual({ path: '', message: 'not an mlsd-canvas file: expected a JSON object, got nothing' });
    expect(refusal('{"format":"mlsd-canvas"}').message).toBe('not an mlsd-canvas file: expected a JSON object, got a string');
  });

  it('more than 20,000 nodes', () => {
    const f = file();
    f.nodes = Array.from({ length: MAX_NODES + 1 }, (_, i) => ({ id: `n${i}`, kind: 'cache', position: { x: 0, y: 0 } }));
    f.edges = [];
    f.suppressions = [];
    expect(refusal(f)).toEqual({ path: 'nodes', message: 'nodes: 20,001 nodes; a diagram may have at most 20,000' });
    f.nodes.pop();
    expect(parseDiagram(f).ok).toBe(true);
  });

  it('more than 100,000 edges (domain.md revision 2)', () => {
    const f = file();
    f.nodes = [
      { id: 'a', kind: 'cache', position: { x: 0, y: 0 } },
      { id: 'b', kind: 'cache', position: { x: 300, y: 0 } },
    ];
    f.edges = Array.from({ length: MAX_EDGES + 1 }, (_, i) => ({ id: `e${i}`, source: 'a', target: 'b' }));
    f.suppressions = [];
    expect(refusal(f)).toEqual({ path: 'edges', message: 'edges: 100,001 edges; a diagram may have at most 100,000' });
    f.edges.pop();
    const r = parseDiagram(f);
    expect(r.ok && r.value.edges.length).toBe(100_000);
  });

  it('free-form props nested beyond 64 levels (and cyclic objects) without overflowing the stack', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 10_000; i++) deep = [deep];
    const r = refusal(broken((f) => (f.nodes[1].props.deep = deep)));
    expect(r.path.startsWith('nodes[1].props.deep[0][0]')).toBe(true);
    expect(r.message).toMatch(/: nested more than 64 levels deep$/);

    const cyclic: any = { name: 'loop' };
    cyclic.self = cyclic;
    expect(refusal(broken((f) => (f.nodes[1].props.cyclic = cyclic))).message).toMatch(/^nodes\[1\]\.props\.cyclic\.self\.self.*: nested more than 64 levels deep$/);
  });

  it('a hostile object (a throwing getter) with an error, not a throw', () => {
    const f = file();
    Object.defineProperty(f, 'nodes', {
      enumerable: true,
      get() {
        throw new Error('boom');
      },
    });
    expect(refusal(f)).toEqual({ path: '', message: 'could not read this diagram: boom' });
  });

  it('reads only own fields, never inherited ones', () => {
    const f = file();
    const inherited = Object.create({ nodes: f.nodes, edges: f.edges });
    Object.assign(inherited, { format: 'mlsd-canvas', version: 1 });
    expect(refusal(inherited)).toEqual({ path: 'nodes', message: 'nodes: missing' });
  });
});
